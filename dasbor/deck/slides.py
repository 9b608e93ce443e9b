"""A deck rendered into slides ready for any output: content, footer, sample flag, snapshot checksum."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from dasbor import captions, settings
from dasbor.deck import store, views
from dasbor.deck.gudang import Gudang


@dataclass(frozen=True)
class SlideSiap:
    """One slide with everything drawn on it."""

    nomor: int
    isi: views.Isi
    kaki: str
    contoh: bool


@dataclass(frozen=True)
class DekSiap:
    """A rendered deck: title slide facts and the slides."""

    nama: str
    slide: tuple[SlideSiap, ...]
    contoh: bool
    snapshot: store.Snapshot | None

    @property
    def tanda_snapshot(self) -> str:
        """The line that ties printed numbers to frozen data: label and the start of the checksum."""
        if self.snapshot is None:
            return "Data terkini (tidak dikunci)"
        return f"Data dikunci: {self.snapshot.label} · sha256 {self.snapshot.sha256[:12]}"


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
    with Gudang(path) as gudang:
        for nomor, slide in enumerate(dek.slide, start=1):
            isi = views.render(gudang, slide.tampilan, slide.param)
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
    from dasbor.deck import html_out, pdf_out, pptx_out

    penulis = {".pptx": pptx_out.tulis, ".pdf": pdf_out.tulis, ".html": html_out.tulis}[akhiran]
    with tempfile.TemporaryDirectory(prefix="dasbor-dek-") as tmp:
        out = Path(tmp) / f"dek{akhiran}"
        penulis(siapkan(dek, warehouse), out)
        return out.read_bytes()
