"""Cell values as the office writes them -> typed values, or a reason in Indonesian why not.

Every parser takes one cell's text and returns ``(value, None)`` or ``(None, message)``; a blank cell gives
``(None, None)`` (whether blank is allowed is the kind's rule, not the parser's). Parsers are scalar and pure
so each convention can be tested on its own; :mod:`dasbor.warehouse.impor.periksa` runs them once per distinct value of
a column, which keeps a million-row file fast (a kabupaten column has a dozen distinct values).

Conventions (documented in ``docs/impor.md``, "Files as offices send them"):

* Numbers follow Indonesian writing: a dot groups thousands, a comma marks decimals ("1.250.000",
  "1.234,5"). An unambiguous English form is accepted too ("1,250,000", "1234.5"). "1,234" in a whole-number
  column is refused (thousands or decimals?) rather than guessed.
* "Rp", "US$", spaces and the words ribu/rb, juta/jt, miliar/milyar and triliun are understood. A bare "M",
  "Mn", "B" or "T" is refused: in Indonesian M is miliar, in English it is million.
* A dash alone ("-") is an empty cell, as in BPS tables.
* Cells typed as numbers or dates in Excel arrive marked (see :func:`sel_excel`) and are taken as they are,
  never re-read through the text rules (Excel's 1.234 is one point two three four, not 1234).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import polars as pl
from rapidfuzz import fuzz, process

T = TypeVar("T")
Hasil = tuple[T | None, str | None]
"""A parsed value or the reason it was refused."""

PENANDA_ANGKA = "\x00n:"
"""Prefix of a cell Excel stored as a number (repr of the float or int follows)."""
PENANDA_TANGGAL = "\x00d:"
"""Prefix of a cell Excel stored as a date or datetime (ISO text follows)."""
_KOSONG = {"", "-", "–", "—", "--", "n/a", "na", "#n/a"}


def sel_excel(nilai: object) -> str | None:
    """The text form of an Excel cell: strings stripped, numbers and dates marked so no text rule re-reads them."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    if isinstance(nilai, int):
        return f"{PENANDA_ANGKA}{nilai}"
    if isinstance(nilai, float):
        if math.isnan(nilai):
            return None
        return f"{PENANDA_ANGKA}{nilai!r}"
    if isinstance(nilai, dt.datetime):
        return f"{PENANDA_TANGGAL}{nilai.date().isoformat()}"
    if isinstance(nilai, dt.date):
        return f"{PENANDA_TANGGAL}{nilai.isoformat()}"
    if isinstance(nilai, dt.time):
        return str(nilai)
    teks = str(nilai).strip()
    return teks or None


def tampil(sel: str | None) -> str:
    """How a cell is shown back to the user in a report: as Excel displays it, markers removed."""
    if sel is None:
        return ""
    if sel.startswith(PENANDA_ANGKA):
        angka = float(sel[len(PENANDA_ANGKA) :])
        if angka.is_integer() and abs(angka) < 1e15:
            return str(int(angka))
        return repr(angka).replace(".", ",")
    if sel.startswith(PENANDA_TANGGAL):
        return sel[len(PENANDA_TANGGAL) :]
    return sel


def _angka_excel(sel: str) -> float | None:
    return float(sel[len(PENANDA_ANGKA) :]) if sel.startswith(PENANDA_ANGKA) else None


def kosong(sel: str | None) -> bool:
    """Blank, or a placeholder that means blank ("-", "n/a")."""
    return sel is None or sel.strip().lower() in _KOSONG


# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------
_ID_RIBU = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_DESIMAL = re.compile(r"^\d+,\d+$")
_EN_RIBU = re.compile(r"^\d{1,3}(,\d{3}){2,}(\.\d+)?$|^\d{1,3}(,\d{3})+\.\d+$")
_POLOS = re.compile(r"^\d+$")
_DESIMAL_TITIK = re.compile(r"^\d*\.\d+$")
_ILMIAH = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")
_SATU_KOMA_RIBU = re.compile(r"^\d{1,3},\d{3}$")
_MATA_UANG = re.compile(r"^(rp\.?|idr|us\$|usd|\$)\s*|\s*(rp|idr|usd|us\$|rupiah)$", re.IGNORECASE)
_PENGALI = re.compile(r"^(.*?\d)\s*([a-z]+)\.?$", re.IGNORECASE)
PENGALI: dict[str, float] = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
}
"""Scale words that are unambiguous in Indonesian."""
PENGALI_AMBIGU = {"m", "mn", "mio", "mil", "b", "bn", "t", "k", "rbu"}
"""Abbreviations that mean different scales in Indonesian and English (M = miliar or million)."""


