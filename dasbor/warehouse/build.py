"""``python -m dasbor.build``: inputs -> one DuckDB warehouse file, atomically.

Load inputs (the committed reference tables and a folder of Parquet inputs, by default a freshly generated
sample) / process (the ``queries/build/*.sql`` steps, in order) / save (rename over the old file).

The warehouse is written to a temporary file beside the target and renamed over it only when every step has
succeeded, so a failed or interrupted build leaves the previous warehouse untouched, and a dashboard that has
it open keeps reading the old file until it reconnects. Running it twice gives the same tables: idempotent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from dasbor.warehouse import db, sample, settings

LANGKAH = (
    "makro",
    "staging_ikm",
    "staging_ekspor",
    "staging_program",
    "staging_target",
    "staging_kurs",
    "staging_kawasan_tenant",
    "wilayah",
    "hs_rantai",
    "sumber",
    "kawasan",
    "kawasan_tenant",
    "ikm",
    "ekspor",
    "program",
    "target",
    "kurs",
    "hs_peta",
    "ekspor_bulanan",
    "ekspor_kode_tahunan",
    "angka_rujukan",
    "ikm_ringkas",
    "kbli2",
    "makro_ikm",
    "ekspor_negara",
    "hs4_uraian",
    "impor_log",
    "masukan",
    "meta",
)
"""Build steps in dependency order; each is ``queries/build/<step>.sql``. The ``staging_<table>`` steps define
the table macros ``stg_<table>(masuk)`` (one column list and set of casts per input table) that the table's own
step and the import (``queries/impor/tambah_<table>.sql``) both select from."""


class BuildError(RuntimeError):
    """A build step failed; the message names the step and its SQL file."""


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: rows per table, seconds taken, file size."""

    path: Path
    rows: dict[str, int]
    seconds: float
    size_bytes: int


class Pemutar(Protocol):
    """The replay of the archive of accepted imports (:mod:`dasbor.warehouse.ulang`), handed to :func:`main` by
    the command line: this module cannot import it (the import code it replays builds with this module)."""

    def belum_diarsip(self, gudang: Path) -> list[str]: ...

    def bangun(self, out: Path, dasar: Callable[[Path], BuildReport]) -> tuple[BuildReport, str]: ...


def checksum_masukan(masukan: Path, keterangan: str = "") -> str:
    """Provenance of the build's inputs as JSON for ``queries/build/masukan.sql``: one record per reference
    CSV and per input Parquet file (name, sha256, bytes), the sample's seed and scale in ``keterangan``."""
    daftar = []
    for jenis, folder, pola in (("rujukan", settings.reference_dir(), "*.csv"), ("contoh", masukan, "*.parquet")):
        for path in sorted(folder.glob(pola)):
            isi = path.read_bytes()
            daftar.append(
                {
                    "jenis": jenis,
                    "nama": path.name,
                    "sha256": hashlib.sha256(isi).hexdigest(),
                    "ukuran": len(isi),
                    "keterangan": keterangan if jenis == "contoh" else "data/reference (bagian dari kode)",
                }
            )
    return json.dumps(daftar, ensure_ascii=False)


def build_warehouse(out: Path, masukan: Path, *, keterangan: str = "") -> BuildReport:
    """Build every table from ``masukan`` (Parquet inputs) into ``out``, replacing it only on success;
    ``keterangan`` describes the inputs (the sample's seed and scale) in the ``masukan`` table."""
    mulai = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB must create the file itself
    try:
        con = db.connect(tmp, read_only=False)
        try:
            inputs = {
                "referensi": str(settings.reference_dir()),
                "masukan": str(masukan),
                "versi": versi_skema(),
                "checksum": checksum_masukan(masukan, keterangan),
            }
            for step in LANGKAH:
                try:
                    db.run_statement(con, f"build/{step}", **_params_for(step, inputs))
                except Exception as exc:
                    raise BuildError(f"langkah '{step}' (queries/build/{step}.sql) gagal: {exc}") from exc
            db.checkpoint(con)
            rows = db.table_counts(con)
        finally:
            con.close()
        tmp.replace(out)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    return BuildReport(out, rows, time.perf_counter() - mulai, out.stat().st_size)


