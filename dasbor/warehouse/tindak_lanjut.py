"""Tindak lanjut: the register of Rakornis commitments per kabupaten and their dated updates.

Office state (DATA_MODEL.md): the master copy is ``tindak_lanjut.json`` in the data folder beside the
warehouse, changed only under its lock with an atomic replace (:mod:`dasbor.warehouse.kantor`). Who may do what
is checked here, in the writing functions (:func:`peran.wajib`):

* penyaji and admin record meetings and commitments, import the XLSX template and carry a commitment over to
  a later meeting;
* an operator updates the status (with a dated note) of the commitments of their own kabupaten only;
* everyone reads.

Every write takes the :class:`Pengguna` and stores who made the change, so an audit log can read it later.
A commitment's ``indikator`` is one of the dashboard's KPI columns (``jumlah_ikm``, ``indeks_hilirisasi``, ...:
the evaluation then shows the value measured now) or free text.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from dasbor.warehouse import audit, berkas, peran, settings
from dasbor.warehouse.peran import Pengguna

STATUS: tuple[str, ...] = ("belum", "berjalan", "selesai", "batal")
"""A commitment's status, in the order it usually moves."""

NAMA_BERKAS = "tindak_lanjut.json"


class TindakLanjutSalah(ValueError):  # noqa: N818 - Indonesian domain name, like the rest
    """A meeting, commitment, update or XLSX row that cannot be saved; the message says what and where."""


@dataclass(frozen=True)
class Rapat:
    """A meeting (Rakornis): its label, date and, optionally, the snapshot its numbers were frozen in."""

    id: str
    label: str
    tanggal: dt.date
    snapshot: str = ""


@dataclass(frozen=True)
class Pembaruan:
    """A dated status change with its note."""

    tanggal: dt.date
    status: str
    catatan: str
    oleh: str


@dataclass(frozen=True)
class Komitmen:
    """One commitment agreed at a meeting. ``kode_bps`` empty = the province itself."""

    id: str
    rapat_id: str
    kode_bps: str
    program: str
    indikator: str
    target_nilai: float | None = None
    target_tahun: int | None = None
    satuan: str = ""
    penanggung_jawab: str = ""
    tenggat: dt.date | None = None
    status: str = "belum"
    pembaruan: tuple[Pembaruan, ...] = ()
    asal_id: str = ""
    """The commitment of an earlier meeting this one carries over (empty for a new one)."""
    dibuat_oleh: str = ""

    @property
    def catatan_terakhir(self) -> Pembaruan | None:
        """The latest dated update, if any."""
        return self.pembaruan[-1] if self.pembaruan else None


@dataclass
class Register:
    """Everything in the file: meetings (oldest first) and commitments."""

    rapat: list[Rapat] = field(default_factory=list)
    komitmen: list[Komitmen] = field(default_factory=list)

    def rapat_menurut_id(self) -> dict[str, Rapat]:
        """Meetings by id."""
        return {r.id: r for r in self.rapat}

    def komitmen_rapat(self, rapat_id: str) -> list[Komitmen]:
        """The commitments agreed at one meeting."""
        return [k for k in self.komitmen if k.rapat_id == rapat_id]

    def riwayat(self, komitmen_id: str) -> list[Komitmen]:
        """A commitment and every earlier one it carries over, oldest first (follows ``asal_id``)."""
        per_id = {k.id: k for k in self.komitmen}
        rantai: list[Komitmen] = []
        kini = per_id.get(komitmen_id)
        while kini is not None and kini not in rantai:
            rantai.append(kini)
            kini = per_id.get(kini.asal_id)
        return rantai[::-1]


def path(warehouse: Path | None = None) -> Path:
    """``tindak_lanjut.json`` in the data folder."""
    return (warehouse or settings.warehouse_path()).parent / NAMA_BERKAS


def _tanggal(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(v)) if v not in (None, "") else None


