"""RSS and Atom feeds: one article per entry, its text from the entry's content or summary."""

from __future__ import annotations

import re

import feedparser
import lxml.html

from crossread.ingest.decode import InputError
from crossread.ingest.identity import normalise_date, outlet_from_url
from crossread.model import Article, ReadError

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr", "section")
_BLANKS = re.compile(r"\n\s*\n\s*")


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<rss", "<feed", "<rdf:rdf")):
        return True
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head)


def html_fragment_text(fragment: str) -> str:
    """Feed content is an HTML fragment: keep its paragraphs as blank-line separated text."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return _BLANKS.sub("\n\n", root.text_content()).strip()


def read_feed(data: bytes | str, source: str) -> tuple[list[Article], list[ReadError]]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError("not a readable RSS or Atom feed")
        raise InputError("feed has no entries")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    articles: list[Article] = []
    errors: list[ReadError] = []
    for i, entry in enumerate(parsed.entries):
        where = f"{source}#{i}"
        content = entry.get("content") or []
        raw = content[0].get("value", "") if content else entry.get("summary", "")
        text = html_fragment_text(raw or "")
        if not text:
            errors.append(ReadError(where, "feed entry has no text"))
            continue
        link = entry.get("link")
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        title = (entry.get("title") or "").strip() or None
        articles.append(Article(
            index=0, id="", text=text, source=where, external_id=entry.get("id"),
            outlet=feed_title or outlet_from_url(link), url=link, title=title, raw_title=title,
            published=normalise_date(date),
        ))
    return articles, errors
