"""Context windows around a mention, and how alike two windows are.

Deciding whether two numbers or two dates answer the same question depends on the words around
them: "shot twice" and "hitting him at least five times" are about the same act, "30,000 have
defected since the war" and "1,000 defect each year" are not the same quantity. A window is the
few content words on each side of a mention; two windows are compared by IDF-weighted soft word
overlap, where words match when equal or close in the shipped embedding model's word space
("escaped" ~ "defected"). IDF comes from the brief's own sentences, so the words every report
repeats ("soldier", "Korea") count for little and the distinctive ones for much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from crossread.analyse.vectors import embed
from crossread.model import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
STOP = frozenset(
    "a an the of in on at to for from by with and or but as than that which who whom whose this "
    "these those it its he she they we i you his her their our my your is are was were be been "
    "being has have had do does did will would can could may might must shall should not no so "
    "if then there here when where while after before since until about into onto over under "
    "each per more most less also just very said says told according him them us me one two "
    "three four five six seven eight nine ten least some roughly nearly almost approximately "
    "estimated either neither then there likely".split()
)
WORD_MATCH = 0.62  # cosine of two words' vectors above which they count as the same word


def words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        low = w.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low not in STOP and len(low) > 2 and not low[0].isdigit():
            out.append(low)
    return out


def in_group(word: str, stems: Sequence[str]) -> bool:
    """A word belongs to a synonym group when it starts with one of the group's stems."""
    return any(word.startswith(stem) for stem in stems)


def window(text: str, start: int, end: int, width: int = 7) -> list[str]:
    """Content words within `width` words left and right of text[start:end] (excluded)."""
    left = words(text[:start])[-width:]
    right = words(text[end:])[:width]
    return left + right


@dataclass
class Lexicon:
    """IDF and word vectors for one brief."""

    idf: dict[str, float]
    index: dict[str, int]
    sims: np.ndarray

    @classmethod
    def build(cls, articles: Sequence[Article], synonyms: Sequence[Sequence[str]] = (),
              extra: Iterable[str] = ()) -> Lexicon:
        """`synonyms`: groups of word stems that count as the same word ("defect", "escap")."""
        bags = [set(words(s.text)) for a in articles for s in a.sentences]
        df = Counter(w for b in bags for w in b)
        n = max(1, len(bags))
        vocab = sorted(set(df) | {w for t in extra for w in words(t)})
        idf = {w: math.log((n + 1) / (df.get(w, 0) + 0.5)) for w in vocab}
        vecs = embed(vocab)
        sims = vecs @ vecs.T
        if synonyms:
            member = np.zeros((len(vocab), len(synonyms)), dtype=bool)
            for i, w in enumerate(vocab):
                for g, stems in enumerate(synonyms):
                    member[i, g] = in_group(w, stems)
            same_group = (member.astype(np.float32) @ member.T.astype(np.float32)) > 0
            sims = np.where(same_group, np.maximum(sims, 1.0), sims)
        return cls(idf, {w: i for i, w in enumerate(vocab)}, sims)

    def _vector_ids(self, ws: Iterable[str]) -> list[int]:
        return [self.index[w] for w in ws if w in self.index]

    def cover(self, a: Sequence[str], b: Sequence[str]) -> float:
        """How much of `a`'s distinctive content `b` covers (0..1)."""
        ia, ib = self._vector_ids(set(a)), self._vector_ids(set(b))
        if not ia or not ib:
            return 0.0
        best = self.sims[np.ix_(ia, ib)].max(axis=1)
        best = np.where(best >= WORD_MATCH, best, 0.0)
        vocab = list(self.index)
        weights = np.array([self.idf[vocab[i]] for i in ia])
        return float((best * weights).sum() / max(weights.sum(), 1e-9))

    def similar(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Symmetric: the mean of both directions' coverage."""
        return 0.5 * (self.cover(a, b) + self.cover(b, a))

    def shares(self, a: Sequence[str], b: Sequence[str], min_idf: float = 1.0) -> list[str]:
        """Distinctive words of `a` that `b` also has (or a near-synonym of)."""
        out = []
        for w in set(a):
            if w not in self.index or self.idf.get(w, 0) < min_idf:
                continue
            i = self.index[w]
            for u in set(b):
                if u in self.index and self.sims[i, self.index[u]] >= WORD_MATCH:
                    out.append(w)
                    break
        return sorted(out)
