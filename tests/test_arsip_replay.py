"""The archive of accepted imports and its replay: the warehouse is a pure function of code, reference data,
sample and archive. Imports are archived byte for byte; deleting the warehouse and rebuilding gives the same
tables; a changed build replays by itself; a file the rules now refuse is skipped and reported."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from dasbor.warehouse import arsip, build, db, settings, ulang
from dasbor.warehouse.impor import periksa, riwayat, simpan
from dasbor.warehouse.impor.jenis import JENIS
from dasbor.warehouse.impor.jenis.dasar import langgar
from dasbor.warehouse.peran import Pengguna
from tests import impor_berkas as ib
from tests.conftest import Fixture
from tests.test_impor_simpan import _kotak

WAKTU_BANGUN = {"meta": ["dibangun_pada"]}
"""Columns that hold the build's own clock, not data."""

PENGUJI = Pengguna("penguji", "admin")


def _frame(path: Path, table: str) -> pl.DataFrame:
    con = db.connect(path, read_only=True)
    try:
        with con.cursor() as cur:
            frame: pl.DataFrame = cur.table(table).pl()
        return frame
    finally:
        con.close()


def sidik(path: Path) -> dict[str, str]:
    """A fingerprint per table: a hash of its sorted rows, leaving out only what the build's clock writes
    (meta.dibangun_pada, the build's own log row, the load time of sample and reference sources). Doubles are
    compared to 12 significant digits: DuckDB sums them in parallel, in an order that varies between runs."""
    con = db.connect(path, read_only=True)
    try:
        tables = sorted(db.table_counts(con))
    finally:
        con.close()
    hasil = {}
    for t in tables:
        f = _frame(path, t).drop(WAKTU_BANGUN.get(t, []))
        if t == "impor_log":
            f = f.filter(pl.col("jenis") != "bangun")
        if t == "sumber":
            f = f.with_columns(pl.when(pl.col("jenis") == "impor").then(pl.col("dimuat_pada")).alias("dimuat_pada"))
        f = f.with_columns(pl.col(pl.Float64).round_sig_figs(12))  # parallel float sums differ in the last bits
        baris = sorted(json.loads(f.write_json()), key=lambda r: json.dumps(r, sort_keys=True, default=str))
        hasil[t] = hashlib.sha256(json.dumps(baris, sort_keys=True, default=str).encode()).hexdigest()[:16]
    return hasil


def aturan_baru(d: pl.DataFrame, hari_ini: object, catatan: list[str]) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """A row rule of a future version that every IKM row breaks: a file it refuses is skipped on replay."""
    return d, [langgar(d, pl.lit(True), "nama_usaha", "aturan baru: nama usaha ditolak")]


def _impor(w: Path, nama: str, data: bytes, jenis: str, **kw: object) -> riwayat.HasilImpor:
    hasil = periksa.periksa(nama, data, jenis=jenis, **kw)  # type: ignore[arg-type]
    assert hasil.boleh_impor, hasil.masalah
    return simpan.terapkan(hasil, w, PENGUJI)


def _tiga_berkas(w: Path) -> dict[str, bytes]:
    berkas = {
        "ikm_2025.csv": ib.csv_ikm(ib.firma(60, seed=11)),
        "ekspor_2024.csv": ib.csv_ekspor_bps()[0],
        "tenant.xlsx": ib.xlsx_baris(
            [["Kawasan", "Nama Perusahaan", "Status"], ["Batulicin", "PT Baja Contoh", "operasi"]]
        ),
    }
    _impor(w, "ikm_2025.csv", berkas["ikm_2025.csv"], "ikm")
    _impor(w, "ekspor_2024.csv", berkas["ekspor_2024.csv"], "ekspor")
    _impor(w, "tenant.xlsx", berkas["tenant.xlsx"], "tenant")
    return berkas


def test_imports_are_archived_byte_for_byte_with_a_manifest(salinan_gudang: Path) -> None:
    w = salinan_gudang
    berkas = _tiga_berkas(w)
    entri = arsip.baca(w)
    assert [e["aksi"] for e in entri] == ["impor", "impor", "impor"]
    assert [e["berkas"] for e in entri] == list(berkas)
    for e in entri:
        assert arsip.berkas_path(w, e["sha256"]).read_bytes() == berkas[e["berkas"]]
        assert e["oleh"] == "penguji" and e["versi"] and e["baris_diterima"] > 0
    assert entri[0]["jenis"] == "ikm" and entri[0]["terima_sebagian"] is False
    simpan.kembalikan(w, PENGUJI)
    assert arsip.baca(w)[-1] == {**arsip.baca(w)[-1], "aksi": "kembalikan", "versi": entri[-1]["versi"]}
    assert arsip.cek(w) == []


