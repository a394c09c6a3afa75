"""Year disputes: reports giving different years for one happening ("in 2005" / "since 2002").

A story's years mark many happenings (founded, opened, renamed, ruled), so the bar is higher than
for days: closest matches only, closer wording, and a thing named in both besides the verb. A span
("2008-2009") is not a date, and one article's own years are never set against each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.assemble import _about, _dispute
from crossread.compare.grouping import _attach, _closest_pairs, _components
from crossread.compare.mentions import Mention, _lead, _news_sentences
from crossread.compare.questions import _predicates, _same_question, _verbs_related
from crossread.context import Lexicon, window
from crossread.model import Article, Dispute

SAME_YEAR_CONTEXT = 0.3  # years name many happenings of one story: ask for closer wording
SAME_YEAR_NAMED = 2  # and this many words besides the verb in both windows ("Memorial Hall")


def year_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Two reports giving different years for the same happening ("began calling it Memorial
    Hall in 2005" / "has called it Memorial Hall since 2002"). Years mark many happenings in
    one story (founded, opened, renamed, ruled), so a pair must be each other's closest match,
    share the verb's kind and read alike; one article's own years are never set against each
    other (a history names many)."""
    mentions: list[tuple[Mention, str]] = []
    for a in articles:
        for s in _news_sentences(a):
            if _RANGE_YEARS.search(s.text):
                continue  # "from 2002 to 2005", "in 2008-2009": a span, not a date
            for t in s.times:
                if t.kind != "year" or not t.value:
                    continue
                ctx = tuple(window(s.text, t.start - s.start, t.end - s.start))
                mentions.append((Mention(a.index, s, t.start, t.end, t.text, ctx, _lead(a, s)),
                                 t.value or ""))
    edges = []
    for i, j in _closest_pairs(mentions, lex):
        (m1, y1), (m2, y2) = mentions[i], mentions[j]
        if m1.article == m2.article or y1 == y2:
            continue
        if lex.similar(m1.context, m2.context) < SAME_YEAR_CONTEXT:
            continue
        # the same thing named in both, besides the verb ("Memorial Hall"): a shared verb
        # alone ("ran until 1999" / "ran until 2003") may be two shows
        preds = _predicates(m1) | _predicates(m2)
        named = {w for w in set(m1.context) & set(m2.context)
                 if not any(w[:4] == p[:4] or _verbs_related(w, p) for p in preds)}
        if len(named) < SAME_YEAR_NAMED:
            continue
        if _same_question(m1, m2, lex, one_article=False):
            edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a == b)
        comp += _restated(comp, mentions)
        by_year: dict[str, list[Mention]] = {}
        for k in sorted(comp, key=lambda k: (mentions[k][0].article, mentions[k][0].start)):
            by_year.setdefault(mentions[k][1], []).append(mentions[k][0])
        if len(by_year) < 2:
            continue
        question = "In what year" + _about(mentions[k][0] for k in comp) + "?"
        disputes.append(_dispute("time", question, list(by_year.values()), articles,
                                 values=list(by_year)))
    return disputes


def _restated(comp: list[int], mentions: Sequence[tuple[Mention, str]]) -> list[int]:
    """Other sentences of a side's article that give its year for the same happening (the
    report restating "began referring to it as Memorial Hall in 2005"): more evidence."""
    out = []
    for k, (m, year) in enumerate(mentions):
        if k in comp:
            continue
        for c in comp:
            cm, cy = mentions[c]
            if cm.article == m.article and cy == year and m.sentence != cm.sentence and \
                    set(_predicates(m)) & set(_predicates(cm)):
                out.append(k)
                break
    return out


_RANGE_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|/|to|and|or|through)\s*(?:(?:19|20)?\d\d)\b")
