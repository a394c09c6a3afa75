"""Disputes, one kind at a time, and the traps that are not disputes; short pairs we wrote."""

from __future__ import annotations

import dataclasses

import pytest

from crossread.analyse import analyse
from crossread.clean import clean
from crossread.compare import disputes, entity_groups, numbers_agree
from crossread.config import Config
from crossread.ingest.plaintext import read_plain
from crossread.model import NumberMention

CONFIG = Config()


def reports(*texts: str, published: str | tuple[str | None, ...] | None = "2026-03-11"):
    dates = published if isinstance(published, tuple) else (published,) * len(texts)
    out = []
    for i, (text, date) in enumerate(zip(texts, dates, strict=True)):
        art = dataclasses.replace(read_plain(text, f"r{i}.txt"), index=i, outlet=f"Outlet {i}",
                                  published=date)
        out.append(analyse(clean(art), CONFIG))
    return out


def strict(arts):
    return [d for d in disputes(arts) if not d.detail_only]


def trap_and_control(trap: tuple[str, ...], control: tuple[str, ...], *kinds: str) -> None:
    """The trap's reports show no dispute, and the control's, which differ from them in the
    one thing the trap turns on, show one of each of `kinds`: so the rule is what clears the
    trap."""
    assert strict(reports(*trap)) == []
    assert sorted(d.kind for d in strict(reports(*control))) == sorted(kinds)


def sides(d):
    return [(s.value, s.outlets) for s in d.sides]


def n(value, low, high, qualifier=None, text=None):
    return NumberMention(text or f"{value:,}", 0, 1, value, low, high, qualifier, None, None)


def test_ranges_agree_and_disagree():
    about40, exact41 = n(40, 36, 44, "about"), n(41, 41, 41)
    assert numbers_agree(about40, exact41)
    assert not numbers_agree(n(2, 2, 2), n(5, 5, None, "at_least"))
    assert numbers_agree(n(30000, 30000, 30000), n(29500, 29500, 29500))  # rounding
    assert not numbers_agree(n(3.7e6, 3.7e6, 3.7e6, text="3.7 million"),
                             n(3.9e6, 3.9e6, 3.9e6, text="3.9 million"))
    assert not numbers_agree(n(41, 41, 41), n(42, 42, 42))


def test_number_dispute_with_sides_and_outlets():
    arts = reports(
        "Crane falls in port\n\nA crane collapsed at the port on Tuesday, injuring two workers.",
        "Crane collapse\n\nA crane collapsed at the port on Tuesday, injuring four workers.",
        "Port accident\n\nThe crane collapsed at the port on Tuesday, injuring two workers.",
    )
    (d,) = strict(arts)
    assert d.kind == "number" and not d.self_contradiction
    assert sides(d) == [("two", ("Outlet 0", "Outlet 2")), ("four", ("Outlet 1",))]
    for side in d.sides:
        for e in side.evidence:
            assert arts[e.article].text[e.start:e.end] == e.text


def test_about_forty_and_forty_one_are_not_a_dispute():
    arts = reports("Title one\n\nPolice said about 40 people were arrested at the protest.",
                   "Title two\n\nPolice said 41 people were arrested at the protest.")
    assert strict(arts) == []


def test_a_partitive_count_disputes_a_plain_count():
    arts = reports("Bridge protest\n\nPolice said at least nine of the activists were arrested "
                   "on the bridge.",
                   "Protest\n\nPolice said six activists were arrested on the bridge.")
    (d,) = strict(arts)
    assert [s.value for s in d.sides] == ["at least nine", "six"]


def test_twice_against_at_least_five_times():
    arts = reports("Soldier shot\n\nOfficials said the soldier was shot twice.",
                   "Soldier hit\n\nGuards fired at the soldier, hitting him at least five times.")
    (d,) = strict(arts)
    assert [s.value for s in d.sides] == ["twice", "at least five times"]


def test_different_quantities_are_not_a_dispute():
    arts = reports(
        "Defections\n\nAn estimated 30,000 North Koreans have defected since the Korean War.",
        "Defections\n\nSome 1,000 North Koreans defect to South Korea each year.")
    assert strict(arts) == []


def test_different_places_are_different_events():
    arts = reports("Shooting\n\nA gunman killed three people in Madison on Wednesday.",
                   "Shooting\n\nA gunman killed five people in Baltimore on Wednesday.")
    assert strict(arts) == []


def test_a_later_report_updating_a_count_is_said_so():
    arts = reports("Storm toll\n\nThe storm killed 12 people in the region, officials said.",
                   "Storm toll\n\nThe storm killed 19 people in the region, officials said.",
                   published=("2026-03-10", "2026-03-12"))
    (d,) = disputes(arts)
    assert d.detail_only and d.note and "later report" in d.note


