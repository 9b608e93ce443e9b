"""The printed Profil Kabupaten in a real headless Chromium: Chromium's own print-to-PDF of ``?kab=6310`` gives
one or two A4 pages, with no sidebar, and the two-column rows stay side by side on paper.

Streamlit prints a row that holds a chart as stacked blocks; before the page's print CSS kept the columns
together the card took four A4 pages. The PDF goes to ``artifacts/kabupaten-cetak.pdf`` (and PNG pages when
poppler's ``pdftoppm`` is installed) so a person can look at it.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Browser

from tests.browser import ARTIFACTS, off_machine, tutup_konteks

pytestmark = pytest.mark.browser


def _jumlah_halaman(pdf: bytes) -> int:
    """Page objects in a PDF written by Chromium (``/Type /Page``, not ``/Type /Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_jumlah_halaman_counts_page_objects_only() -> None:
    contoh = b"<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page/Parent 2 0 R >>"
    assert _jumlah_halaman(contoh) == 2


def test_profil_kabupaten_prints_on_one_or_two_a4_pages(chromium: Browser, app_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    browser = chromium
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{app_url}/kabupaten?kab=6310", wait_until="domcontentloaded")
        page.get_by_text("Tanah Bumbu · 2025").first.wait_for(timeout=60_000)
        page.locator(".js-plotly-plot").nth(2).wait_for(timeout=60_000)
        page.get_by_text("Halaman ini dapat dicetak").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        pdf = page.pdf(path=str(ARTIFACTS / "kabupaten-cetak.pdf"), format="A4", print_background=True)
        page.emulate_media(media="print")
        sidebar_tampak = page.locator('[data-testid="stSidebar"]').is_visible()
        # The trend and the sector chart share the first chart row: same top, the sector chart to the right.
        tren = page.locator(".js-plotly-plot").nth(0).bounding_box()
        sektor = page.locator(".js-plotly-plot").nth(1).bounding_box()
    finally:
        tutup_konteks(browser)
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                str(ARTIFACTS / "kabupaten-cetak.pdf"),
                str(ARTIFACTS / "kabupaten-cetak"),
            ],
            check=True,
        )
    assert 1 <= _jumlah_halaman(pdf) <= 2
    assert not sidebar_tampak
    assert tren is not None and sektor is not None
    assert abs(tren["y"] - sektor["y"]) < 40
    assert sektor["x"] > tren["x"] + tren["width"] / 2
    assert not off_machine(requests)
