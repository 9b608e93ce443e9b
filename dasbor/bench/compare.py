"""Do the query and its pandas baseline give the same answer? Compared as values, not as frames.

The two sides differ in representation (polars vs pandas, Int64 vs float64 after an outer join, DuckDB vs
pandas summation order), so both are normalised to plain Python rows: floats compared with a relative
tolerance, nulls (None, NaN, NaT, pd.NA) equal to each other, timestamps in UTC. Rows are put in the same order
by their non-float columns first, since ties in an ``order by`` may come out in any order.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

REL_TOL = 1e-9


def difference(query: pl.DataFrame, baseline: pd.DataFrame, rel_tol: float = REL_TOL) -> str | None:
    """None when both hold the same rows and columns; else what differs first, in a short sentence."""
    expected = query.to_pandas()
    if list(expected.columns) != list(baseline.columns):
        return f"columns {list(expected.columns)} vs {list(baseline.columns)}"
    if len(expected) != len(baseline):
        return f"{len(expected)} rows vs {len(baseline)}"
    keys = [i for i, c in enumerate(expected.columns) if not (_is_float(expected[c]) or _is_float(baseline[c]))]
    left, right = _rows(expected, keys), _rows(baseline, keys)
    for number, (a, b) in enumerate(zip(left, right, strict=True)):
        for column, x, y in zip(expected.columns, a, b, strict=True):
            if not _same(x, y, rel_tol):
                return f"row {number}, column {column}: {x!r} vs {y!r}"
    return None


def _is_float(series: pd.Series) -> bool:
    return bool(series.dtype.kind == "f")


def _rows(frame: pd.DataFrame, keys: list[int]) -> list[tuple[Any, ...]]:
    rows = [tuple(_plain(v) for v in row) for row in frame.itertuples(index=False, name=None)]
    return sorted(rows, key=lambda row: tuple(_sort_key(row[i]) for i in keys))


def _sort_key(value: Any) -> tuple[int, str]:
    return (0, "") if value is None else (1, str(value))


def _plain(value: Any) -> Any:
    """One cell as a plain Python value: None for every kind of null, UTC ISO text for timestamps."""
    if isinstance(value, np.ndarray):
        return tuple(_plain(v) for v in value.tolist())
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return (value.tz_convert("UTC") if value.tzinfo else value).isoformat()
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, dt.date):  # a DATE column arrives as midnight on one side, a date on the other
        return dt.datetime(value.year, value.month, value.day).isoformat()
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def _same(x: Any, y: Any, rel_tol: float) -> bool:
    if x is None or y is None:
        return x is None and y is None
    if isinstance(x, bool) or isinstance(y, bool):
        return bool(x == y)
    if isinstance(x, int | float) and isinstance(y, int | float):
        return math.isclose(x, y, rel_tol=rel_tol, abs_tol=1e-9)
    if isinstance(x, tuple) and isinstance(y, tuple):
        return len(x) == len(y) and all(_same(a, b, rel_tol) for a, b in zip(x, y, strict=True))
    return bool(x == y)
