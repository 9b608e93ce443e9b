"""Formula-like text is data on the way in and inert on the way out (OWASP CSV injection), one test per export:
the page downloads (CSV, XLSX), the import problem report (CSV, XLSX), the deck (PPTX, HTML)."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from pptx import Presentation

from dasbor.views import impor, unduhan
from dasbor.views.dek import html_out, pptx_out, slides
from dasbor.views.dek.siap import DekSiap
from dasbor.warehouse import store
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.periksa import periksa

NAMA = ["+62 Kopi Banua", "@warung.acil", '=HYPERLINK("http://x.id")', "-Dodol Kandangan", "UD Biasa"]


def test_one_rule_for_a_cell() -> None:
    assert [unduhan.sel_aman(n) for n in NAMA] == [
        "'+62 Kopi Banua",
        "'@warung.acil",
        '\'=HYPERLINK("http://x.id")',
        "'-Dodol Kandangan",
        "UD Biasa",
    ]
    assert unduhan.sel_aman("\tx") == "'\tx"


def test_download_csv_prefixes_every_formula_like_cell() -> None:
    isi = unduhan.ke_csv(pl.DataFrame({"nama_usaha": NAMA}), contoh=False).decode("utf-8-sig")
    nilai = [r[0] for r in csv.reader(io.StringIO(isi))][1:]
    assert nilai == [unduhan.sel_aman(n) for n in NAMA]


def test_download_xlsx_writes_string_cells_never_formulas() -> None:
    buku = openpyxl.load_workbook(io.BytesIO(unduhan.ke_xlsx(pl.DataFrame({"nama_usaha": NAMA}), [], contoh=False)))
    sel = [buku["Data"].cell(row=i + 2, column=1) for i in range(len(NAMA))]
    assert all(c.data_type == "s" for c in sel)
    assert [c.value for c in sel] == [unduhan.sel_aman(n) for n in NAMA]


def _laporan() -> Pemeriksaan:
    baris = "\n".join(f"{i};UD {i};Tapin;{n};1;2025" for i, n in enumerate(NAMA[:4]))
    return periksa("ikm.csv", f"NIB;Nama Usaha;Kab/Kota;TK L;TK P;Tahun\n{baris}\n".encode(), jenis="ikm")


def test_import_report_csv_and_xlsx() -> None:
    hasil = _laporan()
    isi = impor.csv(hasil).decode("utf-8-sig")
    nilai = {r["nilai"] for r in csv.DictReader(io.StringIO(isi))}
    assert nilai == {unduhan.sel_aman(n) for n in NAMA[:4]}
    buku = openpyxl.load_workbook(io.BytesIO(impor.xlsx(hasil)))
    ws = buku["Masalah"]
    kolom = [c.value for c in ws[1]].index("nilai") + 1
    sel = [ws.cell(row=i, column=kolom) for i in range(2, ws.max_row + 1)]
    assert {c.value for c in sel} == set(NAMA[:4]) and all(c.data_type == "s" for c in sel)


@pytest.fixture
def dek(salinan_gudang: Path) -> DekSiap:
    siap = slides.siapkan(store.ambil_dek(store.DEK_DEFAULT, salinan_gudang), salinan_gudang)
    return dataclasses.replace(siap, nama='=HYPERLINK("http://x.id") <b>+62</b>', slide=siap.slide[:1])


def test_pptx_writes_formula_like_text_as_text(dek: DekSiap, tmp_path: Path) -> None:
    out = pptx_out.tulis(dek, tmp_path / "dek.pptx")
    teks = [s.text_frame.text for s in Presentation(str(out)).slides[0].shapes if s.has_text_frame]
    assert dek.nama in teks, "the title is a plain text run, verbatim"


def test_html_escapes_it(dek: DekSiap, tmp_path: Path) -> None:
    teks = html_out.tulis(dek, tmp_path / "dek.html").read_text(encoding="utf-8")
    assert "=HYPERLINK(&quot;http://x.id&quot;) &lt;b&gt;+62&lt;/b&gt;" in teks
    assert "<b>+62</b>" not in teks
