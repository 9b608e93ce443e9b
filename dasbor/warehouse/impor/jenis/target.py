"""Kind ``target``: planning targets per indicator, year and region; columns and rules."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dasbor.warehouse.impor import nilai, wilayah
from dasbor.warehouse.impor.jenis.dasar import BIDANG_NO, SINONIM_KAB, Bidang, Jenis, indikator, negatif, teks


def aturan(d: pl.DataFrame, hari_ini: dt.date, catatan: list[str]) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    m = negatif(d, ("nilai_target",))
    d = d.with_columns(pl.col("kode_bps").replace(wilayah.KODE_PROVINSI, None))
    return d, m


TARGET = Jenis(
    nama="target",
    judul="Target rencana",
    tabel="target",
    kunci=("indikator", "kode_bps", "tahun"),
    cakupan="target dengan indikator, tahun dan wilayah (kabupaten/kota atau provinsi) yang sama dengan berkas",
    bidang=(
        BIDANG_NO,
        Bidang(
            "indikator",
            "Indikator",
            indikator,
            pl.String,
            ("indikator", "indikator kinerja", "nama indikator", "sasaran"),
            wajib=True,
            keterangan="mis. jumlah_ikm, indeks_hilirisasi, sertifikat_halal (nama lain disimpan apa adanya)",
            contoh="Jumlah IKM",
        ),
        Bidang(
            "kode_bps",
            "Kabupaten/Kota",
            wilayah.kabupaten_atau_provinsi,
            pl.String,
            (*SINONIM_KAB, "wilayah", "lingkup"),
            keterangan="Kosong atau 'Kalimantan Selatan': target provinsi",
            contoh="Kalimantan Selatan",
        ),
        Bidang(
            "tahun",
            "Tahun",
            nilai.tahun,
            pl.Int64,
            ("tahun", "tahun target"),
            wajib=True,
            dari_konteks=True,
            contoh="2026",
        ),
        Bidang(
            "nilai_target",
            "Nilai Target",
            nilai.desimal,
            pl.Float64,
            ("nilai target", "target", "nilai"),
            wajib=True,
            contoh="76.000",
        ),
        Bidang("satuan", "Satuan", teks(50), pl.String, ("satuan",), contoh="unit"),
        Bidang(
            "dokumen",
            "Dokumen",
            teks(100),
            pl.String,
            ("dokumen", "sumber dokumen", "dokumen perencanaan", "sumber"),
            keterangan="RPJMD, Renstra, RPIP, RPIK ...",
            contoh="Renstra",
        ),
    ),
    aturan=aturan,
)
