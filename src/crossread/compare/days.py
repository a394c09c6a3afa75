"""Day disputes: reports naming different days for one happening ("on Thursday" / "on Friday").

A day is a date when the report's own date resolves it, else only a weekday name. Across reports
only resolved dates are compared (undated reports may be days apart); a sentence naming several
days is a timeline or a choice, not one day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from crossread.compare.assemble import _about, _dispute
from crossread.compare.grouping import _attach, _components
from crossread.compare.mentions import Mention, _lead, _news_sentences
from crossread.compare.questions import _different_doers, _same_question
from crossread.context import Lexicon, window
from crossread.model import Article, Dispute, TimeMention

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Day:
    """A day as a report gives it: a date when resolvable, always a weekday name."""

    value: str | None  # ISO date, or None for a weekday in an undated article
    name: str

    def same(self, other: Day) -> bool:
        if self.value and other.value:
            return self.value == other.value
        return self.name == other.name

    def close(self, other: Day) -> bool:
        if self.value and other.value:
            try:
                gap = date.fromisoformat(self.value) - date.fromisoformat(other.value)
            except ValueError:
                return False
            return abs(gap.days) <= 14
        return True


def _day(t: TimeMention) -> Day | None:
    if t.kind in ("weekday", "date", "relative") and t.value and len(t.value) == 10:
        try:
            name = _WEEKDAYS[date.fromisoformat(t.value).weekday()]
        except ValueError:
            return None
        return Day(t.value, name)
    if t.kind == "weekday" and not t.value:
        word = next((w.lower() for w in t.text.split() if w.lower() in _WEEKDAYS), None)
        return Day(None, word) if word else None
    return None


def time_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    mentions: list[tuple[Mention, Day]] = []
    for a in articles:
        for s in _news_sentences(a):
            days = [d for d in (_day(t) for t in s.times) if d is not None]
            if len({d.name for d in days}) > 1:
                continue  # a timeline ("began Thursday after an order Wednesday") or options
            for t in s.times:
                day = _day(t)
                if day is None:
                    continue
                ctx = tuple(window(s.text, t.start - s.start, t.end - s.start))
                mentions.append((Mention(a.index, s, t.start, t.end, t.text, ctx, _lead(a, s)),
                                 day))
    edges = []
    for i in range(len(mentions)):
        m1, d1 = mentions[i]
        for j in range(i + 1, len(mentions)):
            m2, d2 = mentions[j]
            if d1.same(d2) or not d1.close(d2):
                continue
            if not (d1.value and d2.value) and m1.article != m2.article:
                # undated reports may be days apart and their weekdays of different weeks or
                # happenings: on the tune half and the unlabelled dev clusters, all three such
                # pairs shown were different happenings. Only dates that resolve are compared.
                continue
            if _different_doers(m1, m2):
                continue  # "police killed the shooters Wednesday" / "the employee killed herself"
            if _same_question(m1, m2, lex, one_article=m1.article == m2.article):
                edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a.same(b))
        ms = sorted((mentions[k] for k in comp), key=lambda x: (x[0].article, x[0].start))
        by_day: dict[str, list[Mention]] = {}
        dates: dict[str, set[str]] = {}
        for m, d in ms:
            by_day.setdefault(d.name, []).append(m)
            if d.value:
                dates.setdefault(d.name, set()).add(d.value)
        if len(by_day) < 2:
            continue
        question = "On what day" + _about(m for m, _ in ms) + "?"
        sides = list(by_day.values())
        values = [name.capitalize() + (f" ({', '.join(sorted(dates[name]))})"
                                       if name in dates else "")
                  for name in by_day]
        disputes.append(_dispute("time", question, sides, articles, values=values))
    return disputes
