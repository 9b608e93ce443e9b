"""Parsing of URL query parameters into filter values, pure and Streamlit-free so it is tested directly.

URL state is plain strings (``?tahun=2024&kab=6303,6310``), validated against what the warehouse holds. A
value that is not valid never raises: the filter falls back to its default and the page shows the note
returned here, in Indonesian, naming the parameter and the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlencode

from dasbor.views import aman

ANGKA_TAHUN = re.compile(r"[0-9]{1,4}")
"""A year in a URL: ASCII digits only (``str.isdigit`` also accepts ``²⁰²⁴`` and Arabic-Indic digits, which
``int`` then reads or rejects), at most four of them (a 5,000-digit number is never converted)."""
ANGKA_KECIL = re.compile(r"[0-9]{1,6}")
"""A small whole number in a URL (a slide number): ASCII digits, at most six."""
PANJANG_MAKS = 2000
"""Longest URL value read at all; anything longer is treated as unknown without being split or compared."""


def angka_ascii(raw: str, pola: re.Pattern[str] = ANGKA_KECIL) -> int | None:
    """``raw`` as an int when it is ASCII digits matching ``pola`` in full; None otherwise (never raises)."""
    teks = raw.strip()
    return int(teks) if pola.fullmatch(teks) else None


def _bagian(raw: str) -> list[str]:
    return [b.strip() for b in raw[:PANJANG_MAKS].split(",") if b.strip()]


def parse_tahun(raw: str | None, pilihan: Sequence[int], default: int) -> tuple[int, str | None]:
    """The year in ``raw`` if it is one of ``pilihan``; else ``default`` and a note for the user."""
    if raw is None or raw.strip() == "":
        return default, None
    teks = raw.strip()
    tahun = angka_ascii(teks, ANGKA_TAHUN)
    if tahun is not None and tahun in pilihan:
        return tahun, None
    tersedia = f"{min(pilihan)}-{max(pilihan)}" if pilihan else "tidak ada"
    return default, (
        f"Parameter URL {aman.param('tahun', teks)} tidak dikenal (tahun tersedia: {tersedia}); "
        f"ditampilkan tahun {default}."
    )


def parse_kab(raw: str | None, valid: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """BPS codes in ``raw`` (comma separated) that are in ``valid``, in ``valid`` order; a note for the rest."""
    if raw is None or raw.strip() == "":
        return (), None
    diminta = _bagian(raw)
    dikenal = set(valid)
    salah = [kode for kode in diminta if kode not in dikenal]
    terpilih = tuple(kode for kode in valid if kode in set(diminta))
    if not salah:
        return terpilih, None
    lanjut = "ditampilkan seluruh provinsi" if not terpilih else "kode lain tetap dipakai"
    return terpilih, (
        f"Kode kabupaten di URL tidak dikenal: {aman.param('kab', salah)} (pakai kode BPS 6301-6372); {lanjut}."
    )


def format_kab(kab: Sequence[str]) -> str:
    """The URL form of a kabupaten selection: ``6303,6310``."""
    return ",".join(kab)


def parse_pilihan(nama: str, raw: str | None, valid: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """Comma-separated choices of parameter ``nama`` (``?sektor=Pangan,Kerajinan``) that are in ``valid``.

    Used for every categorical filter (sektor, rantai, tahap, skala) so all pages share one rule: unknown
    values are dropped with a note naming them, known ones are kept in ``valid`` order.
    """
    if raw is None or raw.strip() == "":
        return (), None
    diminta = _bagian(raw)
    salah = [v for v in diminta if v not in set(valid)]
    terpilih = tuple(v for v in valid if v in set(diminta))
    if not salah:
        return terpilih, None
    return terpilih, f"Parameter URL {aman.param(nama, salah)} tidak dikenal (pilihan: {', '.join(valid)}); diabaikan."


def tautan(dasar: str, param: dict[str, str]) -> str:
    """A shareable link: the page URL plus its filters (``...?tahun=2024&kab=6303,6310``), commas kept."""
    kueri = urlencode({k: v for k, v in sorted(param.items()) if v != ""}, safe=",")
    return f"{dasar}?{kueri}" if kueri else dasar


def parse_satu(nama: str, raw: str | None, valid: Sequence[str], default: str) -> tuple[str, str | None]:
    """One choice of parameter ``nama`` (``?mata_uang=rp``) if it is in ``valid``; else ``default`` and a note."""
    if raw is None or raw.strip() == "":
        return default, None
    teks = raw.strip()
    if teks in valid:
        return teks, None
    return default, (
        f"Parameter URL {aman.param(nama, teks)} tidak dikenal (pilihan: {', '.join(valid)}); dipakai {default!r}."
    )


def parse_rentang(nama: str, raw: str | None, batas: tuple[int, int]) -> tuple[tuple[int, int] | None, str | None]:
    """A year range ``?berdiri=1990-2010`` within ``batas`` (inclusive); None means the whole range.

    A range reaching past ``batas`` is cut to it with a note; text that is not ``awal-akhir`` is ignored with
    a note. A range equal to ``batas`` is None, so the filter keeps rows with no year too.
    """
    if raw is None or raw.strip() == "":
        return None, None
    teks = raw.strip()
    bagian = teks[:PANJANG_MAKS].split("-")
    if len(bagian) != 2 or not all(ANGKA_TAHUN.fullmatch(b.strip()) for b in bagian):
        return None, (
            f"Parameter URL {aman.param(nama, teks)} tidak dikenal (tulis awal-akhir, mis. {batas[0]}-{batas[1]}); "
            "diabaikan."
        )
    awal, akhir = sorted(int(b) for b in bagian)
    dipotong = (max(awal, batas[0]), min(akhir, batas[1]))
    if dipotong[0] > dipotong[1]:
        return None, f"Parameter URL {aman.param(nama, teks)} di luar data ({batas[0]}-{batas[1]}); diabaikan."
    catatan = None
    if dipotong != (awal, akhir):
        catatan = (
            f"Parameter URL {aman.param(nama, teks)} melewati data ({batas[0]}-{batas[1]}); "
            f"dipakai {dipotong[0]}-{dipotong[1]}."
        )
    return (None if dipotong == batas else dipotong), catatan


def format_rentang(rentang: tuple[int, int]) -> str:
    """The URL form of a year range: ``1990-2010``."""
    return f"{rentang[0]}-{rentang[1]}"


PANJANG_CARI = 80
"""Longest name search kept from a URL: firm names are short, and a long value is a pasted mistake."""


def parse_cari(nama: str, raw: str | None) -> tuple[str, str | None]:
    """A free-text search (``?cari=sasirangan``): any text is valid; trimmed, and cut to ``PANJANG_CARI``."""
    if raw is None:
        return "", None
    teks = aman.potong(raw[:PANJANG_MAKS], PANJANG_MAKS)
    if len(teks) <= PANJANG_CARI:
        return teks, None
    return teks[:PANJANG_CARI], f"Parameter URL {nama} lebih dari {PANJANG_CARI} huruf; dipotong."
