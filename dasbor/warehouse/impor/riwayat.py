"""The versioned warehouse file: the import lock, hidden working copies, kept versions and the import log.

The mechanics every kind's save shares (:mod:`~dasbor.warehouse.impor.simpan` for the tables,
:mod:`~dasbor.warehouse.impor.simpan_batas` for the boundary file): an import works on a copy beside the
warehouse (:func:`salinan`), keeps the current file as a version (:func:`simpan_versi`, a hard link) and only
then renames the copy over it (:func:`ganti`); :func:`kunci` lets one import run at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from dasbor.warehouse import db, settings

WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
"""Kalimantan Selatan's time zone (no daylight saving): how times are shown to the office."""

KOLOM_LOG: dict[str, pl.DataType] = {
    "waktu": pl.Datetime("us", "UTC"),
    "oleh": pl.String(),
    "berkas": pl.String(),
    "sha256": pl.String(),
    "jenis": pl.String(),
    "baris_dibaca": pl.Int64(),
    "baris_diterima": pl.Int64(),
    "baris_ditolak": pl.Int64(),
    "status": pl.String(),
    "pesan": pl.String(),
    "versi": pl.String(),
}
"""Columns of ``impor_log`` (and of the journal of refused files)."""


class ImporSibuk(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """Another import holds the lock; the message says who and since when."""


class ImporGagal(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """The import could not be applied; the warehouse is unchanged. The message is for the user."""


@dataclass(frozen=True)
class HasilImpor:
    """What an applied import changed."""

    versi: str
    baris_baru: int
    baris_diganti: int
    contoh_dihapus: int
    detik: float
    pesan: str


@dataclass(frozen=True)
class Versi:
    """A previous warehouse kept for "Kembalikan"."""

    id: str
    folder: Path
    waktu: dt.datetime
    oleh: str
    jenis: str
    berkas: str


def folder_impor(gudang: Path) -> Path:
    folder = settings.impor_dir(gudang)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def kunci(gudang: Path, oleh: str) -> Iterator[None]:
    """Hold the import lock of this warehouse, or raise :class:`ImporSibuk` naming who holds it."""
    jalur = folder_impor(gudang) / "kunci"
    with jalur.open("a+", encoding="utf-8") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            pemegang = f.read().strip() or "pengguna lain"
            raise ImporSibuk(
                f"Impor lain sedang berjalan ({pemegang}). Tunggu sampai selesai, lalu coba lagi."
            ) from None
        try:
            f.seek(0)
            f.truncate()
            f.write(f"oleh {oleh} sejak {dt.datetime.now(WITA):%H.%M} WITA")
            f.flush()
            yield
        finally:
            f.seek(0)
            f.truncate()
            fcntl.flock(f, fcntl.LOCK_UN)


def bersihkan_sisa(gudang: Path) -> None:
    """Leftovers of an import killed half-way (only called while holding the lock, so none is in use)."""
    for sisa in gudang.parent.glob(f".{gudang.name}.*.impor*"):
        sisa.unlink(missing_ok=True)
    for sisa in folder_impor(gudang).glob("masuk-*.parquet"):
        sisa.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync(berkas: Path) -> None:
    with berkas.open("rb") as f:
        os.fsync(f.fileno())


def tulis_log(con: db.Connection, baris: dict[str, Any]) -> None:
    db.run_statement(con, "impor/siapkan_log")
    db.run_statement(con, "impor/tambah_log", **baris)


def id_versi(folder: Path, waktu: dt.datetime, jenis: str) -> str:
    dasar = f"{waktu.astimezone(WITA):%Y%m%d-%H%M%S}-{jenis}"
    nama, n = dasar, 1
    while (folder / nama).exists():
        n += 1
        nama = f"{dasar}-{n}"
    return nama


def simpan_versi(gudang: Path, versi: str, info: dict[str, Any], batas_lama: Path | None = None) -> Path:
    """Keep the current warehouse as version ``versi``: a hard link (instant; the file is never modified in
    place, only replaced), or a copy where links are not possible."""
    folder = folder_impor(gudang) / "versi" / versi
    folder.mkdir(parents=True)
    try:
        os.link(gudang, folder / "gudang.duckdb")
    except OSError:
        shutil.copy2(gudang, folder / "gudang.duckdb")
    if "batas" in info and batas_lama is not None and batas_lama.exists():
        shutil.copy2(batas_lama, folder / "batas.geojson")
    (folder / "info.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def pangkas_versi(gudang: Path) -> None:
    for lama in daftar_versi(gudang)[settings.impor_simpan_versi() :]:
        shutil.rmtree(lama.folder, ignore_errors=True)


def daftar_versi(gudang: Path) -> list[Versi]:
    """Kept versions, newest first."""
    folder = settings.impor_dir(gudang) / "versi"
    hasil = []
    for f in folder.glob("*/info.json"):
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
            hasil.append(
                Versi(
                    f.parent.name,
                    f.parent,
                    dt.datetime.fromisoformat(info["waktu"]),
                    info.get("oleh", ""),
                    info.get("jenis", ""),
                    info.get("berkas", ""),
                )
            )
        except (ValueError, KeyError, OSError):
            continue
    return sorted(hasil, key=lambda v: (v.waktu, v.id), reverse=True)


def ganti(gudang: Path, tmp: Path) -> None:
    fsync(tmp)
    tmp.replace(gudang)
    fsync_folder(gudang.parent)


def salinan(gudang: Path) -> Path:
    if not gudang.exists():
        raise ImporGagal(f"Gudang data {gudang} belum ada: jalankan `make data` lebih dulu.")
    tmp = gudang.parent / f".{gudang.name}.{uuid.uuid4().hex[:8]}.impor"
    shutil.copyfile(gudang, tmp)
    return tmp


def hapus(tmp: Path) -> None:
    for f in (tmp, tmp.with_name(tmp.name + ".wal")):
        f.unlink(missing_ok=True)
