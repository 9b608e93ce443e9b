"""The IKM registry generator: a pool of firms (kind of business, kabupaten, size, workers, money, halal,
coordinates) written one registry year and one chunk of firms at a time (``ikm/part-<year>-<chunk>.parquet``).

Random streams: ``[seed, 1, chunk]`` for the firms of a chunk, ``[seed, 2, chunk, year]`` for a year's values.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from dasbor.warehouse.sample.dasar import KAB_BOBOT, KAB_IBUKOTA, KECAMATAN, TAHUN_REGISTRI, UNGGULAN

IKM_PER_SKALA = 78_000
"""Firms in the pool at scale 1; about 73,000 of them are active in the latest registry year."""
CHUNK_FIRMS = 250_000


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
