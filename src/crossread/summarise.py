"""Summarise: choose, order and cite summary sentences (extractive, deterministic).

Every summary sentence is one source sentence, verbatim (at most a leading connective trimmed),
so every word can be traced to its source. A sentence is a candidate only if it stands alone in
the writer's neutral voice: no opinion or loaded words, no first person, no speculation, no
question, no call to act, no opening pronoun that needs the sentence before it, and no quotation
without its speaker, unless its own article makes plain whom an opening "He"/"She" or the
quotation belongs to (crossread.referents): that name, cited to its span, is then shown in
brackets, the only words a summary sentence adds. Candidates are scored by a linear model over a
few per-sentence features (centrality, words the other outlets share, corroboration, position,
length, quotation, names and whether other outlets name them, numbers, times, how central its
article is), whose weights were fitted on the Multi-News dev clusters to predict how much of a
sentence a human summary keeps (benchmarks/tune_summary.py); they are picked greedily with a
penalty for repeating what is already chosen and a bonus for the words a sentence would add to
the summary, each valued by a second fitted model of how likely a human summary is to use that
word (how many outlets use it, how early and how often, whether it is a plain word), then put
in story order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from crossread.align import VOICE, content_words
from crossread.clean import caption_spans
from crossread.model import Article, Brief, Evidence, Referent, Sentence, SummarySentence
from crossread.referents import (
    MOSTLY_QUOTED,
    attribution_referent,
    opening_pronoun,
    pronoun_referent,
    quoted_share,
    speaker_referent,
    unnamed_speaker,
)
from crossread.titles import DATELINE, headline

# Opening words that point back to a sentence the reader has not seen.
_DANGLING = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|this|that|these|those|such|there|here|him|them|"
    r"the (?:official|two|three|man|woman|company|agency|group|latter|former|same)|"
    r"both|neither|another|other|others|meanwhile|then|later|also|however|still|yet)\b",
    re.IGNORECASE,
)
# What a summary sentence may start after: a connective ("But", "And so"), or the dash a dateline
# left before the sentence ("- U.S. Secretary of State ...")
_CONNECTIVE_WORD = r"(?:but|and|so|however|meanwhile|still|also|yet),?\s+"
_CONNECTIVE = re.compile(rf"^(?:[-–—]+\s+(?:{_CONNECTIVE_WORD})?|{_CONNECTIVE_WORD})",
                         re.IGNORECASE)
# The markers of a written interview ("Q. What happens next?" / "A. The House voted ...")
_QUESTION_MARK = re.compile(r"^Q[.:](?:\s|$)")
_ANSWER_MARK = re.compile(r"^A[.:]\s+")
# A "sentence" ending in a title or initial was cut at an abbreviation's period by the splitter
# ("A jury rejected all of Ms."): a fragment, not a sentence.
_CUT_AT_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|No|Mt|Ft|vs)|"
    r"(?<=\s)[A-Z])\.[\"”’')]*$")
# Words outside the quotation that name it as someone's speech: a quotation with its speaker is
# reported speech; without one it is an unattributed opinion in the summary's voice.
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|explained|explains|wrote|writes|"
    r"tweeted|stated|announced|recalled|noted|insisted|argued|claimed|asked|warned|"
    r"continued|testified)\b", re.IGNORECASE)

# The sentence score: a linear model over these features, in this order. WEIGHTS were fitted by
# ridge regression on all 105 Multi-News dev clusters (benchmarks/tune_summary.py prints them;
# its 5-fold cross-validation reports the held-out scores): the target is each candidate's share
# of unigrams, bigrams and (at half weight) trigrams found in the cluster's human summary
# (ROUGE-1 + ROUGE-2 + ROUGE-3 / 2 precision).
FEATURES = (
    "centrality",  # TF-IDF cosine to the story's centroid
    "shared_words",  # mean share of the other articles that use each of its content words
    "best_match",  # highest TF-IDF cosine to a sentence of another article
    "top_matches",  # mean of its three highest cosines to other articles' sentences
    "corroborated",  # 1 when another outlet states the same fact (align's facts)
    "support_share",  # share of the other articles that state the same fact
    "log_index",  # log(1 + its index in the article)
    "earliness",  # 1 - index / sentences in the article
    "first",  # 1 for an article's first sentence
    "length",  # words / 30
    "quoted",  # share of its characters inside quotation marks
    "own_article",  # mean cosine to the other sentences of its own article
    "article_length",  # log(1 + sentences in its article)
    "plain_words",  # share of its words that are not content words
    "distinct_words",  # distinct words / words
    "names",  # named entities per 10 words
    "numbers",  # 1 when it states a number
    "times",  # 1 when it states a time
    "shared_names",  # share of its names that another article names too
    "article_centrality",  # TF-IDF cosine of its article to the other articles together
    "central_article",  # 1 when its article is the story's most central one
    "referent",  # 1 when it needs a bracketed name (an opening "He", a quotation's speaker)
)
WEIGHTS = (
    0.4011, 0.2591, -0.1347, 0.2325, 0.1043, -0.08564, -0.0393, 0.06075, -0.007381, -0.08521,
    0.1191, 0.8646, 0.03505, 0.36, -0.3024, -0.01314, 0.01019, -0.01352, 0.03966, -0.1636,
    0.01629, -0.01486,
)

# What a sentence adds: the words it would bring to the summary that the summary has not got
# yet, each valued by how likely a human summary of the story is to use it, less COVER_FLOOR
# (a word less likely than that costs the summary more words than it gains it), per word of
# the sentence. The likelihood is a logistic model over these features of each written word
# (split at spaces and full stops, its case and any punctuation kept: "Monday," is not
# "Monday"), fitted on the Multi-News dev clusters to predict whether the cluster's human
# summary has the word (benchmarks/tune_summary.py); WORD_WEIGHTS starts with its intercept.
WORD_FEATURES = (
    "article_share",  # share of the articles that use the word
    "log_count",  # log(1 + times the story uses it)
    "plain",  # 1 when it is not a content word ("the", "said,")
    "capital",  # 1 when it starts with a capital
    "punctuation",  # 1 when anything but letters and digits is attached ("said,", "“We")
    "digit",  # 1 when it has a digit
    "first_position",  # index / sentences in the article of its earliest use, least over articles
    "in_lead",  # 1 when one of an article's first two sentences uses it
    "length",  # characters / 10
    "content_share",  # article_share for a content word, 0 for a plain one
    "candidate_share",  # 10 x the share of the candidate sentences that use it
)
WORD_WEIGHTS = (
    -2.747, 0.605, 0.5911, 0.6812, -0.1159, -0.3519, -0.3033, -0.9635, 0.3089, -0.6675, 0.8864,
    0.6952,
)
COVER_FLOOR = 0.15  # about half the ROUGE-L F1 of a summary: a word less likely than this lowers it
COVERAGE = 0.3  # chosen with the weights (tune_summary.py)


@dataclass(frozen=True)
class SummaryParams:
    """How sentences are scored and picked. The weights are fitted, and redundancy, coverage,
    max_overlap and min_words chosen, by cross-validation over the Multi-News dev clusters
    (benchmarks/tune_summary.py), never on single clusters."""

    weights: tuple[float, ...] = WEIGHTS  # one per FEATURES
    word_weights: tuple[float, ...] = WORD_WEIGHTS  # an intercept, then one per WORD_FEATURES
    redundancy: float = 0.1  # penalty per unit of similarity to an already chosen sentence
    coverage: float = COVERAGE  # weight of the new words a sentence brings (_pick)
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
    referent: Referent | None = None

    @property
    def words(self) -> int:
        """Words as shown, a bracketed name included."""
        return len(shown_text(self.text, self.start, self.referent).split())


def shown_parts(text: str, start: int, referent: Referent | None) -> list[tuple[str, bool]]:
    """A summary sentence (`text`, at `start` of its article) as the reader sees it, in pieces,
    each marked True when crossread put it in: the name its pronoun or its quotation refers to,
    in brackets ("He [Jim Green] said ...", "..., he [Jim Green] said.", "[Jim Green]: “...”")."""
    if referent is None:
        return [(text, False)]
    cut = referent.at - start
    if referent.kind == "pronoun":
        return [(text[:cut] + " ", False), (f"[{referent.text}]", True), (text[cut:], False)]
    return [(text[:cut], False), (f"[{referent.text}]:", True), (" " + text[cut:], False)]


def shown_text(text: str, start: int, referent: Referent | None) -> str:
    return "".join(t for t, _ in shown_parts(text, start, referent))


def shown(s: SummarySentence) -> str:
    return shown_text(s.text, s.start, s.referent)


def _outside_quotes(s: Sentence) -> str:
    parts, pos = [], s.start
    for q in sorted(s.quotes, key=lambda q: q.start):
        parts.append(s.text[pos - s.start:max(pos, q.start) - s.start])
        pos = max(pos, q.end)
    parts.append(s.text[pos - s.start:])
    return " ".join(parts)


def _readable(a: Article, s: Sentence, text: str, start: int,
              params: SummaryParams) -> tuple[bool, Referent | None]:
    """Whether a sentence (past any trimmed connective) can be read without the one before,
    and the name it needs shown for that, if any."""
    if not params.min_words <= len(text.split()) <= params.max_words:
        return False, None
    ending = text.rstrip()
    core = ending.rstrip("\"”’')")
    if not core.endswith((".", "!")) or _CUT_AT_ABBREVIATION.search(ending):
        return False, None
    if core.endswith("..."):
        return False, None  # a teaser cut short ("... compromised 40 million accounts and...")
    referent = None
    if opening_pronoun(text):
        referent = pronoun_referent(a, s, start)
        if referent is None:
            return False, None
    else:
        m = _CONNECTIVE.match(text)
        if _DANGLING.match(text[m.end():] if m else text):
            return False, None  # "But she said ..." needs its "she" as much as "She said ..."
    # almost all quotation and no speaker named: an opinion with nobody to attribute it to,
    # unless it goes on with a quotation the sentence before credits
    if quoted_share(s, start) > MOSTLY_QUOTED and not _SPEECH.search(_outside_quotes(s)):
        if referent is not None:
            return False, None
        referent = speaker_referent(a, s, start)
        if referent is None:
            return False, None
    # "'...,' he said.": the summary names him, when the article makes plain who he is; when
    # it does not, the reader of the summary could not tell who speaks
    referent = referent or attribution_referent(a, s, start)
    if referent is None and unnamed_speaker(a, s, start):
        return False, None
    return True, referent


def _candidates(articles: Sequence[Article], params: SummaryParams) -> list[_Candidate]:
    out = []
    for a in articles:
        captions = caption_spans(a)
        # an interview or explainer written as "Q. ... A. ...": the questions are the
        # writer's, the answers the account, shown without their marker
        interview = sum(bool(_QUESTION_MARK.match(s.text)) for s in a.sentences) >= 2
        for k, s in enumerate(a.sentences):
            if any(x <= s.start < y for x, y in captions):
                continue  # a photo caption, not the account of events
            if any(g.kind in VOICE for g in s.signals):
                continue
            # the splitter may cut "Q." off as a sentence of its own, before the question
            if interview and (_QUESTION_MARK.match(s.text) or (
                    k and a.sentences[k - 1].text.strip() in ("Q.", "Q:"))):
                continue
            text, start = s.text, s.start
            # a dateline ("CAIRO — "), an answer's "A. " and then a connective are trimmed,
            # when a capital follows
            openings = (DATELINE, _ANSWER_MARK, _CONNECTIVE) if interview else (
                DATELINE, _CONNECTIVE)
            for opening in openings:
                m = opening.match(text)
                if m and text[m.end():m.end() + 1].isupper():
                    text, start = text[m.end():], start + m.end()
            ok, referent = _readable(a, s, text, start, params)
            if ok:
                out.append(_Candidate(a.index, s, start, text, referent))
    return out


def _tfidf(bags: Sequence[Counter[str]]) -> np.ndarray:
    """Row-normalised TF-IDF vectors of bags of content words."""
    df = Counter(w for b in bags for w in b)
    vocab = {w: i for i, w in enumerate(sorted(df))}
    n = len(bags)
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


def features(brief: Brief, cands: Sequence[_Candidate],
             support: dict[tuple[int, int], tuple[int, tuple[Evidence, ...]]] | None = None,
             ) -> tuple[np.ndarray, np.ndarray]:
    """The FEATURES of each candidate (one row each), and the candidates' TF-IDF vectors.
    `support` is `_fact_support(brief)` when the caller has it already."""
    articles = brief.articles
    # content words are the costly part: each sentence's once, a candidate's again only when a
    # connective was trimmed from it
    bag_of = {(a.index, s.start): Counter(content_words(s.text))
              for a in articles for s in a.sentences}
    cand_bags = [bag_of[(c.article, c.sentence.start)] if c.start == c.sentence.start
                 else Counter(content_words(c.text)) for c in cands]
    vecs = _tfidf(cand_bags + list(bag_of.values()))
    cand_vecs, story = vecs[: len(cands)], vecs[len(cands):]
    centroid = story.sum(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    owner = np.array([a for a, _ in bag_of])
    mine = owner[None, :] == np.array([c.article for c in cands])[:, None]
    sims = cand_vecs @ story.T
    # cosines to the other articles' sentences, best first (-1 pads a story of one article)
    others = -np.sort(-np.where(mine, -1.0, sims), axis=1)[:, :3]
    n_own = np.maximum(1, mine.sum(axis=1) - 1)
    own = (np.where(mine, sims, 0.0).sum(axis=1) - 1.0) / n_own  # less its own cosine of 1
    support = _fact_support(brief) if support is None else support
    spread_of = max(1, len(articles) - 1)
    # in how many articles each content word occurs
    word_arts = Counter(w for a in articles
                        for w in set().union(*(bag_of[(a.index, s.start)] for s in a.sentences)))
    # each article's words against all the others': an article about something else (a
    # background piece, an aside the scraper kept) has less of the story in its sentences
    art_bags = []
    for a in articles:
        bag: Counter[str] = Counter()
        for s in a.sentences:
            bag.update(bag_of[(a.index, s.start)])
        art_bags.append(bag)
    art_vecs = _tfidf(art_bags)
    total = art_vecs.sum(axis=0)
    art_central = {}
    for k, a in enumerate(articles):
        rest = total - art_vecs[k] if len(articles) > 1 else art_vecs[k]
        art_central[a.index] = float(art_vecs[k] @ rest) / max(float(np.linalg.norm(rest)), 1e-9)
    most_central = max(art_central, key=lambda i: (art_central[i], -i)) if art_central else -1
    name_arts: dict[str, set[int]] = {}
    for a in articles:
        for s in a.sentences:
            for e in s.entities:
                name_arts.setdefault(e.text.lower(), set()).add(a.index)
    rows = []
    for k, c in enumerate(cands):
        s, words, content = c.sentence, c.text.split(), cand_bags[k]
        n_sents = max(1, len(articles[c.article].sentences))
        n_content = sum(content.values())
        corroborated = support.get((c.article, s.start), (1, ()))[0]
        spread = sum(word_arts[w] * n for w, n in content.items()) / max(1, n_content) - 1
        best = [v for v in others[k] if v > -1.0]
        rows.append((
            float(cand_vecs[k] @ centroid),
            spread / spread_of,
            best[0] if best else 0.0,
            sum(best) / len(best) if best else 0.0,
            float(corroborated > 1),
            (corroborated - 1) / spread_of,
            math.log1p(s.index),
            1.0 - s.index / n_sents,
            float(s.index == 0),
            len(words) / 30,
            quoted_share(s, c.start),
            float(own[k]),
            math.log1p(n_sents),
            1.0 - n_content / max(1, len(words)),
            len(set(words)) / max(1, len(words)),
            10 * len(s.entities) / max(1, len(words)),
            float(bool(s.numbers)),
            float(bool(s.times)),
            _shared_names(s, name_arts),
            art_central[c.article],
            float(c.article == most_central),
            float(c.referent is not None),
        ))
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(FEATURES)), cand_vecs


def written_words(text: str) -> list[str]:
    """A text's words as ROUGE-L counts them in LongBench's scorer: split at spaces and full
    stops, case and attached punctuation kept."""
    return [w for part in text.split(".") for w in part.split()]


def word_features(brief: Brief, cands: Sequence[_Candidate],
                  ) -> tuple[np.ndarray, list[np.ndarray]]:
    """The WORD_FEATURES of each distinct written word of the candidates (one row each, words in
    sorted order), and per candidate the rows of the words it uses."""
    articles = brief.articles
    n_arts = max(1, len(articles))
    arts_of: dict[str, set[int]] = {}
    count: Counter[str] = Counter()
    first: dict[str, float] = {}
    lead: set[str] = set()
    for a in articles:
        n_sents = max(1, len(a.sentences))
        for s in a.sentences:
            for w in written_words(s.text):
                arts_of.setdefault(w, set()).add(a.index)
                count[w] += 1
                first[w] = min(first.get(w, 1.0), s.index / n_sents)
                if s.index < 2:
                    lead.add(w)
    cand_words = [set(written_words(c.text)) for c in cands]
    vocab = sorted(set().union(*cand_words)) if cand_words else []
    column = {w: k for k, w in enumerate(vocab)}
    uses = [np.array(sorted(column[w] for w in ws), dtype=np.int64) for ws in cand_words]
    cand_share = np.bincount(np.concatenate(uses), minlength=len(vocab)) / len(cands) if (
        cands) else np.zeros(0)
    rows = []
    for k, w in enumerate(vocab):
        plain = float(not content_words(w))
        share = len(arts_of.get(w, ())) / n_arts
        rows.append((share, math.log1p(count[w]), plain, float(w[:1].isupper()),
                     float(not w.isalnum()), float(any(ch.isdigit() for ch in w)),
                     first.get(w, 1.0), float(w in lead), len(w) / 10, share * (1 - plain),
                     10 * cand_share[k]))
    return np.array(rows, dtype=np.float64).reshape(len(vocab), len(WORD_FEATURES)), uses


def _word_likelihood(word_feats: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-(w[0] + word_feats @ w[1:])))

def _shared_names(s: Sentence, name_arts: dict[str, set[int]]) -> float:
    names = [e.text.lower() for e in s.entities]
    if not names:
        return 0.0
    return sum(len(name_arts.get(n, ())) > 1 for n in names) / len(names)


def select(brief: Brief, words: int = 200, sentences: int | None = None,
           params: SummaryParams = DEFAULT) -> list[SummarySentence]:
    cands = _candidates(brief.articles, params)
    if not cands:
        return []
    support = _fact_support(brief)
    feats, cand_vecs = features(brief, cands, support)
    base = feats @ np.asarray(params.weights, dtype=np.float64)
    word_feats, uses = word_features(brief, cands)
    likely = _word_likelihood(word_feats, params.word_weights)
    chosen = _pick(cands, base, cand_vecs, _fact_ids(brief), words, sentences, params,
                   (likely, uses))
    # story order: the event first (early sentences of their articles), then the rest
    n_sents = {a.index: max(1, len(a.sentences)) for a in brief.articles}
    chosen.sort(key=lambda k: (cands[k].sentence.index / n_sents[cands[k].article],
                               cands[k].article))
    disputed = _disputed(brief)
    out = []
    for k in chosen:
        c = cands[k]
        key = (c.article, c.sentence.start)
        support_ev = support.get(key, (1, ()))[1]
        others = tuple(e for e in support_ev if e.article != c.article)
        out.append(SummarySentence(c.text, c.article, c.start, c.sentence.end, others,
                                   tuple(disputed.get(key, ())), c.referent))
    return out


def _fact_ids(brief: Brief) -> dict[tuple[int, int], str]:
    return {(e.article, e.start): f.id for f in brief.facts for e in f.support}


def _pick(cands: Sequence[_Candidate], base: np.ndarray, cand_vecs: np.ndarray,
          fact_of: dict[tuple[int, int], str], words: int, sentences: int | None,
          params: SummaryParams,
          cover: tuple[np.ndarray, Sequence[np.ndarray]] | None = None) -> list[int]:
    """Greedy: the best-scoring candidate that still fits the word budget, is not another
    outlet's wording of a fact already chosen and not too close to a chosen sentence; until
    nothing fits (a shorter sentence may still fit after a long one did not). A candidate's
    score is its `base` less the redundancy penalty plus, with `cover` (each written word's
    likelihood, and per candidate the words it uses, as from word_features), the value of the
    words it would add."""
    n_words = np.array([c.words for c in cands])
    likely, uses = cover if cover is not None else (
        np.zeros(0), [np.zeros(0, dtype=np.int64)] * len(cands))
    value = likely - COVER_FLOOR  # 0 once the summary has the word
    flat = np.concatenate(uses) if uses else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(cands)), [len(u) for u in uses])
    facts = [fact_of.get((c.article, c.sentence.start)) for c in cands]
    penalty = np.zeros(len(cands))
    open_ = np.ones(len(cands), dtype=bool)
    chosen: list[int] = []
    used = 0
    while sentences is None or len(chosen) < sentences:
        ok = open_ & (used + n_words <= words) & (penalty <= params.max_overlap)
        if not ok.any():
            break
        adds = np.bincount(owner, weights=value[flat], minlength=len(cands)) / np.maximum(
            1, n_words)
        score = base - params.redundancy * penalty + params.coverage * adds
        best = int(np.argmax(np.where(ok, score, -np.inf)))
        chosen.append(best)
        used += int(n_words[best])
        open_[best] = False
        if facts[best] is not None:
            open_ &= np.array([f != facts[best] for f in facts])
        penalty = np.maximum(penalty, cand_vecs @ cand_vecs[best])
        value[uses[best]] = 0.0
    return chosen


def source_sentence(brief: Brief, s: SummarySentence) -> Sentence | None:
    """The analysed sentence a summary sentence was taken from (its start may be later, past a
    trimmed connective)."""
    return sentence_at(brief, s.article, s.start)


def sentence_at(brief: Brief, article: int, offset: int) -> Sentence | None:
    """The analysed sentence of input article `article` that holds character `offset`."""
    for a in brief.articles:
        if a.index == article:
            return next((x for x in a.sentences if x.start <= offset < x.end), None)
    return None


def title(brief: Brief) -> str | None:
    """A neutral title: the main statement of the summary's best-corroborated lead sentence, as
    its source wrote it (`titles.headline`, cut on the parse; failing that, the sentence cut at
    a clause break), never one stating a disputed value, never an outlet's own headline."""
    headlines = {(a.title or "").strip().lower() for a in brief.articles}
    sources = {id(s): source_sentence(brief, s) for s in brief.summary}

    def rank(s: SummarySentence) -> float:
        # the outlets that state it, discounted by how far into its report it comes: a lead
        # states the event ("A crane fell at the port"), a later sentence a detail of it ("The
        # injured were taken to St. Brendan's"), however widely repeated
        source = sources[id(s)]
        return (1 + len(s.supported_by)) / (1 + math.log1p(source.index if source else 0))

    ranked = [s for s in sorted(brief.summary, key=rank, reverse=True)
              if s.referent is None]  # "He [Jim Green] said ...": a title needs no bracket
    for cut in (headline, _main_clause):
        for s in ranked:
            clause = cut(s.text)
            if not clause:
                continue
            disputes = [brief.disputes[k] for k in s.disputes
                        if not brief.disputes[k].detail_only]
            source = sources[id(s)]
            if source is not None:
                # a disputed day can be left out of a title; a disputed count cannot
                for d in disputes:
                    if d.kind == "time":
                        for t in source.times:
                            clause = re.sub(rf"\s+(?:on\s+|early\s+|late\s+)?"
                                            rf"{re.escape(t.text)}\b", "", clause)
            if len(clause.split()) < 4 or clause.lower() in headlines:
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
        parts.append(shown(s))
        parts += [f"({n})" for n in notes]
    return " ".join(parts)


def summarise_texts(texts: Sequence[str], words: int = 200,
                    params: SummaryParams = DEFAULT) -> str:
    """Summary of one story given as raw article texts, as plain text (for benchmarks)."""
    from crossread.config import Config
    from crossread.pipeline import analyse_texts, compare_articles

    brief = compare_articles(analyse_texts(texts, Config()), [])
    return summary_text(summarise(brief, words=words, params=params))
