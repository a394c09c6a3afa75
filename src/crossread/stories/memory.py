"""StoryIndex in memory, for batch runs, benchmarks and tests.

Every lookup the clusterer makes is served from a dictionary (band → articles, key → live
stories, a recency order), so one article costs about the same whether 10 or 10,000 are stored.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from crossread.model import Article, DocFeatures, Story, StoryArticle, StoryState


@dataclass
class _Story:
    id: int
    first_seen: str
    last_seen: str
    state: StoryState | None = None
    headline: str | None = None
    members: list[str] = field(default_factory=list)
    merged_into: int | None = None


class MemoryIndex:
    def __init__(self) -> None:
        self._articles: dict[str, StoryArticle] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._member_of: dict[str, int] = {}  # article → the story it joined (maybe merged since)
        self._bands: list[dict[int, list[str]]] = []
        self._stories: dict[int, _Story] = {}
        self._key_stories: dict[str, set[int]] = {}
        self._recent: OrderedDict[int, None] = OrderedDict()  # live stories, latest join last
        self.merges: list[tuple[int, int, str, str]] = []  # (from, into, reason, when)

    # --- reads -------------------------------------------------------------------------------

    def band_candidates(self, bands: Sequence[int], limit: int = 50) -> list[tuple[str, Any]]:
        shared: dict[str, int] = {}
        for i, h in enumerate(bands):
            if i < len(self._bands):
                for aid in self._bands[i].get(h, ()):
                    shared[aid] = shared.get(aid, 0) + 1
        ranked = sorted(shared.items(), key=lambda kv: -kv[1])[:limit]
        return [(aid, self._signatures[aid]) for aid, _ in ranked]

    def story_of(self, article_id: str) -> int | None:
        sid = self._member_of.get(article_id)
        return None if sid is None else self._live(sid)

    def key_candidates(self, keys: Sequence[str], limit: int = 50) -> list[int]:
        shared: dict[int, int] = {}
        for k in set(keys):
            for sid in self._key_stories.get(k, ()):
                shared[sid] = shared.get(sid, 0) + 1
        # among equals, the newer story first: it is the one still growing (nsmallest is
        # sorted(...)[:limit] without sorting every story that shares a common name)
        return heapq.nsmallest(limit, shared, key=lambda sid: (-shared[sid], -sid))

    def recent_stories(self, limit: int = 50) -> list[int]:
        out = []
        for sid in reversed(self._recent):
            if len(out) >= limit:
                break
            out.append(sid)
        return out

    def key_story_counts(self, keys: Sequence[str]) -> dict[str, int]:
        named = self._key_stories
        out = {}
        for k in keys:
            ids = named.get(k)
            if ids is not None:
                out[k] = len(ids)
        return out

    def story_count(self) -> int:
        return len(self._recent)

    def story_states(self, ids: Sequence[int]) -> list[StoryState]:
        out = []
        for sid in ids:
            s = self._stories.get(sid)
            if s is not None and s.merged_into is None and s.state is not None:
                out.append(s.state)
        return out

    def has_article(self, article_id: str) -> bool:
        return article_id in self._articles

    # --- writes ------------------------------------------------------------------------------

    def new_story(self, now: str) -> int:
        sid = len(self._stories) + 1
        self._stories[sid] = _Story(sid, now, now)
        self._recent[sid] = None
        return sid

    def add_article(self, article: Article, features: DocFeatures, story_id: int,
                    copy_of: str | None, now: str) -> None:
        self._articles[article.id] = StoryArticle(
            article.id, article.external_id, article.outlet, article.title, article.published,
            copy_of,
        )
        self._signatures[article.id] = np.asarray(features.signature)
        self._member_of[article.id] = story_id
        while len(self._bands) < len(features.bands):
            self._bands.append({})
        for i, h in enumerate(features.bands):
            self._bands[i].setdefault(h, []).append(article.id)
        story = self._stories[story_id]
        story.members.append(article.id)
        story.last_seen = now
        self._recent.move_to_end(story_id)

    def save_story_state(self, state: StoryState, headline: str | None) -> None:
        story = self._stories[state.id]
        old = story.state.keys if story.state else {}
        for k in old.keys() - state.keys.keys():
            self._key_stories[k].discard(state.id)
        for k in state.keys:
            self._key_stories.setdefault(k, set()).add(state.id)
        story.state = state
        if headline is not None:
            story.headline = headline

    def merge_stories(self, from_id: int, into_id: int, reason: str, now: str) -> None:
        src, dst = self._stories[from_id], self._stories[into_id]
        dst.members.extend(src.members)
        src.members = []
        src.merged_into = into_id
        dst.last_seen = max(dst.last_seen, src.last_seen)
        dst.first_seen = min(dst.first_seen, src.first_seen)
        if dst.headline is None:
            dst.headline = src.headline
        for k in src.state.keys if src.state else ():
            self._key_stories[k].discard(from_id)
        self._recent.pop(from_id, None)
        self.merges.append((from_id, into_id, reason, now))

    # --- results (not part of the protocol) --------------------------------------------------

    def _live(self, sid: int) -> int:
        while (nxt := self._stories[sid].merged_into) is not None:
            sid = nxt
        return sid

    def assignments(self) -> dict[str, int]:
        """Every stored article → its live story."""
        return {aid: self._live(sid) for aid, sid in self._member_of.items()}

    def stories(self) -> list[Story]:
        """Live stories, oldest first, members in the order they joined."""
        return [
            Story(s.id, s.headline, tuple(self._articles[a] for a in s.members), s.first_seen,
                  s.last_seen)
            for s in self._stories.values() if s.merged_into is None
        ]
