"""Every page on a phone (390 x 844, the width of a common Android/iPhone) in a real headless Chromium: nothing
is wider than the screen (the document and Streamlit's own scrolling containers), the sample banner takes one
line, the tab labels stay on screen, the sidebar is closed, and Ringkasan shows its KPI cards two per row.
Screenshots of each page go to ``artifacts/ponsel-<slug>.png``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, ROOT, tutup_konteks

pytestmark = pytest.mark.browser

LEBAR = 390
LUBER = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const wadah = ['stMain', 'stAppViewContainer'].map(t => document.querySelector(`[data-testid="${t}"]`));
  const lebar = Math.max(document.documentElement.scrollWidth, ...wadah.map(w => w ? w.scrollWidth : 0));
  const keluar = [...main.querySelectorAll('*')].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= innerWidth + 1) return false;
    for (let p = e.parentElement; p && p !== main; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return false;
    }
    return true;
  }).map(e => (e.getAttribute('data-testid') || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().right));
  return [lebar, keluar.slice(0, 5)];
}"""
"""The widest scroll width of the page and of Streamlit's scrolling containers, and elements that stick out of
the screen (those inside their own scrolling box, like a wide table, are allowed: they scroll by themselves)."""
HALAMAN = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
"""Every page, by its slug (the file name): a new page is checked without editing this test."""


def _buka(app_url: str, slug: str, browser: Browser) -> tuple[Any, Any]:
    page = browser.new_page(viewport={"width": LEBAR, "height": 844}, is_mobile=True, has_touch=True)
    # Ringkasan is the default page, served at "/" (its file name is no URL: "/ringkasan" opens "page not found").
    page.goto(f"{app_url}/{'' if slug == 'ringkasan' else slug}", wait_until="domcontentloaded")
    page.locator("h1").first.wait_for(timeout=60_000)
    page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2500)
    return browser, page


@pytest.mark.parametrize("slug", HALAMAN)
def test_page_fits_a_phone(chromium: Browser, app_url: str, slug: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser, page = _buka(app_url, slug, chromium)
    try:
        lebar, keluar = page.evaluate(LUBER)
        banner = page.locator(".st-key-banner_contoh p").first.bounding_box()
        tab_kanan = page.evaluate(
            "Math.max(0, ...[...document.querySelectorAll('[data-testid=\"stTab\"]')]"
            ".map(t => t.getBoundingClientRect().right))"
        )
        sidebar = page.locator('[data-testid="stSidebar"]').get_attribute("aria-expanded")
        page.screenshot(path=str(Path(ARTIFACTS) / f"ponsel-{slug}.png"))
    finally:
        tutup_konteks(browser)
    assert lebar <= LEBAR, f"{slug}: scrollWidth {lebar}"
    assert not keluar, f"{slug}: wider than the screen: {keluar}"
    assert banner is not None and banner["height"] < 40, f"{slug}: sample banner on {banner} (more than one line)"
    assert tab_kanan <= LEBAR, f"{slug}: a tab label ends at {tab_kanan} px"
    assert sidebar != "true", f"{slug}: the sidebar is open on a phone"


def _kotak_kartu(page: Any) -> list[dict[str, float]]:
    """The KPI cards' boxes once the layout has settled (two reads 0.5 s apart agree; a loaded machine may still
    be placing the cards at the first read)."""
    sebelum: list[dict[str, float]] = []
    for _ in range(20):
        kotak = [page.locator('[data-testid="stMetric"]').nth(i).bounding_box() for i in range(7)]
        assert all(k is not None for k in kotak)
        sekarang = [dict(k) for k in kotak if k is not None]
        if sekarang == sebelum:
            return sekarang
        sebelum = sekarang
        page.wait_for_timeout(500)
    return sebelum


def test_ringkasan_shows_kpi_cards_two_per_row(chromium: Browser, app_url: str) -> None:
    browser, page = _buka(app_url, "ringkasan", chromium)
    try:
        kotak = _kotak_kartu(page)
    finally:
        tutup_konteks(browser)
    baris: list[list[dict[str, float]]] = []
    for k in sorted(kotak, key=lambda k: k["y"]):  # a row: cards whose tops are within 20 px of its first card
        if baris and abs(baris[-1][0]["y"] - k["y"]) < 20:
            baris[-1].append(k)
        else:
            baris.append([k])
    per_baris = [len(b) for b in baris]
    assert per_baris[:3] == [2, 2, 2], per_baris
    assert max(k["x"] + k["width"] for k in kotak) <= LEBAR
