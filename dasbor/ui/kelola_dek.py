"""The Presentasi page's parts: presentation mode, the show and download tab, arranging a deck, locking the data
to a snapshot, and what changed since the last Rakor.

Every change goes through the writing functions of :mod:`dasbor.warehouse.store`, which check the role; this
module only decides which controls a visitor sees. A move or a removal names the slide the user saw, so a
deck someone else changed meanwhile is refused instead of losing another slide. Deck and snapshot names typed
by users are shown as text (``st.text``) or through :mod:`dasbor.views.aman`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import streamlit as st

from dasbor.ui import frame, masuk, presentasi, tayangan, widgets
from dasbor.views import aman
from dasbor.views.dek import banding, slides
from dasbor.warehouse import berkas, peran, store
from dasbor.warehouse.peran import Pengguna

BERKAS = (
    ("PowerPoint", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("PDF", ".pdf", "application/pdf"),
    ("HTML luring", ".html", "text/html"),
)
"""Export formats offered for download: label, suffix, MIME type."""

_PESAN = "pesan_presentasi"


def _jalankan(ubah: Callable[[], object]) -> None:
    """Run a change; a refusal or a disk failure becomes a message on the page, never a traceback."""
    try:
        ubah()
    except (store.DeckError, peran.TidakBoleh, berkas.DiskGagal) as exc:
        st.session_state[_PESAN] = str(exc)
    st.rerun()


def pesan() -> None:
    """The message of the last refused change, shown once."""
    if teks := st.session_state.pop(_PESAN, None):
        st.error(teks)


def mode_tayang(dek: store.Dek, gudang: Path) -> None:
    """Presentation mode: one slide per screen, arrow keys to move, Esc to leave; stops the page."""
    st.set_page_config(page_title=f"{aman.potong(dek.nama)} · Presentasi", page_icon=frame.IKON, layout="wide")
    frame.gaya()
    st.markdown(tayangan.CSS_TAYANG, unsafe_allow_html=True)
    for catatan in widgets.catatan_url():
        st.warning(catatan)
    siap = presentasi.dek_siap(store.dek_json(dek), str(gudang))
    if not siap.slide:
        st.info("Presentasi ini belum berisi slide.")
        st.stop()
    nomor = widgets.nomor_slide(len(siap.slide))
    tayangan.slide(siap, siap.slide[nomor - 1])
    kiri, tengah, kanan, keluar = st.columns([2, 1, 2, 2])
    if kiri.button("Sebelumnya", icon=":material/arrow_back:", shortcut="Left", disabled=nomor == 1):
        widgets.set_nomor_slide(nomor - 1)
    tengah.markdown(f"**{nomor} / {len(siap.slide)}**")
    if kanan.button("Berikutnya", icon=":material/arrow_forward:", shortcut="Right", disabled=nomor == len(siap.slide)):
        widgets.set_nomor_slide(nomor + 1)
    if keluar.button("Keluar", icon=":material/close:", shortcut="Esc"):
        del st.query_params["mode"]
        st.rerun()
    st.stop()


def tab_tayang(dek: store.Dek, gudang: Path) -> None:
    """The deck's summary, the button into presentation mode and the three downloads (built on click)."""
    st.markdown(
        f"**{aman.markdown(dek.nama)}**: {len(dek.slide)} slide · "
        + (f"snapshot {aman.kode(dek.snapshot)}" if dek.snapshot else "data terkini")
    )
    if st.button("Mulai presentasi", icon=":material/slideshow:", type="primary", disabled=not dek.slide):
        st.query_params["mode"] = "tayang"
        widgets.set_nomor_slide(1)
    st.caption("Dalam mode presentasi: tombol panah kiri/kanan berpindah slide, Esc keluar.")
    nama_berkas = re.sub(r"[^a-z0-9]+", "-", dek.nama.lower()).strip("-") or "presentasi"
    for kolom, (jenis, akhiran, mime) in zip(st.columns(3), BERKAS, strict=True):
        kolom.download_button(
            f"Unduh {jenis}",
            data=partial(slides.isi_berkas, dek, akhiran, gudang),
            file_name=f"{nama_berkas}{akhiran}",
            mime=mime,
            icon=":material/download:",
            on_click="ignore",
        )


def _sumber_angka(dek: store.Dek, gudang: Path, siapa: Pengguna | None) -> None:
    snapshot = store.baca_snapshot(gudang)
    pilihan: list[str] = ["", *[x.slug for x in snapshot]]
    nama_snap = {"": "Data terkini (tidak dikunci)"} | {x.slug: f"{x.label} ({x.dibuat_pada[:10]})" for x in snapshot}
    ikat = st.selectbox(
        "Sumber angka presentasi",
        pilihan,
        index=pilihan.index(dek.snapshot or "") if (dek.snapshot or "") in pilihan else 0,
        format_func=lambda k: nama_snap.get(k, k),
    )
    if (ikat or None) != dek.snapshot:
        _jalankan(lambda: store.ikat_snapshot(dek.nama, ikat or None, gudang, oleh=siapa))


