"""Named decks and warehouse snapshots, stored beside the warehouse (not in a browser session).

Layout, next to the warehouse file: ``presentasi/dek.json`` (the decks) and ``presentasi/snapshot/`` (frozen
warehouse copies plus ``snapshot.json``). Every write goes to a temporary file renamed over the old one, so a
crash never leaves a half-written deck. The default deck "Rakornis" exists even before anything is saved.

Every change is a read-modify-write under a file lock (:mod:`dasbor.warehouse.berkas`), checked against the
account's role (:func:`dasbor.warehouse.peran.wajib`: penyaji or admin; deleting a snapshot: admin) and written to
the audit trail (:mod:`dasbor.warehouse.audit`). Decks are changed by small operations (:func:`tambah_slide`,
:func:`geser_slide`, :func:`hapus_slide`, :func:`ganti_nama_dek`, :func:`ikat_snapshot`) applied to the deck as
it is on disk at that moment, so two people editing at once keep both their edits.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from dasbor.warehouse import audit, berkas, db, settings
from dasbor.warehouse.peran import Pengguna, wajib

DEK_DEFAULT = "Rakornis"


DEK_RAKORNIS: tuple[str, ...] = (
    "ringkasan.kpi",
    "peta.choropleth",
    "ringkasan.tren",
    "ringkasan.bauran",
    "ringkasan.porsi",
    "ekspor.peringkat_tanpa_batubara",
    "ekspor.sankey",
    "kawasan.tenant",
    "program.halal",
    "program.target",
)
"""The default Rakornis deck, in story order."""


@dataclass
class Slide:
    """One saved view: the view id and the page's URL parameters."""

    tampilan: str
    param: dict[str, str] = field(default_factory=dict)


@dataclass
class Dek:
    """A named, ordered list of slides, optionally bound to a snapshot (its slug)."""

    nama: str
    slide: list[Slide]
    snapshot: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """A frozen copy of the warehouse: label, date, file and checksum."""

    slug: str
    label: str
    dibuat_pada: str
    sha256: str
    berkas: str
    dek: str = DEK_DEFAULT
    """The deck it was frozen for (the per-deck limit counts these)."""
    oleh: str = ""
    parquet: str = ""
    """Folder of the same tables as Parquet (``<slug>.parquet/<table>.parquet``), readable after a DuckDB major
    upgrade; empty for snapshots made before it existed. ``sha256`` then covers both (:func:`sha256_snapshot`)."""


class DeckError(ValueError):
    """A deck or snapshot name that does not exist, or an invalid operation; the message is for the user."""


def folder(warehouse: Path | None = None) -> Path:
    """``presentasi/`` beside the warehouse."""
    return (warehouse or settings.warehouse_path()).parent / "presentasi"


def dek_default() -> Dek:
    """The Rakornis story: KPIs, the trend, the export mix and the chains' own progress.

    Views of other pages (the map, the index per kabupaten, the chains Sankey, the estates, the halal
    programme, targets) are added to this list as those pages register them in ``views.REGISTRI``.
    """
    return Dek(DEK_DEFAULT, [Slide(t, {}) for t in DEK_RAKORNIS])


def _tulis_atomik(path: Path, teks: str) -> None:
    berkas.tulis_atomik(path, teks, yang_aman="presentasi dan snapshot tidak diubah")


