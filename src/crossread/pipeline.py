"""The whole job for a set of sources: ingest → clean → analyse → a Brief."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable

from crossread.analyse import MAX_SENTENCES, analyse, truncated
from crossread.clean import clean
from crossread.config import Config
from crossread.ingest import read_sources
from crossread.model import Article, Brief, ReadError

Progress = Callable[[str], None]


def process(article: Article, config: Config) -> Article:
    return analyse(clean(article), config)


def analyse_texts(texts: Iterable[str], config: Config) -> list[Article]:
    """Raw article texts of one story (as in an evaluation set) → analysed articles, numbered."""
    import json

    from crossread.ingest.jsondocs import read_json

    jsonl = "\n".join(json.dumps({"text": t}) for t in texts)
    articles, _errors = read_json(jsonl, "texts")
    return [process(dataclasses.replace(a, index=i), config) for i, a in enumerate(articles)]


def build_brief(sources: Iterable[str], config: Config, progress: Progress | None = None,
                on_read: Callable[[int], None] | None = None) -> Brief:
    articles, errors = read_sources(sources, config, progress)
    if on_read:
        on_read(len(articles))
    done = process_all(articles, config, errors, progress)
    from crossread.summarise import summarise

    return summarise(compare_articles(done, errors), words=config.words,
                     sentences=config.sentences)


def process_all(articles: Iterable[Article], config: Config, errors: list[ReadError],
                progress: Progress | None = None, detail: bool = True,
                step: Callable[[Article, Config], Article] = process) -> list[Article]:
    """Clean and analyse each article (or run `step` on it), renumbered; one that fails
    becomes an entry in `errors` (with the exception's message when `detail`) and the others
    go on."""
    done: list[Article] = []
    for art in articles:
        try:
            done.append(dataclasses.replace(step(art, config), index=len(done)))
            if truncated(done[-1]):
                errors.append(ReadError(art.source, f"very long: only its first "
                                        f"{MAX_SENTENCES} sentences are compared"))
        except Exception as exc:  # one bad article must not sink the others
            if os.environ.get("CROSSREAD_DEBUG"):
                raise
            reason = f"{type(exc).__name__}: {exc}" if detail else type(exc).__name__
            errors.append(ReadError(art.source, f"cannot analyse ({reason})"))
        if progress:
            progress(art.source)
    return done


def compare_articles(articles: list[Article], errors: list[ReadError]) -> Brief:
    """align → compare → profiles, over analysed articles."""
    from crossread.align import align
    from crossread.compare import disputes, entity_groups
    from crossread.profiles import profiles

    facts = align(articles)
    return Brief(
        articles=tuple(articles),
        errors=tuple(errors),
        facts=tuple(facts),
        disputes=tuple(disputes(articles)),
        profiles=tuple(profiles(articles, facts)),
        entities=tuple(g for g in entity_groups(articles) if g.variants),
    )
