"""The only module that talks to DuckDB.

Every query is a named file in ``queries/`` with ``$name`` parameters; nothing here formats SQL from values.
A DuckDB connection is not thread-safe and Streamlit runs each session in its own thread, so every call
opens its own cursor on the shared connection.

A read-only warehouse file queried by name, for rendering slides from the live data or a snapshot.

The pages use the cached ``dasbor.ui.data`` API bound to ``DASBOR_WAREHOUSE``; a deck may be bound to a frozen
snapshot instead, so slides query through this small object that names its file explicitly.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from types import TracebackType

import duckdb
import polars as pl

from dasbor.warehouse import settings

Connection = duckdb.DuckDBPyConnection


BUILD_MEMORY_LIMIT = "3GB"
"""Cap for a build's DuckDB memory: the national-size sample sorts 25 million rows, which DuckDB would
otherwise do in up to 80 % of RAM; above the cap it spills to a temporary folder beside the warehouse."""


def connect(path: Path, *, read_only: bool) -> Connection:
    """Open the warehouse. Extensions never auto-install: the app runs offline, so fail at once instead.

    A writable connection (a build or an import) is capped at ``BUILD_MEMORY_LIMIT`` and spills to disk.
    """
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    if not read_only:
        config["memory_limit"] = BUILD_MEMORY_LIMIT
        config["temp_directory"] = str(path.parent / ".duckdb_tmp")
    return duckdb.connect(str(path), read_only=read_only, config=config)


@cache
def load_sql(name: str) -> str:
    """Text of ``queries/<name>.sql`` (``build/<table>`` for build steps); cached, the files do not change."""
    path = settings.queries_dir() / f"{name}.sql"
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """Every page-facing query, by file name; tests parametrise over this list."""
    return sorted(p.stem for p in settings.queries_dir().glob("*.sql"))


def run_query(con: Connection, name: str, **params: object) -> pl.DataFrame:
    """Run a named SELECT with ``$name`` parameters and return a polars frame."""
    with con.cursor() as cur:
        frame: pl.DataFrame = cur.sql(load_sql(name), params=params or None).pl()
    return frame


def run_statement(con: Connection, name: str, **params: object) -> None:
    """Run a named statement that returns nothing (a build step: ``create table ... as``)."""
    with con.cursor() as cur:
        cur.execute(load_sql(name), params or None)


def checkpoint(con: Connection) -> None:
    """Flush the write-ahead log into the file, so the finished warehouse is one self-contained file."""
    with con.cursor() as cur:
        cur.execute("checkpoint")


def table_counts(con: Connection) -> dict[str, int]:
    """Row count of every base table, for the build report and the tests."""
    with con.cursor() as cur:
        rows = cur.sql(load_sql("build/_jumlah_baris")).fetchall()
    return {str(name): int(count) for name, count in rows}


def run_count(con: Connection, name: str, **params: object) -> int:
    """Run a named insert or delete and return how many rows it touched (DuckDB reports it as a result)."""
    with con.cursor() as cur:
        row = cur.execute(load_sql(name), params or None).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def drop_table(con: Connection, table: str) -> None:
    """Drop a derived table before its build step re-creates it (an import refreshes ``ikm_ringkas`` etc.).

    The name comes from the build's own step list, never from user input; it is still checked to be a plain
    identifier, since DuckDB cannot bind a table name as a parameter.
    """
    if not _IDENTIFIER.match(table):
        raise ValueError(f"bukan nama tabel: {table!r}")
    with con.cursor() as cur:
        cur.execute(f'drop table if exists "{table}"')


class Gudang:
    """Queries against one warehouse file; results are memoised per query and parameters."""

    def __init__(self, path: Path, *, induk: Path | None = None) -> None:
        """Open ``path`` read-only. ``induk`` is the live warehouse the file belongs to when ``path`` is one of its
        snapshots: the shared files beside it (follow-ups, events) are read from there, so a deck bound to a
        snapshot, or built with ``--warehouse``, shows that warehouse's register and not the default one."""
        if not path.exists():
            raise FileNotFoundError(f"Gudang data {path} tidak ditemukan.")
        self.path = path
        self.induk = induk or path
        self._con = connect(path, read_only=True)
        self._memo: dict[str, pl.DataFrame] = {}

    def query(self, name: str, **params: object) -> pl.DataFrame:
        """``queries/<name>.sql`` with ``$params``."""
        key = json.dumps([name, params], sort_keys=True, default=str)
        if key not in self._memo:
            self._memo[key] = run_query(self._con, name, **params)
        return self._memo[key]

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gudang:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def tulis_parquet(path: Path, folder: Path) -> dict[str, Path]:
    """Write every base table of the warehouse ``path`` as ``folder/<table>.parquet`` (a copy any Parquet reader
    opens, whatever DuckDB version wrote the warehouse). Uses the relation API: no SQL is built from names."""
    folder.mkdir(parents=True, exist_ok=True)
    con = connect(path, read_only=True)
    try:
        hasil = {}
        for table in sorted(table_counts(con)):
            if not _IDENTIFIER.match(table):
                raise ValueError(f"bukan nama tabel: {table!r}")
            tujuan = folder / f"{table}.parquet"
            with con.cursor() as cur:
                cur.table(table).write_parquet(str(tujuan))
            hasil[table] = tujuan
        return hasil
    finally:
        con.close()
