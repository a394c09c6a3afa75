"""MemoryIndex answers the StoryIndex protocol as the database must."""

from __future__ import annotations

import numpy as np

from crossread.model import Article, DocFeatures, StoryState
from crossread.stories.memory import MemoryIndex

NOW = "2026-03-01T12:00:00+00:00"


def _doc(aid: str, bands: tuple[int, ...],
         keys: tuple[str, ...] = ()) -> tuple[Article, DocFeatures]:
    sig = np.arange(8, dtype=np.uint64) + len(aid)
    return (Article(index=0, id=aid, text=aid, source=aid, title=aid.upper()),
            DocFeatures(aid, np.ones(4, dtype=np.float32) / 2, keys, None, sig, bands))


def _state(sid: int, keys: dict[str, int]) -> StoryState:
    return StoryState(sid, np.ones(4, dtype=np.float32), 1, keys)


def test_band_candidates_compare_band_by_band_most_shared_first() -> None:
    index = MemoryIndex()
    sid = index.new_story(NOW)
    index.add_article(*_doc("one", (1, 2, 3)), sid, None, NOW)
    index.add_article(*_doc("two", (1, 9, 9)), sid, None, NOW)
    index.add_article(*_doc("three", (3, 1, 2)), sid, None, NOW)
    got = index.band_candidates((1, 2, 7))
    assert [aid for aid, _ in got] == ["one", "two"]  # "three" has 1 and 2, in other bands
    assert np.array_equal(got[0][1], _doc("one", ())[1].signature)
    assert index.band_candidates((1, 2, 7), limit=1)[0][0] == "one"


def test_keys_counts_recency_and_merges() -> None:
    index = MemoryIndex()
    s1, s2, s3 = (index.new_story(NOW) for _ in range(3))
    index.save_story_state(_state(s1, {"paris": 1}), "Paris")
    index.save_story_state(_state(s2, {"paris": 2, "louvre": 1}), "Louvre")
    index.save_story_state(_state(s3, {"rome": 1}), "Rome")
    index.add_article(*_doc("a", ()), s1, None, NOW)
    index.add_article(*_doc("b", ()), s3, None, NOW)
    index.add_article(*_doc("c", ()), s2, None, "2026-03-02T00:00:00+00:00")
    assert index.key_candidates(["paris", "louvre"]) == [s2, s1]
    assert index.key_story_counts(["paris", "rome", "nowhere"]) == {"paris": 2, "rome": 1}
    assert index.recent_stories() == [s2, s3, s1]
    assert index.story_count() == 3

    index.merge_stories(s1, s2, "test", NOW)
    index.save_story_state(_state(s2, {"paris": 3, "louvre": 1}), None)
    assert index.story_of("a") == s2
    assert index.key_story_counts(["paris"]) == {"paris": 1}
    assert index.key_candidates(["paris"]) == [s2]
    assert s1 not in index.recent_stories() and index.story_count() == 2
    assert [s.id for s in index.story_states([s1, s2, 99])] == [s2]
    (louvre,) = [s for s in index.stories() if s.id == s2]
    assert louvre.headline == "Louvre" and [a.id for a in louvre.articles] == ["c", "a"]


def test_saving_a_state_drops_keys_the_story_no_longer_names() -> None:
    index = MemoryIndex()
    sid = index.new_story(NOW)
    index.save_story_state(_state(sid, {"paris": 1}), None)
    index.save_story_state(_state(sid, {"rome": 1}), None)
    assert index.key_candidates(["paris"]) == []
    assert index.key_candidates(["rome"]) == [sid]


def test_articles_and_copies_are_recorded() -> None:
    index = MemoryIndex()
    sid = index.new_story(NOW)
    assert not index.has_article("a") and index.story_of("a") is None
    index.add_article(*_doc("a", ()), sid, None, NOW)
    index.add_article(*_doc("b", ()), sid, "a", "2026-03-05T00:00:00+00:00")
    assert index.has_article("a") and index.story_of("b") == sid
    (story,) = index.stories()
    assert [(a.id, a.copy_of) for a in story.articles] == [("a", None), ("b", "a")]
    assert (story.first_seen, story.last_seen) == (NOW, "2026-03-05T00:00:00+00:00")
