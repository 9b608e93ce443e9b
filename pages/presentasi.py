"""Presentasi: decks for Rakornis, shown one view per screen, exported, frozen to a snapshot, compared."""

from functools import partial

import streamlit as st

from dasbor.ui import frame, presentasi, tayangan, widgets
from dasbor.views.dek import banding, slides
from dasbor.warehouse import settings, store

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
    st.set_page_config(page_title=f"{dek.nama} · Presentasi", page_icon=frame.IKON, layout="wide")
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

with tayang:
    st.markdown(
        f"**{dek.nama}**: {len(dek.slide)} slide · " + (f"snapshot {dek.snapshot}" if dek.snapshot else "data terkini")
    )
    if st.button("Mulai presentasi", icon=":material/slideshow:", type="primary", disabled=not dek.slide):
        st.query_params["mode"] = "tayang"
        widgets.set_nomor_slide(1)
    st.caption("Dalam mode presentasi: tombol panah kiri/kanan berpindah slide, Esc keluar.")
    nama_berkas = dek.nama.lower().replace(" ", "-")
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
    for i, sl in enumerate(dek.slide):
        kiri, atas, bawah, hapus = st.columns([8, 1, 1, 1])
        param = ", ".join(f"{k}={v}" for k, v in sl.param.items()) or "penyaring bawaan"
        kiri.markdown(f"{i + 1}. **{sl.tampilan}** ({param})")
        if atas.button("↑", key=f"naik_{i}", disabled=i == 0, help="Naikkan"):
            store.ubah_dek(store.pindah_slide(dek, i, -1), gudang)
            st.rerun()
        if bawah.button("↓", key=f"turun_{i}", disabled=i == len(dek.slide) - 1, help="Turunkan"):
            store.ubah_dek(store.pindah_slide(dek, i, 1), gudang)
            st.rerun()
        if hapus.button("✕", key=f"hapus_{i}", help="Hapus slide"):
            dek.slide.pop(i)
            store.ubah_dek(dek, gudang)
            st.rerun()
    with st.form("ganti_nama"):
        baru = st.text_input("Nama presentasi", value=dek.nama)
        if st.form_submit_button("Simpan nama"):
            try:
                nama_lama = dek.nama
                dek.nama = baru.strip()
                store.ubah_dek(dek, gudang, nama_lama=nama_lama)
                st.query_params["dek"] = dek.nama
                st.rerun()
            except store.DeckError as exc:
                st.error(str(exc))
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
        dek.snapshot = ikat or None
        store.ubah_dek(dek, gudang)
        st.rerun()

with kunci:
    st.markdown(
        "Kunci angka untuk rapat: simpan salinan gudang data dengan label, lalu ikat presentasi ke salinan itu."
    )
    with st.form("kunci_data"):
        label_baru = st.text_input("Label", placeholder="Rakornis Mei 2026")
        if st.form_submit_button("Kunci data", icon=":material/lock:"):
            try:
                baru_snap = store.kunci_data(label_baru, gudang)
                st.success(f"Snapshot '{baru_snap.label}' disimpan (sha256 {baru_snap.sha256[:12]}).")
            except store.DeckError as exc:
                st.error(str(exc))
    for snap in store.baca_snapshot(gudang):
        st.markdown(f"- **{snap.label}** · {snap.dibuat_pada} · sha256 `{snap.sha256[:12]}`")

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
