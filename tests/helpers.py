"""Small builders shared by the unit tests."""

from __future__ import annotations

from crossread.analyse import analyse
from crossread.clean import clean
from crossread.config import Config
from crossread.ingest.plaintext import read_plain
from crossread.model import Article

FAST = Config(entities="rules")


def article(text: str, published: str | None = None, source: str = "t.txt") -> Article:
    """A plain-text article, cleaned and analysed with the fast backend."""
    import dataclasses

    art = dataclasses.replace(read_plain(text, source), published=published)
    return analyse(clean(art), FAST)


def sentence(text: str, published: str | None = None):
    """The single analysed sentence of `text` (asserts there is exactly one)."""
    art = article(text, published)
    assert len(art.sentences) == 1, [s.text for s in art.sentences]
    return art.sentences[0]


def check_offsets(art: Article) -> None:
    """Every span of every annotation points at its own text in art.text."""
    for r in art.removed:
        base = art.raw_title if r.field == "title" else art.text
        assert base is not None and base[r.start:r.end] == r.text, r
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
        for group in (s.numbers, s.times, s.entities, s.attribution, s.hedges, s.quotes,
                      s.signals):
            for x in group:
                assert art.text[x.start:x.end] == x.text, (x, s.text)
                assert s.start <= x.start <= x.end <= s.end, (x, s.text)
