"""Seeded, deterministic sample data for the whole warehouse contract (``jenis = 'contoh'``).

Why a generator and not a committed extract: the office's registry is not public, and an honest demo must say
it is sample data everywhere. The numbers are calibrated to the public figures in ``shared/reference``:

* about 73,000 IKM in the latest registry year (Kadisperin, May 2023: "hampir 73 ribu"), spread over the
  kabupaten roughly as the 2016 economic census spread non-farm businesses (Banjarmasin 19 %, Banjar 14 %,
  HSU 9 %, ...), with each kabupaten's leading industry (RPIP/RPIK 2023) over-represented;
* median monthly exports of US$ 1.0-1.6 billion, coal (HS 2701) about 85-87 % of value, CPO next, then wood,
  rubber and rattan (BPS Kalsel, January 2024: total US$ 1.00 bn, HS27 US$ 869.6 m, HS15 US$ 99.3 m);
* 20-40 IKM halal-certified a year through the programme; a slow rise of the Indeks Hilirisasi.

Determinism: every random stream is ``numpy.random.default_rng([seed, stream, chunk])`` and files are written
in a fixed order, so the same seed and scale give the same bytes. Memory: IKM are generated in chunks of firms
and exports one year and one block of national sub-codes at a time, so scale 60 (about 4.4 million IKM and
tens of millions of export rows) stays within a few GB.

Scale: ``scale`` multiplies the number of firms; for exports each 8-digit HS code is split into ``scale``
10-digit national sub-codes, which keeps the contract's grain (month x HS code x destination x origin) unique.

Modules: :mod:`.dasar` (years and geography), :mod:`.ikm` (the registry), :mod:`.ekspor` (exports),
:mod:`.tabel_kecil` (programmes, targets, exchange rates, tenants, provenance); this package writes them in order.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from dasbor.warehouse.sample.dasar import TAHUN_EKSPOR, TAHUN_REGISTRI
from dasbor.warehouse.sample.ekspor import write_ekspor
from dasbor.warehouse.sample.ikm import write_ikm
from dasbor.warehouse.sample.tabel_kecil import (
    kurs_frame,
    program_frame,
    sumber_frame,
    target_frame,
    tenant_contoh_frame,
)

__all__ = [
    "TAHUN_EKSPOR",
    "TAHUN_REGISTRI",
    "generate",
    "kurs_frame",
    "main",
    "program_frame",
    "sumber_frame",
    "target_frame",
    "tenant_contoh_frame",
    "write_ekspor",
    "write_ikm",
]


def generate(out: Path, *, seed: int = 42, scale: float = 1.0) -> dict[str, int]:
    """Write the whole sample as Parquet under ``out`` (replaced if present); returns rows per table."""
    if scale <= 0:
        raise ValueError("scale harus lebih dari 0")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    baris = {"ikm": write_ikm(out, seed, scale), "ekspor": write_ekspor(out, seed, scale)}
    small = {
        "program": program_frame(seed),
        "target": target_frame(),
        "kurs": kurs_frame(),
        "kawasan_tenant": tenant_contoh_frame(),
    }
    for name, frame in small.items():
        frame.write_parquet(out / f"{name}.parquet", statistics=False)
        baris[name] = frame.height
    sumber_frame(seed, scale, baris).write_parquet(out / "sumber.parquet", statistics=False)
    return baris


def main(argv: list[str] | None = None) -> int:
    """``python -m dasbor.sample --out DIR [--scale N] [--seed S]``."""
    parser = argparse.ArgumentParser(prog="python -m dasbor.sample", description="Buat data contoh (Parquet).")
    parser.add_argument("--out", type=Path, required=True, help="folder keluaran (ditimpa)")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = provinsi, 60 = ukuran nasional")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    mulai = time.perf_counter()
    baris = generate(args.out, seed=args.seed, scale=args.scale)
    for name, n in baris.items():
        print(f"{name:16s} {n:>12,d} baris".replace(",", "."))
    print(f"selesai dalam {time.perf_counter() - mulai:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
