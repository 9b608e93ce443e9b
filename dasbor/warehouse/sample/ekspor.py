"""The export generator: monthly exports per HS code x destination x origin kabupaten, calibrated to BPS
Kalsel (coal about 85-87 % of value, CPO next), written one year and one block of national sub-codes at a time
(``ekspor/part-<year>-<block>.parquet``).

Random streams: ``[seed, 3, year, code, sub-code]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from dasbor.warehouse.sample.dasar import TAHUN_EKSPOR


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
