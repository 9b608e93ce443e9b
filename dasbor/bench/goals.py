"""The goals of issue 7, each reported as pass, miss or n/a against a run's figures. Never asserted.

Scale 1 is the province (about 73,000 IKM); scale 10 and above is judged by the national goals (the issue
names scale 60: about 4.4 million IKM). Concurrency is judged at every scale. Where the issue is vague ("build
in minutes", "memory bounded") the threshold chosen here is written in the goal's text. Concurrency is
reported twice, never merged: 30 sessions clicking back to back (a stress test) and 30 sessions at a
meeting's pace, all landing at the same moment; the issue does not say which it means.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from dasbor.bench.timing import geomean

NATIONAL_FROM_SCALE = 10.0


@dataclass(frozen=True)
class Goal:
    """One line of the report."""

    goal: str
    measured: str
    status: str  # "pass" | "miss" | "n/a"


def _status(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "miss")


def _worst(figures: dict[str, Any], key: str) -> tuple[str, float] | None:
    values = [(name, f[key]) for name, f in figures.items() if isinstance(f, dict) and f.get(key) is not None]
    return max(values, key=lambda item: item[1]) if values else None


def _speedup(queries: dict[str, Any]) -> tuple[float | None, int]:
    ups = [q["speedup"] for q in queries.values() if q.get("speedup") is not None]
    return geomean(ups), len(ups)


def evaluate(result: dict[str, Any]) -> list[dict[str, str]]:
    """Goal lines for one run's JSON."""
    national = result["scale"] >= NATIONAL_FROM_SCALE
    pages = {k: v for k, v in result.get("pages", {}).items() if not k.startswith("_")}
    queries = result.get("queries", {})
    goals: list[Goal] = []

    if not national:
        for key, limit, label in (("warm_ms", 150.0, "warm"), ("cold_ms", 1500.0, "cold")):
            worst = _worst(pages, key)
            goals.append(
                Goal(
                    f"every page {label} <= {limit:,.0f} ms (AppTest)",
                    f"slowest {worst[0]}: {worst[1]:,.1f} ms" if worst else "not measured",
                    _status(worst[1] <= limit if worst else None),
                )
            )
        server = result.get("server_pages") or {}
        worst = _worst(server, "second_ms")
        goals.append(
            Goal(
                "every page warm <= 150 ms (live server, second view)",
                f"slowest {worst[0]}: {worst[1]:,.1f} ms" if worst else "not measured",
                _status(worst[1] <= 150.0 if worst else None),
            )
        )
    limit_ms = 1000.0 if national else 50.0
    worst = _worst(queries, "median_ms")
    failed = sorted(name for name, q in queries.items() if q.get("error"))
    measured = f"slowest {worst[0]}: {worst[1]:,.2f} ms" if worst else "not measured"
    if failed:
        measured += f"; failed: {', '.join(failed)}"
    goals.append(
        Goal(
            f"every query median <= {limit_ms:,.0f} ms",
            measured,
            "miss" if failed else _status(worst[1] <= limit_ms if worst else None),
        )
    )
    target = 10.0 if national else 3.0
    mean, count = _speedup(queries)
    goals.append(
        Goal(
            f"geometric-mean speed-up over pandas >= {target:g}x",
            f"{mean:.2f}x over {count} of {len(queries)} queries" if mean is not None else "no baseline",
            _status(mean >= target if mean is not None else None),
        )
    )
    rss = result.get("peak_rss_mb")
    if not national:
        goals.append(
            Goal(
                "peak RSS of the app process <= 600 MB",
                f"{rss:,.1f} MB (one session, every page)" if rss is not None else "not measured",
                _status(rss <= 600.0 if rss is not None else None),
            )
        )
    else:
        build_s = result.get("build_s")
        goals.append(
            Goal(
                "build in minutes (<= 10 min)",
                f"{build_s:,.0f} s" if build_s is not None else "prebuilt warehouse: not measured",
                _status(build_s <= 600.0 if build_s is not None else None),
            )
        )
        build_rss = result.get("build_peak_rss_mb")
        goals.append(
            Goal(
                "build memory bounded (<= 4 GB peak RSS)",
                f"{build_rss:,.0f} MB" if build_rss is not None else "prebuilt warehouse: not measured",
                _status(build_rss <= 4096.0 if build_rss is not None else None),
            )
        )
    for key, how in (("concurrency", "back to back"), ("concurrency_meeting", "meeting pace")):
        load = result.get(key) or {}
        p95, errors = load.get("p95_ms"), load.get("errors")
        pause = load.get("pause_s")
        if pause:
            how += f", {pause[0]:g}-{pause[1]:g} s per page"
        goals.append(
            Goal(
                f"{load.get('sessions', 30)} concurrent sessions ({how}): p95 <= 1 s, no errors",
                f"p95 {p95:,.0f} ms, {errors} errors" if p95 is not None else "not measured",
                _status(p95 <= 1000.0 and errors == 0 if p95 is not None else None),
            )
        )
    return [asdict(g) for g in goals]
