"""Whom a summary sentence's "He"/"She" or bare quotation refers to: only plain cases, shown in
brackets and cited to the name's span. Short reports we wrote."""

from __future__ import annotations

import pytest

from crossread.config import Config
from crossread.pipeline import analyse_texts, compare_articles
from crossread.referents import speaker_referent
from crossread.render.html import render_html
from crossread.render.markdown import render_markdown
from crossread.render.terminal import render_terminal
from crossread.summarise import DEFAULT, _candidates, select, shown, shown_text, summarise

LEDE = "A crane collapsed at the Larkhaven harbour on Monday morning, injuring two dock workers."
OTHER = "Two dock workers were injured when a crane collapsed at Larkhaven harbour on Monday."


def _brief(*sentences: str):
    return compare_articles(analyse_texts([LEDE + " " + " ".join(sentences), OTHER], Config()),
                            [])


def _shown(*sentences: str) -> dict[str, str]:
    """Candidate source text → the text a reader sees; every referent checked against its
    span in the article."""
    brief = _brief(*sentences)
    out = {}
    for c in _candidates(brief.articles, DEFAULT):
        if c.referent is not None:
            text = brief.articles[c.article].text
            assert text[c.referent.start:c.referent.end] == c.referent.text
        out[c.text] = shown_text(c.text, c.start, c.referent)
    return out


REOPEN = "He said the harbour would reopen to container ships within the next two days."


def test_an_opening_he_after_one_named_subject_is_shown_with_the_name():
    got = _shown("Harbour master Jan Kowalski inspected the quay on Monday afternoon.", REOPEN)
    assert got[REOPEN] == ("He [Jan Kowalski] said the harbour would reopen to container ships "
                           "within the next two days.")


@pytest.mark.parametrize("before", [
    "Jan Kowalski met Peter Lindqvist at the quay on Monday afternoon.",  # two people
    "Jan Kowalski's brother inspected the quay on Monday afternoon.",  # a possessive
    "Jan Kowalski and his brother inspected the quay on Monday afternoon.",  # a pair
    "Police said the man inspected the quay before Jan Kowalski arrived.",  # not the subject
    "The quay was inspected by engineers on Monday afternoon.",  # nobody
    # another clause before the name, and a "his" that is someone else
    "Work could resume within weeks, his deputy Jan Kowalski said on Monday.",
])
def test_an_opening_he_that_is_not_plain_keeps_the_sentence_out(before):
    assert REOPEN not in _shown(before, REOPEN)


def test_after_reported_speech_only_what_the_speaker_says_next_is_theirs():
    before = "Lieutenant Jan Kowalski said the suspect ran from the quay after the crash."
    ran = "He ran into a warehouse on the quay and hid on its roof for two hours."
    said = "He said the harbour would reopen to container ships within two days."
    got = _shown(before, ran)
    assert ran not in got  # the suspect, or the lieutenant: not plain
    assert _shown(before, said)[said].startswith("He [Jan Kowalski] said")


def test_a_rival_of_the_pronouns_sex_keeps_she_unresolved():
    shot = "She shot two people outside the warehouse and on the loading floor, police said."
    got = _shown("Sheriff Tom Gahler told reporters the woman arrived at work at her usual time.",
                 shot)
    assert shot not in got


def test_a_title_of_the_other_sex_keeps_the_pronoun_unresolved():
    got = _shown("Ms. Kowalski inspected the quay on Monday afternoon.", REOPEN)
    assert REOPEN not in got


def test_the_name_shown_is_the_full_name_the_article_introduced():
    got = _shown("The port is run by Jan Kowalski, its harbour master since 2019.",
                 "Kowalski inspected the quay on Monday afternoon.", REOPEN)
    assert got[REOPEN].startswith("He [Jan Kowalski] said")


def test_two_full_names_with_one_surname_leave_the_surname():
    got = _shown("Donald Trump and his wife Melania Trump visited the harbour on Monday.",
                 "President Trump inspected the quay on Monday afternoon.", REOPEN)
    assert got[REOPEN].startswith("He [Trump] said")


def test_a_quotation_that_goes_on_from_a_credited_one_is_shown_with_its_speaker():
    said = "“The crane had passed its inspection only last month,” said Ann Calloway."
    more = "“Nobody saw this coming, and we will find out why the crane fell on the quay.”"
    got = _shown(said, more)
    assert got[more] == "[Ann Calloway]: " + more
    assert got[said] == said  # credited in its own words: nothing to add


