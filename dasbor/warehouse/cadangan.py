"""Backup and restore of everything the office made: one zip file, checked before anything is written.

What goes in: every file in the data folder beside the warehouse (``data/`` by default), found by walking
the folder, not from a fixed list, so files another part of the app adds there later (accounts, audit log,
events, follow-ups) are backed up without touching this module. Left out, because they can be rebuilt or are
only working files: the warehouse itself and any other ``*.duckdb`` at the top of the folder, hidden files
and folders (temporary files of imports, builds and atomic writes, DuckDB's spill folder), ``*.tmp``,
``*.wal``, the warehouse versions kept for "Kembalikan" (``*.impor/versi/``), the import lock, the last
replay's report, the committed reference tables (``data/reference/``, part of the code) and the sample cache
(``data/sample/``).

The zip holds ``CADANGAN.json`` (format, time, schema version, the sample's seed and scale, and every file
with its sha256 and size) and the files under ``data/``; with ``dengan_gudang`` also the warehouse tables as
``gudang/<table>.parquet`` (a copy for other tools; a restore rebuilds the warehouse instead, since it is a
function of code, reference data, sample and archive).

Restore (:func:`pulihkan`) only into a data folder holding no office files (a new server, or after a disk
loss): it checks the whole backup first, unpacks into a hidden folder, verifies every checksum, moves the
files into place, then rebuilds the warehouse with the sample's seed and scale and replays the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dasbor.warehouse import arsip, audit, build, db, ulang
from dasbor.warehouse.peran import Pengguna, wajib

FORMAT = 1
ISI = "CADANGAN.json"
FOLDER_TIDAK_DICADANGKAN = {"reference", "sample"}
"""Top-level folders of the data folder that are code or a rebuildable cache."""
BERKAS_KERJA = {"kunci", "putar_ulang.json"}
"""Working files inside ``<warehouse>.impor/``: the lock and the last replay's report."""


