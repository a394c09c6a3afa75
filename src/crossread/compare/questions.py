"""Whether two mentions answer the same question: the guard every kind of dispute shares.

Two values only dispute each other when they speak of one happening: their verbs are of one kind
(the same, listed synonyms, or close in the word model), they are set in one scene (no different
places or people named outside the attribution), not one in the past and one in the future, and
their surroundings read alike. Inside one article the bar is higher and quotations are left out:
a writer repeats, rarely errs, and a quotation is someone else's statement.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from rapidfuzz import fuzz

from crossread.analyse.markers import lexicon
from crossread.analyse.vectors import embed
from crossread.compare.mentions import Mention, _inside, _quoted
from crossread.context import Lexicon, in_group
from crossread.model import Sentence
from crossread.predicates import conditional, negated, predicates, subject, verb_tense

T = TypeVar("T")

SAME_CONTEXT = 0.18  # soft-overlap similarity two windows need, besides a shared key word
SAME_CONTEXT_ONE_ARTICLE = 0.5  # stricter inside one article: a writer repeats, rarely errs


def _synonym_groups() -> list[tuple[str, ...]]:
    return [tuple(line.split()) for line in lexicon("synonyms")]


SYNONYM_GROUPS = _synonym_groups()


def _at(fn: Callable[..., T], m: Mention, *args: Any) -> T:
    """A parse question (crossread.predicates) asked of the mention, in its sentence."""
    s = m.sentence
    return fn(s.text, m.start - s.start, m.end - s.start, *args)


def _predicates(m: Mention, keep: frozenset[str] = frozenset()) -> frozenset[str]:
    return _at(predicates, m, keep)


def _different_doers(m1: Mention, m2: Mention) -> bool:
    """Both verbs name who did it, and not the same or a like noun: two happenings."""
    a, b = _at(subject, m1), _at(subject, m2)
    return bool(a and b and not _verbs_related(a, b))


def tense(m: Mention) -> str | None:
    return _at(verb_tense, m)


@lru_cache(maxsize=4096)
def _verbs_related(a: str, b: str) -> bool:
    if a == b:
        return True
    for group in SYNONYM_GROUPS:
        if in_group(a, group) and in_group(b, group):
            return True
    if "_" in a or "_" in b:
        return False  # "in_custody": the word model has no vector for a phrase
    va, vb = embed([a, b])
    return float(va @ vb) >= 0.62


# spaCy often confuses people and places ("Madison"), so they are compared as one set of names
_SCENE_GROUPS = ({"GPE", "LOC", "PERSON"},)


def _scene(s: Sentence, labels: set[str]) -> set[str]:
    skip = [(a.start, a.end) for a in s.attribution]
    return {e.text.lower() for e in s.entities
            if e.label in labels and not _inside(e.start, skip)}


def _mention_scene(m: Mention, labels: set[str]) -> set[str]:
    own = _scene(m.sentence, labels)
    return own if own or m.lead is None else _scene(m.lead, labels)


def names_differ(a: set[str], b: set[str]) -> bool:
    """Both name someone or somewhere, and no name of one is a name of the other, part of it
    ("katriuk" / "vladimir katriuk") or a spelling of it."""
    return bool(a and b and not any(x == y or x in y or y in x or fuzz.ratio(x, y) >= 80
                                    for x in a for y in b))


def _different_scenes(m1: Mention, m2: Mention) -> bool:
    """Two sentences naming different places, or different people (outside their attribution),
    describe different happenings: two shootings in two towns are not one disputed shooting."""
    return any(names_differ(_mention_scene(m1, labels), _mention_scene(m2, labels))
               for labels in _SCENE_GROUPS)


# "a second brain hemorrhage", "another attack", "struck again": a happening that repeats an
# earlier one, so the value beside it belongs to the repeat, not to the first time
_REPEAT = frozenset("second third fourth fifth another again repeat repeated renewed".split())


def _one_a_repeat(m1: Mention, m2: Mention) -> bool:
    """One mention is of a repeat ("a second hemorrhage ... on December 17") and the other is
    not ("a brain hemorrhage ... on December 12"): two happenings, not one told two ways."""
    return bool(_REPEAT.intersection(m1.context)) != bool(_REPEAT.intersection(m2.context))


def _different_terms(m1: Mention, m2: Mention) -> bool:
    """One statement is negated or holds under a condition and the other not: "84% were
    vaccinated" / "16% have not been vaccinated" (the others), "can sit 3 feet apart" / "stay
    6 feet apart if cohorting is not possible" (the exception)."""
    return _at(negated, m1) != _at(negated, m2) or \
        _at(conditional, m1) != _at(conditional, m2)


def _same_question(m1: Mention, m2: Mention, lex: Lexicon, one_article: bool) -> bool:
    """Same happening (predicates of one kind), same scene, and similar surroundings."""
    if m1.article == m2.article and m1.sentence == m2.sentence:
        return False  # "between 2% and 5%", "on Sunday or Monday": one statement, two values
    if one_article and (_inside(m1.start, _quoted(m1.sentence)) or
                        _inside(m2.start, _quoted(m2.sentence))):
        return False  # inside one article, a quotation is someone else's statement
    if _different_scenes(m1, m2) or _one_a_repeat(m1, m2):
        return False
    if {tense(m1), tense(m2)} == {"past", "future"}:
        return False  # "served about three years" / "to serve about 7 years"
    if _different_terms(m1, m2):
        return False
    p1, p2 = _predicates(m1), _predicates(m2)
    if not p1 or not p2 or not any(_verbs_related(a, b) for a in p1 for b in p2):
        return False
    sim = lex.similar(m1.context, m2.context)
    return sim >= (SAME_CONTEXT_ONE_ARTICLE if one_article else SAME_CONTEXT)
