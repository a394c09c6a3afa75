"""Mentions: a value as one report writes it, with its sentence and the words around it.

Every kind of dispute sets mentions against each other. They are taken from news sentences only
(a photo caption restates the text, often with its own numbers), and a short sentence without a
time of its own carries the sentence before it as its lead: it continues that sentence's scene.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crossread.clean import caption_spans
from crossread.context import window
from crossread.model import Article, Evidence, Sentence

SHORT_SENTENCE = 8  # words: a sentence this short without a time of its own is elliptic


@dataclass(frozen=True)
class Mention:
    article: int
    sentence: Sentence
    start: int
    end: int
    text: str
    context: tuple[str, ...]
    # the sentence before, when this one is too short to set its own scene ("More than 50
    # people were injured." continues whatever the sentence before it was about)
    lead: Sentence | None = None

    @property
    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(self.article, s.text, s.start, s.end)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _quoted(s: Sentence) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in s.quotes]


def _unquoted_matches(articles: Sequence[Article], pattern: re.Pattern[str], *,
                      width: int = 7, attributed: bool = True,
                      ) -> Iterator[tuple[re.Match[str], Mention]]:
    """Each match of `pattern` outside quotations (and, unless `attributed`, outside
    attribution phrases: someone else's words), with its mention, whose context is the content
    words within `width` of it."""
    for a in articles:
        for s in a.sentences:
            skip = _quoted(s)
            if not attributed:
                skip += [(x.start, x.end) for x in s.attribution]
            for m in pattern.finditer(s.text):
                if not _inside(s.start + m.start(), skip):
                    yield m, Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                     m.group(0), tuple(window(s.text, m.start(), m.end(), width)))


def _news_sentences(a: Article) -> list[Sentence]:
    """The article's sentences less photo captions."""
    captions = caption_spans(a)
    return [s for s in a.sentences if not any(x <= s.start < y for x, y in captions)]


def _elliptic(s: Sentence) -> bool:
    return not s.times and len(s.text.split()) <= SHORT_SENTENCE


def _lead(a: Article, s: Sentence) -> Sentence | None:
    """The sentence a short one continues, if any."""
    if not _elliptic(s) or s.index == 0 or s.index > len(a.sentences):
        return None
    before = a.sentences[s.index - 1]
    return before if before.index == s.index - 1 else None
