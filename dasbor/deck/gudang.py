"""A read-only warehouse file queried by name, for rendering slides from the live data or a snapshot.

The pages use the cached ``dasbor.data`` API bound to ``DASBOR_WAREHOUSE``; a deck may be bound to a frozen
snapshot instead, so slides query through this small object that names its file explicitly.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType

import polars as pl

from dasbor import db


class Gudang:
    """Queries against one warehouse file; results are memoised per query and parameters."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"Gudang data {path} tidak ditemukan.")
        self.path = path
        self._con = db.connect(path, read_only=True)
        self._memo: dict[str, pl.DataFrame] = {}

    def query(self, name: str, **params: object) -> pl.DataFrame:
        """``queries/<name>.sql`` with ``$params``."""
        key = json.dumps([name, params], sort_keys=True, default=str)
        if key not in self._memo:
            self._memo[key] = db.run_query(self._con, name, **params)
        return self._memo[key]

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gudang:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
