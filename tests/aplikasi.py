"""Shared parts of the page and query tests: open a page under AppTest, run a named query on the fixture
warehouse. One copy, so every test module opens pages and reads SQL the same way."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from dasbor.warehouse import db
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent


def buka(page: str, **query: str) -> AppTest:
    """Run ``pages/<page>.py`` once under AppTest with these URL parameters (a new session each call)."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def kueri(gudang: Fixture, name: str, **params: object) -> pl.DataFrame:
    """``queries/<name>.sql`` on the fixture warehouse, on a connection of its own."""
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        return db.run_query(con, name, **params)
    finally:
        con.close()
