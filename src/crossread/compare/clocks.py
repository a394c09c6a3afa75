"""Clock-time disputes: different times of day for one happening ("4:20 a.m." / "5:30 a.m.").

A time allows the slack of its last digit ("4 a.m." is any time in that hour) and, without a.m. or
p.m., either half of the day. A sentence giving several times (a range, a timeline) and a pair
naming different days are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crossread.compare.assemble import _about, _dispute
from crossread.compare.days import _day
from crossread.compare.frames import _other_dates
from crossread.compare.grouping import _attach, _closest_pairs, _components, _number_sides
from crossread.compare.mentions import Mention, _lead, _news_sentences
from crossread.compare.questions import _same_question
from crossread.context import Lexicon, window
from crossread.model import Article, Dispute, Sentence

_CLOCK = re.compile(
    r"(?:\b(?P<q>about|around|approximately|roughly|shortly (?:before|after)|just (?:before|after))"
    r"\s+)?\b(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)"
    r"|\b(?P<h2>[012]?\d):(?P<m2>[0-5]\d)\b(?!\s*(?:[ap]\.?m|%|-|:))", re.IGNORECASE)


@dataclass(frozen=True)
class Clock:
    """A time of day: minutes after midnight (after noon or midnight when am/pm is not said),
    and the slack its rounding allows."""

    minutes: float
    slack: float
    half_day: bool  # known to be a.m. or p.m.

    def agrees(self, other: Clock) -> bool:
        day = 24 * 60 if self.half_day and other.half_day else 12 * 60
        gap = abs(self.minutes - other.minutes) % day
        return min(gap, day - gap) <= self.slack + other.slack


def _clock(m: re.Match[str]) -> Clock | None:
    h = int(m.group("h") or m.group("h2"))
    mins = m.group("m") or m.group("m2")
    ap = (m.group("ap") or "").lower().replace(".", "")
    if h > 23 or (ap and not 1 <= h <= 12):
        return None
    if ap:
        h = h % 12 + (12 if ap == "pm" else 0)
    # just under half the unit of the last digit given, as for counts: "4 a.m." is any time
    # in its hour, "4:20" any minute that rounds to it, "4:27" that minute
    unit = 60 if mins is None else 10 if mins.endswith("0") else 5 if mins.endswith("5") else 1
    return Clock(h * 60 + int(mins or 0), 0.49 * unit, bool(ap))


def clock_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Two reports giving different times of day for the same happening ("about 4:20 a.m." /
    "about 5:30 a.m."), beyond what rounding allows. Only across reports, and only when the
    two sentences do not name different days."""
    mentions: list[tuple[Mention, Clock]] = []
    for a in articles:
        for s in _news_sentences(a):
            found = [(m, c) for m in _CLOCK.finditer(s.text) if (c := _clock(m)) is not None]
            if len(found) != 1:
                continue  # "between 4 and 5 p.m.", a timeline: not one time
            m, c = found[0]
            ctx = tuple(window(s.text, m.start(), m.end()))
            mentions.append((Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                     m.group(0), ctx, _lead(a, s)), c))
    edges = []
    for i, j in _closest_pairs(mentions, lex):
        (m1, c1), (m2, c2) = mentions[i], mentions[j]
        if c1.agrees(c2) or _other_days(m1.sentence, m2.sentence):
            continue
        if _same_question(m1, m2, lex, one_article=False):
            edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a.agrees(b))
        ms = [mentions[k] for k in comp]
        sides = _number_sides(ms, lambda a, b: a.agrees(b))
        if len(sides) < 2:
            continue
        question = "At what time" + _about(m for m, _c in ms) + "?"
        disputes.append(_dispute("time", question, sides, articles))
    return disputes


def _other_days(s1: Sentence, s2: Sentence) -> bool:
    """The two sentences name different days: their times of day are of different days."""
    d1 = {d.name for d in (_day(t) for t in s1.times) if d is not None}
    d2 = {d.name for d in (_day(t) for t in s2.times) if d is not None}
    return bool(d1 and d2 and not d1 & d2) or _other_dates(s1, s2)
