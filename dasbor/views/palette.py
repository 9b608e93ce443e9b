"""One colour per commodity chain and per processing stage, the same on every chart, map and slide.

Why fixed colours: officials compare slides across meetings; coal must look like coal everywhere. The
stage ramp goes from light (hulu, raw) to dark (hilir, finished) so "more processing" reads as "darker" even
on a washed-out projector, and it stays distinguishable for the common red-green colour blindness.
"""

from __future__ import annotations

WARNA_RANTAI: dict[str, str] = {
    "batubara": "#3b3b3b",
    "sawit": "#e07b00",
    "karet": "#2e7d32",
    "rotan": "#b5912f",
    "kayu": "#8d5524",
    "perikanan": "#1f78b4",
    "pertanian": "#8ab83a",
    "lainnya": "#9e9e9e",
    "tidak terpetakan": "#d0d0d0",
}

WARNA_TAHAP: dict[str, str] = {
    "hulu": "#e9c46a",
    "antara": "#4f8fc0",
    "hilir": "#163f66",
    "tidak terpetakan": "#d0d0d0",
}

URUTAN_RANTAI: tuple[str, ...] = tuple(WARNA_RANTAI)
URUTAN_TAHAP: tuple[str, ...] = ("hulu", "antara", "hilir", "tidak terpetakan")

LABEL_RANTAI: dict[str, str] = {
    "batubara": "Batu bara",
    "sawit": "Sawit",
    "karet": "Karet",
    "rotan": "Rotan",
    "kayu": "Kayu",
    "perikanan": "Perikanan",
    "pertanian": "Pertanian",
    "lainnya": "Lainnya",
    "tidak terpetakan": "Tidak terpetakan",
}

LABEL_TAHAP: dict[str, str] = {
    "hulu": "Hulu (bahan mentah)",
    "antara": "Antara (setengah jadi)",
    "hilir": "Hilir (barang jadi)",
    "tidak terpetakan": "Tidak terpetakan",
}

WARNA_UTAMA = "#0b5d8c"
"""The accent of single-series charts (IKM counts, totals)."""
WARNA_KEDUA = "#c2410c"
"""The second series when two are compared (exports beside IKM)."""

WARNA_TAHUN_LALU: tuple[str, ...] = ("#8fb3cc", "#c7d6e2", "#e2e8f0")
"""Earlier years beside the latest one, fading with age: the latest year is always :data:`WARNA_UTAMA`."""


def warna_tahun(tahun: list[int]) -> dict[int, str]:
    """A colour per year for charts that compare years: the latest in the accent colour, the ones before it
    lighter and lighter, so "now" is the darkest bar in every such chart."""
    urut = sorted(set(tahun), reverse=True)
    lalu = WARNA_TAHUN_LALU
    return {t: WARNA_UTAMA if i == 0 else lalu[min(i - 1, len(lalu) - 1)] for i, t in enumerate(urut)}
