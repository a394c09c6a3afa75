"""The one similarity between an article and a story, and the decision it drives.

A story is scored like an article: an article is a story of one (`as_state`), so the same
`similarity` compares an article with a story, two stories (for merges) and two articles (the
pairs benchmark). It adds up:

* the closeness of the embeddings (the story's centroid is the sum of its members' vectors):
  halfway (MEMBER_WEIGHT) between the centroid cosine and the mean cosine over member pairs,
  which a story drifting over a broad topic cannot fake (see `closeness`);
* W_LEX × the same closeness of the word vectors (features.lexical_vector: every word of the
  first thousand, hashed, weighted by a fixed IDF), which tells apart two events of one topic
  that the embedding puts together;
* the names both carry, each weighted by its IDF over live stories and by the share of
  members naming it, as a weighted overlap coefficient in [0, 1] — a rare shared name says
  "same story" far more than "Washington" does;
* the part of the first one's salient content words (features.word_keys) the other shares,
  weighted the same way: the vocabulary of the event, which a story on the same broad topic
  does not share ("spacecraft", "corona" against "orbit", "neptune");
* a penalty growing with the days between the two when both have dates; unknown dates are
  neutral, because many feeds carry none.

`THRESHOLD` (1.4), W_LEX (2.0), W_KEYS (1.5), W_WORDS (1.0) and MEMBER_WEIGHT (0.5) were chosen
on the tune half of the Multi-News dev stories (split by a hash of the gold story id, see
benchmarks/cluster_quality.py); the SemEval pairs were not used to choose anything.

Where the tune half stood before the word vector (mean online F1 0.861 at P 0.98 / R 0.77):
nearly all the loss is recall, and most of it cannot be recovered from these features. Its gold
stories hold background pages (an encyclopedia entry, a paper's methods section, a list of
crowdfunding campaigns) and identical scraped furniture; linking gold members only where their
pair score reaches 0.8 (with no wrong link at all) would give 0.913. The joins still missed
score 0.85-1.0, the band where the wrong ones (the same person or agency in another event: two
Trump stories, a Sun probe and a ninth planet) score too. Tried on the tune half (10 seeds
unless said) and NOT kept, each within +-0.01 of the shipped settings, i.e. noise (best cell of
each grid row given):

* W_KEYS 1.0-3.0 × W_WORDS 1.0-1.5 × THRESHOLD 0.9-1.3: a flat ridge of 0.855-0.868;
* MERGE_MARGIN 0-0.5: 0.858-0.863 (no merges at all: 0.853);
* names weighted by where they occur (headline ×3-4, first 600-1500 characters ×2) when the
  MAX_KEYS are picked, MAX_KEYS 16/32: 0.857-0.870 (5 seeds);
* word keys leaving out the words already among the names: 0.853-0.859;
* word keys picked by count × the static model's token norm (its Zipf weighting, a fixed IDF):
  0.859-0.860;
* a bonus for two kinds of evidence, λ·sqrt(key_overlap × word_overlap), λ 1-3: 0.861-0.864;
* parts of a shared multi-word name ("donald", "trump" beside "donald trump") not counted
  again: 0.859-0.860;
* the article scored against each member rather than the story (single link), or halfway:
  0.858-0.861 (5 seeds); a singleton story adopted when it reaches the story an article just
  joined: 0.861 (unchanged);
* a TF-IDF cosine of the first 400 words against the story's members (the centroid formula or
  the max), IDF fitted on the tune half itself, W 0.5-1.5: 0.862-0.869 (5 seeds, no merges);
* shared numbers ("53 million", "6-year-old") as evidence: pair AUC on the tune half fell.

The word vector (W_LEX) came out of that search: a lexical cosine over the first 1,000 words,
each word's log count weighted by analyse.vectors.word_weight (a fixed IDF), hashed into
LEXICAL_DIM signed dimensions and kept per story as a sum like the centroid. Its pair AUC on the
tune half's hard pairs is 0.964 against 0.925 for the rest of `similarity`. Online on the tune
half (mean of 10 seeds; against gold / against the reports-only stories of tests/fixtures/
cluster_non_reports.json): without it 0.861 / 0.944; with it a ridge along THRESHOLD ≈ 1 + 0.2 ×
W_LEX: W_LEX 1 at 1.2 0.869 / 0.959, W_LEX 2 at 1.4 0.873 / 0.959, W_LEX 3 at 1.6 0.872 / 0.958;
the middle was taken. 1,024 dimensions and 512 (LEXICAL_DIM) score the same within 0.005 (W_LEX
2 at 1.4: 0.873 / 0.959 and 0.871 / 0.960), so the smaller is kept: 2 KB per article and per
story; 256 lost most of the gain in an earlier prototype (0.848-0.861).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from crossread.model import DocFeatures, StoryState
from crossread.stories.features import is_word_key
from crossread.stories.index import StoryIndex

W_KEYS = 1.5
# Weight of `word_overlap`. W_WORDS 1.0 with THRESHOLD 1.0 (features.WORD_KEYS 10) was chosen on
# the tune half (benchmarks/cluster_quality.py --tune): mean online F1 0.843 -> 0.861, within a
# ridge of 0.855-0.865 for W_WORDS 1.0-1.5 and THRESHOLD 0.95-1.05. Without word keys
# (W_WORDS 0) THRESHOLD was 0.75; a join now needs some shared words or names besides closeness.
W_WORDS = 1.0
# Weight of `lexical_closeness`, and THRESHOLD with it: chosen on the tune half (10 seeds, see
# the module docstring), a ridge where THRESHOLD grows about 0.2 per unit of W_LEX.
W_LEX = 2.0
W_TIME = 0.3  # the most days apart can take off
TIME_SCALE_DAYS = 4.0  # a week apart costs most of W_TIME; the next day costs little
THRESHOLD = 1.4
# Two stories an article joins equally well merge when they also nearly match each other: the
# article is the missing evidence. Without the margin a merge could only follow centroid drift,
# since two stories that already matched would have been one from the start.
MERGE_MARGIN = 0.05
# Where candidates come from: the stories sharing the most of the article's RETRIEVAL_KEYS
# rarest keys (at most CANDIDATES), and the RECENT most recently joined stories. Retrieving by
# the rarest keys only keeps the cost of a lookup flat as the store grows: "Trump" or "police"
# is named by thousands of stories and would find them all, while the story an article belongs
# to shares its rare names. Sizes chosen for speed (benchmarks/store_scale.py), not tuned.
CANDIDATES = 20
RECENT = 10
RETRIEVAL_KEYS = 12
# β of `closeness`: 0 is the centroid cosine, 1 the mean member cosine. 0.5 (with W_KEYS 1.5 and
# THRESHOLD 0.75) was the best mean online F1 of the tune-half grid (benchmarks/cluster_quality.py
# --tune); 1.0 split stories whose members are written differently, 0.0 let topics drift.
MEMBER_WEIGHT = 0.5
# A key counts by the share of members naming it raised to CORE_POWER (>1 favours the story's
# core names over names one member mentions) ...
CORE_POWER = 1.0
# ... and a story's score is lowered by SIZE_COST × ln(size). Neither helped on the tune half
# (CORE_POWER 2 and SIZE_COST 0.05 were within noise or worse), so both are neutral.
SIZE_COST = 0.0


@dataclass(frozen=True)
class Decision:
    """Where an article goes. `story_id` None means a new story; otherwise `state` is the
    story's state with the article added, and every id in `merges` is to be merged into
    `story_id` (`state` already combines them)."""

    story_id: int | None
    score: float
    state: StoryState | None = None
    merges: tuple[int, ...] = ()


def as_state(f: DocFeatures, story_id: int = -1) -> StoryState:
    """A story of one article."""
    return StoryState(
        id=story_id, centroid=np.asarray(f.vector, dtype=np.float32).copy(), size=1,
        keys={k: 1 for k in f.keys}, first_published=f.published, last_published=f.published,
        lexical=None if f.lexical is None else np.asarray(f.lexical, dtype=np.float32).copy(),
    )


def add_member(state: StoryState, f: DocFeatures) -> StoryState:
    return combine(state, as_state(f, state.id))


def combine(a: StoryState, b: StoryState) -> StoryState:
    """The state of one story holding the members of both; it keeps `a`'s id."""
    keys = dict(a.keys)
    for k, n in b.keys.items():
        keys[k] = keys.get(k, 0) + n
    firsts = [d for d in (a.first_published, b.first_published) if d]
    lasts = [d for d in (a.last_published, b.last_published) if d]
    return StoryState(
        id=a.id,
        centroid=(np.asarray(a.centroid, dtype=np.float32)
                  + np.asarray(b.centroid, dtype=np.float32)),
        size=a.size + b.size, keys=keys,
        first_published=min(firsts) if firsts else None,
        last_published=max(lasts) if lasts else None,
        # a story indexed by an older release has no word sum: it has none until reindexed
        lexical=None if a.lexical is None or b.lexical is None else
        np.asarray(a.lexical, dtype=np.float32) + np.asarray(b.lexical, dtype=np.float32),
    )


