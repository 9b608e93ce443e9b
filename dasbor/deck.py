"""``python -m dasbor.deck``: export a deck, list decks and snapshots, freeze the data.

    python -m dasbor.deck --out rakornis.pptx            # the default deck; format from the extension
    python -m dasbor.deck --out dek.pdf --deck "Rapat Mei"
    python -m dasbor.deck --kunci "Rakornis Mei 2026"     # freeze the warehouse (snapshot)
    python -m dasbor.deck --ikat "Rakornis" --snapshot rakornis-mei-2026-...   # bind a deck to a snapshot
    python -m dasbor.deck --daftar
    python -m dasbor.deck --kartu kartu/ --deck "Rapat Mei"    # WhatsApp share cards, one PNG per slide

Exit codes: 0 done, 1 unknown deck or snapshot (the message says which exist), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dasbor.views.dek import html_out, images, kartu, pdf_out, pptx_out, slides
from dasbor.warehouse import settings, store

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
    parser.add_argument("--tautan", help="alamat dasbor untuk QR dan tautan kartu (default: DASBOR_URL)")
    args = parser.parse_args(argv)
    if not (args.out or args.kunci or args.ikat or args.daftar or args.kartu):
        parser.print_usage(sys.stderr)
        print("Sebutkan --out, --kunci, --ikat, --daftar atau --kartu.", file=sys.stderr)
        return 2
    if args.out and args.out.suffix.lower() not in PENULIS:
        print(
            f"Format {args.out.suffix or '(tanpa ekstensi)'} tidak didukung: pakai .pptx, .pdf atau .html.",
            file=sys.stderr,
        )
        return 2
    try:
        if args.kunci:
            snap = store.kunci_data(args.kunci, args.warehouse)
            print(f"Snapshot {snap.slug} ({snap.label}) disimpan, sha256 {snap.sha256[:12]}")
        if args.ikat:
            if not args.snapshot:
                print("--ikat memerlukan --snapshot.", file=sys.stderr)
                return 2
            dek = store.ambil_dek(args.ikat, args.warehouse)
            dek.snapshot = store.ambil_snapshot(args.snapshot, args.warehouse).slug
            store.ubah_dek(dek, args.warehouse)
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
            berkas = kartu.tulis_semua(siap, args.kartu, tautan)
            images.berhenti()
            print(f"{args.kartu}: {len(berkas)} kartu dan pesan.txt, {time.perf_counter() - mulai:.1f} s")
    except (store.DeckError, FileNotFoundError, pdf_out.PdfGagal) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
