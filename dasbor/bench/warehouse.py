"""The warehouse a benchmark run measures: built once per scale and seed in a cache folder, or prebuilt.

Cache layout, one folder per scale and seed (``bench/cache/skala-1-seed-42/``): ``masukan/`` (the generated
Parquet inputs), ``gudang.duckdb``, ``build.json`` (what the build took) and ``parquet/`` (the raw warehouse
tables copied to Parquet for the pandas baseline). A cached warehouse is reused only while the build code is
unchanged (a fingerprint of the build SQL, generator and reference tables), so a stale file never gets timed.

The build runs in a child process, so its peak memory is measured alone (``ru_maxrss`` of that process) and
the benchmark's own allocations do not blur it.
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from dasbor.warehouse import build, db, settings

PANDAS_TABLES = (
    "ikm", "ekspor", "sumber", "wilayah", "hs_rantai", "kurs", "kbli2", "hs4_uraian", "program", "target", "kawasan",
    "kawasan_tenant",
)  # fmt: skip
"""Tables the pandas baseline reads: the raw registry and exports plus the small reference tables (each copied
only if the warehouse has it: reference tables come and go with the build)."""


@dataclass(frozen=True)
class Warehouse:
    """The measured warehouse and how it came to be."""

    path: Path
    parquet: Path
    origin: str
    """'built' (this run), 'cache' (an earlier run's build, same code) or 'prebuilt' (``--warehouse``)."""
    build_s: float | None
    build_peak_rss_mb: float | None
    size_mb: float
    rows: dict[str, int]


def cache_folder(cache: Path, scale: float, seed: int) -> Path:
    """One folder per scale and seed."""
    return cache / f"skala-{scale:g}-seed-{seed}"


def fingerprint() -> str:
    """Hash of everything a build depends on: the build SQL, generator, build module and reference tables."""
    root = settings.PROJECT_ROOT
    files = sorted(
        [
            *settings.queries_dir().glob("build/*.sql"),
            *settings.reference_dir().glob("*.csv"),
            *(root / "dasbor" / "warehouse").glob("sample.py"),
            *(root / "dasbor" / "warehouse").glob("sample/*.py"),
            root / "dasbor" / "warehouse" / "build.py",
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def prepare(
    *, scale: float, seed: int, cache: Path, prebuilt: Path | None = None, rebuild: bool = False, log: bool = True
) -> Warehouse:
    """Return a warehouse at ``scale``: ``prebuilt`` as is, else the cached build if current, else a new build."""
    if prebuilt is not None:
        if not prebuilt.exists():
            raise FileNotFoundError(f"gudang {prebuilt} tidak ada")
        folder = cache / f"prebuilt-{hashlib.sha256(str(prebuilt.resolve()).encode()).hexdigest()[:10]}"
        return _finish(prebuilt, folder, "prebuilt", None, None, log=log)
    folder = cache_folder(cache, scale, seed)
    out = folder / "gudang.duckdb"
    record = folder / "build.json"
    current = fingerprint()
    if not rebuild and out.exists() and record.exists():
        saved = json.loads(record.read_text(encoding="utf-8"))
        if saved.get("fingerprint") == current:
            return _finish(out, folder, "cache", saved["build_s"], saved["peak_rss_mb"], log=log)
    if log:
        print(f"Building the scale-{scale:g} warehouse in {folder} ...", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    child = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell, no user text
        [sys.executable, "-m", "dasbor.bench.warehouse", str(out), str(folder / "masukan"), str(seed), str(scale)],
        check=True,
        capture_output=True,
        text=True,
        cwd=settings.PROJECT_ROOT,
    )
    saved = json.loads(child.stdout.strip().splitlines()[-1])
    saved["fingerprint"] = current
    record.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    return _finish(out, folder, "built", saved["build_s"], saved["peak_rss_mb"], log=log)


def _finish(
    path: Path, folder: Path, origin: str, build_s: float | None, peak: float | None, *, log: bool
) -> Warehouse:
    con = db.connect(path, read_only=True)
    try:
        rows = db.table_counts(con)
        parquet = export_parquet(con, path, folder / "parquet", log=log)
    finally:
        con.close()
    return Warehouse(path, parquet, origin, build_s, peak, path.stat().st_size / 1_048_576, rows)


def export_parquet(con: db.Connection, warehouse: Path, folder: Path, *, log: bool) -> Path:
    """Copy the tables of :data:`PANDAS_TABLES` to ``folder/<table>.parquet`` unless a copy of this very
    warehouse file (same size and modification time) is already there."""
    stat = warehouse.stat()
    stamp = {
        "warehouse": str(warehouse.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "tables": list(PANDAS_TABLES),
    }
    stamp_file = folder / "stamp.json"
    if stamp_file.exists() and json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
        return folder
    if log:
        print(f"Copying {', '.join(PANDAS_TABLES)} to Parquet in {folder} ...", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    stamp_file.unlink(missing_ok=True)
    present = db.table_counts(con)
    for table in (t for t in PANDAS_TABLES if t in present):
        db.run_statement(con, "bench/salin_parquet", tabel=table, tujuan=str(folder / f"{table}.parquet"))
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    return folder


def _build_child(argv: list[str]) -> None:
    """Child process: build the sample warehouse and print what it took (seconds, own peak RSS) as JSON."""
    out, masukan, seed, scale = Path(argv[0]), Path(argv[1]), int(argv[2]), float(argv[3])
    report = build.build_sample(out, seed=seed, scale=scale, cache=masukan)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"build_s": round(report.seconds, 2), "peak_rss_mb": round(peak_kb / 1024, 1)}))


if __name__ == "__main__":
    _build_child(sys.argv[1:])
