"""Kabupaten/kota and estate names as offices write them -> BPS codes and estate ids.

Every spelling below has been seen in provincial and kabupaten documents: the official name, the name without
"Kabupaten"/"Kab."/"Kota", the local abbreviations (Tala, Batola, Tanbu, HSS/HST/HSU), split or joined words
(Kota Baru / Kotabaru, Banjar Baru / Banjarbaru), BPS codes (6303) and Kemendagri codes (63.03). Matching is
on :func:`dasbor.warehouse.impor.nilai.kunci_nama` with spaces removed, so case, dots and spacing never matter.
"""

from __future__ import annotations

import re

from dasbor.warehouse.impor.nilai import Hasil, kosong, kunci_nama, maksud, tampil

NAMA_RESMI: dict[str, str] = {
    "6301": "Tanah Laut",
    "6302": "Kotabaru",
    "6303": "Banjar",
    "6304": "Barito Kuala",
    "6305": "Tapin",
    "6306": "Hulu Sungai Selatan",
    "6307": "Hulu Sungai Tengah",
    "6308": "Hulu Sungai Utara",
    "6309": "Tabalong",
    "6310": "Tanah Bumbu",
    "6311": "Balangan",
    "6371": "Kota Banjarmasin",
    "6372": "Kota Banjarbaru",
}
"""The 13 kabupaten/kota of Kalimantan Selatan (as in ``data/reference/wilayah.csv``; a test keeps them equal)."""

ALIAS_KABUPATEN: dict[str, tuple[str, ...]] = {
    "6301": ("tanah laut", "tala", "tanahlaut"),
    "6302": ("kotabaru", "kota baru"),
    "6303": ("banjar", "kab banjar", "martapura"),
    "6304": ("barito kuala", "batola", "baritokuala"),
    "6305": ("tapin",),
    "6306": ("hulu sungai selatan", "hss", "kandangan"),
    "6307": ("hulu sungai tengah", "hst", "barabai"),
    "6308": ("hulu sungai utara", "hsu", "amuntai"),
    "6309": ("tabalong",),
    "6310": ("tanah bumbu", "tanbu", "tanahbumbu"),
    "6311": ("balangan",),
    "6371": ("kota banjarmasin", "banjarmasin", "bjm"),
    "6372": ("kota banjarbaru", "banjarbaru", "banjar baru", "kota banjar baru"),
}
"""Local names per BPS code (documented in ``docs/impor.md``; capitals only where no kabupaten shares the name)."""

PROVINSI = {"kalimantan selatan", "kalsel", "provinsi", "prov kalimantan selatan", "provinsi kalimantan selatan"}
"""Words meaning "the whole province" (targets and exports may be province-level)."""

_AWALAN = ("kabupaten ", "kab ", "pemkab ", "pemkot ", "kota ")
_KOTA = {"pemkot ", "kota "}


def _tanpa_spasi(teks: str) -> str:
    return teks.replace(" ", "")


_INDEKS: dict[str, str] = {}
for _kode, _nama in NAMA_RESMI.items():
    _INDEKS[_kode] = _kode
    _INDEKS[_tanpa_spasi(kunci_nama(_nama))] = _kode
    for _alias in ALIAS_KABUPATEN[_kode]:
        _INDEKS[_tanpa_spasi(kunci_nama(_alias))] = _kode


def kode_kabupaten(teks: str) -> str | None:
    """The BPS code of a kabupaten/kota name or code, or None. "Kab. Banjar", "BANJAR", "Kota Baru", "HSU",
    "6303", "63.03" and Excel's 6303.0 all resolve."""
    kunci = kunci_nama(tampil(teks))
    cocok = re.fullmatch(r"63 ?(\d{2})( 0+)?", kunci)
    if cocok:
        kode = "63" + cocok.group(1)
        return kode if kode in NAMA_RESMI else None
    calon = [(kunci, "")]
    for awalan in _AWALAN:
        if kunci.startswith(awalan):
            calon.append((kunci[len(awalan) :], awalan))
    for c, awalan in calon:
        ketemu = _INDEKS.get(_tanpa_spasi(c))
        # "Kota Banjar" (Jawa Barat) is not Kabupaten Banjar: a "Kota" prefix only names one of the two cities.
        if ketemu and not (awalan in _KOTA and not ketemu.startswith("637")):
            return ketemu
    return None


