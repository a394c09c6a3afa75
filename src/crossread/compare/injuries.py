"""Injury details: reports naming different injured body parts ("in the elbow" / "his leg").

Shown as a difference of detail, not a contradiction: a report may name only some of the wounds.
A body part counts only as an injured place ("the head of the agency" does not), in a sentence
about an injury.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.analyse.markers import lexicon
from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _inside, _quoted
from crossread.compare.quantities import _singular
from crossread.model import Article, Dispute

_INJURY = re.compile(r"\b(?:wound|injur|hurt|shot|hit|hitting|struck|penetrat|broke|fractur|"
                     r"burn|bleed|lacerat)\w*", re.I)


def injury_details(articles: Sequence[Article]) -> list[Dispute]:
    parts = sorted(lexicon("body_parts"), key=len, reverse=True)
    # "in the elbow", "his left leg", "some internal organs": a body part as an injured place,
    # not "back in North Korea" or "the head of the agency"
    rx = re.compile(r"\b(?:the|his|her|their|its|some|both|an?|one|two)\s+"
                    r"(?:(?:left|right|upper|lower)\s+)?(?P<part>" +
                    "|".join(re.escape(p) for p in parts) + r")\b(?!\s+of\b)", re.I)
    conj = re.compile(r"\s*(?:,|and|or|,\s*and)\s+(?:(?:the|his|her|both)\s+)?"
                      r"(?:(?:left|right|upper|lower)\s+)?(?P<part>" +
                      "|".join(re.escape(p) for p in parts) + r")\b", re.I)
    shown: dict[str, str] = {}
    per_article: dict[int, tuple[frozenset[str], list[Mention]]] = {}
    for a in articles:
        found: set[str] = set()
        ms: list[Mention] = []
        for s in a.sentences:
            if not _INJURY.search(s.text):
                continue
            hits = set()
            for m in rx.finditer(s.text):
                if _inside(s.start + m.start(), _quoted(s)):
                    continue
                found_parts = [m.group("part")]
                pos = m.end()
                while (c := conj.match(s.text, pos)):
                    found_parts.append(c.group("part"))
                    pos = c.end()
                for part in found_parts:
                    key = _singular(part.lower())
                    shown.setdefault(key, part.lower())
                    hits.add(key)
            if hits:
                found |= hits
                ms.append(Mention(a.index, s, s.start, s.end, s.text, ()))
        if found:
            per_article[a.index] = (frozenset(found), ms)
    if len({v for v, _ in per_article.values()}) < 2:
        return []
    sides: dict[frozenset[str], list[Mention]] = {}
    for _idx, (key, ms) in sorted(per_article.items()):
        sides.setdefault(key, []).extend(ms)
    values = [" and ".join(shown[p] for p in sorted(k)) for k in sides]
    return [_dispute("attribute", "Where was he hurt?", list(sides.values()), articles,
                     values=values, detail_only=True)]
