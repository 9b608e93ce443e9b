"""The header-synonym table in docs/impor.md is generated from the import kinds and kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from dasbor.views import kamus
from dasbor.warehouse import settings
from dasbor.warehouse.impor import jenis

IMPOR_MD = settings.PROJECT_ROOT / "docs" / "impor.md"


def test_committed_table_is_what_the_generator_writes() -> None:
    teks = IMPOR_MD.read_text(encoding="utf-8")
    assert teks == kamus.ganti_bagian(teks), "docs/impor.md is out of step with the import kinds: run `make docs`"


def test_docs_synonym_table_is_the_code_table() -> None:
    teks = IMPOR_MD.read_text(encoding="utf-8")
    for j in jenis.JENIS.values():
        assert f"**`{j.nama}`**" in teks
        for b in j.bidang:
            assert f"| {b.label} |" in teks and f"| {', '.join(b.sinonim)} |" in teks, (j.nama, b.label)


def test_every_column_that_may_come_from_context_says_from_where() -> None:
    for j in jenis.JENIS.values():
        for b in j.bidang:
            if b.wajib and b.dari_konteks:
                assert b.nama in kamus.ASAL_KONTEKS, (j.nama, b.nama)
    assert "ya; tanpa kolom: nama bulan di judul" in kamus.tabel_jenis(jenis.EKSPOR)


def test_only_the_marked_part_is_replaced() -> None:
    teks = f"# Judul\n\nsebelum\n{kamus.MULAI}\nlama | basi\n{kamus.AKHIR}\n\nsesudah\n"
    baru = kamus.ganti_bagian(teks)
    assert baru.startswith(f"# Judul\n\nsebelum\n{kamus.MULAI}\n")
    assert baru.endswith(f"{kamus.AKHIR}\n\nsesudah\n")
    assert "lama | basi" not in baru and "| Nama Usaha | ya |" in baru
    assert kamus.ganti_bagian(baru) == baru


def test_missing_markers_are_refused() -> None:
    with pytest.raises(ValueError, match="kamus:mulai"):
        kamus.ganti_bagian("tanpa penanda")
    with pytest.raises(ValueError):
        kamus.ganti_bagian(f"{kamus.AKHIR}\n{kamus.MULAI}")


def test_cells_are_escaped_for_markdown() -> None:
    assert kamus._sel("a | b\nc") == "a \\| b c"


def test_make_docs_rewrites_a_stale_file_and_leaves_a_current_one(tmp_path: Path) -> None:
    path = tmp_path / "impor.md"
    path.write_text(f"awal\n{kamus.MULAI}\nusang\n{kamus.AKHIR}\n", encoding="utf-8")
    assert kamus.main([str(path)]) == 0
    assert "usang" not in path.read_text(encoding="utf-8")
    assert kamus.tulis(path) is False
