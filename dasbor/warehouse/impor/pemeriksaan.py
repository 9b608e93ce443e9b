"""The outcome of checking one file (:class:`Pemeriksaan`) and the shape of its problems.

Shared by the check of every kind (:mod:`~dasbor.warehouse.impor.periksa` for the tables,
:mod:`~dasbor.warehouse.impor.jenis.batas` for the boundary file) and by what saves or shows a check, so none of
them has to import another to know the type.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec

import polars as pl

from dasbor.warehouse.impor.baca import BerkasDitolak

SKEMA_MASALAH = {
    "berkas": pl.String,
    "lembar": pl.String,
    "baris": pl.Int64,
    "kolom": pl.String,
    "nilai": pl.String,
    "aturan": pl.String,
}
"""One row per problem; ``baris`` is null for a problem of the whole file or sheet."""


@dataclass
class Pemeriksaan:
    """The outcome of checking one file: what would be imported, what is wrong, and what was noticed."""

    berkas: str
    sha256: str
    ukuran: int
    jenis: str
    jenis_ditebak: bool
    data: pl.DataFrame
    masalah: pl.DataFrame
    catatan: list[str] = field(default_factory=list)
    baris_dibaca: int = 0
    pemetaan: pl.DataFrame = field(default_factory=pl.DataFrame)
    terima_sebagian: bool = False
    muatan: bytes | None = None
    """For ``batas``: the boundary file to store (GeoJSON)."""
    asli: bytes | None = field(default=None, repr=False)
    """The file as received, byte for byte: what the archive of accepted imports keeps (set by :func:`bawa_asli`)."""
    tahun: int | None = None
    """The year given for a file that does not state it: an option the archive records for the replay."""
    lembar_pilihan: str | None = None
    """The sheet the user forced (``--lembar``, the page's choice): an option the archive records too."""
    lembar: list[str] = field(default_factory=list)
    """Every sheet of a workbook (empty for a CSV), for the page's sheet choice."""
    lembar_dipakai: list[str] = field(default_factory=list)
    """The sheets whose rows were read."""

    @property
    def masalah_berkas(self) -> bool:
        """A problem of the whole file (no usable header, no rows): never importable, even in part."""
        return bool(self.masalah["baris"].null_count())

    @property
    def baris_ditolak(self) -> int:
        """Data rows with at least one problem."""
        baris = self.masalah.filter(pl.col("baris").is_not_null())
        return baris.select("lembar", "baris").unique().height

    @property
    def baris_diterima(self) -> int:
        """Rows that would be written."""
        return self.data.height

    @property
    def boleh_impor(self) -> bool:
        """All-or-nothing by default; with ``terima_sebagian`` the valid rows of a file whose header is fine."""
        if self.masalah_berkas or self.data.is_empty():
            return False
        return self.masalah.is_empty() or self.terima_sebagian

    @property
    def status(self) -> str:
        """'siap' (nothing wrong), 'sebagian' (valid rows only, by choice) or 'ditolak'."""
        if not self.boleh_impor:
            return "ditolak"
        return "siap" if self.masalah.is_empty() else "sebagian"


P = ParamSpec("P")


def bawa_asli(periksa: Callable[P, Pemeriksaan]) -> Callable[P, Pemeriksaan]:
    """Make a check remember the file's bytes and its options (``periksa(nama, data, tahun=..., lembar=...)``), so
    the save can archive the original and the replay can check it again with the same options."""

    @functools.wraps(periksa)
    def bungkus(*args: P.args, **kwargs: P.kwargs) -> Pemeriksaan:
        p = periksa(*args, **kwargs)
        data = args[1] if len(args) > 1 else kwargs.get("data")
        tahun = kwargs.get("tahun")
        p.asli = data if isinstance(data, bytes) else None
        p.tahun = tahun if isinstance(tahun, int) else None
        lembar = kwargs.get("lembar")
        p.lembar_pilihan = lembar if isinstance(lembar, str) else None
        return p

    return bungkus


def masalah_kosong() -> pl.DataFrame:
    return pl.DataFrame(schema=SKEMA_MASALAH)


def ditolak(
    nama: str, sha: str, ukuran: int, jenis: str, ditebak: bool, exc: BerkasDitolak, catatan: list[str]
) -> Pemeriksaan:
    masalah = pl.DataFrame(
        [
            {
                "berkas": nama,
                "lembar": exc.lembar,
                "baris": exc.baris,
                "kolom": exc.kolom,
                "nilai": "",
                "aturan": exc.aturan,
            }
        ],
        schema=SKEMA_MASALAH,
    )
    return Pemeriksaan(nama, sha, ukuran, jenis, ditebak, pl.DataFrame(), masalah, catatan)
