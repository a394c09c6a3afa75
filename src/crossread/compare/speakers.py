"""Who said it: the same quotation credited to different people by different reports.

A quotation is matched across reports by its words (at least MIN_QUOTE_WORDS, nearly the same
wording: transcription differences are not a dispute). Its speaker is the name in the
sentence's attribution ('..., Westaway said'), or, for a pronoun ('he said'), the one person
the sentence before names ('Dr Westaway supported this view.'). Only when both reports name a
speaker with confidence, and the surnames differ (not 'Dan' / 'Daniel Richards', not 'Mursi' /
'Morsi'), is it a dispute. Roles ('a spokesman said') name nobody and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crossread.model import Article, Sentence

MIN_QUOTE_WORDS = 8  # shorter quotations ("a tragedy") are said by many people
SAME_QUOTE = 85  # rapidfuzz ratio of two quotations' normalised words: one quotation
SAME_NAME = 80  # rapidfuzz ratio of two surnames: one person spelled two ways

_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_TITLE_NAME = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sen|Senator|Rep|Gov|Judge|Officer|"
                         r"Sgt|Capt|Gen|Col)\.?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Credit:
    """One report's quotation and the person it credits it to."""

    article: int
    text: str  # the quotation as written
    quote: str  # its words, lower case, space-joined
    speaker: str  # the name as the report writes it
    evidence: tuple[Sentence, ...]  # the quotation's sentence, and the one naming the speaker


def surname(name: str) -> str:
    return re.sub(r"[’']s$", "", name.split()[-1]).lower().strip(".,")


def people(s: Sentence) -> set[str]:
    """Names of people in a sentence: spaCy's PERSON, and a title before a capitalised word
    ("Dr Westaway", which the tagger may call an organisation)."""
    names = {e.text for e in s.entities if e.label == "PERSON"}
    names |= {m.group("name") for m in _TITLE_NAME.finditer(s.text)}
    return names


def _speaker(a: Article, s: Sentence) -> tuple[str, tuple[Sentence, ...]] | None:
    """The person a quotation sentence credits, with the sentences that say so."""
    sources = [x.source.strip() for x in s.attribution]
    if len(sources) != 1:
        return None
    source = sources[0]
    if _PRONOUN.match(source):
        if s.index == 0:
            return None
        before = a.sentences[s.index - 1]
        names = people(before)
        if len({surname(n) for n in names}) != 1:
            return None  # nobody, or two people: the pronoun is not safely resolved
        return max(names, key=len), (before, s)
    named = [n for n in people(s) if n in source]
    if named:
        return max(named, key=len), (s,)
    return (source, (s,)) if _NAME.match(source) and len(source.split()) <= 3 else None


def credits(articles: Sequence[Article]) -> list[Credit]:
    out = []
    for a in articles:
        for s in a.sentences:
            if not s.quotes or not s.attribution:
                continue
            found = _speaker(a, s)
            if found is None:
                continue
            for q in s.quotes:
                words = _WORD.findall(q.text.lower())
                if len(words) >= MIN_QUOTE_WORDS:
                    out.append(Credit(a.index, q.text, " ".join(words), found[0], found[1]))
    return out


def _same_quote(x: str, y: str) -> bool:
    return x in y or y in x or fuzz.ratio(x, y) >= SAME_QUOTE


def _same_person(x: str, y: str) -> bool:
    return fuzz.ratio(surname(x), surname(y)) >= SAME_NAME


def _group(items: Sequence[Credit], same) -> list[list[Credit]]:
    """Items in groups, each joining the first group whose first item it is `same` as."""
    groups: list[list[Credit]] = []
    for c in items:
        home = next((g for g in groups if same(c, g[0])), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    return groups


def conflicts(articles: Sequence[Article]) -> list[list[list[Credit]]]:
    """Groups of one quotation credited to two or more people by different reports: each
    group lists its sides, one per person, each with the reports' credits."""
    out = []
    for g in _group(credits(articles), lambda x, y: _same_quote(x.quote, y.quote)):
        sides = _group(g, lambda x, y: _same_person(x.speaker, y.speaker))
        if len(sides) < 2:
            continue
        arts = [{c.article for c in side} for side in sides]
        if any(arts[i] & arts[j] for i in range(len(arts)) for j in range(i + 1, len(arts))):
            continue  # one report crediting two people: a conversation, not a dispute
        out.append(sides)
    return out
