"""The Kelola Data page's header, import tab, log/Kembalikan tab and templates tab, one call each for the page.

Widgets only: checking, applying and restoring live in ``dasbor.warehouse.impor``, formatting in
``dasbor.views.impor``; the data API (:mod:`dasbor.ui.data`) supplies the log and is refreshed after every change
of the warehouse. The specification is ``docs/impor.md``. A success message is left in
``st.session_state["pesan_kelola"]`` for the page to show after the rerun.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dasbor.ui import data
from dasbor.views import aman, impor
from dasbor.warehouse import peran, settings
from dasbor.warehouse.impor import riwayat, simpan, templat
from dasbor.warehouse.impor.jenis import JENIS, SEMUA_JENIS
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.periksa import periksa
from dasbor.warehouse.impor.wilayah import NAMA_RESMI


def kepala(pengguna: peran.Pengguna) -> None:
    """Above the tabs: what an operator account may import, and the message left by the last change."""
    if pengguna.peran == "operator":
        st.caption(
            f"Akun operator: hanya baris {NAMA_RESMI.get(pengguna.kab or '', str(pengguna.kab))} yang dapat diimpor."
        )
    if pesan := st.session_state.pop("pesan_kelola", None):
        st.success(pesan, icon=":material/check_circle:")


def bagian_impor(pengguna: peran.Pengguna, gudang_path: Path) -> None:
    """Upload a file, see its check (problems, preview, report downloads) and, when it passes, import it.

    A penyaji does not import; an operator imports only the rows of their own kabupaten/kota.
    """
    if not peran.boleh(pengguna, "operator"):
        st.info(
            "Akun penyaji tidak mengimpor berkas; impor dilakukan operator kabupaten atau admin.",
            icon=":material/info:",
        )
    else:
        unggahan = st.file_uploader(
            "Berkas kantor",
            type=["csv", "txt", "tsv", "xlsx", "xlsm", "geojson", "json", "gpkg", "zip"],
            key=f"unggahan_{st.session_state.get('unggahan_ke', 0)}",
            help="CSV (pemisah , ; atau tab; UTF-8 atau Windows-1252), XLSX (beberapa lembar boleh), "
            "atau batas wilayah (GeoJSON, GeoPackage, Shapefile dalam zip).",
        )
        k1, k2, k3 = st.columns(3)
        pilihan_jenis = k1.selectbox(
            "Jenis berkas",
            ["tebak", *SEMUA_JENIS],
            format_func=lambda j: "Tebak dari judul kolom" if j == "tebak" else impor.LABEL_JENIS[j],
            key="jenis",
        )
        jenis = None if pilihan_jenis == "tebak" else pilihan_jenis
        tahun = k2.number_input(
            "Tahun data (bila berkas tidak menyebutnya)",
            min_value=2000,
            max_value=2100,
            value=None,
            step=1,
            placeholder="dari berkas",
            key="tahun_impor",
        )
        sebagian = k3.checkbox(
            "Terima sebagian", key="sebagian", help="Impor baris yang sah saja; baris bermasalah dilaporkan."
        )
        if unggahan is not None:
            isi = unggahan.getvalue()
            kunci_lembar = f"lembar_{hash(isi)}"
            lembar = impor.lembar_dipilih(st.session_state.get(kunci_lembar))
            kunci = (unggahan.name, len(isi), hash(isi), jenis, tahun, sebagian, lembar)
            simpanan = st.session_state.get("pemeriksaan")
            if simpanan is None or simpanan[0] != kunci:
                batang = st.progress(0.0, text="Memeriksa berkas ...")
                hasil: Pemeriksaan = periksa(
                    unggahan.name,
                    isi,
                    jenis=jenis,
                    tahun=int(tahun) if tahun is not None else None,
                    terima_sebagian=sebagian,
                    kemajuan=lambda f, t: batang.progress(min(1.0, f), text=t),
                    maks_byte=settings.impor_maks_byte(),
                    lembar=lembar,
                )
                batang.empty()
                st.session_state["pemeriksaan"] = (kunci, hasil)
                if not hasil.boleh_impor:
                    simpan.catat_ditolak(gudang_path, hasil, pengguna.nama)
            else:
                hasil = simpanan[1]
            tingkat, kalimat = impor.pesan_status(hasil)
            {"success": st.success, "warning": st.warning, "error": st.error}[tingkat](kalimat)
            if pilihan_lembar := impor.pilihan_lembar(hasil):
                st.selectbox("Lembar yang dibaca", pilihan_lembar, key=kunci_lembar)
            if keterangan := impor.keterangan_lembar(hasil):
                st.caption(aman.markdown(keterangan))
            if hasil.catatan:
                with st.expander(f"Catatan pembacaan ({len(hasil.catatan)})", expanded=not hasil.boleh_impor):
                    st.markdown(impor.catatan_md(hasil.catatan))
            if not hasil.pemetaan.is_empty():
                with st.expander("Kolom di berkas dan cara membacanya"):
                    st.dataframe(hasil.pemetaan, hide_index=True, width="stretch")
            if hasil.masalah.height:
                st.subheader(f"Masalah ({hasil.masalah.height:,d})".replace(",", "."))
                st.dataframe(impor.kelompok_tampil(hasil), hide_index=True, width="stretch")
                st.caption("Dikelompokkan per kolom dan aturan; daftar lengkap di bawah dan di laporan unduhan.")
                st.dataframe(impor.masalah_tampil(hasil), hide_index=True, width="stretch")
                u1, u2 = st.columns(2)
                u1.download_button(
                    "Unduh laporan (XLSX)",
                    impor.xlsx(hasil),
                    file_name=f"laporan_{hasil.berkas}.xlsx",
                    icon=":material/download:",
                )
                u2.download_button(
                    "Unduh laporan (CSV)",
                    impor.csv(hasil),
                    file_name=f"laporan_{hasil.berkas}.csv",
                    icon=":material/download:",
                )
            contoh = impor.pratinjau(hasil)
            if not contoh.is_empty():
                st.subheader("Pratinjau: baris seperti dibaca")
                st.dataframe(contoh, hide_index=True, width="stretch")
                n_sah = f"{min(50, hasil.baris_diterima)} dari {simpan.angka(hasil.baris_diterima)} baris"
                st.caption(
                    f"{n_sah} yang akan diimpor; kabupaten, angka dan Ya/Tidak sudah ditafsirkan."
                    if hasil.boleh_impor
                    else f"{n_sah} yang sah; tidak ada yang diimpor selama berkas ditolak."
                )
            wilayah_salah = simpan.pesan_wilayah_operator(hasil, pengguna) if hasil.boleh_impor else None
            if wilayah_salah:
                st.error(wilayah_salah, icon=":material/block:")
            elif hasil.boleh_impor:
                if hasil.jenis in JENIS:
                    st.caption(f"Impor ini mengganti {JENIS[hasil.jenis].cakupan}.")
                if st.button(
                    f"Impor {hasil.baris_diterima:,d} baris ke gudang data".replace(",", "."),
                    type="primary",
                    key="konfirmasi",
                ):
                    batang = st.progress(0.0, text="Mengimpor ...")
                    try:
                        hasil_impor = simpan.terapkan(
                            hasil, gudang_path, pengguna, kemajuan=lambda f, t: batang.progress(min(1.0, f), text=t)
                        )
                    except (riwayat.ImporGagal, riwayat.ImporSibuk, peran.TidakBoleh) as exc:
                        batang.empty()
                        st.error(f"{exc} Gudang data tidak diubah.")
                    else:
                        data.segarkan()
                        st.session_state.pop("pemeriksaan", None)
                        st.session_state["unggahan_ke"] = st.session_state.get("unggahan_ke", 0) + 1
                        st.session_state["pesan_kelola"] = f"Berhasil: {aman.markdown(hasil_impor.pesan)}."
                        st.rerun()


def bagian_log(pengguna: peran.Pengguna, gudang_path: Path) -> None:
    """The log of every change of the warehouse and every refused file; for an admin, "Kembalikan" (undo the
    last import)."""
    log = impor.log_tampil(data.impor_log(), simpan.baca_jurnal(gudang_path))
    st.dataframe(log, hide_index=True, width="stretch")
    st.caption(
        "Setiap perubahan gudang data (impor, batas wilayah, pengembalian) dan setiap berkas yang ditolak, "
        "terbaru di atas. Berkas yang ditolak tidak mengubah gudang data."
    )
    versi = riwayat.daftar_versi(gudang_path)
    st.subheader("Kembalikan")
    if not peran.boleh(pengguna, "admin"):
        st.caption("Mengembalikan gudang data hanya untuk admin.")
    elif not versi:
        st.caption("Belum ada versi sebelumnya yang disimpan.")
    else:
        v = versi[0]
        st.markdown(
            f"Kembalikan gudang data ke keadaan **sebelum impor terakhir**: {aman.kode(v.berkas)} ({v.jenis}) oleh "
            f"{aman.markdown(v.oleh)}, "
            f"{impor.waktu_wita(v.waktu)}. Tersimpan {len(versi)} versi sebelumnya."
        )
        yakin = st.checkbox("Saya yakin: batalkan impor terakhir", key="yakin_kembalikan")
        if st.button("Kembalikan", disabled=not yakin, key="kembalikan", icon=":material/undo:"):
            try:
                kembali = simpan.kembalikan(gudang_path, pengguna)
            except (riwayat.ImporGagal, riwayat.ImporSibuk, peran.TidakBoleh) as exc:
                st.error(str(exc))
            else:
                data.segarkan()
                st.session_state["pesan_kelola"] = (
                    "Gudang data dikembalikan ke keadaan sebelum impor "
                    f"{aman.markdown(kembali.berkas)} ({kembali.jenis})."
                )
                st.rerun()


def bagian_templat() -> None:
    """One XLSX template per import kind (sheet Data with the known headings, sheet Kamus Data)."""
    st.markdown(
        "Templat XLSX per jenis: lembar **Data** berisi judul kolom yang dikenali, lembar **Kamus Data** "
        "menjelaskan setiap kolom, contoh isinya, dan judul lain yang juga dikenali."
    )
    for nama, j in JENIS.items():
        st.download_button(
            f"Templat {j.judul} ({nama})",
            templat.templat_xlsx(nama),
            file_name=f"templat_{nama}.xlsx",
            icon=":material/table_view:",
            key=f"templat_{nama}",
        )
    st.caption(
        "Batas wilayah (jenis batas): GeoJSON, GeoPackage, atau Shapefile dalam zip, berisi tepat 13 kabupaten/kota "
        "Kalimantan Selatan (kode BPS, kode Kemendagri, atau nama). Disimpan sebagai data/geo/batas_kabupaten.geojson."
    )
