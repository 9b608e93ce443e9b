"""Downloads of exactly what a page shows: CSV, XLSX and Parquet bytes from a polars frame. Pure, no Streamlit.

Three rules every file keeps:

* **Sample data say so**: while the data are generated, every file carries the column ``keterangan_data`` =
  "Data contoh, bukan data resmi" (and the XLSX description sheet says it too), so a table pasted into a
  report cannot lose the label.
* **No formula injection**: a text cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
  return) is written with a leading apostrophe in CSV and XLSX, so a spreadsheet shows it as text instead of
  running it (a firm registered as ``=HYPERLINK(...)`` stays a name). XLSX is also written with
  ``strings_to_formulas`` off. Parquet is read by programs, not spreadsheets, and keeps the original text.
* **Indonesian Excel**: the CSV can use ``;`` as separator with a decimal comma (Excel with Indonesian regional
  settings reads ``,`` as the decimal mark); both variants start with a UTF-8 byte-order mark so Excel reads
  names with non-ASCII letters correctly.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Literal

import polars as pl
import xlsxwriter

from dasbor.views import formats
from dasbor.views.captions import TEKS_CONTOH

KOLOM_CONTOH = "keterangan_data"
AWALAN_RUMUS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters a spreadsheet reads as the start of a formula (OWASP CSV injection)."""

Pemisah = Literal[",", ";"]
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


def netralkan(df: pl.DataFrame, kolom: Sequence[str] | None = None) -> pl.DataFrame:
    """Prefix an apostrophe to every text cell that a spreadsheet would read as a formula.

    ``kolom`` limits it to some columns (the screen table neutralises the registry's free text, not its own
    formatted numbers such as "-Rp 1,2 juta"); every text column by default.
    """
    teks = [c for c, t in df.schema.items() if t == pl.String and (kolom is None or c in kolom)]
    pola = "^[" + "".join("\\" + a if a in "-+" else a for a in AWALAN_RUMUS) + "]"
    return df.with_columns(
        pl.when(pl.col(c).str.contains(pola)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c) for c in teks
    )


def dengan_label_contoh(df: pl.DataFrame, contoh: bool) -> pl.DataFrame:
    """Add the sample-data column when ``contoh``; the frame unchanged otherwise."""
    return df.with_columns(pl.lit(TEKS_CONTOH).alias(KOLOM_CONTOH)) if contoh else df


def pemisah(pilihan: object) -> Pemisah:
    """The CSV separator a widget returned, as the type ``ke_csv`` takes: ``","`` or else ``";"``."""
    return "," if pilihan == "," else ";"


def ke_csv(df: pl.DataFrame, *, pemisah: Pemisah = ",", contoh: bool) -> bytes:
    """CSV bytes (UTF-8 with BOM). ``pemisah=";"`` writes decimal commas, for Excel in Indonesian settings."""
    keluar = netralkan(dengan_label_contoh(df, contoh))
    teks = keluar.write_csv(separator=pemisah, decimal_comma=pemisah == ";", include_bom=True, date_format="%Y-%m-%d")
    return teks.encode("utf-8")


def ke_parquet(df: pl.DataFrame, keterangan: Sequence[tuple[str, str]], *, contoh: bool) -> bytes:
    """Parquet bytes; the description pairs (filters, source) go into the file's key-value metadata."""
    buf = io.BytesIO()
    dengan_label_contoh(df, contoh).write_parquet(buf, metadata=dict(keterangan))
    return buf.getvalue()


def _lebar(df: pl.DataFrame, kolom: str) -> int:
    """Column width in characters from the header and the first rows, capped so long names wrap in view."""
    panjang = [len(str(v)) for v in df[kolom].head(200).to_list() if v is not None]
    return min(max([len(kolom), *panjang]) + 2, 50)


def ke_xlsx(df: pl.DataFrame, keterangan: Sequence[tuple[str, str]], *, contoh: bool) -> bytes:
    """XLSX bytes: sheet "Data" (the rows) and sheet "Keterangan" (title, source, filters, notes).

    Written cell by cell with typed writers, so text is always text (never a formula or a link) and numbers
    stay numbers with a thousands format that Excel shows in the reader's own locale.
    """
    keluar = netralkan(dengan_label_contoh(df, contoh))
    buf = io.BytesIO()
    opsi = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True}
    with xlsxwriter.Workbook(buf, opsi) as wb:
        tebal = wb.add_format({"bold": True})
        bulat = wb.add_format({"num_format": "#,##0"})
        desimal = wb.add_format({"num_format": "#,##0.00"})
        tanggal = wb.add_format({"num_format": "yyyy-mm-dd"})
        data = wb.add_worksheet("Data")
        for j, kolom in enumerate(keluar.columns):
            data.set_column(j, j, _lebar(keluar, kolom))
            data.write_string(0, j, kolom, tebal)
        jenis = list(keluar.schema.values())
        for i, baris in enumerate(keluar.iter_rows(), start=1):
            for j, nilai in enumerate(baris):
                if nilai is None:
                    continue
                t = jenis[j]
                if t == pl.Boolean:
                    data.write_boolean(i, j, bool(nilai))
                elif t.is_integer():
                    data.write_number(i, j, nilai, bulat)
                elif t.is_float():
                    data.write_number(i, j, nilai, desimal)
                elif isinstance(nilai, dt.date):
                    data.write_datetime(i, j, dt.datetime.combine(nilai, dt.time()), tanggal)
                else:
                    data.write_string(i, j, str(nilai))
        data.freeze_panes(1, 0)
        ket = wb.add_worksheet("Keterangan")
        ket.set_column(0, 0, 28)
        ket.set_column(1, 1, 90)
        baris_ket = list(keterangan)
        if contoh:
            baris_ket.insert(0, ("Status data", TEKS_CONTOH))
        for i, (nama, isi) in enumerate(baris_ket):
            ket.write_string(i, 0, nama, tebal)
            ket.write_string(i, 1, _teks_aman(isi))
    return buf.getvalue()


def sel_aman(teks: str) -> str:
    """One cell made inert for a spreadsheet (the OWASP CSV-injection rule): text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading apostrophe ("+62 Kopi Banua" -> "'+62 Kopi Banua").
    The one scalar form of the rule; :func:`netralkan` is the same rule for a whole frame."""
    return "'" + teks if teks.startswith(AWALAN_RUMUS) else teks


_teks_aman = sel_aman


def keterangan_sumber(sumber: pl.DataFrame) -> list[tuple[str, str]]:
    """Plain-text source lines for a download, from a ``sumber_tabel`` frame (one line per source)."""
    baris: list[tuple[str, str]] = []
    for row in sumber.iter_rows(named=True):
        label = row["nama"] + (" (data contoh)" if row["jenis"] == "contoh" else "")
        alamat = f" · {row['url']}" if row.get("url") else ""
        baris.append(("Sumber", f"{label} · data per {formats.tanggal(row['tanggal_data'])}{alamat}"))
    return baris or [("Sumber", "belum tercatat")]
