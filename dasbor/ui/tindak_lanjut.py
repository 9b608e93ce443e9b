"""Widgets of the Tindak Lanjut page: the evaluation and the register, and the forms that change them.

The forms are offered by role (penyaji and admin: meetings, commitments, carry-over, XLSX import, events;
an operator: updates of their own kabupaten's commitments), but the rule is enforced in the writing functions
of :mod:`dasbor.warehouse.tindak_lanjut` and :mod:`dasbor.warehouse.peristiwa`; a refusal is shown as its
Indonesian message. Every text a person typed is shown through ``st.dataframe`` or ``st.text``, never as
Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dasbor.ui import data, grafik
from dasbor.ui import peristiwa as peristiwa_ui
from dasbor.views import aman, formats
from dasbor.views import tindak_lanjut as tl
from dasbor.views.palette import LABEL_RANTAI
from dasbor.warehouse import peran, peristiwa, settings, store
from dasbor.warehouse import tindak_lanjut as simpanan
from dasbor.warehouse.peran import Pengguna
from dasbor.warehouse.tindak_lanjut import STATUS, Komitmen, Rapat, Register

_KESALAHAN = (simpanan.TindakLanjutSalah, peristiwa.PeristiwaSalah, peran.TidakBoleh)


def _versi() -> float:
    path = simpanan.path()
    return path.stat().st_mtime_ns / 1e9 if path.exists() else 0.0


@st.cache_data(show_spinner=False, max_entries=4)
def _baca(versi: float, gudang: str) -> Register:
    del versi, gudang
    return simpanan.baca()


def register() -> Register:
    """The register, re-read whenever anyone saved (the file's modification time is the cache key)."""
    return _baca(_versi(), str(settings.warehouse_path()))


def nama_kab() -> dict[str, str]:
    """BPS code -> kabupaten name."""
    return {k.kode_bps: k.nama for k in data.daftar_kabupaten()}


def ukur(kolom: str, kab: str, tahun: int) -> tuple[float | None, int | None]:
    """The KPI value the dashboard shows for ``kab`` ("" = province) in ``tahun``, or in the latest year with
    data when ``tahun`` has none yet."""
    pilihan, default = data.tahun_tersedia()
    dipakai = tahun if tahun in pilihan else default
    df = data.kpi_ringkasan(dipakai, (kab,) if kab else ())
    baris = df.filter(pl.col("tahun") == dipakai)
    if baris.is_empty() or kolom not in baris.columns or baris[kolom][0] is None:
        return None, dipakai
    return float(baris[kolom][0]), dipakai


def _pesan() -> None:
    if pesan := st.session_state.pop("pesan_tindak_lanjut", None):
        st.success(pesan, icon=":material/check_circle:")


def _berhasil(pesan: str) -> None:
    st.session_state["pesan_tindak_lanjut"] = pesan
    st.rerun()


def _label_rapat(reg: Register) -> dict[str, str]:
    return {r.id: f"{r.label} ({r.tanggal.strftime('%d/%m/%Y')})" for r in reversed(reg.rapat)}


def tampil_evaluasi(reg: Register) -> None:
    """ "Evaluasi Rakor lalu": pick a meeting (default: the one before the latest), see each commitment, add the
    evaluation to a deck or share it (only when there is one to show)."""
    _pesan()
    if not reg.rapat:
        st.info("Belum ada rapat tercatat. Penyaji mencatat rapat dan komitmennya di tab Catat.")
        return
    label = _label_rapat(reg)
    pilihan = list(label)
    awal = 1 if len(pilihan) > 1 else 0
    rapat_id = st.selectbox("Rapat yang dievaluasi", pilihan, index=awal, format_func=label.__getitem__, key="tl_rapat")
    rapat = reg.rapat_menurut_id()[rapat_id]
    df = tl.evaluasi(reg, rapat_id, nama_kab(), ukur)
    st.text(tl.ringkas_evaluasi(df, rapat.label))
    if rapat.snapshot:
        snap = next((s for s in store.baca_snapshot() if s.slug == rapat.snapshot), None)
        st.caption(
            f"Angka rapat ini dikunci di snapshot {aman.markdown(snap.label)} ({snap.dibuat_pada[:10]}); "
            "'Capaian kini' memakai "
            "data terkini, tab Sejak Rakor lalu di halaman Presentasi membandingkan keduanya."
            if snap
            else f"Snapshot rapat ini ({aman.kode(rapat.snapshot)}) sudah dihapus."
        )
    if df.is_empty():
        return
    st.dataframe(df.drop("id"), hide_index=True, width="stretch")
    st.caption(
        "Capaian kini: nilai yang diukur dasbor untuk indikator dasbor (kabupaten komitmen, tahun target; bila "
        "tahun itu belum ada datanya, tahun terakhir yang ada). Indikator teks bebas tidak diukur."
    )
    grafik.penutup(dek="tindak_lanjut.evaluasi")


def tampil_daftar(reg: Register) -> None:
    """The whole register, filterable by kabupaten, with each commitment's dated history."""
    nama = nama_kab()
    kab = st.multiselect("Kabupaten/kota", list(nama), format_func=nama.__getitem__, key="tl_kab")
    df = tl.tabel_komitmen(reg, nama, kab=tuple(kab))
    if df.is_empty():
        st.info("Belum ada komitmen.")
        return
    st.dataframe(df.drop("id"), hide_index=True, width="stretch")
    pilih = st.selectbox(
        "Riwayat komitmen",
        df["id"].to_list(),
        format_func=dict(zip(df["id"], df["Kabupaten/kota"] + " · " + df["Program"], strict=True)).__getitem__,
        key="tl_riwayat",
    )
    rapat = reg.rapat_menurut_id()
    baris: list[tuple[dt.date, str]] = []
    for k in reg.riwayat(pilih):
        baris.append((rapat[k.rapat_id].tanggal, f"Disepakati di {rapat[k.rapat_id].label}"))
        baris += [(p.tanggal, f"{tl.LABEL_STATUS[p.status]}: {p.catatan} ({p.oleh})") for p in k.pembaruan]
    baris.sort(key=lambda b: b[0])  # stable: a meeting comes before the notes of its own day
    tabel = pl.DataFrame({"Tanggal": [formats.tanggal(t) for t, _ in baris], "Peristiwa": [teks for _, teks in baris]})
    st.dataframe(tabel, hide_index=True, width="stretch")


def form_catat(siapa: Pengguna | None, reg: Register) -> None:
    """Forms: a meeting and a commitment (penyaji/admin), an update (penyaji/admin, operator: own kabupaten),
    carrying a commitment to a later meeting (penyaji/admin)."""
    if siapa is None:
        st.info("Masuk lewat halaman Kelola Data untuk mencatat atau memperbarui. Semua orang dapat membaca.")
        return
    penyaji = peran.boleh(siapa, "penyaji")
    nama = nama_kab()
    if penyaji:
        with st.expander("Rapat baru", icon=":material/event:"), st.form("tl_form_rapat", clear_on_submit=True):
            label = st.text_input("Nama rapat", placeholder="Rakornis Perindustrian 2026")
            tanggal = st.date_input("Tanggal rapat", format="DD/MM/YYYY")
            snapshot = {s.slug: f"{s.label} ({s.dibuat_pada[:10]})" for s in store.baca_snapshot()}
            snap = st.selectbox(
                "Snapshot angka rapat (opsional)",
                ["", *snapshot],
                format_func=lambda k: snapshot.get(k, "Tanpa snapshot"),
                help="Salinan data yang dikunci untuk rapat ini di halaman Presentasi (tab Kunci data).",
            )
            if st.form_submit_button("Simpan rapat", type="primary"):
                try:
                    r = simpanan.simpan_rapat(siapa, Rapat("", label, tanggal, snap or ""))
                    _berhasil(f"Rapat '{r.label}' dicatat.")
                except _KESALAHAN as exc:
                    st.error(str(exc))
        if reg.rapat:
            with st.expander("Komitmen baru", icon=":material/assignment_add:"):
                label_rapat = _label_rapat(reg)
                with st.form("tl_form_komitmen", clear_on_submit=True):
                    rapat_id = st.selectbox("Rapat", list(label_rapat), format_func=label_rapat.__getitem__)
                    kab = st.selectbox(
                        "Kabupaten/kota", ["", *nama], format_func=lambda k: nama.get(k, "Provinsi (semua)")
                    )
                    program = st.text_input("Program", placeholder="Pendampingan sertifikasi halal IKM pangan")
                    metrik = st.selectbox(
                        "Indikator",
                        ["", *tl.METRIK],
                        format_func=lambda k: tl.METRIK[k].label if k else "Teks bebas (isi di bawah)",
                    )
                    bebas = st.text_input("Indikator teks bebas", placeholder="IKM pangan bersertifikat halal")
                    kiri, kanan, satuan_kol = st.columns(3)
                    target = kiri.number_input("Target", value=None, step=1.0)
                    tahun = kanan.number_input("Tahun target", 2000, 2100, dt.date.today().year, step=1)
                    satuan = satuan_kol.text_input("Satuan", placeholder="IKM")
                    pj = st.text_input("Penanggung jawab", placeholder="Disperin Kab. Tanah Bumbu")
                    tenggat = st.date_input("Tenggat", value=None, format="DD/MM/YYYY")
                    if st.form_submit_button("Simpan komitmen", type="primary"):
                        try:
                            k = simpanan.simpan_komitmen(
                                siapa,
                                Komitmen(
                                    "", rapat_id, kab, program, metrik or bebas, target, int(tahun), satuan, pj, tenggat
                                ),
                            )
                            _berhasil(f"Komitmen '{k.program}' dicatat.")
                        except _KESALAHAN as exc:
                            st.error(str(exc))
    boleh_ubah = [k for k in reg.komitmen if peran.boleh(siapa, "penyaji", "operator", kab=k.kode_bps)]
    if not boleh_ubah:
        st.info("Belum ada komitmen yang dapat Anda perbarui.")
        return
    rapat = reg.rapat_menurut_id()
    label_k = {
        k.id: f"{rapat[k.rapat_id].label} · {nama.get(k.kode_bps, 'Provinsi')} · {k.program}" for k in boleh_ubah
    }
    with (
        st.expander("Perbarui status", icon=":material/update:", expanded=not penyaji),
        st.form("tl_form_pembaruan", clear_on_submit=True),
    ):
        kid = st.selectbox("Komitmen", list(label_k), format_func=label_k.__getitem__)
        status = st.segmented_control("Status", STATUS, default="berjalan", format_func=tl.LABEL_STATUS.__getitem__)
        catatan = st.text_area("Catatan", placeholder="Apa yang sudah dikerjakan, kendala, rencana berikutnya")
        tanggal = st.date_input("Tanggal", format="DD/MM/YYYY")
        if st.form_submit_button("Simpan pembaruan", type="primary"):
            try:
                simpanan.perbarui(siapa, kid, str(status or "berjalan"), catatan, tanggal=tanggal)
                _berhasil("Pembaruan dicatat.")
            except _KESALAHAN as exc:
                st.error(str(exc))
    if penyaji and len(reg.rapat) > 1:
        with st.expander("Bawa ke rapat berikutnya", icon=":material/redo:"):
            label_rapat = _label_rapat(reg)
            with st.form("tl_form_bawa"):
                kid = st.selectbox("Komitmen", list(label_k), format_func=label_k.__getitem__, key="tl_bawa_k")
                tujuan = st.selectbox("Ke rapat", list(label_rapat), format_func=label_rapat.__getitem__)
                if st.form_submit_button("Bawa"):
                    try:
                        simpanan.bawa_ke(siapa, kid, tujuan)
                        _berhasil("Komitmen dibawa ke rapat tujuan; riwayatnya tetap tersambung.")
                    except _KESALAHAN as exc:
                        st.error(str(exc))


def berkas(siapa: Pengguna | None, reg: Register) -> None:
    """XLSX: download the register in the template; import a filled-in template (penyaji/admin)."""
    st.download_button(
        "Unduh daftar komitmen (XLSX, templat)",
        data=lambda: tl.ke_xlsx(reg, nama_kab()),
        file_name="tindak-lanjut.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )
    if not peran.boleh(siapa, "penyaji"):
        st.caption("Impor templat untuk penyaji dan admin.")
        return
    unggah = st.file_uploader("Impor templat terisi", type=["xlsx"], key="tl_unggah")
    if unggah is not None and st.button("Impor", type="primary", key="tl_impor"):
        try:
            baru, ubah = simpanan.impor_xlsx(siapa, unggah.getvalue(), unggah.name)
            _berhasil(f"{unggah.name}: {baru} komitmen baru, {ubah} diubah.")
        except _KESALAHAN as exc:
            st.error(str(exc))


def kelola_peristiwa(siapa: Pengguna | None) -> None:
    """The events on the charts: the list with sources; add and delete for penyaji/admin."""
    nama = nama_kab()
    daftar = peristiwa_ui.daftar()
    df = pl.DataFrame(
        [
            {
                "Tanggal": p.tanggal,
                "Peristiwa": p.judul,
                "Wilayah": nama.get(p.kode_bps, "Provinsi"),
                "Rantai": LABEL_RANTAI.get(p.rantai, p.rantai) if p.rantai else "Semua",
                "Sumber": p.sumber,
                "Alamat sumber": p.sumber_url,
            }
            for p in daftar
        ]
    )
    st.dataframe(df, hide_index=True, width="stretch", column_config={"Alamat sumber": st.column_config.LinkColumn()})
    if not peran.boleh(siapa, "penyaji"):
        st.caption("Catatan peristiwa diubah oleh penyaji dan admin (masuk lewat halaman Kelola Data).")
        return
    with st.expander("Peristiwa baru", icon=":material/add:"), st.form("tl_form_peristiwa", clear_on_submit=True):
        judul = st.text_input("Peristiwa", placeholder="Wajib halal pangan")
        tanggal = st.date_input("Tanggal", format="DD/MM/YYYY", min_value=dt.date(2000, 1, 1))
        presisi = st.segmented_control("Ketepatan tanggal", peristiwa.PRESISI, default="hari")
        kab = st.selectbox("Wilayah", ["", *nama], format_func=lambda k: nama.get(k, "Provinsi (semua)"))
        rantai = st.selectbox("Rantai", ["", *peristiwa.RANTAI], format_func=lambda r: LABEL_RANTAI.get(r, "Semua"))
        sumber = st.text_input("Sumber", placeholder="Nama media/dokumen, tanggal")
        url = st.text_input("Alamat sumber (opsional)", placeholder="https://...")
        if st.form_submit_button("Simpan peristiwa", type="primary"):
            try:
                peristiwa.simpan(
                    siapa,
                    peristiwa.Peristiwa("", tanggal, judul, str(presisi or "hari"), kab, rantai, sumber, url.strip()),
                )
                _berhasil("Peristiwa dicatat; garisnya tampil di grafik waktu yang bersangkutan.")
            except _KESALAHAN as exc:
                st.error(str(exc))
    label = {p.id: f"{p.tanggal.isoformat()} · {p.judul}" for p in daftar}
    with st.expander("Hapus peristiwa", icon=":material/delete:"):
        pilih = st.selectbox("Peristiwa", list(label), format_func=label.__getitem__, key="tl_hapus_p")
        if st.button("Hapus", key="tl_hapus_btn") and pilih:
            try:
                peristiwa.hapus(siapa, pilih)
                _berhasil("Peristiwa dihapus.")
            except _KESALAHAN as exc:
                st.error(str(exc))
