"""Role disputes: reports naming different people as the one who did it ("the gunman").

"The gunman, John Miller, ..." / "Police identified the gunman as Robert Hayes". Early reports of
an attack often name the wrong person; a brief must show both names, never pick one. Only roles
one person usually fills in a story (the gunman, the pilot, the driver) are read, and a role is
left out of a story where any report names it twice over ("the suspects", "a second suspect",
two names for it): there may be several. A report that names the other side's person anywhere
knows both people, and is not read as contradicting the other; two spellings of one name
(entities.py's test) are one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _inside, _news_sentences, _quoted
from crossread.compare.speakers import surname
from crossread.context import window
from crossread.model import Article, Dispute, Entity, Sentence

ROLES = ("gunman", "shooter", "suspect", "attacker", "assailant", "bomber", "killer", "driver",
         "pilot", "hijacker", "perpetrator", "kidnapper", "captain", "gunwoman")
_ROLE = "|".join(ROLES)
# "the gunman, John Miller,", "the suspected gunman, John Miller," "the 45-year-old driver, Ann
# Lee."; "identified the gunman as John Miller", "the gunman was identified as John Miller";
# "the gunman was John Miller"
_BEFORE_NAME = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?P<role>{_ROLE}),?\s+(?:(?:was|has been)\s+"
    rf"(?:(?:identified|named)\s+(?:by\s+[\w\s]+?\s+)?as\s+)?|(?:as\s+)?)$")
_IDENTIFIED = re.compile(rf"\b(?:identified|named)\s+the\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?P<role>{_ROLE})\s+as\s+$")
# more than one: "the suspects", "a second gunman", "another suspect", "two gunmen"
_PLURAL = "|".join(r[:-3] + "men" if r.endswith("man") else r + "s" for r in ROLES)
_SEVERAL = re.compile(rf"\b(?:(?:{_PLURAL})\b|(?:second|third|another|other|two|three|both)"
                      rf"\s+(?:[\w-]+\s+)?(?:{_ROLE})\b)", re.IGNORECASE)
SAME_NAME = 70  # rapidfuzz ratio of two full names above which they are one name spelled twice


def _several(articles: Sequence[Article]) -> set[str]:
    out = set()
    for a in articles:
        for m in _SEVERAL.finditer(a.text):
            word = m.group(0).lower().split()[-1]
            out |= {r for r in ROLES if word.startswith(r[:-3] if r.endswith("man") else r)}
    return out


def _named_roles(a: Article, s: Sentence) -> list[tuple[str, Entity]]:
    """(role, person) for each full name the sentence gives a role."""
    out = []
    for e in s.entities:
        if e.label != "PERSON" or len(e.text.split()) < 2 or _inside(e.start, _quoted(s)):
            continue
        before = a.text[max(s.start, e.start - 80):e.start]
        m = _BEFORE_NAME.search(before) or _IDENTIFIED.search(before)
        if m:
            out.append((m.group("role").lower(), e))
    return out


def _same_person(x: str, y: str) -> bool:
    return surname(x) == surname(y) or fuzz.ratio(x.lower(), y.lower()) >= SAME_NAME


def role_disputes(articles: Sequence[Article]) -> list[Dispute]:
    several = _several(articles)
    found: dict[str, list[tuple[Mention, str]]] = {}
    for a in articles:
        for s in _news_sentences(a):
            for role, e in _named_roles(a, s):
                if role in several:
                    continue
                ctx = tuple(window(s.text, e.start - s.start, e.end - s.start))
                found.setdefault(role, []).append(
                    (Mention(a.index, s, e.start, e.end, e.text, ctx), e.text))
    text_of = {a.index: a.text.lower() for a in articles}
    disputes = []
    for role, named in sorted(found.items()):
        sides: list[list[tuple[Mention, str]]] = []
        for m, name in named:
            home = next((side for side in sides if _same_person(side[0][1], name)), None)
            if home is None:
                sides.append([(m, name)])
            else:
                home.append((m, name))
        if len(sides) < 2:
            continue
        arts = [{m.article for m, _ in side} for side in sides]
        if any(arts[i] & arts[j] for i in range(len(arts)) for j in range(i + 1, len(arts))):
            continue  # one report giving the role two names: several people, or a correction
        # a report that names the other side's person anywhere knows them both
        if any(surname(other[0][1]) in text_of[k]
               for i, side in enumerate(sides) for k in arts[i]
               for j, other in enumerate(sides) if j != i):
            continue
        values = [max((n for _, n in side), key=len) for side in sides]
        disputes.append(_dispute("person", f"Who was the {role}?",
                                 [[m for m, _ in side] for side in sides], articles,
                                 values=values))
    return disputes
