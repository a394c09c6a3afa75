"""Age disputes: one named person given different ages ("Robert Durst, 73," / "Durst, 72,").

An age written beside a name ("Durst, 73,", "Robert Durst, aged 73", "73-year-old Robert Durst")
says how old that person is. Two reports giving one person two ages disagree, unless they were
published on different dates, when a birthday may fall between them (shown as a difference of
detail). A bare surname is only taken for a person when its article, or failing that the
reports together, plainly name one person of that surname: "Olgin, 45" in a story about Mollie
Olgin and her mother is no one in particular.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from crossread.compare.assemble import _dispute
from crossread.compare.mentions import Mention, _news_sentences
from crossread.compare.numbers import _update_note
from crossread.model import Article, Dispute, Entity, Sentence

# "Durst, 73," / "Durst, 73." / "Durst, aged 73," / "Durst, 73, of Houston"
_AFTER_NAME = re.compile(r",\s+(?:aged\s+)?(?P<age>\d{1,3})(?=\s*[,.;)]|\s+of\b)")
# "73-year-old Robert Durst", "the 73-year-old Durst": the name straight after the age
_BEFORE_NAME = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:[a-z-]+\s+){0,3}$")
OLDEST = 120


def _full_names(a: Article) -> dict[str, Counter[str]]:
    """Each surname the article names, with how often it names each full name (two words or
    more) ending in it; "Frail Robert Durst" in a headline counts as Robert Durst."""
    out: dict[str, Counter[str]] = {}
    for s in a.sentences:
        for e in s.entities:
            if e.label == "PERSON":
                parts = _words(e.text)
                if parts:
                    out.setdefault(parts[-1], Counter())
                    if len(parts) > 1:
                        out[parts[-1]][" ".join(parts)] += 1
    for full in out.values():
        for name in list(full):
            shorter = [x for x in full if x != name and name.endswith(" " + x)]
            if shorter:
                full[min(shorter, key=len)] += full.pop(name)
    return out


def _words(name: str) -> list[str]:
    name = re.sub(r"['’]s$", "", name.strip())
    return [w.lower() for w in re.findall(r"[A-Za-z][\w'’.-]*", name)]


DOMINANT = 2  # times more often a full name is used than any other of its surname


def _person(e: Entity, names: dict[str, Counter[str]]) -> str | None:
    """The person's full name, as its article gives it, or None when it is not one person."""
    parts = _words(e.text)
    if not parts:
        return None
    if len(parts) > 1:
        return " ".join(parts)
    full = names.get(parts[0], Counter())
    if not full:
        return parts[0]
    ranked = full.most_common(2)
    second = ranked[1][1] if len(ranked) > 1 else 0
    # a bare surname means the person the article is about, when it plainly is about one
    # ("Robert Durst" named often, his wife Kathleen Durst once)
    return ranked[0][0] if ranked[0][1] >= DOMINANT * second else None


def _named(a: Article, s: Sentence, surnames: set[str]) -> list[Entity]:
    """The sentence's people: its PERSON names, and any other capitalised word that is the
    surname of a person the reports name (the tagger often calls a bare surname an
    organisation, "Durst", or nothing at all)."""
    people = [e for e in s.entities if e.label == "PERSON"]
    taken = [(e.start, e.end) for e in people]
    for m in _CAPITALISED.finditer(a.text, s.start, s.end):
        if m.group(0).lower() in surnames and not any(x <= m.start() < y for x, y in taken):
            people.append(Entity(m.group(0), "PERSON", m.start(), m.end()))
    return people


_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*")


def _ages(a: Article, s: Sentence, names: dict[str, Counter[str]], surnames: set[str]):
    """(person, age, mention) for each age the sentence gives beside a person's name."""
    for e in _named(a, s, surnames):
        person = _person(e, names)
        if person is None:
            continue
        after = _AFTER_NAME.match(a.text, e.end, s.end)
        before = _BEFORE_NAME.search(a.text, s.start, e.start)
        for m in (after, before):
            if m is None or not 0 < int(m.group("age")) <= OLDEST:
                continue
            start, end = m.span("age")
            text = a.text[start:end]
            yield person, int(text), Mention(a.index, s, start, end, text, ())


def _same_person(x: str, y: str) -> bool:
    """One full name, or spelling variants of it; not "mollie olgin" and "amy olgin"."""
    return x == y or (x.split()[-1] == y.split()[-1] and fuzz.ratio(x, y) >= 90)


def _resolved(found: list[tuple[str, int, Mention]],
              names: dict[str, Counter[str]]) -> list[tuple[str, int, Mention]]:
    """A bare surname from an article that names no one of it in full ("Durst, 73,") is the
    person the other reports name in full, when they name one person of that surname; with
    two ("Robert Durst", "Kathleen Durst") it is no one in particular and is left out."""
    out = []
    for person, age, m in found:
        if " " not in person:
            full = set(names.get(person, ()))
            people = {min(x for x in full if _same_person(x, n)) for n in full}
            if len(people) > 1:
                continue
            person = people.pop() if people else person
        out.append((person, age, m))
    return out


def age_disputes(articles: Sequence[Article]) -> list[Dispute]:
    found: list[tuple[str, int, Mention]] = []
    names = {a.index: _full_names(a) for a in articles}
    everyone: dict[str, Counter[str]] = {}
    for own in names.values():
        for surname, full in own.items():
            everyone.setdefault(surname, Counter()).update(full)
    surnames = set(everyone)
    for a in articles:
        for s in _news_sentences(a):
            found.extend(_ages(a, s, names[a.index], surnames))
    found = _resolved(found, everyone)
    published = {a.index: a.published for a in articles}
    disputes = []
    done: set[int] = set()
    for i, (person, _age, _m) in enumerate(found):
        if i in done:
            continue
        group = [k for k, (p, _a, _m) in enumerate(found)
                 if k not in done and _same_person(p, person)]
        done.update(group)
        by_age: dict[int, list[Mention]] = {}
        for k in group:
            by_age.setdefault(found[k][1], []).append(found[k][2])
        if len(by_age) < 2:
            continue
        sides = [by_age[v] for v in sorted(by_age)]
        ages = sorted(by_age)
        # a birthday between two reports makes a one-year gap an update, not a contradiction
        note = _update_note(sides, published) if ages[-1] - ages[0] == 1 else None
        name = max((found[k][0] for k in group), key=len).title()
        disputes.append(_dispute("number", f"How old is {name}?", sides, articles,
                                 values=[str(v) for v in ages], detail_only=note is not None,
                                 note=note))
    return disputes
