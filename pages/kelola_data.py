"""Kelola Data: import the office's files (behind a login), see the log, restore, download templates.

A short list of calls: the login (``dasbor.ui.masuk``), the import, log and template tabs
(``dasbor.ui.kelola_impor``), accounts and audit (``dasbor.ui.kelola_akun``), backups (``dasbor.ui.kelola_cadangan``).
The specification is ``docs/impor.md``.
"""

from __future__ import annotations

import streamlit as st

from dasbor.ui import frame, kelola_akun, kelola_cadangan, kelola_impor, masuk
from dasbor.warehouse import settings

frame.halaman("Kelola Data", saringan=False)
st.markdown(
    "Impor berkas resmi kantor (registri IKM, ekspor, tenant kawasan, target, batas wilayah) ke gudang data. "
    "Setiap berkas diperiksa dulu; gudang data hanya berubah setelah Anda mengonfirmasi."
)


pengguna = masuk.gerbang()
masuk.tombol_keluar(pengguna)
gudang_path = settings.warehouse_path()
kelola_impor.kepala(pengguna)

tab_impor, tab_log, tab_templat = st.tabs(["Impor berkas", "Log impor dan Kembalikan", "Templat"])
with tab_impor:
    kelola_impor.bagian_impor(pengguna, gudang_path)
with tab_log:
    kelola_impor.bagian_log(pengguna, gudang_path)
with tab_templat:
    kelola_impor.bagian_templat()

kelola_akun.bagian_akun(pengguna)
kelola_akun.bagian_audit(pengguna)
kelola_cadangan.tampilkan(gudang_path, pengguna)
