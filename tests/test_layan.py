"""The office server (``make serve REPLIKA=2``): two Streamlit replicas behind HAProxy, tested end to end.

One server per module, started exactly as an office starts it (``make serve``) on a free port against a private
copy of the fixture warehouse, in its own process group, and always stopped (SIGTERM to the group, as Ctrl-C
would). Through the proxy: pages open in Chromium, 8 fresh browser contexts each download the IKM CSV (the
download is served by the replica that holds the session), a frozen replica is taken out by the health check
and new sessions land on the other, then it is brought back. Without Chromium: an import-style replacement of
the warehouse and a deck edit are seen by both replicas at their next page view.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import websockets
from playwright.sync_api import Browser
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dasbor.warehouse import db, store
from dasbor.warehouse.peran import Pengguna
from tests.browser import ARTIFACTS, ROOT, jalankan, perlu_chromium, tutup_konteks
from tests.conftest import Fixture

SIAP = re.compile(r"folder kerja (\S+)\)")


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Layanan:
    """The running ``make serve``: its process, the proxy URL, the served warehouse and the runtime state."""

    proses: subprocess.Popen[bytes]
    url: str
    warehouse: Path
    folder: Path
    catatan: Path

    def keadaan(self) -> dict[str, Any]:
        return dict(json.loads((self.folder / "layanan.json").read_text(encoding="utf-8")))

    def pid(self, nama: str) -> int:
        return int(next(r["pid"] for r in self.keadaan()["replika"] if r["nama"] == nama))

    def log(self) -> str:
        """The end of ``make serve``'s output (HAProxy reports replicas going down and up there)."""
        return self.catatan.read_text(encoding="utf-8", errors="replace")[-3000:]

    def status(self) -> dict[str, str]:
        """HAProxy's view of each replica (``r1`` -> ``UP``/``DOWN``), from its runtime socket."""
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(self.keadaan()["socket"])
            s.sendall(b"show stat\n")
            teks = b""
            while chunk := s.recv(65536):
                teks += chunk
        baris = [b.split(",") for b in teks.decode().splitlines() if b.startswith("streamlit,r")]
        return {b[1]: b[17] for b in baris}


def _tunggu(kondisi: Any, batas_s: float, pesan: str) -> None:
    batas = time.monotonic() + batas_s
    while not kondisi():
        if time.monotonic() > batas:
            pytest.fail(pesan)
        time.sleep(0.2)


@pytest.fixture(scope="module")
def layanan(gudang: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layanan]:
    if shutil.which("haproxy") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but haproxy is missing: .ci/run must install Debian's haproxy")
        pytest.skip("no haproxy on this machine (apt-get install haproxy)")
    folder = tmp_path_factory.mktemp("layan")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy2(gudang.warehouse, warehouse)
    port = _port_bebas()
    log = (folder / "make-serve.log").open("w+b")
    proses = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "REPLIKA=2", f"PORT={port}"],
        cwd=ROOT,
        env={**os.environ, "DASBOR_WAREHOUSE": str(warehouse)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        siap: list[str] = []

        def sudah_siap() -> bool:
            if proses.poll() is not None:
                pytest.fail(f"make serve stopped: {(folder / 'make-serve.log').read_text()[-3000:]}")
            siap[:] = SIAP.findall((folder / "make-serve.log").read_text())
            return bool(siap)

        _tunggu(sudah_siap, 120, "make serve did not say it was ready within 120 s")
        yield Layanan(proses, f"http://127.0.0.1:{port}", warehouse, Path(siap[0]), folder / "make-serve.log")
    finally:
        with contextlib.suppress(ProcessLookupError):  # the last test may have stopped it already
            os.killpg(proses.pid, signal.SIGTERM)
        try:
            proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
            proses.wait()
        log.close()


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.browser
def test_pages_downloads_and_failover_through_the_proxy(chromium: Browser, layanan: Layanan) -> None:
    perlu_chromium()
    browser = chromium
    try:
        # Landing page through the proxy: the sample banner and the navigation arrive over the websocket.
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.goto(layanan.url + "/", wait_until="domcontentloaded")
        page.get_by_text("Data contoh, bukan data resmi").first.wait_for(timeout=90_000)
        page.locator('[data-testid="stSidebarNav"]').first.wait_for(timeout=30_000)
        page.close()

        # 8 fresh browsers at once: each opens the IKM page, gets a replica cookie and downloads the CSV.
        konteks = [browser.new_context(accept_downloads=True) for _ in range(8)]
        halaman = [k.new_page() for k in konteks]
        for h in halaman:
            h.goto(layanan.url + "/ikm", wait_until="domcontentloaded")
        unduhan: list[str] = []
        for i, h in enumerate(halaman):
            tombol = h.locator('[data-testid="stDownloadButton"] button').first
            try:
                tombol.wait_for(timeout=180_000)
            except Exception as exc:
                ARTIFACTS.mkdir(exist_ok=True)
                h.screenshot(path=str(ARTIFACTS / f"layan-tanpa-unduhan-{i}.png"))
                teks = h.locator('[data-testid="stMain"]').inner_text()[-2500:]
                teks += "\nscript state: " + str(
                    h.locator('[data-testid="stApp"]').get_attribute("data-test-script-state")
                )
                teks += f"\ndownload elements: {h.locator('[data-testid=stDownloadButton]').count()}"
                kuki = konteks[i].cookies()
                raise AssertionError(f"page {i}: no download button: {exc}\n{kuki}\n{teks}\n{layanan.log()}") from exc
            with h.expect_download(timeout=60_000) as d:
                tombol.click()
            unduhan.append(Path(d.value.path()).read_text(encoding="utf-8-sig"))
        replika = [next(c["value"] for c in k.cookies() if c["name"] == "dasbor_replika") for k in konteks]
        assert len(unduhan) == 8
        assert all("Data contoh" in u and len(u.splitlines()) > 3 for u in unduhan), unduhan[0][:300]
        assert set(replika) == {"r1", "r2"}, replika  # both replicas served sessions and their downloads

        # Freeze r1 (a hung replica): the health check takes it out, new sessions all land on r2.
        pid_r1 = layanan.pid("r1")
        os.killpg(pid_r1, signal.SIGSTOP)
        try:
            _tunggu(lambda: layanan.status().get("r1") == "DOWN", 60, "r1 was not taken out")
            baru = []
            for _ in range(3):
                k = browser.new_context()
                h = k.new_page()
                h.goto(layanan.url + "/ikm", wait_until="domcontentloaded")
                h.locator('[data-testid="stMetric"]').first.wait_for(timeout=90_000)
                baru.append(next(c["value"] for c in k.cookies() if c["name"] == "dasbor_replika"))
                k.close()
            assert baru == ["r2", "r2", "r2"]
            # A browser that was on r1 reloads and is served by r2 (a new session there).
            lama = halaman[replika.index("r1")]
            lama.reload(wait_until="domcontentloaded")
            lama.locator('[data-testid="stMetric"]').first.wait_for(timeout=90_000)
            pindah = next(c["value"] for c in konteks[replika.index("r1")].cookies() if c["name"] == "dasbor_replika")
            assert pindah == "r2"
        finally:
            os.killpg(pid_r1, signal.SIGCONT)
        # Back: the health check returns r1 to the pool.
        _tunggu(lambda: layanan.status().get("r1") == "UP", 60, "r1 did not come back")
        for k in konteks:
            k.close()
    finally:
        tutup_konteks(browser)


async def _tampil(url: str, halaman: str, replika: str, timeout: float = 90.0) -> bytes:
    """One page view on a fresh session of ``replika`` through the proxy (its sticky cookie sent); every
    message the server sent, as bytes, until the script finished."""
    alamat = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        alamat,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        additional_headers={"Cookie": f"dasbor_replika={replika}"},
        max_size=None,
        ping_interval=None,
    ) as ws:
        msg = BackMsg()
        msg.rerun_script.page_name = halaman
        await ws.send(msg.SerializeToString())
        isi = b""
        async with asyncio.timeout(timeout):
            while True:
                raw = await ws.recv()
                assert isinstance(raw, bytes)
                isi += raw
                forward = ForwardMsg()
                forward.ParseFromString(raw)
                if forward.WhichOneof("type") == "script_finished":
                    assert forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                    return isi


