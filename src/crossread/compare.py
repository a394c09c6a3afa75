"""Compare: where the reports disagree, and how one name is spelled by each.

Precision first. A dispute is only shown when two mentions answer the same question: the same
kind of quantity (unit or counted thing), the same happening (their context windows share a
distinctive word or a synonym), the same frame (not a yearly rate against a total, not two
different years), and values the wording cannot reconcile (ranges that do not overlap, allowing
for rounding). No side is ever marked right: sides are listed with their outlets and sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from crossread.analyse.markers import lexicon
from crossread.analyse.vectors import embed
from crossread.clean import caption_spans
from crossread.context import Lexicon, in_group, window, words
from crossread.model import (
    Article,
    Dispute,
    DisputeSide,
    EntityGroup,
    Evidence,
    NumberMention,
    Sentence,
    TimeMention,
)
from crossread.predicates import of_saying, predicates, subject, verb_tense
from crossread.speakers import conflicts

SAME_CONTEXT = 0.18  # soft-overlap similarity two windows need, besides a shared key word
SAME_YEAR_CONTEXT = 0.3  # years name many happenings of one story: ask for closer wording
SAME_YEAR_NAMED = 2  # and this many words besides the verb in both windows ("Memorial Hall")
UNSURE_SHARED = 2  # distinctive words an "it is not known ..." sentence shares with a dispute
SHORT_SENTENCE = 8  # words: a sentence this short without a time of its own is elliptic
SAME_CONTEXT_ONE_ARTICLE = 0.5  # stricter inside one article: a writer repeats, rarely errs

_RATE = re.compile(
    r"\b(?:each|every|per|a|an)\s+(?:year|month|week|day|hour|minute|decade)\b|\bannually\b|"
    r"\byearly\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bon average\b|\ba year\b", re.IGNORECASE)
# "five of them", "two of whom", "three of the 12": a part of a count given elsewhere
_SUBSET = re.compile(r"^\s*(?:of\s+(?:them|whom|those|these|the\s+\d)|others?)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    article: int
    sentence: Sentence
    start: int
    end: int
    text: str
    context: tuple[str, ...]
    # the sentence before, when this one is too short to set its own scene ("More than 50
    # people were injured." continues whatever the sentence before it was about)
    lead: Sentence | None = None

    @property
    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(self.article, s.text, s.start, s.end)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _quoted(s: Sentence) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in s.quotes]


# --- synonyms -----------------------------------------------------------------------------------

def _synonym_groups() -> list[tuple[str, ...]]:
    return [tuple(line.split()) for line in lexicon("synonyms")]


SYNONYM_GROUPS = _synonym_groups()


# --- numbers ------------------------------------------------------------------------------------

def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=8192)
def _measure(n: NumberMention) -> tuple[str, str]:
    unit = _singular(n.unit) if n.unit else ""
    head = _singular(n.counts.split()[-1]) if n.counts else ""
    return unit, head


def comparable_measure(a: NumberMention, b: NumberMention) -> bool:
    (ua, ha), (ub, hb) = _measure(a), _measure(b)
    if ua or ub:
        return ua == ub and (not ha or not hb or ha == hb)
    return bool(ha) and ha == hb


_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6,
          "k": 1e3}


def _rounding(n: NumberMention) -> float:
    """Half the unit of the last digit a writer gave: "3.7 million" ±50,000, "30,000" ±5,000
    (a round number may stand for any value it rounds from), "41" ±0.5."""
    m = _DIGITS.search(n.text)
    if not m or n.value is None:
        return 0.5
    after = n.text[m.end():].strip().lower().split(" ")[0] if m.end() < len(n.text) else ""
    scale = _SCALE.get(after, 1.0)
    if m.group(1):
        return 0.5 * 10 ** -len(m.group(1)) * scale
    digits = m.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return 0.5 * scale
    return 0.5 * 10 ** zeros * scale if zeros else 0.5 * scale


def _bounds(n: NumberMention) -> tuple[float, float]:
    lo = n.low if n.low is not None else float("-inf")
    hi = n.high if n.high is not None else float("inf")
    if n.value is not None and abs(n.value) >= 10 and n.qualifier not in ("about", "nearly",
                                                                          "range"):
        # just under half a unit: 41 and 42 must not meet at 41.5. A bound is rounded like a
        # value: "more than 1,400" may be written of 1,370 by a writer who rounds
        slack = 0.98 * _rounding(n)
        lo, hi = lo - slack, hi + slack
    return lo, hi


def numbers_agree(a: NumberMention, b: NumberMention) -> bool:
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return alo <= bhi and blo <= ahi


def _years(s: Sentence) -> set[str]:
    return {t.value for t in s.times if t.kind == "year" and t.value}


# A period a count is totalled over: "750 rockets this year" is not "300 since the conflict"
_PERIOD = re.compile(r"\b(?:this|last|past|previous)\s+(?:\w+\s+)?(?:years?|months?|weeks?|"
                     r"decades?)\b|\bso far\b|\bto date\b", re.IGNORECASE)


def _frame(s: Sentence) -> set[str]:
    """The years a sentence names, and the periods it totals over."""
    periods = {" ".join(m.group(0).lower().split()) for m in _PERIOD.finditer(s.text)}
    return _years(s) | periods


def _frames(articles: Sequence[Article]) -> dict[tuple[int, int], set[str]]:
    """The years each sentence speaks of. A short sentence with no time of its own continues
    the one before it: "The last Gaza war, in 2008-2009, killed 1,400 Palestinians. Thirteen
    Israelis died." counts deaths of 2008, not of this week. (A longer sentence usually sets
    its own scene, so it keeps its own, possibly empty, set.)"""
    out: dict[tuple[int, int], set[str]] = {}
    for a in articles:
        prev: set[str] = set()
        for s in a.sentences:
            own = _frame(s)
            out[(a.index, s.start)] = prev if _elliptic(s) else own
            prev = own
    return out


def _other_dates(s1: Sentence, s2: Sentence) -> bool:
    """One sentence pins its count to a calendar date the other's days do not include.
    (Two weekdays alone are left to the day comparison: they may be the disputed fact.)"""
    for a, b in ((s1, s2), (s2, s1)):
        dated = {t.value for t in a.times if t.kind == "date" and t.value}
        days = {d.value for d in (_day(t) for t in b.times) if d is not None and d.value}
        names = {d.name for d in (_day(t) for t in b.times) if d is not None}
        if dated and (days or names) and not (dated & days):
            return True
    return False


def _news_sentences(a: Article) -> list[Sentence]:
    """The article's sentences less photo captions."""
    captions = caption_spans(a)
    return [s for s in a.sentences if not any(x <= s.start < y for x, y in captions)]


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
                out.append((Mention(a.index, s, n.start, n.end, n.text, ctx, _lead(a, s)), n))
    return out


