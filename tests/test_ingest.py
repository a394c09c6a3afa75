"""Ingest: decoding, the readers (plain text, HTML, JSON, feeds), ids, outlets, dates, folders."""

from __future__ import annotations

import codecs
import json
import os
import random
import threading
from pathlib import Path

import pytest

from crossread.config import Config
from crossread.ingest import expand_sources, read_one, read_sources
from crossread.ingest.decode import InputError, decode
from crossread.ingest.feeds import html_fragment_text, read_feed
from crossread.ingest.html import read_html
from crossread.ingest.identity import content_id, normalise_date, outlet_from_path, outlet_from_url
from crossread.ingest.jsondocs import read_json
from crossread.ingest.plaintext import looks_like_headline, read_plain

CONFIG = Config(entities="rules")

FRENCH = "Le président a déclaré que la réunion était réussie à Genève."
ENGLISH_ACCENTS = "The café served crème brûlée; the señor called it naïve."


def _one(source: Path | str, config: Config = CONFIG):
    arts, errs = read_one(str(source), config)
    assert errs == []
    assert len(arts) == 1
    return arts[0]


# --- decode ----------------------------------------------------------------------------------


def test_decode_utf8() -> None:
    assert decode(FRENCH.encode("utf-8")) == FRENCH


def test_decode_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + FRENCH.encode("utf-8")) == FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + FRENCH.encode(codec)) == FRENCH


def test_decode_utf16_python_default_has_bom() -> None:
    assert decode(FRENCH.encode("utf-16")) == FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(codec: str) -> None:
    assert decode(ENGLISH_ACCENTS.encode(codec)) == ENGLISH_ACCENTS


@pytest.mark.parametrize("text", [FRENCH, ENGLISH_ACCENTS, "Café crème à la française"])
def test_decode_latin1_keeps_accents(text: str) -> None:
    # charset detection alone takes short Western text for cp1250 ("crčme"): it must not.
    assert decode(text.encode("latin-1")) == text


def test_decode_cp1252_curly_quotes() -> None:
    text = "He said \u201cit\u2019s fine\u201d \u2014 and left."
    assert decode(text.encode("cp1252")) == text


def test_decode_central_european_still_detected() -> None:
    text = "Zażółć gęślą jaźń, pchnąć w tę łódź jeża lub ośm skrzyń fig."
    assert decode(text.encode("cp1250")) == text


def test_decode_declared_charset_wrong_header_utf8_wins() -> None:
    # A server saying ISO-8859-1 (often a default) for UTF-8 bytes: latin-1 would "succeed".
    assert decode(FRENCH.encode("utf-8"), "iso-8859-1") == FRENCH


def test_decode_declared_charset_used_when_not_utf8() -> None:
    assert decode(FRENCH.encode("latin-1"), "ISO-8859-1") == FRENCH


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8,
                                  codecs.BOM_UTF8 + b"  \n", " \n ".encode("utf-16")])
def test_decode_empty_or_whitespace(data: bytes) -> None:
    with pytest.raises(InputError, match="empty input"):
        decode(data)


def test_decode_binary_with_nuls() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(InputError, match="binary"):
        decode(png)


def test_decode_random_bytes() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_decode_control_characters_without_nul() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(1, 32)) * 50)


def test_decode_error_messages_are_one_line() -> None:
    for data in (b"", b"\x00\x01\x02" * 100, codecs.BOM_UTF8 + b"\xff\xfe\xfd"):
        with pytest.raises(InputError) as info:
            decode(data)
        assert "\n" not in str(info.value)


# --- plain text ------------------------------------------------------------------------------

SEED_TITLES = {
    "000": "North Korean Soldier Runs Across DMZ and is Shot Multiple Times While Defecting to "
           "S. Korea [VIDEO]",
    "003": "North Korean Soldiers Open Fire on Man Attempting to Defect to the South",
    "002": None,
}


