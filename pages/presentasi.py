"""Presentasi: decks for Rakornis, shown one view per screen, exported, frozen to a snapshot, compared."""

import streamlit as st

from dasbor.ui import frame, kelola_dek, masuk, widgets
from dasbor.warehouse import settings, store

frame.pastikan_navigasi()
gudang = settings.warehouse_path()
nama_dek = widgets.pilih_daftar("Presentasi", "dek", [d.nama for d in store.baca_dek(gudang)], wadah=st.sidebar)
dek = store.ambil_dek(nama_dek, gudang)

if st.query_params.get("mode") == "tayang":
    kelola_dek.mode_tayang(dek, gudang)

frame.halaman("Presentasi", saringan=False)
tayang, susun, kunci, sejak = st.tabs(["Tayangkan", "Susun presentasi", "Kunci data", "Sejak Rakor lalu"])
siapa = masuk.pengguna()
if siapa is not None:
    masuk.tombol_keluar(siapa)
kelola_dek.pesan()

with tayang:
    kelola_dek.tab_tayang(dek, gudang)
with susun:
    kelola_dek.tab_susun(dek, gudang, siapa)
with kunci:
    kelola_dek.tab_kunci(dek, gudang, siapa)
with sejak:
    kelola_dek.tab_sejak(gudang)

frame.salin_tautan()