def _predicates(m: Mention, keep: frozenset[str] = frozenset()) -> frozenset[str]:
    s = m.sentence
    return predicates(s.text, m.start - s.start, m.end - s.start, keep)


def _different_doers(m1: Mention, m2: Mention) -> bool:
    """Both verbs name who did it, and not the same or a like noun: two happenings."""
    s1, s2 = m1.sentence, m2.sentence
    a = subject(s1.text, m1.start - s1.start, m1.end - s1.start)
    b = subject(s2.text, m2.start - s2.start, m2.end - s2.start)
    return bool(a and b and not _verbs_related(a, b))


def tense(m: Mention) -> str | None:
    s = m.sentence
    return verb_tense(s.text, m.start - s.start, m.end - s.start)


@lru_cache(maxsize=4096)
def _verbs_related(a: str, b: str) -> bool:
    if a == b:
        return True
    for group in SYNONYM_GROUPS:
        if in_group(a, group) and in_group(b, group):
            return True
    if "_" in a or "_" in b:
        return False  # "in_custody": the word model has no vector for a phrase
    va, vb = embed([a, b])
    return float(va @ vb) >= 0.62


# spaCy often confuses people and places ("Madison"), so they are compared as one set of names
_SCENE_GROUPS = ({"GPE", "LOC", "PERSON"},)


def _scene(s: Sentence, labels: set[str]) -> set[str]:
    skip = [(a.start, a.end) for a in s.attribution]
    return {e.text.lower() for e in s.entities
            if e.label in labels and not _inside(e.start, skip)}