def idf(key_counts: Mapping[str, int], total: int) -> dict[str, float]:
    """IDF of each key over `total` stories (or documents). Even a key every story names keeps a
    little weight, so that with one or two stories so far, names still count."""
    return key_weights(key_counts, key_counts, total)


def key_weights(keys: Iterable[str], counts: Mapping[str, int], total: int) -> dict[str, float]:
    """`idf` of each of `keys`, given the stories naming each (`counts`; absent is 0). Only a
    few distinct counts occur among hundreds of keys, so each one's logarithm is taken once."""
    logs: dict[int, float] = {}
    out = {}
    for k in keys:
        n = counts.get(k, 0)
        w = logs.get(n)
        if w is None:
            w = logs[n] = math.log((total + 1) / (n + 1)) + 0.1
        out[k] = w
    return out


def similarity(a: StoryState, b: StoryState, weights: Mapping[str, float]) -> float:
    """Embedding closeness + W_LEX × word-vector closeness + W_KEYS × shared-name overlap +
    W_WORDS × the share of `a`'s content words `b` uses − date penalty. Keys missing from
    `weights` are treated as seen nowhere else (the rarest)."""
    return (closeness(a, b) + W_LEX * lexical_closeness(a, b)
            + W_KEYS * key_overlap(a, b, weights)
            + W_WORDS * word_overlap(a, b, weights) - time_penalty(a, b))


