"""Shared decks and snapshots cannot be lost or abused: concurrent edits, roles, unique snapshots, budget,
deletion, a full disk, and leftovers of a crash (dasbor.warehouse.store, dasbor.warehouse.berkas)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dasbor.warehouse import audit, berkas, store
from dasbor.warehouse.peran import Pengguna, TidakBoleh
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
PENYAJI = Pengguna("budi", "penyaji")
ADMIN = Pengguna("ani", "admin")
OPERATOR = Pengguna("citra", "operator", kab="6303")

_PENULIS = """
import sys
from pathlib import Path
from dasbor.warehouse import store
from dasbor.warehouse.peran import Pengguna
w, nama, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
siapa = Pengguna(nama, "penyaji")
for i in range(n):
    store.tambah_slide("Bersama", store.Slide("ringkasan.kpi", {"oleh": nama, "ke": str(i)}), w, oleh=siapa)
"""


@pytest.fixture
def w(tmp_path: Path, gudang: Fixture) -> Path:
    """A data folder of its own with a copy of the fixture warehouse."""
    tujuan = tmp_path / "data" / "warehouse.duckdb"
    tujuan.parent.mkdir()
    shutil.copy2(gudang.warehouse, tujuan)
    return tujuan


def test_two_processes_making_200_edits_each_keep_all_400(w: Path) -> None:
    proses = [
        subprocess.Popen([sys.executable, "-c", _PENULIS, str(w), nama, "200"], cwd=ROOT, stderr=subprocess.PIPE)
        for nama in ("satu", "dua")
    ]
    for p in proses:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-2000:]
    dek = store.ambil_dek("Bersama", w)
    kunci = {(s.param["oleh"], s.param["ke"]) for s in dek.slide}
    assert len(dek.slide) == 400 and len(kunci) == 400  # 0 of 400 edits lost
    for nama in ("satu", "dua"):  # each process's own edits stay in its order
        assert [int(s.param["ke"]) for s in dek.slide if s.param["oleh"] == nama] == list(range(200))
    jejak = audit.baca(w)
    assert jejak.filter(jejak["tindakan"] == "dek.tambah_slide").height == 400
    assert not list(w.parent.rglob("*.tmp"))


def test_anonymous_and_operators_change_no_deck(w: Path) -> None:
    for siapa in (None, OPERATOR):
        with pytest.raises(TidakBoleh):
            store.tambah_slide("Rakornis", store.Slide("ringkasan.kpi"), w, oleh=siapa)
        with pytest.raises(TidakBoleh):
            store.hapus_slide("Rakornis", 0, w, oleh=siapa)
        with pytest.raises(TidakBoleh):
            store.kunci_data("Rakornis Mei", w, oleh=siapa)
    with pytest.raises(TidakBoleh, match="hanya untuk admin"):
        store.hapus_snapshot("x", w, oleh=PENYAJI)
    assert not (w.parent / "presentasi").exists() and not audit.path_audit(w).exists()


def test_a_click_on_a_slide_someone_else_moved_changes_nothing(w: Path) -> None:
    """Two presenters see the same list; one removes slide 1, the other then clicks "remove" on what was slide 2
    on their screen. By position alone that would remove the wrong slide: it is refused and the deck kept."""
    dilihat = store.ambil_dek("Rakornis", w)
    kedua, ketiga = dilihat.slide[1], dilihat.slide[2]
    store.hapus_slide("Rakornis", 0, w, oleh=ADMIN, dilihat=dilihat.slide[0])
    sebelum = store.ambil_dek("Rakornis", w)
    with pytest.raises(store.DeckError, match="telah diubah oleh pengguna lain"):
        store.hapus_slide("Rakornis", 1, w, oleh=PENYAJI, dilihat=kedua)
    with pytest.raises(store.DeckError, match="telah diubah oleh pengguna lain"):
        store.geser_slide("Rakornis", 2, -1, w, oleh=PENYAJI, dilihat=ketiga)
    assert store.ambil_dek("Rakornis", w) == sebelum
    baru = store.hapus_slide("Rakornis", 0, w, oleh=PENYAJI, dilihat=kedua)  # where it is now: accepted
    assert kedua not in baru.slide and baru.slide[0] == ketiga


def test_deck_operations_act_on_the_saved_deck_and_are_audited(w: Path) -> None:
    store.geser_slide("Rakornis", 1, -1, w, oleh=PENYAJI)
    dek = store.hapus_slide("Rakornis", 0, w, oleh=PENYAJI)
    assert dek.slide[0].tampilan == "ringkasan.kpi" and len(dek.slide) == len(store.DEK_RAKORNIS) - 1
    store.ganti_nama_dek("Rakornis", "Rakornis Mei", w, oleh=PENYAJI)
    store.tambah_slide("Lain", store.Slide("ringkasan.kpi"), w, oleh=PENYAJI)
    with pytest.raises(store.DeckError, match="sudah dipakai"):
        store.ganti_nama_dek("Lain", "Rakornis Mei", w, oleh=PENYAJI)
    with pytest.raises(store.DeckError, match="terlalu panjang"):
        store.ganti_nama_dek("Lain", "x" * 500, w, oleh=PENYAJI)
    jejak = audit.baca(w)
    ganti = jejak.filter(jejak["tindakan"] == "dek.ganti_nama").row(0, named=True)
    assert ganti["oleh"] == "budi" and json.loads(ganti["sebelum"])["nama"] == "Rakornis"
    assert json.loads(ganti["sesudah"])["nama"] == "Rakornis Mei"


def test_snapshots_are_unique_hard_linked_kept_per_deck_and_deleted_by_admins(
    w: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_SNAPSHOT_PER_DEK", "2")
    a = store.kunci_data("Rakornis Mei 2026", w, oleh=PENYAJI)
    assert store.path_snapshot(a, w).stat().st_ino == w.stat().st_ino  # a hard link, no copy
    with pytest.raises(store.DeckError, match="sudah dipakai"):
        store.kunci_data("  rakornis   MEI 2026 ", w, oleh=PENYAJI)
    store.ikat_snapshot("Rakornis", a.slug, w, oleh=PENYAJI)
    b = store.kunci_data("Rakornis Juni 2026", w, oleh=PENYAJI)
    c = store.kunci_data("Rakornis Juli 2026", w, oleh=PENYAJI)  # 2 per deck: b (unbound) makes room
    assert {s.slug for s in store.baca_snapshot(w)} == {a.slug, c.slug}
    assert not store.path_snapshot(b, w).exists()
    store.ikat_snapshot("Rakornis", c.slug, w, oleh=PENYAJI)
    store.tambah_slide("Rapat lain", store.Slide("ringkasan.kpi"), w, oleh=PENYAJI)
    store.ikat_snapshot("Rapat lain", a.slug, w, oleh=PENYAJI)
    with pytest.raises(store.DeckError, match="semuanya masih dipakai"):  # both bound: refused, nothing written
        store.kunci_data("Rakornis Agustus 2026", w, oleh=PENYAJI)
    with pytest.raises(store.DeckError, match="masih dipakai presentasi Rapat lain"):
        store.hapus_snapshot(a.slug, w, oleh=ADMIN)
    store.ikat_snapshot("Rapat lain", None, w, oleh=PENYAJI)
    store.hapus_snapshot(a.slug, w, oleh=ADMIN)
    assert [s.slug for s in store.baca_snapshot(w)] == [c.slug]
    tindakan = audit.baca(w)["tindakan"].to_list()
    assert tindakan.count("snapshot.buat") == 3 and tindakan.count("snapshot.hapus") == 1


def test_snapshot_budget_refuses_beyond_the_set_size(w: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_SNAPSHOT_MB", "1")  # the fixture warehouse is larger than 1 MB
    with pytest.raises(store.DeckError, match="anggaran 1 MB"):
        store.kunci_data("Terlalu besar", w, oleh=PENYAJI)
    assert store.baca_snapshot(w) == []


def test_a_full_disk_says_so_in_indonesian_and_leaves_no_partial_file(w: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root in CI, where a read-only chmod does not stop writes and no read-only bind mount is
    available: the full disk is simulated at the rename, the last step of every atomic write."""
    store.tambah_slide("Rakornis", store.Slide("ringkasan.kpi"), w, oleh=PENYAJI)
    sebelum = (w.parent / "presentasi" / "dek.json").read_bytes()

    def penuh(self: Path, target: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", penuh)
    with pytest.raises(berkas.DiskGagal, match=r"^Disk penuh .*; presentasi dan snapshot tidak diubah\.$"):
        store.hapus_slide("Rakornis", 0, w, oleh=PENYAJI)
    with pytest.raises(berkas.DiskGagal, match="Disk penuh"):
        store.kunci_data("Rakornis Mei", w, oleh=PENYAJI)
    monkeypatch.undo()
    assert (w.parent / "presentasi" / "dek.json").read_bytes() == sebelum
    assert store.baca_snapshot(w) == []
    sisa = [p for p in (w.parent / "presentasi").rglob("*") if p.is_file() and not p.name.endswith(".kunci")]
    assert sorted(p.name for p in sisa) == ["dek.json"]  # no temporary file, no orphan snapshot


def test_leftovers_of_a_crash_are_cleaned_and_never_listed(w: Path) -> None:
    snap = store.kunci_data("Rakornis Mei", w, oleh=PENYAJI)
    folder = w.parent / "presentasi" / "snapshot"
    (folder / ".setengah.duckdb.tmp").write_bytes(b"x" * 100)  # killed during the copy
    os.link(w, folder / "yatim-20260101-000000.duckdb")  # killed between the rename and the list
    (w.parent / "presentasi" / ".dek.json.abc.tmp").write_text("{", encoding="utf-8")
    assert [s.slug for s in store.baca_snapshot(w)] == [snap.slug]
    dibersihkan = store.bersihkan_sisa(w)
    assert {p.name for p in dibersihkan} == {
        ".setengah.duckdb.tmp",
        "yatim-20260101-000000.duckdb",
        ".dek.json.abc.tmp",
    }
    assert store.path_snapshot(snap, w).exists()