def test_day_dispute_and_self_contradiction():
    arts = reports(
        "Defection\n\nThe soldier defected across the border on Monday.",
        "Defection\n\nThe soldier defected across the border on Monday. "
        "Officials say the soldier who escaped Sunday is in hospital.",
        published="2017-11-14")
    (d,) = [x for x in strict(arts) if x.kind == "time"]
    values = [s.value for s in d.sides]
    assert values == ["Monday (2017-11-13)", "Sunday (2017-11-12)"]
    assert d.self_contradiction


def test_days_of_different_events_are_not_a_dispute():
    arts = reports("Talks\n\nThe soldier defected across the border on Monday.",
                   "Talks\n\nThe minister told lawmakers about the case on Tuesday.",
                   published="2017-11-14")
    assert [d for d in strict(arts) if d.kind == "time"] == []


def test_a_timeline_sentence_is_not_a_dispute():
    arts = reports("Evacuation\n\nThe exodus began Thursday after an evacuation order Wednesday.",
                   "Evacuation\n\nThe exodus began Thursday, officials said.")
    assert strict(arts) == []


def test_attribute_dispute_in_one_article():
    arts = reports("Defector\n\nA high-ranking soldier fled across the border. "
                   "The soldier, who wore the uniform of a low-ranking officer, was shot.")
    (d,) = [x for x in disputes(arts) if x.kind == "attribute" and not x.detail_only]
    assert [s.value for s in d.sides] == ["high-ranking", "low-ranking"]
    assert d.self_contradiction


def test_attributes_of_a_source_are_not_a_dispute():
    arts = reports("One\n\nA junior soldier fled across the border, a senior official said.")
    assert [d for d in disputes(arts) if d.kind == "attribute" and not d.detail_only] == []


def test_injuries_differ_in_detail_not_in_fact():
    arts = reports("One\n\nThe soldier was shot in the elbow and shoulder.",
                   "Two\n\nThe bullets hit him, penetrating some internal organs.")
    (d,) = disputes(arts)
    assert d.detail_only and [s.value for s in d.sides] == ["elbow and shoulder",
                                                             "internal organs"]


def test_nested_places_are_not_a_dispute():
    arts = reports("One\n\nHe was found 50 meters south of the DMZ at Panmunjom.",
                   "Two\n\nHe was found under a pile of leaves on the southern side of the DMZ.")
    assert strict(arts) == []


def test_name_variants_are_one_entity():
    arts = reports("One\n\nNorth Korean leader Kim Jung-Un visited Pyongyang on Monday.",
                   "Two\n\nNorth Korean leader Kim Jong Un visited Pyongyang on Monday.")
    groups = {g.name: g.variants for g in entity_groups(arts) if g.variants}
    assert any({name, *variants} >= {"Kim Jung-Un", "Kim Jong Un"}
               for name, variants in groups.items())
    assert strict(arts) == []


def test_inside_against_outside_the_same_place():
    arts = reports("One\n\nPolice found the two victims shot dead inside the home on Sunday.",
                   "Two\n\nPolice found the two victims shot dead outside the home on Sunday.")
    (d,) = [x for x in strict(arts) if x.kind == "place"]
    assert [s.value for s in d.sides] == ["inside the home", "outside the home"]


def test_different_blocks_of_one_street():
    arts = reports("One\n\nOfficers were called to a home on the 900 block of Buffalo Springs "
                   "Drive at about 4 a.m.",
                   "Two\n\nPolice are investigating the double murder in the 800 block of "
                   "Buffalo Springs Drive.")
    (d,) = [x for x in strict(arts) if x.kind == "place"]
    assert d.question == "On which block of Buffalo Springs Drive?"
    assert sides(d) == [("the 900 block", ("Outlet 0",)), ("the 800 block", ("Outlet 1",))]


def test_blocks_of_different_streets_or_two_scenes_on_one_are_not_a_dispute():
    arts = reports("One\n\nThe shooting happened in the 900 block of Elm Street.",
                   "Two\n\nThe shooting happened in the 800 block of Oak Avenue.")
    assert [x for x in strict(arts) if x.kind == "place"] == []
    # one report names two blocks of the street: a scene and an arrest, two places on it
    arts = reports("One\n\nThe shooting happened in the 900 block of Elm Street. The suspect "
                   "was arrested in the 1200 block of Elm Street an hour later.",
                   "Two\n\nThe suspect was arrested in the 1200 block of Elm Street.")
    assert [x for x in strict(arts) if x.kind == "place"] == []


def test_inside_and_outside_different_places_are_not_a_dispute():
    arts = reports("One\n\nThe victims were found dead inside the home on Sunday.",
                   "Two\n\nProtesters gathered outside the courthouse on Sunday.")
    assert [x for x in strict(arts) if x.kind == "place"] == []


