"""The problem report of a checked file: one line per problem, grouped with counts when there are many, and
downloadable as XLSX or CSV.

Every line names the file, the sheet (XLSX), the row number as Excel shows it, the column (its header and
letter), the value and the rule, in Indonesian. Values are written back as text: a value like
``=HYPERLINK(...)`` is neutralised in the CSV (a leading apostrophe) and written as a string in the XLSX, so
opening the report never runs it.
"""

from __future__ import annotations

import io
import re

import polars as pl

from dasbor import tabel
from dasbor.impor.periksa import Pemeriksaan

STATUS = {"siap": "siap diimpor", "sebagian": "diimpor sebagian (baris bermasalah dilewati)", "ditolak": "DITOLAK"}


def baris_masalah(r: dict[str, object]) -> str:
    """One problem as a sentence: where, what, which rule."""
    tempat = [str(r["berkas"])]
    if r.get("lembar") not in (None, "-"):
        tempat.append(f"lembar '{r['lembar']}'")
    if r.get("baris") is not None:
        tempat.append(f"baris {r['baris']}")
    if r.get("kolom"):
        tempat.append(f"kolom {r['kolom']}")
    nilai = f" nilai '{r['nilai']}':" if r.get("nilai") else ""
    return f"{', '.join(tempat)}:{nilai} {r['aturan']}"


def _kunci_aturan(aturan: pl.Expr) -> pl.Expr:
    """A rule with its row-specific numbers and quoted values blanked, so equal rules group together."""
    return aturan.str.replace_all(r"'[^']*'", "'…'").str.replace_all(r"\d[\d.,]*", "…")


def kelompok(p: Pemeriksaan) -> pl.DataFrame:
    """Problems grouped by sheet, column and rule, with a count and the first rows: the summary a user reads
    first when a file has hundreds of problems."""
    if p.masalah.is_empty():
        return pl.DataFrame(
            schema={
                "lembar": pl.String,
                "kolom": pl.String,
                "aturan": pl.String,
                "jumlah": pl.UInt32,
                "baris": pl.String,
            }
        )
    return (
        p.masalah.with_columns(_kunci_aturan(pl.col("aturan")).alias("_kunci"))
        .group_by("lembar", "kolom", "_kunci", maintain_order=True)
        .agg(
            pl.col("aturan").first(),
            pl.len().alias("jumlah"),
            pl.col("baris").drop_nulls().head(10).cast(pl.String).str.join(", ").alias("baris"),
            pl.col("baris").drop_nulls().len().alias("_n"),
        )
        .with_columns(
            pl.when(pl.col("_n") > 10).then(pl.col("baris") + pl.lit(", …")).otherwise(pl.col("baris")).alias("baris")
        )
        .sort("jumlah", descending=True, maintain_order=True)
        .select("lembar", "kolom", "aturan", "jumlah", "baris")
    )


def ringkasan(p: Pemeriksaan) -> list[str]:
    """The head of a report: file, kind, status and counts, then the notes."""
    baris = [
        f"Berkas: {p.berkas} ({p.ukuran:,d} byte, sha256 {p.sha256[:16]}…)".replace(",", "."),
        f"Jenis: {p.jenis}" + (" (ditebak)" if p.jenis_ditebak else ""),
        f"Status: {STATUS[p.status]}",
        f"Baris dibaca: {p.baris_dibaca}; diterima: {p.baris_diterima if p.boleh_impor else 0}; "
        f"ditolak: {p.baris_ditolak}",
    ]
    baris += [f"Catatan: {c}" for c in p.catatan]
    return baris


def teks(p: Pemeriksaan, maks: int = 30) -> str:
    """The report as plain text (the command line): every problem if few, else the groups with counts and the
    first ``maks`` problems."""
    hasil = ringkasan(p)
    n = p.masalah.height
    if n == 0:
        return "\n".join(hasil)
    hasil.append(f"Masalah: {n}")
    if n > maks:
        for r in kelompok(p).iter_rows(named=True):
            tempat = f"lembar '{r['lembar']}', " if r["lembar"] not in (None, "-") else ""
            hasil.append(f"  {r['jumlah']} x {tempat}kolom {r['kolom']}: {r['aturan']} (baris {r['baris']})")
        hasil.append(f"{maks} masalah pertama:")
    for r in p.masalah.head(maks).iter_rows(named=True):
        hasil.append("  - " + baris_masalah(r))
    if n > maks:
        hasil.append(f"  ... dan {n - maks} masalah lain (laporan lengkap: --laporan BERKAS.xlsx)")
    return "\n".join(hasil)


def _netral(teks_: str) -> str:
    """A cell a spreadsheet would read as a formula, made inert."""
    return "'" + teks_ if re.match(r"^[=+\-@\t\r]", teks_) else teks_


def csv(p: Pemeriksaan) -> bytes:
    """All problems as CSV (UTF-8 with BOM, so Excel shows the letters right)."""
    frame = tabel.dengan_teks(p.masalah, ("kolom", "nilai", "aturan"), _netral)
    buf = io.BytesIO()
    frame.write_csv(buf)
    return b"\xef\xbb\xbf" + buf.getvalue()


def xlsx(p: Pemeriksaan) -> bytes:
    """The full report as XLSX: "Ringkasan" (status, counts, notes), "Kelompok" (counts per rule) and
    "Masalah" (every problem)."""
    import xlsxwriter

    buf = io.BytesIO()
    buku = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    tebal = buku.add_format({"bold": True})
    ws = buku.add_worksheet("Ringkasan")
    ws.set_column(0, 0, 120)
    for i, b in enumerate(ringkasan(p)):
        ws.write_string(i, 0, b)
    for nama, frame in (("Kelompok", kelompok(p)), ("Masalah", p.masalah)):
        ws = buku.add_worksheet(nama)
        for j, c in enumerate(frame.columns):
            ws.write_string(0, j, c, tebal)
            ws.set_column(j, j, 60 if c in ("aturan", "kolom") else 16)
        for i, row in enumerate(frame.head(1_048_000).iter_rows(), start=1):
            for j, v in enumerate(row):
                if isinstance(v, int):
                    ws.write_number(i, j, v)
                elif v is not None:
                    ws.write_string(i, j, str(v))
        ws.freeze_panes(1, 0)
    buku.close()
    return buf.getvalue()
