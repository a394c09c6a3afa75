"""Time expressions resolved against the publication date."""

from __future__ import annotations

import pytest

from helpers import sentence

PUB = "2017-11-14"  # a Tuesday


def times(text: str, published: str | None = PUB):
    return sentence(text, published).times


def one(text: str, published: str | None = PUB):
    found = times(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("He defected to South Korea Monday evening.", "Monday evening", "2017-11-13"),
    ("He defected on Monday.", "Monday", "2017-11-13"),
    ("The soldier escaped Sunday.", "Sunday", "2017-11-12"),
    ("Officials briefed lawmakers Tuesday.", "Tuesday", "2017-11-14"),
    ("They will meet next Monday.", "next Monday", "2017-11-20"),
    ("The talks ended yesterday.", "yesterday", "2017-11-13"),
    ("It happened as recently as June.", "June", "2017-06"),
    ("Refugees tried defecting in 2011.", "2011", "2011"),
    ("The vote was held on Nov. 13, 2017.", "Nov. 13, 2017", "2017-11-13"),
    ("The vote was held on 13 November 2017.", "13 November 2017", "2017-11-13"),
    ("The storm hit last week.", "last week", "2017-W45"),
    ("The plant closed two years ago.", "two years ago", "2015"),
])
def test_resolved(text, span, value):
    t = one(text)
    assert t.text == span and t.value == value and t.resolved


def test_month_in_december_means_last_year():
    t = one("The deal was signed in December.", "2018-02-01")
    assert t.value == "2017-12"


def test_unresolved_without_a_date():
    t = one("He defected on Monday.", None)
    assert t.kind == "weekday" and t.value is None and not t.resolved


def test_may_the_verb_is_not_a_month():
    assert times("Officials may announce more sanctions.") == ()


@pytest.mark.parametrize(("text", "published", "value"), [
    # wire style: a day without a year is this year's, an upcoming one included
    ("The trial begins on Dec. 4.", "2017-11-14", "2017-12-04"),
    ("The vote was held on Nov. 2.", "2017-11-14", "2017-11-02"),
    ("The trial began Feb. 10.", "2017-11-14", "2017-02-10"),  # earlier this year
    ("The fire started on December 20.", "2018-01-05", "2017-12-20"),  # too far ahead
])
def test_a_day_of_a_month_without_a_year(text, published, value):
    assert one(text, published).value == value
