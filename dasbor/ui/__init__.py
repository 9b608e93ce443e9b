"""Floor 3, the user interface: every module that imports Streamlit lives here and only here.

The page frame (``frame``: page config, sidebar filters bound to the URL, sample banner, source captions), the
widgets, the cached data API (``data``: one typed function per named query), ``grafik`` (a chart with its source
line and its deck and share buttons), ``unduh`` (downloads with their metadata sheet), ``masuk`` (signing in),
figures shared between sessions (``figur``), the presenter's cache (``presentasi``) and on-screen slide
(``tayangan``), and the sections of the pages that change things: Kelola Data (``kelola_impor``,
``kelola_akun``, ``kelola_cadangan``), Presentasi (``kelola_dek``) and Tindak Lanjut (``tindak_lanjut``). Pages in
``pages/`` call only this floor and ``dasbor.views``. Enforced by import-linter (``pyproject.toml``).
"""

# pandas is imported here, once, under Python's import lock, before any page runs. Plotly looks pandas up in
# ``sys.modules`` without importing it (``_plotly_utils.optional_imports.get_module``) when it serialises a
# figure; with several first sessions on a fresh process (a meeting's landing on a new replica), one session
# then saw another's half-imported pandas and failed with "partially initialized module 'pandas' has no
# attribute 'Series'" (found by tests/test_layan.py, 8 browsers at once on 2 new replicas).
import pandas  # noqa: F401
