"""Reading an uploaded file into sheets of cell texts, whatever its format, encoding and separator.

Load inputs only: no column means anything yet. A CSV becomes one sheet, an XLSX one sheet per visible
worksheet. Every sheet keeps all its rows from row 1, blank ones included, so a row's index + 1 is the row
number the user sees in Excel. Cells are text (stripped, empty -> null); Excel numbers and dates are marked
(:func:`dasbor.warehouse.impor.nilai.sel_excel`).

Libraries do the hard parts: charset-normalizer says whether a non-UTF-8 text is a Western single-byte
encoding (then read as Windows-1252, what Indonesian Windows writes) or something else; polars splits the
CSV (fast on a million rows, quotes and embedded newlines handled); python-calamine reads XLSX with typed cells.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import charset_normalizer
import polars as pl

from dasbor.warehouse.impor import nilai

Kemajuan = Callable[[float, str], object]
"""Progress callback: fraction done (0-1) and what is happening, for the page's progress bar."""

PEMISAH = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}
_BARAT = {
    "cp1252",
    "cp1250",
    "cp1257",
    "cp1254",
    "latin_1",
    "iso8859_1",
    "iso8859_2",
    "iso8859_15",
    "iso8859_9",
    "mac_roman",
    "mac_latin2",
    "cp850",
    "cp437",
}
"""Single-byte encodings charset-normalizer may name for a short Windows-1252 text (they agree on the letters
Indonesian uses); such a file is read as Windows-1252."""
RASIO_ZIP_MAKS = 200
"""An XLSX or zip member may not inflate more than this many times (a zip bomb does thousands)."""


class BerkasDitolak(Exception):  # noqa: N818 - Indonesian domain name, like the rest
    """The file as a whole cannot be used; the message says why and where, in Indonesian."""

    def __init__(self, aturan: str, *, lembar: str | None = None, baris: int | None = None, kolom: str = ""):
        super().__init__(aturan)
        self.aturan = aturan
        self.lembar = lembar
        self.baris = baris
        self.kolom = kolom


@dataclass(frozen=True)
class Lembar:
    """One sheet: ``sel`` has columns k0..kN of cell texts; row i is Excel row i + 1."""

    nama: str | None
    sel: pl.DataFrame
    gabung: frozenset[int] = frozenset()
    """0-based rows where a merged range spanning several columns starts (a section or title row)."""
    baris_asli: pl.Series | None = None
    """Excel row of each row when the sheet was reshaped (:mod:`dasbor.warehouse.impor.lebar`); else row i is
    Excel row i + 1."""

    def baris_teks(self, awal: int, akhir: int) -> list[list[str | None]]:
        """Rows ``awal``..``akhir`` (0-based, end excluded) as lists, for header detection and titles."""
        return [list(r) for r in self.sel.slice(awal, max(0, akhir - awal)).iter_rows()]


@dataclass
class Bacaan:
    """What reading found: the sheets, and notes for the user (encoding, separator, sheets skipped)."""

    format: str
    lembar: list[Lembar]
    catatan: list[str] = field(default_factory=list)
    pengodean: str | None = None
    pemisah: str | None = None
    semua_lembar: list[str] = field(default_factory=list)
    """Every sheet name of a workbook, hidden ones included, in order (for the sheet choice)."""


def format_berkas(nama: str, data: bytes) -> str:
    """'xlsx' or 'csv' from the content first, the extension second; refuses what is neither, saying what it
    looks like (a PDF renamed .xlsx, an old .xls, a truncated XLSX)."""
    akhiran = PurePosixPath(nama.lower()).suffix
    if data.startswith(b"%PDF"):
        raise BerkasDitolak(f"berkas ini PDF (diberi nama {akhiran or 'tanpa akhiran'}), bukan XLSX atau CSV")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BerkasDitolak("format Excel lama (.xls) tidak didukung: buka di Excel lalu simpan sebagai .xlsx")
    if data.startswith(b"PK"):
        return "xlsx"
    if akhiran in {".xlsx", ".xlsm"}:
        raise BerkasDitolak("bukan XLSX yang sah: berkas rusak, terpotong, atau bukan dari Excel")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BerkasDitolak("bukan berkas teks (CSV) atau XLSX")
    return "csv"


