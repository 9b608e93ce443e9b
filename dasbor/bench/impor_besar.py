"""A very large registry through the command line: ``python -m dasbor.bench --impor-baris 1000000 ...``.

Generates a registry CSV the way a provincial export looks (semicolons, Indonesian money, local kabupaten
spellings, names that begin with "+" or "@"), then runs ``python -m dasbor.impor FILE --jenis ikm`` on a copy
of the warehouse in a child process and reports rows, file size, wall seconds and the child's peak RSS
(``os.wait4``, what ``/usr/bin/time -v`` calls "Maximum resident set size"). The goal of
issue 12: 1,000,000 rows (about 120 MB) in at most 60 s and 2 GB on the 2-core machine. Figures, not a test.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

KAB = ("Tala", "Kota Baru", "Kab. Banjar", "Batola", "TAPIN", "HSS", "HST", "HSU", "Tabalong", "Tanbu", "Balangan")
KEPALA = (
    "NIB;Nama Usaha;Kab/Kota;Kecamatan;KBLI;Komoditas;TK L;TK P;Investasi (Rp);Nilai Produksi (Rp);"
    "Nilai Bahan Baku (Rp);Tahun Berdiri;Halal;Tahun Data"
)
KOMODITAS = ("Kopi bubuk", "Dodol kandangan", "Anyaman purun", "Kerupuk ikan", "Sasirangan", "Gula aren")
TUJUAN_S = 60.0
TUJUAN_MB = 2048.0


def tulis_csv(path: Path, baris: int, seed: int = 12) -> int:
    """Write a registry CSV of ``baris`` firms; returns its size in bytes."""
    rng = random.Random(seed)  # noqa: S311 - benchmark data, not secrets
    kbli = ("10792", "13134", "16299", "25931", "31002", "10721", "10410")
    awalan = ("UD", "CV", "PT", "Toko", "+62", "@")
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(KEPALA + "\n")
        potong: list[str] = []
        for i in range(baris):
            uang = f"Rp {rng.randint(1, 4000) * 250_000:,d}".replace(",", ".")
            produksi = f"{rng.randint(1, 9000) * 100_000:,d}".replace(",", ".")
            potong.append(
                f"91{i:011d};{awalan[i % 6]} Usaha {i};{KAB[i % 11]};Kecamatan {i % 17};{kbli[i % 7]};"
                f"{KOMODITAS[i % 6]};{rng.randint(0, 40)};{rng.randint(0, 40)};{uang};{produksi};"
                f"{rng.randint(1, 900) * 50_000:,d};{1990 + i % 35};{'Ya' if i % 3 else 'Tidak'};2025\n".replace(
                    ",", "."
                )
            )
            if len(potong) == 50_000:
                f.write("".join(potong))
                potong.clear()
        f.write("".join(potong))
    return path.stat().st_size


def measure(warehouse: Path, baris: int) -> dict[str, Any]:
    """Import a generated ``baris``-row registry into a copy of ``warehouse``; the figures."""
    with tempfile.TemporaryDirectory(prefix="dasbor-bench-impor-") as tmp:
        folder = Path(tmp)
        berkas = folder / f"registri_ikm_{baris}.csv"
        ukuran = tulis_csv(berkas, baris)
        gudang = folder / "gudang.duckdb"
        shutil.copyfile(warehouse, gudang)
        keluar, galat = folder / "keluar.txt", folder / "galat.txt"
        perintah = [sys.executable, "-m", "dasbor.impor", str(berkas), "--jenis", "ikm", "--gudang", str(gudang)]
        mulai = time.perf_counter()
        with keluar.open("w") as f_keluar, galat.open("w") as f_galat:
            proses = subprocess.Popen([*perintah, "--oleh", "bench"], stdout=f_keluar, stderr=f_galat)  # noqa: S603
            # wait4 gives this child's own rusage: its peak RSS, like /usr/bin/time -v.
            _pid, status, pakai = os.wait4(proses.pid, 0)
            proses.returncode = os.waitstatus_to_exitcode(status)
        detik = time.perf_counter() - mulai
        puncak_kb = pakai.ru_maxrss
        baris_akhir = keluar.read_text().strip().splitlines()[-3:] + galat.read_text().strip().splitlines()[-2:]
    hasil = {
        "rows": baris,
        "file_mb": round(ukuran / 1_048_576, 1),
        "seconds": round(detik, 1),
        "peak_rss_mb": round(puncak_kb / 1024, 0),
        "exit_code": proses.returncode,
        "goal_s": TUJUAN_S,
        "goal_mb": TUJUAN_MB,
        "passed": proses.returncode == 0 and detik <= TUJUAN_S and puncak_kb / 1024 <= TUJUAN_MB,
        "last_lines": baris_akhir,
    }
    return {"impor_besar": hasil}


def render(hasil: dict[str, Any]) -> str:
    """One line for the report."""
    h = hasil["impor_besar"]
    tanda = "PASS" if h["passed"] else "MISS"
    return (
        f"Impor registri besar ({h['rows']:,d} baris, {h['file_mb']} MB) lewat baris perintah: {h['seconds']} s, "
        f"puncak RSS {h['peak_rss_mb']:.0f} MB (tujuan <= {h['goal_s']:.0f} s, <= {h['goal_mb']:.0f} MB): {tanda}"
    )
