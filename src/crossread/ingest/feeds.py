"""RSS and Atom feeds: one article per entry, its text from the entry's content or summary."""

from __future__ import annotations

import html
import io
import re

import feedparser
import lxml.etree
import lxml.html

from crossread.ingest.decode import InputError
from crossread.ingest.identity import normalise_date, outlet_from_url
from crossread.model import Article, ReadError

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "figure", "pre", "ul", "ol", "table")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANKS = re.compile(r"\n\s*\n\s*")


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<rss", "<feed", "<rdf:rdf")):
        return True
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head)


def html_fragment_text(fragment: str) -> str:
    """Feed content is an HTML fragment: keep its paragraphs as blank-line separated text."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return html.unescape(fragment).strip()
    for el in root.iter("script", "style"):
        el.text = ""
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    text = _TRAILING.sub("\n", root.text_content())
    return _BLANKS.sub("\n\n", text).strip()


def _entry_text(entry: dict) -> str:
    content = entry.get("content") or []
    detail = content[0] if content else (entry.get("summary_detail") or {})
    raw = detail.get("value") or ("" if content else entry.get("summary", "")) or ""
    kind = (detail.get("type") or "text/html").lower()
    if "html" in kind or "xml" in kind:
        return html_fragment_text(raw)
    return raw.strip()


def read_feed(data: bytes | str, source: str) -> tuple[list[Article], list[ReadError]]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    # A file-like object: given bytes or a str, feedparser would treat text that looks like a
    # path or URL as one and read that file or fetch that URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError("not a readable RSS or Atom feed")
        raise InputError("feed has no entries")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    articles: list[Article] = []
    errors: list[ReadError] = []
    for i, entry in enumerate(parsed.entries):
        where = f"{source}#{i}"
        text = _entry_text(entry)
        if not text:
            errors.append(ReadError(where, "feed entry has no text"))
            continue
        link = entry.get("link")
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        title = (entry.get("title") or "").strip() or None
        # An aggregator's entry names its own source (RSS <source>, Atom <source><title>).
        origin = entry.get("source") or {}
        outlet = (origin.get("title") or "").strip() or feed_title or outlet_from_url(link)
        articles.append(Article(
            index=0, id="", text=text, source=where, external_id=entry.get("id"),
            outlet=outlet, url=link, title=title, raw_title=title,
            published=normalise_date(date),
        ))
    return articles, errors