def baca(nama: str, data: bytes, kemajuan: Kemajuan | None = None) -> Bacaan:
    """Read ``data`` (the bytes of file ``nama``) into sheets."""
    if not data:
        raise BerkasDitolak("berkas kosong (0 byte)")
    if format_berkas(nama, data) == "xlsx":
        return _baca_xlsx(data, kemajuan)
    return _baca_csv(data)


# ---------------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------------
def urai_teks(data: bytes) -> tuple[str, str, str | None]:
    """Decode a text file: (text, encoding name for the user, a note if it was not UTF-8)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (dengan BOM)", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16", "Berkas disandikan UTF-16 (ekspor 'Unicode Text' Excel); dibaca."
    try:
        return data.decode("utf-8"), "UTF-8", None
    except UnicodeDecodeError:
        pass
    tebakan = charset_normalizer.from_bytes(data).best()
    nama = tebakan.encoding if tebakan is not None else None
    if nama is None or nama in _BARAT:
        try:
            teks = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise BerkasDitolak("pengodean huruf tidak dikenali: simpan ulang sebagai CSV UTF-8") from exc
        return (
            teks,
            "Windows-1252",
            "Berkas disandikan Windows-1252 (bukan UTF-8); dibaca sebagai Windows-1252. Periksa huruf khusus "
            "(é, –, ’) di pratinjau; simpan sebagai 'CSV UTF-8' di Excel untuk menghindari catatan ini.",
        )
    return str(tebakan), nama, f"Berkas disandikan {nama} (bukan UTF-8); dibaca dengan pengodean itu."


def tebak_pemisah(teks: str) -> str:
    """The separator of a CSV: the one of , ; tab | that splits most of the first lines into the same number
    of fields (title lines above the header have none and do not vote)."""
    baris = [b for b in teks.splitlines()[:60] if b.strip()]
    terbaik, skor_terbaik = ",", (0, 0)
    for pemisah in PEMISAH:
        jumlah = [len(r) - 1 for r in csv.reader(baris, delimiter=pemisah)]
        jumlah = [j for j in jumlah if j > 0]
        if not jumlah:
            continue
        modus = max(set(jumlah), key=jumlah.count)
        skor = (jumlah.count(modus), modus)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = pemisah, skor
    return terbaik


def _csv_python(teks: str, pemisah: str) -> pl.DataFrame:
    baris = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    lebar = max((len(r) for r in baris), default=1)
    kolom = [[r[k] if k < len(r) else None for r in baris] for k in range(lebar)]
    return pl.DataFrame({f"k{k}": pl.Series(v, dtype=pl.String) for k, v in enumerate(kolom)})


def _baca_csv(data: bytes) -> Bacaan:
    teks, pengodean, catatan = urai_teks(data)
    pemisah = tebak_pemisah(teks)
    contoh = [b for b in teks.splitlines()[:300] if b.strip()]
    lebar = max((len(r) for r in csv.reader(contoh, delimiter=pemisah)), default=1) + 2
    try:
        frame = pl.read_csv(
            io.BytesIO(teks.encode("utf-8")),
            has_header=False,
            separator=pemisah,
            infer_schema=False,
            schema={f"k{i}": pl.String for i in range(lebar)},
            truncate_ragged_lines=True,
            missing_columns="insert",
        )
    except pl.exceptions.PolarsError:
        # Quotes in the middle of a field (=HYPERLINK("x")) trip the fast reader; Python's csv module reads
        # them as Excel does, literally. Slower, so only for such files.
        frame = _csv_python(teks, pemisah)
    frame = frame.with_columns(
        pl.col(c).str.strip_chars().replace("", None) for c in frame.columns
    )  # blanks are null, like Excel
    bacaan = Bacaan("csv", [Lembar(None, frame)], pengodean=pengodean, pemisah=pemisah)
    bacaan.catatan.append(f"CSV {pengodean}, pemisah {PEMISAH[pemisah]}.")
    if catatan:
        bacaan.catatan.append(catatan)
    return bacaan


# ---------------------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------------------
def periksa_zip(data: bytes, maks_byte: int, rasio_maks: float = RASIO_ZIP_MAKS) -> zipfile.ZipFile:
    """Open a zip (an XLSX is one) after checking it cannot hurt: readable, no path leaving its folder, and
    not inflating beyond ``maks_byte`` or ``rasio_maks`` times (a zip bomb)."""
    try:
        arsip = zipfile.ZipFile(io.BytesIO(data))
        isi = arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BerkasDitolak("arsip rusak atau terpotong (bukan zip/XLSX yang utuh)") from exc
    total = 0
    for info in isi:
        jalur = PurePosixPath(info.filename.replace("\\", "/"))
        if jalur.is_absolute() or ".." in jalur.parts or ":" in info.filename:
            raise BerkasDitolak(f"arsip berisi jalur di luar foldernya ('{info.filename}'): ditolak demi keamanan")
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > rasio_maks:
            raise BerkasDitolak(f"isi arsip '{info.filename}' mengembang berlebihan (kemungkinan bom zip)")
    if total > maks_byte:
        raise BerkasDitolak(
            f"isi arsip {total / 1_048_576:,.0f} MB setelah diekstrak, melebihi batas".replace(",", ".")
        )
    return arsip


def _sel_kolom(nilai_kolom: tuple[object, ...]) -> list[str | None]:
    """One column of typed cells as texts (:func:`nilai.sel_excel`), with a fast path for plain text, the most
    common cell; Excel stores 2025 as 2025.0, which is read as the integer shown."""
    hasil: list[str | None] = []
    tambah = hasil.append
    for sel in nilai_kolom:
        if type(sel) is str:
            tambah(sel.strip() or None)
        elif type(sel) is float and sel.is_integer() and abs(sel) < 1e15:
            tambah(nilai.sel_excel(int(sel)))
        else:
            tambah(nilai.sel_excel(sel))
    return hasil


def _baca_xlsx(data: bytes, kemajuan: Kemajuan | None) -> Bacaan:
    """Every visible sheet through python-calamine (typed cells: numbers stay numbers, dates stay dates, read
    in Rust, many times faster than an openpyxl cell loop); hidden sheets are named in a note."""
    import python_calamine

    # Sheet XML of repetitive tables compresses far better than a boundary file: a looser ratio, the same cap.
    periksa_zip(data, maks_byte=max(200 * 1_048_576, 20 * len(data)), rasio_maks=600)
    try:
        buku = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:
        raise BerkasDitolak(f"XLSX rusak atau terpotong, tidak dapat dibuka ({type(exc).__name__})") from exc
    bacaan = Bacaan("xlsx", [])
    try:
        metadata = list(buku.sheets_metadata)
        bacaan.semua_lembar = [m.name for m in metadata]
        for n, meta in enumerate(metadata):
            if meta.visible != python_calamine.SheetVisibleEnum.Visible:
                bacaan.catatan.append(f"Lembar '{meta.name}' tersembunyi: dilewati.")
                continue
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            if kemajuan is not None:
                kemajuan(0.4 * n / len(metadata), f"Membaca lembar '{meta.name}'")
            lembar_xl = buku.get_sheet_by_name(meta.name)
            baris = lembar_xl.to_python(skip_empty_area=False)
            gabung = frozenset(r0 for (r0, c0), (_r1, c1) in (lembar_xl.merged_cell_ranges or []) if c1 > c0)
            lebar = max((len(r) for r in baris), default=0)
            rata = [r if len(r) == lebar else [*r, *([""] * (lebar - len(r)))] for r in baris]
            kolom = [_sel_kolom(c) for c in zip(*rata, strict=True)]
            frame = pl.DataFrame({f"k{k}": pl.Series(v, dtype=pl.String) for k, v in enumerate(kolom)})
            bacaan.lembar.append(Lembar(meta.name, frame, gabung))
    except BerkasDitolak:
        raise
    except Exception as exc:
        raise BerkasDitolak(f"XLSX rusak atau terpotong saat dibaca ({type(exc).__name__})") from exc
    finally:
        buku.close()
    return bacaan