def _dari_json(isi: dict[str, Any]) -> Register:
    rapat = [
        Rapat(r["id"], r["label"], dt.date.fromisoformat(r["tanggal"]), r.get("snapshot", "")) for r in isi["rapat"]
    ]
    komitmen = []
    for k in isi["komitmen"]:
        pembaruan = tuple(
            Pembaruan(dt.date.fromisoformat(p["tanggal"]), p["status"], p["catatan"], p["oleh"]) for p in k["pembaruan"]
        )
        komitmen.append(Komitmen(**{**k, "tenggat": _tanggal(k.get("tenggat")), "pembaruan": pembaruan}))
    return Register(sorted(rapat, key=lambda r: (r.tanggal, r.label)), komitmen)


def baca(warehouse: Path | None = None) -> Register:
    """The register (empty before anything is saved)."""
    isi = berkas.baca_json(path(warehouse))
    return Register() if isi is None else _dari_json(isi)


def _ubah(warehouse: Path | None, fn: Any, *, oleh: Pengguna | None, tindakan: str, objek: str) -> Register:
    """Read, change and write the register under its lock, then append the change to the audit trail."""
    jalur = path(warehouse)
    with berkas.kunci(jalur):
        reg = baca(warehouse)
        fn(reg)
        berkas.tulis_json(
            jalur,
            {"versi": 1, "rapat": [asdict(r) for r in reg.rapat], "komitmen": [asdict(k) for k in reg.komitmen]},
        )
    if oleh is not None:  # the writing functions checked the role before calling
        audit.catat(oleh, f"tindak_lanjut.{tindakan}", objek, warehouse=warehouse)
    return reg


def _teks(v: str, nama: str, *, wajib: bool = True, maks: int = 200) -> str:
    bersih = " ".join(str(v or "").split())
    if wajib and not bersih:
        raise TindakLanjutSalah(f"{nama} wajib diisi.")
    if len(bersih) > maks:
        raise TindakLanjutSalah(f"{nama} terlalu panjang ({len(bersih)} karakter, paling banyak {maks}).")
    return bersih


def simpan_rapat(pengguna: Pengguna | None, rapat: Rapat, warehouse: Path | None = None) -> Rapat:
    """Add a meeting (empty ``id``) or change one. Penyaji and admin only."""
    peran.wajib(pengguna, "penyaji", tindakan="Mencatat rapat")
    bersih = replace(rapat, id=rapat.id or uuid.uuid4().hex[:12], label=_teks(rapat.label, "Nama rapat", maks=120))

    def ubah(reg: Register) -> None:
        if any(r.label.lower() == bersih.label.lower() and r.id != bersih.id for r in reg.rapat):
            raise TindakLanjutSalah(f"Rapat '{bersih.label}' sudah ada.")
        reg.rapat = [r for r in reg.rapat if r.id != bersih.id] + [bersih]

    _ubah(warehouse, ubah, oleh=pengguna, tindakan="rapat", objek=bersih.label)
    return bersih


def periksa_komitmen(k: Komitmen, reg: Register) -> Komitmen:
    """Validate a commitment against the register; raises :class:`TindakLanjutSalah` naming the field."""
    if k.rapat_id not in reg.rapat_menurut_id():
        raise TindakLanjutSalah("Rapat komitmen ini tidak ada: catat rapatnya dulu.")
    if k.kode_bps and not (len(k.kode_bps) == 4 and k.kode_bps.startswith("63") and k.kode_bps.isdigit()):
        raise TindakLanjutSalah(f"Kode kabupaten '{k.kode_bps}' bukan kode BPS Kalimantan Selatan (63xx).")
    if k.status not in STATUS:
        raise TindakLanjutSalah(f"Status '{k.status}' tidak dikenal: pakai {', '.join(STATUS)}.")
    if k.target_tahun is not None and not 2000 <= k.target_tahun <= 2100:
        raise TindakLanjutSalah(f"Tahun target {k.target_tahun} tidak masuk akal.")
    return replace(
        k,
        program=_teks(k.program, "Program"),
        indikator=_teks(k.indikator, "Indikator"),
        satuan=_teks(k.satuan, "Satuan", wajib=False, maks=40),
        penanggung_jawab=_teks(k.penanggung_jawab, "Penanggung jawab", wajib=False),
    )


