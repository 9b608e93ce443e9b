"""Office-state files (events on charts, Rakornis follow-ups): JSON beside the warehouse, locked and atomic.

Every change reads the file, changes it and writes it back while holding an exclusive ``fcntl.flock`` on a
``.lock`` file beside it, so two sessions saving at once cannot lose each other's change. The write goes to a
temporary file in the same folder, is fsynced, then ``os.replace``-d over the old file: a reader sees the old
file or the new one, never half of one. Readers take no lock (the replace is atomic).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dasbor.warehouse import settings


def folder(warehouse: Path | None = None) -> Path:
    """The data folder: the folder of the warehouse file (``settings.warehouse_path().parent``)."""
    return (warehouse or settings.warehouse_path()).parent


@contextlib.contextmanager
def terkunci(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (``<path>.lock``) for a read-change-write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / f"{path.name}.lock").open("a") as kunci:
        fcntl.flock(kunci, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(kunci, fcntl.LOCK_UN)


def tulis_atomik(path: Path, isi: bytes) -> None:
    """Write ``isi`` to ``path`` through a fsynced temporary file and an atomic replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as f:
        f.write(isi)
        f.flush()
        os.fsync(f.fileno())
    sementara = Path(f.name)
    sementara.chmod(0o644)
    sementara.replace(path)


def baca_json(path: Path) -> Any:
    """The JSON document in ``path``, or None when the file does not exist yet."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def tulis_json(path: Path, isi: Any) -> None:
    """Write a JSON document atomically (call it inside :func:`terkunci`)."""
    tulis_atomik(path, json.dumps(isi, ensure_ascii=False, indent=1, default=str).encode("utf-8"))
