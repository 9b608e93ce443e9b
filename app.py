"""Entry point: the page registry and navigation, nothing else (each page draws its own frame)."""

import streamlit as st

st.set_page_config(page_title="Dasbor Industri Kalsel", page_icon="🏭", layout="wide")

HALAMAN = [
    st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
    st.Page("pages/peta.py", title="Peta", icon=":material/map:"),
    st.Page("pages/ikm.py", title="IKM", icon=":material/storefront:"),
    st.Page("pages/ekspor.py", title="Ekspor & Hilirisasi", icon=":material/directions_boat:"),
    st.Page("pages/kawasan.py", title="Kawasan Industri", icon=":material/factory:"),
    st.Page("pages/kabupaten.py", title="Profil Kabupaten", icon=":material/location_city:"),
    st.Page("pages/program.py", title="Program", icon=":material/workspace_premium:"),
    st.Page("pages/tindak_lanjut.py", title="Tindak Lanjut", icon=":material/task_alt:"),
    st.Page("pages/presentasi.py", title="Presentasi", icon=":material/slideshow:"),
    st.Page("pages/kelola_data.py", title="Kelola Data", icon=":material/database:"),
]

st.navigation(HALAMAN).run()