def simpan_komitmen(pengguna: Pengguna | None, k: Komitmen, warehouse: Path | None = None) -> Komitmen:
    """Add a commitment (empty ``id``) or change one (its updates are kept). Penyaji and admin only."""
    siapa = peran.wajib(pengguna, "penyaji", tindakan="Mencatat komitmen")
    hasil: list[Komitmen] = []

    def ubah(reg: Register) -> None:
        lama = next((x for x in reg.komitmen if x.id == k.id), None) if k.id else None
        bersih = periksa_komitmen(k, reg)
        bersih = replace(
            bersih,
            id=k.id or uuid.uuid4().hex[:12],
            pembaruan=lama.pembaruan if lama else bersih.pembaruan,
            dibuat_oleh=lama.dibuat_oleh if lama else siapa.nama,
        )
        reg.komitmen = [x for x in reg.komitmen if x.id != bersih.id] + [bersih]
        hasil.append(bersih)

    _ubah(warehouse, ubah, oleh=siapa, tindakan="komitmen", objek=k.id or "baru")
    return hasil[0]


def perbarui(
    pengguna: Pengguna | None,
    komitmen_id: str,
    status: str,
    catatan: str,
    *,
    tanggal: dt.date | None = None,
    warehouse: Path | None = None,
) -> Komitmen:
    """Record a dated update. Penyaji and admin for any commitment; an operator for their own kabupaten's."""
    if status not in STATUS:
        raise TindakLanjutSalah(f"Status '{status}' tidak dikenal: pakai {', '.join(STATUS)}.")
    teks = _teks(catatan, "Catatan pembaruan", maks=500)
    hasil: list[Komitmen] = []

    def ubah(reg: Register) -> None:
        k = next((x for x in reg.komitmen if x.id == komitmen_id), None)
        if k is None:
            raise TindakLanjutSalah("Komitmen itu tidak ada (mungkin sudah dihapus).")
        siapa = peran.wajib(pengguna, "penyaji", "operator", tindakan="Memperbarui tindak lanjut", kab=k.kode_bps)
        baru = replace(
            k, status=status, pembaruan=(*k.pembaruan, Pembaruan(tanggal or dt.date.today(), status, teks, siapa.nama))
        )
        reg.komitmen = [baru if x.id == k.id else x for x in reg.komitmen]
        hasil.append(baru)

    _ubah(warehouse, ubah, oleh=pengguna, tindakan=f"perbarui.{status}", objek=komitmen_id)
    return hasil[0]


def bawa_ke(pengguna: Pengguna | None, komitmen_id: str, rapat_id: str, *, warehouse: Path | None = None) -> Komitmen:
    """Carry an unfinished commitment over to a later meeting: a new commitment (status ``berjalan``) that keeps
    the link to the old one, whose own history gets a note. Penyaji and admin only."""
    siapa = peran.wajib(pengguna, "penyaji", tindakan="Membawa komitmen ke rapat berikutnya")
    hasil: list[Komitmen] = []

    def ubah(reg: Register) -> None:
        rapat = reg.rapat_menurut_id()
        k = next((x for x in reg.komitmen if x.id == komitmen_id), None)
        if k is None or rapat_id not in rapat:
            raise TindakLanjutSalah("Komitmen atau rapat tujuan tidak ada.")
        if rapat[rapat_id].tanggal <= rapat[k.rapat_id].tanggal:
            raise TindakLanjutSalah("Komitmen hanya dapat dibawa ke rapat yang lebih kemudian.")
        if any(x.asal_id == k.id and x.rapat_id == rapat_id for x in reg.komitmen):
            raise TindakLanjutSalah(f"Komitmen ini sudah dibawa ke {rapat[rapat_id].label}.")
        hari_ini = dt.date.today()
        catatan = f"Dibawa ke {rapat[rapat_id].label}."
        lama = replace(k, pembaruan=(*k.pembaruan, Pembaruan(hari_ini, k.status, catatan, siapa.nama)))
        baru = replace(
            k,
            id=uuid.uuid4().hex[:12],
            rapat_id=rapat_id,
            status="berjalan" if k.status == "belum" else k.status,
            pembaruan=(),
            asal_id=k.id,
            dibuat_oleh=siapa.nama,
        )
        reg.komitmen = [lama if x.id == k.id else x for x in reg.komitmen] + [baru]
        hasil.append(baru)

    _ubah(warehouse, ubah, oleh=siapa, tindakan="bawa", objek=komitmen_id)
    return hasil[0]


