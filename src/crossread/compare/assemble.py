"""A dispute as the brief shows it: its question, and each side's value, outlets and sentences.

The question names the happening by its mentions' most common verbs. An outlet found on two sides
contradicts itself, and the dispute says so; no side is ever marked right.
"""

from __future__ import annotations

from collections.abc import Sequence

from crossread.compare.mentions import Mention
from crossread.compare.questions import _predicates
from crossread.model import Article, Dispute, DisputeSide


def _about(mentions) -> str:
    """The happening a question is about, from its mentions' most common predicates."""
    from collections import Counter

    counts = Counter(p for m in mentions for p in _predicates(m))
    # ties broken by name: predicates come from sets, whose order changes from run to run
    top = sorted(counts, key=lambda p: (-counts[p], p))[:2]
    return f" ({', '.join(top)})" if top else ""


def _outlet(articles: Sequence[Article], idx: int) -> str:
    a = next(x for x in articles if x.index == idx)
    return a.outlet or f"article {idx + 1}"


def _dispute(kind: str, question: str, sides: list[list[Mention]], articles: Sequence[Article],
             *, values: list[str] | None = None, detail_only: bool = False,
             note: str | None = None) -> Dispute:
    built = []
    for k, side in enumerate(sides):
        evidence = tuple(dict.fromkeys(m.evidence for m in side))
        outlets = tuple(dict.fromkeys(_outlet(articles, m.article) for m in side))
        value = values[k] if values else " / ".join(dict.fromkeys(m.text for m in side))
        built.append(DisputeSide(value, outlets, evidence))
    arts_per_side = [{m.article for m in side} for side in sides]
    self_contra = any(arts_per_side[i] & arts_per_side[j]
                      for i in range(len(sides)) for j in range(i + 1, len(sides)))
    return Dispute(kind, question, self_contra, detail_only, tuple(built), note)
