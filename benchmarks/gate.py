"""Quality gate: the measured figures crossread claims may not silently drop.

    python benchmarks/gate.py                 # measure, compare with the baseline, fail on a drop
    python benchmarks/gate.py --update        # measure and raise floors (never lowers them)
    python benchmarks/gate.py --update --allow-lower "why"   # lower a floor, on purpose
    python benchmarks/gate.py --readme        # also rewrite README's quality table

Recomputes, on ../shared/data and our labelled fixtures: cleaning precision and recall; dispute
precision, recall and false disputes per dispute-free cluster (all 34 labelled clusters); the
agreed facts' precision and recall on the test half of the labelled passage pairs; the
summary's ROUGE-L, ROUGE-1 and ROUGE-2 and those of the strongest peer in the same run, and the
summary's lead over that peer; story clustering's B-cubed F1 (online, mean of the benchmark's
five shuffles, on the held-out test half and on all 313 articles, and on the test half against
the stories without the pages labelled as not reports of them); the same-story similarity on
the SemEval-2022 English pairs (-Pearson r against Overall, and ROC AUC). Floors live in
benchmarks/baseline.json with a small noise margin (0.01 for rates, 0.3 points for ROUGE); the
baseline also keeps a digest of the data and fixtures it was measured on, so a changed fixture
fails the gate instead of being absorbed.

Lowering a floor needs --allow-lower and a line "Lower floor: <why>" in the commit message that
changes baseline.json; the gate checks the last commit for it. Runs in about three minutes on 2
cores (all 105 summary clusters, all 313 clustering articles, no subsampling).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SHARED, require_data

BASELINE = ROOT / "benchmarks" / "baseline.json"
README = ROOT / "README.md"
FIXTURES = ("tests/fixtures/clean_labels.json", "tests/fixtures/dispute_labels.json",
            "tests/fixtures/cluster_non_reports.json",
            "tests/fixtures/fact_labels.json")
DATA = ("data/multinews/dev.jsonl", "data/multinews/dev_clustering_docs.jsonl",
        "data/semeval2022/dev_pairs.jsonl")
# name → (higher is better?, noise margin, label for the table)
FIGURES: dict[str, tuple[bool, float, str]] = {
    "clean.precision": (True, 0.01, "cleaning precision"),
    "clean.recall": (True, 0.01, "cleaning recall"),
    "disputes.precision": (True, 0.01, "dispute precision"),
    "disputes.recall": (True, 0.01, "dispute recall"),
    "disputes.false_per_free_cluster": (False, 0.01, "false disputes per dispute-free cluster"),
    "facts.precision": (True, 0.01, "agreed-fact precision (test half of labelled pairs)"),
    "facts.recall": (True, 0.01, "agreed-fact recall (test half of labelled pairs)"),
    "summary.rouge_l": (True, 0.3, "summary ROUGE-L"),
    "summary.rouge_1": (True, 0.3, "summary ROUGE-1"),
    "summary.rouge_2": (True, 0.3, "summary ROUGE-2"),
    "summary.lead_rouge_l": (True, 0.3, "summary ROUGE-L lead over the strongest peer"),
    "summary.lead_rouge_1": (True, 0.3, "summary ROUGE-1 lead over the strongest peer"),
    "summary.lead_rouge_2": (True, 0.3, "summary ROUGE-2 lead over the strongest peer"),
    "stories.bcubed_f1": (True, 0.01, "story clustering B-cubed F1 (test half)"),
    "stories.bcubed_f1_all": (True, 0.01, "story clustering B-cubed F1 (all articles)"),
    "stories.bcubed_f1_reports": (True, 0.01, "story clustering B-cubed F1 against the "
                                  "reports-only stories (test half)"),
    "stories.pairs_r": (True, 0.01, "same-story similarity vs SemEval Overall, -Pearson r"),
    "stories.pairs_auc": (True, 0.01, "same-story ROC AUC on the SemEval pairs"),
}


def digest(shared: Path) -> dict[str, str]:
    out = {}
    for rel in DATA:
        out[rel] = hashlib.sha256((shared / rel).read_bytes()).hexdigest()
    for rel in FIXTURES:
        out[rel] = hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()
    return out


def measure(shared: Path) -> tuple[dict[str, float], dict[str, str]]:
    """All gated figures, and notes (which peer was strongest, timings)."""
    from clean_quality import evaluate as clean_eval
    from cluster_quality import measure as cluster_eval
    from dispute_quality import evaluate as dispute_eval
    from fact_quality import evaluate as fact_eval
    from story_pairs import measure as pairs_eval
    from summary_quality import evaluate as summary_eval

    figures: dict[str, float] = {}
    notes: dict[str, str] = {}
    t0 = time.perf_counter()
    c = clean_eval(shared)
    figures["clean.precision"], figures["clean.recall"] = c["precision"], c["recall"]
    d = dispute_eval(shared, "all")
    figures["disputes.precision"], figures["disputes.recall"] = d["precision"], d["recall"]
    figures["disputes.false_per_free_cluster"] = d["false_per_free_cluster"]
    f = fact_eval(shared, "test")
    figures["facts.precision"], figures["facts.recall"] = f["precision"], f["recall"]
    s = summary_eval(shared)
    ours = s["systems"]["crossread"]
    peers = {k: v for k, v in s["systems"].items() if k != "crossread" and v["available"]}
    for metric in ("rouge_l", "rouge_1", "rouge_2"):
        best = max(peers, key=lambda k: peers[k][metric])
        figures[f"summary.{metric}"] = ours[metric]
        figures[f"summary.lead_{metric}"] = ours[metric] - peers[best][metric]
        notes[f"peer.{metric}"] = f"{best} {peers[best][metric]:.2f}"
    test = cluster_eval(shared=shared, subset="test")
    figures["stories.bcubed_f1"] = test["bcubed_f1"]
    figures["stories.bcubed_f1_reports"] = test["bcubed_f1_reports"]
    figures["stories.bcubed_f1_all"] = cluster_eval(shared=shared, subset="all")["bcubed_f1"]
    pairs = pairs_eval(shared)
    # similarity falls as the Overall rating (1 same .. 4 different) rises: r is negative
    figures["stories.pairs_r"], figures["stories.pairs_auc"] = -pairs["pearson"], pairs["auc"]
    notes["seconds"] = f"{time.perf_counter() - t0:.0f}"
    return {k: round(v, 4) for k, v in figures.items()}, notes


def _table(figures: dict[str, float], floors: dict[str, float], notes: dict[str, str]) -> str:
    rows = [f"{'figure':48} {'floor':>8} {'now':>8}"]
    for name, (higher, _margin, label) in FIGURES.items():
        floor = floors.get(name)
        bound = "—" if floor is None else (f"≥{floor:.3f}" if higher else f"≤{floor:.3f}")
        rows.append(f"{label:48} {bound:>8} {figures[name]:8.3f}")
    for metric in ("rouge_l", "rouge_1", "rouge_2"):
        rows.append(f"  strongest peer on {metric}: {notes[f'peer.{metric}']}")
    return "\n".join(rows)


def _failures(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    out = []
    for name, (higher, _margin, label) in FIGURES.items():
        floor = floors.get(name)
        if floor is None:
            out.append(f"{label}: no floor in {BASELINE.name} (run --update)")
        elif (higher and figures[name] < floor) or (not higher and figures[name] > floor):
            out.append(f"{label} dropped: {figures[name]:.3f}, floor {floor:.3f}")
    return out


def _new_floors(figures: dict[str, float], old: dict[str, float],
                allow_lower: bool) -> tuple[dict[str, float], list[str]]:
    floors, lowered = {}, []
    for name, (higher, margin, label) in FIGURES.items():
        proposed = figures[name] - margin if higher else figures[name] + margin
        proposed = round(max(proposed, 0.0), 4)
        prev = old.get(name)
        worse = prev is not None and ((higher and proposed < prev) or
                                      (not higher and proposed > prev))
        if worse and not allow_lower:
            floors[name] = prev  # floors only rise unless lowering is asked for
        else:
            floors[name] = proposed
            if worse:
                lowered.append(label)
    return floors, lowered


def _check_lowering_was_declared() -> str | None:
    """A commit that lowers a floor must say why ("Lower floor: ..." in its message)."""
    try:
        prev = subprocess.run(["git", "show", "HEAD~1:benchmarks/baseline.json"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
        msg = subprocess.run(["git", "log", "-1", "--format=%B"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
        head = subprocess.run(["git", "show", "HEAD:benchmarks/baseline.json"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None  # no history to compare (first baseline, or not a git checkout)
    before, after = json.loads(prev)["floors"], json.loads(head)["floors"]
    lowered = [FIGURES[n][2] for n, (higher, _m, _l) in FIGURES.items()
               if n in before and n in after
               and ((higher and after[n] < before[n]) or (not higher and after[n] > before[n]))]
    if lowered and "lower floor:" not in msg.lower():
        return ("the last commit lowers the floor of " + ", ".join(lowered)
                + " without a 'Lower floor: <why>' line in its message")
    return None


def readme_table(figures: dict[str, float], notes: dict[str, str]) -> str:
    lines = ["| figure | now | floor (CI) |", "|---|---:|---:|"]
    floors = json.loads(BASELINE.read_text())["floors"]
    for name, (higher, _margin, label) in FIGURES.items():
        sign = "≥" if higher else "≤"
        lines.append(f"| {label} | {figures[name]:.3f} | {sign} {floors[name]:.3f} |")
    peers = "; ".join(f"{m.split('.')[1]}: {v}" for m, v in notes.items() if m.startswith("peer"))
    lines.append("")
    lines.append(f"Strongest peer in the same run — {peers}.")
    return "\n".join(lines)


def write_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- quality:start -->", "<!-- quality:end -->"
    a, b = text.index(start) + len(start), text.index(end)
    README.write_text(text[:a] + "\n" + table + "\n" + text[b:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--update", action="store_true", help="write measured floors (raise only)")
    ap.add_argument("--allow-lower", metavar="WHY", help="with --update: allow lowering floors")
    ap.add_argument("--readme", action="store_true", help="rewrite README's quality table")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {"floors": {}}
    now_digest = digest(args.shared)
    if not args.update and baseline.get("digest") != now_digest:
        changed = [k for k in now_digest if baseline.get("digest", {}).get(k) != now_digest[k]]
        print(f"gate: data or fixtures changed since the baseline: {', '.join(changed)}; "
              "re-measure with --update", file=sys.stderr)
        return 1
    figures, notes = measure(args.shared)
    if args.update:
        floors, lowered = _new_floors(figures, baseline["floors"], bool(args.allow_lower))
        BASELINE.write_text(json.dumps({"digest": now_digest, "floors": floors,
                                        "measured": figures}, indent=2) + "\n")
        if lowered:
            print(f"lowered: {', '.join(lowered)} (because: {args.allow_lower}); put "
                  f"'Lower floor: {args.allow_lower}' in the commit message")
        baseline = {"floors": floors}
    print(_table(figures, baseline["floors"], notes))
    print(f"measured in {notes['seconds']} s")
    if args.readme:
        write_readme(readme_table(figures, notes))
    problems = _failures(figures, baseline["floors"])
    declared = _check_lowering_was_declared()
    if declared:
        problems.append(declared)
    for p in problems:
        print(f"gate: FAILED: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
