"""The frame a count is given in: the years and periods it totals over, rate or total, its dates.

"1,000 a year" and "30,000 since the war", "750 rockets this year" and "1,400 in 2008-2009", a
count of "early Thursday" and one "on Feb. 6" measure different things however alike their words:
a number dispute needs one frame on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.days import _day
from crossread.compare.mentions import _elliptic
from crossread.model import Article, Sentence

_RATE = re.compile(
    r"\b(?:each|every|per|a|an)\s+(?:year|month|week|day|hour|minute|decade)\b|\bannually\b|"
    r"\byearly\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bon average\b|\ba year\b", re.IGNORECASE)


def _years(s: Sentence) -> set[str]:
    return {t.value for t in s.times if t.kind == "year" and t.value}


# A period a count is totalled over: "750 rockets this year" is not "300 since the conflict"
# ("since January": a running total, not the count of one month)
_PERIOD = re.compile(r"\b(?:this|last|past|previous)\s+(?:\w+\s+)?(?:years?|months?|weeks?|"
                     r"decades?)\b|\bso far\b|\bto date\b|\bsince\s+(?:the\s+)?[\w-]+",
                     re.IGNORECASE)


def _frame(s: Sentence) -> set[str]:
    """The years and months a sentence names, and the periods it totals over."""
    periods = {" ".join(m.group(0).lower().split()) for m in _PERIOD.finditer(s.text)}
    months = {f"month {t.text.lower()}" for t in s.times if t.kind == "month"}
    return _years(s) | periods | months


def _frames(articles: Sequence[Article]) -> dict[tuple[int, int], set[str]]:
    """The years each sentence speaks of. A short sentence with no time of its own continues
    the one before it: "The last Gaza war, in 2008-2009, killed 1,400 Palestinians. Thirteen
    Israelis died." counts deaths of 2008, not of this week. (A longer sentence usually sets
    its own scene, so it keeps its own, possibly empty, set.)"""
    out: dict[tuple[int, int], set[str]] = {}
    for a in articles:
        prev: set[str] = set()
        for s in a.sentences:
            own = _frame(s)
            out[(a.index, s.start)] = prev if _elliptic(s) else own
            prev = own
    return out


def _other_dates(s1: Sentence, s2: Sentence) -> bool:
    """One sentence pins its count to a calendar date the other's days do not include.
    (Two weekdays alone are left to the day comparison: they may be the disputed fact.)"""
    for a, b in ((s1, s2), (s2, s1)):
        dated = {t.value for t in a.times if t.kind == "date" and t.value}
        days = {d.value for d in (_day(t) for t in b.times) if d is not None and d.value}
        names = {d.name for d in (_day(t) for t in b.times) if d is not None}
        if dated and (days or names) and not (dated & days):
            return True
    return False
