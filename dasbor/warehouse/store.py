"""Named decks and warehouse snapshots, stored beside the warehouse (not in a browser session).

Layout, next to the warehouse file: ``presentasi/dek.json`` (the decks) and ``presentasi/snapshot/`` (frozen
warehouse copies plus ``snapshot.json``). Every write goes to a temporary file renamed over the old one, so a
crash never leaves a half-written deck. The default deck "Rakornis" exists even before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dasbor.warehouse import db, settings

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
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as f:
        f.write(teks)
        tmp = Path(f.name)
    tmp.replace(path)


def _baca_json(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
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


def simpan_dek(daftar: list[Dek], warehouse: Path | None = None) -> None:
    """Write all decks atomically."""
    _tulis_atomik(
        folder(warehouse) / "dek.json",
        json.dumps({"dek": [asdict(d) for d in daftar]}, ensure_ascii=False, indent=2),
    )


def ambil_dek(nama: str, warehouse: Path | None = None) -> Dek:
    """The deck called ``nama``; a clear message naming the decks that exist otherwise."""
    for d in baca_dek(warehouse):
        if d.nama == nama:
            return d
    ada = ", ".join(d.nama for d in baca_dek(warehouse))
    raise DeckError(f"Presentasi '{nama}' tidak ada. Yang tersedia: {ada}.")


def ubah_dek(dek: Dek, warehouse: Path | None = None, *, nama_lama: str | None = None) -> None:
    """Save ``dek`` (replacing the deck of the same name, or ``nama_lama`` when renaming)."""
    daftar = baca_dek(warehouse)
    cari = nama_lama or dek.nama
    if nama_lama and nama_lama != dek.nama and any(d.nama == dek.nama for d in daftar):
        raise DeckError(f"Nama presentasi '{dek.nama}' sudah dipakai.")
    for i, d in enumerate(daftar):
        if d.nama == cari:
            daftar[i] = dek
            break
    else:
        daftar.append(dek)
    simpan_dek(daftar, warehouse)


def tambah_slide(nama_dek: str, slide: Slide, warehouse: Path | None = None) -> Dek:
    """Append a view to a deck (created if it does not exist yet)."""
    try:
        dek = ambil_dek(nama_dek, warehouse)
    except DeckError:
        dek = Dek(nama_dek, [])
    dek.slide.append(slide)
    ubah_dek(dek, warehouse)
    return dek


def pindah_slide(dek: Dek, indeks: int, arah: int) -> Dek:
    """Move slide ``indeks`` up (-1) or down (+1); out-of-range moves change nothing."""
    tujuan = indeks + arah
    if 0 <= indeks < len(dek.slide) and 0 <= tujuan < len(dek.slide):
        dek.slide[indeks], dek.slide[tujuan] = dek.slide[tujuan], dek.slide[indeks]
    return dek


# --- snapshots ("kunci data") ---------------------------------------------------------------------------
def _slug(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return slug or "snapshot"


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


def baca_snapshot(warehouse: Path | None = None) -> list[Snapshot]:
    """All snapshots, newest first."""
    raw = _baca_json(folder(warehouse) / "snapshot" / "snapshot.json").get("snapshot", [])
    return sorted((Snapshot(**s) for s in raw), key=lambda s: s.dibuat_pada, reverse=True)


def ambil_snapshot(slug: str, warehouse: Path | None = None) -> Snapshot:
    """The snapshot ``slug`` (or its label); a clear message otherwise."""
    for s in baca_snapshot(warehouse):
        if slug in (s.slug, s.label):
            return s
    ada = ", ".join(f"{s.slug} ({s.label})" for s in baca_snapshot(warehouse)) or "belum ada"
    raise DeckError(f"Snapshot '{slug}' tidak ada. Yang tersedia: {ada}.")


def path_snapshot(snapshot: Snapshot, warehouse: Path | None = None) -> Path:
    """The frozen warehouse file of a snapshot."""
    return folder(warehouse) / "snapshot" / snapshot.berkas


def kunci_data(label: str, warehouse: Path | None = None, *, sekarang: dt.datetime | None = None) -> Snapshot:
    """Freeze the current warehouse under ``label`` (e.g. "Rakornis Mei 2026")."""
    sumber = warehouse or settings.warehouse_path()
    if not sumber.exists():
        raise DeckError(f"Gudang data {sumber} tidak ditemukan; tidak ada yang dapat dikunci.")
    if not label.strip():
        raise DeckError("Label snapshot tidak boleh kosong.")
    waktu = sekarang or dt.datetime.now(dt.UTC)
    slug = f"{_slug(label)}-{waktu:%Y%m%d-%H%M%S}"
    target_dir = folder(warehouse) / "snapshot"
    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = target_dir / f".{slug}.duckdb.tmp"
    shutil.copy2(sumber, tmp)
    berkas = f"{slug}.duckdb"
    tmp.replace(target_dir / berkas)
    parquet_tmp = target_dir / f".{slug}.parquet.tmp"
    shutil.rmtree(parquet_tmp, ignore_errors=True)
    db.tulis_parquet(target_dir / berkas, parquet_tmp)
    parquet_tmp.replace(target_dir / f"{slug}.parquet")
    sha = sha256_snapshot(target_dir / berkas, target_dir / f"{slug}.parquet")
    snap = Snapshot(slug, label.strip(), waktu.isoformat(timespec="seconds"), sha, berkas, f"{slug}.parquet")
    semua = [asdict(s) for s in baca_snapshot(warehouse)] + [asdict(snap)]
    _tulis_atomik(target_dir / "snapshot.json", json.dumps({"snapshot": semua}, ensure_ascii=False, indent=2))
    return snap
