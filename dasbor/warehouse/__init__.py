"""Floor 1, the warehouse: everything that reads inputs, builds or changes the DuckDB file and the files beside it.

Rule: no module here imports Streamlit or anything from ``dasbor.views`` or ``dasbor.ui``; only
:mod:`dasbor.warehouse.db` imports ``duckdb`` (every other module queries through it). Enforced by
import-linter (``pyproject.toml``), by folder: a new module is checked by where it sits.

Rooms: ``settings`` (paths and environment), ``db`` (connections, named SQL, a warehouse file read by name),
``build`` and ``sample`` (the atomic build of the sample and reference tables), ``batas`` (boundary files for
the map), ``store`` (shared decks and snapshots), ``akun`` (local accounts) and ``impor/`` (the office's
files: load, check, save).
"""
