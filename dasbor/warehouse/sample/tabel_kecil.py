"""The small sample tables: programme results, plan targets, exchange rates, invented estate tenants, and the
provenance rows (``sumber``, ``jenis = 'contoh'``) of every generated dataset. Random stream: ``[seed, 4]``."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import polars as pl

from dasbor.warehouse.sample.dasar import KAB_BOBOT, TAHUN_EKSPOR, TAHUN_REGISTRI

SUMBER_CONTOH = {
    "contoh-ikm": ("ikm", "Registri IKM contoh"),
    "contoh-ekspor": ("ekspor", "Ekspor bulanan contoh"),
    "contoh-program": ("program", "Hasil program contoh"),
    "contoh-target": ("target", "Target contoh"),
    "contoh-tenant": ("kawasan_tenant", "Tenant kawasan contoh"),
    "contoh-kurs": ("kurs", "Kurs rupiah per US$ contoh (perkiraan)"),
}


def program_frame(seed: int) -> pl.DataFrame:
    """Programme results per kabupaten and year; halal lands at 20-40 certified IKM a year province-wide."""
    rng = np.random.default_rng([seed, 4])
    rows: list[dict[str, object]] = []
    for tahun in TAHUN_REGISTRI:
        for kode in KAB_BOBOT:
            dibina = int(rng.integers(2, 7))
            diajukan = int(rng.binomial(dibina, 0.75))
            rows.append(
                {
                    "jenis": "halal",
                    "kode_bps": kode,
                    "tahun": tahun,
                    "peserta": dibina,
                    "diajukan": diajukan,
                    "hasil": int(rng.binomial(diajukan, 0.8)),
                    "target": 2,
                    "satuan": "IKM",
                }
            )
            latih = int(rng.integers(20, 61))
            rows.append(
                {
                    "jenis": "pelatihan",
                    "kode_bps": kode,
                    "tahun": tahun,
                    "peserta": latih,
                    "diajukan": None,
                    "hasil": int(rng.binomial(latih, 0.85)),
                    "target": 30,
                    "satuan": "orang",
                }
            )
            siswa = int(rng.integers(10, 51))
            rows.append(
                {
                    "jenis": "link_match_smk",
                    "kode_bps": kode,
                    "tahun": tahun,
                    "peserta": siswa,
                    "diajukan": None,
                    "hasil": int(rng.binomial(siswa, 0.45)),
                    "target": 15,
                    "satuan": "siswa",
                }
            )
            hijau = int(rng.integers(1, 7))
            rows.append(
                {
                    "jenis": "industri_hijau",
                    "kode_bps": kode,
                    "tahun": tahun,
                    "peserta": hijau,
                    "diajukan": None,
                    "hasil": int(rng.binomial(hijau, 0.4)),
                    "target": 1,
                    "satuan": "IKM",
                }
            )
    return pl.DataFrame(rows, schema_overrides={"diajukan": pl.Int64}).with_columns(
        pl.lit("contoh-program").alias("sumber_id")
    )


def target_frame() -> pl.DataFrame:
    """Plan targets (sample values; the real ones come from RPJMD, Renstra and RPIP/RPIK imports)."""
    rows: list[dict[str, object]] = []
    for i, tahun in enumerate(range(2024, 2027)):
        rows.append(
            {
                "indikator": "jumlah_ikm",
                "kode_bps": None,
                "tahun": tahun,
                "nilai_target": 72_000 + 2_000 * i,
                "satuan": "unit",
                "dokumen": "Renstra",
            }
        )
        rows.append(
            {
                "indikator": "indeks_hilirisasi",
                "kode_bps": None,
                "tahun": tahun,
                "nilai_target": 7.0 + 0.75 * i,
                "satuan": "persen",
                "dokumen": "RPJMD",
            }
        )
        rows.append(
            {
                "indikator": "sertifikat_halal",
                "kode_bps": None,
                "tahun": tahun,
                "nilai_target": 30,
                "satuan": "IKM",
                "dokumen": "Renstra",
            }
        )
        for kode, bobot in KAB_BOBOT.items():
            rows.append(
                {
                    "indikator": "jumlah_ikm",
                    "kode_bps": kode,
                    "tahun": tahun,
                    "nilai_target": round((72_000 + 2_000 * i) * bobot / 100),
                    "satuan": "unit",
                    "dokumen": "RPIK",
                }
            )
    return pl.DataFrame(rows, schema_overrides={"nilai_target": pl.Float64, "kode_bps": pl.String}).with_columns(
        pl.lit("contoh-target").alias("sumber_id")
    )


def kurs_frame() -> pl.DataFrame:
    """Monthly rupiah per US$ near the historical path (an approximation, labelled as sample)."""
    rata = {2021: 14_300, 2022: 14_850, 2023: 15_250, 2024: 15_850, 2025: 16_400}
    rows = [
        {"tahun": t, "bulan": b, "rp_per_usd": float(round(r * (1 + 0.01 * math.sin(b)), 0))}
        for t, r in rata.items()
        for b in range(1, 13)
    ]
    return pl.DataFrame(rows).with_columns(pl.lit("contoh-kurs").alias("sumber_id"))


def tenant_contoh_frame() -> pl.DataFrame:
    """Invented tenants that fill the estates' story for the demo; the name itself says 'contoh'."""
    rows = [
        (
            "jorong",
            "Contoh: pabrik briket batu bara",
            "Kimia dan Bahan Bangunan",
            "batubara",
            "konstruksi",
            2025,
            None,
            150_000_000_000,
            120,
            12.0,
            60_000,
            "ton/tahun",
        ),
        (
            "jorong",
            "Contoh: pabrik kernel sawit",
            "Pangan",
            "sawit",
            "rencana",
            2027,
            None,
            220_000_000_000,
            None,
            20.0,
            300,
            "ton/hari",
        ),
        (
            "batulicin",
            "Contoh: pabrik kayu lapis",
            "Kerajinan",
            "kayu",
            "operasi",
            2018,
            None,
            95_000_000_000,
            310,
            15.0,
            40_000,
            "m3/tahun",
        ),
        (
            "batulicin",
            "Contoh: pabrik pakan ikan",
            "Pangan",
            "perikanan",
            "operasi",
            2020,
            None,
            40_000_000_000,
            85,
            4.0,
            12_000,
            "ton/tahun",
        ),
        (
            "batulicin",
            "Contoh: pabrik kompon karet",
            "Kimia dan Bahan Bangunan",
            "karet",
            "berhenti",
            2016,
            2020,
            30_000_000_000,
            None,
            3.0,
            6_000,
            "ton/tahun",
        ),
    ]
    cols = [
        "kawasan_id",
        "nama_perusahaan",
        "sektor",
        "rantai",
        "status",
        "tahun_mulai",
        "tahun_berhenti",
        "investasi_rp",
        "tenaga_kerja",
        "luas_ha",
        "kapasitas",
        "satuan_kapasitas",
    ]
    return pl.DataFrame(rows, schema=cols, orient="row").with_columns(
        pl.lit("Tenant karangan untuk data contoh").alias("keterangan"),
        pl.lit("contoh-tenant").alias("sumber_id"),
    )


def sumber_frame(seed: int, scale: float, baris: dict[str, int]) -> pl.DataFrame:
    """One provenance row per generated dataset, ``jenis = 'contoh'``."""
    tanggal = {"ikm": dt.date(TAHUN_REGISTRI[-1], 12, 31), "ekspor": dt.date(TAHUN_EKSPOR[-1], 12, 31)}
    rows = [
        {
            "id": sid,
            "nama": nama,
            "jenis": "contoh",
            "tabel": tabel,
            "keterangan": f"Data contoh buatan (seed {seed}, skala {scale:g}), bukan data resmi",
            "url": None,
            "tanggal_data": tanggal.get(tabel, dt.date(TAHUN_REGISTRI[-1], 12, 31)),
            "baris": baris.get(tabel),
        }
        for sid, (tabel, nama) in SUMBER_CONTOH.items()
    ]
    return pl.DataFrame(rows, schema_overrides={"url": pl.String, "baris": pl.Int64})
