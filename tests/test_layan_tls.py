"""The proxy configuration: the committed systemd copy is what the template renders, HAProxy accepts it, and
HTTPS with a certificate works end to end (a self-signed one made here with ``openssl``): health over TLS, the
sticky cookie marked Secure, and a page view over ``wss://`` through the proxy."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dasbor import layan
from tests.browser import ROOT, jalankan
from tests.conftest import Fixture

DEPLOY = ROOT / "deploy" / "haproxy" / "haproxy.cfg"
SYSTEMD_ARGS = [
    "--replika", "2", "--port", "443", "--port-replika", "8501,8502",
    "--sertifikat", "/etc/dasbor/tls/dasbor.pem",
]  # fmt: skip


def _perlu(program: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {program} is missing: .ci/run must install it")
        pytest.skip(f"no {program} on this machine")


@pytest.fixture(scope="module")
def sertifikat(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: (PEM with certificate and key for HAProxy, certificate alone)."""
    _perlu("openssl")
    folder = tmp_path_factory.mktemp("tls")
    crt, key = folder / "kantor.crt", folder / "kantor.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=dasbor.kantor.test", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(crt)],
        check=True, capture_output=True,
    )  # fmt: skip
    pem = folder / "dasbor.pem"
    pem.write_bytes(crt.read_bytes() + key.read_bytes())
    return pem, crt


def test_committed_systemd_config_is_the_rendered_template(tmp_path: Path) -> None:
    out = tmp_path / "haproxy.cfg"
    assert layan.main([*SYSTEMD_ARGS, "--tulis-konfigurasi", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == DEPLOY.read_text(encoding="utf-8"), (
        "deploy/haproxy/haproxy.cfg is stale: render it again with python -m dasbor.layan "
        + " ".join(SYSTEMD_ARGS)
        + " --tulis-konfigurasi deploy/haproxy/haproxy.cfg"
    )
    text = out.read_text(encoding="utf-8")
    assert "cookie dasbor_replika insert" in text and "balance leastconn" in text
    assert "option httpchk GET /_stcore/health" in text
    assert "source" not in text.split("backend streamlit")[1]  # never sticky by client address


def test_haproxy_accepts_the_rendered_config(tmp_path: Path, sertifikat: tuple[Path, Path]) -> None:
    _perlu("haproxy")
    pem, _ = sertifikat
    for tls in (False, True):
        k = layan.Konfigurasi(8443, (8501, 8502), tmp_path / "s.sock", "127.0.0.1", pem if tls else None, port_http=0)
        cfg = tmp_path / f"haproxy-{tls}.cfg"
        cfg.write_text(layan.render(k), encoding="utf-8")
        check = subprocess.run(["haproxy", "-c", "-f", str(cfg)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr


async def _tampil_wss(url: str, konteks: ssl.SSLContext) -> str | None:
    async with websockets.connect(
        url,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        ssl=konteks,
        max_size=None,
        ping_interval=None,
    ) as ws:
        msg = BackMsg()
        msg.rerun_script.page_name = ""
        await ws.send(msg.SerializeToString())
        async with asyncio.timeout(90):
            while True:
                raw = await ws.recv()
                assert isinstance(raw, bytes)
                forward = ForwardMsg()
                forward.ParseFromString(raw)
                if forward.WhichOneof("type") == "script_finished":
                    return None if forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY else "failed"


def test_https_with_a_self_signed_certificate(gudang: Fixture, sertifikat: tuple[Path, Path], tmp_path: Path) -> None:
    _perlu("haproxy")
    pem, crt = sertifikat
    port = layan.free_port()
    proses = subprocess.Popen(
        [sys.executable, "-m", "dasbor.layan", "--replika", "1", "--port", str(port), "--alamat", "127.0.0.1",
         "--sertifikat", str(pem), "--port-http", "0", "--folder", str(tmp_path / "kerja")],
        cwd=ROOT, env={**os.environ, "DASBOR_WAREHOUSE": str(gudang.warehouse)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    konteks = ssl.create_default_context(cafile=str(crt))  # verifies the certificate, not just encrypts
    url = f"https://127.0.0.1:{port}"
    try:
        batas = time.monotonic() + 120
        while True:
            assert proses.poll() is None, "dasbor.layan stopped"
            try:
                with urllib.request.urlopen(url + "/", timeout=3, context=konteks) as r:
                    cookie = r.headers.get("Set-Cookie", "")
                    sts = r.headers.get("Strict-Transport-Security", "")
                    break
            except OSError:
                assert time.monotonic() < batas, "no HTTPS answer within 120 s"
                time.sleep(0.5)
        assert cookie.startswith("dasbor_replika=r1") and "Secure" in cookie and "HttpOnly" in cookie
        assert "max-age" in sts
        assert jalankan(_tampil_wss(f"wss://127.0.0.1:{port}/_stcore/stream", konteks)) is None
        with pytest.raises(
            OSError, match="CERTIFICATE_VERIFY_FAILED"
        ):  # a client that does not trust the certificate is refused
            urllib.request.urlopen(url + "/", timeout=3, context=ssl.create_default_context())
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=30)