def _elliptic(s: Sentence) -> bool:
    return not s.times and len(s.text.split()) <= SHORT_SENTENCE


def _lead(a: Article, s: Sentence) -> Sentence | None:
    """The sentence a short one continues, if any."""
    if not _elliptic(s) or s.index == 0 or s.index > len(a.sentences):
        return None
    before = a.sentences[s.index - 1]
    return before if before.index == s.index - 1 else None


def _mention_scene(m: Mention, labels: set[str]) -> set[str]:
    own = _scene(m.sentence, labels)
    return own if own or m.lead is None else _scene(m.lead, labels)


def _different_scenes(m1: Mention, m2: Mention) -> bool:
    """Two sentences naming different places, or different people (outside their attribution),
    describe different happenings: two shootings in two towns are not one disputed shooting."""
    for labels in _SCENE_GROUPS:
        a, b = _mention_scene(m1, labels), _mention_scene(m2, labels)
        if a and b and not any(x == y or x in y or y in x or fuzz.ratio(x, y) >= 80
                               for x in a for y in b):
            return True
    return False


def _same_question(m1: Mention, m2: Mention, lex: Lexicon, one_article: bool) -> bool:
    """Same happening (predicates of one kind), same scene, and similar surroundings."""
    if m1.article == m2.article and m1.sentence == m2.sentence:
        return False  # "between 2% and 5%", "on Sunday or Monday": one statement, two values
    if one_article and (_inside(m1.start, _quoted(m1.sentence)) or
                        _inside(m2.start, _quoted(m2.sentence))):
        return False  # inside one article, a quotation is someone else's statement
    if _different_scenes(m1, m2):
        return False
    if {tense(m1), tense(m2)} == {"past", "future"}:
        return False  # "served about three years" / "to serve about 7 years"
    p1, p2 = _predicates(m1), _predicates(m2)
    if not p1 or not p2 or not any(_verbs_related(a, b) for a in p1 for b in p2):
        return False
    sim = lex.similar(m1.context, m2.context)
    return sim >= (SAME_CONTEXT_ONE_ARTICLE if one_article else SAME_CONTEXT)


def number_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    mentions = _number_mentions(articles)
    published = {a.index: a.published for a in articles}
    frames = _frames(articles)
    partner = _mutual_best(mentions, lex, lambda a, b: comparable_measure(a, b))
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


_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                 r"(?P<w>[A-Za-z][\w-]*)")


def _of_what(m: Mention, n: NumberMention) -> str | None:
    """What the counted thing is of: "seven flybys of Venus" → "venus"."""
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
    of murder": the same noun of different things counts different things."""
    x, y = _of_what(*a), _of_what(*b)
    return bool(x and y and _singular(x) != _singular(y))


def _states_too(s: Sentence, own: NumberMention, other: NumberMention) -> bool:
    """The sentence also gives a value agreeing with `other` for a thing of its kind, or for an
    unnamed thing ("two workers were hurt and four"): then the two values count two things.
    "At least 85 countries and 2,500 athletes" does not state "2,000 athletes"."""
    return any(x is not own and numbers_agree(other, x) and (
        comparable_measure(x, other) or not (x.counts or x.unit)) for x in s.numbers)


