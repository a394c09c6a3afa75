"""Which sentences may enter the summary, and the sentence score's shape."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from crossread.config import Config
from crossread.model import Sentence
from crossread.pipeline import analyse_texts, compare_articles
from crossread.summarise import (
    _CUT_AT_ABBREVIATION,
    DEFAULT,
    FEATURES,
    WEIGHTS,
    WORD_FEATURES,
    WORD_WEIGHTS,
    _Candidate,
    _candidates,
    _pick,
    _word_likelihood,
    features,
    select,
    word_features,
    written_words,
)

LEDE = "A crane collapsed at the Larkhaven harbour on Monday morning, injuring two dock workers."


def _texts(*sentences: str) -> list[str]:
    return [LEDE + " " + " ".join(sentences),
            "Two dock workers were injured when a crane collapsed at Larkhaven harbour on Monday."]


def _candidate_texts(*sentences: str) -> list[str]:
    brief = compare_articles(analyse_texts(_texts(*sentences), Config()), [])
    return [c.text for c in _candidates(brief.articles, DEFAULT)]


def test_reported_speech_is_a_candidate_but_an_unattributed_quotation_is_not():
    said = ("“The crane had passed its inspection only last month,” the port's harbour master "
            "told reporters at the gate.")
    bare = "“The crane had passed its inspection only last month and nobody saw this coming.”"
    got = _candidate_texts(said, bare)
    assert said in got
    assert bare not in got and not any("nobody saw" in t for t in got)


@pytest.mark.parametrize("dangling", [
    "But she said the harbour would reopen to ships within the next two days.",
    "And they said the harbour would reopen to ships within the next two days.",
])
def test_a_pronoun_after_a_connective_still_needs_its_antecedent(dangling):
    assert not any("harbour would reopen" in t for t in _candidate_texts(dangling))


def test_a_connective_before_a_name_is_trimmed():
    got = _candidate_texts("But Calloway said the harbour would reopen to ships within two days.")
    assert "Calloway said the harbour would reopen to ships within two days." in got


def test_a_dateline_dash_is_trimmed_like_a_connective():
    got = _candidate_texts("- Harbour master Calloway said the quay would reopen within two days.")
    assert "Harbour master Calloway said the quay would reopen within two days." in got


def test_a_dateline_is_trimmed():
    brief = compare_articles(analyse_texts([
        "LARKHAVEN, Norland (AP) — A crane collapsed at the harbour on Monday morning, injuring "
        "two dock workers.",
        "Two dock workers were injured when a crane collapsed at Larkhaven harbour on Monday.",
    ], Config()), [])
    (c,) = [c for c in _candidates(brief.articles, DEFAULT) if c.article == 0]
    assert c.text == ("A crane collapsed at the harbour on Monday morning, injuring two dock "
                      "workers.")
    assert brief.articles[0].text[c.start:c.sentence.end] == c.text


def test_a_written_interview_gives_its_answers_without_the_marker_and_not_its_questions():
    got = _candidate_texts(
        "Q. What happens to the harbour now?",
        "A. The port authority will keep the quay closed for two days while engineers inspect "
        "the cranes.",
        # a question put as a statement, as interviewers do: the writer's, not the account
        "Q. The union says the cranes were never safe in high winds and blames the port.",
        "A. Calloway declined to say whether anyone would be held responsible for the collapse.")
    assert ("The port authority will keep the quay closed for two days while engineers inspect "
            "the cranes.") in got
    assert "Calloway declined to say whether anyone would be held responsible for the collapse." \
        in got
    assert not any("union says" in t for t in got)


def test_a_teaser_cut_short_is_no_candidate():
    got = _candidate_texts("The report offers the first details of the collapse that injured "
                           "two workers and...")
    assert not any("first details" in t for t in got)


def test_a_sentence_cut_at_an_abbreviation_is_no_candidate():
    # the splitter cannot always tell "Ms." from a full stop (it cuts before "Pao’s"): such a
    # piece is not a sentence, and must not reach the summary
    brief = compare_articles(analyse_texts(_texts(
        "A jury at the end of March rejected all of Ms. Pao’s claims against the firm and its "
        "partners."), Config()), [])
    cut = [s.text for s in brief.articles[0].sentences if s.text.endswith("Ms.")]
    texts = [c.text for c in _candidates(brief.articles, DEFAULT)]
    assert not [t for t in texts if t in cut]
    assert _CUT_AT_ABBREVIATION.search("A jury rejected all of the claims made by Ms.")
    assert _CUT_AT_ABBREVIATION.search("The ship was sold by John F.")
    assert not _CUT_AT_ABBREVIATION.search(LEDE)
    assert not _CUT_AT_ABBREVIATION.search("The talks will resume in May in the U.S.")
    assert not _CUT_AT_ABBREVIATION.search("The firm is Acme Shipping Co.")  # may end a sentence


def test_one_weight_per_feature_and_scores_are_finite():
    assert len(WEIGHTS) == len(FEATURES) == len(DEFAULT.weights)
    brief = compare_articles(analyse_texts(_texts(
        "Calloway said the harbour would reopen to ships within the next two days."), Config()), [])
    cands = _candidates(brief.articles, DEFAULT)
    feats, vecs = features(brief, cands)
    assert feats.shape == (len(cands), len(FEATURES)) and vecs.shape[0] == len(cands)
    assert np.isfinite(feats @ np.asarray(WEIGHTS)).all()


def test_written_words_keep_case_and_punctuation_and_split_at_full_stops():
    assert written_words("He said, “We left.” U.S. officials agreed.") == [
        "He", "said,", "“We", "left", "”", "U", "S", "officials", "agreed"]


def test_word_features_one_row_per_distinct_written_word_and_likelihoods_in_range():
    assert len(WORD_WEIGHTS) == len(WORD_FEATURES) + 1 == len(DEFAULT.word_weights)
    brief = compare_articles(analyse_texts(_texts(
        "Calloway said the harbour would reopen to ships within the next two days."), Config()), [])
    cands = _candidates(brief.articles, DEFAULT)
    rows, uses = word_features(brief, cands)
    vocab = sorted(set().union(*(written_words(c.text) for c in cands)))
    assert rows.shape == (len(vocab), len(WORD_FEATURES)) and len(uses) == len(cands)
    assert [[vocab[k] for k in u] for u in uses] == [
        sorted(set(written_words(c.text))) for c in cands]
    likely = _word_likelihood(rows, WORD_WEIGHTS)
    assert ((likely > 0) & (likely < 1)).all()


def test_budget_is_filled_by_a_shorter_sentence_after_a_long_one_does_not_fit():
    brief = compare_articles(analyse_texts(_texts(
        "Calloway said the harbour would reopen to ships within the next two days.",
        "Engineers from the port authority will inspect the three remaining cranes on the quay "
        "this week before any of them is used again for loading container ships."), Config()), [])
    chosen = select(brief, words=30)
    assert sum(len(s.text.split()) for s in chosen) <= 30
    assert len(chosen) >= 2  # the lede (14 words) and the 13-word sentence, not the long one


def test_of_two_equal_sentences_the_one_adding_new_words_is_picked():
    texts = ["Police closed the harbour road on Monday after the crane fell.",
             "Police closed the harbour road on Monday after the crane collapsed.",
             "Two dock workers were taken to Larkhaven General with broken legs."]
    cands = [_Candidate(k, Sentence(0, t, 0, len(t)), 0, t) for k, t in enumerate(texts)]
    vocab = sorted(set().union(*(written_words(t) for t in texts)))
    uses = [np.array(sorted(vocab.index(w) for w in set(written_words(t)))) for t in texts]
    likely = np.full(len(vocab), 0.5)  # every word as likely as any other in a human summary
    base = np.array([1.0, 0.9, 0.9])  # the repeat scores as well as the new sentence
    vecs = np.eye(3)  # no redundancy penalty between them: only the words tell them apart
    params = dataclasses.replace(DEFAULT, redundancy=0.0)
    picked = _pick(cands, base, vecs, {}, 22, 2, params, (likely, uses))
    assert picked == [0, 2]
    no_cover = dataclasses.replace(params, coverage=0.0)
    assert _pick(cands, np.array([1.0, 0.91, 0.9]), vecs, {}, 22, 2, no_cover) == [0, 1]
