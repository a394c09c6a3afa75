"""Attribute disputes: opposite descriptions of one person in surroundings that share a word.

"high-ranking" / "low-ranking", "armed" / "unarmed", "conscious" / "unconscious". Descriptions
inside quotations or attributions are someone else's, and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _unquoted_matches
from crossread.context import Lexicon
from crossread.model import Article, Dispute

_ATTRIBUTES: tuple[tuple[str, str, re.Pattern[str], str, re.Pattern[str]], ...] = (
    ("rank", "high-ranking",
     re.compile(r"\b(?:high|top)[- ]rank(?:ing|ed)\b|\bhigh[- ]level\b|\bsenior\b", re.I),
     "low-ranking",
     re.compile(r"\b(?:low|law)[- ]rank(?:ing|ed)\b|\blow[- ]level\b|\bjunior\b|"
                r"\brank[- ]and[- ]file\b", re.I)),
    ("armed", "armed", re.compile(r"(?<![-\w])armed\b(?!\s+(?:forces|services|conflict))", re.I),
     "unarmed", re.compile(r"\bunarmed\b", re.I)),
    ("conscious", "conscious", re.compile(r"(?<![-\w])conscious\b", re.I),
     "unconscious", re.compile(r"\bunconscious\b|\bno consciousness\b", re.I)),
)


def attribute_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    disputes = []
    for name, v1, rx1, v2, rx2 in _ATTRIBUTES:
        found: dict[str, list[Mention]] = {
            value: [mention for _, mention in
                    _unquoted_matches(articles, rx, width=6, attributed=False)]
            for value, rx in ((v1, rx1), (v2, rx2))
        }
        if not found[v1] or not found[v2]:
            continue
        pairs = [(x, y) for x in found[v1] for y in found[v2]
                 if set(x.context) & set(y.context)
                 or lex.shares(x.context, y.context, min_idf=0.3)]
        if not pairs:
            continue
        side1 = list(dict.fromkeys(x for x, _ in pairs))
        side2 = list(dict.fromkeys(y for _, y in pairs))
        question = {"rank": "What was his rank?", "armed": "Was he armed?",
                    "conscious": "Was he conscious?"}[name]
        disputes.append(_dispute("attribute", question, [side1, side2], articles,
                                 values=[v1, v2]))
    return disputes
