"""The audit trail: append-only JSON lines, who/when/what/before/after, filters, CSV, a full disk."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pytest

from dasbor.warehouse import audit, berkas
from dasbor.warehouse.peran import Pengguna

ANI = Pengguna("ani", "admin")
CITRA = Pengguna("citra", "operator", kab="6303")


def test_changes_are_appended_with_who_when_what_before_and_after(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    t0 = dt.datetime(2026, 5, 1, 1, 0, tzinfo=dt.UTC)
    audit.catat(ANI, "akun.tambah", "citra", sesudah={"peran": "operator"}, warehouse=w, sekarang=t0)
    audit.catat(
        CITRA, "impor", "ikm <b>2025</b>.csv", sesudah={"baris": 9}, warehouse=w, sekarang=t0 + dt.timedelta(days=2)
    )
    pertama = audit.path_audit(w).read_bytes()
    audit.catat(ANI, "dek.ubah", "Rakornis", sebelum={"n": 1}, sesudah={"n": 2}, warehouse=w, sekarang=t0)
    assert audit.path_audit(w).read_bytes().startswith(pertama)  # appended, never rewritten
    baris = [json.loads(b) for b in audit.path_audit(w).read_text(encoding="utf-8").splitlines()]
    assert baris[1] == {
        "waktu": "2026-05-03T01:00:00+00:00",
        "oleh": "citra",
        "peran": "operator:6303",
        "tindakan": "impor",
        "objek": "ikm <b>2025</b>.csv",
        "sebelum": None,
        "sesudah": {"baris": 9},
    }
    log = audit.baca(w)
    assert log.height == 3 and log["tindakan"][0] == "impor"  # newest first
    assert audit.saring(log, oleh="ani").height == 2
    assert audit.saring(log, tindakan="akun")["objek"].to_list() == ["citra"]
    assert audit.saring(log, cari='"n": 2')["objek"].to_list() == ["Rakornis"]
    assert audit.saring(log, sejak=dt.date(2026, 5, 2)).height == 1
    teks = audit.csv(log).decode("utf-8-sig")
    assert teks.splitlines()[0] == "waktu,oleh,peran,tindakan,objek,sebelum,sesudah"
    assert "2026-05-03 09:00:00,citra,operator:6303,impor" in teks  # WITA


def test_an_unreadable_line_is_skipped_not_fatal(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    audit.catat(ANI, "akun.hapus", "budi", warehouse=w)
    with audit.path_audit(w).open("a", encoding="utf-8") as f:
        f.write('{"waktu": "2026-05-0')  # a line cut by a crash before this module existed
    assert audit.baca(w)["objek"].to_list() == ["budi"]


def test_a_full_disk_leaves_the_trail_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = tmp_path / "warehouse.duckdb"
    audit.catat(ANI, "akun.tambah", "budi", warehouse=w)
    sebelum = audit.path_audit(w).read_bytes()
    asli = os.write

    def setengah(fd: int, data: bytes) -> int:
        asli(fd, data[:10])  # half a line reaches the disk, then it is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", setengah)
    with pytest.raises(berkas.DiskGagal, match=r"^Disk penuh"):
        audit.catat(ANI, "akun.tambah", "citra", warehouse=w)
    monkeypatch.undo()
    assert audit.path_audit(w).read_bytes() == sebelum
