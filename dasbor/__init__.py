"""Dasbor Industri Kalsel: the analytics package behind the Streamlit pages.

Three floors, imports only downwards (enforced by import-linter in ``pyproject.toml``, by folder):

* ``dasbor.ui``: everything that imports Streamlit (page frame, widgets, cached data API);
* ``dasbor.views``: pure builders, frame -> figure, card, table, map, caption, deck file;
* ``dasbor.warehouse``: inputs, build, imports, shared files; the only door to DuckDB is ``warehouse.db``.

The modules at this level are the command lines (``python -m dasbor.build``, ``.sample``, ``.impor``,
``.deck``, ``.akun``); each composes the floors and nothing imports them. ``dasbor.bench`` is the benchmark,
a tool beside the house.
"""
