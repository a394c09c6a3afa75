"""Put one article into its story: the single write sequence every index goes through.

Only StoryIndex methods are used, so the database runs exactly this inside one transaction and
the in-memory index runs it for benchmarks: a story found in one is the story found in the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from crossread.clean import clean
from crossread.model import Article, DocFeatures
from crossread.stories.cluster import as_state, decide
from crossread.stories.dedupe import find_copy
from crossread.stories.features import features
from crossread.stories.index import StoryIndex
from crossread.stories.memory import MemoryIndex

MERGE_REASON = "an article matched both stories and the stories matched each other"


@dataclass(frozen=True)
class Outcome:
    story_id: int | None  # None only for a skipped article the index has no story for
    action: str  # "created", "joined", "copy" or "skipped"
    copy_of: str | None = None
    merged: tuple[int, ...] = ()  # stories merged into `story_id` by this article
    score: float = 0.0  # similarity to the best story found (below the threshold if created)

    @property
    def created(self) -> bool:
        return self.action == "created"

    @property
    def joined(self) -> bool:
        return self.action == "joined"

    @property
    def copy(self) -> bool:
        return self.action == "copy"

    @property
    def skipped(self) -> bool:
        return self.action == "skipped"


def assign(index: StoryIndex, article: Article, f: DocFeatures, now: str) -> Outcome:
    """Store `article` (with features `f`) in its story; `now` is the ISO UTC ingest time."""
    if index.has_article(article.id):
        return Outcome(index.story_of(article.id), "skipped")
    original = find_copy(index, f)
    story = index.story_of(original) if original else None
    if original and story is not None:
        # A copy is one more place the same text appeared, not another outlet's account: it
        # must not pull the centroid or count its names twice.
        index.add_article(article, f, story, original, now)
        return Outcome(story, "copy", copy_of=original)
    d = decide(index, f)
    if d.story_id is None or d.state is None:
        sid = index.new_story(now)
        index.add_article(article, f, sid, None, now)
        index.save_story_state(as_state(f, sid), article.title)
        return Outcome(sid, "created", score=d.score)
    index.add_article(article, f, d.story_id, None, now)
    for other in d.merges:
        index.merge_stories(other, d.story_id, MERGE_REASON, now)
    # The protocol cannot read a story's headline back, so a story shows its latest titled
    # member's headline; an untitled article passes None, which both indexes read as "keep".
    index.save_story_state(d.state, article.title)
    return Outcome(d.story_id, "joined", merged=d.merges, score=d.score)


def cluster_corpus(articles: Sequence[Article], now: str | None = None,
                   index: MemoryIndex | None = None) -> tuple[MemoryIndex, list[Outcome]]:
    """Cluster a whole corpus in memory: raw articles are cleaned, then assigned ordered by
    published date (undated last) and input order, so the same corpus gives the same stories.
    Outcomes are in input order."""
    index = index or MemoryIndex()
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    cleaned = [clean(a) for a in articles]
    feats = features(cleaned)
    order = sorted(range(len(cleaned)),
                   key=lambda i: (cleaned[i].published is None, cleaned[i].published or "", i))
    outcomes: dict[int, Outcome] = {}
    for i in order:
        outcomes[i] = assign(index, cleaned[i], feats[i], now)
    return index, [outcomes[i] for i in range(len(cleaned))]
