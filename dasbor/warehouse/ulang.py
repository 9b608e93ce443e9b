"""Rebuild = sample and reference + replay of the archive of accepted imports.

Load inputs (the manifest and archived files, :mod:`dasbor.warehouse.arsip`) / process (build the base
warehouse with :mod:`dasbor.warehouse.build`, then check and apply every archived file in order through the
same import code: :func:`~dasbor.warehouse.impor.periksa.periksa` and
:func:`~dasbor.warehouse.impor.simpan.terapkan`, with the original user, time and options; "kembalikan"
entries through :func:`~dasbor.warehouse.impor.simpan.kembalikan`) / save (rename the result over the
warehouse, under the import lock, so a running dashboard never sees a half-replayed warehouse and no import
slips in between).

A file the current rules refuse is skipped and reported; the rest goes on. A "kembalikan" entry whose import
was skipped is skipped too (undoing a different import would be wrong). The last replay's report is kept in
``<warehouse>.impor/putar_ulang.json`` for the Kelola Data page.

Replays use the original import date as "today" for the checks, so a file that was valid when imported is
judged by the rules, not by the calendar (a registry year in the future stays a problem of the file).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dasbor.warehouse import arsip, build, db, settings
from dasbor.warehouse.impor import riwayat, simpan
from dasbor.warehouse.impor.periksa import periksa


@dataclass(frozen=True)
class Dilewati:
    """One manifest entry the replay could not apply, and why (in Indonesian, for the Kelola Data page)."""

    waktu: str
    berkas: str
    jenis: str
    alasan: str


@dataclass
class Putaran:
    """What a replay did."""

    diputar: int = 0
    dilewati: list[Dilewati] = field(default_factory=list)
    detik: float = 0.0

    def kalimat(self) -> str:
        """One line for the command line."""
        teks = f"{self.diputar} entri arsip impor diputar ulang dalam {self.detik:.1f} s"
        if self.dilewati:
            nama = ", ".join(d.berkas for d in self.dilewati[:5])
            teks += f"; {len(self.dilewati)} dilewati ({nama}; lihat Kelola Data)"
        return teks


def _waktu(e: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(str(e["waktu"]))


def _putar_impor(gudang: Path, e: dict[str, Any], dari: Path) -> str | None:
    """Apply one archived file; None when applied, else the reason it was skipped."""
    jalur = arsip.berkas_path(dari, str(e["sha256"]))
    if not jalur.exists():
        return "berkas arsip tidak ada"
    waktu = _waktu(e)
    p = periksa(
        str(e["berkas"]),
        jalur.read_bytes(),
        jenis=str(e["jenis"]),
        tahun=e.get("tahun"),
        lembar=e.get("lembar"),
        terima_sebagian=bool(e.get("terima_sebagian")),
        hari_ini=waktu.astimezone(riwayat.WITA).date(),
    )
    if not p.boleh_impor:
        if p.masalah.height:
            m = p.masalah.row(0, named=True)
            tempat = f"baris {m['baris']}, kolom {m['kolom']}: " if m["baris"] is not None else ""
            return f"tidak lolos aturan saat ini ({p.masalah.height} masalah; pertama: {tempat}{m['aturan']})"
        return "tidak lolos aturan saat ini"
    try:
        simpan.putar_ulang_impor(p, gudang, str(e["oleh"]), sekarang=waktu)
    except Exception as exc:  # noqa: BLE001 - one file that fails must not stop the replay of the others
        return f"gagal diterapkan: {exc}"
    return None


def putar(gudang: Path, entri: list[dict[str, Any]], *, dari: Path | None = None) -> Putaran:
    """Replay ``entri`` (manifest entries, oldest first) onto the warehouse ``gudang``; archived files are read
    from the archive beside ``dari`` (default: beside ``gudang``)."""
    mulai = time.perf_counter()
    dari = dari or gudang
    hasil = Putaran()
    diterapkan: set[str] = set()
    with arsip.memutar():
        for e in entri:
            aksi = e.get("aksi")
            alasan: str | None
            if aksi == "impor":
                alasan = _putar_impor(gudang, e, dari)
                if alasan is None:
                    diterapkan.add(str(e.get("versi")))
            elif aksi == "kembalikan":
                versi = riwayat.daftar_versi(gudang)
                if str(e.get("versi")) not in diterapkan or not versi or versi[0].id != e.get("versi"):
                    alasan = "impor yang dibatalkan tidak ikut diputar ulang"
                else:
                    simpan.putar_ulang_kembalikan(gudang, str(e["oleh"]), sekarang=_waktu(e))
                    alasan = None
            else:
                alasan = f"aksi tidak dikenal: {aksi!r}"
            if alasan is None:
                hasil.diputar += 1
            else:
                nama = str(e.get("berkas") or f"kembalikan {e.get('versi')}")
                hasil.dilewati.append(Dilewati(str(e.get("waktu", "")), nama, str(e.get("jenis", "")), alasan))
    hasil.detik = time.perf_counter() - mulai
    return hasil


def _hapus_kerja(tmp: Path) -> None:
    riwayat.hapus(tmp)
    shutil.rmtree(settings.impor_dir(tmp), ignore_errors=True)


def bangun_ulang(out: Path, dasar: Callable[[Path], build.BuildReport]) -> tuple[build.BuildReport, Putaran]:
    """Build the base warehouse with ``dasar`` (sample + reference) on a working file, replay the archive on it,
    and rename it over ``out``, all under the import lock. The versions kept for "Kembalikan" are those the
    replay made (the old ones belong to warehouses built by other code)."""
    mulai = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with riwayat.kunci(out, "bangun ulang gudang data"):
        tmp = out.parent / f".ulang-{out.name}"
        _hapus_kerja(tmp)
        try:
            dasar(tmp)
            putaran = putar(tmp, arsip.baca(out), dari=out)
            versi_lama = settings.impor_dir(out) / "versi"
            versi_baru = settings.impor_dir(tmp) / "versi"
            shutil.rmtree(versi_lama, ignore_errors=True)
            if versi_baru.is_dir():
                versi_baru.rename(versi_lama)
            riwayat.ganti(out, tmp)
        finally:
            _hapus_kerja(tmp)
        laporan = {"waktu": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **asdict(putaran)}
        arsip.tulis_atomik(laporan_path(out), json.dumps(laporan, ensure_ascii=False, indent=1).encode("utf-8"))
    con = db.connect(out, read_only=True)
    try:
        rows = db.table_counts(con)
    finally:
        con.close()
    report = build.BuildReport(out, rows, time.perf_counter() - mulai, out.stat().st_size)
    return report, putaran


def laporan_path(gudang: Path) -> Path:
    """The last replay's report (JSON) beside the warehouse."""
    return settings.impor_dir(gudang) / "putar_ulang.json"


