"""The archive of accepted imports: every file the office imported, byte for byte, and a manifest of what
happened to the warehouse, so the warehouse can be rebuilt from code + reference data + archive.

Layout, in the data folder beside the warehouse (``data/arsip/``)::

    arsip/berkas/<sha256>     the file as received (named by its checksum: the same file imported twice is
                              stored once)
    arsip/manifest.jsonl      one JSON object per line, oldest first, append-only

A manifest entry is either ``"aksi": "impor"`` (kind, options: year, partial acceptance; who, when, file name,
checksum, rows accepted, rows replaced, sample rows removed, the warehouse version it made) or
``"aksi": "kembalikan"`` (who, when, the version restored). Replaying the entries in order through the same
import code (:mod:`dasbor.warehouse.ulang`) gives the same warehouse.

Writes are atomic: the archived file and the new manifest are written to temporary files, flushed to disk
and renamed, so a crash leaves either the old manifest or the new one, never half a line. The manifest is
written while the import lock is held (the save calls :func:`catat_impor` inside it), so two imports cannot
interleave their entries. Boundary files (kind ``batas``) are archived and replayed like the tables; a boundary
import made before the archive existed is not required to be in it (its stored file in ``data/geo/`` goes into
the backup whole).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol


class Diterima(Protocol):
    """What the archive reads of a checked file (:class:`~dasbor.warehouse.impor.pemeriksaan.Pemeriksaan`);
    a protocol, so this module does not import the import package that calls it."""

    berkas: str
    jenis: str
    asli: bytes | None
    tahun: int | None
    lembar_pilihan: str | None
    terima_sebagian: bool

    @property
    def baris_diterima(self) -> int: ...

    @property
    def baris_ditolak(self) -> int: ...


_MEMUTAR: contextvars.ContextVar[bool] = contextvars.ContextVar("arsip_memutar", default=False)
"""True while the archive is being replayed: the replay goes through the same save, which must not archive
the same file a second time."""


class ArsipRusak(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """The manifest or an archived file is unreadable or does not match its checksum; the message says which."""


NAMA = "arsip"
MANIFEST = "manifest.jsonl"


def folder(gudang: Path) -> Path:
    """``arsip/`` beside the warehouse file."""
    return gudang.parent / NAMA


def manifest_path(gudang: Path) -> Path:
    return folder(gudang) / MANIFEST


def berkas_path(gudang: Path, sha256: str) -> Path:
    return folder(gudang) / "berkas" / sha256


@contextlib.contextmanager
def memutar() -> Iterator[None]:
    """While inside, saves do not archive (the replay re-applies files already in the archive)."""
    token = _MEMUTAR.set(True)
    try:
        yield
    finally:
        _MEMUTAR.reset(token)


def tulis_atomik(path: Path, isi: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, nama = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(nama)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def baca(gudang: Path) -> list[dict[str, Any]]:
    """The manifest entries, oldest first (empty when nothing was ever imported)."""
    jalur = manifest_path(gudang)
    if not jalur.exists():
        return []
    hasil = []
    for no, baris in enumerate(jalur.read_text(encoding="utf-8").splitlines(), start=1):
        if not baris.strip():
            continue
        try:
            hasil.append(json.loads(baris))
        except ValueError as exc:
            raise ArsipRusak(f"{jalur}, baris {no}: bukan JSON yang sah ({exc})") from exc
    return hasil


def tambah(gudang: Path, entri: dict[str, Any]) -> None:
    """Append one entry: the old lines are kept byte for byte, the new file replaces the old by rename."""
    jalur = manifest_path(gudang)
    lama = jalur.read_bytes() if jalur.exists() else b""
    if lama and not lama.endswith(b"\n"):
        lama += b"\n"
    baris = json.dumps(entri, ensure_ascii=False, sort_keys=True) + "\n"
    tulis_atomik(jalur, lama + baris.encode("utf-8"))


def simpan_berkas(gudang: Path, isi: bytes) -> str:
    """Store a file under its sha256 (once: an identical file already archived is not written again)."""
    sha = hashlib.sha256(isi).hexdigest()
    tujuan = berkas_path(gudang, sha)
    if not tujuan.exists() or tujuan.stat().st_size != len(isi):
        tulis_atomik(tujuan, isi)
    return sha


def catat_impor(gudang: Path, p: Diterima, oleh: str, sekarang: dt.datetime, versi: str, diganti: int) -> None:
    """The save's hook: archive the accepted file and append its manifest entry (nothing during a replay).

    Called by :func:`dasbor.warehouse.impor.simpan.terapkan` inside the import lock, before the new warehouse
    replaces the old one, so a failure here leaves the warehouse unchanged.
    """
    if _MEMUTAR.get():
        return
    if p.asli is None:
        raise ArsipRusak(f"Berkas asli {p.berkas} tidak ikut pemeriksaan: tidak dapat diarsipkan.")
    sha = simpan_berkas(gudang, p.asli)
    tambah(
        gudang,
        {
            "aksi": "impor",
            "waktu": sekarang.isoformat(),
            "oleh": oleh,
            "berkas": p.berkas,
            "sha256": sha,
            "ukuran": len(p.asli),
            "jenis": p.jenis,
            "tahun": p.tahun,
            "lembar": p.lembar_pilihan,
            "terima_sebagian": p.terima_sebagian,
            "baris_diterima": p.baris_diterima,
            "baris_ditolak": p.baris_ditolak,
            "baris_diganti": diganti,
            "versi": versi,
        },
    )


def catat_kembalikan(gudang: Path, versi: str, oleh: str, sekarang: dt.datetime) -> None:
    """The restore's hook: a 'kembalikan' entry naming the version restored (nothing during a replay)."""
    if _MEMUTAR.get():
        return
    tambah(gudang, {"aksi": "kembalikan", "waktu": sekarang.isoformat(), "oleh": oleh, "versi": versi})


def cek(gudang: Path) -> list[str]:
    """Problems of the archive: a manifest line that is not JSON, an archived file missing or not matching its
    checksum. Empty list = the archive replays."""
    try:
        entri = baca(gudang)
    except ArsipRusak as exc:
        return [str(exc)]
    masalah = []
    for no, e in enumerate(entri, start=1):
        if e.get("aksi") != "impor":
            continue
        jalur = berkas_path(gudang, str(e.get("sha256", "")))
        if not jalur.exists():
            masalah.append(f"manifest entri {no} ({e.get('berkas')}): berkas arsip {jalur.name} tidak ada")
        elif hashlib.sha256(jalur.read_bytes()).hexdigest() != e.get("sha256"):
            masalah.append(f"manifest entri {no} ({e.get('berkas')}): isi berkas arsip tidak cocok dengan sha256")
    return masalah
