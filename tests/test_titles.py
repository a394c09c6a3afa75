"""Titles: a sentence's main statement, cut on its parse, in its own words."""

from __future__ import annotations

import pytest

from crossread.titles import headline


@pytest.mark.parametrize("sentence, title", [
    # a phrase before the subject goes, not the statement after it
    ("At his desk at the weather office in Slidell, outside New Orleans, meteorologist Robert "
     "Ricks knew he had a job to do.",
     "Meteorologist Robert Ricks knew he had a job to do"),
    # an apposition and a subordinate clause go
    ("Silva, a musician in the band the Eeries, was arrested Friday after police found him at "
     "a motel.", "Silva was arrested Friday"),
    # "X said Y" is Y; a second clause goes
    ("The LAPD early Monday declared an unlawful assembly on the streets surrounding City Hall "
     "and began arresting protesters, police said.",
     "The LAPD early Monday declared an unlawful assembly on the streets surrounding City Hall"),
    # datelines go, with or without a state and an agency
    ("CAIRO — The European Union's top diplomat met with Mohammed Morsi late Monday night in "
     "what officials called a frank exchange.",
     "The European Union's top diplomat met with Mohammed Morsi late Monday night"),
    ("KUALA LUMPUR, Malaysia (AP) — The banned chemical weapon VX nerve agent was used to kill "
     "Kim Jong Nam, police said.",
     "The banned chemical weapon VX nerve agent was used to kill Kim Jong Nam"),
    # too long: the trailing phrase goes whole, not leaving "for some"
    ("President Obama on Tuesday signed a bill authorizing a prestigious award for some of the "
     "Navajo code talkers who served in the Second World War.",
     "President Obama on Tuesday signed a bill authorizing a prestigious award"),
    ("Ten volunteer firefighters were arrested Tuesday, according to the Robeson County "
     "Sheriff's Office.", "Ten volunteer firefighters were arrested Tuesday"),
    # a second verb sharing the subject is more of the same statement: it stays, and what
    # hangs on it is trimmed while the title is long
    ("A North Korean soldier was shot and wounded by his own troops as he defected across the "
     "demilitarized zone into South Korea on Monday.",
     "A North Korean soldier was shot and wounded by his own troops"),
    ("Police arrested the man on Friday and charged him with murder, the sheriff said.",
     "Police arrested the man on Friday and charged him with murder"),
    # but not one of a list of three, nor one hung on a copula
    ("Under the settlement, the firm will take steps to ensure compliance with the rules, "
     "address hazards at older homes, and educate the public.",
     "The firm will take steps"),
    ("New York Mayor Michael Bloomberg said on Sunday that President Barack Obama is a "
     "formidable candidate for reelection and praised Rick Perry for his record.",
     "President Barack Obama is a formidable candidate for reelection"),
])
def test_the_main_statement_in_the_sources_words(sentence, title):
    assert headline(sentence) == title
    # every word is the source's, in its order
    words = sentence.split()
    at = 0
    for w in title.split():
        w = w.strip(",.").lower()
        while w not in words[at].lower():
            at += 1
        at += 1


@pytest.mark.parametrize("sentence", [
    "He was arrested on Friday at a motel in Texas.",  # whose arrest?
    '"Yes, it is embarrassing," the mayor said.',  # a quotation, not a statement of fact
    "Q. Senate Democrats say they will reject any changes to the health law.",  # interview
    "We were told the plant would close by the end of the year.",  # the first person
    # all in parentheses: an aside (this once left nothing to keep, and crashed)
    "(The company did not respond to a request for comment on Monday.)",
    # cutting the complement would leave "A new study suggests"
    "A new study suggests that rapidly losing and regaining weight may harm people who already "
    "have heart disease, according to researchers in New York.",
])
def test_no_title_from_a_sentence_that_cannot_stand_as_one(sentence):
    assert headline(sentence) is None