def hapus_komitmen(pengguna: Pengguna | None, komitmen_id: str, warehouse: Path | None = None) -> None:
    """Delete a commitment recorded by mistake. Penyaji and admin only (``batal`` keeps one on record)."""
    peran.wajib(pengguna, "penyaji", tindakan="Menghapus komitmen")
    _ubah(
        warehouse,
        lambda reg: setattr(reg, "komitmen", [x for x in reg.komitmen if x.id != komitmen_id]),
        oleh=pengguna,
        tindakan="hapus",
        objek=komitmen_id,
    )


# --- XLSX template -------------------------------------------------------------------------------------------
KOLOM_XLSX: tuple[tuple[str, str], ...] = (
    ("id", "ID (kosongkan untuk komitmen baru)"),
    ("rapat", "Rapat"),
    ("tanggal_rapat", "Tanggal rapat"),
    ("kode_bps", "Kode BPS (kosong = provinsi)"),
    ("kabupaten", "Kabupaten/kota"),
    ("program", "Program"),
    ("indikator", "Indikator"),
    ("target_nilai", "Target"),
    ("target_tahun", "Tahun target"),
    ("satuan", "Satuan"),
    ("penanggung_jawab", "Penanggung jawab"),
    ("tenggat", "Tenggat"),
    ("status", "Status"),
    ("catatan", "Catatan pembaruan"),
    ("tanggal_catatan", "Tanggal catatan"),
)
"""The template's columns: key and the header a person reads. The sheet is named ``Komitmen``."""
LEMBAR = "Komitmen"


def _sel_tanggal(v: Any, lokasi: str) -> dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    teks = str(v).strip()
    for pola in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(teks, pola).date()
        except ValueError:
            continue
    raise TindakLanjutSalah(f"{lokasi}: '{teks}' bukan tanggal (pakai 2026-03-31 atau 31/03/2026).")


def _sel_angka(v: Any, lokasi: str) -> float | None:
    if v in (None, ""):
        return None
    if isinstance(v, int | float):
        return float(v)
    teks = str(v).strip().replace(".", "").replace(",", ".") if "," in str(v) else str(v).strip()
    try:
        return float(teks)
    except ValueError:
        raise TindakLanjutSalah(f"{lokasi}: '{v}' bukan angka.") from None


