"""Dasbor Industri Kalsel: the analytics package behind the Streamlit pages.

Layers, one way only (enforced by import-linter in ``pyproject.toml``):
``pages/*`` -> ``dasbor.frame`` / ``dasbor.widgets`` / ``dasbor.data`` -> ``dasbor.db`` -> DuckDB.
Chart builders (``dasbor.charts``) and formatting (``dasbor.formats``) are pure and never import Streamlit.
"""
