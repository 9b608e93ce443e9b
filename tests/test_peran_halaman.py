"""Presentasi and Kelola Data under AppTest as anonymous, penyaji, operator and admin.

Anonymous visitors read everything and change nothing: every control they can reach is clicked and the data
folder is hashed before and after. Each role sees only its controls; a removed account and an idle session lose
their session at the next action.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.warehouse import akun, audit, store
from dasbor.warehouse.peran import Pengguna
from tests import impor_berkas as ib
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
SANDI = "sandi-uji-peran-2026"
SISTEM = Pengguna("penguji (baris perintah)", "admin")
ANI = Pengguna("ani", "admin")
BUDI = Pengguna("budi", "penyaji")
CITRA = Pengguna("citra", "operator", "6303")


@pytest.fixture
def w(tmp_path: Path, gudang: Fixture, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own: the fixture warehouse, three accounts, one saved deck and one snapshot."""
    tujuan = tmp_path / "data" / "warehouse.duckdb"
    tujuan.parent.mkdir()
    shutil.copy2(gudang.warehouse, tujuan)
    for siapa in (ANI, BUDI, CITRA):
        akun.tambah(siapa.nama, siapa.peran, SANDI, kab=siapa.kab, oleh=SISTEM, warehouse=tujuan)
    store.tambah_slide(store.DEK_DEFAULT, store.Slide("ringkasan.tren"), tujuan, oleh=BUDI)
    store.kunci_data("Rakornis Mei 2026", tujuan, oleh=BUDI)
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(tujuan))
    monkeypatch.delenv("DASBOR_AKUN", raising=False)
    monkeypatch.setattr(akun, "PENJAGA", akun.Penjaga(jam=lambda: 1000.0))
    return tujuan


