"""Kawasan Industri, Profil Kabupaten and Program in a real headless Chromium at projector size: they render
their charts, show the sample banner, and make no request off the machine. Screenshots go to artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("halaman", "teks"),
    [
        ("kawasan?radius=10", "Kawasan Industri Batulicin"),
        ("kabupaten?kab=6310", "Tanah Bumbu · 2025"),
        ("program?kab=6303", "Sertifikasi halal IKM, Banjar"),
    ],
)
def test_page_renders_charts_offline(chromium: Browser, app_url: str, halaman: str, teks: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    nama = halaman.split("?")[0]
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url}/{halaman}", wait_until="domcontentloaded")
        page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=60_000)
        page.get_by_text(teks).first.wait_for(timeout=60_000)
        page.locator(".js-plotly-plot").nth(1).wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"{nama}-720.png"))
        page.set_viewport_size({"width": 1280, "height": 3400})
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"{nama}-tinggi.png"))
        grafik = page.locator(".js-plotly-plot").count()
        sumber = page.get_by_text("data per 31 Desember 2025").count()
    finally:
        tutup_konteks(browser)
    assert grafik >= 2
    assert sumber >= grafik - 1
    assert not off_machine(requests)
