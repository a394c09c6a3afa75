"""What every benchmark script needs: the shared data, and one core."""

from __future__ import annotations

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