def _sidik(folder: Path) -> str:
    """One hash of every file's path and content in the data folder."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _buka(halaman: str, siapa: Pengguna | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{halaman}.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    if siapa is not None:
        at.session_state["pengguna"] = siapa
        at.session_state["_pengguna_aktif"] = time.time()
    return at.run()


def _label(at: AppTest) -> set[str]:
    return {b.label for b in at.button}


def test_anonymous_clicks_change_nothing_on_disk(w: Path) -> None:
    sebelum = _sidik(w.parent)
    at = _buka("presentasi")
    assert not at.exception, at.exception
    assert not {"↑", "↓", "✕", "Simpan nama", "Kunci data", "Hapus"} & _label(at)
    assert not [s for s in at.selectbox if s.label == "Sumber angka presentasi"]
    ajakan = [e.label for e in at.expander]
    assert (
        "Masuk sebagai penyaji untuk menyusun presentasi" in ajakan
        and "Masuk sebagai penyaji untuk mengunci data" in ajakan
    )
    klik = 0
    at.text_input(key="ajakan_susun_nama_pengguna").input("budi")  # a wrong password: refused, nothing written
    at.text_input(key="ajakan_susun_kata_sandi").input("salah-sekali")
    at = at.button(key="FormSubmitter:ajakan_susun_masuk-Masuk").click().run()
    klik += 1
    assert "salah" in at.error[0].value
    for label in ("Mulai presentasi", "Berikutnya", "Berikutnya", "Sebelumnya", "Keluar"):
        at = next(b for b in at.button if b.label == label).click().run()
        klik += 1
        assert not at.exception, at.exception
    at = _buka("kelola_data")
    assert not at.file_uploader and not at.tabs
    assert _sidik(w.parent) == sebelum, "an anonymous click changed the data folder"
    assert klik == 6


def test_a_penyaji_edits_decks_and_freezes_data_but_deletes_no_snapshot(w: Path) -> None:
    at = _buka("presentasi", BUDI)
    assert {"↑", "↓", "✕", "Simpan nama", "Kunci data"} <= _label(at) and "Hapus" not in _label(at)
    n = len(store.ambil_dek(store.DEK_DEFAULT, w).slide)
    at = at.button(key="hapus_0").click().run()
    assert not at.exception, at.exception
    assert len(store.ambil_dek(store.DEK_DEFAULT, w).slide) == n - 1
    terakhir = audit.baca(w).row(0, named=True)
    assert (terakhir["oleh"], terakhir["tindakan"]) == ("budi", "dek.hapus_slide")
    at = _buka("kelola_data", BUDI)
    assert not at.file_uploader and "Akun penyaji tidak mengimpor" in at.info[0].value
    assert "Akun" not in [h.value for h in at.subheader]


def test_an_operator_imports_its_own_kabupaten_only(w: Path) -> None:
    at = _buka("presentasi", CITRA)
    assert not {"↑", "✕", "Kunci data"} & _label(at)
    at = _buka("kelola_data", CITRA)
    assert at.file_uploader and any("hanya baris Banjar" in c.value for c in at.caption)
    campur = ib.csv_ikm(ib.firma(6, seed=5, kab=("6303", "6310")))
    at.file_uploader[0].set_value(("ikm_campur.csv", campur, "text/csv")).run()
    assert not at.exception, at.exception
    pesan = next(e.value for e in at.error if "operator" in e.value)
    assert "hanya untuk Banjar" in pesan and "3 baris milik wilayah lain" in pesan and "Tanah Bumbu" in pesan
    assert not [b for b in at.button if b.key == "konfirmasi"]
    sendiri = ib.csv_ikm(ib.firma(4, seed=6, kab=("6303",)))
    at.file_uploader[0].set_value(("ikm_banjar.csv", sendiri, "text/csv")).run()
    at = at.button(key="konfirmasi").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Berhasil")
    assert audit.baca(w).row(0, named=True)["tindakan"] == "impor"
    assert "Mengembalikan gudang data hanya untuk admin." in [c.value for c in at.caption]


def test_an_admin_sees_accounts_audit_and_deletes_snapshots(w: Path) -> None:
    at = _buka("kelola_data", ANI)
    assert {"Akun", "Jejak audit", "Kembalikan"} <= {h.value for h in at.subheader}
    assert any(getattr(b, "label", "") == "Unduh jejak audit (CSV)" for b in at.get("download_button"))
    at = _buka("presentasi", ANI)
    hapus = [b for b in at.button if b.label == "Hapus"]
    assert len(hapus) == 1
    at = hapus[0].click().run()
    assert not at.exception, at.exception
    assert store.baca_snapshot(w) == []


def test_a_removed_or_demoted_account_loses_its_session_at_the_next_action(w: Path) -> None:
    at = _buka("presentasi", BUDI)
    assert "✕" in _label(at)
    akun.tambah("budi", "operator", SANDI, kab="6303", oleh=SISTEM, warehouse=w)  # demoted
    at = at.run()
    assert "✕" not in _label(at) and "pengguna" not in at.session_state
    assert any("perannya diubah" in x.value for x in at.warning)
    at = _buka("kelola_data", CITRA)
    akun.hapus("citra", oleh=SISTEM, warehouse=w)
    at = at.run()
    assert not at.file_uploader and [i.value for i in at.info] == ["Halaman ini memerlukan login."]


def test_an_idle_session_ends(w: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_SESI_MENIT", "30")
    at = _buka("presentasi", BUDI)
    at.session_state["_pengguna_aktif"] = time.time() - 31 * 60
    at = at.run()
    assert "✕" not in _label(at) and any("tidak ada aktivitas selama 30 menit" in x.value for x in at.warning)


def test_signing_in_through_the_hint_gives_the_role(w: Path) -> None:
    at = _buka("presentasi")
    at.text_input(key="ajakan_kunci_nama_pengguna").input("budi")
    at.text_input(key="ajakan_kunci_kata_sandi").input(SANDI)
    at = at.button(key="FormSubmitter:ajakan_kunci_masuk-Masuk").click().run()
    assert not at.exception, at.exception
    assert "Kunci data" in _label(at) and at.session_state["pengguna"] == BUDI