def test_the_speaker_is_shown_where_the_shown_text_starts():
    # a summary sentence may start past its source sentence's start (a trimmed "And"): the
    # speaker goes before what is shown, not at the source sentence's start
    brief = _brief("“The crane had passed its inspection only last month,” said Ann Calloway.",
                   "“We checked the crane twice this year. And Larkhaven deserves to know why "
                   "it fell on the quay that morning.”")
    a = brief.articles[0]
    s = a.sentences[-1]
    start = a.text.index("Larkhaven deserves")
    referent = speaker_referent(a, s, start)
    assert referent is not None and referent.at == start
    assert shown_text(a.text[start:s.end], start, referent) == (
        "[Ann Calloway]: Larkhaven deserves to know why it fell on the quay that morning.”")


def test_a_quotation_in_a_sentence_that_names_its_own_person_has_no_added_speaker():
    more = ("Jan Kowalski called it “the oldest, least safe and most badly kept machine "
            "anywhere on the whole Larkhaven quay.”")
    got = _shown("“The crane had passed its inspection only last month,” said Ann Calloway.",
                 more)
    assert not got.get(more, "").startswith("[")


def test_a_quotation_after_the_writers_own_sentence_has_no_speaker():
    more = "“Nobody saw this coming, and we will find out why the crane fell on the quay.”"
    got = _shown("“The crane had passed its inspection only last month,” said Ann Calloway.",
                 "The port employs four hundred people on the Larkhaven quay.", more)
    assert more not in got


def test_a_quotation_whose_credit_names_two_people_has_no_speaker():
    more = "“Nobody saw this coming, and we will find out why the crane fell on the quay.”"
    got = _shown("“The crane had passed its inspection,” said Ann Calloway, a colleague of "
                 "Peter Lindqvist.", more)
    assert more not in got


def test_he_said_after_a_quotation_is_shown_with_the_name():
    said = "“The crane had passed its inspection only last month,” he said on Monday."
    got = _shown("Harbour master Jan Kowalski inspected the quay on Monday afternoon.", said)
    assert got[said] == ("“The crane had passed its inspection only last month,” he "
                         "[Jan Kowalski] said on Monday.")


@pytest.mark.parametrize("before", [
    "Jan Kowalski met Peter Lindqvist at the quay on Monday afternoon.",  # two people
    "The quay was inspected by engineers on Monday afternoon.",  # nobody
])
@pytest.mark.parametrize("said", [
    "“The crane had passed its inspection only last month,” he said on Monday.",
    "“The crane had passed its inspection only last month,” she told reporters.",
    "“The crane had passed its inspection only last month,” they said.",
])
def test_a_quotation_credited_to_an_unplain_pronoun_stays_out(before, said):
    assert said not in _shown(before, said)


def test_a_pronoun_credit_beside_a_named_one_keeps_the_sentence():
    both = ("Harbour master Jan Kowalski said the quay was safe, and he said the crane had "
            "passed its inspection only last month.")
    assert both in _shown("Two dock workers were taken to the Larkhaven hospital.", both)


def test_the_summary_shows_the_name_and_keeps_the_source_span():
    brief = _brief("Harbour master Jan Kowalski inspected the quay on Monday afternoon.", REOPEN)
    summary = select(brief, words=200)
    (s,) = [s for s in summary if s.text == REOPEN]
    article = brief.articles[s.article].text
    assert article[s.start:s.end] == s.text  # the source words, verbatim
    assert s.referent is not None and s.referent.kind == "pronoun"
    assert article[s.referent.start:s.referent.end] == "Jan Kowalski"
    assert shown(s).startswith("He [Jan Kowalski] said")
    # the bracketed words count against the budget
    assert sum(len(shown(x).split()) for x in select(brief, words=30)) <= 30


def test_terminal_markdown_and_html_show_the_bracketed_name():
    brief = summarise(_brief("Harbour master Jan Kowalski inspected the quay on Monday.", REOPEN))
    assert any(s.referent for s in brief.summary)
    assert "He \\[Jan Kowalski\\] said the harbour" in render_markdown(brief)
    assert "He [Jan Kowalski] said the harbour" in render_terminal(brief, width=300)
    # the web page marks the added name and links it to the sentence where the report names
    # them (the second sentence of report 1)
    html = render_html(brief)
    assert ('He <a class="referent" href="#a1s2" title="where the same report names them">'
            '[Jan Kowalski]</a> said the harbour') in html
    assert 'id="a1s2"' in html


def test_a_possessor_before_the_name_is_left_out_and_the_span_still_matches():
    from crossread.model import Article, Entity, Sentence
    from crossread.referents import _referent

    text = "North Carolina’s Perdue toured the coast. She said the ferries were empty."
    name = "North Carolina’s Perdue"
    first = Sentence(0, text[:41], 0, 41, entities=(Entity(name, "PERSON", 0, len(name)),))
    second = Sentence(1, text[42:], 42, len(text))
    article = Article(index=0, id="", text=text, source="t", sentences=(first, second))
    r = _referent(article, 1, "pronoun", name, 0, at=45)
    assert r.text == "Perdue" and text[r.start:r.end] == "Perdue"