class CadanganGagal(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """A backup that cannot be read or restored here; the message says what and where, for the user."""


@dataclass
class LaporanCadangan:
    """What a backup holds or what a restore did."""

    berkas: int = 0
    ukuran: int = 0
    detik: float = 0.0
    dibuat_pada: str = ""
    gudang_parquet: bool = False
    masalah: list[str] = field(default_factory=list)
    putaran: ulang.Putaran | None = None
    ukuran_zip: int = 0


def _dikecualikan(rel: PurePosixPath) -> bool:
    bagian = rel.parts
    if any(b.startswith(".") or b == "__pycache__" for b in bagian):
        return True
    if rel.suffix in {".tmp", ".wal", ".building"}:
        return True
    if len(bagian) == 1 and rel.suffix == ".duckdb":
        return True
    if bagian[0] in FOLDER_TIDAK_DICADANGKAN:
        return True
    return bagian[0].endswith(".impor") and (bagian[1:2] == ("versi",) or bagian[-1] in BERKAS_KERJA)


def berkas_kantor(gudang: Path) -> list[PurePosixPath]:
    """Every office file in the data folder beside ``gudang``, as paths relative to it (sorted)."""
    root = gudang.parent
    if not root.is_dir():
        return []
    hasil = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = PurePosixPath(path.relative_to(root).as_posix())
            if not _dikecualikan(rel):
                hasil.append(rel)
    return sorted(hasil)


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _contoh(gudang: Path) -> dict[str, float]:
    """The sample's seed and scale this warehouse was built from (from its ``masukan`` table), default 42 / 1."""
    hasil: dict[str, float] = {"seed": 42, "skala": 1.0}
    if not gudang.exists():
        return hasil
    try:
        with db.Gudang(gudang) as g:
            ket = g.query("masukan_contoh")["keterangan"].to_list()
    except Exception:  # noqa: BLE001 - a warehouse built before provenance existed: the defaults
        return hasil
    cocok = re.search(r"seed (\d+), skala ([0-9.]+)", " ".join(str(k) for k in ket))
    if cocok:
        hasil = {"seed": int(cocok.group(1)), "skala": float(cocok.group(2))}
    return hasil


def buat(gudang: Path, tujuan: Path, *, oleh: Pengguna | None, dengan_gudang: bool = False) -> LaporanCadangan:
    """Write the backup zip to ``tujuan`` atomically (temporary file beside it, fsync, rename). Admin only: a
    backup holds the account hashes and the audit trail."""
    wajib(oleh, tindakan="Membuat cadangan")
    mulai = time.perf_counter()
    root = gudang.parent
    daftar = [rel for rel in berkas_kantor(gudang) if (root / rel).resolve() != tujuan.resolve()]
    isi: dict[str, Any] = {
        "format": FORMAT,
        "dibuat_pada": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "versi_skema": build.versi_skema(),
        "contoh": _contoh(gudang),
        "gudang_parquet": dengan_gudang and gudang.exists(),
        "berkas": [],
    }
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, nama_tmp = tempfile.mkstemp(prefix=f".{tujuan.name}.", suffix=".tmp", dir=tujuan.parent)
    os.close(fd)
    tmp = Path(nama_tmp)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for rel in daftar:
                path = root / rel
                isi["berkas"].append({"jalur": str(rel), "sha256": _sha(path), "ukuran": path.stat().st_size})
                z.write(path, f"data/{rel}")
            if isi["gudang_parquet"]:
                with tempfile.TemporaryDirectory(prefix=".cadangan-", dir=tujuan.parent) as kerja:
                    for tabel, path in db.tulis_parquet(gudang, Path(kerja)).items():
                        z.write(path, f"gudang/{tabel}.parquet", compress_type=zipfile.ZIP_STORED)
            z.writestr(ISI, json.dumps(isi, ensure_ascii=False, indent=1))
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        tmp.replace(tujuan)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return LaporanCadangan(
        len(daftar),
        sum(int(b["ukuran"]) for b in isi["berkas"]),
        time.perf_counter() - mulai,
        isi["dibuat_pada"],
        isi["gudang_parquet"],
        ukuran_zip=tujuan.stat().st_size,
    )


def _aman(nama: str) -> bool:
    """A zip member name that stays inside the folder it is unpacked to (no absolute path, no '..')."""
    p = PurePosixPath(nama)
    return not p.is_absolute() and ".." not in p.parts and "\\" not in nama


def _baca_isi(z: zipfile.ZipFile, nama_berkas: str) -> dict[str, Any]:
    try:
        isi: dict[str, Any] = json.loads(z.read(ISI))
    except KeyError:
        raise CadanganGagal(f"{nama_berkas}: bukan berkas cadangan dasbor ({ISI} tidak ada)") from None
    except ValueError as exc:
        raise CadanganGagal(f"{nama_berkas}: {ISI} rusak ({exc})") from exc
    if isi.get("format") != FORMAT:
        raise CadanganGagal(f"{nama_berkas}: format cadangan {isi.get('format')!r} tidak dikenal (diharapkan {FORMAT})")
    return isi


@dataclass(frozen=True)
class _Anggota:
    jalur: str
    sha256: str
    ukuran: int


def _anggota(isi: dict[str, Any]) -> Iterator[_Anggota]:
    for b in isi.get("berkas", []):
        yield _Anggota(str(b["jalur"]), str(b["sha256"]), int(b["ukuran"]))


def cek(berkas: Path) -> LaporanCadangan:
    """Verify a backup without restoring: it opens, every listed file is there with its checksum and size, no
    name leaves the folder, and every file the import archive's manifest names is in it. Problems are listed
    in ``masalah`` (empty = the backup restores)."""
    mulai = time.perf_counter()
    nama = berkas.name
    try:
        z = zipfile.ZipFile(berkas)
    except (OSError, zipfile.BadZipFile) as exc:
        raise CadanganGagal(f"{nama}: tidak dapat dibuka sebagai zip ({exc})") from exc
    with z:
        isi = _baca_isi(z, nama)
        masalah = [f"{nama}: nama berkas tidak aman di dalam zip: {n}" for n in z.namelist() if not _aman(n)]
        ada = set(z.namelist())
        anggota = list(_anggota(isi))
        for a in anggota:
            if not _aman(a.jalur):
                continue
            if f"data/{a.jalur}" not in ada:
                masalah.append(f"{nama}: {a.jalur} tercantum tetapi tidak ada di dalam zip")
                continue
            h = hashlib.sha256()
            ukuran = 0
            with z.open(f"data/{a.jalur}") as f:
                for blok in iter(lambda: f.read(1 << 20), b""):
                    h.update(blok)
                    ukuran += len(blok)
            if h.hexdigest() != a.sha256 or ukuran != a.ukuran:
                masalah.append(f"{nama}: isi {a.jalur} tidak cocok dengan sha256/ukuran yang tercatat")
        jalur_ada = {a.jalur for a in anggota}
        manifest = f"{arsip.NAMA}/{arsip.MANIFEST}"
        if manifest in jalur_ada:
            for no, baris in enumerate(z.read(f"data/{manifest}").decode("utf-8").splitlines(), start=1):
                if not baris.strip():
                    continue
                try:
                    e = json.loads(baris)
                except ValueError:
                    masalah.append(f"{nama}: {manifest} baris {no} bukan JSON yang sah")
                    continue
                if e.get("aksi") == "impor" and f"data/{arsip.NAMA}/berkas/{e.get('sha256')}" not in ada:
                    masalah.append(f"{nama}: berkas arsip {e.get('berkas')} ({manifest} baris {no}) tidak ada")
        ukuran_total = sum(a.ukuran for a in anggota)
    return LaporanCadangan(
        len(anggota),
        ukuran_total,
        time.perf_counter() - mulai,
        str(isi.get("dibuat_pada", "")),
        bool(isi.get("gudang_parquet")),
        masalah,
        ukuran_zip=berkas.stat().st_size,
    )


def pulihkan(berkas: Path, gudang: Path, *, oleh: Pengguna | None) -> LaporanCadangan:
    """Restore ``berkas`` into the (office-empty) data folder beside ``gudang`` and rebuild the warehouse. Admin
    only; the restore is the first line of the restored audit trail."""
    siapa = wajib(oleh, tindakan="Memulihkan cadangan")
    mulai = time.perf_counter()
    laporan = cek(berkas)
    if laporan.masalah:
        raise CadanganGagal("Cadangan tidak dipulihkan: " + "; ".join(laporan.masalah[:5]))
    root = gudang.parent
    sudah = berkas_kantor(gudang)
    if sudah:
        contoh = ", ".join(str(s) for s in sudah[:3])
        raise CadanganGagal(
            f"Folder data {root} sudah berisi {len(sudah)} berkas kantor ({contoh} ...): pemulihan hanya ke folder "
            "data yang kosong, agar tidak ada yang tertimpa. Pindahkan isinya dulu, atau pulihkan di folder lain."
        )
    root.mkdir(parents=True, exist_ok=True)
    kerja = root / f".pulihkan-{uuid.uuid4().hex[:8]}"
    try:
        with zipfile.ZipFile(berkas) as z:
            isi = _baca_isi(z, berkas.name)
            anggota = list(_anggota(isi))
            for a in anggota:
                sementara = kerja / a.jalur
                sementara.parent.mkdir(parents=True, exist_ok=True)
                with z.open(f"data/{a.jalur}") as src, sementara.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                    dst.flush()
                    os.fsync(dst.fileno())
                if _sha(sementara) != a.sha256:
                    raise CadanganGagal(f"{berkas.name}: {a.jalur} rusak saat dibongkar (sha256 tidak cocok)")
        for a in anggota:
            tujuan = root / a.jalur
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            (kerja / a.jalur).replace(tujuan)
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    contoh_isi = isi.get("contoh") or {}
    seed, skala = int(contoh_isi.get("seed", 42)), float(contoh_isi.get("skala", 1.0))
    _, putaran = ulang.bangun_ulang(gudang, lambda p: build.build_sample(p, seed=seed, scale=skala))
    laporan.putaran = putaran
    laporan.detik = time.perf_counter() - mulai
    audit.catat(
        siapa, "cadangan.pulihkan", berkas.name, sesudah={"berkas": len(berkas_kantor(gudang))}, warehouse=gudang
    )
    return laporan


def ukuran_teks(n: int) -> str:
    """Bytes in Indonesian: "850 KB", "14,4 MB", "1.234,5 MB"."""
    if n < 1_048_576:
        return f"{max(1, round(n / 1024)) if n else 0} KB"
    return f"{n / 1_048_576:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " MB"


def ringkas(laporan: LaporanCadangan) -> str:
    """One Indonesian line: files, their size, the zip's size, time."""
    teks = f"{laporan.berkas} berkas kantor ({ukuran_teks(laporan.ukuran)})"
    if laporan.ukuran_zip:
        teks += f", berkas zip {ukuran_teks(laporan.ukuran_zip)}"
    if laporan.gudang_parquet:
        teks += ", dengan tabel gudang data (Parquet)"
    detik = f"{laporan.detik:.1f}".replace(".", ",")
    return teks + f", {detik} detik"
