"""Seeded, deterministic sample data for the whole warehouse contract (``jenis = 'contoh'``).

Why a generator and not a committed extract: the office's registry is not public, and an honest demo must say
it is sample data everywhere. The numbers are calibrated to the public figures in ``shared/reference``:

* about 73,000 IKM in the latest registry year (Kadisperin, May 2023: "hampir 73 ribu"), spread over the
  kabupaten roughly as the 2016 economic census spread non-farm businesses (Banjarmasin 19 %, Banjar 14 %,
  HSU 9 %, ...), with each kabupaten's leading industry (RPIP/RPIK 2023) over-represented;
* median monthly exports of US$ 1.0-1.6 billion, coal (HS 2701) about 85-87 % of value, CPO next, then wood,
  rubber and rattan (BPS Kalsel, January 2024: total US$ 1.00 bn, HS27 US$ 869.6 m, HS15 US$ 99.3 m);
* 20-40 IKM halal-certified a year through the programme; a slow rise of the Indeks Hilirisasi.

Determinism: every random stream is ``numpy.random.default_rng([seed, stream, chunk])`` and files are written
in a fixed order, so the same seed and scale give the same bytes. Memory: IKM are generated in chunks of firms
and exports one year and one block of national sub-codes at a time, so scale 60 (about 4.4 million IKM and
tens of millions of export rows) stays within a few GB.

Scale: ``scale`` multiplies the number of firms; for exports each 8-digit HS code is split into ``scale``
10-digit national sub-codes, which keeps the contract's grain (month x HS code x destination x origin) unique.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

TAHUN_REGISTRI = tuple(range(2020, 2026))
"""Registry years of the IKM sample: the latest is 2025, the 'data per' year of the sample."""
TAHUN_EKSPOR = tuple(range(2021, 2026))
"""Five full years of monthly exports."""
IKM_PER_SKALA = 78_000
"""Firms in the pool at scale 1; about 73,000 of them are active in the latest registry year."""
CHUNK_FIRMS = 250_000

SUMBER_CONTOH = {
    "contoh-ikm": ("ikm", "Registri IKM contoh"),
    "contoh-ekspor": ("ekspor", "Ekspor bulanan contoh"),
    "contoh-program": ("program", "Hasil program contoh"),
    "contoh-target": ("target", "Target contoh"),
    "contoh-tenant": ("kawasan_tenant", "Tenant kawasan contoh"),
    "contoh-kurs": ("kurs", "Kurs rupiah per US$ contoh (perkiraan)"),
}

KAB_BOBOT: dict[str, float] = {
    "6301": 7,
    "6302": 6,
    "6303": 14,
    "6304": 6,
    "6305": 5,
    "6306": 7,
    "6307": 7,
    "6308": 9,
    "6309": 6,
    "6310": 6,
    "6311": 4,
    "6371": 19,
    "6372": 4,
}
"""Share of IKM per kabupaten, after the SE2016 shares of non-farm businesses (percent)."""

KAB_IBUKOTA: dict[str, tuple[float, float, float]] = {
    "6301": (-3.80, 114.77, 0.12),
    "6302": (-3.30, 116.17, 0.15),
    "6303": (-3.41, 114.85, 0.10),
    "6304": (-2.99, 114.76, 0.10),
    "6305": (-2.94, 115.16, 0.08),
    "6306": (-2.78, 115.27, 0.08),
    "6307": (-2.58, 115.38, 0.07),
    "6308": (-2.42, 115.25, 0.06),
    "6309": (-2.17, 115.38, 0.08),
    "6310": (-3.42, 115.99, 0.12),
    "6311": (-2.33, 115.47, 0.07),
    "6371": (-3.32, 114.59, 0.025),
    "6372": (-3.44, 114.83, 0.03),
}
"""Approximate (lat, lon, spread in degrees) of each capital; sample firm coordinates scatter around it."""

KECAMATAN: dict[str, tuple[str, ...]] = {
    "6301": ("Pelaihari", "Takisung", "Jorong", "Kintap", "Batu Ampar", "Bati-Bati", "Kurau", "Panyipatan"),
    "6302": ("Pulau Laut Utara", "Pulau Laut Sigam", "Kelumpang Hulu", "Pamukan Selatan", "Sampanahan"),
    "6303": (
        "Martapura",
        "Martapura Timur",
        "Martapura Barat",
        "Astambul",
        "Karang Intan",
        "Gambut",
        "Kertak Hanyar",
        "Sungai Tabuk",
        "Aluh-Aluh",
        "Simpang Empat",
    ),
    "6304": ("Marabahan", "Alalak", "Anjir Pasar", "Tamban", "Mandastana", "Wanaraya"),
    "6305": ("Tapin Utara", "Tapin Selatan", "Binuang", "Candi Laras Selatan", "Bungur", "Lokpaikat"),
    "6306": ("Kandangan", "Simpur", "Angkinang", "Sungai Raya", "Daha Selatan", "Daha Utara", "Loksado"),
    "6307": ("Barabai", "Batu Benawa", "Pandawan", "Haruyan", "Labuan Amas Selatan", "Hantakan"),
    "6308": ("Amuntai Tengah", "Amuntai Selatan", "Amuntai Utara", "Sungai Tabukan", "Babirik", "Banjang"),
    "6309": ("Tanjung", "Murung Pudak", "Kelua", "Tanta", "Muara Uya", "Upau"),
    "6310": ("Simpang Empat", "Batulicin", "Karang Bintang", "Kusan Hilir", "Satui", "Angsana"),
    "6311": ("Paringin", "Paringin Selatan", "Juai", "Awayan", "Batu Mandi", "Lampihong"),
    "6371": (
        "Banjarmasin Tengah",
        "Banjarmasin Utara",
        "Banjarmasin Selatan",
        "Banjarmasin Timur",
        "Banjarmasin Barat",
    ),
    "6372": ("Banjarbaru Utara", "Banjarbaru Selatan", "Landasan Ulin", "Liang Anggang", "Cempaka"),
}

UNGGULAN: dict[str, tuple[str, ...]] = {
    "6301": ("tambang", "sawit"),
    "6302": ("logam", "perikanan"),
    "6303": ("permata", "pangan"),
    "6304": ("pertanian", "sawit"),
    "6305": ("kerajinan",),
    "6306": ("pertanian", "logam"),
    "6307": ("pangan",),
    "6308": ("rotan", "pertanian"),
    "6309": ("sandang", "karet"),
    "6310": ("sawit", "perikanan"),
    "6311": ("kayu", "karet"),
    "6371": ("sandang", "kerajinan"),
    "6372": ("logam",),
}
"""Tags of each kabupaten's leading industry (RPIP/RPIK); firms with a matching tag are three times as likely."""


