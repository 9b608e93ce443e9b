"""XLSX templates, one per kind: a "Data" sheet with the headers the import expects and a "Kamus Data" sheet
(the data dictionary) generated from the synonym table in :mod:`dasbor.warehouse.impor.jenis`, so the two never
disagree. Code columns (NIB, KBLI, HS) are formatted as text so Excel keeps their leading zeros and digits.
"""

from __future__ import annotations

import io
from functools import cache

from dasbor.warehouse.impor.jenis import JENIS, Bidang

_TEKS = {"id", "kbli", "kode_hs"}
"""Columns formatted as text in the template (long ids, codes with leading zeros)."""

ATURAN_UMUM = (
    "Satu baris = satu data; baris judul cukup satu (judul dua baris dan baris judul di atasnya juga dikenali).",
    "Angka ditulis cara Indonesia: titik pemisah ribuan, koma desimal (1.250.000 ; 1.234,5). 'Rp', 'juta', "
    "'miliar' dikenali; singkatan 'M' ditolak karena ambigu (miliar atau million).",
    "Baris JUMLAH/total, baris kosong dan catatan kaki ('Sumber: ...') dilewati.",
    "Impor mengganti data dengan cakupan yang sama (jenis, tahun/periode, kabupaten/kota di berkas): mengimpor "
    "berkas yang sama dua kali tidak menggandakan angka.",
    'Teks yang diawali =, +, - atau @ (mis. "+62 Kopi Banua") disimpan apa adanya; unduhan CSV/XLSX menampilkannya '
    "sebagai teks, bukan rumus.",
)


def _baris_kamus(b: Bidang) -> list[str]:
    return [
        b.label,
        "wajib" if b.wajib else ("diabaikan" if not b.simpan and b.nama == "no" else "pilihan"),
        b.keterangan,
        b.contoh,
        ", ".join(b.sinonim),
    ]


@cache
def templat_xlsx(jenis: str) -> bytes:
    """The template of one kind (``ikm``, ``ekspor``, ``tenant``, ``target``)."""
    import xlsxwriter

    j = JENIS[jenis]
    bidang = [b for b in j.bidang if b.nama != "no"]
    buf = io.BytesIO()
    buku = xlsxwriter.Workbook(buf, {"in_memory": True})
    judul = buku.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"})
    teks = buku.add_format({"num_format": "@"})
    tebal = buku.add_format({"bold": True, "font_size": 13})
    bungkus = buku.add_format({"text_wrap": True, "valign": "top"})
    ws = buku.add_worksheet("Data")
    for i, b in enumerate(bidang):
        ws.write_string(0, i, b.label, judul)
        ws.set_column(i, i, max(14, len(b.label) + 4), teks if b.nama in _TEKS else None)
    ws.freeze_panes(1, 0)
    kamus = buku.add_worksheet("Kamus Data")
    kamus.write_string(0, 0, f"Kamus data: {j.judul} (jenis impor '{j.nama}', tabel gudang '{j.tabel}')", tebal)
    kamus.write_string(1, 0, f"Impor mengganti: {j.cakupan}.")
    for i, aturan in enumerate(ATURAN_UMUM, start=2):
        kamus.write_string(i, 0, f"• {aturan}")
    awal = len(ATURAN_UMUM) + 3
    kepala = ["Kolom", "Wajib", "Keterangan", "Contoh", "Judul lain yang dikenali"]
    for k, teks_ in enumerate(kepala):
        kamus.write_string(awal, k, teks_, judul)
    for i, b in enumerate(j.bidang, start=awal + 1):
        for k, teks_ in enumerate(_baris_kamus(b)):
            kamus.write_string(i, k, teks_, bungkus)
    for k, lebar in enumerate((26, 10, 60, 22, 60)):
        kamus.set_column(k, k, lebar)
    buku.close()
    return buf.getvalue()
