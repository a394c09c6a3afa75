"""Summarise: choose, order and cite summary sentences (extractive, deterministic).

Every summary sentence is one source sentence, verbatim (at most a leading connective trimmed),
so every word can be traced to its source. A sentence is a candidate only if it stands alone in
the writer's neutral voice: no opinion or loaded words, no first person, no speculation, no
question, no call to act, and no opening pronoun that needs the sentence before it. Candidates
are scored by how central they are to the story (TF-IDF centroid), how early they come (news
puts the event first), and how many outlets state the same fact; they are picked greedily with
a penalty for repeating what is already chosen, then put in story order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from crossread.align import content_words
from crossread.clean import caption_spans
from crossread.model import Article, Brief, Evidence, Sentence, SummarySentence

# Signals that keep a sentence out of the summary: the writer's voice, not the news.
_EXCLUDED_SIGNALS = frozenset(
    {"loaded", "evaluative", "first_person", "call_to_action", "question", "speculation"}
)
# Opening words that point back to a sentence the reader has not seen.
_DANGLING = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|this|that|these|those|such|there|here|him|them|"
    r"the (?:official|two|three|man|woman|company|agency|group|latter|former|same)|"
    r"both|neither|another|other|others|meanwhile|then|later|also|however|still|yet)\b",
    re.IGNORECASE,
)
_CONNECTIVE = re.compile(r"^(?:but|and|so|however|meanwhile|still|also|yet),?\s+(?=[A-Z])")


@dataclass(frozen=True)
class SummaryParams:
    """Weights of the sentence score. Defaults chosen by 5-fold cross-validation over the
    Multi-News dev clusters (benchmarks/tune_summary.py), never on single clusters."""

    centroid: float = 1.0  # similarity to the story's TF-IDF centroid
    position: float = 0.2  # earliness in its article
    support: float = 0.3  # share of the other articles that state the same fact
    redundancy: float = 0.3  # penalty per unit of similarity to an already chosen sentence
    max_overlap: float = 0.3  # never add a sentence this similar to one already chosen
    min_words: int = 8
    max_words: int = 60


DEFAULT = SummaryParams()


@dataclass(frozen=True)
class _Candidate:
    article: int
    sentence: Sentence
    start: int  # after a trimmed connective
    text: str
    position: float


def _candidates(articles: Sequence[Article], params: SummaryParams) -> list[_Candidate]:
    out = []
    for a in articles:
        n = max(1, len(a.sentences))
        captions = caption_spans(a)
        for s in a.sentences:
            if any(x <= s.start < y for x, y in captions):
                continue  # a photo caption, not the account of events
            if any(g.kind in _EXCLUDED_SIGNALS for g in s.signals):
                continue
            text, start = s.text, s.start
            m = _CONNECTIVE.match(text)
            if m:
                text, start = text[m.end():], start + m.end()
            words = len(text.split())
            if not params.min_words <= words <= params.max_words:
                continue
            if _DANGLING.match(text) or not text.rstrip("\"”’')").endswith((".", "!")):
                continue
            if text.count("“") + text.count('"') >= 2 and s.quotes and \
                    sum(len(q.text) for q in s.quotes) > 0.7 * len(text):
                continue  # almost all quotation: colour, not the account of events
            out.append(_Candidate(a.index, s, start, text, s.index / n))
    return out


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    bags = [Counter(content_words(t)) for t in texts]
    df = Counter(w for b in bags for w in b)
    vocab = {w: i for i, w in enumerate(sorted(df))}
    n = len(texts)
    mat = np.zeros((n, len(vocab)), dtype=np.float32)
    for i, b in enumerate(bags):
        for w, c in b.items():
            mat[i, vocab[w]] = (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5))
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.maximum(norms, 1e-9)


def _fact_support(brief: Brief) -> dict[tuple[int, int], tuple[int, tuple[Evidence, ...]]]:
    """(article, sentence start) → (number of articles, the supporting sentences)."""
    out: dict[tuple[int, int], tuple[int, tuple[Evidence, ...]]] = {}
    for f in brief.facts:
        for e in f.support:
            key = (e.article, e.start)
            if key not in out or len(f.articles) > out[key][0]:
                out[key] = (len(f.articles), f.support)
    return out


def _disputed(brief: Brief) -> dict[tuple[int, int], list[int]]:
    out: dict[tuple[int, int], list[int]] = {}
    for k, d in enumerate(brief.disputes):
        for side in d.sides:
            for e in side.evidence:
                out.setdefault((e.article, e.start), []).append(k)
    return {key: sorted(set(v)) for key, v in out.items()}


def select(brief: Brief, words: int = 200, sentences: int | None = None,
           params: SummaryParams = DEFAULT) -> list[SummarySentence]:
    articles = brief.articles
    cands = _candidates(articles, params)
    if not cands:
        return []
    all_texts = [s.text for a in articles for s in a.sentences]
    vecs = _tfidf([c.text for c in cands] + all_texts)
    cand_vecs, story = vecs[: len(cands)], vecs[len(cands):]
    centroid = story.sum(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    support = _fact_support(brief)
    fact_of = {(e.article, e.start): f.id for f in brief.facts for e in f.support}
    n_arts = max(1, len(articles) - 1)
    base = []
    for k, c in enumerate(cands):
        corroborated = support.get((c.article, c.sentence.start), (1, ()))[0]
        base.append(params.centroid * float(cand_vecs[k] @ centroid)
                    + params.position * (1.0 - c.position)
                    + params.support * (corroborated - 1) / n_arts)
    chosen: list[int] = []
    used_facts: set[str] = set()
    used = 0
    order = sorted(range(len(cands)), key=lambda k: -base[k])
    while True:
        best, best_score = None, -1e9
        for k in order:
            if k in chosen:
                continue
            n_words = len(cands[k].text.split())
            if used + n_words > words:
                continue
            fact = fact_of.get((cands[k].article, cands[k].sentence.start))
            if fact is not None and fact in used_facts:
                continue  # another outlet's wording of a fact already in the summary
            penalty = max((float(cand_vecs[k] @ cand_vecs[j]) for j in chosen), default=0.0)
            if penalty > params.max_overlap:
                continue
            score = base[k] - params.redundancy * penalty
            if score > best_score:
                best, best_score = k, score
        if best is None:
            break
        chosen.append(best)
        fact = fact_of.get((cands[best].article, cands[best].sentence.start))
        if fact is not None:
            used_facts.add(fact)
        used += len(cands[best].text.split())
        if sentences is not None and len(chosen) >= sentences:
            break
    # story order: the event first (early sentences of their articles), then the rest
    chosen.sort(key=lambda k: (cands[k].position, cands[k].article))
    disputed = _disputed(brief)
    out = []
    for k in chosen:
        c = cands[k]
        key = (c.article, c.sentence.start)
        support_ev = support.get(key, (1, ()))[1]
        others = tuple(e for e in support_ev if e.article != c.article)
        out.append(SummarySentence(c.text, c.article, c.start, c.sentence.end, others,
                                   tuple(disputed.get(key, ()))))
    return out


def source_sentence(brief: Brief, s: SummarySentence) -> Sentence | None:
    """The analysed sentence a summary sentence was taken from (its start may be later, past a
    trimmed connective)."""
    for a in brief.articles:
        if a.index == s.article:
            return next((x for x in a.sentences if x.start <= s.start < x.end), None)
    return None


def title(brief: Brief) -> str | None:
    """A neutral title: the main clause of the summary's best-corroborated sentence, as its
    source wrote it, never one stating a disputed value, never an outlet's own headline."""
    headlines = {(a.title or "").strip().lower() for a in brief.articles}
    ranked = sorted(brief.summary, key=lambda s: -len(s.supported_by))
    for s in ranked:
        clause = _main_clause(s.text)
        disputes = [brief.disputes[k] for k in s.disputes if not brief.disputes[k].detail_only]
        source = source_sentence(brief, s)
        if source is not None:
            # a disputed day can be left out of a title; a disputed count cannot
            for d in disputes:
                if d.kind == "time":
                    for t in source.times:
                        clause = re.sub(rf"\s+(?:on\s+|early\s+|late\s+)?{re.escape(t.text)}\b",
                                        "", clause)
        if not clause or len(clause.split()) < 4 or clause.lower() in headlines:
            continue
        if any(_states(clause, d) for d in disputes):
            continue
        return clause
    return None


