"""``python -m dasbor.akun``: accounts of the dashboard (the code is :mod:`dasbor.warehouse.akun`).

    python -m dasbor.akun tambah NAMA --peran admin|penyaji|operator [--kab KODE]
    python -m dasbor.akun hapus NAMA
    python -m dasbor.akun daftar

The password comes from standard input: asked twice on a terminal, or the first line of a pipe
(``printf '%s\\n' "$SANDI" | python -m dasbor.akun tambah ...``). Whoever can run this command can write the
data folder anyway, so the command line acts as an admin; the audit trail names the system user.
Exit codes: 0 done, 1 refused (the message says why), 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dasbor.warehouse import akun, berkas
from dasbor.warehouse.peran import PERAN, Pengguna


def _sandi() -> str:
    if sys.stdin.isatty():
        sandi = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi: ") != sandi:
            raise akun.AkunSalah("Kata sandi tidak sama.")
        return sandi
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor.akun", description="Akun Dasbor Industri Kalsel.")
    parser.add_argument("--warehouse", type=Path, default=None, help="gudang data (default: DASBOR_WAREHOUSE)")
    parser.add_argument("--oleh", default=None, help="nama pencatat di jejak audit (default: pengguna sistem)")
    sub = parser.add_subparsers(dest="perintah", required=True)
    p_tambah = sub.add_parser("tambah", help="tambah akun, atau ganti peran/kata sandinya")
    p_tambah.add_argument("nama")
    p_tambah.add_argument("--peran", required=True, choices=PERAN)
    p_tambah.add_argument("--kab", default=None, help="kode BPS kabupaten/kota (operator saja), mis. 6303")
    p_hapus = sub.add_parser("hapus", help="hapus akun (sesinya yang terbuka berakhir pada aksi berikutnya)")
    p_hapus.add_argument("nama")
    sub.add_parser("daftar", help="daftar akun (tanpa hash)")
    args = parser.parse_args(argv)
    oleh = Pengguna(args.oleh or f"{getpass.getuser()} (baris perintah)", "admin")
    try:
        if args.perintah == "tambah":
            a = akun.tambah(args.nama, args.peran, _sandi(), kab=args.kab, oleh=oleh, warehouse=args.warehouse)
            print(f"Akun {a.nama} disimpan: {akun.label_akun(a)} ({akun.path_akun(args.warehouse)}).")
        elif args.perintah == "hapus":
            a = akun.hapus(args.nama, oleh=oleh, warehouse=args.warehouse)
            print(f"Akun {a.nama} ({akun.label_akun(a)}) dihapus.")
        else:
            daftar = akun.baca_berkas(args.warehouse)
            if not daftar:
                print(f"Belum ada akun di {akun.path_akun(args.warehouse)}.")
            for a in sorted(daftar, key=lambda x: x.nama):
                print(f"{a.nama:<24} {akun.label_akun(a):<28} dibuat {a.dibuat_pada or '-'}")
    except (akun.AkunSalah, berkas.DiskGagal) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
