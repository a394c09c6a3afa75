"""Peer summarisers for benchmarks/summary_quality.py, and the one word budget all systems share.

Peers: `lead` and sumy's LexRank, TextRank, LSA, Luhn and KL-Sum. Every peer sees the same
sentences (our splitter, per paragraph) and only *ranks* them; `fit_budget` then turns any
ranking into a summary the same way for every system, so the systems differ in which sentences
they prefer and in nothing else. crossread's own summary goes through the same `fit_budget`,
which for a finished text only applies the word cap.

sumy normally tokenises with NLTK's punkt models, which are data files that cannot be downloaded
here. So the sumy document is built directly from sumy.models.dom with our sentence splitter
and a regex word tokenizer: nothing on this path calls nltk.download or reads NLTK data (the
Snowball stemmer and sumy's stop-word lists are code and package data).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from crossread.analyse.sentences import split

# A summariser takes one story's article texts and a word budget and returns plain text.
Summariser = Callable[[Sequence[str], int], str]

# Same notion of "word" as sumy's own Tokenizer keeps after NLTK tokenisation (a letter first,
# then letters, apostrophes or hyphens), so only the tokeniser differs from stock sumy, not what
# counts as a word. Numbers are not words to sumy either.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PARAGRAPH = re.compile(r"[^\n]+")


def count_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens, the way a reader would."""
    return len(text.split())


def fit_budget(sentences: Sequence[str], words: int, ranking: Iterable[int] | None = None) -> str:
    """The one budget rule for every system: a summary of at most `words` words.

    With a `ranking` (indices into `sentences`, best first; may be lazy): take sentences in rank
    order, skipping any that would overflow the budget and going on with the next (crossread
    fills its own budget the same way, so every system gets the same chance to use the words),
    until fewer than 5 words are left or 50 sentences in a row did not fit;
    skip a sentence whose text was already taken (Multi-News clusters repeat wire copy, and a
    repeat adds nothing but would cost budget); if even the best sentence is longer than the
    budget, take it cut to the budget rather than return nothing. The taken sentences are then
    put in input order (article 1 first, each article in its own order).

    Without a ranking, `sentences` is already a summary (crossread's): it is kept as it is, only
    cut at the same word cap if it is longer.
    """
    if ranking is None:
        return _cap(" ".join(s.strip() for s in sentences if s.strip()), words)
    taken: list[int] = []
    seen: set[str] = set()
    total = 0
    misses = 0
    for i in ranking:
        key = " ".join(sentences[i].split())
        if not key or key in seen:
            continue
        n = count_words(key)
        if total + n > words:
            if not taken:
                return _cap(key, words)
            misses += 1
            if misses >= 50:
                break
            continue
        misses = 0
        taken.append(i)
        seen.add(key)
        total += n
        if words - total < 5:
            break
    return _cap(" ".join(" ".join(sentences[i].split()) for i in sorted(taken)), words)


def _cap(text: str, words: int) -> str:
    tokens = text.split()
    return text if len(tokens) <= words else " ".join(tokens[:words])


@dataclass(frozen=True)
class Pool:
    """The candidate sentences of one story, identical for every peer.

    sentences: in input order (all of article 1, then article 2, ...);
    where: (article index, sentence index within that article) of each sentence;
    paragraphs: indices into `sentences` per paragraph, for sumy's document model.
    """

    sentences: list[str]
    where: list[tuple[int, int]]
    paragraphs: list[list[int]]


def make_pool(texts: Sequence[str]) -> Pool:
    """Split each article into paragraphs (newline-separated) and those into sentences."""
    sentences: list[str] = []
    where: list[tuple[int, int]] = []
    paragraphs: list[list[int]] = []
    for a, text in enumerate(texts):
        k = 0
        for para in _PARAGRAPH.finditer(text):
            members: list[int] = []
            for start, end in split(text, para.start(), para.end()):
                sentence = text[start:end]
                # A "sentence" with no word ("***", "2:45") would only cost budget, and sumy's
                # edge weights are undefined for a sentence without words.
                if not _WORD.search(sentence):
                    continue
                members.append(len(sentences))
                sentences.append(sentence)
                where.append((a, k))
                k += 1
            if members:
                paragraphs.append(members)
    return Pool(sentences, where, paragraphs)


# --- lead -----------------------------------------------------------------------------------


def lead_ranking(pool: Pool) -> list[int]:
    """Sentence 1 of each article in turn, then sentence 2 of each, ..."""
    return sorted(range(len(pool.sentences)), key=lambda i: (pool.where[i][1], pool.where[i][0]))


def lead(texts: Sequence[str], words: int) -> str:
    pool = make_pool(texts)
    return fit_budget(pool.sentences, words, lead_ranking(pool))


# --- sumy -----------------------------------------------------------------------------------


