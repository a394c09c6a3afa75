"""Place disputes, and what number disputes need to know of places.

Reports that put one happening inside and outside the same kind of place ("found outside the
home" / "inside a home") dispute where it happened; so do reports giving different blocks of one
street ("the 900 block of Buffalo Springs Drive" / "the 800 block of Buffalo Springs Drive").
Two distances in sentences naming the same two places measure one route whatever their verbs
say: the number disputes ask that here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _unquoted_matches
from crossread.compare.quantities import _singular
from crossread.compare.questions import (
    SAME_CONTEXT,
    _different_scenes,
    _predicates,
    _verbs_related,
    tense,
)
from crossread.context import Lexicon
from crossread.model import Article, Dispute, NumberMention, Sentence

_DISTANCES = frozenset({"mile", "kilometer", "kilometre", "km", "meter", "metre", "feet", "foot",
                        "yard"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _places(s: Sentence) -> set[str]:
    return {e.text.lower() for e in s.entities if e.label in _PLACES}


def _same_route(a: tuple[Mention, NumberMention], b: tuple[Mention, NumberMention],
                lex: Lexicon) -> bool:
    """Two distances in sentences naming the same two places ("the lion was caught in Isinya,
    20 miles from Nairobi" / "the lion escaped from Nairobi and ended up in Isinya, 12 miles
    away") measure one route, whatever the verbs say."""
    (m1, n1), (m2, _n2) = a, b  # comparable already: one unit
    if _singular(n1.unit or "") not in _DISTANCES:
        return False
    p1, p2 = _places(m1.sentence), _places(m2.sentence)
    if len(p1) > 3 or len(p2) > 3:
        return False  # a sentence naming many places may give distances between others
    # the same names exactly: "Nairobi" and "Nairobi National Park" are nested places, and a
    # distance from the park need not be the distance from the city
    if len(p1 & p2) < 2:
        return False
    return not _different_scenes(m1, m2) and \
        lex.similar(m1.context, m2.context) >= SAME_CONTEXT / 2


# Inside or outside the same place: "found outside the home" / "found inside the home".
_ENCLOSURES = (r"home|house|apartment|building|car|vehicle|truck|bus|church|mosque|school|"
               r"hospital|store|shop|restaurant|bar|hotel|stadium|prison|jail|embassy|residence|"
               r"office|plant|factory|mall|station|airport|terminal|tent|cabin")
_INSIDE_OUT = re.compile(r"\b(?P<side>inside|outside)(?:\s+of)?\s+(?:the|a|an|his|her|their|its)"
                         rf"\s+(?:[\w-]+\s+){{0,3}}?(?P<place>{_ENCLOSURES})s?\b", re.IGNORECASE)


_WHERE_VERBS = frozenset({"find"})


def _same_whereabouts(x: Mention, y: Mention, lex: Lexicon) -> bool:
    """Inside and outside the same kind of place answer one question when the same thing is
    done there: "found two bodies outside the home" / "found shot to death inside a home"
    ("found" counts here, though too light to tell apart counts or days)."""
    if x.sentence == y.sentence or _different_scenes(x, y):
        return False
    if {tense(x), tense(y)} == {"past", "future"}:
        return False
    px = _predicates(x, _WHERE_VERBS)
    py = _predicates(y, _WHERE_VERBS)
    if not any(_verbs_related(a, b) for a in px for b in py):
        return False
    return lex.similar(x.context, y.context) >= SAME_CONTEXT / 2


# US police and local reports place a scene by street block: "the 900 block of Buffalo Springs
# Drive". The street is the capitalised words after "block of".
_BLOCK = re.compile(r"\b(?P<block>\d{1,3}(?:,?\d{3})?|\d{3,5})\s+block\s+of\s+"
                    r"(?P<street>[A-Z0-9][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})")


def _street(name: str) -> str:
    return " ".join(name.rstrip(".,").split()).lower()


def block_disputes(articles: Sequence[Article]) -> list[Dispute]:
    """Different blocks of one street across reports. A report naming two blocks of a street
    tells of two places on it (the scene and an arrest a few blocks on), so that street is not
    compared at all."""
    found: dict[str, dict[str, list[Mention]]] = {}
    names: dict[str, str] = {}
    for m, mention in _unquoted_matches(articles, _BLOCK):
        street = _street(m.group("street"))
        names.setdefault(street, m.group("street").rstrip(".,"))
        block = m.group("block").replace(",", "")
        found.setdefault(street, {}).setdefault(block, []).append(mention)
    disputes = []
    for street, blocks in sorted(found.items()):
        if len(blocks) < 2:
            continue
        per_article: dict[int, set[str]] = {}
        for block, ms in blocks.items():
            for m in ms:
                per_article.setdefault(m.article, set()).add(block)
        if any(len(v) > 1 for v in per_article.values()):
            continue
        order = sorted(blocks, key=lambda b: min((m.article, m.start) for m in blocks[b]))
        disputes.append(_dispute(
            "place", f"On which block of {names[street]}?", [blocks[b] for b in order],
            articles, values=[f"the {b} block" for b in order]))
    return disputes


def place_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Reports that put the same happening inside and outside the same place, or on different
    blocks of one street."""
    found: dict[str, dict[str, list[Mention]]] = {}
    for m, mention in _unquoted_matches(articles, _INSIDE_OUT):
        place = _singular(m.group("place").lower())
        found.setdefault(place, {}).setdefault(m.group("side").lower(), []).append(mention)
    disputes = []
    for place, sides in sorted(found.items()):
        if len(sides) < 2:
            continue
        ins, outs = sides["inside"], sides["outside"]
        pairs = [(x, y) for x in ins for y in outs if _same_whereabouts(x, y, lex)]
        if not pairs:
            continue
        side1 = list(dict.fromkeys(x for x, _ in pairs))
        side2 = list(dict.fromkeys(y for _, y in pairs))
        disputes.append(_dispute("place", f"Inside or outside the {place}?", [side1, side2],
                                 articles, values=[f"inside the {place}", f"outside the {place}"]))
    return disputes + block_disputes(articles)
