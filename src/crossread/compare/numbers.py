"""Number disputes: counts or measures that the reports' wording cannot reconcile.

A part of a total ("five of them", "99 more") is not compared. A pair must be each other's closest
match, disagree beyond rounding, share a frame, count the same thing and answer the same question.
Counts from reports of different dates are shown as a difference of detail (the later may update
the earlier), and an outlet that says the answer is not known is a side of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from crossread.compare.assemble import _about, _dispute
from crossread.compare.counts import _different_of, _listed, _only_counts, _states_too
from crossread.compare.frames import _RATE, _frames, _other_dates
from crossread.compare.grouping import _attach, _components, _mutual_best, _number_sides
from crossread.compare.mentions import Mention, _lead, _news_sentences
from crossread.compare.places import _same_route
from crossread.compare.quantities import _measure, comparable_measure, converted, numbers_agree
from crossread.compare.questions import _predicates, _same_question
from crossread.context import Lexicon, window, words
from crossread.model import Article, Dispute, NumberMention, Sentence

UNSURE_SHARED = 2  # distinctive words an "it is not known ..." sentence shares with a dispute


# "five of them", "two of whom", "three of the 12": a part of a count given elsewhere
_SUBSET = re.compile(r"^\s*(?:of\s+(?:them|whom|those|these|the\s+\d)|others?)\b",
                     re.IGNORECASE)


# "... and 99 more", "another 99", "three more": the count before it is one part of a total
_MORE_AFTER = re.compile(r"^\s+(?:more|others?|additional)\b", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"\banother\s+$", re.IGNORECASE)


def _first_part(text: str, n: NumberMention, s: Sentence) -> bool:
    """"97 rockets hit Israel and 99 more were intercepted", "one object was found, and three
    more": the first count is a part of a total the sentence splits, not a total to compare."""
    return any(x.start > n.end and (_MORE_AFTER.match(text[x.end:x.end + 16])
                                    or _ANOTHER_BEFORE.search(text[max(0, x.start - 9):x.start]))
               for x in s.numbers)


def _number_mentions(articles: Sequence[Article]) -> list[tuple[Mention, NumberMention]]:
    out = []
    for a in articles:
        for s in _news_sentences(a):
            for n in s.numbers:
                if n.qualifier == "vague" or n.value is None:
                    continue
                if _SUBSET.match(a.text[n.end:n.end + 20]) or _first_part(a.text, n, s):
                    continue  # "five of them": a part, not the total
                ctx = tuple(window(s.text, n.start - s.start, n.end - s.start))
                m = Mention(a.index, s, n.start, n.end, n.text, ctx, _lead(a, s))
                out.append((m, n))
            out += _no_casualties(a, s)
    return _casualty_counts(out)


# "No one was injured", "nobody was killed", "no deaths were reported": a casualty count of
# zero. Not "no one else" or "no other injuries" (besides those told), not "no one was
# seriously hurt" (others may have been, lightly), not "no casualties" (dead or hurt?).
_NO_ONE = re.compile(r"\b(?:no\s+one|nobody|none)\s+(?:(?:was|were|has\s+been|had\s+been|"
                     r"have\s+been)\s+)(?P<fate>injured|hurt|wounded|killed)\b", re.IGNORECASE)
_NO_NOUN = re.compile(r"\bno\s+(?:(?:immediate|reported)\s+)?(?P<fate>injuries|deaths|"
                      r"fatalities)\b", re.IGNORECASE)
_ZERO_FATE = {"injured": "injured", "hurt": "injured", "wounded": "injured", "killed": "dead",
              "injuries": "injured", "deaths": "dead", "fatalities": "dead"}


def _no_casualties(a: Article, s: Sentence) -> list[tuple[Mention, NumberMention]]:
    out = []
    for rx in (_NO_ONE, _NO_NOUN):
        for m in rx.finditer(s.text):
            start, end = s.start + m.start(), s.start + m.end()
            n = NumberMention(m.group(0), start, end, 0.0, 0.0, 0.0, None, None,
                              _ZERO_FATE[m.group("fate").lower()])
            ctx = tuple(window(s.text, m.start(), m.end()))
            out.append((Mention(a.index, s, start, end, m.group(0), ctx, _lead(a, s)), n))
    return out


def _casualty_counts(mentions: list[tuple[Mention, NumberMention]],
                     ) -> list[tuple[Mention, NumberMention]]:
    """Counts of people killed or hurt counted as the dead or the injured, unless an article
    gives two such counts of different values: then the story tells of several incidents (a
    roundup: "wounding at least four people" in one city, "wounding 12 people" in another),
    and its counts of people are compared only as counts of people, as before."""
    as_fates = [_as_casualties(m, n) for m, n in mentions]
    several = set()
    for i, ((m1, n1), c1) in enumerate(zip(mentions, as_fates, strict=True)):
        for (m2, n2), c2 in zip(mentions[i + 1:], as_fates[i + 1:], strict=True):
            if m1.article == m2.article and c1 is not n1 and c2 is not n2 \
                    and c1.counts == c2.counts and c1.value != c2.value:
                several.add(c1.counts)
    return [(m, c if c.counts not in several else n)
            for (m, n), c in zip(mentions, as_fates, strict=True)]


# "people" is whoever a casualty figure counts: "killed 210 people" is the figure "a death toll
# of 150" gives. Narrower nouns ("passengers", "children") count a part of it, and stay apart.
_PEOPLE = frozenset({"people", "persons", "person"})
_FATE = {"kill": "dead", "die": "dead", "dead": "dead", "injure": "injured",
         "wound": "injured", "hurt": "injured"}