@dataclass(frozen=True)
class JenisUsaha:
    """One kind of IKM business: what a registry row says about what a firm makes."""

    kbli: str
    sektor: str
    komoditas: str
    rantai: str
    tahap: str
    tag: str
    bobot: float
    p_perempuan: float
    p_ekspor: float


KATALOG: tuple[JenisUsaha, ...] = (
    JenisUsaha("10792", "Pangan", "kue tradisional", "pertanian", "hilir", "pangan", 14, 0.7, 0.0),
    JenisUsaha("10710", "Pangan", "roti dan kue", "pertanian", "hilir", "pangan", 6, 0.6, 0.0),
    JenisUsaha("10390", "Pangan", "keripik dan olahan buah", "pertanian", "hilir", "pangan", 4, 0.6, 0.02),
    JenisUsaha("10611", "Pangan", "penggilingan padi", "pertanian", "antara", "pertanian", 5, 0.2, 0.0),
    JenisUsaha("10761", "Pangan", "kopi bubuk", "pertanian", "hilir", "pertanian", 2, 0.4, 0.02),
    JenisUsaha("10213", "Pangan", "ikan asin dan ikan kering", "perikanan", "antara", "perikanan", 5, 0.5, 0.02),
    JenisUsaha("10299", "Pangan", "amplang dan kerupuk ikan", "perikanan", "hilir", "perikanan", 5, 0.7, 0.03),
    JenisUsaha("10299", "Pangan", "olahan rumput laut", "perikanan", "hilir", "perikanan", 1, 0.6, 0.05),
    JenisUsaha("10431", "Pangan", "olahan sawit skala kecil", "sawit", "antara", "sawit", 1, 0.3, 0.0),
    JenisUsaha("11050", "Pangan", "air minum dalam kemasan", "lainnya", "hilir", "pangan", 2, 0.3, 0.0),
    JenisUsaha("13134", "Sandang", "kain sasirangan", "lainnya", "hilir", "sandang", 6, 0.8, 0.04),
    JenisUsaha("14111", "Sandang", "pakaian jadi (konveksi)", "lainnya", "hilir", "sandang", 5, 0.7, 0.01),
    JenisUsaha("15121", "Sandang", "tas dan barang kulit", "lainnya", "hilir", "sandang", 1.5, 0.5, 0.03),
    JenisUsaha("23922", "Kimia dan Bahan Bangunan", "batu bata", "lainnya", "hilir", "tambang", 4, 0.2, 0.0),
    JenisUsaha("23953", "Kimia dan Bahan Bangunan", "paving dan batako", "lainnya", "hilir", "tambang", 2, 0.1, 0.0),
    JenisUsaha("19209", "Kimia dan Bahan Bangunan", "briket batu bara", "batubara", "antara", "tambang", 1, 0.1, 0.05),
    JenisUsaha("16101", "Kimia dan Bahan Bangunan", "penggergajian kayu", "kayu", "antara", "kayu", 3, 0.1, 0.03),
    JenisUsaha("22199", "Kimia dan Bahan Bangunan", "bahan olah karet", "karet", "antara", "karet", 1.5, 0.3, 0.02),
    JenisUsaha("22199", "Kimia dan Bahan Bangunan", "barang dari karet", "karet", "hilir", "karet", 1, 0.3, 0.03),
    JenisUsaha("20231", "Kimia dan Bahan Bangunan", "sabun dan minyak atsiri", "sawit", "hilir", "sawit", 1, 0.6, 0.02),
    JenisUsaha(
        "25931",
        "Logam dan Elektronika",
        "pandai besi (parang, alat pertanian)",
        "lainnya",
        "hilir",
        "logam",
        5,
        0.05,
        0.01,
    ),
    JenisUsaha(
        "25111", "Logam dan Elektronika", "bengkel las dan konstruksi logam", "lainnya", "hilir", "logam", 4, 0.05, 0.0
    ),
    JenisUsaha("33151", "Logam dan Elektronika", "reparasi kapal dan mesin", "lainnya", "hilir", "logam", 2, 0.05, 0.0),
    JenisUsaha(
        "27900", "Logam dan Elektronika", "perakitan peralatan listrik", "lainnya", "hilir", "logam", 1, 0.3, 0.0
    ),
    JenisUsaha("16299", "Kerajinan", "anyaman purun dan bambu", "pertanian", "hilir", "kerajinan", 5, 0.85, 0.04),
    JenisUsaha("16293", "Kerajinan", "anyaman rotan", "rotan", "antara", "rotan", 3, 0.7, 0.08),
    JenisUsaha("31002", "Kerajinan", "furnitur rotan", "rotan", "hilir", "rotan", 2, 0.4, 0.12),
    JenisUsaha("31001", "Kerajinan", "furnitur kayu", "kayu", "hilir", "kayu", 4, 0.2, 0.06),
    JenisUsaha("16299", "Kerajinan", "ukiran dan kerajinan kayu", "kayu", "hilir", "kerajinan", 3, 0.3, 0.05),
    JenisUsaha("32111", "Kerajinan", "perhiasan dan batu mulia (intan)", "lainnya", "hilir", "permata", 3, 0.3, 0.08),
)