def _mutual_best(mentions: Sequence[tuple[Mention, object]], lex: Lexicon,
                 comparable) -> set[tuple[int, int]]:
    """Pairs of comparable mentions in two sentences that are each other's closest match.

    A sentence listing "six counts of arson, two counts of burning" set against another listing
    the same counts must pair six with six and two with two, not every value with every other.
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
            for (i, j), sc in score.items():
                best_i = max(v for (p, _q), v in score.items() if p == i)
                best_j = max(v for (_p, q), v in score.items() if q == j)
                if sc >= best_i and sc >= best_j:
                    pairs.add((i, j))
    return pairs


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
    if _different_scenes(m1, m2):
        return False
    return lex.similar(m1.context, m2.context) >= SAME_CONTEXT / 2


_DISTANCES = frozenset({"mile", "kilometer", "kilometre", "km", "meter", "metre", "feet", "foot",
                        "yard"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _places(s: Sentence) -> set[str]:
    return {e.text.lower() for e in s.entities if e.label in _PLACES}


def _same_route(a: tuple[Mention, NumberMention], b: tuple[Mention, NumberMention],
                lex: Lexicon) -> bool:
    """Two distances in sentences naming the same two places ("the lion was caught in Isinya,
    20 miles from Nairobi" / "the lion escaped from Nairobi and ended up in Isinya, 12 miles
    away") measure one route, whatever the verbs say."""
    (m1, n1), (m2, _n2) = a, b  # comparable already: one unit
    if _singular(n1.unit or "") not in _DISTANCES:
        return False
    p1, p2 = _places(m1.sentence), _places(m2.sentence)
    if len(p1) > 3 or len(p2) > 3:
        return False  # a sentence naming many places may give distances between others
    # the same names exactly: "Nairobi" and "Nairobi National Park" are nested places, and a
    # distance from the park need not be the distance from the city
    if len(p1 & p2) < 2:
        return False
    return not _different_scenes(m1, m2) and \
        lex.similar(m1.context, m2.context) >= SAME_CONTEXT / 2


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


# --- times --------------------------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Day:
    """A day as a report gives it: a date when resolvable, always a weekday name."""

    value: str | None  # ISO date, or None for a weekday in an undated article
    name: str

    def same(self, other: Day) -> bool:
        if self.value and other.value:
            return self.value == other.value
        return self.name == other.name

    def close(self, other: Day) -> bool:
        if self.value and other.value:
            try:
                gap = date.fromisoformat(self.value) - date.fromisoformat(other.value)
            except ValueError:
                return False
            return abs(gap.days) <= 14
        return True


def _day(t: TimeMention) -> Day | None:
    if t.kind in ("weekday", "date", "relative") and t.value and len(t.value) == 10:
        try:
            name = _WEEKDAYS[date.fromisoformat(t.value).weekday()]
        except ValueError:
            return None
        return Day(t.value, name)
    if t.kind == "weekday" and not t.value:
        word = next((w.lower() for w in t.text.split() if w.lower() in _WEEKDAYS), None)
        return Day(None, word) if word else None
    return None


def time_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    mentions: list[tuple[Mention, Day]] = []
    for a in articles:
        for s in _news_sentences(a):
            days = [d for d in (_day(t) for t in s.times) if d is not None]
            if len({d.name for d in days}) > 1:
                continue  # a timeline ("began Thursday after an order Wednesday") or options
            for t in s.times:
                day = _day(t)
                if day is None:
                    continue
                ctx = tuple(window(s.text, t.start - s.start, t.end - s.start))
                mentions.append((Mention(a.index, s, t.start, t.end, t.text, ctx, _lead(a, s)),
                                 day))
    edges = []
    for i in range(len(mentions)):
        m1, d1 = mentions[i]
        for j in range(i + 1, len(mentions)):
            m2, d2 = mentions[j]
            if d1.same(d2) or not d1.close(d2):
                continue
            if not (d1.value and d2.value) and m1.article != m2.article:
                # undated reports may be days apart and their weekdays of different weeks or
                # happenings: on the tune half and the unlabelled dev clusters, all three such
                # pairs shown were different happenings. Only dates that resolve are compared.
                continue
            if _different_doers(m1, m2):
                continue  # "police killed the shooters Wednesday" / "the employee killed herself"
            if _same_question(m1, m2, lex, one_article=m1.article == m2.article):
                edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a.same(b))
        ms = sorted((mentions[k] for k in comp), key=lambda x: (x[0].article, x[0].start))
        by_day: dict[str, list[Mention]] = {}
        dates: dict[str, set[str]] = {}
        for m, d in ms:
            by_day.setdefault(d.name, []).append(m)
            if d.value:
                dates.setdefault(d.name, set()).add(d.value)
        if len(by_day) < 2:
            continue
        question = "On what day" + _about(m for m, _ in ms) + "?"
        sides = list(by_day.values())
        values = [name.capitalize() + (f" ({', '.join(sorted(dates[name]))})"
                                       if name in dates else "")
                  for name in by_day]
        disputes.append(_dispute("time", question, sides, articles, values=values))
    return disputes


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
        question = "In what year" + _about(m for k in comp for m in [mentions[k][0]]) + "?"
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


