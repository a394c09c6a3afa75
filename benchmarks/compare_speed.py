"""Time to compare a story (align + disputes + profiles) after start-up, on one core.

    python benchmarks/compare_speed.py [--shared ../shared]

Runs over the 3-article clusters of ../shared/data/multinews/dev.jsonl: each cluster is first
analysed (not timed), then compared (timed). Prints the mean, median and worst seconds per
cluster; the target is under 2 s for a 3-article story.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, dev_clusters, one_core, require_data  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    one_core()
    from crossread.config import Config
    from crossread.pipeline import analyse_texts, compare_articles

    rows = dev_clusters(args.shared)
    clusters = [r for r in rows if len(r["articles"]) == 3]
    config = Config()
    times = []
    for k, r in enumerate(clusters):
        arts = analyse_texts([a["text"] for a in r["articles"]], config)
        t0 = time.perf_counter()
        compare_articles(arts, [])
        if k > 0:  # the first comparison loads the parser and embedding model: start-up
            times.append(time.perf_counter() - t0)
    print(f"compare (align + disputes + profiles), {len(times)} three-article clusters, one core")
    print(f"  mean {statistics.mean(times):.2f} s, median {statistics.median(times):.2f} s, "
          f"worst {max(times):.2f} s per story")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
