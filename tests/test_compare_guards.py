"""Number and day disputes: when two mentions answer the same question, and the traps where they
do not. Short pairs we wrote, one rule each (the rules came from errors on the tune half of the
hand-labelled Multi-News clusters; these pairs are ours, not from that data)."""

from __future__ import annotations

import pytest

from test_compare import reports, strict, trap_and_control


def kinds(arts, kind):
    return [d for d in strict(arts) if d.kind == kind]


# --- numbers that are disputes ----------------------------------------------------------------

def test_about_eight_times_against_seven_times():
    arts = reports("Probe\n\nThat is about eight times closer than any other craft, NASA said.",
                   "Probe\n\nThat is seven times closer than any other craft, NASA said.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["about eight times", "seven times"]


def test_taking_part_and_participating_are_one_question():
    # a light verb with a bare object ("take part") names the happening; the other count in
    # the first sentence ("85 countries") counts another thing and does not excuse the pair
    arts = reports(
        "Games\n\nAt least 85 countries and 2,500 athletes are taking part in the games.",
        "Games\n\nSome 2,000 athletes will participate in the games, organisers said.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["2,500", "Some 2,000"]


def test_counts_of_one_thing_in_unrelated_statements_are_not_a_list():
    # one report names athletes three times for three different groups: that is not a list of
    # per-item values, so its count of all athletes can still be disputed
    arts = reports(
        "Games\n\nThe luge team has 10 athletes and four coaches. "
        "More than 200 American athletes need a way out of Russia in an emergency. "
        "The biathlon team asks the families of its 10 athletes to buy insurance. "
        "At least 85 countries and 2,500 athletes are taking part in the games.",
        "Games\n\nSome 2,000 athletes will participate in the games, organisers said.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["2,500", "Some 2,000"]


# --- numbers that are not disputes ------------------------------------------------------------

def test_fahrenheit_and_celsius_are_not_set_against_each_other():
    arts = reports(
        "Probe\n\nThe heat shield must withstand temperatures of 2,500 degrees Fahrenheit.",
        "Probe\n\nThe heat shield must withstand temperatures of 1,370 degrees Celsius.")
    assert strict(arts) == []


def test_a_rounded_bound_agrees_with_the_value_it_rounds():
    # "more than 1400C" written of a shield rated to 1,370C: rounding, not a contradiction
    arts = reports(
        "Probe\n\nThe heat shield must withstand temperatures up to 1,370 degrees Celsius.",
        "Probe\n\nThe heat shield is built to withstand temperatures of more than 1400C.")
    assert strict(arts) == []
    arts = reports(
        "Probe\n\nThe heat shield must withstand temperatures up to 1,370 degrees Celsius.",
        "Probe\n\nThe heat shield is built to withstand temperatures of more than 1600C.")
    assert len(strict(arts)) == 1


def test_close_to_is_either_side():
    arts = reports("Probe\n\nThe shield will withstand temperatures close to 2,500 degrees "
                   "Fahrenheit.",
                   "Probe\n\nThe shield will withstand temperatures of 2,550 degrees Fahrenheit.")
    assert strict(arts) == []


def test_one_part_of_a_split_total_is_not_the_total():
    arts = reports(
        "Rockets\n\nThe military said 97 rockets fired from Gaza hit Israel and 99 more were "
        "intercepted.",
        "Rockets\n\nThe military said militants fired 300 rockets from Gaza at Israel.")
    assert strict(arts) == []


def test_a_short_sentence_continues_the_years_of_the_one_before():
    arts = reports(
        "War\n\nThe last Gaza war, in 2008-2009, killed more than 1,400 Palestinians. "
        "Thirteen Israelis died.",
        "War\n\nThree Israelis were killed when a rocket struck their home in Kiryat Malachi.")
    assert kinds(arts, "number") == []


def test_counts_over_different_periods_are_not_a_dispute():
    arts = reports("Rockets\n\nMilitants fired more than 750 rockets at Israel this year.",
                   "Rockets\n\nMilitants fired around 300 rockets at Israel since the "
                   "conflict began.")
    assert strict(arts) == []


def test_the_same_noun_of_different_things_is_not_a_dispute():
    arts = reports("Probe\n\nThe probe will make seven flybys of Venus before its main mission.",
                   "Probe\n\nThe probe will make 24 flybys of the sun before its main mission.")
    assert strict(arts) == []


@pytest.mark.parametrize("other, disputed", [
    # a delegation to another event is another delegation
    ("North Korea will send a 550-member delegation to the Olympics, Chun said.", False),
    # to the same event, the two counts do answer one question
    ("North Korea will send a 550-member delegation to the Paralympics, Chun said.", True),
])
def test_the_same_noun_sent_to_different_things_is_not_a_dispute(other, disputed):
    arts = reports("Games\n\nNorth Korea will send a 150-member delegation to the Paralympics, "
                   "Chun said.", f"Games\n\n{other}")
    assert bool(strict(arts)) == disputed


def test_time_served_against_a_sentence_to_serve_is_not_a_dispute():
    arts = reports("Durst\n\nDurst served about three years in prison on the weapons charge.",
                   "Durst\n\nA judge approved a plea deal for Durst to serve about 7 years in "
                   "prison on the weapons charge.")
    assert strict(arts) == []


def test_a_list_of_amounts_worded_alike_is_not_a_dispute():
    arts = reports(
        "Fundraisers\n\nOne fan raised $50 for the rapper. Another campaign raised $0. "
        "A third page raised $20 before it closed.",
        "Fundraisers\n\nA fan raised more than $1,000 for the rapper in a few days.")
    assert strict(arts) == []


# --- days -------------------------------------------------------------------------------------

def test_the_day_something_was_said_is_not_the_day_it_happened():
    arts = reports("Talks\n\nAshton met Morsi late on Monday night at a secret location.",
                   "Talks\n\nAshton said on Tuesday that she had met Morsi at a secret location.")
    assert kinds(arts, "time") == []


def test_rockets_hitting_and_soldiers_wounded_are_different_happenings():
    arts = reports("Gaza\n\nThe military said rockets from Gaza hit Israel on Friday.",
                   "Gaza\n\nThree soldiers were wounded in Israel by a rocket strike on Thursday.")
    assert kinds(arts, "time") == []


# --- years ------------------------------------------------------------------------------------

def test_different_years_for_the_same_happening():
    arts = reports("Hall\n\nVanderbilt began referring to the building as Memorial Hall in 2005.",
                   "Hall\n\nThe university has referred to the building as Memorial Hall since "
                   "2002, but a court blocked a change of the inscription.")
    (d,) = kinds(arts, "time")
    assert [s.value for s in d.sides] == ["2005", "2002"]
    assert not d.self_contradiction


def test_years_of_different_happenings_are_not_a_dispute():
    arts = reports("Hall\n\nThe Daughters of the Confederacy donated $50,000 for the hall in 1933.",
                   "Hall\n\nThe hall opened in 1935 on the Vanderbilt campus.")
    assert kinds(arts, "time") == []


def test_the_same_verb_of_two_different_things_is_not_a_year_dispute():
    arts = reports("Show\n\nThe cooking show ran on the BBC until 1999.",
                   "Show\n\nHer later series about the countryside ran on the BBC until 2003.")
    assert kinds(arts, "time") == []


def test_years_given_as_options_are_not_a_dispute():
    arts = reports("Clinton\n\nClinton ruled out running for president in 2012 or 2016.",
                   "Clinton\n\nClinton ruled out running for president in 2016, aides said.")
    assert kinds(arts, "time") == []


def test_one_report_naming_two_years_does_not_contradict_itself():
    arts = reports("Hall\n\nVanderbilt attempted to rename the building Memorial Hall in 2002. "
                   "In 2005 Vanderbilt began referring to the building as Memorial Hall.")
    assert kinds(arts, "time") == []


# --- inside or outside ------------------------------------------------------------------------

def test_found_outside_and_found_inside_in_one_report():
    arts = reports("Killing\n\nWhen officers arrived, they found two bodies outside the home. "
                   "Police said a couple was found shot to death inside a Fort Worth home early "
                   "Sunday.")
    (d,) = kinds(arts, "place")
    assert [s.value for s in d.sides] == ["inside the home", "outside the home"]
    assert d.self_contradiction


def test_waiting_outside_is_not_being_found_inside():
    arts = reports("Killing\n\nOfficers waited outside the home for hours before going in.",
                   "Killing\n\nThe couple was found shot dead inside the home on Sunday.")
    assert kinds(arts, "place") == []


# --- states and routes ------------------------------------------------------------------------

def test_people_in_custody_is_one_question_whatever_the_verb():
    arts = reports("Arrests\n\nFour people are in custody after the attack at the airport.",
                   "Arrests\n\nMalaysia has three people in custody after the attack at the "
                   "airport.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["Four", "three"]


def test_a_distance_between_the_same_two_places():
    arts = reports("Lion\n\nMen surrounded the lion in Isinya, 20 miles from Nairobi.",
                   "Lion\n\nThe lion escaped from Nairobi on Wednesday and ended up in Isinya, "
                   "12 miles away.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["20 miles", "12 miles"]


def test_a_distance_from_a_place_inside_another_is_not_a_dispute():
    # Nairobi National Park lies inside Nairobi: nested places, different distances
    arts = reports("Lion\n\nMen surrounded the lion in Isinya, 20 miles from Nairobi.",
                   "Lion\n\nThe lion escaped from Nairobi National Park on Wednesday and ended "
                   "up in Isinya, 12 miles away.")
    assert kinds(arts, "number") == []


def test_an_unrelated_unknown_is_not_an_unsure_side():
    arts = reports("Probe\n\nThe probe will fly about eight times closer to the sun than any "
                   "spacecraft before it.",
                   "Probe\n\nThe probe will fly seven times closer to the sun than any "
                   "spacecraft before it.",
                   "Weather\n\nIt is not known how a severe space weather event far more intense "
                   "than any before might affect power grids.")
    (d,) = kinds(arts, "number")
    assert [s.value for s in d.sides] == ["about eight times", "seven times"]


# --- times of day -----------------------------------------------------------------------------

def test_different_times_of_day_for_one_happening():
    arts = reports("Blast\n\nThe explosion ripped through the cab at about 4:20 a.m., police said.",
                   "Blast\n\nThe explosion ripped through the cab at about 5:30 a.m., police said.")
    (d,) = kinds(arts, "time")
    assert [s.value for s in d.sides] == ["about 4:20 a.m.", "about 5:30 a.m."]


def test_a_time_rounded_to_the_hour_agrees_with_its_minutes():
    arts = reports("Blast\n\nThe explosion ripped through the cab at 4 a.m., police said.",
                   "Blast\n\nThe explosion ripped through the cab at 4:20 a.m., police said.",
                   "Blast\n\nThe explosion ripped through the cab at 4:17 a.m., police said.")
    assert kinds(arts, "time") == []


def test_times_of_day_on_different_days_are_not_a_dispute():
    arts = reports("Blast\n\nThe explosion ripped through the cab at 4 a.m. on Sunday.",
                   "Blast\n\nThe explosion ripped through the cab at 9 p.m. on Monday.",
                   published=(None, None))
    assert [d for d in kinds(arts, "time") if "At what time" in d.question] == []


def test_times_of_different_happenings_are_not_a_dispute():
    arts = reports("Arrest\n\nThe couple was shot dead at 4 a.m., police said.",
                   "Arrest\n\nThe teacher was arrested at 2 p.m., police said.")
    assert kinds(arts, "time") == []


def test_days_of_things_different_doers_did_are_not_a_dispute():
    arts = reports("Shootings\n\nPolice killed the gunmen in both Wednesday shootings at the "
                   "warehouse.",
                   "Shootings\n\nA temporary employee fatally shot three co-workers at the "
                   "warehouse before killing herself Thursday morning.")
    assert kinds(arts, "time") == []


@pytest.mark.parametrize("first, repeat, kinds", [
    ("The singer suffered a stroke and underwent surgery on June 3.",
     "The singer suffered a second stroke and underwent surgery on June 9.", ["time"]),
    ("Protesters blocked the bridge for 3 hours on Monday.",
     "Protesters blocked the bridge again for 6 hours on Tuesday.", ["number", "time"]),
])
def test_a_repeat_of_a_happening_is_not_a_dispute_with_the_first(first, repeat, kinds):
    # without the word that marks the repeat, the same pair is a dispute
    plain = repeat.replace("second ", "").replace(" again", "")
    trap_and_control(("Story\n\n" + first, "Story\n\n" + repeat),
                     ("Story\n\n" + first, "Story\n\n" + plain), *kinds)


@pytest.mark.parametrize("did, did_not", [
    ("About 840 of the hospital's nurses were vaccinated against the flu this week.",
     "About 160 of the hospital's nurses were not vaccinated against the flu this week."),
    ("The city vaccinated 840 nurses against the flu this week.",
     "The city did not vaccinate 160 nurses against the flu this week."),
])
def test_a_count_of_those_who_did_not_is_not_a_count_of_those_who_did(did, did_not):
    # the same pair, both saying who did, is a dispute
    did_too = did_not.replace("were not", "were").replace("did not vaccinate", "vaccinated")
    trap_and_control(("Flu\n\n" + did, "Flu\n\n" + did_not),
                     ("Flu\n\n" + did, "Flu\n\n" + did_too), "number")


def test_a_value_under_a_condition_is_not_set_against_the_rule():
    rule = "Schools\n\nThe agency said students can now sit 3 feet apart in classrooms."
    exception = ("Schools\n\nThe agency advises students to stay 6 feet apart in classrooms if "
                 "cohorting is not possible.")
    unconditioned = exception.replace(" if cohorting is not possible", "")
    trap_and_control((rule, exception), (rule, unconditioned), "number")


def test_a_wire_abbreviation_of_millions_agrees_with_the_figure():
    first = "Ransom\n\nThe hackers demanded $70M to restore the companies' data."
    trap_and_control(
        (first, "Ransom\n\nThe hackers demanded $70 mln to restore the companies' data."),
        (first, "Ransom\n\nThe hackers demanded $50 mln to restore the companies' data."),
        "number")


# --- the same figures for different periods ---------------------------------------------------

def test_the_same_figures_for_different_periods():
    arts = reports("Rockets\n\nThe army said 97 rockets from Gaza hit Israel on Friday and 99 more "
                   "were intercepted.",
                   "Rockets\n\nThe army said 97 rockets from Gaza had hit Israel since midweek, "
                   "while another 99 were intercepted.", published=(None, None))
    (d,) = [x for x in kinds(arts, "time") if x.question.startswith("Over what period")]
    assert [s.value for s in d.sides] == ["Friday", "since midweek"]
    assert "97, 99" in d.question


def test_the_same_figures_said_on_different_days_are_one_period():
    arts = reports("Rockets\n\nThe army said on Friday that 97 rockets from Gaza hit Israel and "
                   "99 more were intercepted.",
                   "Rockets\n\nThe army said on Saturday that 97 rockets from Gaza hit Israel and "
                   "99 more were intercepted.", published=(None, None))
    assert kinds(arts, "time") == []


def test_ages_on_different_days_are_not_figures():
    arts = reports("Shooting\n\nAn 18-year-old woman was shot on Saturday with a 19-year-old "
                   "woman.",
                   "Shooting\n\nRangers were back at the scene on Tuesday where an 18-year-old "
                   "woman and a 19-year-old woman were shot.", published=(None, None))
    assert [d for d in kinds(arts, "time") if d.question.startswith("Over what period")] == []


def test_round_figures_do_not_pin_one_fact():
    arts = reports("Rockets\n\nMilitants fired 100 rockets at Israel on Friday and 200 more were "
                   "intercepted.",
                   "Rockets\n\nMilitants fired 100 rockets at Israel since midweek and 200 more "
                   "were intercepted.", published=(None, None))
    assert [d for d in kinds(arts, "time") if d.question.startswith("Over what period")] == []


def test_weekdays_of_undated_reports_are_not_compared():
    # without publication dates two reports' weekdays may be of different weeks
    dated = reports("Defection\n\nThe soldier defected across the border on Monday.",
                    "Defection\n\nThe soldier who defected across the border on Sunday is in "
                    "hospital.", published="2017-11-14")
    assert len(kinds(dated, "time")) == 1
    undated = reports("Defection\n\nThe soldier defected across the border on Monday.",
                      "Defection\n\nThe soldier who defected across the border on Sunday is in "
                      "hospital.", published=(None, None))
    assert kinds(undated, "time") == []


def test_figures_in_the_period_question_are_as_given():
    arts = reports("Rates\n\nThe index rose 12.5 points and 17.25 points on Friday, traders said.",
                   "Rates\n\nThe index rose 12.5 points and 17.25 points since Monday, traders "
                   "said.", published=(None, None))
    (d,) = [x for x in kinds(arts, "time") if x.question.startswith("Over what period")]
    assert "12.5, 17.25" in d.question


def test_days_of_the_year_of_undated_reports_are_compared():
    # "April 14" names one day whatever the week: unlike a weekday, it needs no report date
    arts = reports("Vote\n\nShareholders will vote on the merger on April 14, the company said.",
                   "Vote\n\nShareholders will vote on the merger on April 16, the company said.",
                   published=(None, None))
    (d,) = kinds(arts, "time")
    assert [s.value for s in d.sides] == ["April 14", "April 16"]
    dated = reports("Vote\n\nShareholders will vote on the merger on April 14, the company said.",
                    "Vote\n\nShareholders will vote on the merger on Thursday, April 14, the "
                    "company said.", published=(None, "2016-04-10"))
    assert kinds(dated, "time") == []  # one day, written two ways
    months_apart = reports("Vote\n\nShareholders will vote on the merger on April 14.",
                           "Vote\n\nShareholders will vote on the merger on June 14.",
                           published=(None, None))
    assert kinds(months_apart, "time") == []  # more than two weeks apart: other happenings
