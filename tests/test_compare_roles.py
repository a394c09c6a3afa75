"""Role disputes: reports naming different people as the one who did it. Short pairs we wrote;
each trap is a way two names for one role are both right, and its control differs from it in
that one thing."""

from __future__ import annotations

import pytest

from test_compare import reports, strict, trap_and_control

REST = " Officials said more details would be released later. The investigation is continuing."


def story(body: str) -> str:
    return "Shooting at an office\n\n" + body + REST


@pytest.mark.parametrize("first, second, values", [
    ("The gunman was identified as John Miller, a former employee, police said.",
     "Police identified the gunman as Robert Hayes, a former employee.",
     ["John Miller", "Robert Hayes"]),
    ("The gunman, John Miller, opened fire in the office on Monday.",
     "The gunman, Robert Hayes, opened fire in the office on Monday.",
     ["John Miller", "Robert Hayes"]),
    ("Police said the pilot was Ann Lee, 45.", "Police said the pilot was Mary Cole, 45.",
     ["Ann Lee", "Mary Cole"]),
])
def test_two_people_named_for_one_role(first, second, values):
    (d,) = strict(reports(story(first), story(second)))
    assert d.kind == "person" and d.question.startswith("Who was the ")
    assert [s.value for s in d.sides] == values
    assert [{e.article for e in s.evidence} for s in d.sides] == [{0}, {1}]


HAYES = "The gunman, Robert Hayes, opened fire in the office on Monday."


@pytest.mark.parametrize("trap, control", [
    # one name spelled two ways
    (("The gunman, Jon Miller, opened fire.", "The gunman, John Miller, opened fire."),
     ("The gunman, Jon Miller, opened fire.", HAYES)),
    # there were several
    (("The gunman, John Miller, opened fire. A second gunman fled.", HAYES),
     ("The gunman, John Miller, opened fire. A witness fled.", HAYES)),
    # the report knows both people: the other one had another part
    (("The gunman, John Miller, opened fire. Robert Hayes was wounded.", HAYES),
     ("The gunman, John Miller, opened fire. Mark Stone was wounded.", HAYES)),
    # a role one person need not fill alone
    (("The victim, John Miller, was shot.", "The victim, Robert Hayes, was shot."),
     ("The gunman, John Miller, fired.", "The gunman, Robert Hayes, fired.")),
])
def test_two_names_for_a_role_that_are_both_right(trap, control):
    trap_and_control(tuple(story(t) for t in trap), tuple(story(t) for t in control), "person")