_RANGE_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|/|to|and|or|through)\s*(?:(?:19|20)?\d\d)\b")


# --- clock times ----------------------------------------------------------------------------------

_CLOCK = re.compile(
    r"(?:\b(?P<q>about|around|approximately|roughly|shortly (?:before|after)|just (?:before|after))"
    r"\s+)?\b(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)"
    r"|\b(?P<h2>[012]?\d):(?P<m2>[0-5]\d)\b(?!\s*(?:[ap]\.?m|%|-|:))", re.IGNORECASE)


@dataclass(frozen=True)
class Clock:
    """A time of day: minutes after midnight (after noon or midnight when am/pm is not said),
    and the slack its rounding allows."""

    minutes: float
    slack: float
    half_day: bool  # known to be a.m. or p.m.

    def agrees(self, other: Clock) -> bool:
        day = 24 * 60 if self.half_day and other.half_day else 12 * 60
        gap = abs(self.minutes - other.minutes) % day
        return min(gap, day - gap) <= self.slack + other.slack


def _clock(m: re.Match[str]) -> Clock | None:
    h = int(m.group("h") or m.group("h2"))
    mins = m.group("m") or m.group("m2")
    ap = (m.group("ap") or "").lower().replace(".", "")
    if h > 23 or (ap and not 1 <= h <= 12):
        return None
    if ap:
        h = h % 12 + (12 if ap == "pm" else 0)
    # just under half the unit of the last digit given, as for counts: "4 a.m." is any time
    # in its hour, "4:20" any minute that rounds to it, "4:27" that minute
    unit = 60 if mins is None else 10 if mins.endswith("0") else 5 if mins.endswith("5") else 1
    return Clock(h * 60 + int(mins or 0), 0.49 * unit, bool(ap))


