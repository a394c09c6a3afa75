"""The fictional example story in examples/harbour-crane shows every feature it claims to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-crane"


@pytest.fixture(scope="module")
def doc():
    res = CliRunner().invoke(main, ["brief", "--format", "json", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _outlet(doc, name):
    return next(a["index"] for a in doc["articles"] if a["outlet"] == name)


def test_four_formats_read(doc):
    assert [a["outlet"] for a in doc["articles"]] == [
        "Coastal Courier", "Harbour Wire", "Larkhaven Gazette", "regional-radio"]
    assert doc["articles"][1]["external_id"] == "hw-2026-0310-crane"


def test_day_and_count_disputes(doc):
    kinds = {d["kind"]: d for d in doc["disputes"] if not d["detail_only"]}
    day = kinds["time"]
    assert [s["value"] for s in day["sides"]] == ["Monday (2026-03-09)", "Tuesday (2026-03-10)"]
    assert day["sides"][1]["outlets"] == ["Harbour Wire", "Larkhaven Gazette", "regional-radio"]
    count = kinds["number"]
    assert [s["value"] for s in count["sides"]] == ["four", "two"]
    assert count["self_contradiction"]  # the Coastal Courier says four, then "the two injured"
    assert "Coastal Courier" in count["sides"][1]["outlets"]


def test_headline_the_body_does_not_support(doc):
    cc = _outlet(doc, "Coastal Courier")
    issues = next(p for p in doc["profiles"] if p["article"] == cc)["headline_issues"]
    assert {i["text"] for i in issues} == {"Deadly", "Resigns"}
    others = [p for p in doc["profiles"] if p["article"] != cc]
    assert all(p["headline_issues"] == [] for p in others)


def test_opinion_and_promo(doc):
    cc = _outlet(doc, "Coastal Courier")
    kinds = {g["kind"] for g in doc["profiles"][cc]["signals"]}
    assert {"first_person", "loaded", "unattributed_assertion"} <= kinds
    removed = {r["rule"] for a in doc["articles"] for r in a["removed"]}
    assert {"promo_link", "share_prompt", "credit"} <= removed
    radio = doc["articles"][_outlet(doc, "regional-radio")]
    assert radio["credit"] == "Harbour Wire"


def test_agreed_facts(doc):
    agreed = [f for f in doc["facts"] if len(f["articles"]) >= 2]
    assert any("Hospital" in f["text"] and len(f["articles"]) == 4 for f in agreed)
    assert any("48 hours" in f["text"] or "two days" in f["text"] for f in agreed)


def test_readme_excerpt_is_real_output():
    """README's example is an excerpt of what `crossread brief examples/harbour-crane/` prints in
    a terminal: every line of it but the "…" elisions is a line of the real output."""
    readme = (EXAMPLE.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Example"):]
    block = section[section.index("```text") + len("```text"):]
    block = block[:block.index("```")]
    res = CliRunner().invoke(main, ["brief", "--format", "terminal", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    printed = set(res.stdout.splitlines())
    lines = [line for line in block.splitlines() if line.strip() and line.strip() != "…"]
    assert len(lines) > 20
    missing = [line for line in lines if line not in printed]
    assert not missing, "README example drifted from real output:\n" + "\n".join(missing)
