"""Kelola Data, section "Arsip dan cadangan": what the last replay skipped, the archive of accepted imports,
a backup to download, and a restore into an empty data folder.

Drawn for a signed-in user (the page's login stops the page before this runs): every signed-in user of Kelola
Data may import, so may back up and restore; there are no separate admin roles yet. File names shown here
come from uploads, so they go into tables (``st.dataframe``), never into Markdown.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
import streamlit as st

from dasbor.ui import data
from dasbor.warehouse import arsip, cadangan, ulang
from dasbor.warehouse.impor.riwayat import WITA
from dasbor.warehouse.peran import Pengguna, TidakBoleh, boleh


def _waktu(teks: str) -> str:
    try:
        return f"{dt.datetime.fromisoformat(teks).astimezone(WITA):%d-%m-%Y %H.%M} WITA"
    except ValueError:
        return teks


def _dilewati(gudang: Path) -> None:
    laporan = ulang.laporan_terakhir(gudang)
    if laporan is None:
        st.caption("Gudang data ini belum pernah dibangun ulang dengan pemutaran arsip impor.")
        return
    dilewati = laporan.get("dilewati", [])
    kalimat = (
        f"Pembangunan ulang terakhir ({_waktu(str(laporan.get('waktu', '')))}): "
        f"{laporan.get('diputar', 0)} entri arsip diputar ulang"
    )
    if not dilewati:
        st.caption(kalimat + ", tidak ada yang dilewati.")
        return
    st.warning(
        f"{kalimat}; {len(dilewati)} berkas DILEWATI karena tidak lolos aturan saat ini. Datanya tidak ada di "
        "gudang data: perbaiki berkasnya lalu impor ulang.",
        icon=":material/warning:",
    )
    tabel = pl.DataFrame(
        {
            "Waktu impor": [_waktu(str(d.get("waktu", ""))) for d in dilewati],
            "Berkas": [str(d.get("berkas", "")) for d in dilewati],
            "Jenis": [str(d.get("jenis", "")) for d in dilewati],
            "Alasan": [str(d.get("alasan", "")) for d in dilewati],
        }
    )
    st.dataframe(tabel, hide_index=True, width="stretch")


def _arsip(gudang: Path) -> None:
    try:
        entri = arsip.baca(gudang)
    except arsip.ArsipRusak as exc:
        st.error(f"Manifest arsip tidak terbaca: {exc}")
        return
    impor = [e for e in entri if e.get("aksi") == "impor"]
    ukuran = cadangan.ukuran_teks(sum(int(e.get("ukuran", 0)) for e in impor))
    st.caption(
        f"Arsip impor: {len(impor)} berkas diterima ({ukuran}) dan "
        f"{len(entri) - len(impor)} pengembalian tercatat, disimpan apa adanya di folder `arsip/` di samping "
        "gudang data. Gudang data dibangun ulang dari data contoh, tabel rujukan, dan arsip ini."
    )


def _buat(gudang: Path, pengguna: Pengguna) -> None:
    st.markdown(
        "**Buat cadangan**: semua yang dibuat kantor (arsip impor, presentasi, snapshot, akun, log) "
        "dalam satu berkas zip."
    )
    k1, k2 = st.columns([2, 1])
    dengan_gudang = k1.checkbox(
        "Sertakan tabel gudang data (Parquet)",
        key="cadangan_dengan_gudang",
        help="Tidak perlu untuk pemulihan (gudang data dibangun ulang); berguna untuk dibaca alat lain.",
    )
    if k2.button("Siapkan cadangan", key="siapkan_cadangan", icon=":material/inventory_2:"):
        with st.spinner("Menyiapkan cadangan ..."), tempfile.TemporaryDirectory(prefix="dasbor-cadangan-") as tmp:
            nama = f"cadangan-dasbor-{dt.datetime.now(WITA):%Y%m%d-%H%M}.zip"
            laporan = cadangan.buat(gudang, Path(tmp) / nama, oleh=pengguna, dengan_gudang=dengan_gudang)
            st.session_state["cadangan_siap"] = (nama, (Path(tmp) / nama).read_bytes(), cadangan.ringkas(laporan))
    if siap := st.session_state.get("cadangan_siap"):
        nama, isi, ringkas = siap
        st.download_button(
            f"Unduh {nama}",
            isi,
            file_name=nama,
            mime="application/zip",
            icon=":material/download:",
            key="unduh_cadangan",
        )
        st.caption(f"Cadangan siap: {ringkas}. Simpan di luar server ini.")


def _pulihkan(gudang: Path, pengguna: Pengguna) -> None:
    st.markdown("**Pulihkan cadangan** ke folder data yang kosong (server baru atau setelah disk rusak).")
    unggahan = st.file_uploader("Berkas cadangan (.zip)", type=["zip"], key="unggah_cadangan")
    if unggahan is None:
        return
    with tempfile.TemporaryDirectory(prefix="dasbor-pulihkan-") as tmp:
        berkas = Path(tmp) / "cadangan.zip"
        berkas.write_bytes(unggahan.getvalue())
        try:
            laporan = cadangan.cek(berkas)
        except cadangan.CadanganGagal as exc:
            st.error(str(exc))
            return
        if laporan.masalah:
            st.error(f"Cadangan rusak ({len(laporan.masalah)} masalah); tidak dapat dipulihkan.")
            st.dataframe(pl.DataFrame({"Masalah": laporan.masalah}), hide_index=True, width="stretch")
            return
        st.success(f"Cadangan utuh, dibuat {_waktu(laporan.dibuat_pada)}: {cadangan.ringkas(laporan)}.")
        sudah = cadangan.berkas_kantor(gudang)
        if sudah:
            st.info(
                f"Folder data ini sudah berisi {len(sudah)} berkas kantor, jadi pemulihan tidak dijalankan (tidak ada "
                "yang boleh tertimpa). Pulihkan di server baru, atau dengan `python -m dasbor.cadangan pulihkan`.",
                icon=":material/info:",
            )
            return
        if st.button("Pulihkan dan bangun ulang gudang data", type="primary", key="pulihkan_cadangan"):
            with st.spinner("Memulihkan dan membangun ulang gudang data ..."):
                try:
                    hasil = cadangan.pulihkan(berkas, gudang, oleh=pengguna)
                except (cadangan.CadanganGagal, TidakBoleh) as exc:
                    st.error(str(exc))
                    return
            data.segarkan()
            putaran = f"; {hasil.putaran.kalimat()}" if hasil.putaran else ""
            st.session_state["pesan_kelola"] = f"Cadangan dipulihkan: {cadangan.ringkas(hasil)}{putaran}."
            st.rerun()


def tampilkan(gudang: Path, pengguna: Pengguna) -> None:
    """The section, below the page's tabs. Backup and restore are for admins (a backup holds the account hashes
    and the audit trail); other accounts see the archive and the files skipped by the last rebuild."""
    st.divider()
    st.subheader("Arsip dan cadangan")
    _dilewati(gudang)
    _arsip(gudang)
    if not boleh(pengguna):
        st.caption("Membuat dan memulihkan cadangan hanya untuk admin.")
        return
    _buat(gudang, pengguna)
    _pulihkan(gudang, pengguna)