def test_one_person_given_two_ages_is_a_dispute():
    arts = reports(
        "Durst sentenced\n\nA judge sentenced Robert Durst on Wednesday. The ailing Durst, 73, "
        "will serve 85 months.",
        "Durst gets seven years\n\nRobert Durst agreed to the sentence. The 72-year-old Durst "
        "accepted a plea deal in February.",
        "Durst in court\n\nRobert Durst, 73, appeared in a wheelchair.",
    )
    (d,) = strict(arts)
    assert d.kind == "number" and d.question == "How old is Robert Durst?"
    assert sides(d) == [("72", ("Outlet 1",)), ("73", ("Outlet 0", "Outlet 2"))]
    for side in d.sides:
        for e in side.evidence:
            assert arts[e.article].text[e.start:e.end] == e.text


@pytest.mark.parametrize(("first", "second", "values"), [
    # her mother shares the surname: where an article names both, a bare "Olgin, 45" is no
    # one in particular; where it names Mollie alone, it is her
    ("Mollie Olgin, 19, was killed on Saturday in the park.",
     "Mollie Olgin was remembered by Amy Olgin and friends. Olgin, 45, thanked the town.", []),
    ("Mollie Olgin, 19, was killed on Saturday in the park.",
     "Mollie Olgin was remembered by friends. Olgin, 45, thanked the town.", ["19", "45"]),
    # a report naming no one in full: its "Durst" is the one Durst the other reports name
    ("Robert Durst, 72, appeared in court. Kathleen Durst, 29, vanished in 1982.",
     "The hearing went ahead. Durst, 73, sat in a wheelchair.", []),
    ("Robert Durst, 72, appeared in court.",
     "The hearing went ahead. Durst, 73, sat in a wheelchair.", ["72", "73"]),
])
def test_a_bare_surname_is_one_person_only_when_the_reports_name_one(first, second, values):
    arts = reports(f"First report\n\n{first}", f"Second report\n\n{second}")
    assert [s.value for d in strict(arts) for s in d.sides] == values


def test_a_year_between_two_dated_reports_makes_an_age_a_difference_of_detail():
    # a birthday may fall between the two reports
    dated = reports(
        "Court date\n\nRobert Durst, 72, appeared in court.",
        "Sentenced\n\nRobert Durst, 73, was sentenced.",
        published=("2015-03-20", "2016-04-27"),
    )
    (d,) = disputes(dated)
    assert d.detail_only and "later report may update" in (d.note or "")


def test_miles_and_kilometres_are_compared_converted():
    from crossread.analyse.numbers import extract
    from crossread.compare.quantities import comparable_measure

    def one(text):
        (x,) = extract(text, 0, [])
        return x

    km30, mi12, km19, km20 = one("30 km"), one("12 miles"), one("19 kilometres"), one("20 km")
    assert comparable_measure(km30, mi12) and not numbers_agree(km30, mi12)
    assert numbers_agree(mi12, km19) and numbers_agree(mi12, km20)  # a writer's rounding
    assert numbers_agree(one("5 feet"), one("1.5 meters"))
    assert numbers_agree(one("115 mph"), one("185 km/h"))
    assert not numbers_agree(one("115 mph"), one("150 kph"))
    # "pounds" may be money: weights are not converted
    assert not comparable_measure(one("10 pounds"), one("5 kilograms"))
    arts = reports(
        "Storm nears\n\nThe storm hit the coast on Tuesday with winds of 115 mph.",
        "Storm hits coast\n\nThe storm hit the coast on Tuesday with winds of 150 km/h.",
    )
    (d,) = strict(arts)
    assert [s.value for s in d.sides] == ["115 mph", "150 km/h"]
    agree = reports(
        "Storm nears\n\nThe storm hit the coast on Tuesday with winds of 115 mph.",
        "Storm hits coast\n\nThe storm hit the coast on Tuesday with winds of 185 km/h.",
    )
    assert not strict(agree)


def test_two_dates_on_one_weekday_are_two_days():
    (d,) = strict(reports(
        "Trial\n\nThe trial of the former mayor will begin on April 3, a court spokesman said.",
        "Trial\n\nThe trial of the former mayor will begin on April 10, a court spokesman said."))
    assert d.kind == "time"
    assert [s.value for s in d.sides] == ["Friday (2026-04-03)", "Friday (2026-04-10)"]


QUAKE = " Rescue teams were still searching the rubble. Aid began arriving on Tuesday."


def bodies_trap_and_control(trap: tuple[str, ...], control: tuple[str, ...], kind: str,
                            headline: str = "News") -> None:
    """trap_and_control on one-line bodies, each made a report with a headline and QUAKE."""
    trap_and_control(tuple(f"{headline}\n\n{t}{QUAKE}" for t in trap),
                     tuple(f"{headline}\n\n{t}{QUAKE}" for t in control), kind)