def test_delete_the_warehouse_rebuild_and_replay_gives_the_same_tables(gudang: Fixture, salinan_gudang: Path) -> None:
    w = salinan_gudang
    _tiga_berkas(w)
    _impor(w, "ikm_lagi.csv", ib.csv_ikm(ib.firma(5, seed=3)), "ikm")
    simpan.kembalikan(w, PENGUJI)  # undo the fourth: the replay must undo it too
    sebelum = sidik(w)
    assert len(arsip.baca(w)) == 5
    w.unlink()
    report, putaran = ulang.bangun_ulang(w, lambda p: build.build_warehouse(p, gudang.masukan))
    assert putaran.diputar == 5 and putaran.dilewati == []
    sesudah = sidik(w)
    assert sesudah == sebelum
    assert report.rows["ikm"] == 60
    assert len(arsip.baca(w)) == 5  # the replay does not archive again
    assert riwayat.daftar_versi(w)[0].berkas == "tenant.xlsx"  # "Kembalikan" still undoes the last
    laporan = ulang.laporan_terakhir(w)
    assert laporan is not None and laporan["diputar"] == 5


def test_a_changed_build_replays_the_archive_by_itself(
    gudang: Fixture,
    salinan_gudang: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    w = salinan_gudang
    _tiga_berkas(w)
    sebelum = sidik(w)
    kueri = tmp_path / "queries"
    shutil.copytree(settings.queries_dir(), kueri)
    meta = kueri / "build" / "meta.sql"
    meta.write_text(meta.read_text(encoding="utf-8").rstrip() + ",\n    'uji' as kolom_tambahan\n", encoding="utf-8")
    monkeypatch.setattr(settings, "queries_dir", lambda: kueri)
    db.load_sql.cache_clear()
    build.versi_skema.cache_clear()
    try:
        assert build.status_gudang(w) == "lama-impor"
        kode = build.main(["--out", str(w), "--if-stale", "--masukan", str(gudang.masukan)], pemutar=ulang.Pemutar())
        keluaran = capsys.readouterr().out
        assert kode == 0
        assert "dibangun ulang, arsip impor diputar ulang (3 entri" in keluaran
        assert build.status_gudang(w) == "terkini"
        assert _frame(w, "meta")["kolom_tambahan"].to_list() == ["uji"]
        sesudah = sidik(w)
        assert {t: h for t, h in sesudah.items() if t != "meta"} == {t: h for t, h in sebelum.items() if t != "meta"}
    finally:
        db.load_sql.cache_clear()
        build.versi_skema.cache_clear()


def test_an_unarchived_import_blocks_the_automatic_rebuild(
    gudang: Fixture, salinan_gudang: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    w = salinan_gudang
    _tiga_berkas(w)
    (arsip.manifest_path(w)).unlink()  # as if imported by a version without the archive
    assert ulang.belum_diarsip(w) == ["ekspor_2024.csv", "ikm_2025.csv", "tenant.xlsx"]
    monkeypatch.setattr(build, "status_gudang", lambda _p: "lama-impor")
    awal = w.read_bytes()
    assert build.main(["--out", str(w), "--if-stale"], pemutar=ulang.Pemutar()) == 0
    assert "tidak dibangun ulang otomatis" in capsys.readouterr().err
    assert w.read_bytes() == awal


def test_a_file_the_rules_now_refuse_is_skipped_and_reported(
    gudang: Fixture, salinan_gudang: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = salinan_gudang
    berkas = _tiga_berkas(w)
    assert "ikm_2025.csv" in berkas

    # the new rules: an IKM row rule that every row of the archived file now breaks
    monkeypatch.setitem(JENIS, "ikm", dataclasses.replace(JENIS["ikm"], aturan=aturan_baru))
    _, putaran = ulang.bangun_ulang(w, lambda p: build.build_warehouse(p, gudang.masukan))
    assert putaran.diputar == 2
    assert [d.berkas for d in putaran.dilewati] == ["ikm_2025.csv"]
    assert "aturan baru" in putaran.dilewati[0].alasan
    assert "1 dilewati (ikm_2025.csv" in putaran.kalimat()
    laporan = ulang.laporan_terakhir(w)
    assert laporan is not None and laporan["dilewati"][0]["berkas"] == "ikm_2025.csv"
    jenis = _frame(w, "sumber").filter(pl.col("jenis") == "impor")["tabel"].explode().to_list()
    assert sorted(jenis) == ["ekspor", "kawasan_tenant"]  # the IKM file is not in; the others are


def test_a_boundary_file_is_archived_and_replayed(
    gudang: Fixture, salinan_gudang: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = salinan_gudang
    geo = tmp_path / "geo"
    monkeypatch.setenv("DASBOR_GEO_DIR", str(geo))
    isi = _kotak()
    hasil = periksa.periksa("batas_kantor.geojson", isi, jenis="batas")
    assert hasil.status == "siap", hasil.masalah
    simpan.terapkan(hasil, w, PENGUJI)
    entri = arsip.baca(w)[-1]
    assert entri["jenis"] == "batas" and arsip.berkas_path(w, entri["sha256"]).read_bytes() == isi
    tersimpan = (geo / "batas_kabupaten.geojson").read_bytes()
    (geo / "batas_kabupaten.geojson").unlink()
    w.unlink()
    _, putaran = ulang.bangun_ulang(w, lambda p: build.build_warehouse(p, gudang.masukan))
    assert putaran.diputar == 1 and not putaran.dilewati
    assert (geo / "batas_kabupaten.geojson").read_bytes() == tersimpan
    log = _frame(w, "impor_log").filter(pl.col("jenis") == "batas")
    assert log.height == 1 and log["oleh"][0] == "penguji"