AWALAN_NAMA = ("UD", "CV", "IKM", "Usaha", "Kelompok", "Rumah Produksi", "PD")
NAMA_UNIK = (
    "Berkah",
    "Barokah",
    "Banua",
    "Maju Jaya",
    "Sejahtera",
    "Mandiri",
    "Amanah",
    "Harapan",
    "Al-Ikhlas",
    "Bersama",
    "Lestari",
    "Sumber Rezeki",
    "Putri",
    "Annisa",
    "Galuh",
    "Intan",
    "Murakata",
    "Bauntung",
    "Wasaka",
    "Sasangga",
    "Kayuh Baimbai",
    "Bumi Lambung",
    "Mutiara",
    "Cahaya",
    "Karya Mulya",
)


# ---------------------------------------------------------------------------------------------------------
# IKM
# ---------------------------------------------------------------------------------------------------------
def _ikm_chunk(seed: int, chunk: int, start: int, n: int) -> Iterator[tuple[int, pl.DataFrame]]:
    """Firms ``start .. start+n`` of the pool, one frame per registry year in which they are active."""
    rng = np.random.default_rng([seed, 1, chunk])
    kab_codes = np.array(list(KAB_BOBOT))
    kab_p = np.array(list(KAB_BOBOT.values()), dtype=float)
    kab_p /= kab_p.sum()
    kab_idx = rng.choice(len(kab_codes), size=n, p=kab_p)

    # Kind of business, conditioned on the kabupaten's leading industry.
    base = np.array([j.bobot for j in KATALOG])
    jenis_idx = np.empty(n, dtype=np.int64)
    for k, kode in enumerate(kab_codes):
        mask = kab_idx == k
        w = base * np.array([3.0 if j.tag in UNGGULAN[kode] else 1.0 for j in KATALOG])
        jenis_idx[mask] = rng.choice(len(KATALOG), size=int(mask.sum()), p=w / w.sum())

    # Entry into the registry: most firms already in 2020, the rest added year by year.
    first = TAHUN_REGISTRI[0]
    entry_p = np.array([64.5] + [2.9] * (len(TAHUN_REGISTRI) - 1))
    tahun_masuk = np.array(TAHUN_REGISTRI)[rng.choice(len(TAHUN_REGISTRI), size=n, p=entry_p / entry_p.sum())]
    umur = np.minimum(rng.gamma(1.6, 6.0, size=n).astype(np.int64), 40)
    tahun_berdiri = np.where(tahun_masuk > first, tahun_masuk, first - umur)
    tahun_keluar = tahun_masuk + 1 + rng.geometric(0.02, size=n)  # first registry year without the firm

    menengah = rng.random(n) < 0.025
    tk = np.where(menengah, rng.integers(20, 100, size=n), np.minimum(rng.geometric(0.45, size=n), 19))
    p_perempuan = np.array([j.p_perempuan for j in KATALOG])[jenis_idx]
    tk_p = rng.binomial(tk, p_perempuan)
    investasi = np.where(menengah, rng.lognormal(math.log(2.0e9), 0.6, n), rng.lognormal(math.log(2.5e7), 0.9, n))
    produksi = investasi * rng.uniform(2.0, 5.0, n)
    rasio_bahan = rng.uniform(0.45, 0.75, n)
    p_ekspor = np.array([j.p_ekspor for j in KATALOG])[jenis_idx] * np.where(menengah, 4.0, 1.0)
    ekspor = rng.random(n) < p_ekspor
    pangan = np.array([j.sektor == "Pangan" for j in KATALOG])[jenis_idx]
    # Year of halal certification for food firms: a trickle before 2020, faster after it became mandatory
    # for food and beverage (17 October 2024); 0 = never in the sample window.
    halal_tahun_opsi = np.array([2019, 2020, 2021, 2022, 2023, 2024, 2025, 0])
    halal_p = np.array([0.05, 0.015, 0.02, 0.025, 0.03, 0.05, 0.06, 0.75])
    tahun_halal = np.where(pangan, halal_tahun_opsi[rng.choice(8, size=n, p=halal_p)], 0)
    tahun_halal = np.where((tahun_halal > 0) & (tahun_halal < tahun_berdiri), 0, tahun_halal)
    hari_halal = rng.integers(0, 365, size=n)
    punya_koordinat = rng.random(n) < 0.6
    lat0 = np.array([KAB_IBUKOTA[k][0] for k in kab_codes])[kab_idx]
    lon0 = np.array([KAB_IBUKOTA[k][1] for k in kab_codes])[kab_idx]
    sebar = np.array([KAB_IBUKOTA[k][2] for k in kab_codes])[kab_idx]
    lat = np.round(lat0 + rng.normal(0, 1, n) * sebar, 5)
    lon = np.round(lon0 + rng.normal(0, 1, n) * sebar, 5)
    kec_idx = rng.integers(0, 1_000_000, size=n)
    nama_a = rng.integers(0, len(AWALAN_NAMA), size=n)
    nama_b = rng.integers(0, len(NAMA_UNIK), size=n)
    tumbuh = rng.normal(0.04, 0.03, n)

    kab_per_firm = kab_codes[kab_idx]
    kecamatan = np.array(
        [KECAMATAN[k][i % len(KECAMATAN[k])] for k, i in zip(kab_per_firm, kec_idx, strict=True)], dtype=object
    )
    komoditas = np.array([j.komoditas for j in KATALOG], dtype=object)[jenis_idx]
    nama_usaha = (
        np.array(AWALAN_NAMA, dtype=object)[nama_a]
        + " "
        + np.array([k.split(" (")[0].title() for k in komoditas], dtype=object)
        + " "
        + np.array(NAMA_UNIK, dtype=object)[nama_b]
    )
    ids = np.array([f"IKM{start + i:09d}" for i in range(n)], dtype=object)
    katalog_kolom = {
        "kbli": np.array([j.kbli for j in KATALOG], dtype=object)[jenis_idx],
        "sektor": np.array([j.sektor for j in KATALOG], dtype=object)[jenis_idx],
        "rantai": np.array([j.rantai for j in KATALOG], dtype=object)[jenis_idx],
        "tahap": np.array([j.tahap for j in KATALOG], dtype=object)[jenis_idx],
    }

    for tahun in TAHUN_REGISTRI:
        aktif = (tahun_masuk <= tahun) & (tahun_keluar > tahun)
        idx = np.flatnonzero(aktif)
        if idx.size == 0:
            continue
        tahun_rng = np.random.default_rng([seed, 2, chunk, tahun])
        faktor = (1 + tumbuh[idx]) ** (tahun - first) * tahun_rng.uniform(0.92, 1.08, idx.size)
        halal = (tahun_halal[idx] > 0) & (tahun_halal[idx] <= tahun)
        tanggal_halal = [
            dt.date(int(y), 1, 1) + dt.timedelta(days=int(d)) if h else None
            for y, d, h in zip(tahun_halal[idx], hari_halal[idx], halal, strict=True)
        ]
        produksi_t = np.round(produksi[idx] * faktor)
        frame = pl.DataFrame(
            {
                "id": ids[idx],
                "tahun_data": np.full(idx.size, tahun, dtype=np.int32),
                "nama_usaha": nama_usaha[idx],
                "kode_bps": kab_per_firm[idx],
                "kecamatan": kecamatan[idx],
                "kbli": katalog_kolom["kbli"][idx],
                "sektor": katalog_kolom["sektor"][idx],
                "komoditas": komoditas[idx],
                "rantai": katalog_kolom["rantai"][idx],
                "tahap": katalog_kolom["tahap"][idx],
                "skala": np.where(menengah[idx], "menengah", "kecil"),
                "tenaga_kerja_l": (tk[idx] - tk_p[idx]).astype(np.int32),
                "tenaga_kerja_p": tk_p[idx].astype(np.int32),
                "investasi_rp": np.round(investasi[idx] * (1 + 0.5 * (faktor - 1))).astype(np.int64),
                "nilai_produksi_rp": produksi_t.astype(np.int64),
                "nilai_bahan_baku_rp": np.round(produksi_t * rasio_bahan[idx]).astype(np.int64),
                "tahun_berdiri": tahun_berdiri[idx].astype(np.int32),
                "halal": halal,
                "tanggal_halal": pl.Series(tanggal_halal, dtype=pl.Date),
                "berorientasi_ekspor": ekspor[idx],
                "lat": np.where(punya_koordinat[idx], lat[idx], np.nan),
                "lon": np.where(punya_koordinat[idx], lon[idx], np.nan),
                "sumber_id": np.full(idx.size, "contoh-ikm", dtype=object),
            },
            strict=False,
        ).with_columns(pl.col("lat").fill_nan(None), pl.col("lon").fill_nan(None))
        yield tahun, frame


