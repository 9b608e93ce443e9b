"""The IKM and Ekspor & Hilirisasi pages in a real headless Chromium: they render, show their headline metric
and sample banner, draw their charts, and make no request off the machine. Screenshots (1280x720 as on a
projector, and a tall one for the whole page) go to artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser


def _buka(page: Any, url: str, n_grafik: int) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").nth(n_grafik - 1).wait_for(timeout=60_000, state="attached")
    page.wait_for_timeout(1500)


@pytest.mark.parametrize(
    ("halaman", "query", "label", "n_grafik"),
    [
        ("ikm", "?kab=6303", "Jumlah IKM", 3),  # sektor (open tab), kabupaten, trend
        ("ekspor", "?mata_uang=rp", "Indeks Hilirisasi", 7),  # the open tab of each tab group only
    ],
)
def test_page_renders_offline_with_screenshots(
    chromium: Browser,
    app_url: str,
    halaman: str,
    query: str,
    label: str,
    n_grafik: int,
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: requests.append(r.url))
        _buka(page, f"{app_url}/{halaman}{query}", n_grafik)
        labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
        page.screenshot(path=str(ARTIFACTS / f"{halaman}-1280x720.png"))
        page.set_viewport_size({"width": 1280, "height": 4000})
        page.wait_for_timeout(1500)
        grafik = page.locator(".js-plotly-plot").count()
        page.screenshot(path=str(ARTIFACTS / f"{halaman}-1280x4000.png"))
        body = page.locator("body").inner_text()
    finally:
        tutup_konteks(browser)
    assert label in [t.strip() for t in labels]
    assert grafik >= n_grafik
    assert "Traceback" not in body and "Error" not in body
    assert body.count("Sumber:") >= 2
    outside = off_machine(requests)
    assert not outside, f"requests left the machine: {sorted(outside)}"
    assert Path(ARTIFACTS / f"{halaman}-1280x720.png").stat().st_size > 10_000


def test_ekspor_tab_is_drawn_when_opened_and_kept_in_the_link(chromium: Browser, app_url: str) -> None:
    """Only the open tab's chart is built and sent; opening another draws it and puts it in the URL, so the
    link in "Salin tautan" opens the same tab."""
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        _buka(page, f"{app_url}/ekspor", 7)
        sankey_awal = page.locator(".js-plotly-plot .sankey").count()
        teks_awal = page.locator(".js-plotly-plot .sankey").first.text_content()
        page.get_by_role("tab", name="Sawit").click()
        page.wait_for_url("**tab_sankey=Sawit**", timeout=60_000)
        page.locator(".js-plotly-plot .sankey").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        terbuka = page.get_by_role("tab", name="Sawit").get_attribute("aria-selected")
        teks = page.locator(".js-plotly-plot .sankey").first.text_content()
        page.goto(f"{app_url}/ekspor?tab_sankey=Karet", wait_until="domcontentloaded")
        page.locator(".js-plotly-plot .sankey").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        dari_tautan = page.get_by_role("tab", name="Karet").get_attribute("aria-selected")
    finally:
        tutup_konteks(browser)
    assert sankey_awal == 1, "one Sankey (the open chain's), not one per chain"
    assert terbuka == "true" and dari_tautan == "true"
    assert teks and teks != teks_awal, "the Sankey drawn is the opened chain's"
