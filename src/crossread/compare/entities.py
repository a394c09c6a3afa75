"""Name spellings: one entity written differently by the reports, grouped as one.

"Kim Jung-Un" / "Kim Jong Un" are one person, and the brief names him one way. A group needs one
label, as many words, a shared first or last word, and every word close as a string, so "North
Korea" never joins "South Korea".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from crossread.model import Article, EntityGroup

_INFLECTION = re.compile(r"(?:s|es|['’]s?)$")


def _inflection(a: str, b: str) -> bool:
    """One name is the other with a plural or possessive ending."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and bool(_INFLECTION.fullmatch(long_[len(short):]))


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
                if _inflection(name, g[0]):
                    # "North Koreans", "Trump's": the same name in a sentence's grammar, not
                    # another spelling; its articles still count for the name
                    seen[g[0]]["arts"] |= seen[name]["arts"]
                else:
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
