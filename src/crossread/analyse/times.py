"""Time expressions, resolved against the article's publication date when it is known.

News convention: a bare weekday means the most recent such day on or before publication
("Monday" in a Tuesday story is the day before); "next Monday" looks forward. A month without a
year is the latest such month not after publication. A day of a month without a year is in the
year of publication (wire style gives the year only for another year: "the trial begins April
3" in a March story is next month's) unless that puts it more than UPCOMING days ahead, when it
is last year's ("December 20" in a January story). Our own resolver rather than dateparser
for the text: dateparser takes ~50 ms a sentence and returns nothing for "early on Monday";
dateparser still normalises metadata dates in ingest.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from crossread.model import TimeMention

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr})
_MONTHS["sept"] = 9

_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH_NAME})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_NAME})"
        rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("month_year", re.compile(rf"\b(?:in\s+|since\s+|last\s+|this\s+)?(?P<mon>{_MONTH_NAME})"
                              rf",?\s+(?P<y>(?:19|20)\d\d)\b")),
    ("weekday", re.compile(
        rf"\b(?:(?P<rel>last|this|next|early|late|on)\s+)?(?:(?:early|late)\s+(?:on\s+)?)?"
        rf"(?P<wd>{_WEEKDAY}){_DAY_PART}?\b")),
    ("month", re.compile(
        r"\b(?:(?P<rel>in|last|this|next|since|early|late|mid-?|until|by)\s+)"
        r"(?P<mon>January|February|March|April|June|July|August|September|October|November|"
        r"December)\b|\b(?P<mon2>January|February|March|April|June|July|August|September|"
        r"October|November|December)\b(?!\s+\d)")),
    ("relative", re.compile(
        r"\b(?P<word>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening|week|"
        r"month|year)|last (?:night|week|month|year|weekend)|next (?:week|month|year)|"
        r"earlier this (?:week|month|year)|later this (?:week|month|year)|"
        r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?P<u>days?|weeks?|months?|years?)\s+ago)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:(?:in|since|until|by|from|of|during)\s+)?(?P<y>(?:19|20)\d\d)"
                        r"(?:[-–/](?:\d\d|(?:19|20)\d\d)\b)?\b"
                        r"(?![\d,.]*\s*(?:%|percent|people|of\b))(?!-\d)")),
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _pub_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


UPCOMING = 92  # days: how far ahead of publication a day of a month without a year may be


def _year_for_day(month: int, day: int, pub: date | None) -> int | None:
    if pub is None:
        return None
    try:
        ahead = (date(pub.year, month, day) - pub).days
    except ValueError:  # February 29 of a year without it: the year is not this one
        return pub.year - 1
    return pub.year if ahead <= UPCOMING else pub.year - 1


def _year_for_month(month: int, pub: date | None) -> int | None:
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[str, str | None, bool]:
    g = m.groupdict()
    if kind == "iso":
        return "date", f"{g['y']}-{g['m']}-{g['d']}", True
    if kind in ("mdy", "dmy"):
        mon = _MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["d"])
        if not 1 <= day <= 31:
            return "date", None, False
        year = int(g["y"]) if g.get("y") else _year_for_day(mon, day, pub)
        if year is None:
            return "date", f"--{mon:02d}-{day:02d}", False
        try:
            return "date", date(year, mon, day).isoformat(), True
        except ValueError:
            return "date", None, False
    if kind == "month_year":
        return "month", f"{int(g['y']):04d}-{_MONTHS[g['mon'].lower().rstrip('.')]:02d}", True
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        if pub is None:
            return "weekday", None, False
        rel = (g.get("rel") or "").lower()
        if rel == "next":
            delta = (wd - pub.weekday()) % 7 or 7
            return "weekday", (pub + timedelta(days=delta)).isoformat(), True
        back = (pub.weekday() - wd) % 7
        if rel == "last" and back == 0:
            back = 7
        return "weekday", (pub - timedelta(days=back)).isoformat(), True
    if kind == "month":
        name = (g.get("mon") or g.get("mon2") or "").lower()
        mon = _MONTHS[name]
        rel = (g.get("rel") or "").lower()
        year = _year_for_month(mon, pub)
        if year is None:
            return "month", None, False
        if rel == "next" and pub is not None:
            year = pub.year if mon > pub.month else pub.year + 1
        return "month", f"{year:04d}-{mon:02d}", True
    if kind == "year":
        return "year", g["y"], True
    # relative
    word = (g.get("word") or "").lower()
    if pub is None:
        return "relative", None, False
    if word in ("today", "tonight") or word.startswith("this morning") or word in (
        "this afternoon", "this evening"
    ):
        return "relative", pub.isoformat(), True
    if word == "yesterday" or word == "last night":
        return "relative", (pub - timedelta(days=1)).isoformat(), True
    if word == "tomorrow":
        return "relative", (pub + timedelta(days=1)).isoformat(), True
    if word.endswith("week") or word.endswith("weekend"):
        shift = {"last": -7, "next": 7}.get(word.split()[0], 0)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=shift)
        iso = monday.isocalendar()
        return "relative", f"{iso.year}-W{iso.week:02d}", True
    if word.endswith("month"):
        y, mo = pub.year, pub.month
        if word.startswith("last"):
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif word.startswith("next"):
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        return "relative", f"{y:04d}-{mo:02d}", True
    if word.endswith("year"):
        shift = {"last": -1, "next": 1}.get(word.split()[0], 0)
        return "relative", f"{pub.year + shift:04d}", True
    if g.get("u"):
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        unit = g["u"].lower().rstrip("s")
        if unit == "day":
            return "relative", (pub - timedelta(days=n)).isoformat(), True
        if unit == "week":
            return "relative", (pub - timedelta(weeks=n)).isoformat()[:10], True
        if unit == "month":
            total = pub.year * 12 + pub.month - 1 - n
            return "relative", f"{total // 12:04d}-{total % 12 + 1:02d}", True
        return "relative", f"{pub.year - n:04d}", True
    return "relative", None, False


def extract(sentence: str, base: int, published: str | None,
            spacy_dates: Sequence[tuple[int, int]] = ()) -> list[TimeMention]:
    pub = _pub_date(published)
    out: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            if kind == "month" and not m.group("rel") and not _month_is_time(sentence, s):
                continue
            if kind == "year" and re.match(r"\s*(?:[-–]\s*)?\d", sentence[e:e + 3]):
                continue
            # trim a leading preposition: the span is the time expression itself
            lead = re.match(r"(?:on|in|since|until|by|from|of|during)\s+", m.group(0))
            if lead and kind in ("weekday", "month", "year"):
                s += lead.end()
            tkind, value, resolved = _resolve(kind, m, pub)
            out.append(TimeMention(sentence[s:e], base + s, base + e, tkind, value, resolved))
            taken.append((m.start(), e))
    # spaCy DATE spans we did not understand are still reported, unresolved
    for a, b in spacy_dates:
        if base <= a and b <= base + len(sentence) and not any(
            x < b - base and a - base < y for x, y in taken
        ):
            text = sentence[a - base:b - base]
            vague = re.fullmatch(r"(?i)(?:the )?(?:past|same)", text)
            if re.search(r"[A-Za-z]", text) and not vague:
                out.append(TimeMention(text, a, b, "other", None, False))
    return sorted(out, key=lambda t: t.start)


def _month_is_time(sentence: str, s: int) -> bool:
    """A bare month name: 'May' and 'March' are excluded by the pattern; others count when not
    capitalised mid-name ("June Carter"): require it not be followed by a capitalised word."""
    nxt = re.match(r"\w+\s+([A-Z])", sentence[s:])
    return nxt is None
