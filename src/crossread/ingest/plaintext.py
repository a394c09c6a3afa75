"""Plain text: the first line is a headline only when it looks like one and a blank line follows."""

from __future__ import annotations

import re

from crossread.model import Article

_FIRST_LINE = re.compile(r"\A\s*(?P<line>[^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n")
_SENTENCE_END = re.compile(r"[.:;,]['\"’”)]*$")


def looks_like_headline(line: str) -> bool:
    """A headline is short, does not end like a sentence, and does not start mid-sentence.

    Seed 002 opens with its lede ("A North Korean soldier was shot ... on Monday.") followed by
    a blank line: the full stop is what tells it from a headline.
    """
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    if _SENTENCE_END.search(line):
        return False
    first = line.lstrip("#*\"'“‘ ")[:1]
    return not first.islower()


def read_plain(text: str, source: str) -> Article:
    title = raw_title = None
    body_start = 0
    m = _FIRST_LINE.match(text)
    if m and looks_like_headline(m.group("line")):
        raw_title = m.group("line")
        title = raw_title.lstrip("# ").strip()
        body_start = m.end()
    return Article(
        index=0, id="", text=text, source=source, title=title, raw_title=raw_title,
        body_start=body_start,
    )
