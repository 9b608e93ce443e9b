"""Floor 1, the warehouse: everything that reads inputs, builds or changes the DuckDB file and the files beside it.

Rule: no module here imports Streamlit or anything from ``dasbor.views`` or ``dasbor.ui``; only
:mod:`dasbor.warehouse.db` imports ``duckdb`` (every other module queries through it). Enforced by
import-linter (``pyproject.toml``), by folder: a new module is checked by where it sits.

Rooms: ``settings`` (paths and environment), ``db`` (connections, named SQL, a warehouse file read by name),
``build`` and ``sample/`` (the atomic build of the sample and reference tables), ``batas`` and ``batas_turunan``
(boundary files for the map), ``impor/`` (the office's files: load, check, save), ``arsip`` and ``ulang`` (the
archive of accepted imports and its replay), ``cadangan`` (backup and restore), and the shared files written
under a lock with an atomic replace (``berkas``): ``store`` (decks and snapshots), ``akun`` (accounts),
``peran`` (roles), ``audit`` (the trail), ``tindak_lanjut`` (follow-ups), ``peristiwa`` (events); ``surel``
sends the monthly pack.
"""
