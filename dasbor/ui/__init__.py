"""Floor 3, the user interface: every module that imports Streamlit lives here and only here.

The page frame (``frame``: page config, sidebar filters bound to the URL, sample banner, source captions,
"add to deck" and download buttons), the widgets, the cached data API (``data``: one typed function per named
query), figures shared between sessions (``figur``) and the on-screen slide (``tayangan``). Pages in
``pages/`` call only this floor and ``dasbor.views``. Enforced by import-linter (``pyproject.toml``).
"""
