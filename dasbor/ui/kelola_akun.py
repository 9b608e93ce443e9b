"""Kelola Data for admins: accounts (add, change role, remove) and the audit trail (filter, CSV download).

Each section is one call from ``pages/kelola_data.py`` and draws nothing for a non-admin; the writing functions
(:func:`dasbor.warehouse.akun.tambah`, :func:`~dasbor.warehouse.akun.hapus`) check the role again.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dasbor.warehouse import akun, audit, berkas, settings
from dasbor.warehouse.impor.wilayah import NAMA_RESMI
from dasbor.warehouse.peran import LABEL_PERAN, PERAN, Pengguna, TidakBoleh, boleh

_PESAN = "_pesan_akun"


def bagian_akun(siapa: Pengguna) -> None:
    """Accounts of the accounts file: the list, a form to add one or change its role/password, removal."""
    if not boleh(siapa, "admin"):
        return
    gudang = settings.warehouse_path()
    st.subheader("Akun")
    if pesan := st.session_state.pop(_PESAN, None):
        st.success(pesan)
    daftar = akun.baca_berkas(gudang)
    st.dataframe(
        pl.DataFrame(
            {
                "Nama": [a.nama for a in daftar],
                "Peran": [akun.label_akun(a) for a in daftar],
                "Dibuat": [a.dibuat_pada for a in daftar],
            },
            schema={"Nama": pl.String, "Peran": pl.String, "Dibuat": pl.String},
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        f"Disimpan di {akun.path_akun(gudang)} (hanya hash). Akun admin dari .streamlit/secrets.toml atau "
        "DASBOR_AKUN tidak tercantum di sini. Akun yang dihapus atau diubah perannya keluar pada aksi berikutnya."
    )
    with st.form("akun_tambah", clear_on_submit=True):
        k1, k2, k3 = st.columns(3)
        nama = k1.text_input("Nama pengguna", max_chars=40, key="akun_nama")
        peran = k2.selectbox("Peran", PERAN, format_func=LABEL_PERAN.__getitem__, key="akun_peran")
        kab = k3.selectbox(
            "Kabupaten (operator)",
            ["", *NAMA_RESMI],
            format_func=lambda k: NAMA_RESMI.get(k, "-"),
            key="akun_kab",
        )
        sandi = st.text_input("Kata sandi (minimal 10 karakter)", type="password", key="akun_sandi")
        if st.form_submit_button("Simpan akun", icon=":material/person_add:"):
            try:
                a = akun.tambah(nama, peran, sandi, kab=kab or None, oleh=siapa, warehouse=gudang)
            except (akun.AkunSalah, TidakBoleh, berkas.DiskGagal) as exc:
                st.error(str(exc))
            else:
                st.session_state[_PESAN] = f"Akun {a.nama} disimpan: {akun.label_akun(a)}."
                st.rerun()
    if daftar:
        h1, h2 = st.columns([3, 1], vertical_alignment="bottom")
        pilih = h1.selectbox("Hapus akun", [a.nama for a in daftar], key="akun_hapus_nama")
        if h2.button("Hapus", key="akun_hapus", icon=":material/person_remove:", disabled=pilih == siapa.nama):
            try:
                akun.hapus(pilih, oleh=siapa, warehouse=gudang)
            except (akun.AkunSalah, TidakBoleh, berkas.DiskGagal) as exc:
                st.error(str(exc))
            else:
                st.session_state[_PESAN] = f"Akun {pilih} dihapus."
                st.rerun()


def bagian_audit(siapa: Pengguna) -> None:
    """The audit trail, newest first: filter by account, kind of change, a word and dates; CSV of what is shown."""
    if not boleh(siapa, "admin"):
        return
    st.subheader("Jejak audit")
    log = audit.baca(settings.warehouse_path())
    k1, k2, k3, k4 = st.columns(4)
    oleh = k1.selectbox("Oleh", ["", *sorted(set(log["oleh"].to_list()))], format_func=lambda v: v or "Semua")
    jenis = sorted({t.split(".")[0] for t in log["tindakan"].to_list()})
    tindakan = k2.selectbox("Perubahan", ["", *jenis], format_func=lambda v: v or "Semua")
    cari = k3.text_input("Cari (objek, sebelum, sesudah)", max_chars=80)
    hari_ini = dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=8))).date()
    rentang = k4.date_input("Tanggal (WITA)", value=(hari_ini - dt.timedelta(days=90), hari_ini), format="DD/MM/YYYY")
    sejak, sampai = (rentang[0], rentang[-1]) if isinstance(rentang, tuple) and rentang else (None, None)
    tampil = audit.saring(log, oleh=oleh or None, tindakan=tindakan or None, cari=cari, sejak=sejak, sampai=sampai)
    st.dataframe(
        tampil.with_columns(pl.col("waktu").dt.convert_time_zone("Asia/Makassar").dt.strftime("%d-%m-%Y %H.%M")),
        hide_index=True,
        width="stretch",
        column_config={
            "waktu": "Waktu (WITA)",
            "oleh": "Oleh",
            "peran": "Peran",
            "tindakan": "Perubahan",
            "objek": "Objek",
            "sebelum": "Sebelum",
            "sesudah": "Sesudah",
        },
    )
    st.caption(
        f"{tampil.height} dari {log.height} catatan. Jejak ini hanya ditambah, tidak pernah diubah atau dihapus."
    )
    st.download_button(
        "Unduh jejak audit (CSV)",
        data=audit.csv(tampil),
        file_name="jejak_audit.csv",
        mime="text/csv",
        icon=":material/download:",
        key="unduh_audit",
    )