def laporan_terakhir(gudang: Path) -> dict[str, Any] | None:
    """The last replay's report, or None when the warehouse was never rebuilt with a replay."""
    jalur = laporan_path(gudang)
    if not jalur.exists():
        return None
    try:
        data: dict[str, Any] = json.loads(jalur.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return data


def belum_diarsip(gudang: Path) -> list[str]:
    """Files imported into ``gudang`` (per its log) that the archive does not hold: a rebuild would lose them.
    Boundary files are not counted (the stored boundary file is kept and backed up as it is)."""
    if not gudang.exists():
        return []
    log = simpan.baca_log(gudang)
    ada = {str(e.get("sha256")) for e in arsip.baca(gudang) if e.get("aksi") == "impor"}
    hilang = []
    for baris in log.iter_rows(named=True):
        if baris["status"] in ("diimpor", "sebagian") and baris["jenis"] != "batas" and baris["sha256"] not in ada:
            hilang.append(str(baris["berkas"]))
    return sorted(set(hilang))


class Pemutar:
    """The replay as the build's command line uses it (:class:`dasbor.warehouse.build.Pemutar`)."""

    def belum_diarsip(self, gudang: Path) -> list[str]:
        return belum_diarsip(gudang)

    def bangun(self, out: Path, dasar: Callable[[Path], build.BuildReport]) -> tuple[build.BuildReport, str]:
        report, putaran = bangun_ulang(out, dasar)
        return report, putaran.kalimat()
