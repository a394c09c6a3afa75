"""What the clusterer needs to ask of wherever stories are kept.

Two implementations answer it: the database (`crossread.store`, a transaction) and the in-memory
index (`crossread.stories.memory`, for batch runs and benchmarks). The deciding code
(`crossread.stories.cluster`) is written once against this protocol, so a story found in a
benchmark is the story the database would have found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from crossread.model import Article, DocFeatures, StoryState


class StoryIndex(Protocol):
    def band_candidates(self, bands: Sequence[int], limit: int = 50) -> list[tuple[str, Any]]:
        """(article id, MinHash signature) of stored articles sharing at least one LSH band
        hash with `bands` (the i-th value is band i: the same hash in a different band does not
        count), most shared bands first, at most `limit`."""
        ...

    def story_of(self, article_id: str) -> int | None:
        """The live story an article belongs to (following merges), or None if unknown."""
        ...

    def key_candidates(self, keys: Sequence[str], limit: int = 50) -> list[int]:
        """Ids of live (not merged) stories naming at least one of `keys`, the ones sharing
        the most keys first, at most `limit`."""
        ...

    def recent_stories(self, limit: int = 50) -> list[int]:
        """Ids of the live stories most recently joined by an article, newest first."""
        ...

    def key_story_counts(self, keys: Sequence[str]) -> dict[str, int]:
        """For each key, how many live stories name it (absent keys may be left out)."""
        ...

    def story_count(self) -> int:
        """How many live stories there are."""
        ...

    def story_states(self, ids: Sequence[int]) -> list[StoryState]:
        """The states of these live stories (unknown ids are left out)."""
        ...

    # --- writes (the database does them inside the caller's transaction) ---------------------

    def has_article(self, article_id: str) -> bool:
        """True when this exact article (content hash) is already stored."""
        ...

    def new_story(self, now: str) -> int:
        """Create an empty live story (first_seen = last_seen = `now`, ISO UTC); its id."""
        ...

    def add_article(self, article: Article, features: DocFeatures, story_id: int,
                    copy_of: str | None, now: str) -> None:
        """Store the article (its raw text and metadata), its features (vector, keys,
        signature and band hashes) and its membership of `story_id`; `copy_of` names the
        stored article it is a near-identical copy of. Sets the story's last_seen to `now`."""
        ...

    def save_story_state(self, state: StoryState, headline: str | None) -> None:
        """Write the story's centroid, size, keys and published range (replacing the old)."""
        ...

    def merge_stories(self, from_id: int, into_id: int, reason: str, now: str) -> None:
        """Move every member of `from_id` to `into_id`, mark `from_id` merged into `into_id`
        and record the merge (both ids, `reason`, `now`). The caller then saves the merged
        state of `into_id` with `save_story_state`."""
        ...