def provinsi(teks: str) -> bool:
    """Whether the text names the whole province rather than a kabupaten."""
    return kunci_nama(tampil(teks)) in PROVINSI


def kabupaten(sel: str | None) -> Hasil[str]:
    """Parser for a kabupaten column where every row must name one of the 13 (the IKM registry)."""
    if sel is None or kosong(sel):
        return None, None
    kode = kode_kabupaten(sel)
    if kode:
        return kode, None
    if provinsi(sel):
        return None, "harus kabupaten/kota, bukan provinsi"
    kode_lain = re.fullmatch(r"(\d{2})\.?(\d{2})", kunci_nama(tampil(sel)).replace(" ", ""))
    if kode_lain and kode_lain.group(1) != "63":
        return None, f"kode wilayah {kode_lain.group(0)} bukan Kalimantan Selatan (kode kabupaten/kota Kalsel: 63xx)"
    saran = maksud(tampil(sel), _NAMA_SARAN, label=_label_saran)
    return None, "kabupaten/kota tidak dikenal di Kalimantan Selatan" + saran


_NAMA_SARAN: dict[str, str] = {
    nama: kode
    for kode, semua in ALIAS_KABUPATEN.items()
    for nama in (NAMA_RESMI[kode].lower(), *semua)
    if len(nama) > 3
}
"""Spellings offered in a "maksud Anda" hint (the short abbreviations would match too much)."""


def _label_saran(nama: str) -> str:
    return NAMA_RESMI[_NAMA_SARAN[nama]]


def provinsi_kalsel(sel: str | None) -> Hasil[bool]:
    """Parser for a province column (name or code): Kalimantan Selatan / 63 passes, any other province is
    refused so a row of another province never lands on a Kalsel kabupaten of the same name."""
    if sel is None or kosong(sel):
        return None, None
    kunci = kunci_nama(tampil(sel))
    if kunci in PROVINSI or kunci in {"63", "kalimantan selatan", "prov kalsel"}:
        return True, None
    return None, f"provinsi '{tampil(sel)}', bukan Kalimantan Selatan: baris provinsi lain tidak diimpor"


KODE_PROVINSI = "63"
"""Stand-in code of a province-level row while parsing; stored as a null kode_bps in the warehouse."""


def kabupaten_atau_provinsi(sel: str | None) -> Hasil[str]:
    """Parser for a kabupaten column that may say "Kalimantan Selatan" (exports, targets): province -> "63"."""
    if sel is None or kosong(sel):
        return None, None
    if provinsi(sel):
        return KODE_PROVINSI, None
    return kabupaten(sel)


def temukan_di_judul(teks: str) -> str | None:
    """The one kabupaten named inside a title ("DAFTAR IKM KABUPATEN TAPIN TAHUN 2024"), or None if none or
    several are named. Short abbreviations count only as whole words."""
    kata = kunci_nama(tampil(teks)).split()
    ditemukan: set[str] = set()
    for panjang in (3, 2, 1):
        for i in range(len(kata) - panjang + 1):
            potongan = "".join(kata[i : i + panjang])
            kode = _INDEKS.get(potongan)
            if kode and not potongan.isdigit():
                ditemukan.add(kode)
    # "Banjar" inside "Kota Banjarbaru" is a word of its own only if written apart: drop Banjar when a longer
    # Banjar-name was found too.
    if {"6303", "6372"} <= ditemukan and "banjar baru" in " ".join(kata):
        ditemukan.discard("6303")
    return ditemukan.pop() if len(ditemukan) == 1 else None


ALIAS_KAWASAN: dict[str, str] = {
    "jorong": "jorong",
    "ki jorong": "jorong",
    "kawasan industri jorong": "jorong",
    "kij": "jorong",
    "batulicin": "batulicin",
    "batu licin": "batulicin",
    "ki batulicin": "batulicin",
    "kawasan industri batulicin": "batulicin",
    "kib": "batulicin",
}
"""The two estates (``kawasan.id``) and how their names are written."""
