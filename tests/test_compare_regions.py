"""Region disputes: one happening put in two countries, or two provinces or states of one
country. Short pairs we wrote; the traps are the ways two such names are both right."""

from __future__ import annotations

import pytest

from crossread.compare.regions import disjoint, regions
from test_compare import reports, strict, trap_and_control


def places(*texts: str):
    return [d for d in strict(reports(*texts)) if d.kind == "place"]


@pytest.mark.parametrize("a, b, apart", [
    ("Quebec", "Ontario", True),  # two provinces of one country
    ("Iran", "Iraq", True),
    ("Russia", "the United States", True),  # English short names the ISO list lacks
    ("Quebec", "Canada", False),  # one holds the other
    ("England", "United Kingdom", False),
    ("Punjab", "Pakistan", False),  # a province of India and one of Pakistan: either may be
    ("Panmunjom", "South Korea", False),  # a village: its nesting is not known
    ("Georgia", "Alabama", True),  # the country or the state: apart either way
])
def test_which_places_cannot_hold_each_other(a, b, apart):
    assert disjoint(regions(a), regions(b)) is apart


def test_one_person_living_in_two_provinces_is_a_dispute():
    (d,) = places("Beekeeper\n\nThe beekeeper, who lived in Quebec for more than 60 years, died "
                  "on Friday.",
                  "Beekeeper\n\nHe later became a citizen and lived with his wife in Ontario, "
                  "working as a beekeeper.")
    assert [s.value for s in d.sides] == ["Quebec", "Ontario"]
    assert [{e.article for e in s.evidence} for s in d.sides] == [{0}, {1}]


@pytest.mark.parametrize("trap, control", [
    # nested: the province is in the country
    (("The beekeeper lived in Quebec for more than 60 years.",
      "The beekeeper lived in Canada for more than 60 years."),
     ("The beekeeper lived in Quebec for more than 60 years.",
      "The beekeeper lived in Ontario for more than 60 years.")),
    # many people can be in many places
    (("Thousands of tourists were evacuated in North Carolina on Friday.",
      "Thousands of tourists were evacuated in South Carolina on Friday."),
     ("The governor was evacuated in North Carolina on Friday.",
      "The governor was evacuated in South Carolina on Friday.")),
    # a thing in a place, not where the happening was
    (("The most famous lion in Kenya died on Wednesday after the attack.",
      "The most famous lion in Tanzania died on Wednesday after the attack."),
     ("The most famous lion died in Kenya on Wednesday after the attack.",
      "The most famous lion died in Tanzania on Wednesday after the attack.")),
    # different happenings
    (("The team will train in North Korea before the games.",
      "The team will arrive in South Korea before the games."),
     ("The team will train in North Korea before the games.",
      "The team will train in South Korea before the games.")),
    # a place inside a quotation is someone else's statement
    (("The minister said the team “stayed in Iran all week”.",
      "The team stayed in Iraq all week, the minister said."),
     ("The minister said the team stayed in Iran all week.",
      "The team stayed in Iraq all week, the minister said.")),
])
def test_two_places_that_are_no_dispute(trap, control):
    trap_and_control(tuple("Story\n\n" + t for t in trap),
                     tuple("Story\n\n" + t for t in control), "place")


def test_a_report_listing_stops_is_not_compared():
    # one report has the president travelling to two countries: a tour, not a contradiction
    tour = "Tour\n\nThe president travelled to China on Monday. He travelled to Vietnam on Tuesday."
    other = "Tour\n\nThe president travelled to Japan on Monday."
    trap_and_control((tour, other), (tour.split(" He travelled")[0], other), "place")


def test_a_sentence_naming_two_places_apart_is_not_compared():
    other = "Hikers\n\nThe hiker was walking in Turkey when he was stopped."
    trap_and_control(
        ("Hikers\n\nThe hiker was walking in Iraq and did not know he had crossed into Iran.",
         other),
        ("Hikers\n\nThe hiker was walking in Iraq when he was stopped.", other), "place")


def test_a_storm_is_one_thing_in_several_states():
    trap_and_control(
        ("Storm\n\nThe storm killed 12 people in Texas on Monday.",
         "Storm\n\nThe storm killed 7 people in Oklahoma on Monday."),
        ("Storm\n\nThe driver killed 12 people in Texas on Monday.",
         "Storm\n\nThe driver killed 12 people in Oklahoma on Monday."),
        "place")
