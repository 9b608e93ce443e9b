"""The running app in a real headless Chromium: what only a browser shows.

Starts ``streamlit run app.py`` on a free port against the fixture warehouse, waits for it, and always stops
it. Chromium is Debian's ``/usr/bin/chromium`` (Playwright cannot download a browser here). Outside CI the
tests skip with a reason when it is missing; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(gudang: Fixture) -> Iterator[str]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install chromium); browser tests skipped")
    port = _free_port()
    env = {**os.environ, "DASBOR_WAREHOUSE": str(gudang.warehouse)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"streamlit did not start: {err[-2000:]}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_ringkasan_shows_kpi_cards_and_sample_banner_offline(app_url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
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
            browser.close()
    assert any("Jumlah IKM" in label for label in labels)
    assert any("Indeks Hilirisasi" in label for label in labels)
    assert any(v.endswith(" unit") for v in values)
    assert any(v.startswith("US$ ") for v in values)
    outside = {urlparse(u).hostname or "" for u in requests} - {"127.0.0.1", "localhost", ""}
    assert not outside, f"requests left the machine: {sorted(outside)}"


def _browser(p: object) -> object:
    return p.chromium.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM),
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    )


def test_presentation_mode_at_1280x720_moves_with_buttons_and_arrow_keys(app_url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = _browser(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{app_url}/presentasi?mode=tayang&dek=Rakornis&slide=1", wait_until="domcontentloaded")
            page.get_by_text("Ringkasan Kalimantan Selatan").first.wait_for(timeout=45_000)
            page.wait_for_timeout(1000)
            assert not page.locator('[data-testid="stSidebar"]').is_visible()
            page.screenshot(path=str(ARTIFACTS / "presentasi-1.png"))
            page.keyboard.press("ArrowRight")
            page.get_by_text("Tren IKM dan ekspor, Kalimantan Selatan").first.wait_for(timeout=30_000)
            page.get_by_text("slide 2 dari 4").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="Berikutnya").click()
            page.get_by_text("slide 3 dari 4").first.wait_for(timeout=30_000)
            page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / "presentasi-3.png"))
            page.get_by_role("button", name="Sebelumnya").click()
            page.get_by_text("slide 2 dari 4").first.wait_for(timeout=30_000)
            assert "slide=2" in page.url
        finally:
            browser.close()  # type: ignore[attr-defined]
    outside = {urlparse(u).hostname or "" for u in requests} - {"127.0.0.1", "localhost", ""}
    assert not outside, f"requests left the machine: {sorted(outside)}"