_FATE_WORD = {"killed": "dead", "dead": "dead", "died": "dead", "injured": "injured",
              "wounded": "injured", "hurt": "injured"}
_PEOPLE_FATE = re.compile(r"^\s+(?:(?:were|are|was|have been|had been)\s+)?"
                          r"(killed|dead|died|injured|wounded|hurt)\b", re.IGNORECASE)


def _as_casualties(m: Mention, n: NumberMention) -> NumberMention:
    """A count of people killed or hurt, counted as the dead or the injured."""
    if n.unit or not n.counts or n.counts.lower() not in _PEOPLE:
        return n
    s = m.sentence
    after = _PEOPLE_FATE.match(s.text[n.end - s.start + len(n.counts) + 1:])
    fates = ({_FATE_WORD[after.group(1).lower()]} if after
             else {_FATE[p] for p in _predicates(m) if p in _FATE})
    if len(fates) != 1:
        return n
    return replace(n, counts=fates.pop())


def number_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    mentions = _number_mentions(articles)
    published = {a.index: a.published for a in articles}
    frames = _frames(articles)
    partner = _mutual_best(mentions, lex, lambda a, b: comparable_measure(a, b),
                           second_best=converted)
    listed = _listed(mentions, lambda a, b: comparable_measure(a, b))
    edges: list[tuple[int, int]] = []
    for i, j in partner:
        (m1, n1), (m2, n2) = mentions[i], mentions[j]
        if m1.article == m2.article or numbers_agree(n1, n2):
            continue  # one article listing several counts is not contradicting itself
        if _different_of(mentions[i], mentions[j]):
            continue
        if bool(_RATE.search(m1.sentence.text)) != bool(_RATE.search(m2.sentence.text)):
            continue  # "1,000 a year" and "30,000 since the war" measure different things
        if frames[(m1.article, m1.sentence.start)] != frames[(m2.article, m2.sentence.start)]:
            continue  # a different year, or a year on one side only: not the same time
        if _other_dates(m1.sentence, m2.sentence):
            continue  # counts of different days ("early Thursday" against "on Feb. 6")
        if _states_too(m1.sentence, n1, n2) or _states_too(m2.sentence, n2, n1):
            continue  # the sentence states the other value too: two things, not a dispute
        if listed(i) or listed(j):
            continue  # one of a list of per-item values ("charged with six counts", ...)
        if _attacker_counted(n1, n2, m1, m2):
            continue  # "five killed, including the gunman" / "four killed" before he shot himself
        if _same_question(m1, m2, lex, one_article=False) or \
                _only_counts(i, j, mentions, lex) or _same_route(mentions[i], mentions[j], lex):
            edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: comparable_measure(a, b)
                       and numbers_agree(a, b))
        ms = [mentions[k] for k in comp]
        sides = _number_sides(ms)
        if len(sides) < 2:
            continue
        _unit, _head = _measure(ms[0][1])
        label = ms[0][1].counts or (ms[0][1].unit or "")
        question = f"How many {label}" + _about(m for m, _ in ms) + "?"
        note = _update_note(sides, published)
        values = [" / ".join(dict.fromkeys(m.text for m in side)) for side in sides]
        unsure = _unsure_side(articles, sides, lex)
        if unsure:
            sides.append(unsure)
            values.append("unclear")
        disputes.append(_dispute("number", question, sides, articles, values=values,
                                 detail_only=note is not None, note=note))
    return disputes


# A toll that may or may not count the attacker among the dead
_ATTACKER = re.compile(r"\b(?:gunm[ae]n|shooters?|attackers?|assailants?|suspects?|bombers?|"
                       r"perpetrators?|killers?|hijackers?)\b", re.IGNORECASE)


def _attacker_counted(n1: NumberMention, n2: NumberMention, m1: Mention, m2: Mention) -> bool:
    """Two casualty counts one apart, where an attacker is told of: one may count him."""
    if n1.value is None or n2.value is None or abs(n1.value - n2.value) != 1:
        return False
    if _measure(n1)[1] not in ("dead", "injured"):
        return False
    return bool(_ATTACKER.search(m1.sentence.text) or _ATTACKER.search(m2.sentence.text))


_UNSURE = re.compile(r"\b(?:not (?:immediately )?clear|unclear|unknown|not known|unconfirmed|"
                     r"could not be confirmed|no information)\b", re.IGNORECASE)


def _unsure_side(articles: Sequence[Article], sides: list[list[Mention]],
                 lex: Lexicon) -> list[Mention] | None:
    """An outlet that says the answer is not known is a side of its own, not a silence."""
    taken = {m.article for side in sides for m in side}
    context = [w for side in sides for m in side for w in m.context]
    found = []
    for a in articles:
        if a.index in taken:
            continue
        for s in a.sentences:
            m = _UNSURE.search(s.text)
            if not m:
                continue
            ctx = words(s.text[m.end():])[:14]
            if len(lex.shares(ctx, context, min_idf=0.3)) >= UNSURE_SHARED:
                found.append(Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                     m.group(0), tuple(ctx)))
                break
    return found or None


def _update_note(sides: list[list[Mention]], published: dict[int, str | None]) -> str | None:
    """When each side comes from reports of a different date, a later count may update an
    earlier one: say so rather than call it a contradiction."""
    dates = []
    for side in sides:
        ds = {published.get(m.article) for m in side}
        if None in ds or len(ds) != 1:
            return None
        dates.append(ds.pop())
    if len(set(dates)) < len(dates):
        return None
    order = sorted(zip(dates, range(len(sides)), strict=True))
    return (f"reported on different dates ({order[0][0]} to {order[-1][0]}): the later report "
            "may update the earlier one")