def tab_susun(dek: store.Dek, gudang: Path, siapa: Pengguna | None) -> None:
    """The slide list; for a penyaji or admin with up, down and remove buttons, the deck's name and the source
    of its numbers (live data or a snapshot)."""
    boleh_ubah = peran.boleh(siapa, "penyaji")
    if not boleh_ubah:
        masuk.ajakan_masuk("Masuk sebagai penyaji untuk menyusun presentasi", kunci="ajakan_susun")
    for i, sl in enumerate(dek.slide):
        param = ", ".join(f"{k}={v}" for k, v in sl.param.items()) or "penyaring bawaan"
        baris = f"{i + 1}. {sl.tampilan} ({aman.potong(param, 120)})"
        if not boleh_ubah:
            st.text(baris)
            continue
        kiri, atas, bawah, hapus = st.columns([8, 1, 1, 1])
        kiri.text(baris)
        if atas.button("↑", key=f"naik_{i}", disabled=i == 0, help="Naikkan"):
            _jalankan(partial(store.geser_slide, dek.nama, i, -1, gudang, oleh=siapa, dilihat=sl))
        if bawah.button("↓", key=f"turun_{i}", disabled=i == len(dek.slide) - 1, help="Turunkan"):
            _jalankan(partial(store.geser_slide, dek.nama, i, 1, gudang, oleh=siapa, dilihat=sl))
        if hapus.button("✕", key=f"hapus_{i}", help="Hapus slide"):
            _jalankan(partial(store.hapus_slide, dek.nama, i, gudang, oleh=siapa, dilihat=sl))
    if not boleh_ubah:
        return
    with st.form("ganti_nama"):
        baru = st.text_input("Nama presentasi", value=dek.nama, max_chars=store.PANJANG_NAMA)
        if st.form_submit_button("Simpan nama"):
            st.query_params["dek"] = baru.strip() or dek.nama
            _jalankan(lambda: store.ganti_nama_dek(dek.nama, baru, gudang, oleh=siapa))
    _sumber_angka(dek, gudang, siapa)


def tab_kunci(dek: store.Dek, gudang: Path, siapa: Pengguna | None) -> None:
    """Lock the numbers for a meeting (penyaji and admin) and the list of snapshots (admins may remove one)."""
    st.markdown(
        "Kunci angka untuk rapat: simpan salinan gudang data dengan label, lalu ikat presentasi ke salinan itu."
    )
    if peran.boleh(siapa, "penyaji"):
        with st.form("kunci_data"):
            label_baru = st.text_input("Label", placeholder="Rakornis Mei 2026", max_chars=store.PANJANG_NAMA)
            if st.form_submit_button("Kunci data", icon=":material/lock:"):
                try:
                    baru_snap = store.kunci_data(label_baru, gudang, oleh=siapa, dek=dek.nama)
                    st.success(f"Snapshot {aman.kode(baru_snap.label)} disimpan (sha256 {baru_snap.sha256[:12]}).")
                except (store.DeckError, peran.TidakBoleh, berkas.DiskGagal) as exc:
                    st.error(str(exc))
    else:
        masuk.ajakan_masuk("Masuk sebagai penyaji untuk mengunci data", kunci="ajakan_kunci")
    boleh_hapus = peran.boleh(siapa, "admin")
    for snap in store.baca_snapshot(gudang):
        teks, tombol = st.columns([8, 2]) if boleh_hapus else (st.container(), None)
        teks.text(f"• {snap.label} · {snap.dibuat_pada} · presentasi {snap.dek} · sha256 {snap.sha256[:12]}")
        if tombol is not None and tombol.button("Hapus", key=f"hapus_snap_{snap.slug}", icon=":material/delete:"):
            _jalankan(partial(store.hapus_snapshot, snap.slug, gudang, oleh=siapa))


def tab_sejak(gudang: Path) -> None:
    """The KPI values per kabupaten that changed between a chosen snapshot and the live warehouse."""
    snapshot = store.baca_snapshot(gudang)
    if not snapshot:
        st.info("Belum ada snapshot. Kunci data pada tab *Kunci data* sebelum rapat, lalu bandingkan di sini.")
        return
    pilih = st.selectbox(
        "Bandingkan data terkini dengan",
        [s.slug for s in snapshot],
        format_func=lambda slug: next(s.label for s in snapshot if s.slug == slug),
    )
    tahun, beda = presentasi.banding_snapshot(pilih, str(gudang))
    if beda.is_empty():
        st.success(f"Tidak ada perubahan angka tahun {tahun} sejak snapshot ini.")
    else:
        st.markdown(f"**{beda.height} angka berubah** untuk tahun {tahun}:")
        st.dataframe(
            banding.untuk_tabel(beda),
            hide_index=True,
            column_config={
                "kode_bps": "Kode",
                "nama": "Kabupaten/kota",
                "indikator": "Indikator",
                "lama": "Snapshot",
                "baru": "Terkini",
                "selisih": "Selisih",
            },
        )
    frame.keterangan_sumber(("ikm", "ekspor"))