def closeness(a: StoryState, b: StoryState) -> float:
    """Between the centroid cosine and the mean cosine over member pairs (MEMBER_WEIGHT).

    The centroid is the sum of unit member vectors, so the mean cosine of every member of `a`
    with every member of `b` is ca·cb / (size_a × size_b), with no member vector needed. A
    story that has drifted over a broad topic has a short centroid (|c| well below size): its
    centroid cosine flatters any article on the topic, while the mean member cosine stays low.
    The normaliser is |c|^(1-β) × size^β; for two single articles both are the plain cosine.
    """
    return _closeness(a.centroid, b.centroid, a.size, b.size)


def lexical_closeness(a: StoryState, b: StoryState) -> float:
    """`closeness` of the word vectors (features.lexical_vector); 0 for a story an older
    release indexed, which has none (`crossread reindex` makes them)."""
    if a.lexical is None or b.lexical is None:
        return 0.0
    return _closeness(a.lexical, b.lexical, a.size, b.size)


def _closeness(va: Any, vb: Any, size_a: int, size_b: int) -> float:
    ca = np.asarray(va, dtype=np.float32)
    cb = np.asarray(vb, dtype=np.float32)
    na, nb = float(np.linalg.norm(ca)), float(np.linalg.norm(cb))
    if na <= 0 or nb <= 0:
        return 0.0
    beta = MEMBER_WEIGHT
    norm = (na ** (1 - beta) * max(size_a, 1) ** beta) * (nb ** (1 - beta) * max(size_b, 1) ** beta)
    return float(ca @ cb) / norm


def key_overlap(a: StoryState, b: StoryState, weights: Mapping[str, float]) -> float:
    """Weighted overlap of the two name-key sets (word keys are left to `word_overlap`)."""
    if not a.keys or not b.keys or not a.size or not b.size:
        return 0.0
    mass_a, shared = _mass_and_shared(a, b, weights, words=False)
    mass_b, _ = _mass_and_shared(b, None, weights, words=False)
    # normalised by the geometric mean of the two masses (a weighted cosine of key sets), not
    # the smaller mass: with the smaller one, a report naming just two cities ("Ankara",
    # "Istanbul") fully matched every story set in that country
    norm = math.sqrt(mass_a * mass_b)
    return shared / norm if norm > 0 else 0.0


def word_overlap(a: StoryState, b: StoryState, weights: Mapping[str, float]) -> float:
    """The part of `a`'s content-word mass (IDF × share of members) that `b` shares, in [0, 1].

    Normalised by `a`'s mass alone, not by both as `key_overlap` is, so that only the weights
    of `a`'s words are needed: `decide` looks up the article's own words, never the hundreds a
    big candidate story has gathered (what made word keys too slow when they were mixed in with
    the names). `a` is the article (or, for a merge, the story it joined)."""
    if not a.keys or not b.keys or not a.size or not b.size:
        return 0.0
    mass, shared = _mass_and_shared(a, b, weights, words=True)
    return shared / mass if mass > 0 else 0.0


