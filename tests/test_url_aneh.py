"""Every page opened with odd URL values raises nothing and quotes them only as code.

Each page gets every parameter any page reads set to the same odd value at once: Unicode digits, a 5,000-digit
number, SQL fragments, Markdown image and link, a NUL, HTML, a 100 KB string. A value that cannot be used gives
the page's visible note and the default; a note never carries the value as live Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.views import url_state
from tests.aplikasi import buka
from tests.conftest import Fixture

HALAMAN = ["ringkasan", "peta", "ikm", "ekspor", "kawasan", "kabupaten", "program", "presentasi", "kelola_data"]
PARAMETER = [
    "tahun", "kab", "dek", "slide", "sektor", "rantai", "tahap", "skala", "berdiri", "cari", "mata_uang",
    "periode", "ukuran", "kbli", "halal", "ekspor", "radius", "tab_bauran", "tab_deret", "tab_hs", "tab_indeks",
    "tab_sektor",
]  # fmt: skip
ANEH = {
    "superskrip": "²⁰²⁴",
    "arab": "٢٠٢٤",
    "5000_digit": "9" * 5000,
    "sql": "2024' OR 1=1; DROP TABLE ikm; --",
    "markdown": "![x](http://203.0.113.9/x.png)",
    "tautan_js": "[a](javascript:alert(1))",
    "nul": "2024\x00",
    "html": "<iframe srcdoc='<script>alert(1)</script>'>",
    "100_kb": "6303," * 20_000,
}


def _di_luar_kode(teks: str) -> str:
    return re.sub(r"(`+).*?\1", "", teks, flags=re.S)


@pytest.fixture(autouse=True)
def _gudang(gudang: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(gudang.warehouse))


@pytest.mark.parametrize("halaman", HALAMAN)
def test_every_page_survives_odd_url_values(halaman: str) -> None:
    for nama, nilai in ANEH.items():
        at = buka(halaman, **dict.fromkeys(PARAMETER, nilai))
        assert not at.exception, (halaman, nama, [e.value for e in at.exception][:1])
        for w in at.warning:
            luar = _di_luar_kode(w.value)
            assert "](" not in luar and "<iframe" not in luar, (halaman, nama, w.value[:300])


def test_presentation_mode_survives_odd_slide_numbers(tmp_path: Path) -> None:
    for nilai in ("²", "٣", "9" * 5000, "-1", "1e9", "0x10", "\x00"):
        at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "pages" / "presentasi.py"))
        at.query_params["mode"] = "tayang"
        at.query_params["slide"] = nilai
        at.run(timeout=120)
        assert not at.exception, (nilai, [e.value for e in at.exception][:1])
        assert at.query_params["slide"] == "1"


@pytest.mark.parametrize("nilai", ["²⁰²⁴", "٢٠٢٤", "9" * 5000, "２０２４", "2024 ", "+2024", "2_024"])
def test_year_parser_accepts_ascii_digits_only(nilai: str) -> None:
    tahun, catatan = url_state.parse_tahun(nilai, [2024, 2025], 2025)
    if nilai.strip() == "2024":
        assert (tahun, catatan) == (2024, None)
    else:
        assert tahun == 2025 and catatan is not None and len(catatan) < 400
