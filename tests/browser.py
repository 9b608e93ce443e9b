"""Shared parts of the browser tests: the Chromium to drive, its flags, and a real app server fixture.

The server runs ``streamlit run app.py`` on a free port against the fixture warehouse, is waited for, and is
always stopped. ``app_url`` is one server and ``chromium`` one browser for the whole session; the navigation
test asks for ``app_url_baru``, a server of its own that no session has touched yet.
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
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mulai_server(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """Start the app on a free port and wait for its health check; another process on this shared machine may
    take the port between choosing and binding it, so a server that exits at once is retried on a new port."""
    err = ""
    for _ in range(3):
        port = _free_port()
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
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return proc, url
            except OSError:
                time.sleep(0.3)
        err = proc.stderr.read().decode() if proc.poll() is not None and proc.stderr else "timeout"
        proc.kill()
        proc.wait(timeout=10)
    pytest.fail(f"streamlit did not start: {err[-2000:]}")


def hentikan(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by :func:`mulai_server`, always."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def perlu_chromium() -> None:
    """Skip with a reason when Debian's Chromium is missing; in CI (``CI=true``) fail instead."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install chromium); browser tests skipped")


@pytest.fixture(scope="session")
def app_url(gudang: Fixture) -> Iterator[str]:
    """One app server for the whole session, on the fixture warehouse (read-only: no test changes it)."""
    perlu_chromium()
    proc, url = mulai_server({**os.environ, "DASBOR_WAREHOUSE": str(gudang.warehouse)})
    try:
        yield url
    finally:
        hentikan(proc)


@pytest.fixture(scope="module")
def app_url_baru(gudang: Fixture) -> Iterator[str]:
    """A server no session has touched yet, for the module that tests what a fresh server shows."""
    perlu_chromium()
    proc, url = mulai_server({**os.environ, "DASBOR_WAREHOUSE": str(gudang.warehouse)})
    try:
        yield url
    finally:
        hentikan(proc)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium (Debian's, under Playwright) for every browser test of the session; each test
    opens its own pages or contexts and closes them with :func:`tutup_konteks`."""
    perlu_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()


def tutup_konteks(browser: Any) -> None:
    """Close every page and context a test opened on the shared browser, so the next test starts clean."""
    for konteks in list(browser.contexts):
        konteks.close()


ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
"""Headless flags: without the background-networking ones Chromium tries Google's hosts at every start."""


def launch(playwright: Any) -> Any:
    """Debian's Chromium under Playwright (Playwright cannot download its own browser here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def off_machine(requests: list[str]) -> set[str]:
    """Hosts of recorded requests that are not this machine."""
    return {urlparse(u).hostname or "" for u in requests} - {"127.0.0.1", "localhost", ""}


def jalankan(coro: Any) -> Any:
    """``asyncio.run(coro)`` in a thread of its own: once the session's Chromium is up, Playwright's sync API keeps
    an event loop running in the main thread, where ``asyncio.run`` refuses to start another."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pelaksana:
        return pelaksana.submit(asyncio.run, coro).result()
