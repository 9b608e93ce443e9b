"""Floor 2, the views: pure builders from polars frames to what a person sees.

Figures, KPI cards, tables, maps, captions, Indonesian number formats, URL parsing and the deck writers
(PPTX, PDF, HTML). Rule: nothing here imports Streamlit or ``duckdb``; modules may use the warehouse floor
below (types, settings, the read-only :class:`~dasbor.warehouse.db.Gudang` of a deck) but never the ``ui``
floor above. Grouped by domain (``ekspor``, ``hilirisasi``, ``spesialisasi``, ``ikm``, ``kawasan``, ``program``,
``kabupaten``, ``peta``, ``narasi``, ``rujukan``, ``peristiwa``, ``tindak_lanjut``, ``impor``, ``dek/``), with the
shared style in ``charts``, ``palette``, ``formats`` and ``captions``, the shared filters in ``saringan`` and
``url_state``, and ``aman``, the one escaping helper for everything put into HTML or Markdown.
Enforced by import-linter (``pyproject.toml``), by folder.
"""
