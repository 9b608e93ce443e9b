"""Kelola Data in a real headless Chromium: log in, upload a real XLSX through the page, confirm, and see the
other pages show the imported data (the read-only connection and caches were refreshed).

Runs its own server against a private copy of the fixture warehouse (an import changes it) with a test
account; screenshots go to ``artifacts/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser

from dasbor.warehouse import akun
from tests import impor_berkas as ib
from tests.browser import ARTIFACTS, hentikan, mulai_server, perlu_chromium, tutup_konteks
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
SANDI = "sandi-uji-browser-2026"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server_impor(gudang: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    perlu_chromium()
    folder = tmp_path_factory.mktemp("impor_browser")
    w = folder / "warehouse.duckdb"
    shutil.copy2(gudang.warehouse, w)
    env = {
        **os.environ,
        "DASBOR_WAREHOUSE": str(w),
        "DASBOR_AKUN": f"analis:{akun.buat_hash(SANDI)}",
        "DASBOR_GEO_DIR": str(folder / "geo"),
    }
    proc, url = mulai_server(env)
    try:
        yield url, w
    finally:
        hentikan(proc)


def _klik_tab(page: Any, tab: str, tanda: str) -> None:
    """Open a tab once the app is idle; a click that lands during a rerun is lost, so retry a few times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(4):
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=30_000)
        page.get_by_role("tab", name=tab).click()
        try:
            page.get_by_text(tanda).first.wait_for(timeout=7_500)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"tab '{tab}' did not open")


def test_login_upload_xlsx_confirm_and_other_pages_see_it(
    chromium: Browser, server_impor: tuple[str, Path], tmp_path: Path
) -> None:
    url, _w = server_impor
    ARTIFACTS.mkdir(exist_ok=True)
    berkas = tmp_path / "ikm_kabupaten_2025.xlsx"
    firms = {"Tapin": ib.firma(8, seed=51, kab=("6305",)), "HSU": ib.firma(6, seed=52, kab=("6308",))}
    berkas.write_bytes(ib.xlsx_ikm_berantakan(firms))
    buruk = tmp_path / "daftar_kabupaten.csv"
    buruk.write_bytes(
        b"NIB;Nama Usaha;Kab/Kota;TK L;TK P;Jumlah TK;Investasi (Rp);Tahun Data\n"
        b"1;UD Bingka;Tapin;2;3;5;Rp 1.250.000;2025\n"
        b"2;UD Purun;Kutai;1;1;2;1,2 M;2025\n"
        b"3;UD Rotan;HSU;1;6;4;Rp 900.000;2025\n"
    )
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_role("link", name="Kelola Data").click()
        page.get_by_text("Halaman ini memerlukan login.").wait_for(timeout=45_000)
        page.screenshot(path=str(ARTIFACTS / "kelola_data_login.png"))
        page.get_by_label("Nama pengguna").fill("analis")
        page.get_by_label("Kata sandi").fill(SANDI)
        page.get_by_role("button", name="Masuk").click()
        page.get_by_role("tab", name="Impor berkas").wait_for(timeout=45_000)
        page.get_by_test_id("stTabs").locator('input[type="file"]').set_input_files(str(berkas))
        page.get_by_text("siap diimpor sebagai Registri IKM").wait_for(timeout=60_000)
        page.get_by_text("Pratinjau: baris seperti dibaca").wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(ARTIFACTS / "kelola_data_pratinjau.png"))
        page.set_viewport_size({"width": 1280, "height": 720})
        page.screenshot(path=str(ARTIFACTS / "kelola_data_pratinjau_720.png"))
        page.set_viewport_size({"width": 1280, "height": 2000})
        page.get_by_role("button", name="Impor 14 baris ke gudang data").click()
        page.get_by_text("Berhasil: Registri IKM: 14 baris").wait_for(timeout=60_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "kelola_data_diimpor.png"))
        _klik_tab(page, "Log impor dan Kembalikan", "Saya yakin: batalkan impor terakhir")
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "kelola_data_log.png"))
        _klik_tab(page, "Impor berkas", "Berkas kantor")
        page.get_by_test_id("stTabs").locator('input[type="file"]').set_input_files(str(buruk))
        page.get_by_text("ditolak: 3 masalah di 2 dari 3 baris").wait_for(timeout=60_000)
        page.get_by_text("Unduh laporan (XLSX)").wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(ARTIFACTS / "kelola_data_ditolak.png"))
        page.goto(f"{url}/?tahun=2025", wait_until="domcontentloaded")
        page.locator('[data-testid="stMetric"]').first.wait_for(timeout=45_000)
        page.wait_for_timeout(1000)
        banner = page.locator('[data-testid="stAlert"]').filter(has_text="Data contoh").first.inner_text()
        nilai = page.locator('[data-testid="stMetricValue"]').first.inner_text()
        page.screenshot(path=str(ARTIFACTS / "ringkasan_setelah_impor.png"))
    finally:
        tutup_konteks(browser)
    tabel = banner.split("(tabel: ")[1]
    assert "ikm" not in tabel.rstrip(").").split(", ")
    assert nilai == "14 unit"
    outside = {urlparse(u).hostname or "" for u in requests} - {"127.0.0.1", "localhost", ""}
    assert not outside, f"requests left the machine: {sorted(outside)}"