def clock_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Two reports giving different times of day for the same happening ("about 4:20 a.m." /
    "about 5:30 a.m."), beyond what rounding allows. Only across reports, and only when the
    two sentences do not name different days."""
    mentions: list[tuple[Mention, Clock]] = []
    for a in articles:
        for s in _news_sentences(a):
            found = [(m, c) for m in _CLOCK.finditer(s.text) if (c := _clock(m)) is not None]
            if len(found) != 1:
                continue  # "between 4 and 5 p.m.", a timeline: not one time
            m, c = found[0]
            ctx = tuple(window(s.text, m.start(), m.end()))
            mentions.append((Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                     m.group(0), ctx, _lead(a, s)), c))
    edges = []
    for i, j in _closest_pairs(mentions, lex):
        (m1, c1), (m2, c2) = mentions[i], mentions[j]
        if c1.agrees(c2) or _other_days(m1.sentence, m2.sentence):
            continue
        if _same_question(m1, m2, lex, one_article=False):
            edges.append((i, j))
    disputes = []
    for comp in _components(len(mentions), edges):
        comp = _attach(comp, mentions, lex, lambda a, b: a.agrees(b))
        ms = [mentions[k] for k in comp]
        sides = _number_sides(ms, lambda a, b: a.agrees(b))
        if len(sides) < 2:
            continue
        question = "At what time" + _about(m for m, _c in ms) + "?"
        disputes.append(_dispute("time", question, sides, articles))
    return disputes


def _other_days(s1: Sentence, s2: Sentence) -> bool:
    """The two sentences name different days: their times of day are of different days."""
    d1 = {d.name for d in (_day(t) for t in s1.times) if d is not None}
    d2 = {d.name for d in (_day(t) for t in s2.times) if d is not None}
    return bool(d1 and d2 and not d1 & d2) or _other_dates(s1, s2)


# --- the same figures, different periods ---------------------------------------------------------

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


# --- people -------------------------------------------------------------------------------------

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


# --- attributes ---------------------------------------------------------------------------------

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


# Inside or outside the same place: "found outside the home" / "found inside the home".
_ENCLOSURES = (r"home|house|apartment|building|car|vehicle|truck|bus|church|mosque|school|"
               r"hospital|store|shop|restaurant|bar|hotel|stadium|prison|jail|embassy|residence|"
               r"office|plant|factory|mall|station|airport|terminal|tent|cabin")
_INSIDE_OUT = re.compile(r"\b(?P<side>inside|outside)(?:\s+of)?\s+(?:the|a|an|his|her|their|its)"
                         rf"\s+(?:[\w-]+\s+){{0,3}}?(?P<place>{_ENCLOSURES})s?\b", re.IGNORECASE)


_WHERE_VERBS = frozenset({"find"})


def _same_whereabouts(x: Mention, y: Mention, lex: Lexicon) -> bool:
    """Inside and outside the same kind of place answer one question when the same thing is
    done there: "found two bodies outside the home" / "found shot to death inside a home"
    ("found" counts here, though too light to tell apart counts or days)."""
    if x.sentence == y.sentence or _different_scenes(x, y):
        return False
    if {tense(x), tense(y)} == {"past", "future"}:
        return False
    px = _predicates(x, _WHERE_VERBS)
    py = _predicates(y, _WHERE_VERBS)
    if not any(_verbs_related(a, b) for a in px for b in py):
        return False
    return lex.similar(x.context, y.context) >= SAME_CONTEXT / 2


def place_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    """Reports that put the same happening inside and outside the same place."""
    found: dict[str, dict[str, list[Mention]]] = {}
    for a in articles:
        for s in a.sentences:
            skip = _quoted(s)
            for m in _INSIDE_OUT.finditer(s.text):
                if _inside(s.start + m.start(), skip):
                    continue
                ctx = tuple(window(s.text, m.start(), m.end()))
                mention = Mention(a.index, s, s.start + m.start(), s.start + m.end(),
                                  m.group(0), ctx)
                place = _singular(m.group("place").lower())
                found.setdefault(place, {}).setdefault(m.group("side").lower(), []).append(mention)
    disputes = []
    for place, sides in sorted(found.items()):
        if len(sides) < 2:
            continue
        ins, outs = sides["inside"], sides["outside"]
        pairs = [(x, y) for x in ins for y in outs if _same_whereabouts(x, y, lex)]
        if not pairs:
            continue
        side1 = list(dict.fromkeys(x for x, _ in pairs))
        side2 = list(dict.fromkeys(y for _, y in pairs))
        disputes.append(_dispute("place", f"Inside or outside the {place}?", [side1, side2],
                                 articles, values=[f"inside the {place}", f"outside the {place}"]))
    return disputes


def attribute_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    disputes = []
    for name, v1, rx1, v2, rx2 in _ATTRIBUTES:
        found: dict[str, list[Mention]] = {v1: [], v2: []}
        for a in articles:
            for s in a.sentences:
                skip = _quoted(s) + [(x.start, x.end) for x in s.attribution]
                for value, rx in ((v1, rx1), (v2, rx2)):
                    for m in rx.finditer(s.text):
                        pos = s.start + m.start()
                        if _inside(pos, skip):
                            continue
                        ctx = tuple(window(s.text, m.start(), m.end(), width=6))
                        found[value].append(Mention(a.index, s, pos, s.start + m.end(),
                                                    m.group(0), ctx))
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


# --- details (injuries) -------------------------------------------------------------------------

_INJURY = re.compile(r"\b(?:wound|injur|hurt|shot|hit|hitting|struck|penetrat|broke|fractur|"
                     r"burn|bleed|lacerat)\w*", re.I)


def injury_details(articles: Sequence[Article]) -> list[Dispute]:
    parts = sorted(lexicon("body_parts"), key=len, reverse=True)
    # "in the elbow", "his left leg", "some internal organs": a body part as an injured place,
    # not "back in North Korea" or "the head of the agency"
    rx = re.compile(r"\b(?:the|his|her|their|its|some|both|an?|one|two)\s+"
                    r"(?:(?:left|right|upper|lower)\s+)?(?P<part>" +
                    "|".join(re.escape(p) for p in parts) + r")\b(?!\s+of\b)", re.I)
    conj = re.compile(r"\s*(?:,|and|or|,\s*and)\s+(?:(?:the|his|her|both)\s+)?"
                      r"(?:(?:left|right|upper|lower)\s+)?(?P<part>" +
                      "|".join(re.escape(p) for p in parts) + r")\b", re.I)
    shown: dict[str, str] = {}
    per_article: dict[int, tuple[frozenset[str], list[Mention]]] = {}
    for a in articles:
        found: set[str] = set()
        ms: list[Mention] = []
        for s in a.sentences:
            if not _INJURY.search(s.text):
                continue
            hits = set()
            for m in rx.finditer(s.text):
                if _inside(s.start + m.start(), _quoted(s)):
                    continue
                found_parts = [m.group("part")]
                pos = m.end()
                while (c := conj.match(s.text, pos)):
                    found_parts.append(c.group("part"))
                    pos = c.end()
                for part in found_parts:
                    key = _singular(part.lower())
                    shown.setdefault(key, part.lower())
                    hits.add(key)
            if hits:
                found |= hits
                ms.append(Mention(a.index, s, s.start, s.end, s.text, ()))
        if found:
            per_article[a.index] = (frozenset(found), ms)
    if len({v for v, _ in per_article.values()}) < 2:
        return []
    sides: dict[frozenset[str], list[Mention]] = {}
    for _idx, (key, ms) in sorted(per_article.items()):
        sides.setdefault(key, []).extend(ms)
    values = [" and ".join(shown[p] for p in sorted(k)) for k in sides]
    return [_dispute("attribute", "Where was he hurt?", list(sides.values()), articles,
                     values=values, detail_only=True)]


# --- assembling -----------------------------------------------------------------------------------

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


def _about(mentions) -> str:
    """The happening a question is about, from its mentions' most common predicates."""
    from collections import Counter

    counts = Counter(p for m in mentions for p in _predicates(m))
    top = [p for p, _ in counts.most_common(2)]
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


