"""Backup and restore: one zip with every office file (found by walking the data folder), checked before a
restore; restoring into an empty folder rebuilds the warehouse and the dashboard shows the same numbers.
Snapshots ("kunci data") also keep a Parquet copy, covered by their checksum."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import polars as pl
import pytest

from dasbor import cadangan as cadangan_cli
from dasbor.warehouse import arsip, build, cadangan, store
from dasbor.warehouse.peran import Pengguna, TidakBoleh
from tests import impor_berkas as ib
from tests.aplikasi import buka
from tests.test_arsip_replay import _impor, sidik

PENGUJI = Pengguna("penguji", "admin")


@pytest.fixture
def data_kantor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with a small sample warehouse, three imports, a deck, a snapshot and files another part of
    the app keeps there (accounts, audit log) that this module has never heard of."""
    w = tmp_path / "data" / "warehouse.duckdb"
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(w))
    build.build_sample(w, seed=3, scale=0.02)
    _impor(w, "ikm_2025.csv", ib.csv_ikm(ib.firma(40, seed=5)), "ikm")
    _impor(w, "ekspor_2024.csv", ib.csv_ekspor_bps()[0], "ekspor")
    _impor(
        w, "target.xlsx", ib.xlsx_baris([["Indikator", "Tahun", "Nilai Target"], ["jumlah_ikm", 2025, 500]]), "target"
    )
    store.tambah_slide("Rapat Mei", store.Slide("ringkasan.kpi", {"tahun": "2025"}), w, oleh=PENGUJI)
    store.kunci_data("Rakornis Mei 2026", w, oleh=PENGUJI)
    (w.parent / "akun").mkdir()
    (w.parent / "akun" / "akun.json").write_text('{"ani": "hash"}', encoding="utf-8")
    (w.parent / "audit.jsonl").write_text('{"aksi": "masuk"}\n', encoding="utf-8")
    return w


def _kartu() -> list[tuple[str, str]]:
    at = buka("ringkasan")
    assert not at.exception, at.exception
    return [(m.label, str(m.value)) for m in at.metric]


def test_backup_empty_the_folder_restore_same_numbers(data_kantor: Path, tmp_path: Path) -> None:
    w = data_kantor
    kartu = _kartu()
    assert kartu and any(v not in ("", "0") for _, v in kartu)
    sidik_sebelum = sidik(w)
    berkas_sebelum = {p: (w.parent / p).read_bytes() for p in map(str, cadangan.berkas_kantor(w))}
    assert {"akun/akun.json", "audit.jsonl", "arsip/manifest.jsonl", "presentasi/dek.json"} <= set(berkas_sebelum)
    assert not any(p.endswith(".duckdb") and "/" not in p for p in berkas_sebelum)  # not the warehouse
    assert not any("/versi/" in p for p in berkas_sebelum)  # not the versions kept for "Kembalikan"

    zip_ = tmp_path / "cadangan.zip"
    laporan = cadangan.buat(w, zip_, oleh=PENGUJI)
    assert laporan.berkas == len(berkas_sebelum)
    assert cadangan.cek(zip_).masalah == []
    with zipfile.ZipFile(zip_) as z:
        assert "data/warehouse.duckdb" not in z.namelist()
        assert json.loads(z.read("CADANGAN.json"))["contoh"] == {"seed": 3, "skala": 0.02}

    shutil.rmtree(w.parent)
    hasil = cadangan.pulihkan(zip_, w, oleh=PENGUJI)
    assert hasil.putaran is not None and hasil.putaran.diputar == 3 and not hasil.putaran.dilewati
    sesudah = {p: (w.parent / p).read_bytes() for p in map(str, cadangan.berkas_kantor(w))}
    *audit_lama, baris_pulihkan = sesudah.pop("audit.jsonl").decode().splitlines(keepends=True)
    assert "".join(audit_lama).encode() == berkas_sebelum.pop("audit.jsonl"), "the audit trail is restored as it was"
    assert json.loads(baris_pulihkan)["tindakan"] == "cadangan.pulihkan", "and the restore is its next line"
    assert sesudah == berkas_sebelum
    assert sidik(w) == sidik_sebelum
    assert _kartu() == kartu
    assert store.ambil_dek("Rapat Mei", w).slide[0].tampilan == "ringkasan.kpi"


