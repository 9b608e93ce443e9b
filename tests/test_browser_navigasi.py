"""A page opened by its own URL on a server that no session has touched yet gets the app's navigation.

Before any session runs ``app.py``, Streamlit treats ``pages/`` as a legacy multipage app and would show a
menu of file names ("app", "ekspor", ...). This module gets its own fresh server (the fixture is per module)
and its first request is a deep link.
"""

from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS, launch, off_machine

pytestmark = pytest.mark.browser


def test_deep_link_on_a_fresh_server_shows_the_app_menu_and_keeps_filters(app_url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{app_url}/ekspor?tahun=2023&rantai=sawit", wait_until="domcontentloaded")
            page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=60_000)
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_text("Ekspor & Hilirisasi").wait_for(timeout=60_000)
            page.wait_for_timeout(1000)
            menu = nav.inner_text()
            page.screenshot(path=str(ARTIFACTS / "navigasi-ekspor.png"))
            url = page.url
        finally:
            browser.close()
    assert "Ringkasan" in menu and "Kawasan Industri" in menu
    assert "kelola data" not in menu and "\napp\n" not in f"\n{menu}\n"
    assert "tahun=2023" in url and "rantai=sawit" in url
    assert not off_machine(requests)
