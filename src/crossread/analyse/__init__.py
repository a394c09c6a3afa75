"""Analyse: split the cleaned body into sentences and annotate each with character spans."""

from __future__ import annotations

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


def analyse(article: Article, config: Config | None = None) -> Article:
    """Return the article with `sentences` filled in (the article must be cleaned first)."""
    return analyse_many([article], config)[0]


def analyse_many(articles: Sequence[Article], config: Config | None = None) -> list[Article]:
    config = config or Config()
    out = []
    for art in articles:
        text = art.text
        blocks = kept_spans(art)
        block_info = nlp.analyse_blocks(text, blocks, config.entities)
        sents: list[Sentence] = []
        for (bs, be), info in zip(blocks, block_info, strict=True):
            qspans = markers.quote_spans(text, bs, be)
            for ss, se in sentences.split(text, bs, be):
                sents.append(_sentence(text, len(sents), ss, se, info, qspans, art.published))
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


def _sentence(text: str, index: int, start: int, end: int, info: nlp.BlockAnalysis,
              qspans: list[tuple[int, int]], published: str | None) -> Sentence:
    s = text[start:end]
    tokens = [t for t in info.tokens if start <= t.start < end]
    dates = [(a, b) for a, b in info.dates if start <= a < end]
    tms = times.extract(s, start, published, dates)
    # durations spaCy calls DATE ("five-hour", "10 or so days") stay quantities as well
    nums = numbers.extract(s, start, tokens, [(t.start, t.end) for t in tms if t.kind != "other"])
    ents = tuple(_entity(text, a, b, label) for a, b, label in info.entities
                 if start <= a and b <= end)
    attrs = markers.attributions(s, start, qspans)
    return Sentence(
        index=index, text=s, start=start, end=end,
        numbers=tuple(nums), times=tuple(tms), entities=ents,
        attribution=tuple(attrs),
        hedges=tuple(markers.hedges(s, start, qspans)),
        quotes=tuple(markers.quotes_in(s, start, qspans)),
        signals=tuple(markers.signals(s, start, qspans, attributed=bool(attrs))),
    )