def _states(clause: str, dispute) -> bool:
    """Whether a clause states one of a dispute's values ("Monday", "high-ranking", "twice")."""
    low = clause.lower()
    for side in dispute.sides:
        word = side.value.split(" (")[0].lower()
        if word and word != "unclear" and re.search(rf"\b{re.escape(word)}\b", low):
            return True
    return False


_ATTRIBUTION_TAIL = re.compile(
    r",?\s+(?:according to|(?:the\s+)?[\w .'’-]{0,40}\s+(?:said|says|told|reported))\b.*$",
    re.IGNORECASE)
_ATTRIBUTION_HEAD = re.compile(r"^(?:according to [^,]{1,60},\s*)", re.IGNORECASE)


_REPORTS_HEAD = re.compile(r"^(?:reports?(?: from [^,]{1,60}?)? (?:indicate|say|suggest)s?"
                           r"(?: that)?\s+)", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r",|;|\s(?:as|when|after|while|because|before|though|although|but)\s")


def _main_clause(text: str) -> str:
    """Cut a sentence to its main clause for a title: no attribution, at most ~14 words."""
    t = _ATTRIBUTION_HEAD.sub("", text.strip())
    t = _REPORTS_HEAD.sub("", t)
    t = _ATTRIBUTION_TAIL.sub("", t)
    if len(t.split()) > 10:
        for m in _CLAUSE_CUT.finditer(t):
            if len(t[:m.start()].split()) >= 6:
                t = t[:m.start()]
                break
    words = t.split()
    if len(words) > 14:
        t = " ".join(words[:14]) + " …"
    t = t.rstrip(" .,;:")
    return t[:1].upper() + t[1:] if t else t


