"""The framework's floor for the Chromium benchmark (``dasbor/bench/peramban.py``): a hello-world Streamlit app
with two pages, each a title and one Plotly chart, served the same way as the dashboard. Not part of the
dashboard; nothing imports it."""

import plotly.graph_objects as go
import streamlit as st


def _halaman(judul: str, nilai: list[int]) -> None:
    st.title(judul)
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=nilai)))


def halo_a() -> None:
    _halaman("Halo A", [1, 3, 2])


def halo_b() -> None:
    _halaman("Halo B", [2, 1, 3])


st.set_page_config(page_title="Halo", layout="wide")
st.navigation(
    [st.Page(halo_a, title="Halo A", url_path="a", default=True), st.Page(halo_b, title="Halo B", url_path="b")]
).run()