@pytest.mark.parametrize("first, second, values", [
    # casualty figures in other words are one count
    ("The death toll from the earthquake rose to 150 on Monday.",
     "The death toll from the earthquake rose to 210 on Monday.", ["150", "210"]),
    ("The death toll from the earthquake rose to 150 on Monday.",
     "The earthquake killed 210 people, officials said on Monday.", ["150", "210"]),
    ("The earthquake left 12 dead and 40 injured on Monday.",
     "The earthquake left 20 dead and 40 injured on Monday.", ["12", "20"]),
    # buying, and prison terms, told with other verbs
    ("Acme Corp agreed to acquire Widget Inc for $4.2 billion.",
     "Acme Corp will buy Widget Inc for $3.8 billion.", ["$4.2 billion", "$3.8 billion"]),
    ("Smith was sentenced to 12 years in prison on Thursday.",
     "Smith was jailed for 15 years on Thursday.", ["12 years", "15 years"]),
])
def test_one_count_in_other_words(first, second, values):
    (d,) = strict(reports("News\n\n" + first + QUAKE, "News\n\n" + second + QUAKE))
    assert d.kind == "number" and [s.value for s in d.sides] == values


def test_a_count_of_some_of_the_dead_is_not_the_toll():
    bodies_trap_and_control(
        ("The earthquake killed 210 people on Monday.",
         "The earthquake caused three Turkish fatalities on Monday."),
        ("The earthquake killed 210 people on Monday.",
         "The earthquake caused three fatalities on Monday."),
        "number", headline="Quake")


def test_a_roundup_of_several_incidents_counts_people_as_people():
    later = "Protests\n\nThe clashes on Friday left 20 injured." + QUAKE
    trap_and_control(
        ("Protests\n\nPolice fired on marchers in the capital on Friday, wounding four people. "
         "In the south, gunmen fired on students on Friday, wounding 12 people." + QUAKE, later),
        ("Protests\n\nIn the south, gunmen fired on students on Friday, wounding 12 people."
         + QUAKE, later),
        "number")


@pytest.mark.parametrize("trap, control", [
    # besides those already told of
    (("No one else was injured in the fire at the warehouse on Monday.",
      "Two people were injured in the fire at the warehouse on Monday."),
     ("No one was injured in the fire at the warehouse on Monday.",
      "Two people were injured in the fire at the warehouse on Monday.")),
    # not badly: others may have been hurt lightly
    (("No one was seriously injured in the fire at the warehouse on Monday.",
      "Two people were injured in the fire at the warehouse on Monday."),
     ("Nobody was injured in the fire at the warehouse on Monday.",
      "Two people were injured in the fire at the warehouse on Monday.")),
    # a narrower group than everyone
    (("No deaths were reported after the fire at the warehouse on Monday.",
      "The fire at the warehouse killed two firefighters on Monday."),
     ("No deaths were reported after the fire at the warehouse on Monday.",
      "The fire at the warehouse killed two people on Monday.")),
])
def test_no_one_hurt_against_a_count_of_the_hurt(trap, control):
    bodies_trap_and_control(trap, control, "number", headline="Fire")


def test_a_plural_or_possessive_is_not_another_spelling():
    arts = reports("One\n\nNorth Korean leader Kim Jong Un spoke. North Koreans listened.",
                   "Two\n\nKim Jong Un's speech was broadcast to North Koreans on Monday.")
    assert [g for g in entity_groups(arts) if g.variants] == []


@pytest.mark.parametrize("trap, control", [
    # an hour either side of midnight
    (("The fire broke out at the factory late Sunday, killing two workers.",
      "The fire broke out at the factory early Monday, killing two workers."),
     ("The fire broke out at the factory on Sunday, killing two workers.",
      "The fire broke out at the factory early Monday, killing two workers.")),
    # one moment in two time zones
    (("North Korea launched the missile on Tuesday morning local time.",
      "North Korea launched the missile on Monday evening, Washington time."),
     ("North Korea launched the missile on Tuesday morning.",
      "North Korea launched the missile on Monday evening.")),
])
def test_adjacent_days_that_may_name_one_moment(trap, control):
    bodies_trap_and_control(trap, control, "time", headline="News")


@pytest.mark.parametrize("trap, control", [
    # one toll may count the attacker, the other not
    (("Five people were killed, including the gunman, on Monday.",
      "Four people were killed on Monday before the gunman killed himself."),
     ("Six people were killed, including the gunman, on Monday.",
      "Four people were killed on Monday before the gunman killed himself.")),
    # a running total and the count of one month
    (("The outbreak has infected 120 people since January.",
      "The outbreak infected 30 people in March."),
     ("The outbreak infected 120 people in March.",
      "The outbreak infected 30 people in March.")),
])
def test_counts_of_different_things_in_like_words(trap, control):
    bodies_trap_and_control(trap, control, "number", headline="News")
