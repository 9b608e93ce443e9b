"""Every page in ``pages/`` run under Streamlit's AppTest: cold, warm, and with a kabupaten filter.

First every page runs once untimed, so the modules they import are loaded (a server pays that once, at its
first view: see :mod:`.live_server`) and the first page measured does not carry everyone's imports. Then one
round per page: clear every Streamlit cache (``cache_data`` and ``cache_resource``, so the warehouse is
reopened too), run the page with default filters (cold), run it again in a fresh session (warm: what the next
person in the meeting pays), then with ``?kab=<code>`` (a filter change: queries that depend on the kabupaten
miss the cache, the rest hit it). The figure per page is the median over the rounds. Pages are discovered,
never listed, because pages are being added in parallel.

AppTest runs the page script in-process without a browser or websocket, so these are script times; the
round trip through a real server is measured by :mod:`.live_server`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.testing.v1 import AppTest

from dasbor.bench.params import FILTER_KAB
from dasbor.bench.timing import rounded, stopwatch
from dasbor.warehouse import settings


def page_files(root: Path | None = None) -> list[Path]:
    """Every page script, by file name."""
    return sorted(((root or settings.PROJECT_ROOT) / "pages").glob("*.py"))


class _Harness:
    """Fresh AppTest sessions that share one scan of installed components.

    AppTest scans every installed distribution for Streamlit components on the first run of each instance
    (about 90 ms here, more than most pages); a server does that once at start. The scan's result is kept from
    the first session and handed to the next ones, so a page's figure is the page, not the harness. If a later
    Streamlit renames the private attribute, every run scans again and ``harness_ms`` shows it.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._components: object | None = None

    def run(self, page: Path, query: dict[str, str]) -> tuple[float, str | None]:
        at = AppTest.from_file(str(page), default_timeout=self.timeout)
        if self._components is not None and hasattr(at, "_bidi_component_manager"):
            at._bidi_component_manager = self._components  # type: ignore[assignment]
        for key, value in query.items():
            at.query_params[key] = value
        ms, _ = stopwatch(at.run)
        if self._components is None:
            self._components = getattr(at, "_bidi_component_manager", None)
        error = "; ".join(e.message for e in at.exception) if at.exception else None
        return ms, error


def time_pages(warehouse: Path, *, runs: int, timeout: float = 300.0, log: bool = True) -> dict[str, Any]:
    """``{page: {cold_ms, warm_ms, filtered_ms, filter, runs, error}}`` for every page, and ``_harness``: the
    same figure for a script that draws nothing, the floor AppTest itself adds to every page."""
    saved = os.environ.get("DASBOR_WAREHOUSE")
    os.environ["DASBOR_WAREHOUSE"] = str(warehouse)
    try:
        return _time_pages(runs, timeout, log=log)
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
        if saved is None:
            os.environ.pop("DASBOR_WAREHOUSE", None)
        else:
            os.environ["DASBOR_WAREHOUSE"] = saved


def _time_pages(runs: int, timeout: float, *, log: bool) -> dict[str, Any]:
    harness = _Harness(timeout)
    figures: dict[str, Any] = {"_harness": _harness_floor(harness, runs)}
    for page in page_files():  # untimed: imports (plotly, pandas, ...) happen once per process, not per page
        harness.run(page, {})
    for page in page_files():
        if log:
            print(f"  page {page.stem}", flush=True)
        cold: list[float] = []
        warm: list[float] = []
        filtered: list[float] = []
        errors: list[str] = []
        for _ in range(runs):
            st.cache_data.clear()
            st.cache_resource.clear()
            for bucket, query in ((cold, {}), (warm, {}), (filtered, {"kab": FILTER_KAB})):
                ms, error = harness.run(page, query)
                bucket.append(ms)
                if error:
                    errors.append(error)
        figures[page.stem] = {
            "cold_ms": rounded(statistics.median(cold)),
            "warm_ms": rounded(statistics.median(warm)),
            "filtered_ms": rounded(statistics.median(filtered)),
            "filter": f"kab={FILTER_KAB}",
            "runs": runs,
            "error": errors[0] if errors else None,
        }
    return figures


def _harness_floor(harness: _Harness, runs: int) -> dict[str, Any]:
    """Median time of an empty script: what AppTest costs by itself (thread, messages, element tree)."""
    with tempfile.TemporaryDirectory(prefix="dasbor-bench-") as tmp:
        empty = Path(tmp) / "kosong.py"
        empty.write_text("import streamlit as st\n", encoding="utf-8")
        harness.run(empty, {})
        ms = [harness.run(empty, {})[0] for _ in range(max(runs, 3))]
    return {"empty_script_ms": rounded(statistics.median(ms))}