class RegexTokenizer:
    """The tokenizer sumy's document model asks for, without NLTK: regex words, our sentences."""

    language = "english"

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[s:e] for s, e in split(paragraph, 0, len(paragraph)))


def english_stemmer() -> tuple[Callable[[str], str], str]:
    """sumy's Stemmer('english') if it works offline, else no stemming; plus a note saying which."""
    try:
        stemmer = Stemmer("english")
        stemmer("running")  # the NLTK Snowball stemmer is pure code, but prove it here
    except LookupError as exc:
        return null_stemmer, f"no stemming: Stemmer('english') needs NLTK data ({exc})"
    return stemmer, "Stemmer('english') (NLTK Snowball, needs no NLTK data)"


STEMMER, STEMMER_NOTE = english_stemmer()
STOP_WORDS = get_stop_words("english")


class _RankAll:
    """Mixin: a sumy summariser returns every sentence index, best first, not its top N.

    sumy's summarisers all end in `_get_best_sentences(sentences, count, rating, ...)`, which
    keeps the top `count` and puts them back in document order; overriding it gives the full
    ranking so that `fit_budget`, not sumy's sentence count, decides the length. Ties keep input
    order (sorted() is stable, also with reverse=True).
    """

    @staticmethod
    def _get_best_sentences(
        sentences: Sequence[Sentence], count: Any, rating: Any, *args: Any, **kwargs: Any
    ) -> list[int]:
        if isinstance(rating, dict):
            scores = [rating[s] for s in sentences]
        else:
            # Rate in input order, one call per sentence: LSA's rating reads an iterator.
            scores = [rating(s, *args, **kwargs) for s in sentences]
        return sorted(range(len(sentences)), key=scores.__getitem__, reverse=True)


class _LexRank(_RankAll, LexRankSummarizer):
    pass


class _TextRank(_RankAll, TextRankSummarizer):
    pass


class _Lsa(_RankAll, LsaSummarizer):
    pass


class _Luhn(_RankAll, LuhnSummarizer):
    pass


class _KLSum(KLSummarizer):
    """sumy's KL-Sum, ranked lazily.

    sumy rates KL-Sum by running its greedy selection until *every* sentence is picked, which
    costs O(n^2) joint distributions over a growing summary: minutes for a 600-sentence cluster.
    The ranking is exactly the pick order, so this yields the same picks one at a time, made
    with sumy's own methods (same quirks: the summary side uses raw, unnormalised words), and
    `fit_budget` stops asking once the budget is full.
    """

    def __call__(self, document: ObjectDocumentModel, sentences_count: Any) -> Iterator[int]:
        return self._ranking(document.sentences)

    def _ranking(self, sentences: Sequence[Sentence]) -> Iterator[int]:
        if not self._get_all_content_words_in_doc(sentences):
            yield from range(len(sentences))  # nothing to compare: keep input order
            return
        doc_freq = self.compute_tf(sentences)
        remaining = list(range(len(sentences)))
        content = [self._get_content_words_in_sentence(s) for s in sentences]
        summary_words: list[str] = []
        while remaining:
            kls = [
                self._kl_divergence(self._joint_freq(content[i], summary_words), doc_freq)
                for i in remaining
            ]
            best = remaining.pop(kls.index(min(kls)))
            summary_words.extend(sentences[best].words)
            yield best


_SUMY: dict[str, type] = {
    "lexrank": _LexRank,
    "textrank": _TextRank,
    "lsa": _Lsa,
    "luhn": _Luhn,
    "kl-sum": _KLSum,
}


def sumy_document(pool: Pool) -> ObjectDocumentModel:
    """The pool as sumy's document; its `.sentences` are the pool's, in the same order."""
    tokenizer = RegexTokenizer()
    return ObjectDocumentModel(
        Paragraph(Sentence(pool.sentences[i], tokenizer) for i in members)
        for members in pool.paragraphs
    )


def sumy_ranking(name: str, pool: Pool) -> Iterable[int]:
    """Indices into pool.sentences, best first, by sumy summariser `name`."""
    if not pool.sentences:
        return []
    summarizer = _SUMY[name](STEMMER)
    summarizer.stop_words = STOP_WORDS
    # The count is ignored by _RankAll and _KLSum: they always rank everything.
    with warnings.catch_warnings():
        # LSA warns when a short story has fewer distinct words than sentences; it still ranks.
        warnings.simplefilter("ignore", UserWarning)
        return summarizer(sumy_document(pool), len(pool.sentences))


def _sumy_peer(name: str) -> Summariser:
    def summarise(texts: Sequence[str], words: int) -> str:
        pool = make_pool(texts)
        return fit_budget(pool.sentences, words, sumy_ranking(name, pool))

    summarise.__name__ = f"sumy_{name.replace('-', '_')}"
    return summarise


# Peers in the order the benchmark lists them.
PEERS: dict[str, Summariser] = {"lead": lead} | {name: _sumy_peer(name) for name in _SUMY}