def _mass_and_shared(a: StoryState, b: StoryState | None, weights: Mapping[str, float],
                     words: bool) -> tuple[float, float]:
    """Σ weight × share of members naming the key over `a`'s name keys (`words` False) or word
    keys (True), and the part of it `b` shares (each key at the smaller of the two shares). A
    key `weights` lacks weighs as much as the heaviest one (seen nowhere else); `decide` passes
    weights for every key it needs, so the max is only taken when one is missing."""
    mass = shared = 0.0
    rare: float | None = None
    other = b.keys if b is not None else None
    for k, n in a.keys.items():
        if is_word_key(k) != words:
            continue
        w = weights.get(k)
        if w is None:
            if rare is None:
                rare = max(weights.values(), default=1.0)
            w = rare
        fa = (n / a.size) ** CORE_POWER
        mass += w * fa
        if other is not None:
            m = other.get(k)
            if m:
                shared += w * min(fa, (m / b.size) ** CORE_POWER)  # type: ignore[union-attr]
    return mass, shared


def time_penalty(a: StoryState, b: StoryState) -> float:
    gap = days_apart(a, b)
    if gap is None:
        return 0.0
    return W_TIME * (1.0 - math.exp(-gap / TIME_SCALE_DAYS))


def days_apart(a: StoryState, b: StoryState) -> int | None:
    """Days between the two published ranges (0 when they overlap), None if either is undated."""
    try:
        a0, a1 = _day(a.first_published), _day(a.last_published)
        b0, b1 = _day(b.first_published), _day(b.last_published)
    except ValueError:
        return None
    if None in (a0, a1, b0, b1):
        return None
    assert a0 and a1 and b0 and b1
    return max(0, (b0 - a1).days, (a0 - b1).days)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def pair_similarity(a: DocFeatures, b: DocFeatures, key_df: Mapping[str, int] | None = None,
                    n_docs: int = 0) -> float:
    """The same score between two articles; `key_df` (documents naming each key, out of
    `n_docs`) weights the names as story counts do in `decide`."""
    weights = idf(key_df or {}, n_docs) if key_df else {}
    return similarity(as_state(a), as_state(b), weights)


def decide(index: StoryIndex, f: DocFeatures, threshold: float | None = None) -> Decision:
    """The best live story for the article among those naming its keys and the most recently
    joined, or a new story when none reaches `threshold`. Other stories the article also
    reaches that (nearly) reach the best one too are the same story: they are merged into the
    oldest.
    `threshold` defaults to THRESHOLD as it is when called."""
    threshold = THRESHOLD if threshold is None else threshold
    named = index.key_story_counts(f.keys)
    rare = sorted((k for k in f.keys if named.get(k) and not is_word_key(k)),
                  key=lambda k: (named[k], k))
    ids = list(dict.fromkeys(index.key_candidates(rare[:RETRIEVAL_KEYS], CANDIDATES)
                             + index.recent_stories(RECENT)))
    states = index.story_states(ids)
    if not states:
        return Decision(None, 0.0)
    keys = _all_keys(f.keys, states)
    counts = index.key_story_counts(keys)
    weights = key_weights(keys, counts, index.story_count())
    me = as_state(f)
    scored = sorted(((similarity(me, s, weights) - size_cost(s), -s.id, s) for s in states),
                    key=lambda x: (x[0], x[1]), reverse=True)
    best_score, _, best = scored[0]
    if best_score < threshold:
        return Decision(None, best_score)
    near = threshold - MERGE_MARGIN
    rivals = [s for sc, _, s in scored[1:] if sc >= threshold]
    if rivals:  # `best` is scored as `a` now: its own words need weights too (rarely needed)
        words = [k for k in best.keys if is_word_key(k) and k not in weights]
        weights = {**weights, **key_weights(words, index.key_story_counts(words),
                                            index.story_count())}
    group = [best] + [s for s in rivals if similarity(best, s, weights) >= near]
    group.sort(key=lambda s: s.id)
    into = group[0]
    state = into
    for other in group[1:]:
        state = combine(state, other)
    return Decision(into.id, best_score, add_member(state, f),
                    tuple(s.id for s in group[1:]))


def size_cost(state: StoryState) -> float:
    """What joining a story of this size costs on top of the threshold: SIZE_COST × ln(size)."""
    return SIZE_COST * math.log(max(state.size, 1))


def _all_keys(keys: Iterable[str], states: Sequence[StoryState]) -> list[str]:
    """The keys `similarity(article, story)` weighs: all of the article's, and the name keys of
    the stories (`word_overlap` weighs only the article's words)."""
    out = dict.fromkeys(keys)
    for s in states:
        out.update(dict.fromkeys(k for k in s.keys if not is_word_key(k)))
    return list(out)