def angka(sel: str | None, *, persen: bool = False) -> Hasil[float]:
    """Any number as the office writes it -> float (see the module docstring for the conventions)."""
    if sel is None or kosong(sel):
        return None, None
    excel = _angka_excel(sel)
    if excel is not None:
        return excel, None
    teks = sel.strip().replace("\u00a0", " ")
    if persen and teks.endswith("%"):
        teks = teks[:-1].strip()
    negatif = False
    if teks.startswith("(") and teks.endswith(")"):
        negatif, teks = True, teks[1:-1].strip()
    if teks.startswith("-") or teks.startswith("−"):
        negatif, teks = True, teks[1:].strip()
    teks = _MATA_UANG.sub("", teks).strip()
    pengali = 1.0
    cocok = _PENGALI.match(teks)
    if cocok:
        kata = cocok.group(2).lower()
        if kata in PENGALI:
            pengali, teks = PENGALI[kata], cocok.group(1).strip()
        elif kata in PENGALI_AMBIGU:
            return None, (
                f"'{sel}' ambigu: '{cocok.group(2)}' bisa berarti miliar atau juta (million); "
                "tulis angka penuh, mis. 1.200.000.000"
            )
    teks = teks.replace(" ", "")
    if _ILMIAH.match(teks):
        nilai = float(teks.replace(",", "."))
    elif _POLOS.match(teks):
        nilai = float(teks)
    elif _ID_RIBU.match(teks):
        nilai = float(teks.replace(".", "").replace(",", "."))
    elif _ID_DESIMAL.match(teks):
        nilai = float(teks.replace(",", "."))
    elif _EN_RIBU.match(teks):
        nilai = float(teks.replace(",", ""))
    elif _DESIMAL_TITIK.match(teks):
        nilai = float(teks)
    else:
        return None, "bukan angka"
    nilai *= pengali
    return (-nilai if negatif else nilai), None


def bulat(sel: str | None) -> Hasil[int]:
    """A whole number (a count, a year): "1.234" is 1234; "1,5" and "1,234" are refused with the reason."""
    if sel is None or kosong(sel):
        return None, None
    teks = sel.strip()
    if _ILMIAH.match(teks.replace(" ", "")):
        return None, "notasi ilmiah kehilangan angka: format sel sebagai angka biasa atau teks"
    nilai, salah = angka(sel)
    if salah or nilai is None:
        return None, salah
    if not float(nilai).is_integer():
        if _SATU_KOMA_RIBU.match(teks.lstrip("-")):
            return None, "harus bilangan bulat ('1,234' ambigu: pemisah ribuan ditulis dengan titik, 1.234)"
        return None, "harus bilangan bulat"
    return int(nilai), None


def rupiah(sel: str | None) -> Hasil[int]:
    """Money in whole rupiah ("Rp 1.250.000", "1,5 juta"); cents are rounded, scientific notation refused."""
    if sel is None or kosong(sel):
        return None, None
    if _ILMIAH.match(sel.strip().replace(" ", "")):
        return None, "notasi ilmiah kehilangan angka: format sel sebagai angka biasa"
    nilai, salah = angka(sel)
    if salah or nilai is None:
        return None, salah
    if _SATU_KOMA_RIBU.match(_MATA_UANG.sub("", sel.strip()).strip().lstrip("-")):
        return None, "'1,234' ambigu untuk rupiah: pemisah ribuan ditulis dengan titik (1.234)"
    return round(nilai), None


def desimal(sel: str | None) -> Hasil[float]:
    """A measured quantity (US$, kg, hectares, a target value); "7,5 %" is 7.5."""
    return angka(sel, persen=True)


def koordinat(sel: str | None) -> Hasil[float]:
    """Latitude or longitude in decimal degrees; dot and comma are both decimals here ("-3.441", "-3,441")."""
    if sel is None or kosong(sel):
        return None, None
    excel = _angka_excel(sel)
    if excel is not None:
        return excel, None
    teks = sel.strip().replace(" ", "")
    if re.match(r"^[-−]?\d+[.,]\d+$", teks):
        return float(teks.replace("−", "-").replace(",", ".")), None
    if re.match(r"^[-−]?\d+$", teks):
        return float(teks.replace("−", "-")), None
    return None, "bukan koordinat desimal (contoh: -3,44123)"


# ---------------------------------------------------------------------------------------------------------
# Codes, years, months, dates, yes/no
# ---------------------------------------------------------------------------------------------------------
def _kode_angka(sel: str) -> str:
    """Digits of a code cell: Excel's 10792.0 -> "10792"; text keeps its own digits."""
    excel = _angka_excel(sel)
    if excel is not None and excel.is_integer():
        return str(int(excel))
    return sel.strip()


