"""Day disputes: reports naming different days for one happening ("on Thursday" / "on Friday").

A day is a date when the report's own date resolves it, else only a weekday name. Across reports
only resolved dates are compared (undated reports may be days apart); a sentence naming several
days is a timeline or a choice, not one day.
"""

from __future__ import annotations

import re
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


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class Day:
    """A day as a report gives it: a date when resolvable, always a weekday name when it is;
    `month_day` ("04-14") whenever the day of the year is known, even without a year."""

    value: str | None  # ISO date, or None for a weekday or a month and day of an undated report
    name: str  # the weekday, or "April 14" for a month and day without a year
    month_day: str | None = None

    def same(self, other: Day) -> bool:
        if self.value and other.value:
            return self.value == other.value
        if self.month_day and other.month_day:
            return self.month_day == other.month_day
        return self.name == other.name

    def comparable(self, other: Day) -> bool:
        """Whether the two can name different days of one happening: two dates, two weekday
        names, or two days of the year ("April 14" / "April 16" name one day in any week,
        whatever the reports' own dates); not a weekday name against a day of the year."""
        if self.value and other.value:
            return True
        if self.month_day or other.month_day:
            return bool(self.month_day and other.month_day)
        return True

    def close(self, other: Day) -> bool:
        if self.value and other.value:
            a, b = self.value, other.value
        elif self.month_day and other.month_day:
            # a leap year, so that "02-29" is a day; the year does not matter within two weeks
            a, b = f"2000-{self.month_day}", f"2000-{other.month_day}"
        else:
            return True
        try:
            gap = date.fromisoformat(a) - date.fromisoformat(b)
        except ValueError:
            return False
        return abs(gap.days) <= 14

    def key(self, by_month_day: bool, by_date: bool = False) -> str:
        if by_date and self.value:
            # "April 3" and "April 10" share a weekday and are two days
            return self.value
        return (self.month_day or self.name) if by_month_day else self.name


def _day(t: TimeMention) -> Day | None:
    if t.kind in ("weekday", "date", "relative") and t.value and len(t.value) == 10:
        try:
            name = _WEEKDAYS[date.fromisoformat(t.value).weekday()]
        except ValueError:
            return None
        return Day(t.value, name, t.value[5:])
    if t.kind == "date" and t.value and len(t.value) == 7 and t.value.startswith("--"):
        month, day = t.value[2:4], t.value[5:7]
        if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
            return None
        return Day(None, f"{_MONTHS[int(month) - 1]} {int(day)}", t.value[2:])
    if t.kind == "weekday" and not t.value:
        word = next((w.lower() for w in t.text.split() if w.lower() in _WEEKDAYS), None)
        return Day(None, word) if word else None
    return None


# Two adjacent days may name one moment: an hour either side of midnight ("late Sunday" /
# "early Monday"), or one moment in two time zones ("Tuesday morning local time" / "Monday
# evening, Washington time").
_LATE = re.compile(r"\b(?:late|night|overnight|midnight)\b", re.IGNORECASE)
_EARLY = re.compile(r"\b(?:early|overnight|midnight|dawn|pre-dawn|predawn)\b", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:local|eastern|pacific|central|(?!(?:This|That|Some|Last|First|Next|"
                   r"Each|Every|Any|No|Prime|Full|Part|Half|Over|Lunch|Dinner|Bed|Tea|Play|"
                   r"Game|Summer|Winter|Long|Short|Real|Extra|Quality|Screen|Question|One)\s)"
                   r"[A-Z][a-z]+)\s+time\b|\b(?:[ECMP][SD]?T|GMT|UTC|BST|CET|KST|JST)\b")


def _next_day(d1: Day, d2: Day) -> bool:
    if d1.value and d2.value:
        try:
            return abs((date.fromisoformat(d1.value) - date.fromisoformat(d2.value)).days) == 1
        except ValueError:
            return False
    if d1.name in _WEEKDAYS and d2.name in _WEEKDAYS:
        return (_WEEKDAYS.index(d1.name) - _WEEKDAYS.index(d2.name)) % 7 in (1, 6)
    return False


def _across_midnight(x: tuple[Mention, Day], y: tuple[Mention, Day]) -> bool:
    (m1, d1), (m2, d2) = x, y
    first_is_earlier = (date.fromisoformat(d1.value) < date.fromisoformat(d2.value)
                        if d1.value and d2.value
                        else (_WEEKDAYS.index(d2.name) - _WEEKDAYS.index(d1.name)) % 7 == 1)
    early, late = (m2, m1) if first_is_earlier else (m1, m2)
    return bool(_LATE.search(late.text)) and bool(_EARLY.search(early.text))


def _time_zone(m: Mention) -> bool:
    return bool(_ZONE.search(m.sentence.text))


def time_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    mentions: list[tuple[Mention, Day]] = []
    for a in articles:
        for s in _news_sentences(a):
            days = [d for d in (_day(t) for t in s.times) if d is not None]
            if any(x.comparable(y) and not x.same(y) for x in days for y in days):
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
            if not d1.comparable(d2) or d1.same(d2) or not d1.close(d2):
                continue
            if not (d1.value and d2.value) and not (d1.month_day and d2.month_day) \
                    and m1.article != m2.article:
                # undated reports may be days apart and their weekdays of different weeks or
                # happenings: on the tune half and the unlabelled dev clusters, all three such
                # pairs shown were different happenings. Only days of the year are compared.
                continue
            if _next_day(d1, d2) and (_across_midnight(mentions[i], mentions[j])
                                      or _time_zone(m1) or _time_zone(m2)):
                continue  # "late Sunday" / "early Monday"; "Monday evening, Washington time"
            if _different_doers(m1, m2):
                continue  # "police killed the shooters Wednesday" / "the employee killed herself"
            if _same_question(m1, m2, lex, one_article=m1.article == m2.article):
                edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a.same(b))
        ms = sorted((mentions[k] for k in comp), key=lambda x: (x[0].article, x[0].start))
        # a day of the year without a year among them: sides are days of the year, so that
        # "April 14" and a resolved Thursday, April 14 are one side
        by_month_day = any(d.month_day and not d.value for _, d in ms)
        by_date = all(d.value for _, d in ms)
        by_day: dict[str, list[Mention]] = {}
        names: dict[str, str] = {}
        dates: dict[str, set[str]] = {}
        for m, d in ms:
            if by_month_day and not d.month_day:
                continue  # a weekday name of an undated report: another kind of answer
            k = d.key(by_month_day, by_date)
            by_day.setdefault(k, []).append(m)
            if d.value:
                dates.setdefault(k, set()).add(d.value)
                names.setdefault(k, d.name.capitalize())
            else:
                names[k] = d.name[:1].upper() + d.name[1:]
        if len(by_day) < 2:
            continue
        question = "On what day" + _about(m for m, _ in ms) + "?"
        sides = list(by_day.values())
        values = [names[k] + (f" ({', '.join(sorted(dates[k]))})" if k in dates else "")
                  for k in by_day]
        disputes.append(_dispute("time", question, sides, articles, values=values))
    return disputes
