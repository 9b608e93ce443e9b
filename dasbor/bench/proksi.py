"""Sessions through the office server: ``python -m dasbor.layan`` (HAProxy + N replicas), 1 and 2 replicas.

For each replica count the real command starts on loopback ports (as ``make serve`` does), every replica is
warmed by one visitor viewing every page directly (so both counts start with warm caches, as a server does
after its first minutes), then the same websocket sessions as :mod:`dasbor.bench.live_server` run through
the proxy: 30 and 100 sessions, back to back and at meeting pace. Every websocket is a new session; HAProxy
places it on the replica with the fewest open connections (``balance leastconn``). The ratio is the p95 with
1 replica over the p95 with 2 (above 1 = the second replica helps). Server CPU is the replicas' and the proxy's
together, per view.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dasbor.bench import live_server
from dasbor.bench.live_server import HOST, Server
from dasbor.bench.timing import rounded
from dasbor.warehouse import settings

REPLIKA = (1, 2)
SESSIONS = (30, 100)
SCENARIOS = ("back_to_back", "meeting")


@contextlib.contextmanager
def running_office(
    warehouse: Path, replika: int, *, aplikasi: Path | None = None, startup_s: float = 180.0
) -> Iterator[dict[str, Any]]:
    """Start ``python -m dasbor.layan --replika N`` on a free loopback port; its ``layanan.json`` state once the
    proxy answers. Always stopped (SIGTERM, as Ctrl-C), the runtime folder removed."""
    folder = Path(tempfile.mkdtemp(prefix="dasbor-bench-layan-"))
    port = live_server.free_port()
    command = [
        sys.executable, "-m", "dasbor.layan", "--replika", str(replika), "--port", str(port),
        "--alamat", HOST, "--folder", str(folder),
    ]  # fmt: skip
    if aplikasi is not None:
        command += ["--aplikasi", str(aplikasi)]
    log = (folder / "layan.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments, no shell
        command,
        cwd=settings.PROJECT_ROOT,
        env={**os.environ, "DASBOR_WAREHOUSE": str(warehouse)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + startup_s
        state = folder / "layanan.json"
        while not (state.exists() and _healthy(port)):
            if process.poll() is not None:
                tail = (folder / "layan.log").read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"dasbor.layan stopped at start (exit {process.returncode}): {tail}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"dasbor.layan did not answer on port {port} within {startup_s:.0f} s")
            time.sleep(0.3)
        yield json.loads(state.read_text(encoding="utf-8"))
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _cpu(pids: list[int]) -> float | None:
    values = [live_server.cpu_ms(p) for p in pids]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def measure(
    warehouse: Path,
    *,
    replika: tuple[int, ...] = REPLIKA,
    sessions: tuple[int, ...] = SESSIONS,
    pause_s: tuple[float, float] = live_server.MEETING_PAUSE_S,
    log: bool = True,
) -> dict[str, Any]:
    """``{"proksi": {"runs": [...], "ratios": [...]}}``: one run per replica count, session count and scenario."""
    runs: list[dict[str, Any]] = []
    for n in replika:
        with running_office(warehouse, n) as state:
            pids = [r["pid"] for r in state["replika"]] + [state["proksi_pid"]]
            pages: list[str] = []
            for r in state["replika"]:  # warm every replica's caches directly, as after a server's first minutes
                pages, _ = live_server.single_session(Server(r["pid"], r["port"]))
            proxy = Server(state["proksi_pid"], state["port"])
            for count in sessions:
                for scenario in SCENARIOS:
                    pause = pause_s if scenario == "meeting" else None
                    if log:
                        print(f"  {n} replica(s) behind HAProxy: {count} sessions, {scenario}", flush=True)
                    before = _cpu(pids)
                    load = live_server.concurrency(proxy, pages, count, pause_s=pause)
                    after = _cpu(pids)
                    if before is not None and after is not None and load["renders"]:
                        load["server_cpu_ms_per_render"] = rounded((after - before) / load["renders"])
                    load["peak_rss_mb"] = [live_server.peak_rss_mb(r["pid"]) for r in state["replika"]]
                    runs.append({"replika": n, "scenario": scenario, **load})
    return {"proksi": {"runs": runs, "ratios": ratios(runs)}}


def ratios(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per session count and scenario: p50 and p95 with 1 replica over those with 2."""
    by = {(r["replika"], r["sessions"], r["scenario"]): r for r in runs}
    out = []
    for (n, count, scenario), one in sorted(by.items()):
        two = by.get((2, count, scenario))
        if n != 1 or two is None:
            continue
        row: dict[str, Any] = {"sessions": count, "scenario": scenario}
        for key in ("p50_ms", "p95_ms"):
            a, b = one.get(key), two.get(key)
            row[key.replace("_ms", "_ratio")] = rounded(a / b, 2) if a and b else None
        out.append(row)
    return out


