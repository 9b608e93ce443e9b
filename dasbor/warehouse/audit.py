"""The audit trail: every change to office state, append-only, in the data folder beside the warehouse.

One JSON object per line in ``audit.jsonl``: ``waktu`` (UTC, ISO), ``oleh`` (account name), ``peran``,
``tindakan`` (``impor``, ``kembalikan``, ``dek.ubah``, ``snapshot.buat``, ``akun.tambah`` ...), ``objek`` (what
was changed: a deck name, a snapshot slug, a file name, an account), ``sebelum`` and ``sesudah`` (small JSON
values: the deck before and after, the account's role, the import's rows). Lines are appended under a lock with
``O_APPEND`` and fsync (:func:`dasbor.warehouse.berkas.tambah_baris`); nothing in the dashboard rewrites or
deletes them. A line that cannot be read (a disk that filled mid-line before this module existed) is skipped
when reading, never fatal.

Decision: the trail is written *after* the change succeeded (a refused or failed change is not a change); a
refused import is in the import journal already.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl

from dasbor.warehouse import berkas, settings
from dasbor.warehouse.peran import Pengguna

NAMA_BERKAS = "audit.jsonl"

KOLOM: dict[str, pl.DataType] = {
    "waktu": pl.Datetime("us", "UTC"),
    "oleh": pl.String(),
    "peran": pl.String(),
    "tindakan": pl.String(),
    "objek": pl.String(),
    "sebelum": pl.String(),
    "sesudah": pl.String(),
}
"""Columns of :func:`baca` (``sebelum``/``sesudah`` as JSON text)."""


def path_audit(warehouse: Path | None = None) -> Path:
    """``audit.jsonl`` in the data folder (beside the warehouse)."""
    return (warehouse or settings.warehouse_path()).parent / NAMA_BERKAS


def catat(
    oleh: Pengguna,
    tindakan: str,
    objek: str,
    *,
    sebelum: Any = None,
    sesudah: Any = None,
    warehouse: Path | None = None,
    sekarang: dt.datetime | None = None,
) -> None:
    """Append one change to the trail (raises :class:`~dasbor.warehouse.berkas.DiskGagal` when it cannot)."""
    baris = {
        "waktu": (sekarang or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "oleh": oleh.nama,
        "peran": oleh.peran + (f":{oleh.kab}" if oleh.kab else ""),
        "tindakan": tindakan,
        "objek": objek,
        "sebelum": sebelum,
        "sesudah": sesudah,
    }
    berkas.tambah_baris(path_audit(warehouse), json.dumps(baris, ensure_ascii=False, default=str, sort_keys=True))


def baca(warehouse: Path | None = None) -> pl.DataFrame:
    """The whole trail, newest first (unreadable lines skipped)."""
    path = path_audit(warehouse)
    baris: list[dict[str, Any]] = []
    if path.exists():
        for teks in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                d = json.loads(teks)
                waktu = dt.datetime.fromisoformat(str(d["waktu"]))
            except (ValueError, KeyError, TypeError):
                continue
            baris.append(
                {
                    "waktu": waktu if waktu.tzinfo else waktu.replace(tzinfo=dt.UTC),
                    "oleh": str(d.get("oleh", "")),
                    "peran": str(d.get("peran", "")),
                    "tindakan": str(d.get("tindakan", "")),
                    "objek": str(d.get("objek", "")),
                    "sebelum": json.dumps(d.get("sebelum"), ensure_ascii=False, default=str),
                    "sesudah": json.dumps(d.get("sesudah"), ensure_ascii=False, default=str),
                }
            )
    # Newest first; lines of the same second keep their order of writing, last written first.
    return pl.DataFrame(baris[::-1], schema=KOLOM).sort("waktu", descending=True, maintain_order=True)


def saring(
    log: pl.DataFrame,
    *,
    oleh: str | None = None,
    tindakan: str | None = None,
    cari: str = "",
    sejak: dt.date | None = None,
    sampai: dt.date | None = None,
) -> pl.DataFrame:
    """The trail filtered by account, kind of change, a word in object/before/after, and a date range (WITA)."""
    hasil = log
    if oleh:
        hasil = hasil.filter(pl.col("oleh") == oleh)
    if tindakan:
        hasil = hasil.filter(pl.col("tindakan").str.starts_with(tindakan))
    if cari.strip():
        kata = cari.strip().lower()
        hasil = hasil.filter(
            pl.concat_str("objek", "sebelum", "sesudah", separator=" ")
            .str.to_lowercase()
            .str.contains(kata, literal=True)
        )
    tanggal = pl.col("waktu").dt.convert_time_zone("Asia/Makassar").dt.date()
    if sejak is not None:
        hasil = hasil.filter(tanggal >= sejak)
    if sampai is not None:
        hasil = hasil.filter(tanggal <= sampai)
    return hasil


def csv(log: pl.DataFrame) -> bytes:
    """The (filtered) trail as CSV for Excel: times in WITA, UTF-8 with BOM."""
    keluar = log.with_columns(pl.col("waktu").dt.convert_time_zone("Asia/Makassar").dt.strftime("%Y-%m-%d %H:%M:%S"))
    return b"\xef\xbb\xbf" + keluar.write_csv().encode("utf-8")
