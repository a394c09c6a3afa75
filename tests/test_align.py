"""Align: clauses, and the grouping of clauses from different reports into facts."""

from __future__ import annotations

import dataclasses

import pytest

from crossread.align import align, clauses
from helpers import article, sentence


def pieces(text: str) -> list[str]:
    s = sentence(text)
    return [text[a - s.start:b - s.start] for a, b in clauses(s)]


@pytest.mark.parametrize("text, expected", [
    ("About 30,000 people have fled since the war, but most people fleeing the country flee "
     "through China.",
     ["About 30,000 people have fled since the war",
      "most people fleeing the country flee through China."]),
    ("Most defectors are smuggled through China, where they face the risk of being caught.",
     ["Most defectors are smuggled through China",
      "they face the risk of being caught."]),
    ("The crane collapsed at the harbour on Monday, and the port stayed closed all week.",
     ["The crane collapsed at the harbour on Monday", "the port stayed closed all week."]),
    ("Officials said the driver was badly hurt and was taken to a hospital in the city.",
     ["Officials said the driver was badly hurt", "was taken to a hospital in the city."]),
    ("The storm may have weakened overnight, and, as forecasters said, the coast was spared "
     "the worst.",
     ["The storm may have weakened overnight", "as forecasters said, the coast was spared the "
      "worst."]),
])
def test_a_sentence_joining_two_statements_is_two_clauses(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize("text", [
    "He drove to Paris, where he met her.",  # a piece under five words stays with its neighbour
    "“We crossed the river, where the guards could not see us,” he told reporters on Monday.",
    "They visited the town where he was born and the farm he grew up on.",  # no comma: one clause
    "The mayor visited the flooded streets and the shelters in the old town.",  # no verb after
])
def test_clauses_that_stay_whole(text):
    assert len(pieces(text)) == 1


def test_a_guess_takes_only_its_own_clause_out_of_the_facts():
    # "may have" makes the first clause the writer's guess; the second is a plain statement
    arts = _reports(
        "Storm\n\nThe storm may have weakened overnight, and, as was reported, the harbour "
        "wall was breached in two places by the waves.",
        "Storm\n\nThe harbour wall was breached in two places by the waves on Tuesday.",
    )
    agreed = [f for f in align(arts) if len(f.articles) == 2]
    assert [f.text for f in agreed] == [
        "The harbour wall was breached in two places by the waves on Tuesday."]
    assert not any("may have" in f.text for f in align(arts))


def _reports(*texts: str):
    return [dataclasses.replace(article(t), index=i, outlet=f"Outlet {i}")
            for i, t in enumerate(texts)]


def test_a_clause_of_a_longer_sentence_is_agreed_with_another_reports_sentence():
    arts = _reports(
        "Soldier defects\n\nA soldier ran across the border on Monday. Guards fired at him as "
        "he fled. Most defectors are smuggled out through China, where they face the risk of "
        "being caught and sent back.",
        "Defection\n\nThe soldier crossed the border on Monday under fire. He was badly hurt. "
        "Most defectors are smuggled through China.",
    )
    (fact,) = [f for f in align(arts) if len(f.articles) == 2 and "China" in f.text]
    assert fact.articles == (0, 1)
    for e in fact.support:
        assert arts[e.article].text[e.start:e.end] == e.text


def test_counts_that_disagree_are_never_one_fact():
    arts = _reports("Crane\n\nA crane collapsed at the port on Tuesday, injuring two workers.",
                    "Crane\n\nA crane collapsed at the port on Tuesday, injuring four workers.")
    assert all(len(f.articles) == 1 for f in align(arts))


def test_a_fact_takes_one_sentence_per_article():
    arts = _reports(
        "Crane\n\nA crane collapsed at the port on Tuesday. The crane collapsed at the port.",
        "Crane\n\nA crane collapsed at the port on Tuesday.",
    )
    for f in align(arts):
        assert len({e.article for e in f.support}) == len(f.support)


def test_a_fact_is_worded_without_one_reports_loaded_words():
    arts = _reports(
        "Defection\n\nThe soldier crossed the border on Monday under fire. About 30,000 people "
        "have fled since the war, but most people fleeing the tyrannical regime flee through "
        "China.",
        # the plain wording's sentence has more of the writer's voice, but outside the clause
        "Soldier defects\n\nA soldier ran across the border on Monday. Most people fleeing the "
        "regime flee through China, where they face a litany of terrible possibilities.",
    )
    (fact,) = [f for f in align(arts) if len(f.articles) == 2 and "China" in f.text]
    assert any("tyrannical" in e.text for e in fact.support)  # both reports support it ...
    assert fact.text == "Most people fleeing the regime flee through China"  # ... worded plainly


def test_clauses_sharing_only_the_storys_names_are_not_one_fact():
    """"NASA's Marlow Solar Probe will fly closer to the sun" and "NASA's Marlow Solar Probe
    will study the solar wind" read alike but say two things; the heat shield sentences share
    words beyond the names (heat, shield, carbon, foam) and are one fact."""
    arts = _reports(
        "Probe renamed\n\nNASA renamed its Helios Deep Probe the Marlow Solar Probe on Wednesday. "
        "NASA's Marlow Solar Probe will fly closer to the sun than any craft before it. "
        "Engineers in Laurel built its heat shield from carbon foam. The launch is set for July "
        "at Cape Canaveral. Marlow, 90, studied the solar wind for decades.",
        "New name for sun mission\n\nNASA's Marlow Solar Probe will study the solar wind from "
        "next summer. The craft now carries the name of astronomer Ada Marlow. Its heat shield "
        "was built from carbon foam in Laurel. A rocket will lift it from Cape Canaveral in "
        "July.",
    )
    agreed = [{e.text for e in f.support} for f in align(arts) if len(f.articles) == 2]
    assert {"Engineers in Laurel built its heat shield from carbon foam.",
            "Its heat shield was built from carbon foam in Laurel."} in agreed
    assert not any("fly closer" in t for s in agreed for t in s)
