"""Every named query timed against the warehouse, and against its pandas baseline on the same data.

The query side is what a page pays on a cache miss: ``db.run_query`` on a read-only connection, result as a
polars frame. The baseline side is the analyst's pandas code over the raw tables already in memory. Both
answers are compared (:mod:`.compare`) so a speed-up is only claimed for equal results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from dasbor.bench import compare, pandas_baseline, params
from dasbor.bench.timing import repeat, rounded, stopwatch
from dasbor.warehouse import db

NO_BASELINE = "no pandas baseline written for this query (dasbor/bench/pandas_baseline/)"


_EMPTY: dict[str, Any] = {
    "params": None,
    "rows": None,
    "runs": 0,
    "median_ms": None,
    "p95_ms": None,
    "pandas_median_ms": None,
    "pandas_runs": 0,
    "speedup": None,
    "equal": None,
    "pandas_note": None,
    "error": None,
}
"""Every key of a query's figures, so a failed query has the same shape as a measured one."""


@dataclass(frozen=True)
class QuerySettings:
    """How hard to try: runs per query and a time budget per query and side."""

    runs: int = 20
    pandas_runs: int = 5
    budget_s: float = 10.0


def default_year(con: db.Connection) -> int:
    """The dashboard's default year: the latest with both registry and export data (as the page frame)."""
    tahun = db.run_query(con, "tahun_tersedia")
    complete = tahun.filter(pl.col("ada_ikm") & pl.col("ada_ekspor"))["tahun"].to_list()
    return int(max(complete) if complete else tahun["tahun"].max())  # type: ignore[arg-type]


def time_queries(warehouse: Path, parquet: Path, settings: QuerySettings, *, log: bool = True) -> dict[str, Any]:
    """Figures per query (``queries``) and the pandas loading time (``pandas_load_s``)."""
    load_ms, tables = stopwatch(lambda: pandas_baseline.load(parquet))
    con = db.connect(warehouse, read_only=True)
    figures: dict[str, dict[str, Any]] = {}
    try:
        tahun = default_year(con)
        for name in db.query_names():
            if log:
                print(f"  query {name}", flush=True)
            try:
                figures[name] = _one(con, tables, name, params.params_for(name, tahun), settings)
            except Exception as exc:  # noqa: BLE001 - one broken query must not hide the others' figures
                figures[name] = {**_EMPTY, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        con.close()
    return {"queries": figures, "pandas_load_s": rounded(load_ms / 1000, 2), "tahun": tahun}


def _one(
    con: db.Connection, tables: pandas_baseline.Tables, name: str, p: dict[str, object], s: QuerySettings
) -> dict[str, Any]:
    result = db.run_query(con, name, **p)
    duck = repeat(lambda: db.run_query(con, name, **p), runs=s.runs, budget_s=s.budget_s)
    row: dict[str, Any] = {
        **_EMPTY,
        "params": p,
        "rows": result.height,
        "runs": len(duck.ms),
        "median_ms": rounded(duck.median, 2),
        "p95_ms": rounded(duck.p95, 2),
    }
    baseline = pandas_baseline.BASELINES.get(name)
    if baseline is None:
        row["pandas_note"] = pandas_baseline.TANPA_BASELINE.get(name, NO_BASELINE)
        return row
    try:
        answer = baseline(tables, dict(p))
    except Exception as exc:  # noqa: BLE001 - a broken baseline is reported, the run goes on
        row["pandas_note"] = f"baseline failed: {type(exc).__name__}: {exc}"
        return row
    diff = compare.difference(result, answer)
    row["equal"] = diff is None
    if diff is not None:
        row["pandas_note"] = f"results differ: {diff}"
    slow = repeat(lambda: baseline(tables, dict(p)), runs=s.pandas_runs, budget_s=s.budget_s)
    row["pandas_median_ms"] = rounded(slow.median, 2)
    row["pandas_runs"] = len(slow.ms)
    if diff is None and duck.median > 0:
        row["speedup"] = rounded(slow.median / duck.median, 2)
    return row
