"""Period disputes: the same precise figures given for different periods.

"97 rockets hit Israel and 99 more were intercepted" on Friday in one report, since midweek in
another: exact counts a writer would not round to (97, 99) pin one fact, so two reports sharing
them report one count, and the differing period is what they dispute. The day something was said
is not a period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.assemble import _dispute
from crossread.compare.days import _day
from crossread.compare.mentions import Mention, _inside, _news_sentences
from crossread.compare.quantities import _measure
from crossread.model import Article, Dispute, Sentence
from crossread.predicates import of_saying

_SINCE = re.compile(r"\b(?:since|over the (?:past|last))\s+(?:the\s+)?[\w-]+"
                    r"(?:\s+(?:began|started|begun))?", re.IGNORECASE)
SAME_FIGURES = 2  # precise values two sentences must share to be one report of one fact


def _precise(s: Sentence) -> dict[float, str]:
    """Exact counts a writer would not round to (97, 99, 1,237; not 100, 30, 2,500), with
    what they count. Ages ("18-year-old") name people, not figures of a happening."""
    return {n.value: _measure(n)[1] for n in s.numbers
            if n.value is not None and n.qualifier is None and n.value >= 10 and n.value % 5
            and not (n.unit or "").endswith("old")}


def _same_figures(f1: dict[float, str], f2: dict[float, str]) -> list[float]:
    """The precise values both give, when at least one counts the same named thing."""
    shared = sorted(set(f1) & set(f2))
    if any(f1[v] and f1[v] == f2[v] for v in shared):
        return shared
    return []


def _period(s: Sentence) -> tuple[list[str], list[tuple[int, int]]]:
    """What a sentence's figures are totalled over, as written, with the spans: its days (not
    the day something was said) and its "since ..." spans."""
    texts, spans = [], []
    for m in _SINCE.finditer(s.text):
        texts.append(m.group(0))
        spans.append((s.start + m.start(), s.start + m.end()))
    since = list(spans)
    for t in s.times:
        if _day(t) is not None and not _inside(t.start, since) and \
                not of_saying(s.text, t.start - s.start, t.end - s.start):
            texts.append(t.text)  # "since Monday" is one period, not Monday and a period
            spans.append((t.start, t.end))
    return texts, spans


def period_disputes(articles: Sequence[Article]) -> list[Dispute]:
    """Two reports giving the same precise figures ("97 rockets hit Israel ... 99 more were
    intercepted") for different periods ("on Friday" / "since midweek"): the figures pin one
    fact, so the period is what the reports dispute. Each sentence names one period."""
    found: list[tuple[Mention, str, dict[float, str]]] = []
    for a in articles:
        for s in _news_sentences(a):
            figures = _precise(s)
            if len(figures) < SAME_FIGURES:
                continue
            texts, spans = _period(s)
            if len({x.lower() for x in texts}) != 1:
                continue
            (start, end), text = spans[0], texts[0]
            found.append((Mention(a.index, s, start, end, text, ()), text.lower(), figures))
    disputes = []
    for i, (m1, p1, f1) in enumerate(found):
        for m2, p2, f2 in found[i + 1:]:
            shared = _same_figures(f1, f2)
            if m1.article == m2.article or p1 == p2 or len(shared) < SAME_FIGURES:
                continue
            figures = ", ".join(f"{v:,.0f}" if v.is_integer() else f"{v:,}" for v in shared)
            disputes.append(_dispute("time", f"Over what period were the figures {figures} "
                                     "counted?", [[m1], [m2]], articles))
    return disputes
