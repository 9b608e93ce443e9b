"""Monthly packs: ``python -m dasbor.deck --out DIR --jadwal bulanan`` writes the month's PPTX and PDF and
e-mails them through a real local SMTP server (aiosmtpd, started by the test on a free port)."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from dasbor import deck as cli
from dasbor.warehouse import settings


class _Kotak:
    def __init__(self) -> None:
        self.pesan: list[tuple[str, list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        self.pesan.append((envelope.mail_from, list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_lokal(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Kotak]:
    kotak = _Kotak()
    port = _port()
    server = Controller(kotak, hostname="127.0.0.1", port=port)
    server.start()
    monkeypatch.setenv("DASBOR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("DASBOR_SMTP_PORT", str(port))
    monkeypatch.setenv("DASBOR_SMTP_TLS", "tidak")
    monkeypatch.setenv("DASBOR_SMTP_FROM", "dasbor@disperin.kalselprov.go.id")
    monkeypatch.setenv("DASBOR_SMTP_TO", "kabid@example.org; sekretariat@example.org")
    try:
        yield kotak
    finally:
        server.stop()


def test_pack_is_written_and_mailed(salinan_gudang: Path, tmp_path: Path, smtp_lokal: _Kotak) -> None:
    argv = [
        "--out",
        str(tmp_path / "paket"),
        "--jadwal",
        "bulanan",
        "--bulan",
        "2026-05",
        "--warehouse",
        str(salinan_gudang),
    ]
    assert cli.main(argv) == 0
    folder = tmp_path / "paket" / "2026-05"
    assert sorted(p.name for p in folder.iterdir()) == ["rakornis-2026-05.pdf", "rakornis-2026-05.pptx"]
    assert len(smtp_lokal.pesan) == 1
    pengirim, penerima, pesan = smtp_lokal.pesan[0]
    assert pengirim == "dasbor@disperin.kalselprov.go.id"
    assert penerima == ["kabid@example.org", "sekretariat@example.org"]
    assert pesan["Subject"] == "Paket bulanan Dasbor Industri Kalsel, Mei 2026 (data contoh)"
    lampiran = {p.get_filename(): p.get_payload(decode=True) for p in pesan.walk() if p.get_filename()}
    assert set(lampiran) == {"rakornis-2026-05.pdf", "rakornis-2026-05.pptx"}
    assert lampiran["rakornis-2026-05.pdf"] == (folder / "rakornis-2026-05.pdf").read_bytes()
    badan = next(p for p in pesan.walk() if p.get_content_type() == "text/plain").get_payload(decode=True)
    assert b"data contoh, bukan data resmi" in badan


def test_without_smtp_settings_only_the_files(
    salinan_gudang: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DASBOR_SMTP_HOST", raising=False)
    assert settings.smtp() is None
    assert cli.main(["--out", str(tmp_path), "--jadwal", "bulanan", "--warehouse", str(salinan_gudang)]) == 0
    assert "tidak dikirim" in capsys.readouterr().out
    assert len(list(tmp_path.glob("*/*.pdf"))) == 1


def test_unreachable_smtp_keeps_the_files_and_exits_1(
    salinan_gudang: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DASBOR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("DASBOR_SMTP_PORT", str(_port()))  # nothing listens there
    monkeypatch.setenv("DASBOR_SMTP_TO", "kabid@example.org")
    argv = ["--out", str(tmp_path), "--jadwal", "bulanan", "--bulan", "2026-06", "--warehouse", str(salinan_gudang)]
    assert cli.main(argv) == 1
    assert "gagal dikirim" in capsys.readouterr().err
    assert len(list((tmp_path / "2026-06").glob("*.pptx"))) == 1


def test_bad_month_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.main(["--out", str(tmp_path), "--jadwal", "bulanan", "--bulan", "Mei"]) == 2