def kbli(sel: str | None) -> Hasil[str]:
    """A 5-digit KBLI 2020 code; "10792", 10792.0 and "10792 - Industri kue" all give "10792"."""
    if sel is None or kosong(sel):
        return None, None
    teks = _kode_angka(sel)
    cocok = re.match(r"^(\d{5})(\.0+)?(\s*[-–:].*|\s+\D.*)?$", teks)
    if not cocok:
        return None, "KBLI harus 5 angka (KBLI 2020, mis. 10792)"
    return cocok.group(1), None


def kode_hs(sel: str | None) -> Hasil[str]:
    """An HS code of 2 to 10 digits; "2701.12.10" -> "27011210". HS codes have an even number of digits, so
    an odd count means Excel dropped a leading zero (03061700 stored as 3061700): the zero is restored."""
    if sel is None or kosong(sel):
        return None, None
    teks = re.sub(r"[.\s]", "", _kode_angka(sel))
    if not re.match(r"^\d{1,10}$", teks):
        return None, "kode HS harus 2-10 angka"
    if len(teks) % 2 == 1:
        teks = "0" + teks
    if len(teks) < 2 or len(teks) > 10:
        return None, "kode HS harus 2-10 angka"
    return teks, None


def tahun(sel: str | None) -> Hasil[int]:
    """A calendar year between 1900 and 2100 (later rules decide what is in the future)."""
    nilai, salah = bulat(sel)
    if salah or nilai is None:
        return None, salah
    if not 1900 <= nilai <= 2100:
        return None, "tahun tidak masuk akal (harus 1900-2100)"
    return nilai, None


NAMA_BULAN: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}


def bulan(sel: str | None) -> Hasil[int]:
    """A month: 1-12 or its name in Indonesian or English, full or short ("Januari", "Agt", "Dec")."""
    if sel is None or kosong(sel):
        return None, None
    kunci = tampil(sel).strip().lower().rstrip(".")
    if kunci in NAMA_BULAN:
        return NAMA_BULAN[kunci], None
    nilai, salah = bulat(sel)
    if salah is None and nilai is not None and 1 <= nilai <= 12:
        return nilai, None
    return None, "bulan harus 1-12 atau nama bulan (Januari ... Desember)"


def tanggal(sel: str | None) -> Hasil[dt.date]:
    """A date: an Excel date, ISO "2024-03-01", Indonesian "01/03/2024" (day first) or "1 Maret 2024"."""
    if sel is None or kosong(sel):
        return None, None
    if sel.startswith(PENANDA_TANGGAL):
        return dt.date.fromisoformat(sel[len(PENANDA_TANGGAL) :]), None
    teks = sel.strip()
    try:
        if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", teks):
            y, m, d = (int(x) for x in teks.split("-"))
            return dt.date(y, m, d), None
        cocok = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", teks)
        if cocok:
            return dt.date(int(cocok.group(3)), int(cocok.group(2)), int(cocok.group(1))), None
        cocok = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$", teks)
        if cocok and cocok.group(2).lower() in NAMA_BULAN:
            return dt.date(int(cocok.group(3)), NAMA_BULAN[cocok.group(2).lower()], int(cocok.group(1))), None
    except ValueError:
        return None, "tanggal tidak ada di kalender"
    return None, "bukan tanggal (contoh: 01/03/2024 atau 2024-03-01)"


YA = {"ya", "y", "yes", "sudah", "sdh", "ada", "punya", "true", "benar", "1", "v", "✓", "√", "iya"}
"""'x' is in neither set: on Indonesian forms a cross marks yes on some and no on others."""
TIDAK = {"tidak", "tdk", "t", "no", "n", "belum", "blm", "tidak ada", "false", "salah", "0", "bukan"}


def ya_tidak(sel: str | None) -> Hasil[bool]:
    """Ya/Tidak/Sudah/Belum and their usual spellings; blank stays blank (the kind decides what it means)."""
    if sel is None or kosong(sel):
        return None, None
    kunci = tampil(sel).strip().lower().rstrip(".")
    if kunci in YA:
        return True, None
    if kunci in TIDAK:
        return False, None
    return None, "harus Ya/Tidak (atau Sudah/Belum)"


# ---------------------------------------------------------------------------------------------------------
# Text and choices
# ---------------------------------------------------------------------------------------------------------
def teks(sel: str | None, *, maks: int = 300) -> Hasil[str]:
    """Free text, whitespace collapsed. Text that starts like a formula ("+62 Kopi Banua", "@warung.acil",
    "=Sari Rasa") is data and is kept verbatim: the protection belongs on the way out, where every CSV/XLSX
    export neutralises it (:func:`dasbor.views.unduhan.sel_aman`)."""
    if sel is None:
        return None, None
    nilai = re.sub(r"\s+", " ", tampil(sel)).strip()
    if not nilai:
        return None, None
    if len(nilai) > maks:
        return None, f"teks lebih dari {maks} karakter"
    return nilai, None


