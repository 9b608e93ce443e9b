"""Formatted text columns for tables shown to people, computed in Python, never with ``map_elements``.

Why not ``pl.col(...).map_elements(fmt)``: it calls back into Python from polars' thread pool while holding
it, and with several Streamlit sessions at once (one formatting, another rendering a polars frame) the whole
server deadlocks; the benchmark's 30-session run found it (207 errors, none after this change). A list
comprehension over ``to_list()`` is as fast for the few hundred rows a page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl


def teks(df: pl.DataFrame, kolom: str, fmt: Callable[[Any], str], *, nama: str | None = None) -> pl.Series:
    """Column ``kolom`` of ``df`` formatted by ``fmt`` (nulls included: ``fmt`` decides how they read)."""
    return pl.Series(nama or kolom, [fmt(v) for v in df[kolom].to_list()], dtype=pl.String)


def dengan_teks(df: pl.DataFrame, kolom: tuple[str, ...], fmt: Callable[[Any], str]) -> pl.DataFrame:
    """``df`` with each of ``kolom`` replaced by its formatted text."""
    return df.with_columns([teks(df, k, fmt) for k in kolom])
