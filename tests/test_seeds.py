"""End to end on the three real seed reports in ../shared/seeds (see ../shared/SEED_CASE.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crossread.cli import main
from helpers import check_offsets

PUBLISHED = "2017-11-14"  # the day after the defection; the seeds carry no date


@pytest.fixture(scope="module")
def brief(shared_dir):
    res = CliRunner().invoke(main, ["brief", "--format", "json", "--date", PUBLISHED,
                                    str(shared_dir / "seeds")])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def arts(brief):
    from crossread.model import Article, from_dict

    return [from_dict(Article, a) for a in brief["articles"]]


def _sentences_with(art, needle):
    return [s for s in art.sentences if needle in s.text]


def test_three_articles_in_input_order(arts):
    assert [a.index for a in arts] == [0, 1, 2]
    assert arts[0].title.endswith("Defecting to S. Korea")
    assert arts[1].title is None  # 002 opens with its lede, not a headline
    assert arts[2].title == (
        "North Korean Soldiers Open Fire on Man Attempting to Defect to the South")


def test_offsets_are_exact(arts):
    for a in arts:
        check_offsets(a)


def test_not_news_removed_with_rules(arts):
    a000, a002, a003 = arts
    assert [(r.rule, r.text) for r in a000.removed] == [("headline_media_tag", "[VIDEO]")]
    assert a002.removed == ()
    got = {r.rule: r.text for r in a003.removed}
    assert got["credit"] == "H/T The Associated Press"
    assert a003.credit == "The Associated Press"
    texts = [r.text for r in a003.removed]
    assert any(t.startswith("TRENDING:") for t in texts)
    assert any(t.startswith("RELATED:") for t in texts)
    assert any(t.startswith("Please share this story") for t in texts)
    assert any(t.endswith("Scroll down to comment below!") for t in texts)
    assert len(texts) == 5  # nothing else: no news sentence removed


def test_no_news_sentence_lost(arts, shared_dir):
    """Every sentence of the seed text is either a kept sentence, the headline, or removed."""
    for a in arts:
        covered = [(s.start, s.end) for s in a.sentences] + [
            (r.start, r.end) for r in a.removed if r.field == "text"]
        if a.raw_title and a.body_start:
            covered.append((0, a.body_start))
        for i, ch in enumerate(a.text):
            if not ch.isspace():
                assert any(s <= i < e for s, e in covered), (a.source, a.text[i:i + 60])


def _number(art, text):
    found = [n for s in art.sentences for n in s.numbers if n.text == text]
    assert found, [n.text for s in art.sentences for n in s.numbers]
    return found[0]


def test_numbers_recognised_with_what_they_count(arts):
    a000, a002, a003 = arts
    n = _number(a000, "twice")
    assert (n.value, n.unit) == (2, "times")
    n = _number(a003, "at least five times")
    assert (n.low, n.high, n.unit) == (5, None, "times")
    n = _number(a003, "roughly 40")
    assert n.counts == "shots" and n.low < 40 < n.high
    n = _number(a000, "an estimated 30,000")
    assert n.counts == "North Koreans" and n.value == 30000
    n = _number(a003, "An estimated 30,000")
    assert n.counts == "North Koreans"
    n = _number(a002, "some 1,000")
    assert n.counts == "North Koreans" and n.qualifier == "about"
    n = _number(a002, "about 50 meters")
    assert (n.value, n.unit) == (50, "meters")
    n = _number(a003, "five-hour")
    assert (n.value, n.unit, n.counts) == (5, "hour", "operation")


def _times(art):
    return {(t.text, t.value) for s in art.sentences for t in s.times}


def test_days_resolved(arts):
    a000, a002, a003 = arts
    assert ("Monday evening", "2017-11-13") in _times(a000)
    assert ("Monday", "2017-11-13") in _times(a002)
    t003 = _times(a003)
    assert ("Monday", "2017-11-13") in t003
    assert ("Sunday", "2017-11-12") in t003  # the self-contradiction a later stage shows
    assert ("Tuesday", "2017-11-14") in t003
    assert ("2011", "2011") in t003
    assert ("June", "2017-06") in _times(a002)


def _signals(art):
    return {(g.kind, g.text) for s in art.sentences for g in s.signals}


def test_editorial_signals(arts):
    a000, a002, a003 = arts
    s000 = _signals(a000)
    assert {("loaded", "tyrannical"), ("evaluative", "rather dramatically"),
            ("loaded", "slap in the face"), ("speculation", "may have")} <= s000
    s002 = _signals(a002)
    assert ("evaluative", "fled toward freedom") in s002
    assert ("evaluative", "a litany of") in s002
    s003 = _signals(a003)
    assert {("first_person", "I"), ("speculation", "I sincerely hope"),
            ("loaded", "mercilessly"), ("evaluative", "lived to see another day")} <= s003
    # the quoted official's "we" is the official's voice, not the outlet's
    assert not any(k == "first_person" for k, _ in s002)


def test_attribution_and_hedges(arts):
    a000, a002, a003 = arts
    srcs = {x.source for s in a000.sentences for x in s.attribution}
    assert {"Business Insider", "CBS News", "Fox News", "South Korean officials"} <= srcs
    srcs = {x.source for s in a003.sentences for x in s.attribution}
    assert {"CBS News", "CBS", "Suh Uk", "the BBC", "Vice News"} <= srcs
    hedges = {h.text for s in a002.sentences for h in s.hedges}
    assert "it was not immediately clear" in hedges


def test_entities(arts):
    a000, a002, _ = arts
    ents = {(e.text, e.label) for s in a000.sentences for e in s.entities}
    assert ("Kim Jung-Un", "PERSON") in ents
    assert ("Business Insider", "ORG") in ents
    ents = {e.text for s in a002.sentences for e in s.entities}
    assert {"Panmunjom", "China", "Kim Jong Un"} <= ents
