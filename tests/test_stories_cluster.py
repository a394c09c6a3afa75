"""Corpus mode on short articles written for the tests: copies, stories, merges, stable ids."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from crossread.clean import clean
from crossread.ingest.identity import content_id
from crossread.model import LEXICAL_DIM, Article, DocFeatures
from crossread.stories import cluster
from crossread.stories.assign import assign, cluster_corpus
from crossread.stories.cluster import as_state, pair_similarity
from crossread.stories.dedupe import find_copy
from crossread.stories.features import (
    BANDS,
    NUM_PERM,
    body_text,
    features,
    is_non_article,
    is_word_key,
    name_keys,
    normalise_name,
    word_keys,
)
from crossread.stories.memory import MemoryIndex

NOW = "2026-03-01T12:00:00+00:00"

QUAKE = (
    "A magnitude 6.4 earthquake struck near the Turkish city of Malatya early on Tuesday, "
    "collapsing at least 40 buildings and killing 12 people, the disaster agency AFAD said. "
    "Rescue teams from Ankara and Istanbul worked through the night in freezing rain to reach "
    "families trapped under concrete slabs. Interior Minister Ali Yerlikaya said 300 people were "
    "injured and that aftershocks of up to magnitude 4.8 had rattled the province. Schools in "
    "Malatya will stay closed for a week while engineers inspect damaged buildings."
)
QUAKE_REWORDED = (
    "At least twelve people died when a strong earthquake hit Malatya province in eastern "
    "Turkey before dawn on Tuesday, AFAD, the country's disaster authority, reported. Dozens of "
    "buildings fell and rescuers sent from Istanbul and Ankara searched the rubble in cold rain "
    "for survivors. Yerlikaya, the interior minister, put the number of injured at 300 and "
    "warned residents to stay out of cracked homes as aftershocks continued."
)
ELECTION = (
    "Voters in Istanbul went to the polls on Sunday to choose a new mayor in a race seen as a "
    "test for the governing party, with turnout above 80 percent by mid-afternoon according to "
    "the election board. The opposition candidate promised cheaper public transport and new "
    "housing, while the ruling party's candidate campaigned on infrastructure projects. Results "
    "are expected late in the evening, and both campaigns said they would hold rallies in "
    "Ankara and Istanbul afterwards."
)
BRIDGE = (
    "Rescue workers who spent the week digging through the rubble in Malatya after the "
    "earthquake that killed twelve people were honoured in Ankara on Friday. AFAD said the "
    "magnitude 6.4 quake had damaged 40 buildings, and Interior Minister Ali Yerlikaya thanked "
    "the rescue teams from Istanbul who searched collapsed homes in freezing rain for survivors. "
    "Engineers are still inspecting schools in the province, which remain closed."
)


def art(text: str, title: str | None = None, published: str | None = None,
        outlet: str = "x") -> Article:
    full = f"{title}\n\n{text}" if title else text
    body_start = len(title) + 2 if title else 0
    return clean(Article(index=0, id=content_id(full), text=full, source=outlet, outlet=outlet,
                         title=title, raw_title=title, published=published,
                         body_start=body_start))


def feats(a: Article) -> DocFeatures:
    return features([a])[0]


def put(index: MemoryIndex, a: Article):
    return assign(index, a, feats(a), NOW)


# --- features -------------------------------------------------------------------------------

def test_features_are_deterministic_and_shaped() -> None:
    a = art(QUAKE, "Quake kills 12 in Malatya", "2026-02-03")
    f1, f2 = feats(a), features([a])[0]
    assert f1.signature.dtype == np.uint64 and f1.signature.shape == (NUM_PERM,)
    assert np.array_equal(f1.signature, f2.signature) and f1.bands == f2.bands
    assert len(f1.bands) == BANDS and all(-2**63 <= b < 2**63 for b in f1.bands)
    assert abs(float(np.linalg.norm(f1.vector)) - 1.0) < 1e-5
    assert list(f1.keys) == sorted(set(f1.keys))
    assert {"malatya", "ali yerlikaya", "afad"} <= set(f1.keys)
    # the title is not part of the name (the word "minister" alone may be a content-word key)
    assert not any("minister" in k.split() and len(k.split()) > 1 for k in f1.keys)
    assert f1.published == "2026-02-03"
    assert f1.lexical.shape == (LEXICAL_DIM,) and np.array_equal(f1.lexical, f2.lexical)
    assert abs(float(np.linalg.norm(f1.lexical)) - 1.0) < 1e-5


def test_the_word_vector_tells_one_event_from_another_of_its_topic() -> None:
    # two reports of the quake share telling words ("Malatya", "aftershocks", "AFAD"); the
    # election report shares the cities and plain words only, which weigh little
    quake, reworded, election = (as_state(feats(art(t))) for t in (QUAKE, QUAKE_REWORDED,
                                                                    ELECTION))
    same = cluster.lexical_closeness(quake, reworded)
    assert same > 2 * cluster.lexical_closeness(quake, election)
    assert cluster.lexical_closeness(quake, quake) == pytest.approx(1.0)
    # a story indexed before word vectors existed has none: the term is neutral, not an error
    old = dataclasses.replace(reworded, lexical=None)
    assert cluster.lexical_closeness(quake, old) == 0.0
    assert cluster.combine(quake, old).lexical is None
    both = cluster.combine(quake, reworded)
    assert np.allclose(both.lexical, quake.lexical + reworded.lexical)
    assert cluster.lexical_closeness(both, quake) > same


@pytest.mark.parametrize("variant", ["Kim Jong-un", "Kim Jong Un", "KIM JONG UN",
                                     "Kim Jong Un's", "Kim Jong-un’s"])
def test_name_variants_share_one_key(variant: str) -> None:
    assert normalise_name(variant) == "kim jong un"


def test_a_word_capitalised_by_position_is_not_a_name() -> None:
    a = art("Police said the march was peaceful. The police then left the square near the "
            "Brandenburg Gate, where Angela Merkel had spoken.")
    keys = set(name_keys(a.title or "", body_text(a)))
    assert "police" not in keys
    assert {"brandenburg gate", "angela merkel"} <= keys


def test_a_contracted_stop_word_is_not_a_name() -> None:
    a = art("That’s what NASA said. It's the first probe to touch the Sun. That's why Eugene "
            "Parker's team cheered.")
    keys = set(name_keys(a.title or "", body_text(a)))
    assert not keys & {"that", "it", "that s", "it s"}
    assert {"nasa", "eugene parker"} <= keys


def test_each_word_of_a_longer_name_is_a_key_too() -> None:
    # one report names the full title, another only part of it
    a = art("The Academy of Motion Picture Arts and Sciences met. Sen. Elizabeth Warren spoke.")
    b = art("The Academy of Motion Pictures Arts said so. Warren did not comment.")
    ka = set(name_keys(a.title or "", body_text(a)))
    kb = set(name_keys(b.title or "", body_text(b)))
    assert {"academy of motion picture arts", "elizabeth warren", "warren", "motion",
            "academy"} <= ka
    assert {"warren", "academy", "motion", "arts"} <= ka & kb
    assert not ka & {"the", "of"}


# --- copies ---------------------------------------------------------------------------------

def test_a_syndicated_copy_with_another_headline_and_footer_is_a_copy() -> None:
    index = MemoryIndex()
    original = art(QUAKE, "Earthquake in Turkey kills 12", outlet="wire")
    first = put(index, original)
    copy = art(QUAKE + "\n\nThis story was provided by our news partners. Follow us on "
               "Twitter for updates.", "Twelve dead as quake hits Malatya", outlet="local")
    assert find_copy(index, feats(copy)) == original.id
    out = put(index, copy)
    assert out.action == "copy" and out.copy_of == original.id and out.story_id == first.story_id
    # a copy is not another outlet's account: the story state is untouched
    (state,) = index.story_states([first.story_id])
    assert state.size == 1


def test_a_reworded_report_is_not_a_copy() -> None:
    index = MemoryIndex()
    put(index, art(QUAKE))
    assert find_copy(index, feats(art(QUAKE_REWORDED))) is None


def test_short_texts_are_never_copies() -> None:
    index = MemoryIndex()
    put(index, art("Storm warning for Friday."))
    f = feats(art("Storm warning for Friday!"))
    assert f.bands == () and find_copy(index, f) is None


# --- the similarity ---------------------------------------------------------------------------

def test_same_event_differently_worded_joins() -> None:
    index = MemoryIndex()
    first = put(index, art(QUAKE, "Quake kills 12 in Turkey"))
    second = put(index, art(QUAKE_REWORDED, "Twelve die in Malatya earthquake"))
    assert first.action == "created"
    assert second.action == "joined" and second.story_id == first.story_id


def test_different_events_sharing_common_names_stay_apart() -> None:
    index = MemoryIndex()
    quake = put(index, art(QUAKE, "Quake kills 12 in Turkey"))
    vote = put(index, art(ELECTION, "Istanbul votes for a new mayor"))
    assert vote.action == "created" and vote.story_id != quake.story_id


def test_dates_far_apart_lower_the_score_and_unknown_dates_are_neutral() -> None:
    a = feats(art(QUAKE, published="2026-02-03"))
    near = feats(art(QUAKE_REWORDED, published="2026-02-04"))
    far = dataclasses.replace(near, published="2026-05-20")
    undated = dataclasses.replace(near, published=None)
    same_day = dataclasses.replace(near, published="2026-02-03")
    assert pair_similarity(a, far) < pair_similarity(a, near) - 0.1
    assert pair_similarity(a, undated) == pytest.approx(pair_similarity(a, same_day))


def test_pair_similarity_is_the_story_score_of_a_story_of_one() -> None:
    a, b = feats(art(QUAKE)), feats(art(QUAKE_REWORDED))
    assert pair_similarity(a, b) == pytest.approx(
        cluster.similarity(as_state(a), as_state(b), {}))
    assert pair_similarity(a, b) == pytest.approx(pair_similarity(b, a))


# --- merges, ids, idempotence -------------------------------------------------------------------

def test_a_bridging_article_merges_two_stories() -> None:
    # Vectors placed by hand: two reports just under the threshold apart, and a third between
    # them, close to both. All three use the one content word (worth W_WORDS); names and copies
    # play no part (no name keys, no bands).
    t = cluster.THRESHOLD - cluster.W_WORDS
    angle = np.arccos(t - cluster.MERGE_MARGIN / 2)
    a = _synthetic("a", np.array([1.0, 0.0]), ("~rubble",))
    b = _synthetic("b", np.array([np.cos(angle), np.sin(angle)]), ("~rubble",))
    bridge = _synthetic("bridge", np.array([np.cos(angle / 2), np.sin(angle / 2)]), ("~rubble",))
    index = MemoryIndex()
    s1 = assign(index, *a, NOW)
    s2 = assign(index, *b, NOW)
    assert s2.action == "created" and s1.story_id != s2.story_id
    out = assign(index, *bridge, NOW)
    assert out.action == "joined" and out.story_id == s1.story_id and out.merged == (s2.story_id,)
    assert index.story_of("b") == s1.story_id
    (state,) = index.story_states([s1.story_id])
    assert state.size == 3
    assert index.story_states([s2.story_id]) == []
    assert index.story_count() == 1
    assert index.merges[0][:2] == (s2.story_id, s1.story_id)


def _synthetic(name: str, xy: np.ndarray,
               keys: tuple[str, ...] = ()) -> tuple[Article, DocFeatures]:
    vec = np.zeros(8, dtype=np.float32)
    vec[:2] = xy
    sig = np.random.default_rng(len(name)).integers(0, 2**32, NUM_PERM, dtype=np.uint64)
    a = Article(index=0, id=name, text=name, source=name, title=name)
    return a, DocFeatures(name, vec, keys, None, sig, ())


def test_story_ids_are_stable_as_articles_arrive() -> None:
    index = MemoryIndex()
    quake = put(index, art(QUAKE, "Quake kills 12 in Turkey"))
    vote = put(index, art(ELECTION, "Istanbul votes for a new mayor"))
    later = put(index, art(QUAKE_REWORDED, "Twelve die in Malatya earthquake"))
    assert later.story_id == quake.story_id
    assert index.story_of(art(ELECTION, "Istanbul votes for a new mayor").id) == vote.story_id
    assert [s.id for s in index.stories()] == [quake.story_id, vote.story_id]


def test_assign_is_a_no_op_for_a_stored_article() -> None:
    index = MemoryIndex()
    a = art(QUAKE, "Quake kills 12 in Turkey")
    first = put(index, a)
    before = (index.story_states([first.story_id]), index.stories(), index.story_count())
    again = put(index, a)
    assert again.skipped and not (again.created or again.joined or again.copy)
    assert again.story_id == first.story_id
    after = (index.story_states([first.story_id]), index.stories(), index.story_count())
    assert repr(before) == repr(after)


def test_cluster_corpus_is_deterministic_and_dated_order() -> None:
    arts = [art(ELECTION, "Istanbul votes", "2026-02-05"), art(QUAKE, "Quake", "2026-02-03"),
            art(QUAKE_REWORDED, "Malatya quake", "2026-02-04")]
    index, outcomes = cluster_corpus(arts, now=NOW)
    # the earliest report opens story 1 even though it came second
    assert [o.story_id for o in outcomes] == [2, 1, 1]
    again, _ = cluster_corpus(arts, now=NOW)
    assert again.assignments() == index.assignments()


# --- pages that are not articles ------------------------------------------------------------

WIDGET = ("When you tweet with a location, the service stores that location. You can switch "
          "location on/off before each Tweet and always have the option to delete your location "
          "history. Learn more")
NOT_FOUND = ("Sorry, the page you requested was not found. Please check the URL or go to our "
             "homepage. You can also search the site or browse the links in the menu.")
SHARE_FORM = ("Thank you for your interest in spreading the word. NOTE: We only request your "
              "email address so that the person you are recommending the page to knows that you "
              "wanted them to see it. We do not capture any email address.")
# Short real briefs, some about the web itself: they report, so they stay articles.
TECH_BRIEF = ("Twitter will let users add a precise location to their tweets from next month, "
              "the company said on Tuesday, after a test in Brazil. Users can delete the location "
              "history of past tweets at any time, a spokeswoman said.")
SHORT_BRIEF = ("A fire at a chemical plant in Ludwigshafen forced the evacuation of 200 homes on "
               "Sunday, BASF said. No one was injured.")


@pytest.mark.parametrize("text", [WIDGET, NOT_FOUND, SHARE_FORM])
def test_page_furniture_is_not_an_article(text: str) -> None:
    assert is_non_article("", text)
    f = feats(art(text, "Add a location"))
    assert f.keys == () and f.bands == () and not np.any(f.vector)


def test_a_page_the_cleaner_empties_is_not_an_article() -> None:
    notice = ("Starting in 1996, Alexa Internet has been donating their crawl data to the "
              "Internet Archive. Flowing in every day, these data are added to the Wayback "
              "Machine after an embargo period.")
    assert is_non_article("", "")
    f = feats(art(notice))
    assert f.keys == () and f.bands == () and not np.any(f.vector)


@pytest.mark.parametrize("text", [TECH_BRIEF, SHORT_BRIEF, QUAKE, ELECTION])
def test_real_reports_are_articles_however_short(text: str) -> None:
    assert not is_non_article("", text)
    f = feats(art(text))
    assert f.keys and abs(float(np.linalg.norm(f.vector)) - 1.0) < 1e-5


def test_furniture_starts_its_own_story_and_attracts_nothing() -> None:
    index = MemoryIndex()
    quake = put(index, art(QUAKE, "Quake kills 12 in Turkey"))
    widget = put(index, art(WIDGET, "Add a location to your Tweets"))
    assert widget.created and widget.story_id != quake.story_id
    # the same furniture scraped for another story is no copy of the first, nor joins it
    again = put(index, art(WIDGET + " ", "Add a location to your Tweet"))
    assert again.created and again.story_id not in (widget.story_id, quake.story_id)
    later = put(index, art(QUAKE_REWORDED, "Twelve die in Malatya earthquake"))
    assert later.story_id == quake.story_id


def test_short_briefs_of_one_event_still_cluster() -> None:
    index = MemoryIndex()
    first = put(index, art(SHORT_BRIEF, "Chemical plant fire in Ludwigshafen"))
    second = put(index, art(
        "BASF said a blaze at its Ludwigshafen chemical plant on Sunday led to 200 homes being "
        "evacuated. The fire was put out and no one was injured.", "BASF fire forces evacuation"))
    assert second.joined and second.story_id == first.story_id


# --- content-word keys and the member-level closeness -------------------------------------------

def test_word_keys_are_content_words_with_plurals_folded(monkeypatch) -> None:
    from crossread.stories import features as feature_module

    monkeypatch.setattr(feature_module, "WORD_KEYS", 40)
    keys = word_keys("Quake kills 12", "The earthquakes collapsed buildings; said officials. "
                     "Buildings fell.")
    assert {"~quake", "~kill", "~earthquake", "~building"} <= set(keys)
    assert not {"~said", "~the", "~12"} & set(keys)
    assert keys[0] == "~building"  # the most frequent first


def test_word_keys_are_on_and_never_meet_a_name() -> None:
    # "Parker" the name and "parker" the word are different keys: each kind is scored apart
    f = feats(art("Parker said the probe will pass the corona. The probe launches in July.",
                  "Parker probe"))
    words = [k for k in f.keys if is_word_key(k)]
    assert "~probe" in words and "parker" in f.keys and "~parker" in f.keys
    assert not any(is_word_key(k) for k in name_keys("Parker probe", f"{QUAKE} Parker"))


def test_an_article_joins_the_story_that_uses_its_words() -> None:
    # Two reports on one broad topic (a Sun probe, a ninth planet) whose vectors are as close as
    # such reports' are (cosine 0.8) and who share no name: closeness alone would join them.
    # Their words keep them apart; a third report between the two goes with the one whose
    # words it uses, and one that uses neither's starts a story of its own.
    angle = np.arccos(0.8)
    sun = ("parker", "~spacecraft", "~corona", "~heat", "~shield")
    planet = ("brown", "~orbit", "~neptune", "~astronomer", "~pluto")
    between = np.array([np.cos(angle / 2), np.sin(angle / 2)])
    index = MemoryIndex()
    first = assign(index, *_synthetic("sun", np.array([1.0, 0.0]), sun), NOW)
    second = assign(index, *_synthetic("planet", np.array([np.cos(angle), np.sin(angle)]),
                                       planet), NOW)
    assert second.created
    joins = assign(index, *_synthetic("sun again", between, (*sun[1:4], "~launch")), NOW)
    assert joins.joined and joins.story_id == first.story_id and not joins.merged
    other = assign(index, *_synthetic("comet", between, ("~comet", "~tail", "~ice")), NOW)
    assert other.created


def test_a_drifted_story_counts_less_than_a_coherent_one() -> None:
    # Two stories of two members each whose centroids point exactly at the article (centroid
    # cosine 1 for both): the story whose members are close to it is the closer one.
    x = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    coherent = [np.array([0.8, 0.6, 0.0]), np.array([0.8, -0.6, 0.0])]
    drifted = [np.array([0.2, 0.98, 0.0]), np.array([0.2, -0.98, 0.0])]
    drifted = [v / np.linalg.norm(v) for v in drifted]

    def story(vs):
        return cluster.StoryState(1, np.sum(vs, axis=0).astype(np.float32), len(vs), {})

    me = cluster.StoryState(0, x, 1, {})
    tight, loose = story(coherent), story(drifted)
    mean_tight = float(np.mean([x @ v for v in coherent]))
    mean_loose = float(np.mean([x @ v for v in drifted]))
    assert mean_tight > mean_loose
    assert cluster.closeness(me, tight) > cluster.closeness(me, loose)
    # single articles: plain cosine whatever MEMBER_WEIGHT is
    one = cluster.StoryState(2, coherent[0].astype(np.float32), 1, {})
    assert cluster.closeness(me, one) == pytest.approx(0.8)
