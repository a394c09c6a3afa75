"""Attribution, hedges, quotes and editorial signals."""

from __future__ import annotations

import pytest

from helpers import article, sentence


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("He was shot in the elbow, according to Business Insider.", "Business Insider",
     "according to"),
    ("According to CBS News, he was hit five times.", "CBS News", "according to"),
    ("South Korean officials claim the man was shot twice.", "South Korean officials", "claim"),
    ("Fox News reported officials are prepared for retaliation.", "Fox News", "reported"),
    ('"We had to crawl," the official added.', "the official", "added"),
    ('"No," the South Korean Ministry of Defense official told the media.',
     "the South Korean Ministry of Defense official", "told"),
    ("The port will close, harbour master Ines Calloway said.", "Ines Calloway", "said"),
    ("A military official named Suh Uk reportedly told lawmakers Tuesday.", "Suh Uk", "told"),
    ("As noted by Vice News, families are threatened.", "Vice News", "as noted by"),
    ("The crane fell, according to a company spokesperson.", "a company spokesperson",
     "according to"),
])
def test_attribution(text, source, cue):
    attrs = sentence(text).attribution
    assert any(a.source == source and a.cue == cue for a in attrs), attrs


def test_no_attribution_from_sentence_openers_or_objects():
    assert sentence("An estimated 30,000 people have fled since the war.").attribution == ()
    s = sentence("The doctor who spoke with CBS added that he may survive.")
    assert all(a.source != "CBS" for a in s.attribution)


def test_hedges():
    s = sentence("He reportedly bolted from a guard post and allegedly fled south.")
    assert [h.text for h in s.hedges] == ["reportedly", "allegedly"]
    s = sentence("It was not immediately clear if he was hit once or twice.")
    assert s.hedges[0].text == "It was not immediately clear"


def test_quotes_span_sentences_in_a_block():
    art = article("Title line\n\n“We are done,” she said. “It is over.” Then she left.\n\n"
                  "“This quote runs on\n\nLater text")
    first, second, third, fourth, fifth = art.sentences
    assert first.quotes[0].text == "We are done,"
    assert second.quotes[0].text == "It is over."
    assert third.quotes == ()
    # an unclosed quote runs to the end of its paragraph, not beyond
    assert fourth.quotes[0].text == "This quote runs on" and fifth.quotes == ()


def test_first_person_only_in_the_writers_voice():
    s = sentence("As for the soldier, I sincerely hope he has no family left there.")
    kinds = {(g.kind, g.text) for g in s.signals}
    assert ("first_person", "I") in kinds and ("speculation", "I sincerely hope") in kinds
    s = sentence('"We had to crawl toward there to get him out," the official added.')
    assert not any(g.kind == "first_person" for g in s.signals)


def test_us_the_country_is_not_first_person():
    s = sentence("The US and the U.S. Senate agreed.")
    assert not any(g.kind == "first_person" for g in s.signals)


def test_loaded_and_evaluative_words():
    s = sentence("He rather dramatically escaped Kim's tyrannical rule.")
    got = {(g.kind, g.text) for g in s.signals}
    assert ("evaluative", "rather dramatically") in got and ("loaded", "tyrannical") in got
    assert sentence("Border guards mercilessly shot them.").signals[0].text == "mercilessly"
    s = sentence("Hackers stole an astounding number of consumer profiles.")
    assert ("evaluative", "astounding") in {(g.kind, g.text) for g in s.signals}


def test_speculation_needs_the_writers_own_voice():
    s = sentence("South Korea may have viewed him as a threat.")
    assert any(g.kind == "speculation" and g.text == "may have" for g in s.signals)
    s = sentence("Officials said South Korea may have viewed him as a threat.")
    assert not any(g.kind == "speculation" for g in s.signals)


def test_a_counterfactual_in_the_writers_voice_is_speculation():
    s = sentence("To be clear, had the soldier not made it into South Korea, he’d already be "
                 "dead by now.")
    got = {(g.kind, g.text) for g in s.signals}
    assert ("evaluative", "To be clear") in got
    assert ("speculation", "had the soldier not made it into South Korea, he’d") in got
    for plain in ("He had not eaten for days and would not speak.",
                  "The company had not said whether it would appeal.",
                  "Had the dam not held, the town would have flooded, officials said."):
        assert not any(g.kind == "speculation" for g in sentence(plain).signals), plain


def test_calls_to_action_and_questions():
    s = sentence("What do you think about this?")
    kinds = {g.kind for g in s.signals}
    assert {"call_to_action", "question"} <= kinds
    s = sentence('"Is this the end?" she asked.')
    assert not any(g.kind == "question" for g in s.signals)


def test_a_question_runs_from_the_end_of_the_statement_before_it():
    from crossread.analyse.markers import signals

    text = "The port closed. Who will pay for it? Nobody knows! Why now?"
    found = [g.text for g in signals(text, 0, [], attributed=False) if g.kind == "question"]
    assert found == ["Who will pay for it?", "Why now?"]
    # a page of words without one end mark (a scraped list, a broken feed) is read in one
    # pass: the question search once went back over the whole run from every character
    run = "word " * 40_000 + "why?"
    (q,) = [g for g in signals(run, 0, [], attributed=False) if g.kind == "question"]
    assert (q.start, q.end) == (0, len(run))


def test_neutral_sentence_has_no_signals():
    s = sentence("The crane fell onto an empty berth at about 3:40 p.m. on Tuesday.")
    assert s.signals == ()
