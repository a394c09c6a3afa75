"""What every benchmark script needs: the shared data, and one core."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def require_data(shared: Path) -> bool:
    """True when ../shared/data is there; otherwise say so on one line."""
    if (shared / "data").is_dir():
        return True
    print(f"no evaluation data at {shared}/data", file=sys.stderr)
    return False


def one_core() -> None:
    """Pin this process to one CPU, so timings mean "on one core"."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


DEV = Path("data") / "multinews" / "dev.jsonl"


def dev_clusters(shared: Path) -> list[dict[str, Any]]:
    """The Multi-News dev clusters, one `{"id", "articles": [{"text"}], "summary"}` each."""
    path = shared / DEV
    if not path.is_file():
        raise FileNotFoundError(f"no Multi-News dev data at {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cluster_texts(rows: list[dict[str, Any]], cluster: int, hashes: list[str],
                  labels: Path) -> list[str]:
    """The article texts of dev cluster `cluster`, checked against the SHA-256 hashes the hand
    labels in `labels` were made on: changed data ends the run, never mis-scores it."""
    texts = [a["text"] for a in rows[cluster]["articles"]]
    if [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts] != hashes:
        raise SystemExit(f"{labels}: texts of cluster {cluster} changed")
    return texts


def hash_half(key: str) -> str:
    """"tune" or "test", by the parity of the first byte of `key`'s SHA-256: a split that
    needs no list and never moves an item from one half to the other."""
    return "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "test"
