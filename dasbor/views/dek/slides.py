"""A deck rendered into slides ready for any output: content, footer, sample flag, snapshot checksum."""

from __future__ import annotations

import tempfile
from pathlib import Path

from dasbor.views import captions
from dasbor.views.dek import html_out, pdf_out, pptx_out, tampilan
from dasbor.views.dek.siap import DekSiap, SlideSiap
from dasbor.warehouse import settings, store
from dasbor.warehouse.db import Gudang


def gudang_untuk(dek: store.Dek, warehouse: Path | None = None) -> tuple[Path, store.Snapshot | None]:
    """The warehouse file a deck reads: its bound snapshot, or the live warehouse."""
    if dek.snapshot:
        snap = store.ambil_snapshot(dek.snapshot, warehouse)
        return store.path_snapshot(snap, warehouse), snap
    return warehouse or settings.warehouse_path(), None


def siapkan(dek: store.Dek, warehouse: Path | None = None) -> DekSiap:
    """Render every slide of ``dek``; a slide whose view fails keeps its place with a note."""
    path, snap = gudang_untuk(dek, warehouse)
    siap: list[SlideSiap] = []
    with Gudang(path, induk=warehouse or settings.warehouse_path()) as gudang:
        for nomor, slide in enumerate(dek.slide, start=1):
            isi = tampilan.render(gudang, slide.tampilan, slide.param)
            sumber = gudang.query("sumber_tabel", tabel=list(isi.tabel)) if isi.tabel else None
            kaki = captions.teks_sumber(sumber, markdown=False) if sumber is not None else ""
            contoh = sumber is not None and captions.ada_contoh(sumber)
            if contoh:
                kaki = f"{captions.TEKS_CONTOH} · {kaki}"
            siap.append(SlideSiap(nomor, isi, kaki, contoh))
        contoh_dek = bool(gudang.query("tabel_contoh").height)
    return DekSiap(dek.nama, tuple(siap), contoh_dek, snap)


def isi_berkas(dek: store.Dek, akhiran: str, warehouse: Path | None = None) -> bytes:
    """A deck exported to ``.pptx``, ``.pdf`` or ``.html``, as bytes (for a download button)."""
    penulis = {".pptx": pptx_out.tulis, ".pdf": pdf_out.tulis, ".html": html_out.tulis}[akhiran]
    with tempfile.TemporaryDirectory(prefix="dasbor-dek-") as tmp:
        out = Path(tmp) / f"dek{akhiran}"
        penulis(siapkan(dek, warehouse), out)
        return out.read_bytes()
