"""The running app in a real headless Chromium: what only a browser shows.

The server fixture, the Chromium flags and the offline check live in ``tests/browser.py``. Outside CI the
tests skip with a reason when Debian's Chromium is missing; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from dasbor.warehouse import store
from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser
N = len(store.DEK_RAKORNIS)


def test_ringkasan_shows_kpi_cards_and_sample_banner_offline(chromium: Browser, app_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 1600})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url}/?tahun=2024", wait_until="domcontentloaded")
        page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=45_000)
        page.locator('[data-testid="stMetric"]').nth(6).wait_for(timeout=45_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=45_000)
        page.wait_for_timeout(1500)
        labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
        values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
        page.screenshot(path=str(ARTIFACTS / "ringkasan.png"))
    finally:
        tutup_konteks(browser)
    assert any("Jumlah IKM" in label for label in labels)
    assert any("Indeks Hilirisasi" in label for label in labels)
    assert any(v.endswith(" unit") for v in values)
    assert any(v.startswith("US$ ") for v in values)
    outside = off_machine(requests)
    assert not outside, f"requests left the machine: {sorted(outside)}"


def test_presentation_mode_at_1280x720_moves_with_buttons_and_arrow_keys(chromium: Browser, app_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url}/presentasi?mode=tayang&dek=Rakornis&slide=1", wait_until="domcontentloaded")
        page.get_by_text("Ringkasan Kalimantan Selatan").first.wait_for(timeout=45_000)
        page.wait_for_timeout(1000)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        page.screenshot(path=str(ARTIFACTS / "presentasi-1.png"))
        page.keyboard.press("ArrowRight")
        page.get_by_text("Peta Indeks Hilirisasi tanpa batu bara").first.wait_for(timeout=30_000)
        page.get_by_text(f"slide 2 dari {N}").first.wait_for(timeout=30_000)
        page.get_by_role("button", name="Berikutnya").click()
        page.get_by_text(f"slide 3 dari {N}").first.wait_for(timeout=30_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / "presentasi-3.png"))
        page.get_by_role("button", name="Sebelumnya").click()
        page.get_by_text(f"slide 2 dari {N}").first.wait_for(timeout=30_000)
        assert "slide=2" in page.url
    finally:
        tutup_konteks(browser)
    outside = off_machine(requests)
    assert not outside, f"requests left the machine: {sorted(outside)}"