def write_ikm(out: Path, seed: int, scale: float) -> int:
    """Write ``ikm/part-<year>-<chunk>.parquet``; returns the number of rows."""
    total = round(IKM_PER_SKALA * scale)
    folder = out / "ikm"
    folder.mkdir(parents=True, exist_ok=True)
    rows = 0
    for chunk, start in enumerate(range(0, total, CHUNK_FIRMS)):
        n = min(CHUNK_FIRMS, total - start)
        for tahun, frame in _ikm_chunk(seed, chunk, start, n):
            frame.write_parquet(folder / f"part-{tahun}-{chunk:04d}.parquet", statistics=False)
            rows += frame.height
    return rows


# ---------------------------------------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class KodeEkspor:
    """One exported HS code with its January-2024-level monthly value (US$ million) and where it comes from."""

    kode_hs: str
    uraian: str
    juta_usd: float
    tren: float
    """Yearly growth of this code beyond the commodity cycle (hilirisasi: processed goods grow faster)."""
    siklus: str
    asal: dict[str, float]
    tujuan: str
    usd_per_kg: float
    mulai: int = 0
    """First export year (a plant that opened later exports nothing before it)."""


SIKLUS = {
    "batubara": {2021: 1.10, 2022: 1.55, 2023: 1.20, 2024: 1.00, 2025: 0.92},
    "sawit": {2021: 1.00, 2022: 1.25, 2023: 0.95, 2024: 1.00, 2025: 1.05},
    "datar": {2021: 1.00, 2022: 1.05, 2023: 1.00, 2024: 1.00, 2025: 1.02},
}
"""Commodity price cycles: the 2022 coal boom and the fall after it shape the totals, as in BPS releases."""

