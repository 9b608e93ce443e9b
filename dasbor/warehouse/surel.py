"""E-mail of the monthly pack through the office's SMTP server (settings ``DASBOR_SMTP_*``).

Plain ``smtplib``: STARTTLS by default, implicit TLS (``ssl``, port 465) or none (``tidak``, a relay on the
office network). A failure raises :class:`SurelGagal` with an Indonesian message; the pack files stay written.
"""

from __future__ import annotations

import mimetypes
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

from dasbor.warehouse.settings import Smtp


class SurelGagal(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """The message could not be sent; says which server and why."""


def kirim(smtp: Smtp, subjek: str, isi: str, lampiran: list[Path]) -> None:
    """Send one message with ``lampiran`` attached to every recipient of ``smtp``."""
    pesan = EmailMessage()
    pesan["Subject"] = subjek
    pesan["From"] = smtp.pengirim
    pesan["To"] = ", ".join(smtp.penerima)
    pesan.set_content(isi)
    for berkas in lampiran:
        jenis = mimetypes.guess_type(berkas.name)[0] or "application/octet-stream"
        utama, sub = jenis.split("/", 1)
        pesan.add_attachment(berkas.read_bytes(), maintype=utama, subtype=sub, filename=berkas.name)
    try:
        if smtp.tls == "ssl":
            with smtplib.SMTP_SSL(smtp.host, smtp.port, context=ssl.create_default_context(), timeout=60) as s:
                _kirim(s, smtp, pesan)
        else:
            with smtplib.SMTP(smtp.host, smtp.port, timeout=60) as s:
                if smtp.tls == "starttls":
                    s.starttls(context=ssl.create_default_context())
                _kirim(s, smtp, pesan)
    except (OSError, smtplib.SMTPException) as exc:
        raise SurelGagal(f"Surel ke {smtp.host}:{smtp.port} gagal dikirim: {exc}") from None


def _kirim(s: smtplib.SMTP, smtp: Smtp, pesan: EmailMessage) -> None:
    if smtp.user:
        s.login(smtp.user, smtp.sandi)
    s.send_message(pesan)
