"""Analyse: split the cleaned body into sentences and annotate each with character spans."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from crossread.analyse import markers, nlp, numbers, sentences, times
from crossread.clean import kept_spans
from crossread.config import Config
from crossread.model import Article, Entity, Sentence

# Sentences analysed per article. The longest of the 313 Multi-News dev articles has 355 and
# the median 27; comparing reports costs the square of their sentences, so a page far longer
# than any report (a log, a book, a dump of lines) is read only this far (`truncated` says so).
MAX_SENTENCES = 500


def truncated(article: Article) -> bool:
    """Whether analysis stopped at MAX_SENTENCES with text still to come."""
    s = article.sentences
    return len(s) >= MAX_SENTENCES and bool(article.text[s[-1].end:].strip())


def analyse(article: Article, config: Config | None = None) -> Article:
    """Return the article with `sentences` filled in (the article must be cleaned first)."""
    return analyse_many([article], config)[0]


def analyse_many(articles: Sequence[Article], config: Config | None = None) -> list[Article]:
    config = config or Config()
    out = []
    for art in articles:
        text = art.text
        # sentence bounds first (cheap), so that the tagger reads no further than is kept
        blocks, bounds = [], []
        room = MAX_SENTENCES
        for bs, be in kept_spans(art):
            found = list(sentences.split(text, bs, be))[:room]
            if not found:
                continue
            blocks.append((bs, be if len(found) < room else found[-1][1]))
            bounds.append(found)
            room -= len(found)
            if not room:
                break
        block_info = nlp.analyse_blocks(text, blocks, config.entities)
        sents: list[Sentence] = []
        for (bs, be), found, info in zip(blocks, bounds, block_info, strict=True):
            qspans = markers.quote_spans(text, bs, be)
            spans = _BySentence(info)
            for ss, se in found:
                sents.append(_sentence(text, len(sents), ss, se, spans, qspans, art.published))
        out.append(dataclasses.replace(art, sentences=tuple(sents)))
    return out


def analysis_key(config: Config) -> str:
    """Names what made an analysis: this package's code and word lists, the cleaner's kept
    spans, the model's dataclasses, the entity recogniser and its model's version. A stored
    analysis under another key is stale (the code or the settings changed) and is recomputed."""
    model = ""
    if config.entities == "spacy":
        try:
            model = metadata.version(nlp.MODEL.replace("_", "-"))
        except metadata.PackageNotFoundError:
            model = "missing"
    raw = f"{_code_digest()}|{config.entities}|{model}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


@functools.cache
def _code_digest() -> str:
    here = Path(__file__).parent
    files = [p for p in here.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [here.parent / "clean.py", here.parent / "model.py"]
    return files_digest(here.parent, files)


def files_digest(root: Path, files: Iterable[Path]) -> str:
    """SHA-256 of the files' paths (relative to `root`) and contents, in path order: what a
    stored result records to tell which code made it."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_POSSESSIVE = ("’s", "'s", "’", "'")


def _entity(text: str, a: int, b: int, label: str) -> Entity:
    """Trim a leading article and a trailing possessive: "the Korean War", "Kim Jung-Un’s"."""
    if text.startswith(("the ", "The "), a) and b - a > 4:
        a += 4
    for suffix in _POSSESSIVE:
        if text.endswith(suffix, a, b) and b - len(suffix) > a:
            b -= len(suffix)
            break
    return Entity(text[a:b], label, a, b)


class _BySentence:
    """A block's tokens, dates and entities, found per sentence by binary search on their
    start: filtering the whole block for each sentence made a long block quadratic (30,000
    one-line "sentences" took longer than ten minutes)."""

    def __init__(self, info: nlp.BlockAnalysis) -> None:
        self.tokens = sorted(info.tokens, key=lambda t: t.start)
        self.dates = sorted(info.dates)
        self.entities = sorted(info.entities)
        self._token_starts = [t.start for t in self.tokens]
        self._date_starts = [a for a, _b in self.dates]
        self._entity_starts = [a for a, _b, _l in self.entities]

    @staticmethod
    def _within(items: list, starts: list[int], start: int, end: int) -> list:
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def tokens_in(self, start: int, end: int) -> list[nlp.Token]:
        return self._within(self.tokens, self._token_starts, start, end)

    def dates_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self._within(self.dates, self._date_starts, start, end)

    def entities_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [e for e in self._within(self.entities, self._entity_starts, start, end)
                if e[1] <= end]


def _sentence(text: str, index: int, start: int, end: int, spans: _BySentence,
              qspans: list[tuple[int, int]], published: str | None) -> Sentence:
    s = text[start:end]
    tokens = spans.tokens_in(start, end)
    dates = spans.dates_in(start, end)
    tms = times.extract(s, start, published, dates)
    # durations spaCy calls DATE ("five-hour", "10 or so days") stay quantities as well
    nums = numbers.extract(s, start, tokens, [(t.start, t.end) for t in tms if t.kind != "other"])
    ents = tuple(_entity(text, a, b, label) for a, b, label in spans.entities_in(start, end))
    attrs = markers.attributions(s, start, qspans)
    return Sentence(
        index=index, text=s, start=start, end=end,
        numbers=tuple(nums), times=tuple(tms), entities=ents,
        attribution=tuple(attrs),
        hedges=tuple(markers.hedges(s, start, qspans)),
        quotes=tuple(markers.quotes_in(s, start, qspans)),
        signals=tuple(markers.signals(s, start, qspans, attributed=bool(attrs))),
    )
