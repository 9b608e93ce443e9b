"""PDF export: the HTML deck printed by Chromium, so text stays text and charts stay vectors.

Why Chromium's print of the HTML deck (:func:`html_out.html_dek` with ``cetak=True``) rather than a PDF per chart
from kaleido laid out with a PDF library: the HTML deck already draws every slide with its title, takeaway, KPI
cards, notes, footer (source, "data per", snapshot, slide counter) and the "DATA CONTOH" watermark, so the PDF
cannot drift from it; plotly draws its charts as SVG, which Chromium prints as vector paths with real text
(selectable, searchable); one Chromium process prints the whole deck, instead of one export per chart; and it
needs nothing new: kaleido already drives the same system Chromium (``/usr/bin/chromium``). Map slides drawn
with MapLibre (WebGL) would print blank, which is why the deck's map is
:func:`dasbor.views.peta_cetak.choropleth_cetak`, drawn as SVG paths.

Measured on the default 10-slide Rakornis deck (sample warehouse, 2-core machine): the Pillow picture PDF took
7.7 s for the whole command and 1.9 MB with no text; this one 4.3 s (the print itself 2.0-2.7 s) and 171 KB
with every title, label, map name and footer as text (``docs/keputusan.md``, issue 17).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dasbor.views.dek import html_out
from dasbor.views.dek.siap import DekSiap
from dasbor.warehouse import settings

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
"""Browsers tried in order (``DASBOR_CHROMIUM`` first when set)."""

ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--virtual-time-budget=5000",
)
"""Headless print flags: no network at start, no header or footer added by the browser, and up to 5 s of
virtual time (skipped, not waited) for plotly to draw before the page is printed."""


class PdfGagal(RuntimeError):  # noqa: N818 - Indonesian domain name, like the rest
    """Chromium is missing or could not print the deck; the message says what to install or what failed."""


def chromium() -> str:
    """Path of the Chromium that prints: ``DASBOR_CHROMIUM`` or the first of :data:`CHROMIUM` on PATH."""
    pilihan = settings.chromium_env()
    for nama in (pilihan, *CHROMIUM) if pilihan else CHROMIUM:
        path = shutil.which(nama)
        if path:
            return path
    raise PdfGagal("Chromium tidak ditemukan: pasang dengan `apt-get install -y chromium` atau isi DASBOR_CHROMIUM.")


def cetak_html(halaman: str, out: Path) -> Path:
    """Print one HTML document to ``out`` with headless Chromium; the file appears whole or not at all."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dasbor-pdf-") as tmp:
        sumber = Path(tmp) / "dek.html"
        sumber.write_text(halaman, encoding="utf-8")
        hasil = Path(tmp) / "dek.pdf"
        proses = subprocess.run(  # noqa: S603 - fixed arguments, no shell, a file we just wrote
            [chromium(), *ARGS, f"--user-data-dir={tmp}/profil", f"--print-to-pdf={hasil}", sumber.as_uri()],
            capture_output=True,
            timeout=120,
            check=False,
        )
        if proses.returncode != 0 or not hasil.exists() or hasil.stat().st_size == 0:
            pesan = proses.stderr.decode(errors="replace").strip().splitlines()[-3:]
            raise PdfGagal(f"Chromium gagal mencetak PDF (kode {proses.returncode}): {' '.join(pesan)}")
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False) as f:
            f.write(hasil.read_bytes())
            f.flush()
            os.fsync(f.fileno())
        sementara = Path(f.name)
        sementara.chmod(0o644)
        sementara.replace(out)
    return out


def tulis(dek: DekSiap, out: Path, *, tanggal: dt.date | None = None) -> Path:
    """Write the deck as a PDF: a title page and one 16:9 page per slide, text and charts as vectors."""
    return cetak_html(html_out.html_dek(dek, tanggal=tanggal, cetak=True), out)