def goal_lines(result: dict[str, Any]) -> list[dict[str, str]]:
    """Issue 15's concurrency goals, as ``goal``/``measured``/``status`` lines (never asserted)."""
    runs = (result.get("proksi") or {}).get("runs") or []
    lines = []
    for goal, replika, count, scenario in (
        ("100 sessions at meeting pace through the proxy (2 replicas): p95 <= 1 s, no errors", 2, 100, "meeting"),
        ("30 sessions back to back through the proxy (2 replicas): p95 <= 1 s, no errors", 2, 30, "back_to_back"),
    ):
        run = next(
            (r for r in runs if (r["replika"], r["sessions"], r["scenario"]) == (replika, count, scenario)), None
        )
        p95 = run.get("p95_ms") if run else None
        if run is None or p95 is None:
            lines.append({"goal": goal, "measured": "not measured", "status": "n/a"})
            continue
        ok = p95 <= 1000.0 and run["errors"] == 0
        measured = f"p95 {p95:,.0f} ms, {run['errors']} errors"
        lines.append({"goal": goal, "measured": measured, "status": "pass" if ok else "miss"})
    return lines


def markdown(results: list[dict[str, Any]]) -> list[str]:
    """The report's section: the concurrency table through the proxy and the 1-over-2 ratios."""
    lines: list[str] = []
    for r in results:
        proksi = r.get("proksi")
        if not proksi:
            continue
        lines += [f"## Concurrency through HAProxy, 1 and 2 replicas (scale {r['scale']:g})", ""]
        lines += [
            "`python -m dasbor.layan --replika N` (what `make serve` runs) on loopback; every replica warmed by one "
            "visitor first; then the sessions of the table above through the proxy. Server CPU/view: replicas and "
            "proxy together. Ratio = 1 replica / 2 replicas (above 1: the second replica helps).",
            "",
            "| replicas | sessions | scenario | views done | p50 | p95 | max | landing p95 | errors | CPU/view "
            "| wall |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for run in sorted(proksi["runs"], key=lambda x: (x["sessions"], x["scenario"], x["replika"])):
            lines.append(
                f"| {run['replika']} | {run['sessions']} | {run['scenario'].replace('_', ' ')} | "
                f"{run['renders']} of {run['planned']} | {_n(run['p50_ms'])} | {_n(run['p95_ms'])} | "
                f"{_n(run['max_ms'])} | {_n(run['landing_p95_ms'])} | {run['errors']} | "
                f"{_n(run.get('server_cpu_ms_per_render'))} | {_n(run['wall_s'])} s |"
            )
        lines += ["", "| sessions | scenario | p50 ratio | p95 ratio |", "|---|---|---|---|"]
        for row in proksi["ratios"]:
            lines.append(
                f"| {row['sessions']} | {row['scenario'].replace('_', ' ')} | {_n(row['p50_ratio'], 2)} | "
                f"{_n(row['p95_ratio'], 2)} |"
            )
        lines.append("")
        for run in proksi["runs"]:
            if run.get("error_examples"):
                lines += [
                    f"Errors ({run['replika']} replica(s), {run['sessions']} sessions, {run['scenario']}): "
                    + "; ".join(run["error_examples"]),
                    "",
                ]
    return lines


def _n(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"
