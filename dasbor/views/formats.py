"""Indonesian number, currency, percent and date formats: the one place every label is written.

The dashboard is read from the back of a meeting room and its numbers are copied into the office's reports,
so every page must write a number the same way. Conventions:

- Numbers follow official Indonesian style (PUEBI/EYD): a dot groups thousands and a comma marks decimals,
  "12.345" and "1.234,5". A negative number has a leading minus, "-1.234".
- Money is scaled with the KBBI words juta (10^6), miliar (10^9, not "milyar") and triliun (10^12):
  "Rp 1,2 miliar", "US$ 869,6 juta". Below one juta the full amount is written ("Rp 950.000"); "ribu" is not
  used, as in the office's reports. A negative amount puts the minus before the currency, "-Rp 1,2 miliar".
- The space after "Rp"/"US$" and before the percent sign ("12,3 %") follows the office's reports and the
  product spec.
- Percentage-point changes are always signed ("+2,1 poin", "-0,5 poin"); a change that rounds to zero has no
  sign ("0,0 poin"), so the card never shows "+0,0" or "-0,0".
- Dates are written in full with KBBI month names: "23 November 2026".
- A missing value (None, NaN or infinity) is an en dash, "–", never "nan" or "0".
- Rounding is half away from zero on the decimal value the reader sees (0,05 -> "0,1"; 0,15 -> "0,2").
  Python's ``round`` rounds half to even on the binary value, which would print 0,25 as "0,2" here and a
  spreadsheet would print "0,3" in the report next to it.
- Money moves up a unit when rounding would reach 1.000 of the current one: 999,96 juta is "Rp 1,0 miliar",
  never "Rp 1.000,0 juta".
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from decimal import ROUND_HALF_UP, Context, Decimal

__all__ = [
    "KOSONG",
    "NAMA_BULAN",
    "angka",
    "bulan_tahun",
    "persen",
    "perubahan_persen",
    "poin",
    "rupiah",
    "tanggal",
    "unit",
    "usd",
]

KOSONG = "–"
"""What a missing value looks like on screen: an en dash, so an empty cell never reads as zero."""

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
"""Month names as KBBI spells them, January first (index ``bulan - 1``)."""

# Power of ten and word, smallest first; the last one is used for anything larger.
_SKALA: tuple[tuple[int, str], ...] = ((6, "juta"), (9, "miliar"), (12, "triliun"))
_SERIBU = Decimal(1000)


def _ke_desimal(x: float | int | None) -> Decimal | None:
    """The exact decimal the reader expects, or None for a missing value.

    Integers (including numpy's) convert exactly. Floats go through their shortest ``repr``: 0.15 is stored
    as 0.1499999..., and rounding that binary value would print "0,1" where people expect "0,2".
    NaN and infinity count as missing: neither is a number anyone can read off a slide.
    """
    if x is None:
        return None
    if isinstance(x, numbers.Integral):
        return Decimal(int(x))
    nilai = float(x)
    if not math.isfinite(nilai):
        return None
    return Decimal(repr(nilai))


def _bulatkan(nilai: Decimal, desimal: int) -> Decimal:
    """Absolute value rounded half away from zero to ``desimal`` places; callers add the sign.

    The context's precision grows with the number so quantize never fails on very large amounts.
    """
    if desimal < 0:
        raise ValueError(f"desimal must be zero or more, got {desimal}")
    konteks = Context(prec=max(28, nilai.adjusted() + desimal + 2))
    return abs(nilai).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP, context=konteks)


def _tulis(nilai: Decimal, desimal: int) -> str:
    """Write a rounded, non-negative decimal the Indonesian way: dot for thousands, comma for decimals."""
    teks = f"{nilai:,.{desimal}f}"  # "1,234.5" in Python's notation
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _tanpa_tanda(nilai: Decimal, desimal: int) -> str:
    """Minus only when the rounded value is not zero, so -0,04 reads "0,0" and not "-0,0"."""
    bulat = _bulatkan(nilai, desimal)
    tanda = "-" if nilai < 0 and bulat != 0 else ""
    return tanda + _tulis(bulat, desimal)


def _bertanda(nilai: Decimal, desimal: int) -> str:
    """Always signed ("+2,1", "-0,5") for changes; a change that rounds to zero has no sign."""
    bulat = _bulatkan(nilai, desimal)
    if bulat == 0:
        return _tulis(bulat, desimal)
    return ("-" if nilai < 0 else "+") + _tulis(bulat, desimal)


def angka(x: float | int | None, desimal: int = 0) -> str:
    """A plain number in Indonesian style, so counts read the same on every page.

    12345 -> "12.345"; 1234.56 with ``desimal=1`` -> "1.234,6"; -1234 -> "-1.234"; None or NaN -> "–".
    """
    nilai = _ke_desimal(x)
    return KOSONG if nilai is None else _tanpa_tanda(nilai, desimal)


def unit(x: float | int | None, satuan: str = "unit") -> str:
    """A whole count with its unit, so a card never shows a bare number: 12345 -> "12.345 unit".

    A missing value is just "–", without the unit.
    """
    teks = angka(x)
    return KOSONG if teks == KOSONG else f"{teks} {satuan}"


def _uang(x: float | int | None, awalan: str, desimal: int) -> str:
    """Money scaled to juta/miliar/triliun, choosing the unit after rounding (see the module docstring)."""
    nilai = _ke_desimal(x)
    if nilai is None:
        return KOSONG
    penuh = _bulatkan(nilai, 0)
    if penuh < Decimal(10) ** _SKALA[0][0]:
        teks = _tulis(penuh, 0)
        bukan_nol = penuh != 0
    else:
        teks = ""
        bukan_nol = True
        for pangkat, kata in _SKALA:
            skala = _bulatkan(nilai.scaleb(-pangkat), desimal)
            # 999,96 juta rounds to "1.000,0 juta": that belongs to the next unit, "1,0 miliar".
            if skala < _SERIBU or kata == _SKALA[-1][1]:
                teks = f"{_tulis(skala, desimal)} {kata}"
                break
    tanda = "-" if nilai < 0 and bukan_nol else ""
    return f"{tanda}{awalan} {teks}"


def rupiah(x: float | int | None, desimal: int = 1) -> str:
    """Rupiah in the words the office's reports use, short enough for a KPI card.

    950000 -> "Rp 950.000"; 12.3e6 -> "Rp 12,3 juta"; 1.2e9 -> "Rp 1,2 miliar"; 2e12 -> "Rp 2,0 triliun";
    -1.2e9 -> "-Rp 1,2 miliar"; None or NaN -> "–".
    """
    return _uang(x, "Rp", desimal)


def usd(x: float | int | None, desimal: int = 1) -> str:
    """US dollars (export values) with the same Indonesian scale words as rupiah, so both read alike.

    869_590_000 -> "US$ 869,6 juta"; 1e9 -> "US$ 1,0 miliar"; 633_600 -> "US$ 633.600" ("ribu" is not used).
    """
    return _uang(x, "US$", desimal)


def persen(x: float | None, desimal: int = 1) -> str:
    """A value that is already a percentage (12.345 means 12,345 %): 12.345 -> "12,3 %".

    The caller multiplies shares by 100; doing it here would hide whether 0.5 meant half or half a percent.
    """
    nilai = _ke_desimal(x)
    return KOSONG if nilai is None else f"{_tanpa_tanda(nilai, desimal)} %"


def poin(delta: float | None, desimal: int = 1) -> str:
    """A change between two percentages, in percentage points and always signed, for metric deltas.

    A change in a share is not a percent change ("naik 2,1 poin", not "naik 2,1 %").
    2.1 -> "+2,1 poin"; -0.5 -> "-0,5 poin"; 0 -> "0,0 poin"; None or NaN -> "–".
    """
    nilai = _ke_desimal(delta)
    return KOSONG if nilai is None else f"{_bertanda(nilai, desimal)} poin"


def perubahan_persen(baru: float | None, lama: float | None, desimal: int = 1) -> str | None:
    """Relative change from ``lama`` to ``baru`` as a signed percent: 104.2 vs 100 -> "+4,2 %".

    Returns None (not "–") when there is no meaningful change: ``lama`` is zero or missing, or ``baru`` is
    missing; callers such as ``st.metric`` then show no delta at all. The change is computed on the decimal
    values so 101.05 vs 100 reads "+1,1 %" as on a calculator. It is divided by ``abs(lama)`` so a loss
    shrinking from -10 to -5 reads as an improvement, "+50,0 %".
    """
    nilai_baru = _ke_desimal(baru)
    nilai_lama = _ke_desimal(lama)
    if nilai_baru is None or nilai_lama is None or nilai_lama == 0:
        return None
    # Enough digits that the quotient is exact well past ``desimal`` places, whatever the magnitudes.
    konteks = Context(prec=28 + abs(nilai_baru.adjusted()) + abs(nilai_lama.adjusted()) + max(desimal, 0))
    selisih = konteks.subtract(nilai_baru, nilai_lama)
    delta = konteks.divide(konteks.multiply(selisih, Decimal(100)), abs(nilai_lama))
    return f"{_bertanda(delta, desimal)} %"


def tanggal(d: dt.date | dt.datetime | None) -> str:
    """Indonesian long date, unambiguous unlike 11/12: date(2026, 11, 23) -> "23 November 2026"; None -> "–".

    A datetime prints its calendar date only; the time of day is not shown.
    """
    if d is None:
        return KOSONG
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def bulan_tahun(tahun: int, bulan: int) -> str:
    """Month and year for monthly series and period labels: (2024, 1) -> "Januari 2024".

    Raises ValueError for a month outside 1..12 (index 0 would otherwise silently print "Desember").
    """
    if not 1 <= bulan <= 12:
        raise ValueError(f"bulan must be 1..12, got {bulan}")
    return f"{NAMA_BULAN[bulan - 1]} {tahun}"
