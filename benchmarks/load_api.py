"""Load on the JSON API, loopback only, bounded: 20 concurrent clients for 30 s.

    python benchmarks/load_api.py [--clients 20] [--seconds 30] [--shared ../shared]

Starts `crossread serve` in its own process on 127.0.0.1, posts the three seed reports to
POST /api/brief from `--clients` threads until `--seconds` have passed, and prints requests per
second, p50/p99 latency, errors, and the server's resident memory after warm-up, in the middle
and at the end (stable memory: the last two close to each other).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, require_data


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    payload = {"articles": [{"text": p.read_text(encoding="utf-8"), "published": "2017-11-14"}
                            for p in sorted((args.shared / "seeds").iterdir())]}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("crossread")
    server = subprocess.Popen([str(exe), "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(url + "/", timeout=1.0)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        httpx.post(url + "/api/brief", json=payload, timeout=60).raise_for_status()  # warm-up
        rss = [_rss_mb(server.pid)]
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.perf_counter() + args.seconds

        def client() -> None:
            with httpx.Client(timeout=60) as c:
                while time.perf_counter() < stop:
                    t0 = time.perf_counter()
                    try:
                        r = c.post(url + "/api/brief", json=payload)
                        ok = r.status_code == 200 and len(r.json()["disputes"]) == 4
                        err = None if ok else f"HTTP {r.status_code}"
                    except (httpx.HTTPError, ValueError, KeyError) as exc:
                        err = type(exc).__name__
                    with lock:
                        if err:
                            errors.append(err)
                        else:
                            latencies.append(time.perf_counter() - t0)

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        t_start = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(args.seconds / 2)
        rss.append(_rss_mb(server.pid))
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t_start
        rss.append(_rss_mb(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=10)
    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))] if lat else float("nan")
    print(f"POST /api/brief with the 3 seed reports, {args.clients} clients, {elapsed:.0f} s, "
          "loopback")
    print(f"  requests/s {len(lat) / elapsed:.2f}   ok {len(lat)}   errors {len(errors)}")
    print(f"  latency p50 {statistics.median(lat):.2f} s   p99 {p99:.2f} s")
    print(f"  server memory (RSS) after warm-up {rss[0]:.0f} MB, mid-run {rss[1]:.0f} MB, "
          f"end {rss[2]:.0f} MB")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