def test_restore_refuses_a_folder_that_holds_office_files(data_kantor: Path, tmp_path: Path) -> None:
    zip_ = tmp_path / "cadangan.zip"
    cadangan.buat(data_kantor, zip_, oleh=PENGUJI)
    manifest = arsip.manifest_path(data_kantor).read_bytes()
    with pytest.raises(cadangan.CadanganGagal, match="hanya ke folder data yang kosong"):
        cadangan.pulihkan(zip_, data_kantor, oleh=PENGUJI)
    assert arsip.manifest_path(data_kantor).read_bytes() == manifest


def test_check_finds_a_damaged_or_incomplete_backup(data_kantor: Path, tmp_path: Path) -> None:
    zip_ = tmp_path / "cadangan.zip"
    cadangan.buat(data_kantor, zip_, oleh=PENGUJI)
    rusak = tmp_path / "rusak.zip"
    dibuang = False
    with zipfile.ZipFile(zip_) as src, zipfile.ZipFile(rusak, "w") as dst:
        for info in src.infolist():
            isi = src.read(info)
            if info.filename == "data/audit.jsonl":
                isi = b'{"aksi": "diubah"}\n'
            if info.filename.startswith("data/arsip/berkas/") and not dibuang:
                dibuang = True  # one archived file missing
                continue
            dst.writestr(info, isi)
        dst.writestr("../../keluar.txt", b"x")
    masalah = cadangan.cek(rusak).masalah
    assert any("audit.jsonl tidak cocok" in m for m in masalah)
    assert any("berkas arsip" in m and "tidak ada" in m for m in masalah)
    assert any("tidak aman" in m for m in masalah)
    assert cadangan_cli.main(["cek", str(rusak)]) == 1
    assert cadangan_cli.main(["cek", str(zip_)]) == 0
    shutil.rmtree(data_kantor.parent)
    with pytest.raises(cadangan.CadanganGagal, match="tidak dipulihkan"):
        cadangan.pulihkan(rusak, data_kantor, oleh=PENGUJI)
    assert not data_kantor.parent.exists() or not cadangan.berkas_kantor(data_kantor)
    with pytest.raises(cadangan.CadanganGagal, match="bukan berkas cadangan"):
        cadangan.cek(_zip_tanpa_isi(tmp_path))


def _zip_tanpa_isi(tmp_path: Path) -> Path:
    z = tmp_path / "lain.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("a.txt", "a")
    return z


def test_backup_with_the_warehouse_as_parquet(data_kantor: Path, tmp_path: Path) -> None:
    zip_ = tmp_path / "dengan.zip"
    assert cadangan_cli.main(["buat", str(zip_), "--gudang", str(data_kantor), "--dengan-gudang"]) == 0
    bongkar = tmp_path / "bongkar"
    with zipfile.ZipFile(zip_) as z:
        z.extractall(bongkar)
    ikm = pl.read_parquet(bongkar / "gudang" / "ikm.parquet")
    assert ikm.height == 40
    assert cadangan.cek(zip_).gudang_parquet


def test_snapshot_keeps_a_parquet_copy_covered_by_its_hash(data_kantor: Path) -> None:
    snap = store.baca_snapshot(data_kantor)[0]
    folder = store.folder(data_kantor) / "snapshot"
    parquet = folder / snap.parquet
    assert snap.parquet and pl.read_parquet(parquet / "ikm.parquet").height == 40
    assert snap.sha256 == store.sha256_snapshot(folder / snap.berkas, parquet)
    (parquet / "target.parquet").write_bytes(b"diubah")
    assert store.sha256_snapshot(folder / snap.berkas, parquet) != snap.sha256


def test_only_an_admin_backs_up_or_restores(data_kantor: Path, tmp_path: Path) -> None:
    zip_ = tmp_path / "cadangan.zip"
    for siapa in (None, Pengguna("budi", "penyaji"), Pengguna("citra", "operator", kab="6303")):
        with pytest.raises(TidakBoleh):
            cadangan.buat(data_kantor, zip_, oleh=siapa)
    assert not zip_.exists()
    cadangan.buat(data_kantor, zip_, oleh=PENGUJI)
    with pytest.raises(TidakBoleh):
        cadangan.pulihkan(zip_, data_kantor, oleh=Pengguna("budi", "penyaji"))
