"""Whether two counts count the same thing: the guards only number disputes need.

One unit or counted noun is not enough: "seven flybys of Venus" and "24 flybys of the sun" count
different things; a sentence that states both values counts two things; and an article giving
three or more such values lists items (defendants and their charges) whose values differ because
the items do. Conversely, when each report gives exactly one count of one specific thing, that is
one question even when the verbs say little.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from crossread.compare.mentions import Mention
from crossread.compare.quantities import _measure, _singular, comparable_measure, numbers_agree
from crossread.compare.questions import (
    SAME_CONTEXT,
    _different_scenes,
    _different_terms,
    _predicates,
    _verbs_related,
)
from crossread.context import Lexicon
from crossread.model import NumberMention, Sentence

_OF = re.compile(r"\s+(?:of|to|for)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                 r"(?P<w>[A-Za-z][\w-]*)")


def _of_what(m: Mention, n: NumberMention) -> str | None:
    """What the counted thing is of, or for or sent to: "seven flybys of Venus" → "venus", "a
    150-strong delegation to the Paralympics" → "paralympics"."""
    if not n.counts:
        return None
    rest = m.sentence.text[n.end - m.sentence.start:]
    at = rest.find(n.counts)
    if at < 0 or at > 40:
        return None
    of = _OF.match(rest, at + len(n.counts))
    return of.group("w").lower() if of else None


def _different_of(a: tuple[Mention, NumberMention], b: tuple[Mention, NumberMention]) -> bool:
    """"seven flybys of Venus" / "24 flybys of the sun", "six counts of arson" / "two counts
    of murder", "a 150-strong delegation to the Paralympics" / "a 550-member delegation to the
    games": the same noun of, for or to different things counts different things."""
    x, y = _of_what(*a), _of_what(*b)
    return bool(x and y and _singular(x) != _singular(y))


def _states_too(s: Sentence, own: NumberMention, other: NumberMention) -> bool:
    """The sentence also gives a value agreeing with `other` for a thing of its kind, or for an
    unnamed thing ("two workers were hurt and four"): then the two values count two things.
    "At least 85 countries and 2,500 athletes" does not state "2,000 athletes"."""
    return any(x is not own and numbers_agree(other, x) and (
        comparable_measure(x, other) or not (x.counts or x.unit)) for x in s.numbers)


def _listed(mentions: Sequence[tuple[Mention, object]], comparable) -> Callable[[int], bool]:
    """Mentions in articles that give three or more values, in different sentences of one
    kind of happening, or three different values worded exactly alike ("$50", "$0", "$20"): a
    list of items (defendants and their charges, events and their dates, donations), where values
    differ because the items do. Counts of a thing in differently worded, unrelated
    statements ("10 athletes" on a team, "200 American athletes", "2,500 athletes" at the
    games) are not a list."""
    by_article: dict[int, list[int]] = {}
    for k, (m, _v) in enumerate(mentions):
        by_article.setdefault(m.article, []).append(k)

    # asked only of mentions in a candidate pair, and parsing only when three sentences give
    # such values: parsing every sentence with a count costs seconds on a long report
    @cache
    def listed(k: int) -> bool:
        mk, vk = mentions[k]
        peers = [x for x in by_article[mk.article] if comparable(mentions[x][1], vk)]
        if len({mentions[x][0].sentence.start for x in peers}) < 3:
            return False
        # worded alike: three different values make a list ("10 athletes" twice is one
        # team mentioned twice)
        alike = {_value(mentions[x][1]) for x in peers
                 if _wording(mentions[x][1]) == _wording(vk)}
        if len(alike) >= 3:
            return True
        related = {mentions[x][0].sentence.start for x in peers
                   if _same_happening(mentions[x][0], mk)}
        return len(related) >= 3

    return listed


def _value(v: object) -> object:
    return v.value if isinstance(v, NumberMention) else v


def _wording(v: object) -> tuple[str, str]:
    if isinstance(v, NumberMention):
        return (v.unit or "").lower(), (v.counts or "").lower()
    return "", ""


def _same_happening(m1: Mention, m2: Mention) -> bool:
    """Predicates of one kind, or none on either side (nothing tells the two apart)."""
    p1, p2 = _predicates(m1), _predicates(m2)
    if not p1 and not p2:
        return True
    return any(_verbs_related(a, b) for a in p1 for b in p2)


# Counted things too common to identify one quantity by themselves.
_GENERIC_COUNTS = frozenset(
    "people person time times year years day days month months week weeks hour hours minute "
    "minutes percent other others one ones thing things way ways case cases member members "
    "man men woman women child children".split()
)


def _only_counts(i: int, j: int, mentions: Sequence[tuple[Mention, NumberMention]],
                 lex: Lexicon) -> bool:
    """Each of two articles gives exactly one count of the same specific thing ("six aircraft",
    "five aircraft"): that is one question even when the verbs say little ("has", "will have")."""
    (m1, n1), (m2, n2) = mentions[i], mentions[j]
    head = _measure(n1)[1]
    if not head or head != _measure(n2)[1] or head in _GENERIC_COUNTS or n1.unit or n2.unit:
        return False
    for m, _n in (mentions[i], mentions[j]):
        same = [x for x, y in mentions if x.article == m.article and _measure(y)[1] == head]
        if len(same) != 1:
            return False
    if _different_scenes(m1, m2) or _different_terms(m1, m2):
        return False
    return lex.similar(m1.context, m2.context) >= SAME_CONTEXT / 2
