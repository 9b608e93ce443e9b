"""Query results are shared between sessions (``st.cache_resource``), so no code may change a frame in place."""

from __future__ import annotations

import re
from pathlib import Path

from dasbor.ui import data
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent

IN_PLACE = re.compile(
    r"\.(insert_column|replace_column|drop_in_place)\(|in_place\s*=\s*True|\.columns\s*=[^=]|\.set_sorted\("
)
"""The polars calls that change a frame instead of returning a new one."""


def test_no_page_or_module_changes_a_polars_frame_in_place() -> None:
    files = [*ROOT.glob("app.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("dasbor/**/*.py")]
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if IN_PLACE.search(line)
    ]
    assert not found, "in-place change of a (possibly shared) frame:\n" + "\n".join(found)


def test_the_pattern_catches_each_in_place_method() -> None:
    for line in ("df.insert_column(0, s)", "a.vstack(b, in_place=True)", "df.columns = ['a']", "df.drop_in_place('x')"):
        assert IN_PLACE.search(line), line
    for line in ("df.with_columns(x=1)", "if df.columns == ['a']:", "df.vstack(b)"):
        assert not IN_PLACE.search(line), line


def test_two_sessions_get_the_same_frame_not_a_copy(gudang: Fixture) -> None:
    pertama = data.kpi_ringkasan(2025, ())
    assert data.kpi_ringkasan(2025, ()) is pertama
    assert data.kpi_ringkasan(2024, ()) is not pertama
