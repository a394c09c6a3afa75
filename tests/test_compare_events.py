"""Event disputes: one report says a thing happened, another that it did not. Short pairs we
wrote; each trap is a way a "not" does not deny what the other report says, and its control
differs from it in that one thing."""

from __future__ import annotations

import pytest

from crossread.compare import disputes
from test_compare import reports, strict, trap_and_control

REST = " Officials said more details would be released later. The investigation is continuing."


def story(body: str) -> str:
    return "Crash on the highway\n\n" + body + REST


def events(*texts: str):
    return [d for d in strict(reports(*texts)) if d.kind == "event"]


def test_a_denial_of_what_another_report_tells_is_an_event_dispute():
    (d,) = events(story("The driver was arrested at the scene, police said."),
                  story("The driver was not arrested, police said."),
                  story("The driver was arrested after the crash."))
    assert d.question == "Did this happen: “The driver was arrested at the scene”?"
    assert [s.value for s in d.sides] == ["yes", "no"]
    assert [sorted({e.article for e in s.evidence}) for s in d.sides] == [[0, 2], [1]]
    assert not d.self_contradiction
    assert d.sides[1].evidence[0].text == "The driver was not arrested, police said."


def test_the_doer_told_in_the_active_and_the_passive_is_one_happening():
    (d,) = events(story("The pilot did not eject before the jet hit the field."),
                  story("The pilot ejected before the jet hit the field."))
    assert [s.value for s in d.sides] == ["yes", "no"]


@pytest.mark.parametrize("trap, control", [
    # a state when one report was written, which the other's news updates
    (("The driver has not been charged.", "The driver was charged with manslaughter."),
     ("The driver was not charged.", "The driver was charged with manslaughter.")),
    # the denial is about a place or a time the other report does not name
    (("The driver was not arrested at the scene.", "The driver was arrested at his home."),
     ("The driver was not arrested.", "The driver was arrested at his home.")),
    (("The driver was not arrested that night.", "The driver was arrested."),
     ("The driver was not arrested.", "The driver was arrested.")),
    # the affirmed side happened later
    (("The driver was not arrested.", "The driver was later arrested."),
     ("The driver was not arrested.", "The driver was arrested.")),
    # another participant
    (("The driver was not injured.", "The passenger was injured."),
     ("The driver was not injured.", "The driver was injured.")),
    # a part denied: "did not vaccinate 160 nurses" is not "vaccinated no nurses"
    (("The city did not vaccinate 160 nurses.", "The city vaccinated the nurses."),
     ("The city did not vaccinate the nurses.", "The city vaccinated the nurses.")),
    # a modal: could not, not did not
    (("The driver could not escape the car.", "The driver escaped the car."),
     ("The driver did not escape the car.", "The driver escaped the car.")),
    # "not yet", "not immediately": not a denial that it happened
    (("The driver did not immediately stop.", "The driver stopped."),
     ("The driver did not stop.", "The driver stopped.")),
    # reporting, not the event: a comment that was or was not given
    (("The company did not respond to a request.", "The company responded to a request."),
     ("The company did not recall the trucks.", "The company recalled the trucks.")),
    # a party's side of a contest, relayed: the report does not answer it
    (("His lawyer insisted the driver did not flee the scene.", "The driver fled the scene."),
     ("Witnesses said the driver did not flee the scene.", "The driver fled the scene.")),
    # a pronoun: whom it stands for is not known
    (("He did not flee the scene.", "The driver fled the scene."),
     ("The driver did not flee the scene.", "The driver fled the scene.")),
    # a question or a condition
    (("Did the driver flee the scene?", "The driver fled the scene."),
     ("The driver did not flee the scene.", "The driver fled the scene.")),
])
def test_denials_that_do_not_contradict(trap, control):
    trap_and_control(tuple(story(t) for t in trap), tuple(story(t) for t in control), "event")


def test_a_report_telling_both_tells_a_sequence():
    trap_and_control(
        (story("The driver was not arrested. On Friday, police arrested the driver."),
         story("The driver was arrested.")),
        (story("The driver was not arrested."), story("The driver was arrested.")),
        "event")


@pytest.mark.parametrize("yes, no", [
    ("Smith pleaded guilty to murder.", "Smith pleaded not guilty to murder."),
    ("The jury found Smith guilty of murder.", "The jury found Smith not guilty of murder."),
])
def test_a_plea_or_a_verdict_and_its_denial(yes, no):
    (d,) = events(story(yes), story(no))
    assert [s.value for s in d.sides] == ["yes", "no"]


@pytest.mark.parametrize("first, second", [
    ("Maria Lopez won the election.", "Maria Lopez lost the election."),
    ("The union accepted the offer.", "The union rejected the offer."),
    ("The pilot survived the crash.", "The pilot died in the crash."),
    ("The jury convicted Smith.", "The jury acquitted Smith."),
])
def test_opposite_outcomes(first, second):
    verbs = {"won", "lost", "accepted", "rejected", "survived", "died", "convicted", "acquitted"}
    (d,) = events(story(first), story(second))
    assert [s.value for s in d.sides] == [
        next(w for w in first.split() if w in verbs), next(w for w in second.split() if w in verbs)]
    assert d.question == f"Which happened: “{first[:-1]}” or “{second[:-1]}”?"


@pytest.mark.parametrize("trap, control", [
    # one outcome of one thing, another of another
    (("Maria Lopez won the primary.", "Maria Lopez lost the election."),
     ("Maria Lopez won the election.", "Maria Lopez lost the election.")),
    # "survived by his wife": the wife survives him
    (("Smith was survived by his wife.", "Smith died in the crash."),
     ("Smith survived the crash.", "Smith died in the crash.")),
    # one report tells both: a first round won, a final lost
    (("Maria Lopez won the first round. Maria Lopez lost the runoff.",
      "Maria Lopez lost the runoff."),
     ("Maria Lopez won the runoff.", "Maria Lopez lost the runoff.")),
])
def test_outcomes_that_do_not_contradict(trap, control):
    trap_and_control(tuple(story(t) for t in trap), tuple(story(t) for t in control), "event")


def test_reports_of_different_dates_may_tell_an_update():
    (d,) = [d for d in disputes(reports(story("Smith pleaded not guilty to murder."),
                                        story("Smith pleaded guilty to murder."),
                                        published=("2026-03-02", "2026-05-20")))
            if d.kind == "event"]
    assert d.detail_only and "may update" in (d.note or "")
