"""Command line: ``python -m dasbor.impor FILE --jenis KIND [--tahun YEAR] [--lembar SHEET] [--periksa]``.

Exit status: 0 imported (or, with ``--periksa``, the file would import as it is), 1 rejected or not applied
(the report is printed), 2 usage error (unknown option or kind, missing file). Also ``--kembalikan``
(restore the warehouse as before the last import) and ``--templat KIND --out FILE``. No size limit here (the
50 MB limit belongs to the web upload): a file that fits the memory budget imports.
Progress goes to stderr, the report to stdout.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dasbor.views import impor
from dasbor.warehouse import settings
from dasbor.warehouse.impor import riwayat, simpan, templat
from dasbor.warehouse.impor.jenis import JENIS, SEMUA_JENIS
from dasbor.warehouse.impor.periksa import periksa
from dasbor.warehouse.peran import Pengguna


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dasbor.impor",
        description="Impor berkas kantor (IKM, ekspor, tenant, target, batas wilayah) ke gudang data.",
    )
    parser.add_argument("berkas", nargs="?", type=Path, help="berkas CSV, XLSX, GeoJSON atau zip")
    parser.add_argument("--jenis", choices=SEMUA_JENIS, help="jenis berkas (tanpa ini: ditebak dari judul kolom)")
    parser.add_argument("--tahun", type=int, help="tahun data/periode bila berkas tidak menyebutnya")
    parser.add_argument(
        "--lembar", metavar="NAMA", help="baca hanya lembar XLSX ini (tanpa ini: setiap lembar yang cocok jenisnya)"
    )
    parser.add_argument("--periksa", action="store_true", help="hanya periksa, gudang data tidak diubah")
    parser.add_argument(
        "--terima-sebagian", action="store_true", help="impor baris yang sah, lewati yang bermasalah (dilaporkan)"
    )
    parser.add_argument("--oleh", default=None, help="nama pencatat di log impor (default: pengguna sistem)")
    parser.add_argument("--laporan", type=Path, help="tulis laporan lengkap ke berkas .xlsx atau .csv")
    parser.add_argument("--gudang", type=Path, help="berkas gudang data (default: DASBOR_WAREHOUSE)")
    parser.add_argument("--kembalikan", action="store_true", help="kembalikan gudang data ke sebelum impor terakhir")
    parser.add_argument("--templat", choices=list(JENIS), help="tulis templat XLSX jenis ini ke --out")
    parser.add_argument("--out", type=Path, help="berkas keluaran untuk --templat")
    return parser


def _kemajuan(fraksi: float, teks: str, _akhir: list[str] = []) -> None:  # noqa: B006 - remembers the last step
    if not _akhir or _akhir[-1] != teks:
        _akhir.append(teks)
        print(f"[{fraksi:4.0%}] {teks}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    # Whoever runs this on the server can write the data folder anyway: the command line acts as an admin.
    oleh = Pengguna(args.oleh or f"{getpass.getuser()} (baris perintah)", "admin")
    gudang_path: Path = args.gudang or settings.warehouse_path()
    if args.templat:
        if args.out is None:
            parser.error("--templat memerlukan --out BERKAS.xlsx")
        args.out.write_bytes(templat.templat_xlsx(args.templat))
        print(f"Templat {args.templat} ditulis ke {args.out}")
        return 0
    if args.kembalikan:
        try:
            v = simpan.kembalikan(gudang_path, oleh)
        except (riwayat.ImporGagal, riwayat.ImporSibuk) as exc:
            print(f"Gagal: {exc}", file=sys.stderr)
            return 1
        print(f"Gudang data dikembalikan ke keadaan sebelum impor {v.berkas} ({v.jenis}, {v.id}).")
        return 0
    if args.berkas is None:
        parser.error("sebutkan BERKAS yang diimpor (atau --kembalikan / --templat)")
    if not args.berkas.is_file():
        print(f"Berkas tidak ditemukan: {args.berkas}", file=sys.stderr)
        return 2
    data = args.berkas.read_bytes()
    hasil = periksa(
        args.berkas.name,
        data,
        jenis=args.jenis,
        tahun=args.tahun,
        terima_sebagian=args.terima_sebagian,
        kemajuan=_kemajuan,
        lembar=args.lembar,
    )
    print(impor.teks(hasil))
    if args.laporan:
        isi = impor.csv(hasil) if args.laporan.suffix.lower() == ".csv" else impor.xlsx(hasil)
        args.laporan.write_bytes(isi)
        print(f"Laporan lengkap: {args.laporan}")
    if not hasil.boleh_impor:
        if not args.periksa:
            simpan.catat_ditolak(gudang_path, hasil, oleh.nama)
        print("Berkas DITOLAK; gudang data tidak diubah.")
        return 1
    if args.periksa:
        print(f"Pemeriksaan selesai: {hasil.baris_diterima} baris siap diimpor (--periksa: gudang data tidak diubah).")
        return 0
    try:
        hasil_impor = simpan.terapkan(hasil, gudang_path, oleh, kemajuan=_kemajuan)
    except (riwayat.ImporGagal, riwayat.ImporSibuk) as exc:
        print(f"Gagal: {exc}. Gudang data tidak diubah.", file=sys.stderr)
        return 1
    print(f"Diimpor dalam {hasil_impor.detik:.1f} s: {hasil_impor.pesan}")
    print(f"Versi sebelumnya disimpan ({hasil_impor.versi}); batalkan dengan: python -m dasbor.impor --kembalikan")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
