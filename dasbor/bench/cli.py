"""``python -m dasbor.bench --scale N --json FILE [--runs K] [--cache DIR] [--sessions N] [--pause A,B]
[--warehouse PATH] [--impor-baris N]``.

Order of work: warehouse (build in a child process, or reuse), queries against pandas, pages under AppTest,
then a live server (memory of one session, then N simultaneous sessions). A part that fails is recorded in
``errors`` and the others still run; the exit code is 1 when anything failed, so ``make bench`` notices.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dasbor.bench import (
    goals,
    impor_besar,
    live_server,
    machine,
    page_timing,
    peramban,
    proksi,
    query_timing,
    results,
    warehouse,
)
from dasbor.warehouse import settings

BENCH_VERSION = 1
"""Bumped when the JSON changes shape, so old files are not compared with new ones unknowingly."""

PARTS = ("queries", "pages", "server", "proksi", "peramban")
"""``proksi``: sessions through HAProxy with 1 and 2 replicas; ``peramban``: landing and page switch in Chromium."""
DEFAULT_PARTS = ("queries", "pages", "server")
"""Without ``--parts``: the office-server parts take minutes and need HAProxy and Chromium, so ``make bench``
asks for them by name (at scale 1)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dasbor.bench", description="Benchmark of the dashboard.")
    parser.add_argument("--scale", type=float, default=1.0, help="sample scale: 1 = province, 60 = national")
    parser.add_argument("--json", type=Path, required=True, help="where to write the figures (JSON)")
    parser.add_argument("--runs", type=int, default=5, help="rounds per page (median reported)")
    parser.add_argument("--query-runs", type=int, default=20, help="timed runs per query (median and p95)")
    parser.add_argument("--pandas-runs", type=int, default=5, help="timed runs per pandas baseline")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per query and side, at most")
    parser.add_argument("--cache", type=Path, default=settings.PROJECT_ROOT / "bench" / "cache", help="cache folder")
    parser.add_argument("--sessions", type=int, default=30, help="simultaneous sessions against the live server")
    parser.add_argument(
        "--pause",
        type=_pause,
        default=live_server.MEETING_PAUSE_S,
        help="seconds a visitor reads a page in the meeting scenario, as MIN,MAX (default 2,8)",
    )
    parser.add_argument("--warehouse", type=Path, default=None, help="measure this prebuilt warehouse instead")
    parser.add_argument("--seed", type=int, default=42, help="sample seed")
    parser.add_argument("--rebuild", action="store_true", help="build again even if the cache is current")
    parser.add_argument("--note", default="", help="a sentence for the report (e.g. 'machine shared')")
    parser.add_argument("--markdown", type=Path, default=None, help="also write this run's tables as Markdown")
    parser.add_argument(
        "--impor-baris",
        type=int,
        default=0,
        metavar="N",
        help="also import a generated N-row registry CSV from the command line (issue 12: 1000000)",
    )
    parser.add_argument(
        "--parts",
        default=",".join(DEFAULT_PARTS),
        help=f"what to measure, comma-separated, of {','.join(PARTS)} (default: {','.join(DEFAULT_PARTS)})",
    )
    return parser


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Measure everything; the JSON document."""
    if not 1 <= args.sessions <= live_server.MAX_SESSIONS:
        raise SystemExit(f"--sessions must be between 1 and {live_server.MAX_SESSIONS}")
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    if unknown := sorted(set(parts) - set(PARTS)):
        raise SystemExit(f"--parts: unknown {', '.join(unknown)} (choose from {', '.join(PARTS)})")
    result: dict[str, Any] = {
        "bench_version": BENCH_VERSION,
        "scale": args.scale,
        "seed": args.seed,
        "runs": args.runs,
        "parts": parts,
        "note": args.note,
        "machine": machine.describe(),
        "errors": [],
    }
    print(f"Benchmark at scale {args.scale:g}", flush=True)
    w = warehouse.prepare(
        scale=args.scale, seed=args.seed, cache=args.cache, prebuilt=args.warehouse, rebuild=args.rebuild
    )
    result["warehouse"] = {
        "path": _shown(w.path),
        "origin": w.origin,
        "rows": w.rows,
        "size_mb": round(w.size_mb, 1),
        "build_s": w.build_s,
        "build_peak_rss_mb": w.build_peak_rss_mb,
    }
    result.update(build_s=w.build_s, build_peak_rss_mb=w.build_peak_rss_mb, warehouse_size_mb=round(w.size_mb, 1))
    path = w.path.resolve()

    def part(name: str, fn: Callable[[], dict[str, Any]]) -> None:
        if name not in parts:
            return
        print(f"{name} ...", flush=True)
        try:
            result.update(fn())
        except Exception as exc:  # noqa: BLE001 - one failed part must not lose the others' figures
            traceback.print_exc()
            result["errors"].append(f"{name}: {type(exc).__name__}: {exc}")

    settings_q = query_timing.QuerySettings(runs=args.query_runs, pandas_runs=args.pandas_runs, budget_s=args.budget)
    part("queries", lambda: query_timing.time_queries(path, w.parquet.resolve(), settings_q))
    part("pages", lambda: {"pages": page_timing.time_pages(path, runs=args.runs)})
    part("server", lambda: live_server.measure(path, args.sessions, pause_s=args.pause))
    part("proksi", lambda: proksi.measure(path, pause_s=args.pause))
    part("peramban", lambda: peramban.measure(path))
    if args.impor_baris > 0:
        parts.append("impor")
        part("impor", lambda: impor_besar.measure(path, args.impor_baris))
    for name, figures in (result.get("queries") or {}).items():
        if figures.get("error"):
            result["errors"].append(f"query {name}: {figures['error']}")
    result["machine"]["load_average_end"] = machine.load_average()
    result["goals"] = goals.evaluate(result) + proksi.goal_lines(result) + peramban.goal_lines(result)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run, write the JSON (and Markdown if asked), print the tables."""
    args = _parser().parse_args(argv)
    result = run(args)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    text = results.render([result])
    if args.markdown is not None:
        args.markdown.write_text(text, encoding="utf-8")
    if "impor_besar" in result:
        text += "\n" + impor_besar.render(result) + "\n"
    print(text)
    print(f"Figures written to {args.json}")
    for error in result["errors"]:
        print(f"FAILED: {error}", file=sys.stderr)
    return 1 if result["errors"] else 0


def _pause(text: str) -> tuple[float, float]:
    """``"2,8"`` -> (2.0, 8.0)."""
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN,MAX in seconds, got {text!r}") from None
    if not 0 <= low <= high:
        raise argparse.ArgumentTypeError(f"expected 0 <= MIN <= MAX, got {text!r}")
    return low, high


def _shown(path: Path) -> str:
    """A path as the report shows it: relative to the checkout when inside it (no one's home folder)."""
    try:
        return str(path.resolve().relative_to(settings.PROJECT_ROOT))
    except ValueError:
        return str(path)
