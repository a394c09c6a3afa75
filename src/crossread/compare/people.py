"""Person disputes: one quotation credited to different people by different reports.

speakers.py finds the credits and decides when two names are two people; this module words the
dispute: the quotation's first words as the question, each side's fullest name as its value.
"""

from __future__ import annotations

from collections.abc import Sequence

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention
from crossread.compare.speakers import conflicts
from crossread.model import Article, Dispute


def person_disputes(articles: Sequence[Article]) -> list[Dispute]:
    """One quotation credited to different people by different reports."""
    out = []
    for sides in conflicts(articles):
        words = sides[0][0].text.strip(" ,.").split()
        excerpt = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
        ms = [[Mention(c.article, e, e.start, e.end, e.text, ()) for c in side
               for e in c.evidence] for side in sides]
        values = [max((c.speaker for c in side), key=len) for side in sides]
        out.append(_dispute("person", f"Who said “{excerpt}”?", ms, articles, values=values))
    return out
