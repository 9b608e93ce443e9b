"""Tindak Lanjut: Rakornis commitments per kabupaten, their evaluation at the next meeting, events on charts."""

import streamlit as st

from dasbor.ui import frame, masuk
from dasbor.ui import tindak_lanjut as tl

frame.halaman("Tindak Lanjut", saringan=False)
siapa = masuk.pengguna()
if siapa is not None:
    masuk.tombol_keluar(siapa)
reg = tl.register()

evaluasi, daftar, catat, berkas, peristiwa = st.tabs(
    ["Evaluasi Rakor lalu", "Daftar komitmen", "Catat dan perbarui", "Impor/ekspor XLSX", "Catatan peristiwa"]
)
with evaluasi:
    tl.tampil_evaluasi(reg)
with daftar:
    tl.tampil_daftar(reg)
with catat:
    tl.form_catat(siapa, reg)
with berkas:
    tl.berkas(siapa, reg)
with peristiwa:
    tl.kelola_peristiwa(siapa)
