"""Presentasi: decks for Rakornis, shown one view per screen, exported, frozen to a snapshot, compared."""

import re
from collections.abc import Callable
from functools import partial

import streamlit as st

from dasbor.ui import frame, masuk, presentasi, tayangan, widgets
from dasbor.views import aman
from dasbor.views.dek import banding, slides
from dasbor.warehouse import berkas, peran, settings, store

BERKAS = [
    ("PowerPoint", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("PDF", ".pdf", "application/pdf"),
    ("HTML luring", ".html", "text/html"),
]

frame.pastikan_navigasi()
gudang = settings.warehouse_path()
daftar = store.baca_dek(gudang)
nama_dek = widgets.pilih_daftar("Presentasi", "dek", [d.nama for d in daftar], wadah=st.sidebar)
dek = store.ambil_dek(nama_dek, gudang)

if st.query_params.get("mode") == "tayang":
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

frame.halaman("Presentasi", saringan=False)
tayang, susun, kunci, sejak = st.tabs(["Tayangkan", "Susun presentasi", "Kunci data", "Sejak Rakor lalu"])

siapa = masuk.pengguna()
boleh_ubah = peran.boleh(siapa, "penyaji")
if siapa is not None:
    masuk.tombol_keluar(siapa)


def _jalankan(ubah: Callable[[], object]) -> None:
    """Run a change; a refusal or a disk failure becomes a message on the page, never a traceback."""
    try:
        ubah()
    except (store.DeckError, peran.TidakBoleh, berkas.DiskGagal) as exc:
        st.session_state["pesan_presentasi"] = str(exc)
    st.rerun()


if pesan := st.session_state.pop("pesan_presentasi", None):
    st.error(pesan)

with tayang:
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

with susun:
    if not boleh_ubah:
        masuk.ajakan_masuk("Masuk sebagai penyaji untuk menyusun presentasi", kunci="ajakan_susun")
    for i, sl in enumerate(dek.slide):
        param = ", ".join(f"{k}={v}" for k, v in sl.param.items()) or "penyaring bawaan"
        if not boleh_ubah:
            st.text(f"{i + 1}. {sl.tampilan} ({aman.potong(param, 120)})")
            continue
        kiri, atas, bawah, hapus = st.columns([8, 1, 1, 1])
        kiri.text(f"{i + 1}. {sl.tampilan} ({aman.potong(param, 120)})")
        if atas.button("↑", key=f"naik_{i}", disabled=i == 0, help="Naikkan"):
            _jalankan(partial(store.geser_slide, dek.nama, i, -1, gudang, oleh=siapa))
        if bawah.button("↓", key=f"turun_{i}", disabled=i == len(dek.slide) - 1, help="Turunkan"):
            _jalankan(partial(store.geser_slide, dek.nama, i, 1, gudang, oleh=siapa))
        if hapus.button("✕", key=f"hapus_{i}", help="Hapus slide"):
            _jalankan(partial(store.hapus_slide, dek.nama, i, gudang, oleh=siapa))
    snapshot = store.baca_snapshot(gudang)
    if boleh_ubah:
        with st.form("ganti_nama"):
            baru = st.text_input("Nama presentasi", value=dek.nama, max_chars=store.PANJANG_NAMA)
            if st.form_submit_button("Simpan nama"):
                st.query_params["dek"] = baru.strip() or dek.nama
                _jalankan(lambda: store.ganti_nama_dek(dek.nama, baru, gudang, oleh=siapa))
        pilihan: list[str] = ["", *[x.slug for x in snapshot]]
        nama_snap = {"": "Data terkini (tidak dikunci)"} | {
            x.slug: f"{x.label} ({x.dibuat_pada[:10]})" for x in snapshot
        }
        ikat = st.selectbox(
            "Sumber angka presentasi",
            pilihan,
            index=pilihan.index(dek.snapshot or "") if (dek.snapshot or "") in pilihan else 0,
            format_func=lambda k: nama_snap.get(k, k),
        )
        if (ikat or None) != dek.snapshot:
            _jalankan(lambda: store.ikat_snapshot(dek.nama, ikat or None, gudang, oleh=siapa))

with kunci:
    st.markdown(
        "Kunci angka untuk rapat: simpan salinan gudang data dengan label, lalu ikat presentasi ke salinan itu."
    )
    if boleh_ubah:
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

with sejak:
    snapshot = store.baca_snapshot(gudang)
    if not snapshot:
        st.info("Belum ada snapshot. Kunci data pada tab *Kunci data* sebelum rapat, lalu bandingkan di sini.")
    else:
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

frame.salin_tautan()
