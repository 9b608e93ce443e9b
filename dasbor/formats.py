"""Indonesian number, currency, percent and date formats: the one place every label is written.

Conventions (PUEBI and the office's own reports): a dot groups thousands and a comma marks decimals
("12.345", "1.234,5"); money is scaled with Indonesian words ("Rp 1,2 miliar", "US$ 869,6 juta"; juta = 10^6,
miliar = 10^9, triliun = 10^12; "ribu" is not used for money); a space before the percent sign ("12,3 %");
a missing value is an en dash. Rounding is half away from zero (Python's ``round`` rounds half to even, which
would print 0,25 as "0,2" on one slide and "0,3" on another).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

KOSONG = "–"
NAMA_BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_SKALA: tuple[tuple[float, str], ...] = ((1e6, "juta"), (1e9, "miliar"), (1e12, "triliun"))


def _bulatkan(x: float, desimal: int) -> Decimal:
    """Half away from zero, on the decimal value the user reads."""
    kuantum = Decimal(1).scaleb(-desimal)
    return Decimal(repr(abs(x))).quantize(kuantum, rounding=ROUND_HALF_UP)


def _tulis(nilai: Decimal, desimal: int) -> str:
    teks = f"{nilai:,.{desimal}f}"  # 1,234.5 in Python's notation
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def angka(x: float | int | None, desimal: int = 0) -> str:
    """12345 -> "12.345"; 1234.56 with one decimal -> "1.234,6"; None or NaN -> "–"."""
    if x is None or math.isnan(x):
        return KOSONG
    nilai = _bulatkan(float(x), desimal)
    tanda = "-" if x < 0 and nilai != 0 else ""
    return tanda + _tulis(nilai, desimal)


def unit(x: float | int | None, satuan: str = "unit") -> str:
    """12345 -> "12.345 unit"."""
    return KOSONG if x is None or math.isnan(x) else f"{angka(x)} {satuan}"


def _uang(x: float | int | None, awalan: str, desimal: int) -> str:
    if x is None or math.isnan(x):
        return KOSONG
    besar = abs(float(x))
    tanda = "-" if x < 0 and _bulatkan(besar, 0) != 0 else ""
    if _bulatkan(besar, 0) < Decimal(_SKALA[0][0]):
        return f"{tanda}{awalan} {_tulis(_bulatkan(besar, 0), 0)}"
    for batas, kata in _SKALA:
        # Move up a unit when the rounded value would read 1.000: 999,96 juta is "1,0 miliar".
        nilai = _bulatkan(besar / batas, desimal)
        if nilai < 1000 or kata == _SKALA[-1][1]:
            return f"{tanda}{awalan} {_tulis(nilai, desimal)} {kata}"
    raise AssertionError("unreachable")


def rupiah(x: float | int | None, desimal: int = 1) -> str:
    """950000 -> "Rp 950.000"; 1.2e9 -> "Rp 1,2 miliar"; 2e12 -> "Rp 2,0 triliun"."""
    return _uang(x, "Rp", desimal)


def usd(x: float | int | None, desimal: int = 1) -> str:
    """869_590_000 -> "US$ 869,6 juta"; 1e9 -> "US$ 1,0 miliar"; 633_600 -> "US$ 633.600"."""
    return _uang(x, "US$", desimal)


def persen(x: float | None, desimal: int = 1) -> str:
    """A value already in percent: 12.345 -> "12,3 %"."""
    return KOSONG if x is None or math.isnan(x) else f"{angka(x, desimal)} %"


def poin(delta: float | None, desimal: int = 1) -> str:
    """A change in percentage points, always signed: 2.1 -> "+2,1 poin"; 0 -> "0,0 poin"."""
    if delta is None or math.isnan(delta):
        return KOSONG
    teks = angka(delta, desimal)
    nol = _bulatkan(delta, desimal) == 0
    return f"{teks if nol or teks.startswith('-') else '+' + teks} poin"


def perubahan_persen(baru: float | None, lama: float | None, desimal: int = 1) -> str | None:
    """Relative change as a signed percent ("+4,2 %", "-7,1 %"); None when it cannot be computed."""
    if baru is None or lama is None or math.isnan(baru) or math.isnan(lama) or lama == 0:
        return None
    delta = 100 * (baru - lama) / abs(lama)
    teks = angka(delta, desimal)
    nol = _bulatkan(delta, desimal) == 0
    return f"{teks if nol or teks.startswith('-') else '+' + teks} %"


def tanggal(d: dt.date | dt.datetime | None) -> str:
    """Indonesian long date: "23 November 2026"."""
    if d is None:
        return KOSONG
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def bulan_tahun(tahun: int, bulan: int) -> str:
    """ "Januari 2024"."""
    return f"{NAMA_BULAN[bulan - 1]} {tahun}"