def impor_xlsx(
    pengguna: Pengguna | None, isi: bytes, nama_berkas: str, warehouse: Path | None = None
) -> tuple[int, int]:
    """Read the filled-in template: rows with an ID update that commitment, rows without one add it (and its
    meeting, when the label is new). All rows are checked first; one bad row saves nothing, and the message
    names the file, sheet, row and column. Returns (added, changed). Penyaji and admin only."""

    siapa = peran.wajib(pengguna, "penyaji", tindakan="Mengimpor komitmen")
    try:
        buku = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same clear message
        raise TindakLanjutSalah(f"{nama_berkas}: bukan berkas XLSX yang dapat dibaca ({type(exc).__name__}).") from None
    if LEMBAR not in buku.sheetnames:
        raise TindakLanjutSalah(f"{nama_berkas}: lembar '{LEMBAR}' tidak ada (ada: {', '.join(buku.sheetnames)}).")
    baris = list(buku[LEMBAR].iter_rows(values_only=True))
    if not baris:
        raise TindakLanjutSalah(f"{nama_berkas}, lembar {LEMBAR}: kosong.")
    judul = [str(v or "").strip() for v in baris[0]]
    indeks: dict[str, int] = {}
    for kunci, label in KOLOM_XLSX:
        if label not in judul:
            raise TindakLanjutSalah(f"{nama_berkas}, lembar {LEMBAR}, baris 1: kolom '{label}' tidak ada.")
        indeks[kunci] = judul.index(label)
    hitung = {"baru": 0, "ubah": 0}

    def ubah(reg: Register) -> None:
        rapat_label = {r.label.lower(): r for r in reg.rapat}
        per_id = {k.id: k for k in reg.komitmen}
        for nomor, nilai in enumerate(baris[1:], start=2):
            if all(v in (None, "") for v in nilai):
                continue

            def sel(kunci: str, nilai: tuple[Any, ...] = nilai) -> Any:
                i = indeks[kunci]
                return nilai[i] if i < len(nilai) else None

            def di(kunci: str, nomor: int = nomor) -> str:
                return f"{nama_berkas}, lembar {LEMBAR}, baris {nomor}, kolom '{dict(KOLOM_XLSX)[kunci]}'"

            try:
                label = _teks(sel("rapat"), "Rapat", maks=120)
                rapat = rapat_label.get(label.lower())
                if rapat is None:
                    tgl = _sel_tanggal(sel("tanggal_rapat"), di("tanggal_rapat"))
                    if tgl is None:
                        raise TindakLanjutSalah(f"{di('tanggal_rapat')}: rapat baru '{label}' perlu tanggalnya.")
                    rapat = Rapat(uuid.uuid4().hex[:12], label, tgl)
                    reg.rapat.append(rapat)
                    rapat_label[label.lower()] = rapat
                tahun = _sel_angka(sel("target_tahun"), di("target_tahun"))
                id_ = str(sel("id") or "").strip()
                lama = per_id.get(id_) if id_ else None
                if id_ and lama is None:
                    raise TindakLanjutSalah(f"{di('id')}: komitmen '{id_}' tidak ada; kosongkan ID untuk yang baru.")
                k = Komitmen(
                    id=id_ or uuid.uuid4().hex[:12],
                    rapat_id=rapat.id,
                    kode_bps=str(sel("kode_bps") or "").strip().removesuffix(".0"),
                    program=str(sel("program") or ""),
                    indikator=str(sel("indikator") or ""),
                    target_nilai=_sel_angka(sel("target_nilai"), di("target_nilai")),
                    target_tahun=int(tahun) if tahun is not None else None,
                    satuan=str(sel("satuan") or ""),
                    penanggung_jawab=str(sel("penanggung_jawab") or ""),
                    tenggat=_sel_tanggal(sel("tenggat"), di("tenggat")),
                    status=str(sel("status") or "belum").strip().lower(),
                    pembaruan=lama.pembaruan if lama else (),
                    asal_id=lama.asal_id if lama else "",
                    dibuat_oleh=lama.dibuat_oleh if lama else siapa.nama,
                )
                k = periksa_komitmen(k, reg)
                catatan = " ".join(str(sel("catatan") or "").split())
                if catatan and (k.catatan_terakhir is None or k.catatan_terakhir.catatan != catatan):
                    tgl = _sel_tanggal(sel("tanggal_catatan"), di("tanggal_catatan")) or dt.date.today()
                    k = replace(k, pembaruan=(*k.pembaruan, Pembaruan(tgl, k.status, catatan, siapa.nama)))
            except TindakLanjutSalah as exc:
                pesan = str(exc)
                raise TindakLanjutSalah(
                    pesan
                    if pesan.startswith(nama_berkas)
                    else f"{nama_berkas}, lembar {LEMBAR}, baris {nomor}: {pesan}"
                ) from None
            hitung["ubah" if lama else "baru"] += 1
            per_id[k.id] = k
        reg.komitmen = list(per_id.values())

    _ubah(warehouse, ubah, oleh=siapa, tindakan="impor", objek=nama_berkas)
    return hitung["baru"], hitung["ubah"]