@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_seed_headlines(shared_dir: Path, prefix: str) -> None:
    files = sorted((shared_dir / "seeds").glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"seed {prefix} not in {shared_dir / 'seeds'}")
    art = _one(files[0])
    raw = files[0].read_bytes().decode("utf-8")
    assert art.text == raw  # the text as read: offsets point into the file's own text
    assert art.raw_title == SEED_TITLES[prefix]
    if art.raw_title is None:
        assert art.title is None
        assert art.body_start == 0
    else:
        assert art.text.startswith(art.raw_title)
        assert art.text[art.body_start:].lstrip() == art.text[art.body_start:]
        assert art.body_start > len(art.raw_title)
    assert art.outlet == files[0].stem  # no metadata: the file name


def test_plain_headline_needs_blank_line_after() -> None:
    art = read_plain("Crane collapses at harbour\nA crane fell on Tuesday.\n", "x")
    assert art.title is None and art.body_start == 0


def test_plain_headline_detected() -> None:
    text = "Crane collapses at harbour\n\nA crane fell on Tuesday, officials said.\n"
    art = read_plain(text, "x")
    assert art.raw_title == "Crane collapses at harbour"
    assert art.title == "Crane collapses at harbour"
    assert text[art.body_start:].startswith("A crane fell")
    assert art.text == text


def test_plain_first_sentence_is_not_a_headline() -> None:
    art = read_plain("A crane fell on Tuesday, officials said.\n\nMore on that later.\n", "x")
    assert art.title is None and art.body_start == 0


def test_plain_headline_crlf_and_markdown() -> None:
    text = "# Crane collapses at harbour\r\n\r\nA crane fell on Tuesday.\r\n"
    art = read_plain(text, "x")
    assert art.raw_title == "# Crane collapses at harbour"
    assert art.title == "Crane collapses at harbour"
    assert text[art.body_start:].startswith("A crane")


@pytest.mark.parametrize("line, expected", [
    ("Crane collapses at harbour", True),
    ("Is the harbour safe?", True),
    ("Crane", False),  # one word
    ("and then the crane fell over", False),  # starts mid-sentence
    ("The crane fell, officials said.", False),
    (" ".join(["word"] * 40), False),
])
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_plain_text_starting_with_bracket_is_not_json(tmp_path: Path) -> None:
    f = tmp_path / "story"  # no extension: the kind comes from the content
    f.write_text("[VIDEO] Crane collapses at harbour\n\nA crane fell on Tuesday.\n")
    art = _one(f)
    assert art.raw_title == "[VIDEO] Crane collapses at harbour"