TAMBANG = {"6309": 0.25, "6311": 0.2, "6310": 0.2, "6302": 0.15, "6301": 0.1, "6303": 0.05, "6305": 0.05}
KEBUN = {"6302": 0.3, "6301": 0.2, "6310": 0.2, "6304": 0.1, "6309": 0.1, "6311": 0.1}
KOTA = {"6371": 0.6, "6372": 0.2, "6303": 0.2}

TUJUAN: dict[str, dict[str, float]] = {
    "batubara": {
        "Tiongkok": 0.40,
        "India": 0.18,
        "Jepang": 0.08,
        "Malaysia": 0.07,
        "Filipina": 0.07,
        "Korea Selatan": 0.04,
        "Taiwan": 0.04,
        "Hong Kong": 0.03,
        "Thailand": 0.03,
        "Vietnam": 0.03,
        "Bangladesh": 0.01,
        "Pakistan": 0.01,
        "Kamboja": 0.005,
        "Sri Lanka": 0.005,
    },
    "sawit": {
        "India": 0.25,
        "Tiongkok": 0.2,
        "Pakistan": 0.1,
        "Malaysia": 0.08,
        "Belanda": 0.07,
        "Spanyol": 0.05,
        "Italia": 0.04,
        "Bangladesh": 0.04,
        "Mesir": 0.04,
        "Amerika Serikat": 0.03,
        "Singapura": 0.03,
        "Jerman": 0.02,
        "Turki": 0.02,
        "Vietnam": 0.02,
        "Arab Saudi": 0.01,
    },
    "olahan": {
        "Jepang": 0.2,
        "Amerika Serikat": 0.15,
        "Tiongkok": 0.15,
        "Korea Selatan": 0.08,
        "Taiwan": 0.06,
        "Singapura": 0.05,
        "Malaysia": 0.05,
        "Vietnam": 0.04,
        "Australia": 0.04,
        "Belanda": 0.04,
        "Jerman": 0.04,
        "Uni Emirat Arab": 0.02,
        "Arab Saudi": 0.02,
        "Turki": 0.02,
        "Thailand": 0.02,
        "Hong Kong": 0.02,
    },
}

