"""``python -m dasbor.deck``: export a deck, list decks and snapshots, freeze the data.

    python -m dasbor.deck --out rakornis.pptx            # the default deck; format from the extension
    python -m dasbor.deck --out dek.pdf --deck "Rapat Mei"
    python -m dasbor.deck --kunci "Rakornis Mei 2026"     # freeze the warehouse (snapshot)
    python -m dasbor.deck --ikat "Rakornis" --snapshot rakornis-mei-2026-...   # bind a deck to a snapshot
    python -m dasbor.deck --daftar
    python -m dasbor.deck --kartu kartu/ --deck "Rapat Mei"    # WhatsApp share cards, one PNG per slide
    python -m dasbor.deck --out /srv/paket --jadwal bulanan      # this month's PPTX and PDF (+ e-mail with SMTP)

Exit codes: 0 done, 1 unknown deck or snapshot (the message says which exist), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import re
import sys
import time
from pathlib import Path

from dasbor.views import formats
from dasbor.views.dek import html_out, images, kartu, pdf_out, pptx_out, slides
from dasbor.warehouse import berkas, settings, store, surel
from dasbor.warehouse.peran import Pengguna

PENULIS = {".pptx": pptx_out.tulis, ".pdf": pdf_out.tulis, ".html": html_out.tulis}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor.deck", description="Presentasi Rakornis.")
    parser.add_argument("--out", type=Path, help="berkas keluaran: .pptx, .pdf atau .html")
    parser.add_argument("--deck", default=store.DEK_DEFAULT, help="nama presentasi (default: Rakornis)")
    parser.add_argument("--warehouse", type=Path, default=None, help="gudang data (default: DASBOR_WAREHOUSE)")
    parser.add_argument("--kunci", metavar="LABEL", help="kunci data: simpan snapshot gudang dengan label ini")
    parser.add_argument("--ikat", metavar="DEK", help="ikat presentasi DEK ke --snapshot")
    parser.add_argument("--snapshot", help="slug atau label snapshot")
    parser.add_argument("--daftar", action="store_true", help="tampilkan presentasi dan snapshot")
    parser.add_argument(
        "--kartu", type=Path, metavar="FOLDER", help="kartu WhatsApp 1080x1080 per slide dan pesan.txt ke FOLDER"
    )
    parser.add_argument(
        "--jadwal",
        choices=["bulanan"],
        help="paket bulanan: --out adalah folder; tulis PPTX dan PDF bulan ini, kirim surel bila DASBOR_SMTP_* diisi",
    )
    parser.add_argument("--bulan", metavar="YYYY-MM", help="bulan paket (default: bulan ini)")
    parser.add_argument("--tautan", help="alamat dasbor untuk QR dan tautan kartu (default: DASBOR_URL)")
    args = parser.parse_args(argv)
    oleh = Pengguna(f"{getpass.getuser()} (baris perintah)", "admin")
    """Whoever runs this on the server can write the data folder anyway: the command line acts as an admin."""
    if not (args.out or args.kunci or args.ikat or args.daftar or args.kartu):
        parser.print_usage(sys.stderr)
        print("Sebutkan --out, --kunci, --ikat, --daftar atau --kartu.", file=sys.stderr)
        return 2
    if args.jadwal:
        if not args.out:
            print("--jadwal bulanan memerlukan --out FOLDER.", file=sys.stderr)
            return 2
        return paket_bulanan(args.out, args.deck, args.warehouse, args.bulan)
    if args.out and args.out.suffix.lower() not in PENULIS:
        print(
            f"Format {args.out.suffix or '(tanpa ekstensi)'} tidak didukung: pakai .pptx, .pdf atau .html.",
            file=sys.stderr,
        )
        return 2
    try:
        if args.kunci:
            snap = store.kunci_data(args.kunci, args.warehouse, oleh=oleh, dek=args.deck)
            print(f"Snapshot {snap.slug} ({snap.label}) disimpan, sha256 {snap.sha256[:12]}")
        if args.ikat:
            if not args.snapshot:
                print("--ikat memerlukan --snapshot.", file=sys.stderr)
                return 2
            slug = store.ambil_snapshot(args.snapshot, args.warehouse).slug
            dek = store.ikat_snapshot(args.ikat, slug, args.warehouse, oleh=oleh)
            print(f"Presentasi '{dek.nama}' kini memakai snapshot {dek.snapshot}.")
        if args.daftar:
            for d in store.baca_dek(args.warehouse):
                print(
                    f"presentasi  {d.nama}: {len(d.slide)} slide" + (f", snapshot {d.snapshot}" if d.snapshot else "")
                )
            for s in store.baca_snapshot(args.warehouse):
                print(f"snapshot    {s.slug}: {s.label}, {s.dibuat_pada}, sha256 {s.sha256[:12]}")
        if args.out:
            mulai = time.perf_counter()
            siap = slides.siapkan(store.ambil_dek(args.deck, args.warehouse), args.warehouse)
            PENULIS[args.out.suffix.lower()](siap, args.out)
            images.berhenti()
            print(f"{args.out}: {len(siap.slide) + 1} slide, {time.perf_counter() - mulai:.1f} s")
        if args.kartu:
            mulai = time.perf_counter()
            dek = store.ambil_dek(args.deck, args.warehouse)
            siap = slides.siapkan(dek, args.warehouse)
            dasar = args.tautan or settings.url_publik()
            tautan = [kartu.tautan_tampilan(dasar, s.tampilan, s.param) for s in dek.slide]
            kartu_tertulis = kartu.tulis_semua(siap, args.kartu, tautan)
            images.berhenti()
            print(f"{args.kartu}: {len(kartu_tertulis)} kartu dan pesan.txt, {time.perf_counter() - mulai:.1f} s")
    except (store.DeckError, FileNotFoundError, pdf_out.PdfGagal, berkas.DiskGagal) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def _bulan(teks: str | None) -> dt.date:
    if not teks:
        return dt.date.today().replace(day=1)
    return dt.datetime.strptime(teks, "%Y-%m").date()


def paket_bulanan(folder: Path, nama_dek: str, warehouse: Path | None, bulan_teks: str | None) -> int:
    """Write ``FOLDER/YYYY-MM/<deck>-YYYY-MM.pptx`` and ``.pdf`` (each atomically: a failure leaves no half
    file) and, when ``DASBOR_SMTP_HOST`` and ``DASBOR_SMTP_TO`` are set, e-mail both. Exit 0 done, 1 when the
    deck is unknown or the e-mail failed (the files are kept), 2 for a bad ``--bulan``."""
    try:
        bulan = _bulan(bulan_teks)
    except ValueError:
        print(f"--bulan {bulan_teks!r} bukan bulan: pakai YYYY-MM, misalnya 2026-05.", file=sys.stderr)
        return 2
    kode = f"{bulan.year}-{bulan.month:02d}"
    label = formats.bulan_tahun(bulan.year, bulan.month)
    tujuan = folder / kode
    tujuan.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    try:
        siap = slides.siapkan(store.ambil_dek(nama_dek, warehouse), warehouse)
        dasar = re.sub(r"[^a-z0-9]+", "-", nama_dek.lower()).strip("-") or "dek"
        tertulis: list[Path] = []
        for akhiran, penulis in ((".pptx", pptx_out.tulis), (".pdf", pdf_out.tulis)):
            akhir = tujuan / f"{dasar}-{kode}{akhiran}"
            sementara = tujuan / f".{akhir.name}.tmp{akhiran}"
            penulis(siap, sementara)
            sementara.replace(akhir)
            tertulis.append(akhir)
        images.berhenti()
    except (store.DeckError, FileNotFoundError, pdf_out.PdfGagal) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Paket {label}: {', '.join(str(b) for b in tertulis)} ({time.perf_counter() - mulai:.1f} s)")
    smtp = settings.smtp()
    if smtp is None:
        print("DASBOR_SMTP_HOST/DASBOR_SMTP_TO belum diisi: paket tidak dikirim lewat surel.")
        return 0
    isi = (
        f"Yth. Bapak/Ibu,\n\nTerlampir paket bulanan Dasbor Industri Kalsel untuk {label}: presentasi "
        f"'{siap.nama}' (PPTX dan PDF), {len(siap.slide)} slide.\n{siap.tanda_snapshot}.\n"
        + ("\nPERHATIAN: data contoh, bukan data resmi.\n" if siap.contoh else "")
        + f"\nDasbor: {settings.url_publik()}\n\nDinas Perindustrian Provinsi Kalimantan Selatan\n"
    )
    subjek = f"Paket bulanan Dasbor Industri Kalsel, {label}" + (" (data contoh)" if siap.contoh else "")
    try:
        surel.kirim(smtp, subjek, isi, tertulis)
    except surel.SurelGagal as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Dikirim ke {', '.join(smtp.penerima)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