def disputes(articles: Sequence[Article]) -> list[Dispute]:
    lex = Lexicon.build(articles, synonyms=SYNONYM_GROUPS)
    found = (time_disputes(articles, lex) + year_disputes(articles, lex)
             + clock_disputes(articles, lex) + period_disputes(articles)
             + number_disputes(articles, lex)
             + attribute_disputes(articles, lex) + place_disputes(articles, lex)
             + person_disputes(articles) + injury_details(articles))
    # strict disagreements first, then differences of detail
    return sorted(found, key=lambda d: (d.detail_only, -len(d.sides)))


# --- one entity, several spellings --------------------------------------------------------------

def entity_groups(articles: Sequence[Article]) -> list[EntityGroup]:
    """Group spellings of one name ("Kim Jung-Un" / "Kim Jong Un"): same first or last word,
    and close as strings. Each group lists the variants so the brief can name one spelling."""
    seen: dict[str, dict[str, set[int]]] = {}
    labels: dict[str, str] = {}
    for a in articles:
        for s in a.sentences:
            for e in s.entities:
                if e.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "NAME"):
                    continue
                key = e.text.strip()
                if len(key) < 3:
                    continue
                seen.setdefault(key, {}).setdefault("arts", set()).add(a.index)
                labels.setdefault(key, e.label)
    names = sorted(seen, key=lambda k: (-len(seen[k]["arts"]), k))
    groups: list[list[str]] = []
    for name in names:
        toks = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("-", " ")).split()
        for g in groups:
            gt = re.sub(r"[^a-z0-9 ]+", " ", g[0].lower().replace("-", " ")).split()
            if not toks or not gt:
                continue
            if labels[name] != labels[g[0]] or len(toks) != len(gt):
                continue
            if toks[0] != gt[0] and toks[-1] != gt[-1]:
                continue
            # every word close ("jung"/"jong"), so "North Korea" never joins "South Korea"
            if all(fuzz.ratio(x, y) >= 70 for x, y in zip(toks, gt, strict=True)):
                g.append(name)
                break
        else:
            groups.append([name])
    out = []
    for g in groups:
        arts = tuple(sorted(set().union(*(seen[n]["arts"] for n in g))))
        out.append(EntityGroup(g[0], labels[g[0]], tuple(g[1:]), arts))
    out.sort(key=lambda e: (-len(e.articles), e.name))
    return out


__all__ = ["disputes", "entity_groups", "numbers_agree", "words"]