EKOR_TUJUAN = (
    "Australia",
    "Selandia Baru",
    "Kanada",
    "Inggris",
    "Prancis",
    "Polandia",
    "Rusia",
    "Brasil",
    "Meksiko",
    "Afrika Selatan",
    "Nigeria",
    "Kenya",
    "Qatar",
    "Oman",
    "Myanmar",
    "Brunei Darussalam",
    "Timor Leste",
)
"""A long tail of small destinations shared by every code (weight 0.5 % each before normalising)."""
for _bobot in TUJUAN.values():
    for _negara in EKOR_TUJUAN:
        _bobot.setdefault(_negara, 0.005)

KODE_EKSPOR: tuple[KodeEkspor, ...] = (
    KodeEkspor("27011210", "Batu bara bituminus", 560, 0.0, "batubara", TAMBANG, "batubara", 0.085),
    KodeEkspor("27011900", "Batu bara lainnya", 300, 0.0, "batubara", TAMBANG, "batubara", 0.06),
    KodeEkspor("27021000", "Lignit", 10, 0.0, "batubara", {"6309": 0.5, "6311": 0.5}, "batubara", 0.04),
    KodeEkspor("27040010", "Kokas dan semi-kokas", 1.5, 0.30, "batubara", {"6301": 0.6, "6310": 0.4}, "batubara", 0.3),
    KodeEkspor("38021000", "Karbon aktif", 0.5, 0.25, "datar", {"6372": 0.5, "6371": 0.5}, "olahan", 1.2),
    KodeEkspor("15111000", "Minyak kelapa sawit mentah (CPO)", 60, -0.05, "sawit", KEBUN, "sawit", 0.85),
    KodeEkspor("15132110", "Minyak inti sawit mentah", 6, 0.0, "sawit", KEBUN, "sawit", 1.0),
    KodeEkspor("12071000", "Inti kelapa sawit", 1, -0.05, "sawit", KEBUN, "sawit", 0.4),
    KodeEkspor("15119020", "RBD olein", 20, 0.08, "sawit", {"6302": 0.5, "6310": 0.3, "6371": 0.2}, "sawit", 0.95),
    KodeEkspor("15132910", "Minyak inti sawit olahan", 3, 0.06, "sawit", {"6302": 0.6, "6310": 0.4}, "sawit", 1.2),
    KodeEkspor("23066000", "Bungkil inti sawit", 3, 0.0, "sawit", KEBUN, "sawit", 0.15),
    KodeEkspor("38231100", "Asam stearat (oleokimia)", 4, 0.10, "sawit", {"6310": 0.6, "6302": 0.4}, "sawit", 1.1),
    # PT Jhonlin Agro Raya's biodiesel plant in KI Batulicin opened on 21 October 2021: exports from 2022.
    KodeEkspor("38260010", "Biodiesel", 5, 0.20, "sawit", {"6310": 1.0}, "sawit", 1.0, mulai=2022),
    KodeEkspor("34011100", "Sabun", 0.3, 0.10, "datar", {"6371": 1.0}, "olahan", 1.5),
    KodeEkspor("40011000", "Lateks karet alam", 0.3, -0.05, "datar", {"6311": 0.5, "6309": 0.5}, "olahan", 1.2),
    KodeEkspor("40012100", "Karet sit asap (RSS)", 0.5, 0.0, "datar", {"6309": 0.5, "6311": 0.5}, "olahan", 1.7),
    KodeEkspor(
        "40012200",
        "Karet remah SIR",
        10,
        0.0,
        "datar",
        {"6371": 0.4, "6372": 0.1, "6309": 0.15, "6311": 0.15, "6303": 0.1, "6310": 0.1},
        "olahan",
        1.6,
    ),
    KodeEkspor("40151900", "Sarung tangan karet", 0.2, 0.15, "datar", {"6371": 1.0}, "olahan", 4.0),
    KodeEkspor("40169990", "Barang lain dari karet", 0.1, 0.10, "datar", {"6371": 0.5, "6372": 0.5}, "olahan", 3.0),
    KodeEkspor("14012000", "Rotan mentah", 0.002, -0.2, "datar", {"6308": 1.0}, "olahan", 0.5),
    KodeEkspor("46012200", "Anyaman rotan (lampit)", 0.03, 0.05, "datar", {"6308": 0.7, "6371": 0.3}, "olahan", 4.0),
    KodeEkspor("46021200", "Keranjang rotan", 0.03, 0.05, "datar", {"6308": 0.8, "6371": 0.2}, "olahan", 5.0),
    KodeEkspor("94038300", "Furnitur rotan", 0.02, 0.08, "datar", {"6371": 0.6, "6308": 0.4}, "olahan", 6.0),
    KodeEkspor("94015300", "Kursi rotan", 0.01, 0.08, "datar", {"6371": 1.0}, "olahan", 6.0),
    KodeEkspor("44034900", "Kayu gelondongan", 0.2, -0.1, "datar", {"6302": 0.5, "6311": 0.5}, "olahan", 0.2),
    KodeEkspor("44072990", "Kayu gergajian", 3, 0.0, "datar", {"6371": 0.4, "6304": 0.3, "6302": 0.3}, "olahan", 0.5),
    KodeEkspor("44123100", "Kayu lapis (plywood)", 8, 0.02, "datar", {"6371": 0.6, "6304": 0.4}, "olahan", 0.6),
    KodeEkspor("44013100", "Pelet kayu", 1.5, 0.15, "datar", {"6310": 1.0}, "olahan", 0.15),
    KodeEkspor("44091000", "Kayu profil (moulding)", 1.5, 0.03, "datar", {"6371": 0.7, "6303": 0.3}, "olahan", 0.9),
    KodeEkspor("94036000", "Furnitur kayu", 0.8, 0.08, "datar", {"6371": 0.5, "6303": 0.3, "6372": 0.2}, "olahan", 3.0),
    KodeEkspor("44189900", "Pintu dan kusen kayu", 0.5, 0.05, "datar", {"6371": 1.0}, "olahan", 1.5),
    KodeEkspor("44219900", "Barang lain dari kayu", 0.3, 0.05, "datar", {"6371": 0.5, "6305": 0.5}, "olahan", 2.0),
    KodeEkspor("03061700", "Udang beku", 1.5, 0.03, "datar", {"6302": 0.5, "6310": 0.3, "6371": 0.2}, "olahan", 9.0),
    KodeEkspor("03038900", "Ikan beku", 0.5, 0.0, "datar", {"6302": 0.6, "6310": 0.4}, "olahan", 2.5),
    KodeEkspor("12122900", "Rumput laut kering", 0.6, 0.0, "datar", {"6302": 0.6, "6310": 0.4}, "olahan", 1.2),
    KodeEkspor("13023100", "Karagenan", 0.1, 0.15, "datar", {"6310": 1.0}, "olahan", 8.0),
    KodeEkspor("16059000", "Olahan krustasea", 0.2, 0.08, "datar", {"6371": 1.0}, "olahan", 12.0),
    KodeEkspor("03048900", "Fillet ikan", 0.2, 0.05, "datar", {"6302": 1.0}, "olahan", 5.0),
    KodeEkspor("08013200", "Kacang mete", 0.1, 0.0, "datar", {"6301": 1.0}, "olahan", 7.0),
    KodeEkspor("09041100", "Lada", 0.05, 0.0, "datar", {"6301": 1.0}, "olahan", 4.0),
    KodeEkspor("19059000", "Kue dan biskuit", 0.05, 0.1, "datar", {"6371": 1.0}, "olahan", 3.0),
    KodeEkspor("26011100", "Bijih besi", 8, -0.05, "datar", {"6301": 0.5, "6302": 0.5}, "batubara", 0.07),
    KodeEkspor("25232900", "Semen portland", 1.5, 0.0, "datar", {"6302": 1.0}, "olahan", 0.05),
    KodeEkspor("89019000", "Kapal barang", 0.3, 0.0, "datar", {"6371": 1.0}, "olahan", 1.0),
)
PROVINSI_SAJA = 0.04
"""Share of each code's value that the sample leaves without an origin kabupaten, as BPS tables often do."""

