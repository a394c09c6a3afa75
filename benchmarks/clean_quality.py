"""Cleaning quality: precision and recall of boilerplate removal against hand labels.

    python benchmarks/clean_quality.py [--shared ../shared] [--details]

Labels (offsets and categories only, no article text) are in tests/fixtures/clean_labels.json;
the article text is read from ../shared/data/multinews/dev.jsonl, and the seed articles'
"Not news" items of ../shared/SEED_CASE.md are checked by the end-to-end tests.

A removal counts as correct when at least half of it lies inside labelled spans (required or
optional); otherwise it is a false removal, i.e. news the cleaner would have dropped. A required
label counts as found when removals cover at least half of it. Optional labels (ambiguous text
such as photo captions) never count against either figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from crossread.clean import clean
from crossread.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, dev_clusters, require_data

LABELS = ROOT / "tests" / "fixtures" / "clean_labels.json"


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def evaluate(shared: Path) -> dict:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    rows = dev_clusters(shared)
    tp_pred = n_pred = found = n_req = 0
    false_removals: list[dict] = []
    missed: list[dict] = []
    for item in labels["articles"]:
        text = rows[item["cluster"]]["articles"][item["article"]]["text"]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != item["text_sha256"]:
            raise SystemExit(f"{LABELS}: text of {item['cluster']}/{item['article']} changed")
        art = clean(Article(index=0, id="", text=text, source="dev"))
        pred = [(r.start, r.end) for r in art.removed if r.field == "text"]
        gold_all = [(s["start"], s["end"]) for s in item["spans"]]
        gold_req = [(s["start"], s["end"]) for s in item["spans"] if not s["optional"]]
        for p, r in zip(pred, art.removed, strict=True):
            n_pred += 1
            if _overlap(p, gold_all) * 2 >= p[1] - p[0]:
                tp_pred += 1
            else:
                false_removals.append({"where": f"{item['cluster']}/{item['article']}",
                                       "rule": r.rule, "text": r.text[:80]})
        for g in gold_req:
            n_req += 1
            if _overlap(g, pred) * 2 >= g[1] - g[0]:
                found += 1
            else:
                missed.append({"where": f"{item['cluster']}/{item['article']}",
                               "text": text[g[0]:g[1]][:80]})
    return {
        "articles": len(labels["articles"]),
        "removals": n_pred,
        "precision": tp_pred / n_pred if n_pred else 1.0,
        "labelled": n_req,
        "recall": found / n_req if n_req else 1.0,
        "false_removals": false_removals,
        "missed": missed,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--details", action="store_true", help="list false and missed removals")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    res = evaluate(args.shared)
    print(f"cleaning on {res['articles']} hand-labelled Multi-News dev articles")
    print(f"  precision {res['precision']:.3f}  ({res['removals']} removals, "
          f"{len(res['false_removals'])} false)")
    print(f"  recall    {res['recall']:.3f}  ({res['labelled']} required labels, "
          f"{len(res['missed'])} missed)")
    if args.details:
        for f in res["false_removals"]:
            print("  FALSE ", f["where"], f["rule"], repr(f["text"]))
        for m in res["missed"]:
            print("  MISSED", m["where"], repr(m["text"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
