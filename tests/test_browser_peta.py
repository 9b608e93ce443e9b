"""The Peta page in a real headless Chromium with the boundary file a fresh clone ships (BPS 2020 via OCHA/HDX):
polygons render, nothing is requested off the machine, and clicking a kabupaten highlights it beside the map."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser


def test_map_renders_offline_and_a_click_highlights_the_kabupaten(chromium: Browser, app_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url}/peta?metrik=indeks_tanpa_batubara&tahun=2025", wait_until="domcontentloaded")
        page.get_by_text("BPS 2020 via OCHA/HDX").first.wait_for(timeout=60_000)
        kanvas = page.locator(".js-plotly-plot canvas").first
        kanvas.wait_for(timeout=60_000)
        page.wait_for_timeout(3000)
        page.screenshot(path=str(ARTIFACTS / "peta.png"))
        kotak = kanvas.bounding_box()
        assert kotak is not None and kotak["width"] > 300
        # Kabupaten Banjar lies a little left of and below the centre of the default view.
        page.mouse.click(kotak["x"] + kotak["width"] * 0.42, kotak["y"] + kotak["height"] * 0.55)
        page.get_by_text("Buka Profil Kabupaten").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / "peta-klik.png"))
        tombol = page.get_by_role("button", name="Saring semua halaman ke")
        nama = tombol.inner_text().split(" ke ", 1)[1].strip()
        tombol.click()
        page.wait_for_url("**kab=63**", timeout=30_000)
        page.wait_for_timeout(1500)
        filter_sisi = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Ringkasan").click()
        page.get_by_text(f"{nama} · 2025").first.wait_for(timeout=60_000)
    finally:
        tutup_konteks(browser)
    assert nama in filter_sisi and "Seluruh provinsi" not in filter_sisi, "the click became the sidebar filter"
    assert not off_machine(requests), sorted(off_machine(requests))
