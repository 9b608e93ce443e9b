"""Office state on disk: a file lock, atomic replace with fsync, and failures told in Indonesian.

Every shared file in the data folder (decks, snapshots, accounts, the audit log) is changed by a read-modify-write
under :func:`kunci` (an ``fcntl`` lock on a ``.kunci`` file beside it, held across processes), written with
:func:`tulis_atomik` (temporary file, fsync, rename, fsync of the folder), so two people editing at once lose
nothing and a crash leaves the old file whole. A full disk or a read-only data folder raises :class:`DiskGagal`
with a sentence for the user; the temporary file is removed first, so nothing half-written stays behind.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

AKHIRAN_TMP = ".tmp"
"""Suffix of every temporary file written here; :func:`bersihkan_tmp` removes leftovers of a crash."""

_PESAN_ERRNO = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "folder data hanya-baca",
    errno.EACCES: "tidak ada izin menulis ke folder data",
    errno.EPERM: "tidak ada izin menulis ke folder data",
}


class DiskGagal(OSError):  # noqa: N818 - Indonesian domain name, like the rest
    """A write failed (disk full, read-only folder, no permission); the message is for the user and says
    that nothing was changed."""

    def __str__(self) -> str:
        return str(self.strerror)


def pesan_oserror(exc: OSError, path: Path | None = None, *, yang_aman: str = "gudang data tidak diubah") -> str:
    """``disk penuh (/data/presentasi); gudang data tidak diubah.``: the reason in Indonesian, where, and what
    stayed as it was."""
    alasan = _PESAN_ERRNO.get(exc.errno or 0, f"gagal menulis berkas ({exc.strerror or exc})")
    tempat = f" ({path})" if path is not None else ""
    return f"{alasan[0].upper()}{alasan[1:]}{tempat}; {yang_aman}."


def sebagai_diskgagal(
    exc: OSError, path: Path | None = None, *, yang_aman: str = "gudang data tidak diubah"
) -> DiskGagal:
    """``exc`` as a :class:`DiskGagal` (kept as is when it already is one)."""
    if isinstance(exc, DiskGagal):
        return exc
    return DiskGagal(exc.errno or 0, pesan_oserror(exc, path, yang_aman=yang_aman))


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where a folder cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def tulis_atomik(path: Path, isi: bytes | str, *, yang_aman: str = "data lama tidak diubah") -> None:
    """Replace ``path`` by ``isi`` atomically: a temporary file beside it, fsync, rename, fsync of the folder.

    On any failure the temporary file is removed and :class:`DiskGagal` raised; ``path`` keeps its old content.
    """
    data = isi.encode("utf-8") if isinstance(isi, str) else isi
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, nama = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=AKHIRAN_TMP)
        tmp = Path(nama)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(path)
        tmp = None
        fsync_folder(path.parent)
    except OSError as exc:
        raise sebagai_diskgagal(exc, path.parent, yang_aman=yang_aman) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def tambah_baris(path: Path, baris: str, *, yang_aman: str = "tidak ada yang diubah") -> None:
    """Append one line to ``path`` (``O_APPEND``, fsync) under its lock: the line is written whole or not at all
    (a failed write is cut back to the old length)."""
    data = (baris.rstrip("\n") + "\n").encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with kunci(path):
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                awal = os.fstat(fd).st_size
                try:
                    tertulis = os.write(fd, data)
                    if tertulis != len(data):
                        raise OSError(errno.ENOSPC, "penulisan terpotong")
                    os.fsync(fd)
                except OSError:
                    os.ftruncate(fd, awal)
                    raise
            finally:
                os.close(fd)
    except OSError as exc:
        raise sebagai_diskgagal(exc, path.parent, yang_aman=yang_aman) from exc


@contextlib.contextmanager
def kunci(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (a ``.<name>.kunci`` file beside it), waiting for other holders:
    changes to a shared file are short, so waiting is better than refusing."""
    jalur = path.parent / f".{path.name}.kunci"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        f = jalur.open("a+b")
    except OSError as exc:
        raise sebagai_diskgagal(exc, path.parent, yang_aman="tidak ada yang diubah") from exc
    with f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def bersihkan_tmp(folder: Path) -> list[Path]:
    """Remove temporary files a crash or a full disk left in ``folder`` (never listed, never read)."""
    if not folder.is_dir():
        return []
    sisa = [p for p in folder.glob(f".*{AKHIRAN_TMP}") if p.is_file()]
    for p in sisa:
        p.unlink(missing_ok=True)
    return sisa


def baca_json(path: Path) -> Any:
    """The JSON document in ``path``, or None when the file does not exist yet (readers take no lock: the file
    is only ever replaced whole, :func:`tulis_atomik`)."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def tulis_json(path: Path, isi: Any) -> None:
    """Write a JSON document atomically; call it inside :func:`kunci` for a read-change-write."""
    tulis_atomik(path, json.dumps(isi, ensure_ascii=False, indent=1, default=str))
