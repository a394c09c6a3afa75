"""Place disputes, and what number disputes need to know of places.

Reports that put one happening inside and outside the same kind of place ("found outside the
home" / "inside a home") dispute where it happened. Two distances in sentences naming the same two
places measure one route whatever their verbs say: the number disputes ask that here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _inside, _quoted
from crossread.compare.quantities import _singular
from crossread.compare.questions import (
    SAME_CONTEXT,
    _different_scenes,
    _predicates,
    _verbs_related,
    tense,
)
from crossread.context import Lexicon, window
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


def place_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Reports that put the same happening inside and outside the same place."""
    found: dict[str, dict[str, list[Mention]]] = {}
    for a in articles:
        for s in a.sentences:
            skip = _quoted(s)
            for m in _INSIDE_OUT.finditer(s.text):
                if _inside(s.start + m.start(), skip):
                    continue
                ctx = tuple(window(s.text, m.start(), m.end()))
                mention = Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                  m.group(0), ctx)
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
    return disputes