@cache
def versi_skema() -> str:
    """Checksum of the build SQL: a warehouse whose ``meta.versi_skema`` differs was built by other code.

    Cached: the files do not change while a process runs, and every page view asks (the frame's warning).
    """
    h = hashlib.sha256()
    for path in sorted((settings.queries_dir() / "build").glob("*.sql")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def status_gudang(path: Path) -> str:
    """'hilang', 'terkini', 'lama' (older schema, sample only: safe to rebuild) or 'lama-impor'."""
    if not path.exists():
        return "hilang"
    con = db.connect(path, read_only=True)
    try:
        row = db.run_query(con, "versi_gudang").row(0, named=True)
    except Exception:  # noqa: BLE001 - a warehouse too old to have meta is simply old
        return "lama"
    finally:
        con.close()
    if row["versi_skema"] == versi_skema():
        return "terkini"
    return "lama-impor" if row["sumber_impor"] else "lama"


def _params_for(step: str, inputs: dict[str, str]) -> dict[str, str]:
    """The input folders a step names: DuckDB rejects parameters a statement does not use."""
    sql = db.load_sql(f"build/{step}")
    return {name: value for name, value in inputs.items() if f"${name}" in sql}


def build_sample(out: Path, *, seed: int = 42, scale: float = 1.0, cache: Path | None = None) -> BuildReport:
    """Generate the sample (in ``cache`` if given, else a temporary folder) and build the warehouse from it."""
    keterangan = f"data contoh: seed {seed}, skala {scale:g}"
    if cache is not None:
        sample.generate(cache, seed=seed, scale=scale)
        return build_warehouse(out, cache, keterangan=keterangan)
    with tempfile.TemporaryDirectory(prefix="dasbor-sample-") as tmp:
        masukan = Path(tmp) / "sample"
        sample.generate(masukan, seed=seed, scale=scale)
        return build_warehouse(out, masukan, keterangan=keterangan)


def print_report(report: BuildReport) -> None:
    """Rows per table, size and time: the figures a maintainer wants after ``make data``."""
    for table, count in sorted(report.rows.items()):
        print(f"  {table:16s} {count:>14,d} baris".replace(",", "."))
    size_mb = report.size_bytes / 1_048_576
    print(f"Gudang data: {report.path} ({size_mb:,.1f} MB), dibangun dalam {report.seconds:.1f} s")


def main(argv: list[str] | None = None, *, pemutar: Pemutar | None = None) -> int:
    """Command line: ``python -m dasbor.build [--out FILE] [--masukan DIR | --scale N --seed S]``.

    With a ``pemutar`` (the package's command line passes the archive's replay) a build replays the archive
    of accepted imports after the sample and reference tables (unless ``--tanpa-arsip``), and ``--if-stale``
    rebuilds a warehouse holding imported data by itself when every import in it is archived.
    """
    parser = argparse.ArgumentParser(prog="python -m dasbor.build", description="Bangun gudang data DuckDB.")
    parser.add_argument("--out", type=Path, default=None, help="berkas gudang (default: DASBOR_WAREHOUSE)")
    parser.add_argument("--masukan", type=Path, default=None, help="folder Parquet masukan (default: data contoh)")
    parser.add_argument("--scale", type=float, default=1.0, help="skala data contoh: 1 = provinsi, 60 = nasional")
    parser.add_argument("--seed", type=int, default=42, help="seed data contoh")
    parser.add_argument("--if-missing", action="store_true", help="lewati bila gudang sudah ada")
    parser.add_argument(
        "--if-stale",
        action="store_true",
        help="bangun bila gudang hilang atau dibangun versi lama (lalu putar ulang arsip impor)",
    )
    parser.add_argument(
        "--tanpa-arsip", action="store_true", help="jangan putar ulang arsip impor (hanya data contoh dan rujukan)"
    )
    args = parser.parse_args(argv)
    out: Path = args.out or settings.warehouse_path()
    if args.tanpa_arsip:
        pemutar = None
    if args.if_missing and out.exists():
        print(f"Gudang data sudah ada: {out}")
        return 0
    kalimat_basi = ""
    if args.if_stale:
        status = status_gudang(out)
        if status == "terkini":
            print(f"Gudang data sudah terkini: {out}")
            return 0
        if status == "lama":
            kalimat_basi = "Versi baru mengubah cara membangun gudang data: dibangun ulang, arsip impor diputar ulang"
        if status == "lama-impor":
            hilang = pemutar.belum_diarsip(out) if pemutar is not None else ["(arsip tidak dipakai)"]
            if hilang:
                print(
                    f"Gudang data {out} dibangun versi lama dan berisi data impor yang tidak ada di arsip "
                    f"({', '.join(hilang[:5])}): tidak dibangun ulang otomatis. Cadangkan, jalankan `make data`, "
                    "lalu impor ulang berkas itu.",
                    file=sys.stderr,
                )
                return 0
            kalimat_basi = "Versi baru mengubah cara membangun gudang data: dibangun ulang, arsip impor diputar ulang"
    print(f"Membangun gudang data {out} ...", flush=True)

    def dasar(tujuan: Path) -> BuildReport:
        if args.masukan is not None:
            return build_warehouse(tujuan, args.masukan)
        return build_sample(tujuan, seed=args.seed, scale=args.scale)

    try:
        if pemutar is None:
            report = dasar(out)
        else:
            report, kalimat = pemutar.bangun(out, dasar)
    except Exception as exc:  # noqa: BLE001 - the command line reports every failure the same way
        print(f"Gagal membangun gudang data: {exc}. Gudang lama (bila ada) tidak diubah.", file=sys.stderr)
        return 1
    print_report(report)
    if pemutar is not None:
        print(f"{kalimat_basi} ({kalimat})." if kalimat_basi else f"Arsip impor: {kalimat}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
