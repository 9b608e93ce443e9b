"""The header-synonym table of ``docs/impor.md``, written from the import kinds themselves.

The kinds in :mod:`dasbor.warehouse.impor.jenis` are the one source of which headers a file may carry; the
templates' "Kamus Data" sheet (:mod:`dasbor.warehouse.impor.templat`) and this Markdown are both generated
from them, so the documentation cannot drift from the code. ``make docs`` rewrites the part of
``docs/impor.md`` between :data:`MULAI` and :data:`AKHIR`; ``tests/test_kamus.py`` fails when the committed
part differs from what :func:`kamus_markdown` writes.

    python -m dasbor.views.kamus [docs/impor.md]

Choice: one table per kind, in the registry's order, with the template header, whether it is required (and,
for a required column that may be missing, where its value is taken from instead), the note and the example
of the Kamus Data sheet, and the header variants. Cells are escaped for Markdown (``|``, line breaks).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from dasbor.warehouse import settings
from dasbor.warehouse.impor.jenis import JENIS, Bidang, Jenis

MULAI = "<!-- kamus:mulai -->"
AKHIR = "<!-- kamus:akhir -->"

ASAL_KONTEKS: dict[str, str] = {
    "tahun_data": "judul, nama lembar/berkas, atau --tahun",
    "tahun": "judul, nama lembar/berkas, atau --tahun",
    "bulan": "nama bulan di judul, nama lembar/berkas",
    "kode_bps": "nama lembar, judul atau nama berkas",
    "kawasan_id": "judul, nama lembar atau nama berkas",
}
"""Where a required column's value comes from when the file lacks the column, in the order
:func:`dasbor.warehouse.impor.baris.konteks_lembar` tries them (a test checks every such column is listed)."""

KEPALA = ("kolom (templat)", "wajib", "keterangan", "contoh", "judul lain yang dikenali")


def _sel(teks: str) -> str:
    """A Markdown table cell: pipes escaped, line breaks flattened."""
    return " ".join(teks.replace("\\", "\\\\").replace("|", "\\|").split())


def _wajib(b: Bidang) -> str:
    if not b.wajib:
        return ""
    if b.dari_konteks:
        return f"ya; tanpa kolom: {ASAL_KONTEKS[b.nama]}"
    return "ya"


def _baris(sel: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(_sel(s) for s in sel) + " |"


def tabel_jenis(j: Jenis) -> str:
    """One kind: a line naming it, its table and what an import replaces, then its columns."""
    baris = [
        f"**`{j.nama}`** ({_sel(j.judul)}, tabel `{j.tabel}`). Impor mengganti {_sel(j.cakupan)}.",
        "",
        _baris(KEPALA),
        "|" + "---|" * len(KEPALA),
    ]
    baris += [_baris([b.label, _wajib(b), b.keterangan, b.contoh, ", ".join(b.sinonim)]) for b in j.bidang]
    return "\n".join(baris)


def kamus_markdown() -> str:
    """Every tabular kind's table, as the text between the markers (a leading and a trailing newline)."""
    catatan = (
        "<!-- Dibuat dari dasbor/warehouse/impor/jenis/ oleh `make docs` (dasbor/views/kamus.py): "
        "jangan disunting di sini. -->"
    )
    return "\n" + "\n\n".join([catatan, *(tabel_jenis(j) for j in JENIS.values())]) + "\n"


def ganti_bagian(teks: str) -> str:
    """``teks`` with the part between the markers replaced by :func:`kamus_markdown`."""
    awal = teks.find(MULAI)
    akhir = teks.find(AKHIR)
    if awal < 0 or akhir < awal:
        raise ValueError(f"penanda {MULAI} ... {AKHIR} tidak ditemukan (berurutan)")
    return teks[: awal + len(MULAI)] + kamus_markdown() + teks[akhir:]


def tulis(path: Path) -> bool:
    """Rewrite the marked part of ``path`` atomically (temp file, fsync, rename); True when it changed."""
    lama = path.read_text(encoding="utf-8")
    baru = ganti_bagian(lama)
    if baru == lama:
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(baru)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def main(argv: list[str] | None = None) -> int:
    """Command line behind ``make docs``."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else settings.PROJECT_ROOT / "docs" / "impor.md"
    berubah = tulis(path)
    print(f"{path}: {'diperbarui' if berubah else 'sudah sesuai'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
