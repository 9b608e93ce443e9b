"""Command line: ``python -m dasbor.cadangan buat|pulihkan|cek FILE [--gudang W] [--dengan-gudang]``.

``buat`` writes one zip with everything the office made in the data folder beside the warehouse (import
archive and manifest, decks, snapshots, accounts, audit log, events, follow-ups ...); ``--dengan-gudang`` adds
the warehouse tables as Parquet. ``pulihkan`` restores into an empty data folder and rebuilds the warehouse
(sample + reference + replay of the archive). ``cek`` verifies a backup without restoring.
Exit status: 0 done, 1 the backup is damaged or cannot be restored here (the message says why), 2 usage error.
The code is :mod:`dasbor.warehouse.cadangan`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dasbor.warehouse import cadangan, settings
from dasbor.warehouse.peran import Pengguna


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m dasbor.cadangan", description="Cadangkan dan pulihkan data kantor."
    )
    parser.add_argument("perintah", choices=["buat", "pulihkan", "cek"], help="buat, pulihkan, atau cek cadangan")
    parser.add_argument("berkas", type=Path, help="berkas cadangan (.zip)")
    parser.add_argument("--gudang", type=Path, help="berkas gudang data (default: DASBOR_WAREHOUSE)")
    parser.add_argument(
        "--dengan-gudang", action="store_true", help="sertakan tabel gudang data sebagai Parquet (buat saja)"
    )
    args = parser.parse_args(argv)
    oleh = Pengguna(f"{getpass.getuser()} (baris perintah)", "admin")  # the server's shell is admin
    gudang: Path = args.gudang or settings.warehouse_path()
    berkas: Path = args.berkas
    try:
        if args.perintah == "buat":
            laporan = cadangan.buat(gudang, berkas, oleh=oleh, dengan_gudang=args.dengan_gudang)
            print(f"Cadangan ditulis ke {berkas}: {cadangan.ringkas(laporan)}.")
            return 0
        if not berkas.is_file():
            print(f"Berkas cadangan tidak ditemukan: {berkas}", file=sys.stderr)
            return 2
        if args.perintah == "cek":
            laporan = cadangan.cek(berkas)
            if laporan.masalah:
                print(f"Cadangan {berkas} RUSAK ({len(laporan.masalah)} masalah):", file=sys.stderr)
                for m in laporan.masalah:
                    print(f"  - {m}", file=sys.stderr)
                return 1
            print(f"Cadangan {berkas} utuh (dibuat {laporan.dibuat_pada}): {cadangan.ringkas(laporan)}.")
            return 0
        print(f"Memulihkan {berkas} ke {gudang.parent} ...", flush=True)
        laporan = cadangan.pulihkan(berkas, gudang, oleh=oleh)
        putaran = f"; {laporan.putaran.kalimat()}" if laporan.putaran else ""
        print(f"Dipulihkan: {cadangan.ringkas(laporan)}; gudang data {gudang} dibangun ulang{putaran}.")
        return 0
    except cadangan.CadanganGagal as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
