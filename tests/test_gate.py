"""The quality gate's rules: floors only rise, a drop names its figure, lowering is explicit."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import gate


def _figures(**over: float) -> dict[str, float]:
    base = {name: 0.5 for name in gate.FIGURES}
    base.update({k.replace("__", "."): v for k, v in over.items()})
    return base


def test_a_drop_names_the_figure():
    floors = {name: 0.4 for name in gate.FIGURES}
    floors["disputes.false_per_free_cluster"] = 0.6
    assert gate._failures(_figures(), floors) == []
    problems = gate._failures(_figures(summary__rouge_l=0.3), floors)
    assert problems == ["summary ROUGE-L dropped: 0.300, floor 0.400"]
    problems = gate._failures(_figures(disputes__false_per_free_cluster=0.7), floors)
    assert problems == ["false disputes per dispute-free cluster dropped: 0.700, floor 0.600"]


def test_missing_floor_fails():
    assert any("no floor" in p for p in gate._failures(_figures(), {}))


def test_floors_only_rise_unless_lowering_is_allowed():
    old, _ = gate._new_floors(_figures(), {}, allow_lower=False)
    assert old["clean.precision"] == 0.49  # the measured value less the noise margin
    worse = _figures(clean__precision=0.2)
    floors, lowered = gate._new_floors(worse, old, allow_lower=False)
    assert floors == old and lowered == []
    floors, lowered = gate._new_floors(worse, old, allow_lower=True)
    assert floors["clean.precision"] == 0.19 and lowered == ["cleaning precision"]
    better = _figures(clean__precision=0.9)
    floors, _ = gate._new_floors(better, old, allow_lower=False)
    assert floors["clean.precision"] == 0.89  # raised, with the noise margin


def test_baseline_covers_every_figure_and_its_data():
    import json

    baseline = json.loads(gate.BASELINE.read_text())
    assert set(baseline["floors"]) == set(gate.FIGURES)
    assert set(baseline["digest"]) == set(gate.DATA) | set(gate.FIXTURES)
