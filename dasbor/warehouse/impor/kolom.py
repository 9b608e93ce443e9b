"""Finding the header in a sheet as offices lay it out, and mapping its columns to a kind's columns.

Real sheets put title rows above the header ("DAFTAR IKM KABUPATEN TAPIN TAHUN 2024"), split a header over
two rows with merged cells ("Tenaga Kerja" over "L" and "P"), number the columns in a row under the header
("(1) (2) (3)"), repeat the header after a page break, and end with a "JUMLAH" row and footnotes. This module
finds the header row(s) by scoring each of the first rows against the kind's synonym table
(:mod:`dasbor.warehouse.impor.jenis`) and classifies the rows below it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from dasbor.warehouse.impor import nilai
from dasbor.warehouse.impor.jenis import Bidang, Jenis

BARIS_CARI = 30
"""How many rows from the top may hold the header."""

_SATUAN_KATA = {"rp", "rupiah", "usd", "us", "kg", "ton", "orang", "ha", "unit", "jiwa", "persen", "idr"}
_SKALA_KATA = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9}


def huruf_kolom(indeks: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": the column letter the user sees in Excel."""
    huruf = ""
    n = indeks + 1
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def kunci_judul(judul: str) -> tuple[str, frozenset[str]]:
    """A header reduced for matching, and the unit words it carried ("Investasi (Rp juta)" -> "investasi",
    {"rp", "juta"}): units never decide which column it is, only how its values scale."""
    teks = nilai.tampil(judul).lower().replace("us$", " usd ").replace("%", " persen ")
    kata = nilai.kunci_nama(teks).split()
    satuan = frozenset(k for k in kata if k in _SATUAN_KATA or k in _SKALA_KATA)
    inti = " ".join(k for k in kata if k not in _SATUAN_KATA and k not in _SKALA_KATA)
    return inti, satuan


def faktor_satuan(bidang: Bidang, satuan: frozenset[str]) -> float:
    """How a header's units scale its values: "(Rp juta)" x 10^6, "(ribu US$)" x 10^3, "(ton)" x 1000 kg."""
    if bidang.satuan is None:
        return 1.0
    faktor = 1.0
    for kata, skala in _SKALA_KATA.items():
        if kata in satuan:
            faktor *= skala
    if bidang.satuan == "berat" and "ton" in satuan:
        faktor *= 1000.0
    return faktor


@cache
def _indeks_sinonim(jenis: Jenis) -> dict[str, Bidang]:
    indeks: dict[str, Bidang] = {}
    for b in jenis.bidang:
        for s in (*b.sinonim, b.label):
            indeks.setdefault(kunci_judul(s)[0], b)
    return indeks


def cocokkan(judul: str | None, jenis: Jenis) -> Bidang | None:
    """The kind's column a header names, or None."""
    if judul is None:
        return None
    return _indeks_sinonim(jenis).get(kunci_judul(judul)[0])


def maksud_kolom(bidang: Bidang, judul_lain: Sequence[str]) -> str:
    """A "maksud Anda kolom ...?" hint: the unrecognised header closest to the field's name or synonyms."""
    terbaik = ""
    for s in (bidang.label, *bidang.sinonim):
        hint = nilai.maksud(s, judul_lain)
        if hint:
            terbaik = hint
            break
    return terbaik.replace("maksud Anda", "maksud Anda kolom")


@dataclass(frozen=True)
class KolomBerkas:
    """One column of the file as mapped: where it is, its header, what it fills, how its values scale."""

    indeks: int
    judul: str
    bidang: Bidang | None
    faktor: float = 1.0

    @property
    def huruf(self) -> str:
        """Excel column letter."""
        return huruf_kolom(self.indeks)

    @property
    def tampil(self) -> str:
        """How messages name the column: its header and its letter."""
        return f"{self.judul} (kolom {self.huruf})"


@dataclass(frozen=True)
class Judul:
    """The header found in a sheet."""

    baris: tuple[int, ...]
    """0-based row indexes of the header (two for a two-row header)."""
    kolom: tuple[KolomBerkas, ...]
    """Every non-empty header cell, mapped or not."""

    @property
    def dipetakan(self) -> dict[str, KolomBerkas]:
        """Field name -> the (first) column that fills it; helper columns such as "No" are left out."""
        hasil: dict[str, KolomBerkas] = {}
        for k in self.kolom:
            if k.bidang is not None and k.bidang.nama != "no" and k.bidang.nama not in hasil:
                hasil[k.bidang.nama] = k
        return hasil

    @property
    def ganda(self) -> list[KolomBerkas]:
        """Columns naming a field an earlier column already fills (ignored, with a note)."""
        dipakai = {id(k) for k in self.dipetakan.values()}
        return [k for k in self.kolom if k.bidang is not None and k.bidang.nama != "no" and id(k) not in dipakai]

    @property
    def tak_dikenal(self) -> list[KolomBerkas]:
        """Header cells that match no column of the kind (ignored, with a note)."""
        return [k for k in self.kolom if k.bidang is None]

    @property
    def lebar(self) -> int:
        """Index after the last header cell: values right of it have no header."""
        return max(k.indeks for k in self.kolom) + 1

    def skor(self, jenis: Jenis) -> tuple[int, int]:
        """(required columns found, columns found): how well this header fits the kind."""
        ada = self.dipetakan
        return sum(1 for b in jenis.wajib if b.nama in ada), len(ada)