# --- HTML ------------------------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour crane collapses onto cargo ship | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="og:title" content="Harbour crane collapses onto cargo ship">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header><div class="logo">The Coastal Gazette</div></header>
<main>
<article>
<h1>Harbour crane collapses onto cargo ship</h1>
<p>A container crane at the north harbour collapsed onto a moored cargo ship early on Tuesday,
the port authority said, injuring two dock workers.</p>
<p>The crane, one of six on the quay, buckled at about 6 a.m. while lifting a container,
according to a spokeswoman for the authority. Both workers were taken to the city hospital with
injuries that were not life-threatening.</p>
<p>Investigators from the national transport safety board arrived at the scene by midday and
closed the quay to all traffic. Shipping was diverted to the south terminal for the day.</p>
<p>“We are working to understand what went wrong,” the harbour master told reporters, adding
that the crane had passed an inspection in January.</p>
</article>
</main>
<footer><p>© 2024 The Coastal Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
"""

UNDATED_HTML = """<!DOCTYPE html>
<html><head><title>Crane collapses</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<p>A container crane at the north harbour collapsed onto a moored cargo ship early on Tuesday,
the port authority said, injuring two dock workers.</p>
<p>The crane, one of six on the quay, buckled at about 6 a.m. while lifting a container,
according to a spokeswoman for the authority. Both workers were taken to hospital.</p>
<p>Investigators arrived at the scene by midday and closed the quay to all traffic for the rest
of the day, the authority said in a statement.</p>
</article><footer>© 2021 Example Media. All rights reserved.</footer></body></html>
"""


def test_html_article() -> None:
    art = read_html(ARTICLE_HTML, "page.html")
    assert art.title == "Harbour crane collapses onto cargo ship"
    assert art.outlet == "The Coastal Gazette"
    assert art.published == "2024-03-05"
    assert "collapsed onto a moored cargo ship" in art.text
    assert "passed an inspection in January" in art.text
    assert "national transport safety board" in art.text
    for boilerplate in ("Privacy policy", "Contact us", "All rights reserved", "Weather"):
        assert boilerplate not in art.text


def test_html_file_body_starts_after_repeated_headline(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    art = _one(f)
    assert art.outlet == "The Coastal Gazette"
    assert art.text.startswith(art.raw_title)
    assert art.text[art.body_start:].startswith("A container crane")


def test_html_by_content_without_extension(tmp_path: Path) -> None:
    f = tmp_path / "page"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    assert _one(f).outlet == "The Coastal Gazette"


def test_html_latin1_page(tmp_path: Path) -> None:
    f = tmp_path / "page.htm"
    f.write_bytes(ARTICLE_HTML.replace("utf-8", "iso-8859-1").replace("“", '"')
                  .replace("”", '"').replace("©", "(c)")
                  .replace("two dock workers", "two dock workers from Besançon and Genève")
                  .encode("latin-1"))
    assert "Besançon and Genève" in _one(f).text


def test_html_copyright_year_is_not_a_date(tmp_path: Path) -> None:
    # trafilatura's extensive date search reads "© 2021" as 2021-01-01.
    art = read_html(UNDATED_HTML, "undated.html")
    assert art.published is None
    f = tmp_path / "undated.html"
    f.write_text(UNDATED_HTML)
    assert _one(f, Config(published="2017-11-13")).published == "2017-11-13"


def test_html_metadata_date_wins_over_date_option(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(ARTICLE_HTML)
    assert _one(f, Config(published="2017-11-13")).published == "2024-03-05"


@pytest.mark.parametrize("page", [
    "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav>"
    "<form><input name='user'></form></body></html>",
    "<html><body><noscript>You need to enable JavaScript to run this app.</noscript>"
    "<div id='root'></div><script>var x = 1;</script></body></html>",
    "<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>",
])
def test_html_without_article(page: str) -> None:
    with pytest.raises(InputError, match="no article text"):
        read_html(page, "x.html")


def test_html_without_article_in_a_folder_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(ARTICLE_HTML)
    (tmp_path / "b.html").write_text("<html><body><nav>Home News</nav></body></html>")
    arts, errs = read_sources([str(tmp_path)], CONFIG)
    assert [a.source for a in arts] == [str(tmp_path / "a.html")]
    assert [(e.source, "no article text" in e.message) for e in errs] == [
        (str(tmp_path / "b.html"), True)
    ]


# --- JSON ------------------------------------------------------------------------------------

BODY = "A crane fell onto a cargo ship on Tuesday, the port authority said."


def test_json_object(tmp_path: Path) -> None:
    f = tmp_path / "one.json"
    f.write_text(json.dumps({
        "id": "wire-42", "title": "Crane falls", "text": BODY, "url": "https://www.wire.example/a",
        "outlet": "Wire Service", "published": "2024-03-05T08:30:00Z",
    }))
    art = _one(f)
    assert art.external_id == "wire-42"
    assert art.title == art.raw_title == "Crane falls"
    assert art.text == BODY
    assert art.url == "https://www.wire.example/a"
    assert art.outlet == "Wire Service"
    assert art.published == "2024-03-05T08:30:00+00:00"
    assert art.source == str(f)
    assert len(art.id) == 16


def test_json_array_and_articles_wrapper(tmp_path: Path) -> None:
    items = [{"id": 1, "body": BODY, "source": "A Times"},
             {"id": 2, "text": BODY + " More.", "date": "2017-11-13", "source": "B Post"}]
    for name, payload in (("list.json", items), ("wrapped.json", {"articles": items})):
        f = tmp_path / name
        f.write_text(json.dumps(payload))
        arts, errs = read_one(str(f), CONFIG)
        assert errs == []
        assert [a.external_id for a in arts] == ["1", "2"]
        assert [a.outlet for a in arts] == ["A Times", "B Post"]
        assert [a.published for a in arts] == [None, "2017-11-13"]
        assert [a.source for a in arts] == [f"{f}[0]", f"{f}[1]"]


def test_json_newsapi_source_name() -> None:
    arts, errs = read_json(json.dumps({"status": "ok", "articles": [{
        "source": {"id": "cbs-news", "name": "CBS News"}, "title": "Soldier defects",
        "content": BODY, "url": "https://www.cbsnews.com/news/x", "publishedAt": "2017-11-13",
    }]}), "newsapi.json")
    assert errs == []
    assert arts[0].outlet == "CBS News"
    assert arts[0].published == "2017-11-13"


def test_jsonl_bad_line_among_good(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": BODY}),
        '{"id": "b", "text": "broken',
        "",
        json.dumps({"id": "c", "text": BODY + " Later."}),
        json.dumps({"id": "d", "title": "no text"}),
    ]) + "\n")
    arts, errs = read_one(str(f), CONFIG)
    assert [a.external_id for a in arts] == ["a", "c"]
    assert [a.source for a in arts] == [f"{f}:1", f"{f}:4"]
    assert [e.source for e in errs] == [f"{f}:2", f"{f}:5"]
    assert "invalid JSON" in errs[0].message
    assert "no text" in errs[1].message
    assert all("\n" not in str(e) for e in errs)


def test_jsonl_keeps_unicode_line_separators_inside_strings() -> None:
    text = BODY + "\u2028Second line.\u0085Third."
    arts, errs = read_json(json.dumps({"text": text}, ensure_ascii=False) + "\n"
                           + json.dumps({"text": BODY}, ensure_ascii=False) + "\n", "x.jsonl")
    assert errs == []
    assert [a.text for a in arts] == [text, BODY]


@pytest.mark.parametrize("payload, message", [
    ("[]", "no articles"),
    ('{"articles": []}', "no articles"),
    ('["a", "b"]', "expected a JSON object"),
    ('[{"id": 1,', "not valid JSON"),
])
def test_json_nothing_readable(tmp_path: Path, payload: str, message: str) -> None:
    f = tmp_path / "x.json"
    f.write_text(payload)
    arts, errs = read_sources([str(f)], CONFIG)
    assert arts == []
    assert errs and all(message in e.message for e in errs)


def test_json_title_repeated_in_text_is_the_headline(tmp_path: Path) -> None:
    f = tmp_path / "x.json"
    f.write_text(json.dumps({"title": "Crane falls", "text": "Crane falls\n\n" + BODY}))
    art = _one(f)
    assert art.text[art.body_start:] == BODY


# --- feeds -----------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Wire World News</title>
  <link>https://www.wire.example/</link>
  <item>
    <title>Crane falls onto ship</title>
    <link>https://www.wire.example/crane</link>
    <guid isPermaLink="false">wire-crane-1</guid>
    <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>A crane fell onto a cargo ship.</p>
      <p>Two workers were hurt &amp; taken to hospital.</p><p>The quay is closed.</p>]]>
    </content:encoded>
  </item>
  <item>
    <title>Port reopens</title>
    <link>https://www.wire.example/port</link>
    <description>Tom &amp;amp; Jerry's port reopened on Wednesday.</description>
  </item>
  <item>
    <title>Empty entry</title>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Blog</title>
  <id>urn:uuid:feed</id>
  <updated>2024-03-06T10:00:00Z</updated>
  <entry>
    <title>Inspection records questioned</title>
    <id>urn:uuid:entry-1</id>
    <link href="https://blog.example.org/inspection"/>
    <updated>2024-03-06T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The crane passed an inspection in January.&lt;/p&gt;
    &lt;p&gt;Records show a fault was logged.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(RSS)
    arts, errs = read_one(str(f), CONFIG)
    assert [a.title for a in arts] == ["Crane falls onto ship", "Port reopens"]
    first, second = arts
    assert first.text == ("A crane fell onto a cargo ship.\n\n"
                          "Two workers were hurt & taken to hospital.\n\nThe quay is closed.")
    assert first.external_id == "wire-crane-1"
    assert first.url == "https://www.wire.example/crane"
    assert first.outlet == "Wire World News"
    assert first.published == "2024-03-05"
    assert first.source == f"{f}#0"
    assert second.text == "Tom & Jerry's port reopened on Wednesday."
    assert [(e.source, e.message) for e in errs] == [(f"{f}#2", "feed entry has no text")]


def test_atom_feed_by_content(tmp_path: Path) -> None:
    f = tmp_path / "blog"  # no extension
    f.write_text(ATOM)
    art = _one(f)
    assert art.text == ("The crane passed an inspection in January.\n\n"
                        "Records show a fault was logged.")
    assert art.title == "Inspection records questioned"
    assert art.external_id == "urn:uuid:entry-1"
    assert art.outlet == "Harbour Blog"
    assert art.published == "2024-03-06"


def test_feed_aggregator_entry_source_is_the_outlet() -> None:
    rss = ('<rss version="2.0"><channel><title>Aggregator</title><item><title>T</title>'
           '<source url="https://times.example/rss">Example Times</source>'
           f"<description>{BODY}</description></item></channel></rss>")
    arts, _ = read_feed(rss, "agg.rss")
    assert arts[0].outlet == "Example Times"


def test_feed_content_that_is_a_path_is_not_opened(tmp_path: Path) -> None:
    # feedparser.parse(bytes) opens a file if the bytes name one: a feed's body must not.
    secret = tmp_path / "secret.rss"
    secret.write_text(RSS)
    with pytest.raises(InputError):
        read_feed(str(secret).encode(), "x.rss")


def test_not_a_feed(tmp_path: Path) -> None:
    f = tmp_path / "sitemap.xml"
    f.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    arts, errs = read_sources([str(f)], CONFIG)
    assert arts == [] and len(errs) == 1 and "feed" in errs[0].message


def test_html_fragment_text() -> None:
    assert html_fragment_text("<p>One</p><p>Two<br>lines</p>") == "One\n\nTwo\nlines"
    assert html_fragment_text("a &lt; b") == "a < b"
    assert html_fragment_text("<p>x</p><script>alert(1)</script>") == "x"


# --- identity: ids, outlets, dates -----------------------------------------------------------


def test_content_id_stable_across_whitespace() -> None:
    a = content_id("A crane fell.\n\nTwo were hurt.", "Crane falls")
    assert a == content_id("  A crane  fell.\r\n\r\nTwo were\thurt.  ", "Crane   falls")
    assert a != content_id("A crane fell.\n\nThree were hurt.", "Crane falls")
    assert a != content_id("A crane fell.\n\nTwo were hurt.", "Crane rises")
    assert len(a) == 16 and int(a, 16) >= 0


def test_content_id_same_across_encodings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(FRENCH.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(FRENCH.encode("utf-16"))
    (tmp_path / "c.txt").write_bytes(FRENCH.encode("latin-1"))
    arts, errs = read_sources([str(tmp_path)], CONFIG)
    assert errs == []
    assert len({a.id for a in arts}) == 1
    assert [a.text for a in arts] == [FRENCH] * 3


def test_outlet_fallbacks(tmp_path: Path) -> None:
    assert outlet_from_url("https://www.Example.co.uk/news/1") == "example.co.uk"
    assert outlet_from_url("https://news.example.org:8443/x") == "news.example.org"
    assert outlet_from_url(None) is None
    assert outlet_from_path("/a/b/cbs-news.txt") == "cbs-news"
    f = tmp_path / "wire-story.json"
    f.write_text(json.dumps([
        {"text": BODY, "outlet": "Named Outlet", "url": "https://www.host.example/a"},
        {"text": BODY + " 2", "url": "https://www.host.example/b"},
        {"text": BODY + " 3", "outlet": "   "},
        {"text": BODY + " 4"},
    ]))
    arts, errs = read_one(str(f), CONFIG)
    assert errs == []
    assert [a.outlet for a in arts] == ["Named Outlet", "host.example", "wire-story",
                                        "wire-story"]


def test_date_option_only_without_metadata(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": BODY, "published": "2024-03-05"}) + "\n"
                 + json.dumps({"text": BODY + " Again."}) + "\n")
    arts, _ = read_one(str(f), Config(published="2017-11-13"))
    assert [a.published for a in arts] == ["2024-03-05", "2017-11-13"]
    arts, _ = read_one(str(f), CONFIG)
    assert [a.published for a in arts] == ["2024-03-05", None]


@pytest.mark.parametrize("value, expected", [
    ("2017-11-13", "2017-11-13"),
    ("2017-11-13T00:00:00Z", "2017-11-13"),
    ("2017-11-13T10:00:00Z", "2017-11-13T10:00:00+00:00"),
    ("Mon, 13 Nov 2017 10:00:00 GMT", "2017-11-13T10:00:00+00:00"),
    ("13 November 2017", "2017-11-13"),
    ("yesterday", None),  # relative: cannot be resolved from metadata
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


# --- sources: files, folders -----------------------------------------------------------------


def test_expand_sources_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt",
                ".git/config", "sub/.cache/e.txt", "a-z.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(BODY)
    got = list(expand_sources([str(tmp_path), "-", "https://example.org/x"]))
    rel = [Path(g).relative_to(tmp_path).as_posix() for g in got[:-2]]
    assert rel == ["a-z.txt", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert got[-2:] == ["-", "https://example.org/x"]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden").write_text(BODY)
    arts, errs = read_sources([str(tmp_path / "empty")], CONFIG)
    assert arts == []
    assert [e.source for e in errs] == [str(tmp_path / "empty")]
    assert "no files" in errs[0].message


def test_folder_with_bad_files_among_good(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text("Crane falls\n\n" + BODY)
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "4-latin.txt").write_bytes(FRENCH.encode("latin-1"))
    (tmp_path / "5-utf16.txt").write_bytes(ENGLISH_ACCENTS.encode("utf-16"))
    big = tmp_path / "6-big.txt"
    with big.open("wb") as fh:  # sparse: refused on its size before any byte is read
        fh.truncate(50 * 1024 * 1024)
    arts, errs = read_sources([str(tmp_path)], CONFIG)
    assert [Path(a.source).name for a in arts] == ["1-good.txt", "4-latin.txt", "5-utf16.txt"]
    assert [a.index for a in arts] == [0, 1, 2]
    assert arts[1].text == FRENCH and arts[2].text == ENGLISH_ACCENTS
    messages = {Path(e.source).name: e.message for e in errs}
    assert messages == {
        "2-empty.txt": "empty input",
        "3-image.png": "binary file, not text",
        "6-big.txt": "too large: 50 MB, the limit is 20 MB (--max-size)",
    }


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("x" * 150)
    arts, errs = read_sources([str(tmp_path / "nope.txt"), str(f)], Config(max_bytes=100))
    assert arts == []
    assert [e.message for e in errs] == [
        "no such file or folder", "too large: 150 bytes, the limit is 100 bytes (--max-size)"
    ]


def test_deeply_nested_json_is_one_error_and_others_go_on(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)  # RecursionError inside json
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    arts, errs = read_sources([str(deep), str(good)], CONFIG)
    assert [a.source for a in arts] == [str(good)]
    assert [(e.source, e.message) for e in errs] == [
        (str(deep), "not readable JSON (nested too deeply)")]


def test_text_is_as_read_for_plain_files(tmp_path: Path) -> None:
    text = "Crane falls\r\n\r\n  A crane fell.\u00a0Two hurt.\n\n\n"
    f = tmp_path / "x.txt"
    f.write_bytes(text.encode("utf-8"))
    art = _one(f)
    assert art.text == text


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(("Crane falls\n\n" + BODY).encode("utf-16"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    art = _one("-")
    assert art.source == "-" and art.outlet == "stdin" and art.title == "Crane falls"


def test_txt_extension_is_never_sniffed_as_json(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    text = '{"text": "not an API dump"} is how the log line began, officials said.\n'
    f.write_text(text)
    assert _one(f).text == text


def test_json_by_content_without_extension(tmp_path: Path) -> None:
    f = tmp_path / "dump"
    f.write_text(json.dumps([{"id": "x1", "text": BODY}]))
    assert _one(f).external_id == "x1"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_read(tmp_path: Path) -> None:
    # `crossread brief <(curl ...)` passes a pipe, not a regular file.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as fh:
            fh.write(("Crane falls\n\n" + BODY).encode("utf-8"))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        art = _one(fifo)
    finally:
        writer.join(5)
    assert art.title == "Crane falls" and art.text.endswith(BODY)