def kunci_nama(teks_: str) -> str:
    """A name reduced for matching: lower case, punctuation to spaces, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", teks_.lower())).strip()


MIRIP_MIN = 80
"""rapidfuzz WRatio (0-100) from which a near spelling is offered as a hint."""


def maksud(teks_: str, calon: Iterable[str], *, label: Callable[[str], str] | None = None) -> str:
    """A "maksud Anda ...?" hint for a value not recognised: the closest of ``calon`` by rapidfuzz, or "".
    A hint only, never an automatic match: the row stays refused until the user corrects it."""
    daftar = [c for c in calon if c]
    if not daftar or not teks_.strip():
        return ""
    terbaik = process.extractOne(teks_, daftar, scorer=fuzz.WRatio, processor=kunci_nama, score_cutoff=MIRIP_MIN)
    if terbaik is None:
        return ""
    pilihan_ = terbaik[0]
    return f" (maksud Anda '{label(pilihan_) if label else pilihan_}'?)"


def pilihan(sel: str | None, alias: dict[str, str], nama: str) -> Hasil[str]:
    """One of a fixed set of values, through a table of aliases keyed by :func:`kunci_nama`."""
    if sel is None or kosong(sel):
        return None, None
    kunci = kunci_nama(tampil(sel))
    if kunci in alias:
        return alias[kunci], None
    pilihan_sah = ", ".join(sorted(set(alias.values())))
    hint = maksud(tampil(sel), alias, label=lambda k: alias[k])
    return None, f"{nama} tidak dikenal{hint} (pilihan: {pilihan_sah})"


def pengurai_pilihan(alias: dict[str, str], nama: str) -> Callable[[str | None], Hasil[str]]:
    """A parser for one choice column, for the kind tables."""

    def urai(sel: str | None) -> Hasil[str]:
        return pilihan(sel, alias, nama)

    return urai


def id_usaha(sel: str | None) -> Hasil[str]:
    """A firm id (NIB or the office's own id): Excel's 9120001234567.0 -> "9120001234567"; scientific notation
    ("9,12E+12", what Excel writes for a long number in a narrow column) has lost digits and is refused."""
    if sel is None or kosong(sel):
        return None, None
    if _ILMIAH.match(sel.strip().replace(" ", "")):
        return None, "ID/NIB tertulis dalam notasi ilmiah (angka hilang): format kolom sebagai Teks di Excel"
    nilai = _kode_angka(sel)
    if len(nilai) > 40:
        return None, "ID lebih dari 40 karakter"
    return nilai, None


@dataclass(frozen=True)
class JalurCepat:
    """A scalar parser plus a vectorised fast path: cells matching ``pola`` (a regex every such cell passes
    unchanged, checked by the tests) are taken as they are; only the others go through the parser. Keeps
    a million distinct firm names or NIBs from costing a Python call each."""

    urai: Callable[[str | None], Hasil[str]]
    pola: str
    maks: int = 300

    def __call__(self, sel: str | None) -> Hasil[str]:
        return self.urai(sel)

    def vektor(self, s: pl.Series) -> tuple[pl.Series, pl.Series]:
        """(values, error messages) for a whole column."""
        cocok = (s.str.contains(self.pola) & (s.str.len_chars() <= self.maks)).fill_null(False)
        sisa = s.filter(~cocok & s.is_not_null()).unique()
        hasil = [self.urai(u) for u in sisa.to_list()]
        nilai_sisa = s.replace_strict(sisa, pl.Series([h[0] for h in hasil], dtype=pl.String), default=None)
        salah_sisa = s.replace_strict(sisa, pl.Series([h[1] for h in hasil], dtype=pl.String), default=None)
        frame = pl.DataFrame({"s": s, "c": cocok, "v": nilai_sisa, "e": salah_sisa})
        keluar = frame.select(
            pl.when(pl.col("c")).then(pl.col("s")).otherwise(pl.col("v")).alias("v"),
            pl.when(pl.col("c")).then(None).otherwise(pl.col("e")).alias("e"),
        )
        return keluar["v"], keluar["e"]


POLA_TEKS = r"^[^\s\x00](?:[^\s\x00]| [^\s\x00])*$"
"""Text already clean: no marker, single spaces only, nothing to strip."""
POLA_ID = r"^(?:\d{1,40}|[A-Za-z]+\d+)$"
"""Ids already clean: all digits (a NIB) or letters then digits (IKM000123)."""


def pengurai_teks(maks: int = 300) -> JalurCepat:
    """The free-text parser with its fast path."""
    return JalurCepat(lambda sel: teks(sel, maks=maks), POLA_TEKS, maks)


PENGURAI_ID = JalurCepat(id_usaha, POLA_ID, 40)
"""The firm-id parser with its fast path."""
