"""Catatan peristiwa: dated events for the province, a kabupaten or a chain, drawn on the time charts.

Office state (DATA_MODEL.md): the master copy is ``peristiwa.json`` in the data folder beside the warehouse,
changed only under its lock with an atomic replace (:mod:`dasbor.warehouse.kantor`). Until someone saves a
change the list is the committed seed ``data/reference/peristiwa.csv`` (public facts with their sources); the
first change copies the seed into the file. Penyaji and admin edit; every write takes the :class:`Pengguna`
and records who and when, so an audit log can be added later without changing the callers.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from dasbor.warehouse import audit, berkas, peran, settings
from dasbor.warehouse.peran import Pengguna

PRESISI = ("hari", "bulan", "tahun")
"""How precisely the date is known: "17 Okt 2024", "Okt 2021" or "2012" (the date is then the 1st)."""

RANTAI = ("batubara", "sawit", "karet", "rotan", "kayu", "perikanan", "pertanian", "lainnya")
NAMA_BERKAS = "peristiwa.json"


class PeristiwaSalah(ValueError):  # noqa: N818 - Indonesian domain name, like the rest
    """An event that cannot be saved; the message says which field and why."""


@dataclass(frozen=True)
class Peristiwa:
    """One dated event. ``kode_bps`` empty = the whole province; ``rantai`` empty = every chain."""

    id: str
    tanggal: dt.date
    judul: str
    presisi: str = "hari"
    kode_bps: str = ""
    rantai: str = ""
    sumber: str = ""
    sumber_url: str = ""
    dibuat_oleh: str = ""
    diubah_pada: str = ""

    def menyangkut(self, kab: tuple[str, ...] = (), rantai: tuple[str, ...] = ()) -> bool:
        """Whether the event concerns a view of ``kab`` and ``rantai`` (empty = province / every chain).

        A province-wide event concerns every view; a kabupaten event concerns the province view and views that
        include that kabupaten; a chain event concerns views of every chain and views of that chain.
        """
        ok_kab = not self.kode_bps or not kab or self.kode_bps in kab
        ok_rantai = not self.rantai or not rantai or self.rantai in rantai
        return ok_kab and ok_rantai


def path(warehouse: Path | None = None) -> Path:
    """``peristiwa.json`` in the data folder."""
    return (warehouse or settings.warehouse_path()).parent / NAMA_BERKAS


def seed() -> list[Peristiwa]:
    """The committed public facts (``data/reference/peristiwa.csv``)."""
    berkas = settings.reference_dir() / "peristiwa.csv"
    with berkas.open(encoding="utf-8", newline="") as f:
        return [
            Peristiwa(
                id=f"rujukan-{i:02d}",
                tanggal=dt.date.fromisoformat(b["tanggal"]),
                judul=b["judul"],
                presisi=b["presisi"] or "hari",
                kode_bps=b["kode_bps"],
                rantai=b["rantai"],
                sumber=b["sumber"],
                sumber_url=b["sumber_url"],
                dibuat_oleh="rujukan",
            )
            for i, b in enumerate(csv.DictReader(f), start=1)
        ]


def _dari_json(d: dict[str, Any]) -> Peristiwa:
    return Peristiwa(**{**d, "tanggal": dt.date.fromisoformat(str(d["tanggal"]))})


def baca(warehouse: Path | None = None) -> list[Peristiwa]:
    """Every event, oldest first (the seed while nothing has been saved)."""
    isi = berkas.baca_json(path(warehouse))
    daftar = seed() if isi is None else [_dari_json(d) for d in isi["peristiwa"]]
    return sorted(daftar, key=lambda p: (p.tanggal, p.judul))


def periksa(p: Peristiwa) -> Peristiwa:
    """Validate an event before saving; raises :class:`PeristiwaSalah` naming the field."""
    judul = " ".join(p.judul.split())
    if not judul:
        raise PeristiwaSalah("Judul peristiwa wajib diisi.")
    if len(judul) > 160:
        raise PeristiwaSalah(f"Judul peristiwa terlalu panjang ({len(judul)} karakter, paling banyak 160).")
    if p.presisi not in PRESISI:
        raise PeristiwaSalah(f"Presisi tanggal '{p.presisi}' tidak dikenal: pakai {', '.join(PRESISI)}.")
    if p.rantai and p.rantai not in RANTAI:
        raise PeristiwaSalah(f"Rantai '{p.rantai}' tidak dikenal: pakai {', '.join(RANTAI)}.")
    if p.kode_bps and not (len(p.kode_bps) == 4 and p.kode_bps.startswith("63") and p.kode_bps.isdigit()):
        raise PeristiwaSalah(f"Kode kabupaten '{p.kode_bps}' bukan kode BPS Kalimantan Selatan (63xx).")
    if p.sumber_url and not p.sumber_url.startswith(("http://", "https://")):
        raise PeristiwaSalah("Alamat sumber harus diawali http:// atau https://.")
    return replace(p, judul=judul, sumber=" ".join(p.sumber.split()))


def _ubah(pengguna: Pengguna | None, warehouse: Path | None, tindakan: str, fn: Any) -> list[Peristiwa]:
    siapa = peran.wajib(pengguna, "penyaji", tindakan=tindakan)
    jalur = path(warehouse)
    with berkas.kunci(jalur):
        sebelum = baca(warehouse)
        daftar: list[Peristiwa] = fn(sebelum, siapa)
        berkas.tulis_json(jalur, {"versi": 1, "peristiwa": [asdict(p) for p in daftar]})
    berubah = sorted({p.id for p in daftar} ^ {p.id for p in sebelum} | {p.id for p in daftar if p not in sebelum})
    audit.catat(siapa, "peristiwa", ", ".join(berubah) or "-", sesudah={"tindakan": tindakan}, warehouse=warehouse)
    return daftar


def simpan(pengguna: Pengguna | None, p: Peristiwa, warehouse: Path | None = None) -> Peristiwa:
    """Add an event (empty ``id``) or replace the event with the same ``id``. Penyaji and admin only."""
    bersih = periksa(p)

    def ubah(daftar: list[Peristiwa], siapa: Pengguna) -> list[Peristiwa]:
        nonlocal bersih
        bersih = replace(
            bersih,
            id=bersih.id or uuid.uuid4().hex[:12],
            dibuat_oleh=siapa.nama,
            diubah_pada=dt.datetime.now().isoformat(timespec="seconds"),
        )
        return [x for x in daftar if x.id != bersih.id] + [bersih]

    _ubah(pengguna, warehouse, "Menyimpan catatan peristiwa", ubah)
    return bersih


def hapus(pengguna: Pengguna | None, id_: str, warehouse: Path | None = None) -> None:
    """Delete an event by its id. Penyaji and admin only."""
    _ubah(pengguna, warehouse, "Menghapus catatan peristiwa", lambda daftar, _: [x for x in daftar if x.id != id_])