PELABUHAN = {
    "6301": "Jorong",
    "6302": "Kotabaru",
    "6310": "Batulicin",
    None: "Trisakti Banjarmasin",
}


def _pelabuhan(kode_bps: str | None, batubara: bool) -> str:
    if kode_bps in PELABUHAN:
        return PELABUHAN[kode_bps]
    return "Taboneo (alih muat)" if batubara else "Trisakti Banjarmasin"


def _ekspor_year(seed: int, tahun: int, sub_start: int, sub_n: int, split: bool) -> pl.DataFrame:
    """One year of monthly exports for national sub-codes ``sub_start .. sub_start+sub_n``."""
    parts: list[pl.DataFrame] = []
    bulan = np.arange(1, 13)
    musim = 1 + 0.06 * np.sin((bulan - 3) / 12 * 2 * np.pi)
    for k, kode in enumerate(KODE_EKSPOR):
        if tahun < kode.mulai:
            continue
        tujuan = TUJUAN[kode.tujuan]
        negara = np.array(list(tujuan), dtype=object)
        w_d = np.array(list(tujuan.values()))
        w_d /= w_d.sum()
        asal_codes: list[str | None] = [*kode.asal, None]
        w_o = np.array([*kode.asal.values()]) / sum(kode.asal.values()) * (1 - PROVINSI_SAJA)
        w_o = np.append(w_o, PROVINSI_SAJA)
        for sub in range(sub_start, sub_start + sub_n):
            rng = np.random.default_rng([seed, 3, tahun, k, sub])
            level = kode.juta_usd * 1e6 * SIKLUS[kode.siklus][tahun] * (1 + kode.tren) ** (tahun - 2024)
            bulanan = level * musim * rng.lognormal(0, 0.08, 12)
            p_ada = np.minimum(0.97, 0.65 + 8 * w_d)
            ada = rng.random((12, w_o.size, w_d.size)) < p_ada[None, None, :]
            bobot = w_o[None, :, None] * w_d[None, None, :] * ada * rng.lognormal(0, 0.5, ada.shape)
            jumlah = bobot.sum(axis=(1, 2), keepdims=True)
            nilai = np.where(jumlah > 0, bobot / np.where(jumlah > 0, jumlah, 1), 0) * bulanan[:, None, None]
            m_idx, o_idx, d_idx = np.nonzero(ada)
            v = nilai[m_idx, o_idx, d_idx]
            harga = kode.usd_per_kg * rng.uniform(0.9, 1.1, v.size)
            batubara = kode.kode_hs.startswith("27")
            asal = [asal_codes[i] for i in o_idx]
            parts.append(
                pl.DataFrame(
                    {
                        "tahun": np.full(v.size, tahun, dtype=np.int32),
                        "bulan": bulan[m_idx].astype(np.int32),
                        "kode_hs": np.full(v.size, f"{kode.kode_hs}{sub:02d}" if split else kode.kode_hs),
                        "uraian_hs": np.full(v.size, kode.uraian),
                        "negara_tujuan": negara[d_idx],
                        "pelabuhan": [_pelabuhan(a, batubara) for a in asal],
                        "kode_bps": pl.Series(asal, dtype=pl.String),
                        "berat_kg": np.round(v / harga, 0),
                        "nilai_usd": np.round(v, 2),
                        "sumber_id": np.full(v.size, "contoh-ekspor"),
                    },
                    strict=False,
                )
            )
    return pl.concat(parts)