def test_a_replaced_warehouse_and_an_edited_deck_are_seen_by_every_replica(layanan: Layanan) -> None:
    """What an import or a restore through one replica does (a new file renamed over the warehouse), and a
    deck saved through one replica: the next page view on either replica shows it, with no wait."""
    tanda = "Banjar Uji Replika"
    for r in ("r1", "r2"):  # both replicas have the old warehouse open and cached
        assert tanda.encode() not in jalankan(_tampil(layanan.url, "ikm", r))

    baru = layanan.warehouse.with_name("warehouse.baru.duckdb")
    shutil.copy2(layanan.warehouse, baru)
    con = db.connect(baru, read_only=False)
    try:
        con.sql("update wilayah set nama = $nama where kode_bps = '6303'", params={"nama": tanda})
    finally:
        con.close()
    baru.replace(layanan.warehouse)
    for r in ("r2", "r1"):
        assert tanda.encode() in jalankan(_tampil(layanan.url, "ikm", r)), f"{r} still shows the old warehouse"

    nama_dek = "Rakor Uji Replika"
    assert all(nama_dek.encode() not in jalankan(_tampil(layanan.url, "presentasi", r)) for r in ("r1", "r2"))
    store.simpan_dek(
        [*store.baca_dek(layanan.warehouse), store.Dek(nama_dek, [])], layanan.warehouse, oleh=Pengguna("uji", "admin")
    )
    for r in ("r1", "r2"):
        assert nama_dek.encode() in jalankan(_tampil(layanan.url, "presentasi", r)), f"{r} misses the new deck"


def test_sigterm_stops_every_process_it_started(layanan: Layanan) -> None:
    """Last in the module. A replica that crashes is started again and the proxy takes it back; then SIGTERM to
    ``make serve``'s group (what Ctrl-C does) leaves no replica or proxy."""
    lama = layanan.pid("r2")
    os.killpg(lama, signal.SIGKILL)
    _tunggu(lambda: layanan.pid("r2") != lama, 30, "the crashed replica r2 was not started again")
    _tunggu(lambda: layanan.status().get("r2") == "UP", 120, "the restarted r2 did not come back into the proxy")
    keadaan = layanan.keadaan()
    pids = [keadaan["proksi_pid"], *(r["pid"] for r in keadaan["replika"])]
    assert all(_hidup(p) for p in pids)
    os.killpg(layanan.proses.pid, signal.SIGTERM)
    layanan.proses.wait(timeout=30)
    _tunggu(lambda: not any(_hidup(p) for p in pids), 15, "a replica or the proxy outlived SIGTERM")
    assert not layanan.folder.exists()  # the runtime folder is removed
    with pytest.raises(OSError):
        urllib.request.urlopen(layanan.url + "/_stcore/health", timeout=2)
