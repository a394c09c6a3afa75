"""Region disputes: one happening put in two countries, or two provinces or states of one country.

"lived in Quebec for more than 60 years" / "lived with his wife in Ontario": two places that
cannot hold each other, given for the same happening in the same role (in, to, from). Only places
whose nesting is known are compared: countries and the first-level divisions of a country (ISO
3166, as pycountry ships it), so that "Panmunjom" and "the DMZ", a village and its region, or a
city and its country are never set against each other. A report that puts one kind of happening
in several such places ("visited China, then Vietnam") lists stops, and is left out of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from crossread.compare.assemble import _about, _dispute
from crossread.compare.grouping import _components
from crossread.compare.mentions import Mention, _inside, _news_sentences, _quoted
from crossread.compare.questions import (
    SAME_CONTEXT,
    _different_terms,
    _scene,
    _verbs_related,
    names_differ,
    tense,
)
from crossread.context import Lexicon, window
from crossread.model import Article, Dispute
from crossread.predicates import place_role

# A region is ("country", "CA") or ("division", "CA-QC"); a name may stand for several
# ("Georgia"), and two names are only set against each other when every reading is disjoint.
Region = tuple[str, str]

# English short names the ISO list does not give ("Russian Federation", "Türkiye")
_ALIASES = {
    "russia": "RU", "britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB",
    "turkey": "TR", "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "the united states": "US", "czech republic": "CZ",
    "ivory coast": "CI", "the netherlands": "NL", "holland": "NL", "burma": "MM",
    "east timor": "TL", "macedonia": "MK", "swaziland": "SZ", "cape verde": "CV",
    "vatican": "VA", "south korea": "KR", "north korea": "KP", "taiwan": "TW",
    "the uk": "GB", "the u.s.": "US", "the us": "US",
}
# Countries whose first-level divisions readers know by their English names (states,
# provinces, nations of the UK, ...); other countries' divisions are mostly listed under local
# names and many of them share a name with a city.
_DIVIDED = frozenset({"US", "CA", "AU", "GB", "IN", "MX", "BR", "CN", "DE", "NG", "PK", "ZA",
                      "AR", "JP", "KR"})
MIN_NAME = 4  # characters: shorter division names ("Ir") are codes, not names
_PEOPLE = {"PERSON"}


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").split())


@cache
def _gazetteer() -> dict[str, frozenset[Region]]:
    import pycountry

    names: dict[str, set[Region]] = {}

    def add(name: str | None, region: Region) -> None:
        if name and (len(name) >= MIN_NAME or name.lower() in _ALIASES):
            names.setdefault(_plain(name), set()).add(region)

    for c in pycountry.countries:
        region = ("country", c.alpha_2)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            add(name, region)
            if name and ", " in name:  # "Iran, Islamic Republic of" → "Iran"
                add(name.split(", ")[0], region)
    for alias, code in _ALIASES.items():
        names.setdefault(alias, set()).add(("country", code))
    for d in pycountry.subdivisions:
        if d.country_code in _DIVIDED and getattr(d, "parent_code", None) is None:
            add(d.name, ("division", d.code))
    # a short name two countries share ("Congo", "Korea") names neither
    return {k: frozenset(v) for k, v in names.items()
            if len({r[1][:2] for r in v if r[0] == "country"}) <= 1}


def regions(name: str) -> frozenset[Region]:
    plain = _plain(name)
    if plain.startswith("the "):
        plain = plain[4:] if plain not in _gazetteer() else plain
    return _gazetteer().get(plain, frozenset())


def _country(r: Region) -> str:
    return r[1] if r[0] == "country" else r[1].split("-")[0]


def disjoint(a: frozenset[Region], b: frozenset[Region]) -> bool:
    """Neither can hold the other, whichever reading of each name is meant: two countries,
    two divisions of one country, or a division and another country."""
    if not a or not b:
        return False
    for x in a:
        for y in b:
            if x == y or (x[0] != y[0] and _country(x) == _country(y)):
                return False  # one place, or one holding the other (Quebec and Canada)
    return True


# a mention: where the report puts it, and the role and verb of its phrase ("in", "live")
_Placed = tuple[Mention, frozenset[Region], tuple[str, str]]


def _region_mentions(articles: Sequence[Article]) -> list[_Placed]:
    out = []
    for a in articles:
        for s in _news_sentences(a):
            named = [(e, rs) for e in s.entities
                     if e.label in ("GPE", "LOC") and (rs := regions(e.text))]
            # a sentence naming two places apart ("hiking in Iraq ... crossed into Iran",
            # "shot in Kenya, while trackers in South Africa searched") tells a route, a list
            # or two happenings: its places are not compared
            if any(disjoint(x, y) for _, x in named for _, y in named):
                continue
            found = []
            for e, rs in named:
                if _inside(e.start, _quoted(s)):
                    continue
                role = place_role(s.text, e.start - s.start, e.end - s.start)
                if role is None:
                    continue  # "South Korea's government", "South Korean officials"
                ctx = tuple(window(s.text, e.start - s.start, e.end - s.start))
                found.append((Mention(a.index, s, e.start, e.end, e.text, ctx), rs, role))
            out.extend(found)
    return out


def _same_happening(x: _Placed, y: _Placed) -> bool:
    """The places are given in one role for verbs of one kind: "lived in Quebec" / "lived
    with his wife in Ontario", not "train at a resort in North Korea" / "arrive in South
    Korea"."""
    (m1, _r1, (role1, verb1)), (m2, _r2, (role2, verb2)) = x, y
    if role1 != role2 or m1.sentence == m2.sentence or not _verbs_related(verb1, verb2):
        return False
    return {tense(m1), tense(m2)} != {"past", "future"} and not _different_terms(m1, m2)


def region_disputes(articles: Sequence[Article], lex: Lexicon) -> list[Dispute]:
    ms = _region_mentions(articles)
    # an article putting one kind of happening in two places apart lists stops or cases
    listed: set[int] = set()
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):  # both tests are symmetric: each pair once
            if ms[i][0].article == ms[j][0].article and disjoint(ms[i][1], ms[j][1]) \
                    and _same_happening(ms[i], ms[j]):
                listed |= {i, j}
    edges = []
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            (m1, r1, _), (m2, r2, _) = ms[i], ms[j]
            if m1.article == m2.article or i in listed or j in listed:
                continue
            if not disjoint(r1, r2) or not _same_happening(ms[i], ms[j]):
                continue
            if names_differ(_scene(m1.sentence, _PEOPLE), _scene(m2.sentence, _PEOPLE)):
                continue  # different people in different places
            # the verbs the places hang on already match, as the routes of number disputes
            # match by their places: surroundings need only half the usual likeness
            if lex.similar(m1.context, m2.context) >= SAME_CONTEXT / 2:
                edges.append((i, j))
    disputes = []
    for comp in _components(len(ms), edges):
        by_region: dict[frozenset[Region], list[Mention]] = {}
        for k in sorted(comp, key=lambda k: (ms[k][0].article, ms[k][0].start)):
            by_region.setdefault(ms[k][1], []).append(ms[k][0])
        if len(by_region) < 2:
            continue
        sides = list(by_region.values())
        role = ms[comp[0]][2][0]
        where = {"in": "Where", "to": "To where", "from": "From where"}[role]
        question = where + _about(m for side in sides for m in side) + "?"
        values = [" / ".join(dict.fromkeys(m.text for m in side)) for side in sides]
        disputes.append(_dispute("place", question, sides, articles, values=values))
    return disputes
