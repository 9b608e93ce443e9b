"""A page opened by its own URL on a server that no session has touched yet gets the app's navigation.

Before any session runs ``app.py``, Streamlit treats ``pages/`` as a legacy multipage app and would show a
menu of file names ("app", "ekspor", ...). This module gets its own fresh server (the fixture is per module)
and its first request is a deep link.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser


def test_deep_link_on_a_fresh_server_shows_the_app_menu_and_keeps_filters(chromium: Browser, app_url_baru: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url_baru}/ekspor?tahun=2023&rantai=sawit", wait_until="domcontentloaded")
        page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=60_000)
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_text("Ekspor & Hilirisasi").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        menu = nav.inner_text()
        page.screenshot(path=str(ARTIFACTS / "navigasi-ekspor.png"))
        url = page.url
    finally:
        tutup_konteks(browser)
    assert "Ringkasan" in menu and "Kawasan Industri" in menu
    assert "kelola data" not in menu and "\napp\n" not in f"\n{menu}\n"
    assert "tahun=2023" in url and "rantai=sawit" in url
    assert not off_machine(requests)


def test_year_and_kabupaten_stay_when_moving_to_another_page_by_the_menu(chromium: Browser, app_url_baru: str) -> None:
    """Streamlit ties a widget's value to the page that drew it; without carrying it over, Ringkasan at 2023
    became Ekspor at 2020 (the first year) and the chosen kabupaten were dropped."""
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{app_url_baru}/?tahun=2023&kab=6310", wait_until="domcontentloaded")
        page.get_by_text("Jumlah IKM").first.wait_for(timeout=60_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Ekspor & Hilirisasi").click()
        judul = page.get_by_text("Tanah Bumbu · 2023")
        judul.first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        url = page.url
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Program").click()
        page.get_by_text("Sertifikasi halal IKM, Tanah Bumbu").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        url_program = page.url
    finally:
        tutup_konteks(browser)
    assert "/ekspor" in url and "tahun=2023" in url and "kab=6310" in url
    assert "/program" in url_program and "tahun=2023" in url_program and "kab=6310" in url_program
