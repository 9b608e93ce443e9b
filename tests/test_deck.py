"""The presenter kit: decks read back from PPTX, PDF and HTML, snapshots that freeze numbers, the CLI."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from dasbor import deck as cli
from dasbor.views import kpi
from dasbor.views.dek import banding, siap, slides, tampilan
from dasbor.warehouse import build, sample, store
from dasbor.warehouse.db import Gudang
from dasbor.warehouse.peran import Pengguna
from tests.conftest import Fixture

PENYAJI = Pengguna("budi", "penyaji")


def _dek(path: Path) -> siap.DekSiap:
    return slides.siapkan(store.ambil_dek(store.DEK_DEFAULT, path), path)


def test_default_deck_tells_the_rakornis_story(gudang: Fixture) -> None:
    dek = store.ambil_dek(store.DEK_DEFAULT, gudang.warehouse)
    assert [s.tampilan for s in dek.slide] == list(store.DEK_RAKORNIS)
    assert all(t in tampilan.REGISTRI for t in store.DEK_RAKORNIS)


def test_pptx_has_a_title_slide_and_a_chart_or_picture_on_every_view(salinan_gudang: Path, tmp_path: Path) -> None:
    out = tmp_path / "dek.pptx"
    assert cli.main(["--out", str(out), "--warehouse", str(salinan_gudang)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == 1 + len(store.DEK_RAKORNIS)
    for nomor, slide in enumerate(list(prs.slides)[1:], start=1):
        teks = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        ada_grafik = any(s.has_chart or s.shape_type == 13 for s in slide.shapes)  # 13 = picture
        assert ada_grafik or "Jumlah IKM" in teks, nomor
        assert "Data contoh" in teks and "data per" in teks and f"{nomor}/{len(store.DEK_RAKORNIS)}" in teks
    native = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert native, "bar views should be native, editable PowerPoint charts"


def test_pdf_has_one_page_per_slide(salinan_gudang: Path, tmp_path: Path) -> None:
    out = tmp_path / "dek.pdf"
    assert cli.main(["--out", str(out), "--warehouse", str(salinan_gudang)]) == 0
    pages = len(re.findall(rb"/Type\s*/Page\b", out.read_bytes()))
    assert pages == 1 + len(store.DEK_RAKORNIS)


def test_pdf_text_is_selectable_and_searchable(salinan_gudang: Path, tmp_path: Path) -> None:
    """The PDF is printed from vectors: ``pdftotext`` reads each slide's title, footer and counter back."""
    out = tmp_path / "dek.pdf"
    assert cli.main(["--out", str(out), "--warehouse", str(salinan_gudang)]) == 0
    total = len(store.DEK_RAKORNIS)
    halaman = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout.split("\f")
    assert "Rakornis" in halaman[0] and "Data contoh, bukan data resmi" in halaman[0]
    siap = _dek(salinan_gudang)
    for nomor, slide in enumerate(siap.slide, start=1):
        teks = " ".join(halaman[nomor].split())
        assert slide.isi.judul in teks, nomor
        assert "data per" in teks and f"{nomor}/{total}" in teks, nomor
    assert "Indeks Hilirisasi" in halaman[2]  # a KPI card label is text, not a picture
    assert "Batu bara" in "".join(halaman[4:6])  # an axis label inside a chart is text too
    peta_halaman = " ".join(halaman[1 + store.DEK_RAKORNIS.index("peta.choropleth")].split())
    for nama in ("Tanah Laut", "Banjarmasin", "Banjarbaru", "HSU", "Kotabaru", "KI Jorong", "KI Batulicin"):
        assert nama in peta_halaman, nama  # the map is drawn (not a blank WebGL canvas), its labels text


def test_html_is_self_contained(salinan_gudang: Path, tmp_path: Path) -> None:
    out = tmp_path / "dek.html"
    assert cli.main(["--out", str(out), "--warehouse", str(salinan_gudang)]) == 0
    teks = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", teks)
    assert "<link" not in teks
    assert "Plotly.newPlot" in teks and "DATA CONTOH" in teks
    assert teks.count("<section") == 1 + len(store.DEK_RAKORNIS)


