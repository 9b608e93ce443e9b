"""Kelola Data's "Arsip dan cadangan" section under AppTest: the files the last replay skipped are listed, a
signed-in user downloads a backup that checks out, and a restore is refused over existing office files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dasbor.warehouse import build, cadangan, ulang
from dasbor.warehouse.impor.jenis import JENIS
from tests import impor_berkas as ib
from tests.conftest import Fixture
from tests.test_arsip_replay import _impor, aturan_baru
from tests.test_impor_halaman import _buka, _masuk, halaman, hash_uji

__all__ = ["halaman", "hash_uji"]  # fixtures used by name


def test_skipped_files_of_the_last_replay_are_listed(
    gudang: Fixture, halaman: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = halaman
    data = ib.csv_ikm(ib.firma(30, seed=2))
    _impor(w, "ikm_<b>tebal.csv", data, "ikm")
    with monkeypatch.context() as m:  # the new rules: an IKM row rule every row of the archived file breaks
        m.setitem(JENIS, "ikm", dataclasses.replace(JENIS["ikm"], aturan=aturan_baru))
        ulang.bangun_ulang(w, lambda p: build.build_warehouse(p, gudang.masukan))
    at = _masuk(_buka())
    assert not at.exception, at.exception
    peringatan = [x.value for x in at.warning if "DILEWATI" in x.value]
    assert peringatan and "0 entri arsip diputar ulang; 1 berkas DILEWATI" in peringatan[0]
    tabel = at.dataframe[-1].value
    assert tabel["Berkas"].to_list() == ["ikm_<b>tebal.csv"]  # shown as text in a table, never as HTML
    assert "aturan baru" in tabel["Alasan"][0]


def test_download_a_backup_and_refuse_a_restore_over_office_files(halaman: Path, tmp_path: Path) -> None:
    w = halaman
    _impor(w, "ikm_2025.csv", ib.csv_ikm(ib.firma(8, seed=4)), "ikm")
    at = _masuk(_buka())
    assert any(c.value.startswith("Arsip impor: 1 berkas diterima") for c in at.caption)
    at.button(key="siapkan_cadangan").click().run()
    assert not at.exception, at.exception
    unduh = at.get("download_button")
    assert unduh, "download button missing"
    zip_ = tmp_path / "unduhan.zip"
    isi = at.session_state["cadangan_siap"][1]
    zip_.write_bytes(isi)
    assert cadangan.cek(zip_).masalah == []
    at.file_uploader(key="unggah_cadangan").set_value(("c.zip", isi, "application/zip")).run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Cadangan utuh") for s in at.success)
    assert any("sudah berisi" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "pulihkan_cadangan"]
