"""Typed text is never read as HTML or Markdown, in real Chromium.

Payloads go through every place where text people typed reaches a page as raw HTML or Markdown: the deck
name, the slide's view id and its takeaway (raw HTML), the snapshot label in the presentation footer (raw
HTML), the snapshot list, and URL values quoted in notes. For each page: no script runs (the payloads would
set ``document.title``), no style applies (the page background stays as it was), no request leaves the
machine (Playwright records every request), no ``javascript:`` link and no ``iframe`` exist, and the payload
is shown as literal text.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from dasbor.warehouse import store
from dasbor.warehouse.peran import Pengguna
from tests.browser import ARTIFACTS, hentikan, mulai_server, off_machine, perlu_chromium, tutup_konteks
from tests.conftest import Fixture

pytestmark = pytest.mark.browser
BUDI = Pengguna("budi", "penyaji")
PAYLOAD = {
    "iframe": "<iframe srcdoc=\"<script>parent.document.title='XSS'</script>\"></iframe>",
    "style": "<style>*{background:rgb(255,0,0) !important}</style>",
    "gambar": "![x](http://203.0.113.9/x.png)",
    "tautan": "[a](javascript:document.title='XSS')",
    "img": "<img src=http://203.0.113.9/y.png onerror=\"document.title='XSS'\">",
}


@pytest.fixture(scope="module")
def server(gudang: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a data folder whose decks, slides and snapshots carry the payloads."""
    perlu_chromium()
    w = tmp_path_factory.mktemp("payload") / "warehouse.duckdb"
    shutil.copy2(gudang.warehouse, w)
    for i, teks in enumerate(PAYLOAD.values()):
        store.tambah_slide(teks, store.Slide(teks, {"tahun": teks}), w, oleh=BUDI)
        store.tambah_slide(teks, store.Slide("ringkasan.kpi", {"tahun": teks, "kab": teks}), w, oleh=BUDI)
        snap = store.kunci_data(f"{teks} {i}", w, oleh=BUDI, dek=teks)
        store.ikat_snapshot(teks, snap.slug, w, oleh=BUDI)
    proc, url = mulai_server({**os.environ, "DASBOR_WAREHOUSE": str(w), "DASBOR_SNAPSHOT_PER_DEK": "9"})
    try:
        yield url
    finally:
        hentikan(proc)


def _tempat(teks: str) -> list[tuple[str, str, str]]:
    """(name, path and query, a selector drawn once the page has rendered)."""
    q = quote(teks, safe="")
    return [
        ("susun", f"/presentasi?dek={q}", '[data-testid="stTab"]'),
        ("tayang", f"/presentasi?dek={q}&mode=tayang&slide=1", ".kaki-slide"),
        ("tayang_kpi", f"/presentasi?dek={q}&mode=tayang&slide=2", ".kaki-slide"),
        ("catatan_url", f"/ringkasan?tahun={q}&kab={q}", '[data-testid="stAlert"]'),
        ("dek_tidak_ada", f"/presentasi?dek={q}x", '[data-testid="stAlert"]'),
    ]


def test_no_payload_runs_styles_or_fetches_in_chromium(chromium: Browser, server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    dicoba = 0
    browser = chromium
    try:
        for nama, teks in PAYLOAD.items():
            for tempat, jalur, tanda in _tempat(teks):
                page: Any = browser.new_page(viewport={"width": 1280, "height": 1600})
                requests: list[str] = []
                dialog: list[str] = []
                page.on("request", lambda r, requests=requests: requests.append(r.url))
                page.on("dialog", lambda d, dialog=dialog: (dialog.append(d.message), d.dismiss()))
                page.goto(server + jalur)
                page.locator(tanda).first.wait_for(timeout=60_000)
                page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60_000)
                tampak = page.locator("body").inner_text()
                keadaan = page.evaluate(
                    """() => ({
                        title: document.title,
                        iframe: document.querySelectorAll('iframe[srcdoc]').length,
                        js: document.querySelectorAll('a[href^="javascript:"]').length,
                        img: [...document.images].filter(i => i.src.includes('203.0.113.9')).length,
                        latar: getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor,
                    })"""
                )
                if nama == "style":
                    page.screenshot(path=str(ARTIFACTS / f"payload_{tempat}.png"))
                kasus = (nama, tempat)
                assert keadaan["title"] != "XSS" and not dialog, kasus  # the deck name itself may be in the title
                assert keadaan["iframe"] == 0 and keadaan["js"] == 0 and keadaan["img"] == 0, (kasus, keadaan)
                assert keadaan["latar"] != "rgb(255, 0, 0)", kasus
                assert not off_machine(requests), (kasus, off_machine(requests))
                penanda = {"iframe": "srcdoc", "style": "background:rgb", "gambar": "203.0.113.9",
                           "tautan": "javascript:", "img": "y.png"}[nama]  # fmt: skip
                assert penanda in tampak, (kasus, "the payload should be shown as literal text")
                dicoba += 1
                page.close()
    finally:
        tutup_konteks(browser)
    assert dicoba == len(PAYLOAD) * 5