def summarise(brief: Brief, words: int = 200, sentences: int | None = None,
              params: SummaryParams = DEFAULT) -> Brief:
    """The brief with its `title` and `summary` filled in."""
    with_summary = replace(brief, summary=tuple(select(brief, words, sentences, params)))
    return replace(with_summary, title=title(with_summary))


def dispute_note(brief: Brief, k: int) -> str:
    """ "Reports differ on how many times (shoot, hit): twice [1]; at least five times [3]." """
    d = brief.disputes[k]
    alts = "; ".join(
        f"{side.value} " + "".join(f"[{a + 1}]" for a in sorted({e.article for e in side.evidence}))
        for side in d.sides)
    return f"Reports differ: {d.question} {alts}."


def summary_notes(brief: Brief) -> list[list[str]]:
    """Per summary sentence, what follows it: for each strict dispute its value touches, the
    alternatives the first time, "disputed, see above" after that, so a disputed value is
    never left looking settled."""
    out = []
    noted: set[int] = set()
    for s in brief.summary:
        notes = []
        for k in s.disputes:
            if brief.disputes[k].detail_only:
                continue
            if k in noted:
                notes.append("disputed, see above")
            else:
                noted.add(k)
                notes.append(dispute_note(brief, k))
        out.append(notes)
    return out


def summary_text(brief: Brief) -> str:
    """The summary as plain text, each sentence followed by its dispute notes."""
    parts = []
    for s, notes in zip(brief.summary, summary_notes(brief), strict=True):
        parts.append(s.text)
        parts += [f"({n})" for n in notes]
    return " ".join(parts)


def summarise_texts(texts: Sequence[str], words: int = 200,
                    params: SummaryParams = DEFAULT) -> str:
    """Summary of one story given as raw article texts, as plain text (for benchmarks)."""
    from crossread.config import Config
    from crossread.pipeline import analyse_texts, compare_articles

    brief = compare_articles(analyse_texts(texts, Config()), [])
    return summary_text(summarise(brief, words=words, params=params))