def _teks(sel: str | None) -> str | None:
    if sel is None:
        return None
    t = nilai.tampil(sel).strip()
    return t or None


def _petakan(sel: Sequence[str | None], jenis: Jenis) -> tuple[KolomBerkas, ...]:
    indeks = _indeks_sinonim(jenis)
    kolom = []
    for i, s in enumerate(sel):
        judul = _teks(s)
        if judul is None:
            continue
        inti, satuan = kunci_judul(judul)
        bidang = indeks.get(inti)
        faktor = faktor_satuan(bidang, satuan) if bidang else 1.0
        kolom.append(KolomBerkas(i, judul, bidang, faktor))
    return tuple(kolom)


def gabung_dua_baris(atas: Sequence[str | None], bawah: Sequence[str | None]) -> list[str | None]:
    """Headers of a two-row header: a merged top cell ("Tenaga Kerja", empty to its right) is carried over
    the sub-headers under it ("L", "P") -> "Tenaga Kerja L", "Tenaga Kerja P"; a cell merged down keeps its
    own text."""
    hasil: list[str | None] = []
    grup: str | None = None
    for i in range(max(len(atas), len(bawah))):
        a = _teks(atas[i]) if i < len(atas) else None
        b = _teks(bawah[i]) if i < len(bawah) else None
        if a is not None:
            grup = a if b is not None else None
        elif b is None:
            grup = None
        top = a if a is not None else grup
        if top and b:
            hasil.append(f"{top} {b}")
        else:
            hasil.append(top or b)
    return hasil


def cari_judul(baris: Sequence[Sequence[str | None]], jenis: Jenis) -> Judul | None:
    """The header of a sheet for this kind: the row (or pair of rows) among the first ones that names the
    most of the kind's columns; at least two, or None."""
    terbaik: tuple[tuple[int, int, int], Judul] | None = None
    for i in range(min(BARIS_CARI, len(baris))):
        calon: list[tuple[tuple[int, ...], tuple[KolomBerkas, ...]]] = [((i,), _petakan(baris[i], jenis))]
        if i + 1 < len(baris):
            calon.append(((i, i + 1), _petakan(gabung_dua_baris(baris[i], baris[i + 1]), jenis)))
        for indeks, kolom in calon:
            if not kolom:
                continue
            judul = Judul(indeks, kolom)
            wajib, jumlah = judul.skor(jenis)
            if jumlah < 2:
                continue
            # More columns win; on a tie the single row and the earlier row win.
            kunci = (jumlah, wajib, -len(indeks))
            if terbaik is None or kunci > terbaik[0]:
                terbaik = (kunci, judul)
    return terbaik[1] if terbaik else None


def baris_penomoran(sel: Sequence[str | None]) -> bool:
    """A row that only numbers the columns ("1 2 3 ..." or "(1) (2) (3) ..."), as BPS tables print."""
    angka = []
    for s in sel:
        t = _teks(s)
        if t is None:
            continue
        cocok = re.fullmatch(r"\(?(\d{1,2})\)?", t)
        if not cocok:
            return False
        angka.append(int(cocok.group(1)))
    return len(angka) >= 2 and angka == list(range(angka[0], angka[0] + len(angka)))


POLA_JUMLAH = re.compile(
    r"^(jumlah|total|jml|sub ?total|grand total)( (total|seluruhnya|keseluruhan|kabupaten|kab|kota|provinsi|akhir|"
    r"kalimantan selatan|kalsel))*$"
)
"""A cell that marks a total row ("JUMLAH", "Total", "Jumlah Seluruhnya", "Sub Total")."""


def kunci_sel(sel: str) -> str:
    """A cell reduced like a name, for the total/footnote patterns."""
    return nilai.kunci_nama(sel)


def tahun_di(teks: str) -> int | None:
    """The one year (2000-2099) a title or file name states, or None if none or several."""
    tahun = set(re.findall(r"(?<!\d)(20\d{2})(?!\d)", teks))
    return int(tahun.pop()) if len(tahun) == 1 else None


def bulan_di(teks: str) -> int | None:
    """The one month a title names in words ("EKSPOR JANUARI 2024"), or None."""
    kata = set(nilai.kunci_nama(teks).split())
    bulan = {nilai.NAMA_BULAN[k] for k in kata if k in nilai.NAMA_BULAN and len(k) > 3}
    return bulan.pop() if len(bulan) == 1 else None