def test_unknown_deck_or_snapshot_exits_non_zero_with_a_message(
    salinan_gudang: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--out", str(tmp_path / "x.pptx"), "--deck", "Tidak Ada", "--warehouse", str(salinan_gudang)]) == 1
    assert "Presentasi 'Tidak Ada' tidak ada" in capsys.readouterr().err
    assert cli.main(["--ikat", "Rakornis", "--snapshot", "nope", "--warehouse", str(salinan_gudang)]) == 1
    assert "Snapshot 'nope' tidak ada" in capsys.readouterr().err
    assert cli.main(["--out", str(tmp_path / "x.docx"), "--warehouse", str(salinan_gudang)]) == 2


def test_a_stale_view_keeps_the_other_slides(salinan_gudang: Path) -> None:
    store.ubah_dek(
        store.Dek("Campur", [store.Slide("halaman_lama.grafik"), store.Slide("ringkasan.kpi", {"tahun": "abc"})]),
        salinan_gudang,
        oleh=PENYAJI,
    )
    siap = slides.siapkan(store.ambil_dek("Campur", salinan_gudang), salinan_gudang)
    assert siap.slide[0].isi.judul == "Tampilan tidak tersedia"
    assert "halaman_lama.grafik" in siap.slide[0].isi.ringkas
    assert siap.slide[1].isi.kartu and any("tahun='abc'" in c for c in siap.slide[1].isi.catatan)


def test_decks_are_stored_beside_the_warehouse_and_can_be_reordered(salinan_gudang: Path) -> None:
    store.tambah_slide("Rapat Mei", store.Slide("ringkasan.tren", {"kab": "6310"}), salinan_gudang, oleh=PENYAJI)
    store.tambah_slide("Rapat Mei", store.Slide("ringkasan.kpi"), salinan_gudang, oleh=PENYAJI)
    dek = store.pindah_slide(store.ambil_dek("Rapat Mei", salinan_gudang), 1, -1)
    store.ubah_dek(dek, salinan_gudang, oleh=PENYAJI)
    assert (salinan_gudang.parent / "presentasi" / "dek.json").exists()
    dek = store.ambil_dek("Rapat Mei", salinan_gudang)
    assert [s.tampilan for s in dek.slide] == ["ringkasan.kpi", "ringkasan.tren"]
    dek.nama = "Rapat Juni"
    store.ubah_dek(dek, salinan_gudang, nama_lama="Rapat Mei", oleh=PENYAJI)
    assert "Rapat Juni" in [d.nama for d in store.baca_dek(salinan_gudang)]
    with pytest.raises(store.DeckError):
        store.ambil_dek("Rapat Mei", salinan_gudang)


def test_snapshot_freezes_the_numbers_after_the_warehouse_changes(salinan_gudang: Path, tmp_path: Path) -> None:
    snap = store.kunci_data("Rakornis Mei 2026", salinan_gudang, oleh=PENYAJI)
    dek = store.ambil_dek(store.DEK_DEFAULT, salinan_gudang)
    dek.snapshot = snap.slug
    store.ubah_dek(dek, salinan_gudang, oleh=PENYAJI)
    before = _dek(salinan_gudang).slide[0].isi.kartu

    # The warehouse changes: a rebuild from other inputs (another seed) replaces it.
    sample.generate(tmp_path / "lain", seed=99, scale=0.05)
    build.build_warehouse(salinan_gudang, tmp_path / "lain")

    frozen = _dek(salinan_gudang)
    assert frozen.slide[0].isi.kartu == before
    assert snap.sha256[:12] in frozen.tanda_snapshot
    live = slides.siapkan(store.Dek("x", [store.Slide("ringkasan.kpi")]), salinan_gudang)
    assert live.slide[0].isi.kartu != before

    with Gudang(store.path_snapshot(snap, salinan_gudang)) as lama, Gudang(salinan_gudang) as baru:
        tahun = banding.tahun_bersama(lama, baru)
        beda = banding.bandingkan(lama, baru, tahun)
    assert beda.height > 0 and set(beda["indikator"].unique()) >= {"Jumlah IKM"}


def test_comparison_with_identical_data_is_empty(gudang: Fixture) -> None:
    with Gudang(gudang.warehouse) as a, Gudang(gudang.warehouse) as b:
        assert banding.bandingkan(a, b, banding.tahun_bersama(a, b)).is_empty()


def test_kpi_slide_takeaway_is_computed_from_the_data(gudang: Fixture) -> None:
    with Gudang(gudang.warehouse) as g:
        isi = tampilan.render(g, "ringkasan.kpi", {"tahun": "2025"})
        kartu = {k.kolom: k for k in kpi.kartu_kpi(g.query("kpi_ringkasan", tahun=2025, kab=[]), 2025)}
    assert kartu["indeks_hilirisasi"].nilai in isi.ringkas
    assert re.match(r"Indeks Hilirisasi (naik|turun) \d+,\d poin menjadi", isi.ringkas)