def write_ekspor(out: Path, seed: int, scale: float) -> int:
    """Write ``ekspor/part-<year>-<block>.parquet``; returns the number of rows."""
    subcodes = max(1, round(scale))
    if subcodes > 100:
        raise ValueError("scale maksimum untuk ekspor adalah 100 (kode HS 10 digit)")
    folder = out / "ekspor"
    folder.mkdir(parents=True, exist_ok=True)
    rows = 0
    block = 10
    for tahun in TAHUN_EKSPOR:
        for b, sub_start in enumerate(range(0, subcodes, block)):
            frame = _ekspor_year(seed, tahun, sub_start, min(block, subcodes - sub_start), split=subcodes > 1)
            frame.write_parquet(folder / f"part-{tahun}-{b:03d}.parquet", statistics=False)
            rows += frame.height
    return rows


# ---------------------------------------------------------------------------------------------------------
# Small tables: programmes, targets, exchange rates, sample tenants, provenance
# ---------------------------------------------------------------------------------------------------------
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


def generate(out: Path, *, seed: int = 42, scale: float = 1.0) -> dict[str, int]:
    """Write the whole sample as Parquet under ``out`` (replaced if present); returns rows per table."""
    if scale <= 0:
        raise ValueError("scale harus lebih dari 0")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    baris = {"ikm": write_ikm(out, seed, scale), "ekspor": write_ekspor(out, seed, scale)}
    small = {
        "program": program_frame(seed),
        "target": target_frame(),
        "kurs": kurs_frame(),
        "kawasan_tenant": tenant_contoh_frame(),
    }
    for name, frame in small.items():
        frame.write_parquet(out / f"{name}.parquet", statistics=False)
        baris[name] = frame.height
    sumber_frame(seed, scale, baris).write_parquet(out / "sumber.parquet", statistics=False)
    return baris


def main(argv: list[str] | None = None) -> int:
    """``python -m dasbor.sample --out DIR [--scale N] [--seed S]``."""
    parser = argparse.ArgumentParser(prog="python -m dasbor.sample", description="Buat data contoh (Parquet).")
    parser.add_argument("--out", type=Path, required=True, help="folder keluaran (ditimpa)")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = provinsi, 60 = ukuran nasional")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    mulai = time.perf_counter()
    baris = generate(args.out, seed=args.seed, scale=args.scale)
    for name, n in baris.items():
        print(f"{name:16s} {n:>12,d} baris".replace(",", "."))
    print(f"selesai dalam {time.perf_counter() - mulai:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
