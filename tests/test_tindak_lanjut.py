"""Tindak lanjut: roles in every write, one commitment followed across two meetings, the evaluation against the
dashboard's own KPI, the XLSX template both ways, the page and the deck view."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from dasbor.views import tindak_lanjut as tl
from dasbor.views.dek import slides, tampilan
from dasbor.warehouse import akun, peristiwa, store
from dasbor.warehouse import tindak_lanjut as simpanan
from dasbor.warehouse.db import Gudang
from dasbor.warehouse.peran import Pengguna, TidakBoleh
from dasbor.warehouse.tindak_lanjut import Komitmen, Rapat
from tests.aplikasi import ROOT, kueri
from tests.conftest import Fixture

PENYAJI = Pengguna("sari", "penyaji")
OPERATOR_TANBU = Pengguna("budi", "operator", "6310")


def _masuk_sebagai(at: AppTest, siapa: Pengguna, w: Path) -> AppTest:
    """Sign ``siapa`` in for an AppTest: the account must exist in the data folder (sessions are re-checked
    against it at every action), then the session holds it."""
    admin = Pengguna("admin", "admin")
    akun.tambah(siapa.nama, siapa.peran, "sandi-uji-panjang", kab=siapa.kab, oleh=admin, warehouse=w)
    at.session_state["pengguna"] = siapa
    at.session_state["_pengguna_aktif"] = time.time()
    return at


OPERATOR_BANJAR = Pengguna("ani", "operator", "6303")
NAMA = {"6310": "Tanah Bumbu", "6303": "Banjar"}


def _dua_rapat(w: Path) -> tuple[Rapat, Rapat, Komitmen]:
    """Rakornis 2025 agrees a Tanah Bumbu commitment on a dashboard metric; Rakornis 2026 follows."""
    r1 = simpanan.simpan_rapat(PENYAJI, Rapat("", "Rakornis 2025", dt.date(2025, 3, 12)), w)
    r2 = simpanan.simpan_rapat(PENYAJI, Rapat("", "Rakornis 2026", dt.date(2026, 3, 11)), w)
    k = simpanan.simpan_komitmen(
        PENYAJI,
        Komitmen(
            "",
            r1.id,
            "6310",
            "Pendampingan IKM pangan",
            "jumlah_ikm",
            6000,
            2025,
            penanggung_jawab="Disperin Tanah Bumbu",
            tenggat=dt.date(2025, 12, 31),
        ),
        w,
    )
    return r1, r2, k


def test_roles_are_checked_in_the_writing_functions(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    r1, _, k = _dua_rapat(w)
    with pytest.raises(TidakBoleh):
        simpanan.simpan_rapat(OPERATOR_TANBU, Rapat("", "Rapat lain", dt.date(2025, 1, 1)), w)
    with pytest.raises(TidakBoleh):
        simpanan.simpan_komitmen(None, Komitmen("", r1.id, "6310", "x", "y"), w)
    with pytest.raises(TidakBoleh, match="ani"):
        simpanan.perbarui(OPERATOR_BANJAR, k.id, "berjalan", "bukan kabupaten saya", warehouse=w)
    baru = simpanan.perbarui(OPERATOR_TANBU, k.id, "berjalan", "12 IKM didampingi", warehouse=w)
    assert baru.catatan_terakhir is not None and baru.catatan_terakhir.oleh == "budi"
    provinsi = simpanan.simpan_komitmen(PENYAJI, Komitmen("", r1.id, "", "Halal", "teks bebas"), w)
    with pytest.raises(TidakBoleh):  # an operator does not update the province's own commitments
        simpanan.perbarui(OPERATOR_TANBU, provinsi.id, "selesai", "x", warehouse=w)


def test_one_commitment_followed_across_two_meetings(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    r1, r2, k = _dua_rapat(w)
    simpanan.perbarui(
        OPERATOR_TANBU, k.id, "berjalan", "Pendataan 40 IKM baru", tanggal=dt.date(2025, 6, 30), warehouse=w
    )
    lanjut = simpanan.bawa_ke(PENYAJI, k.id, r2.id, warehouse=w)
    simpanan.perbarui(OPERATOR_TANBU, lanjut.id, "selesai", "Target tercapai", tanggal=dt.date(2026, 5, 2), warehouse=w)
    reg = simpanan.baca(w)
    assert [x.rapat_id for x in reg.riwayat(lanjut.id)] == [r1.id, r2.id]
    lama = next(x for x in reg.komitmen if x.id == k.id)
    assert [p.catatan for p in lama.pembaruan] == ["Pendataan 40 IKM baru", "Dibawa ke Rakornis 2026."]
    with pytest.raises(simpanan.TindakLanjutSalah, match="sudah dibawa"):
        simpanan.bawa_ke(PENYAJI, k.id, r2.id, warehouse=w)

    def ukur(kolom: str, kab: str, tahun: int) -> tuple[float | None, int | None]:
        assert (kolom, kab, tahun) == ("jumlah_ikm", "6310", 2025)
        return 5400.0, 2025

    ev1 = tl.evaluasi(reg, r1.id, NAMA, ukur, hari_ini=dt.date(2026, 3, 11))
    row = ev1.row(0, named=True)
    assert row["Kabupaten/kota"] == "Tanah Bumbu" and row["Target"] == "6.000 unit (2025)"
    assert row["Capaian kini"] == "5.400 unit" and row["% target"] == "90,0 %"
    assert row["Status"] == "Berjalan (lewat tenggat)" and row["Riwayat"] == "dibawa ke Rakornis 2026"
    ev2 = tl.evaluasi(reg, r2.id, NAMA, ukur).row(0, named=True)
    assert ev2["Status"] == "Selesai" and ev2["Riwayat"] == "sejak Rakornis 2025"
    assert "Target tercapai" in ev2["Catatan terakhir"]


def test_xlsx_template_round_trip_and_a_bad_row_named(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    _, _, k = _dua_rapat(w)
    isi = tl.ke_xlsx(simpanan.baca(w), NAMA)
    buku = load_workbook(io.BytesIO(isi))
    lembar = buku["Komitmen"]
    judul = [c.value for c in lembar[1]]
    assert judul == [label for _, label in simpanan.KOLOM_XLSX]
    lembar.cell(2, judul.index("Status") + 1, "selesai")
    lembar.cell(2, judul.index("Catatan pembaruan") + 1, "Selesai menurut laporan")
    lembar.append(["", "Rakornis 2027", "2027-03-10", "6303", "", "Sasirangan", "nilai_produksi_rp", 5e11, 2026])
    buf = io.BytesIO()
    buku.save(buf)
    assert simpanan.impor_xlsx(PENYAJI, buf.getvalue(), "isi.xlsx", w) == (1, 1)
    reg = simpanan.baca(w)
    assert [r.label for r in reg.rapat] == ["Rakornis 2025", "Rakornis 2026", "Rakornis 2027"]
    diubah = next(x for x in reg.komitmen if x.id == k.id)
    assert diubah.status == "selesai" and diubah.catatan_terakhir is not None
    lembar.append(["", "Rakornis 2027", "", "6303", "", "Rotan", "x", "banyak", 2026])
    buf = io.BytesIO()
    buku.save(buf)
    sebelum = simpanan.path(w).read_bytes()
    with pytest.raises(
        simpanan.TindakLanjutSalah, match=re.escape("isi.xlsx, lembar Komitmen, baris 4, kolom 'Target'")
    ):
        simpanan.impor_xlsx(PENYAJI, buf.getvalue(), "isi.xlsx", w)
    assert simpanan.path(w).read_bytes() == sebelum  # one bad row saves nothing
    with pytest.raises(simpanan.TindakLanjutSalah, match="bukan berkas XLSX"):
        simpanan.impor_xlsx(PENYAJI, b"bukan xlsx", "rusak.xlsx", w)


def test_evaluation_uses_the_dashboards_own_kpi(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = tmp_path / "warehouse.duckdb"
    w.write_bytes(gudang.warehouse.read_bytes())
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(w))
    _dua_rapat(w)
    isi = tampilan.render(Gudang(w), "tindak_lanjut.evaluasi", {})
    assert isi.judul == "Evaluasi Rakornis 2025" and isi.fig is not None
    diharapkan = kueri(gudang, "kpi_ringkasan", tahun=2025, kab=["6310"]).filter(pl.col("tahun") == 2025)
    teks = " ".join(str(v) for kolom in isi.fig.data[0].cells.values for v in kolom)
    assert tl.METRIK["jumlah_ikm"].fmt(diharapkan["jumlah_ikm"][0]) in teks


def test_page_shows_the_evaluation_and_offers_forms_by_role(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = tmp_path / "warehouse.duckdb"
    w.write_bytes(gudang.warehouse.read_bytes())
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(w))
    _, _, k = _dua_rapat(w)
    simpanan.perbarui(PENYAJI, k.id, "berjalan", "<b>tebal</b> **bukan markdown**", warehouse=w)
    at = AppTest.from_file(str(ROOT / "pages" / "tindak_lanjut.py"), default_timeout=90).run()
    assert not at.exception
    assert at.title[0].value == "Tindak Lanjut"
    assert any("Rakornis 2025: 1 komitmen" in t.value for t in at.text)
    assert any("Masuk lewat halaman Kelola Data" in i.value for i in at.info)
    assert not any(f.label == "Simpan rapat" for f in at.button)
    at = AppTest.from_file(str(ROOT / "pages" / "tindak_lanjut.py"), default_timeout=90)
    _masuk_sebagai(at, OPERATOR_TANBU, w).run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Simpan pembaruan" in labels and "Simpan rapat" not in labels


def test_typed_text_stays_text_in_the_deck_table() -> None:
    df = pl.DataFrame({"Program": ['<a href="javascript:alert(1)">klik</a>'], "Status": ["Belum"]})
    fig = tl.figur_tabel(df, ("Program", "Status"))
    assert fig.data[0].cells.values[0][0] == "&lt;a href=&quot;javascript:alert(1)&quot;&gt;klik&lt;/a&gt;"


def test_penyaji_records_a_meeting_and_an_update_through_the_page(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = tmp_path / "warehouse.duckdb"
    w.write_bytes(gudang.warehouse.read_bytes())
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(w))
    _, _, k = _dua_rapat(w)
    snap = store.kunci_data("Rakornis **2027**", w, oleh=PENYAJI)
    at = AppTest.from_file(str(ROOT / "pages" / "tindak_lanjut.py"), default_timeout=90)
    _masuk_sebagai(at, PENYAJI, w).run()
    nama = next(t for t in at.text_input if t.label == "Nama rapat")
    nama.input("Rakornis 2027")
    next(s for s in at.selectbox if s.label.startswith("Snapshot angka rapat")).set_value(snap.slug)
    next(b for b in at.button if b.label == "Simpan rapat").click().run()
    assert not at.exception
    baru = simpanan.baca(w).rapat[-1]
    assert (baru.label, baru.snapshot) == ("Rakornis 2027", snap.slug)
    assert any("Rapat 'Rakornis 2027' dicatat" in s.value for s in at.success)
    at.selectbox(key="tl_rapat").set_value(baru.id).run()
    assert any(r"snapshot Rakornis \*\*2027\*\*" in c.value for c in at.caption), "label shown as typed"
    catatan = next(t for t in at.text_area if t.label == "Catatan")
    catatan.input("Rapat koordinasi dengan 12 IKM")
    next(b for b in at.button if b.label == "Simpan pembaruan").click().run()
    assert not at.exception
    akhir = next(x for x in simpanan.baca(w).komitmen if x.id == k.id).catatan_terakhir
    assert akhir is not None and akhir.catatan == "Rapat koordinasi dengan 12 IKM" and akhir.oleh == "sari"


def test_deck_for_another_warehouse_reads_its_own_register_and_events(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m dasbor.deck --warehouse W`` (and a deck bound to a snapshot of W) shows W's meetings and events,
    even while ``DASBOR_WAREHOUSE`` names another office folder with registers of its own."""
    lain, w = tmp_path / "lain" / "warehouse.duckdb", tmp_path / "kantor" / "warehouse.duckdb"
    for path in (lain, w):
        path.parent.mkdir()
        path.write_bytes(gudang.warehouse.read_bytes())
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(lain))
    simpanan.simpan_rapat(PENYAJI, Rapat("", "Rapat gudang lain", dt.date(2024, 1, 5)), lain)
    _dua_rapat(w)
    peristiwa.simpan(PENYAJI, peristiwa.Peristiwa("", dt.date(2023, 6, 1), "Acara kantor W"), w)
    dek = store.Dek("Uji", [store.Slide("tindak_lanjut.evaluasi", {}), store.Slide("ringkasan.tren", {})])
    store.simpan_dek([dek], w, oleh=PENYAJI)

    for terikat in (False, True):
        if terikat:
            snap = store.kunci_data("Rakornis 2026", w, oleh=PENYAJI, dek="Uji")
            store.ikat_snapshot("Uji", snap.slug, w, oleh=PENYAJI)
        dek_w = store.ambil_dek("Uji", w)
        assert bool(dek_w.snapshot) is terikat
        evaluasi, tren = slides.siapkan(dek_w, w).slide
        assert evaluasi.isi.judul == "Evaluasi Rakornis 2025"
        assert "Acara kantor W" in " ".join(tren.isi.catatan)