def _baca_json(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DeckError(f"Berkas {path.name} rusak dan tidak dapat dibaca ({exc}); pulihkan dari cadangan.") from exc
    return data


def _dek(raw: dict[str, Any]) -> Dek:
    return Dek(raw["nama"], [Slide(s["tampilan"], dict(s.get("param", {}))) for s in raw["slide"]], raw.get("snapshot"))


def dek_json(dek: Dek) -> str:
    """A deck as JSON (stable key order): its storage form and a cache key."""
    return json.dumps(asdict(dek), ensure_ascii=False, sort_keys=True)


def dek_dari_json(teks: str) -> Dek:
    """The inverse of :func:`dek_json`."""
    return _dek(json.loads(teks))


def baca_dek(warehouse: Path | None = None) -> list[Dek]:
    """All decks; the default deck first (created in memory if never saved)."""
    raw = _baca_json(folder(warehouse) / "dek.json").get("dek", [])
    daftar = [_dek(d) for d in raw]
    if not any(d.nama == DEK_DEFAULT for d in daftar):
        daftar.insert(0, dek_default())
    return daftar


def _path_dek(warehouse: Path | None) -> Path:
    return folder(warehouse) / "dek.json"


def _tulis_semua_dek(daftar: list[Dek], warehouse: Path | None) -> None:
    _tulis_atomik(_path_dek(warehouse), json.dumps({"dek": [asdict(d) for d in daftar]}, ensure_ascii=False, indent=2))


def _baca_dek_mentah(warehouse: Path | None) -> list[Dek]:
    return [_dek(d) for d in _baca_json(_path_dek(warehouse)).get("dek", [])]


def simpan_dek(daftar: list[Dek], warehouse: Path | None = None, *, oleh: Pengguna | None) -> None:
    """Write all decks atomically, under the lock (penyaji or admin)."""
    siapa = wajib(oleh, "penyaji", tindakan="Menyimpan presentasi")
    with berkas.kunci(_path_dek(warehouse)):
        sebelum = [asdict(d) for d in _baca_dek_mentah(warehouse)]
        _tulis_semua_dek(daftar, warehouse)
    audit.catat(
        siapa, "dek.simpan_semua", "dek.json", sebelum=sebelum, sesudah=[asdict(d) for d in daftar], warehouse=warehouse
    )


def ambil_dek(nama: str, warehouse: Path | None = None) -> Dek:
    """The deck called ``nama``; a clear message naming the decks that exist otherwise."""
    for d in baca_dek(warehouse):
        if d.nama == nama:
            return d
    ada = ", ".join(d.nama for d in baca_dek(warehouse))
    raise DeckError(f"Presentasi '{nama}' tidak ada. Yang tersedia: {ada}.")


PANJANG_NAMA = 80
"""Longest deck name or snapshot label: it is a title on a slide, not a paragraph."""


def _periksa_nama(nama: str, apa: str) -> str:
    bersih = " ".join(nama.split())
    if not bersih:
        raise DeckError(f"{apa} tidak boleh kosong.")
    if len(bersih) > PANJANG_NAMA:
        raise DeckError(f"{apa} terlalu panjang ({len(bersih)} huruf; paling banyak {PANJANG_NAMA}).")
    if any(not c.isprintable() for c in bersih):
        raise DeckError(f"{apa} berisi karakter kendali; ketik ulang namanya.")
    return bersih


def ubah(
    nama: str,
    fungsi: Callable[[Dek], Dek],
    warehouse: Path | None = None,
    *,
    oleh: Pengguna | None,
    tindakan: str = "dek.ubah",
    buat: bool = False,
) -> Dek:
    """Change deck ``nama`` by ``fungsi`` (given the deck as it is on disk now) under the file lock, write it
    atomically and record before/after in the audit trail. This read-modify-write under one lock is what keeps
    every edit when several people (or processes) edit at once. ``buat`` creates a missing deck."""
    siapa = wajib(oleh, "penyaji", tindakan="Mengubah presentasi")
    with berkas.kunci(_path_dek(warehouse)):
        daftar = baca_dek(warehouse)
        lama = next((d for d in daftar if d.nama == nama), None)
        if lama is None:
            if not buat:
                raise DeckError(f"Presentasi '{nama}' tidak ada. Yang tersedia: {', '.join(d.nama for d in daftar)}.")
            lama = Dek(_periksa_nama(nama, "Nama presentasi"), [])
            daftar.append(lama)
        sebelum = asdict(lama)
        baru = fungsi(copy.deepcopy(lama))
        baru.nama = _periksa_nama(baru.nama, "Nama presentasi")
        if baru.nama != lama.nama and any(d.nama == baru.nama for d in daftar):
            raise DeckError(f"Nama presentasi '{baru.nama}' sudah dipakai.")
        if baru.snapshot is not None:
            ada = {x.slug for x in _baca_snapshot_mentah(warehouse)}
            if baru.snapshot not in ada:
                raise DeckError(f"Snapshot '{baru.snapshot}' tidak ada (mungkin baru dihapus).")
        daftar = [baru if d is lama else d for d in daftar]
        _tulis_semua_dek(daftar, warehouse)
    audit.catat(siapa, tindakan, lama.nama, sebelum=sebelum, sesudah=asdict(baru), warehouse=warehouse)
    return baru


def ubah_dek(dek: Dek, warehouse: Path | None = None, *, oleh: Pengguna | None, nama_lama: str | None = None) -> None:
    """Save ``dek`` whole (replacing the deck of the same name, or ``nama_lama`` when renaming; created when
    missing). Prefer :func:`ubah` with a small change: a whole deck overwrites what someone else did meanwhile."""

    def ganti(_lama: Dek) -> Dek:
        return copy.deepcopy(dek)

    ubah(nama_lama or dek.nama, ganti, warehouse, oleh=oleh, tindakan="dek.simpan", buat=True)


def tambah_slide(nama_dek: str, slide: Slide, warehouse: Path | None = None, *, oleh: Pengguna | None) -> Dek:
    """Append a view to a deck (created if it does not exist yet)."""

    def tambah(dek: Dek) -> Dek:
        dek.slide.append(slide)
        return dek

    return ubah(nama_dek, tambah, warehouse, oleh=oleh, tindakan="dek.tambah_slide", buat=True)


def pindah_slide(dek: Dek, indeks: int, arah: int) -> Dek:
    """Move slide ``indeks`` up (-1) or down (+1); out-of-range moves change nothing."""
    tujuan = indeks + arah
    if 0 <= indeks < len(dek.slide) and 0 <= tujuan < len(dek.slide):
        dek.slide[indeks], dek.slide[tujuan] = dek.slide[tujuan], dek.slide[indeks]
    return dek


def _periksa_posisi(dek: Dek, indeks: int, dilihat: Slide | None) -> None:
    """Refuse a move or a removal when slide ``indeks`` is no longer the one the user saw there (``dilihat``):
    someone else moved, removed or added a slide since the page was drawn, and by position alone the click
    would hit another slide."""
    if dilihat is not None and (not 0 <= indeks < len(dek.slide) or dek.slide[indeks] != dilihat):
        raise DeckError(
            f"Daftar slide '{dek.nama}' telah diubah oleh pengguna lain sejak halaman ini dimuat; tidak ada yang "
            "diubah. Periksa daftar yang baru, lalu ulangi."
        )


def geser_slide(
    nama_dek: str,
    indeks: int,
    arah: int,
    warehouse: Path | None = None,
    *,
    oleh: Pengguna | None,
    dilihat: Slide | None = None,
) -> Dek:
    """Move slide ``indeks`` of deck ``nama_dek`` up (-1) or down (+1), on the deck as saved now; with
    ``dilihat`` (the slide the user saw at ``indeks``) only if it is still there."""

    def geser(dek: Dek) -> Dek:
        _periksa_posisi(dek, indeks, dilihat)
        return pindah_slide(dek, indeks, arah)

    return ubah(nama_dek, geser, warehouse, oleh=oleh, tindakan="dek.pindah_slide")


def hapus_slide(
    nama_dek: str, indeks: int, warehouse: Path | None = None, *, oleh: Pengguna | None, dilihat: Slide | None = None
) -> Dek:
    """Remove slide ``indeks`` of deck ``nama_dek`` (nothing when it no longer exists); with ``dilihat`` only if
    that slide is still at ``indeks``."""

    def buang(dek: Dek) -> Dek:
        _periksa_posisi(dek, indeks, dilihat)
        if 0 <= indeks < len(dek.slide):
            dek.slide.pop(indeks)
        return dek

    return ubah(nama_dek, buang, warehouse, oleh=oleh, tindakan="dek.hapus_slide")


def ganti_nama_dek(nama_lama: str, nama_baru: str, warehouse: Path | None = None, *, oleh: Pengguna | None) -> Dek:
    """Rename a deck (the new name must be free)."""

    def ganti(dek: Dek) -> Dek:
        dek.nama = nama_baru
        return dek

    return ubah(nama_lama, ganti, warehouse, oleh=oleh, tindakan="dek.ganti_nama")


def ikat_snapshot(nama_dek: str, slug: str | None, warehouse: Path | None = None, *, oleh: Pengguna | None) -> Dek:
    """Bind a deck to snapshot ``slug`` (None = the current data)."""

    def ikat(dek: Dek) -> Dek:
        dek.snapshot = slug
        return dek

    return ubah(nama_dek, ikat, warehouse, oleh=oleh, tindakan="dek.ikat_snapshot")


# --- snapshots ("kunci data") ---------------------------------------------------------------------------
def _slug(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return slug[:60].strip("-") or "snapshot"


def sha256_berkas(path: Path) -> str:
    """Checksum of a file, read in blocks (a national-size warehouse is about 1 GB)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def sha256_snapshot(duckdb_file: Path, parquet: Path | None) -> str:
    """The snapshot's checksum: the DuckDB copy alone, or (with a Parquet folder) a hash over the DuckDB copy's
    checksum and each Parquet file's name and checksum, in name order."""
    if parquet is None:
        return sha256_berkas(duckdb_file)
    h = hashlib.sha256(f"duckdb {sha256_berkas(duckdb_file)}\n".encode())
    for f in sorted(parquet.glob("*.parquet")):
        h.update(f"{f.name} {sha256_berkas(f)}\n".encode())
    return h.hexdigest()


def _hapus_berkas_snapshot(snap: Snapshot, warehouse: Path | None) -> None:
    """Remove a snapshot's DuckDB copy and its Parquet folder."""
    path_snapshot(snap, warehouse).unlink(missing_ok=True)
    if snap.parquet:
        shutil.rmtree(_folder_snapshot(warehouse) / snap.parquet, ignore_errors=True)


def _folder_snapshot(warehouse: Path | None) -> Path:
    return folder(warehouse) / "snapshot"


def _path_daftar_snapshot(warehouse: Path | None) -> Path:
    return _folder_snapshot(warehouse) / "snapshot.json"


def _baca_snapshot_mentah(warehouse: Path | None) -> list[Snapshot]:
    raw = _baca_json(_path_daftar_snapshot(warehouse)).get("snapshot", [])
    kolom = {f.name for f in fields(Snapshot)}
    return [Snapshot(**{k: v for k, v in s.items() if k in kolom}) for s in raw]


def baca_snapshot(warehouse: Path | None = None) -> list[Snapshot]:
    """All snapshots whose file exists, newest first (a half-written one is never listed)."""
    ada = [s for s in _baca_snapshot_mentah(warehouse) if path_snapshot(s, warehouse).is_file()]
    return sorted(ada, key=lambda s: s.dibuat_pada, reverse=True)


def ambil_snapshot(slug: str, warehouse: Path | None = None) -> Snapshot:
    """The snapshot ``slug`` (or its label); a clear message otherwise."""
    for s in baca_snapshot(warehouse):
        if slug in (s.slug, s.label):
            return s
    ada = ", ".join(f"{s.slug} ({s.label})" for s in baca_snapshot(warehouse)) or "belum ada"
    raise DeckError(f"Snapshot '{slug}' tidak ada. Yang tersedia: {ada}.")


def path_snapshot(snapshot: Snapshot, warehouse: Path | None = None) -> Path:
    """The frozen warehouse file of a snapshot."""
    return _folder_snapshot(warehouse) / snapshot.berkas


def _tulis_daftar_snapshot(daftar: list[Snapshot], warehouse: Path | None) -> None:
    _tulis_atomik(
        _path_daftar_snapshot(warehouse),
        json.dumps({"snapshot": [asdict(s) for s in daftar]}, ensure_ascii=False, indent=2),
    )


def _dipakai(warehouse: Path | None) -> dict[str, list[str]]:
    """Snapshot slug -> the decks bound to it."""
    pakai: dict[str, list[str]] = {}
    for d in _baca_dek_mentah(warehouse):
        if d.snapshot:
            pakai.setdefault(d.snapshot, []).append(d.nama)
    return pakai


def _ukuran(daftar: list[Snapshot], warehouse: Path | None) -> int:
    """Bytes the snapshots hold on disk: each distinct file (inode) once, at its full size."""
    dilihat: dict[tuple[int, int], int] = {}
    for s in daftar:
        berkas_s = [path_snapshot(s, warehouse)]
        if s.parquet:
            berkas_s += list((_folder_snapshot(warehouse) / s.parquet).glob("*.parquet"))
        for f in berkas_s:
            try:
                st = f.stat()
            except OSError:
                continue
            dilihat[(st.st_dev, st.st_ino)] = st.st_size
    return sum(dilihat.values())


def _salin_atau_tautkan(sumber: Path, tujuan: Path) -> str:
    """A hard link when the data folder allows it (the warehouse is only ever replaced by a rename, never
    written in place, so the link stays the frozen state); a copy otherwise. Returns "tautan" or "salinan"."""
    try:
        os.link(sumber, tujuan)
        return "tautan"
    except OSError:
        shutil.copy2(sumber, tujuan)
        return "salinan"


def kunci_data(
    label: str,
    warehouse: Path | None = None,
    *,
    oleh: Pengguna | None,
    dek: str = DEK_DEFAULT,
    sekarang: dt.datetime | None = None,
) -> Snapshot:
    """Freeze the current warehouse under ``label`` (e.g. "Rakornis Mei 2026") for deck ``dek``.

    Labels are unique (case and spacing ignored). At most :func:`settings.snapshot_per_dek` snapshots are kept
    per deck and all of them within :func:`settings.snapshot_anggaran_byte`: the oldest snapshots of this deck
    that no deck is bound to make room; when none can go, the press is refused with a note (nothing written).
    """
    siapa = wajib(oleh, "penyaji", tindakan="Kunci data")
    sumber = warehouse or settings.warehouse_path()
    if not sumber.exists():
        raise DeckError(f"Gudang data {sumber} tidak ditemukan; tidak ada yang dapat dikunci.")
    label = _periksa_nama(label, "Label snapshot")
    waktu = sekarang or dt.datetime.now(dt.UTC)
    target_dir = _folder_snapshot(warehouse)
    dihapus: list[Snapshot] = []
    with berkas.kunci(_path_daftar_snapshot(warehouse)):
        _bersihkan(warehouse)
        semua = baca_snapshot(warehouse)
        if any(" ".join(s.label.lower().split()) == label.lower() for s in semua):
            raise DeckError(f"Label snapshot '{label}' sudah dipakai; beri label lain (mis. tambahkan tanggal).")
        slug = f"{_slug(label)}-{waktu:%Y%m%d-%H%M%S}"
        while any(s.slug == slug for s in semua):
            slug += "-b"
        pakai = _dipakai(warehouse)
        milik = sorted((s for s in semua if s.dek == dek), key=lambda s: s.dibuat_pada)
        boleh_buang = [s for s in milik if s.slug not in pakai]
        ukuran_baru = sumber.stat().st_size
        anggaran = settings.snapshot_anggaran_byte()
        tetap = list(semua)
        while len([s for s in tetap if s.dek == dek]) >= settings.snapshot_per_dek() or (
            _ukuran(tetap, warehouse) + ukuran_baru > anggaran
        ):
            if not boleh_buang:
                if len([s for s in tetap if s.dek == dek]) >= settings.snapshot_per_dek():
                    alasan = f"sudah ada {settings.snapshot_per_dek()} snapshot untuk presentasi {dek}"
                else:
                    alasan = f"snapshot akan melewati anggaran {anggaran // 1_048_576} MB"
                raise DeckError(
                    f"Kunci data ditolak: {alasan} dan semuanya masih dipakai presentasi. "
                    "Lepaskan ikatan atau minta admin menghapus snapshot lama."
                )
            buang = boleh_buang.pop(0)
            tetap.remove(buang)
            dihapus.append(buang)
        berkas_baru = f"{slug}.duckdb"
        parquet_baru = f"{slug}.parquet"
        tmp = target_dir / f".{slug}.duckdb{berkas.AKHIRAN_TMP}"
        parquet_tmp = target_dir / f".{slug}.parquet{berkas.AKHIRAN_TMP}"
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            cara = _salin_atau_tautkan(sumber, tmp)
            tmp.replace(target_dir / berkas_baru)
            db.tulis_parquet(target_dir / berkas_baru, parquet_tmp)
            parquet_tmp.replace(target_dir / parquet_baru)
            sha = sha256_snapshot(target_dir / berkas_baru, target_dir / parquet_baru)
            snap = Snapshot(
                slug, label, waktu.isoformat(timespec="seconds"), sha, berkas_baru, dek, siapa.nama, parquet_baru
            )
            _tulis_daftar_snapshot([*tetap, snap], warehouse)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            shutil.rmtree(parquet_tmp, ignore_errors=True)
            (target_dir / berkas_baru).unlink(missing_ok=True)
            shutil.rmtree(target_dir / parquet_baru, ignore_errors=True)
            raise berkas.sebagai_diskgagal(
                exc, target_dir, yang_aman="gudang data dan snapshot lama tidak diubah"
            ) from exc
        for s in dihapus:
            _hapus_berkas_snapshot(s, warehouse)
    audit.catat(
        siapa,
        "snapshot.buat",
        slug,
        sebelum=None,
        sesudah={"label": label, "dek": dek, "sha256": sha, "cara": cara, "dibuang": [s.slug for s in dihapus]},
        warehouse=warehouse,
    )
    return snap


def hapus_snapshot(slug: str, warehouse: Path | None = None, *, oleh: Pengguna | None) -> Snapshot:
    """Delete a snapshot (admin only); refused while a deck is bound to it (the message names the decks)."""
    siapa = wajib(oleh, tindakan="Menghapus snapshot")
    with berkas.kunci(_path_daftar_snapshot(warehouse)):
        semua = _baca_snapshot_mentah(warehouse)
        snap = next((s for s in semua if slug in (s.slug, s.label)), None)
        if snap is None:
            raise DeckError(f"Snapshot '{slug}' tidak ada.")
        if pemakai := _dipakai(warehouse).get(snap.slug):
            raise DeckError(
                f"Snapshot '{snap.label}' masih dipakai presentasi {', '.join(pemakai)}; lepaskan ikatannya dulu."
            )
        _tulis_daftar_snapshot([s for s in semua if s.slug != snap.slug], warehouse)
        _hapus_berkas_snapshot(snap, warehouse)
    audit.catat(siapa, "snapshot.hapus", snap.slug, sebelum=asdict(snap), sesudah=None, warehouse=warehouse)
    return snap


def _bersihkan(warehouse: Path | None) -> list[Path]:
    """Under the snapshot lock: temporary files and snapshot files no list entry names (a crash between the
    rename and the list) are removed."""
    target_dir = _folder_snapshot(warehouse)
    sisa = berkas.bersihkan_tmp(target_dir)
    if target_dir.is_dir():
        daftar = _baca_snapshot_mentah(warehouse)
        dikenal = {s.berkas for s in daftar} | {s.parquet for s in daftar if s.parquet}
        for p in target_dir.glob(f".*.parquet{berkas.AKHIRAN_TMP}"):
            shutil.rmtree(p, ignore_errors=True)
            sisa.append(p)
        for p in [*target_dir.glob("*.duckdb"), *target_dir.glob("*.parquet")]:
            if p.name in dikenal:
                continue
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            sisa.append(p)
    return sisa


def bersihkan_sisa(warehouse: Path | None = None) -> list[Path]:
    """What a crash or a full disk left half-written in ``presentasi/`` (called once at start): removed under
    the locks, so a write in progress in another process is never touched. Returns the removed paths."""
    sisa: list[Path] = []
    if not folder(warehouse).is_dir():
        return sisa
    try:
        with berkas.kunci(_path_dek(warehouse)):
            sisa += berkas.bersihkan_tmp(folder(warehouse))
        with berkas.kunci(_path_daftar_snapshot(warehouse)):
            sisa += _bersihkan(warehouse)
    except OSError:
        return sisa  # a read-only data folder: nothing to clean, nothing is listed anyway
    return sisa
