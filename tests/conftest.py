"""Shared fixtures: one small warehouse built by the real build code from a seeded sample, per test session.

The fixture keeps the Parquet inputs too, so tests can recompute key numbers independently in polars.
Streamlit caches leak between AppTests, so they are cleared around every test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st

from dasbor.warehouse import build, sample

FIXTURE_SEED = 7
FIXTURE_SCALE = 0.05
"""About 3,900 firms; exports keep their full province shape (scale below 1 does not thin them)."""


@dataclass(frozen=True)
class Fixture:
    """The fixture warehouse and the inputs it was built from."""

    warehouse: Path
    masukan: Path
    report: build.BuildReport


@pytest.fixture(scope="session")
def gudang(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    root = tmp_path_factory.mktemp("gudang")
    masukan = root / "masukan"
    sample.generate(masukan, seed=FIXTURE_SEED, scale=FIXTURE_SCALE)
    report = build.build_warehouse(root / "warehouse.duckdb", masukan)
    return Fixture(root / "warehouse.duckdb", masukan, report)


@pytest.fixture(autouse=True)
def _env_gudang(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point every test at the fixture warehouse (when it uses it) and start with empty Streamlit caches."""
    if "gudang" in request.fixturenames:
        fixture: Fixture = request.getfixturevalue("gudang")
        monkeypatch.setenv("DASBOR_WAREHOUSE", str(fixture.warehouse))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def salinan_gudang(gudang: Fixture, tmp_path: Path) -> Path:
    """A private copy of the warehouse for tests that replace or damage it."""
    target = tmp_path / "warehouse.duckdb"
    shutil.copy2(gudang.warehouse, target)
    return target


from tests.browser import app_url, app_url_baru, chromium  # noqa: E402, F401 - one server and one Chromium per session
