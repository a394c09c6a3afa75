"""The seed case of ../shared/SEED_CASE.md, compared: disputes, non-disputes, agreed facts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crossread.cli import main
from crossread.model import Brief, Dispute, from_dict

A000, A002, A003 = 0, 1, 2


@pytest.fixture(scope="module")
def brief(shared_dir) -> Brief:
    res = CliRunner().invoke(main, ["brief", "--format", "json", "--date", "2017-11-14",
                                    str(shared_dir / "seeds")])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["schema_version"] == "1.3"
    for d in doc["disputes"]:
        for side in d["sides"]:
            for e in side["evidence"]:
                text = doc["articles"][e["article"]]["text"]
                assert text[e["start"]:e["end"]] == e["text"]
    return from_dict(Brief, doc)


def _arts(d: Dispute) -> list[set[int]]:
    return [{e.article for e in s.evidence} for s in d.sides]


def _find(brief: Brief, kind: str, value: str) -> Dispute:
    found = [d for d in brief.disputes if d.kind == kind
             and any(value in s.value for s in d.sides)]
    assert len(found) == 1, [(d.kind, [s.value for s in d.sides]) for d in brief.disputes]
    return found[0]


def test_hit_count(brief):
    d = _find(brief, "number", "twice")
    assert [s.value for s in d.sides] == ["twice", "at least five times", "unclear"]
    assert _arts(d) == [{A000}, {A003}, {A002}]
    assert not d.detail_only and not d.self_contradiction


def test_day_with_self_contradiction(brief):
    d = _find(brief, "time", "Sunday")
    assert [s.value for s in d.sides] == ["Monday (2017-11-13)", "Sunday (2017-11-12)"]
    assert _arts(d) == [{A000, A002, A003}, {A003}]
    assert d.self_contradiction and not d.detail_only


def test_rank_with_self_contradiction(brief):
    d = _find(brief, "attribute", "high-ranking")
    assert [s.value for s in d.sides] == ["high-ranking", "low-ranking"]
    assert _arts(d) == [{A000}, {A000}]
    assert d.self_contradiction


def test_injuries_differ_in_detail(brief):
    d = _find(brief, "attribute", "elbow and shoulder")
    assert d.detail_only
    assert [s.value for s in d.sides] == ["elbow and shoulder", "internal organs"]
    assert _arts(d) == [{A000, A002}, {A003}]


def test_exactly_the_four_disputes(brief):
    # none of SEED_CASE's "Not disputes": 30,000 vs 1,000 a year, gunfire stopped vs no exchange
    # of fire, Panmunjom vs the DMZ, Kim Jung-Un vs Kim Jong Un
    assert len(brief.disputes) == 4
    for d in brief.disputes:
        values = " ".join(s.value for s in d.sides)
        assert "1,000" not in values and "30,000" not in values and "Panmunjom" not in values


def test_name_variant_is_noted(brief):
    assert any({g.name, *g.variants} >= {"Kim Jung-Un", "Kim Jong Un"} for g in brief.entities)


def _agreed(brief: Brief, needle: str, articles: set[int]) -> bool:
    return any(len(f.articles) >= 2 and articles <= set(f.articles)
               and any(needle in e.text for e in f.support) for f in brief.facts)


def test_agreed_facts_found(brief):
    # he defected into South Korea on Monday (all three); about 30,000 have fled since the war
    # (000, 003); wounds to the elbow and shoulder (000, 002)
    assert _agreed(brief, "defected to South Korea Monday evening", {A000, A002, A003})
    assert _agreed(brief, "30,000", {A000, A003})
    assert _agreed(brief, "elbow", {A000, A002})
    # North Korean guards are ordered to shoot defectors (000 in a clause after a guess,
    # 002): the guess takes only its own clause out of the facts
    assert _agreed(brief, "instructed to shoot", {A000, A002})


def test_agreed_clause_of_a_longer_sentence(brief):
    # "..., but most people fleeing the tyrannical country flee through China" (000) and "Most
    # defectors are smuggled through China, where they face ..." (002): a clause each
    assert _agreed(brief, "China", {A000, A002})


@pytest.mark.xfail(strict=True, reason="known gap: the static embedding model does not yet "
                   "align these paraphrases across outlets (see README, Measured)")
def test_agreed_facts_not_yet_found(brief):
    # "was taken to the hospital" (000) and, inside a quotation, "The defector was urgently
    # transferred to hospital in a helicopter" (002)
    assert _agreed(brief, "hospital", {A000, A002})


def test_profiles(brief):
    by = {p.article: p for p in brief.profiles}
    kinds003 = {g.kind for g in by[A003].signals}
    assert {"first_person", "loaded", "evaluative", "speculation"} <= kinds003
    assert by[A000].headline_issues == ()  # "Shot Multiple Times": the body says he was shot
    assert any(f for f in by[A002].unique_facts)


def test_terminal_and_markdown_show_disputes_side_by_side(shared_dir):
    res = CliRunner().invoke(main, ["brief", "--format", "markdown", "--date", "2017-11-14",
                                    str(shared_dir / "seeds")])
    out = res.stdout
    assert "## Where the reports disagree" in out
    assert "| **twice** | **at least five times** | **unclear** |" in out
    assert "## Where the reports differ in detail" in out
    assert "## Agreed by two or more outlets" in out


def test_brief_is_the_same_whatever_the_hash_seed(shared_dir):
    """Sets iterate in an order that changes with PYTHONHASHSEED; nothing a brief shows may
    depend on it (a dispute's question once named its verbs in set order)."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "crossread", "brief", "--format", "json", "--date",
             "2017-11-14", str(shared_dir / "seeds")],
            capture_output=True, text=True, env=env, check=False, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
