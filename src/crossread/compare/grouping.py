"""From pairs of mentions to the sides of a dispute.

Values are paired one to one by their surroundings (a sentence or a history listing several values
meets the other report's values pairwise, not all against all); disputed pairs gather into
connected groups; every other mention giving a group's value to the same question joins it, so
each outlet that says "two" is on the "two" side; and a group splits into sides of agreeing values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crossread.compare.mentions import Mention
from crossread.compare.quantities import numbers_agree
from crossread.compare.questions import _same_question
from crossread.context import Lexicon


def _mutual_best(mentions: Sequence[tuple[Mention, object]], lex: Lexicon,
                 comparable, second_best=None) -> set[tuple[int, int]]:
    """Pairs of comparable mentions in two sentences that are each other's closest match.

    A sentence listing "six counts of arson, two counts of burning" set against another listing
    the same counts must pair six with six and two with two, not every value with every other.
    `second_best(a, b)`: a pair to take only when no other is as close ("3.7 million miles"
    meets "3.9 million miles", not the "(6.2 million kilometers)" beside it).
    """
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, (m, _v) in enumerate(mentions):
        by_sentence.setdefault((m.article, m.sentence.start), []).append(k)
    keys = list(by_sentence)
    pairs: set[tuple[int, int]] = set()
    for x in range(len(keys)):
        for y in range(x + 1, len(keys)):
            a, b = by_sentence[keys[x]], by_sentence[keys[y]]
            score = {}
            for i in a:
                for j in b:
                    if comparable(mentions[i][1], mentions[j][1]):
                        score[(i, j)] = lex.similar(mentions[i][0].context, mentions[j][0].context)
                        if second_best is not None and second_best(mentions[i][1],
                                                                   mentions[j][1]):
                            score[(i, j)] -= 0.01
            for (i, j), sc in score.items():
                best_i = max(v for (p, _q), v in score.items() if p == i)
                best_j = max(v for (_p, q), v in score.items() if q == j)
                if sc >= best_i and sc >= best_j:
                    pairs.add((i, j))
    return pairs


def _attach(comp: list[int], mentions: Sequence[tuple[Mention, object]], lex: Lexicon,
            agree) -> list[int]:
    """Add to a dispute the other mentions that answer the same question with a value one of
    its members already has: every outlet that says "two" belongs on the "two" side."""
    members = set(comp)
    for k, (m, v) in enumerate(mentions):
        if k in members:
            continue
        for c in comp:
            cm, cv = mentions[c]
            if cm.article == m.article or not agree(v, cv):
                continue
            if not _same_question(m, cm, lex, one_article=False):
                continue
            # joining a side while the same article holds another value makes the article
            # contradict itself: its two mentions must answer the same question as well
            own = [mentions[x][0] for x in members
                   if mentions[x][0].article == m.article and not agree(v, mentions[x][1])]
            if own and not any(_same_question(m, o, lex, one_article=False) for o in own):
                continue
            members.add(k)
            break
    return sorted(members)


def _number_sides(ms: Sequence[tuple[Mention, Any]], agree=numbers_agree) -> list[list[Mention]]:
    """Mentions whose values all agree form one side; sides are ordered by first appearance."""
    sides: list[tuple[list[Mention], list[Any]]] = []
    for m, n in sorted(ms, key=lambda x: (x[0].article, x[0].start)):
        for side_m, side_n in sides:
            if all(agree(n, other) for other in side_n):
                side_m.append(m)
                side_n.append(n)
                break
        else:
            sides.append(([m], [n]))
    return [s for s, _ in sides]


def _closest_pairs(mentions: Sequence[tuple[Mention, object]],
                   lex: Lexicon) -> set[tuple[int, int]]:
    """Pairs of mentions in two articles that are each other's closest match in the other
    article (by their surroundings): a history of years in one report meets the other's years
    one to one, not all against all."""
    by_article: dict[int, list[int]] = {}
    for k, (m, _v) in enumerate(mentions):
        by_article.setdefault(m.article, []).append(k)
    arts = sorted(by_article)
    out: set[tuple[int, int]] = set()
    for x, ax in enumerate(arts):
        for ay in arts[x + 1:]:
            sims = {(i, j): lex.similar(mentions[i][0].context, mentions[j][0].context)
                    for i in by_article[ax] for j in by_article[ay]}
            for (i, j), v in sims.items():
                if v >= max(sims[(i, q)] for q in by_article[ay]) and \
                        v >= max(sims[(p, j)] for p in by_article[ax]):
                    out.add((i, j))
    return out


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for a, b in edges:
        for x in (a, b):
            groups.setdefault(find(x), [])
    for x in range(n):
        r = find(x)
        if r in groups:
            groups[r].append(x)
    return [sorted(set(g)) for g in groups.values()]
