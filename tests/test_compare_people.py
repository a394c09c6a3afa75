"""Person disputes: one quotation credited to different people. Short reports we wrote."""

from __future__ import annotations

from test_compare import reports, strict

QUOTE = ('"There is a view that the material culture here is simple and backward, but this '
         'helps rewrite that story," ')


def people(arts):
    return [d for d in strict(arts) if d.kind == "person"]


def test_the_same_quotation_credited_to_two_people():
    arts = reports("Find\n\nThe dig changes the picture. Dr Westaway supported this view. "
                   + QUOTE + "he said.",
                   "Find\n\nThat is significant, adds one of the team, Gavin Prideaux from "
                   "Flinders University. " + QUOTE + "he told ABC News.")
    (d,) = people(arts)
    assert [s.value for s in d.sides] == ["Westaway", "Gavin Prideaux"]
    assert [s.outlets for s in d.sides] == [("Outlet 0",), ("Outlet 1",)]
    assert d.sides[0].evidence[0].text == "Dr Westaway supported this view."
    assert not d.self_contradiction


def test_a_transcription_variant_by_the_same_person_is_not_a_dispute():
    arts = reports('Drug\n\n"Glory to God, they are releasing the drug for Josh today," '
                   "Aimee Hardy said.",
                   'Drug\n\n"Glory to GOD, they are releasing the drug to Josh at last today," '
                   "Aimee Hardy said.")
    assert people(arts) == []


def test_spelling_variants_of_the_speaker_are_one_person():
    arts = reports("Sochi\n\n" + QUOTE + "Dan Richards said.",
                   "Sochi\n\n" + QUOTE + "Daniel Richards said.",
                   "Sochi\n\n" + QUOTE + "Daniel Richard said.")
    assert people(arts) == []


def test_a_pronoun_after_two_people_is_not_resolved():
    arts = reports("Find\n\nDr Westaway and Dr Hamm presented the dig. " + QUOTE + "he said.",
                   "Find\n\nThe team included Gavin Prideaux. " + QUOTE + "he said.")
    assert people(arts) == []


def test_a_short_phrase_said_by_two_people_is_not_a_dispute():
    arts = reports('Storm\n\n"It was a tragedy," Mayor Smith said.',
                   'Storm\n\n"It was a tragedy," Governor Jones said.')
    assert people(arts) == []
