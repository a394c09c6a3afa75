"""Compare: where the reports disagree, and how one name is spelled by each.

Precision first. A dispute is only shown when two mentions answer the same question: the same
kind of quantity (unit or counted thing), the same happening (their context windows share a
distinctive word or a synonym), the same frame (not a yearly rate against a total, not two
different years), and values the wording cannot reconcile (ranges that do not overlap, allowing
for rounding). No side is ever marked right: sides are listed with their outlets and sentences.

Each kind of dispute has its module: numbers, days, years, clocks, periods, places, regions,
attributes, people (with speakers), roles, events and injuries. What they share: mentions (what is
compared), questions (do two mentions answer one question), quantities, frames and counts (when
numbers are comparable), grouping (pairs into sides) and assemble (sides into a Dispute).
entities groups name spellings.
"""

from __future__ import annotations

from collections.abc import Sequence

from crossread.compare.ages import age_disputes
from crossread.compare.attributes import attribute_disputes
from crossread.compare.clocks import clock_disputes
from crossread.compare.days import time_disputes
from crossread.compare.entities import entity_groups
from crossread.compare.events import event_disputes
from crossread.compare.injuries import injury_details
from crossread.compare.numbers import number_disputes
from crossread.compare.people import person_disputes
from crossread.compare.periods import period_disputes
from crossread.compare.places import place_disputes
from crossread.compare.quantities import comparable_measure, numbers_agree
from crossread.compare.questions import SYNONYM_GROUPS
from crossread.compare.regions import region_disputes
from crossread.compare.roles import role_disputes
from crossread.compare.years import year_disputes
from crossread.context import Lexicon, words
from crossread.model import Article, Dispute


def disputes(articles: Sequence[Article]) -> list[Dispute]:
    lex = Lexicon.build(articles, synonyms=SYNONYM_GROUPS)
    found = (time_disputes(articles, lex) + year_disputes(articles, lex)
             + clock_disputes(articles, lex) + period_disputes(articles)
             + number_disputes(articles, lex) + age_disputes(articles)
             + attribute_disputes(articles, lex) + place_disputes(articles, lex)
             + region_disputes(articles, lex)
             + person_disputes(articles) + role_disputes(articles)
             + event_disputes(articles)
             + injury_details(articles))
    # strict disagreements first, then differences of detail
    return sorted(found, key=lambda d: (d.detail_only, -len(d.sides)))


__all__ = ["SYNONYM_GROUPS", "comparable_measure", "disputes", "entity_groups", "numbers_agree",
           "words"]
