"""How a checked import is shown, as plain frames, strings and files (no Streamlit): the preview of rows as
understood, the status line, the import log in local time (Kelola Data), and the problem report (page, command
line, XLSX and CSV downloads). Kept here so the page stays a sequence of widgets and these are tested without a
browser.

Every problem line names the file, the sheet (XLSX), the row number as Excel shows it, the column (its header and
letter), the value and the rule, in Indonesian, grouped with counts when there are many. Values are written back
as text: a value like ``=HYPERLINK(...)`` is neutralised in the CSV (a leading apostrophe) and written as a
string in the XLSX, so opening the report never runs it.
"""

from __future__ import annotations

import io

import polars as pl

from dasbor.views import aman, formats, tabel, unduhan
from dasbor.warehouse.impor.jenis import JENIS
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.riwayat import KOLOM_LOG, WITA
from dasbor.warehouse.impor.simpan import angka
from dasbor.warehouse.impor.wilayah import NAMA_RESMI

LABEL_JENIS = {
    "ikm": "Registri IKM (ikm)",
    "ekspor": "Ekspor bulanan (ekspor)",
    "tenant": "Tenant kawasan industri (tenant)",
    "target": "Target rencana (target)",
    "batas": "Batas wilayah kabupaten/kota (batas)",
}
LABEL_STATUS = {
    "dibangun": "dibangun",
    "diimpor": "diimpor",
    "sebagian": "diimpor sebagian",
    "ditolak": "ditolak",
    "dikembalikan": "dikembalikan",
}


def pesan_status(p: Pemeriksaan) -> tuple[str, str]:
    """('success' | 'warning' | 'error', Markdown sentence) for the line above the preview; the file and sheet
    names come from the user and are escaped (:mod:`dasbor.views.aman`)."""
    berkas = aman.markdown(p.berkas)
    if p.status == "siap":
        return "success", (
            f"**{berkas}** siap diimpor sebagai {LABEL_JENIS[p.jenis]}: {angka(p.baris_diterima)} baris, "
            "tidak ada masalah."
        )
    if p.status == "sebagian":
        return "warning", (
            f"**{berkas}**: {angka(p.baris_diterima)} baris sah akan diimpor; {angka(p.baris_ditolak)} baris "
            "bermasalah dilewati (lihat daftar masalah dan unduh laporannya)."
        )
    if p.masalah_berkas:
        pertama = p.masalah.row(0, named=True)
        tempat = f" (lembar {aman.kode(pertama['lembar'])})" if pertama["lembar"] not in (None, "-") else ""
        return "error", f"**{berkas}** ditolak{tempat}: {aman.markdown(pertama['aturan'])}."
    return "error", (
        f"**{berkas}** ditolak: {angka(p.masalah.height)} masalah di {angka(p.baris_ditolak)} dari "
        f"{angka(p.baris_dibaca)} baris. Perbaiki berkasnya, atau centang 'Terima sebagian' untuk mengimpor "
        f"{angka(max(0, p.baris_dibaca - p.baris_ditolak))} baris yang sah saja."
    )


def _ya_tidak(b: bool | None) -> str:
    return "" if b is None else ("Ya" if b else "Tidak")


def pratinjau(p: Pemeriksaan, n: int = 50) -> pl.DataFrame:
    """The first ``n`` accepted rows as the import understood them: kabupaten resolved to names, numbers
    written the Indonesian way, yes/no spelled out, columns under their template labels."""
    if p.data.is_empty():
        return pl.DataFrame()
    d = p.data.head(n)
    if p.jenis == "batas":
        return d.drop("_lembar", "_baris")
    label = {b.nama: b.label for b in JENIS[p.jenis].bidang}
    kolom: list[pl.Series] = [d["_baris"].cast(pl.String).alias("Baris")]
    if d["_lembar"].ne("-").any():
        kolom.insert(0, d["_lembar"].alias("Lembar"))
    for c in d.columns[2:]:
        s = d[c]
        if c == "kode_bps":
            teks = [f"{NAMA_RESMI[k]} ({k})" if k else "Kalimantan Selatan (provinsi)" for k in s.to_list()]
            s = pl.Series(teks, dtype=pl.String)
        elif s.dtype == pl.Boolean:
            s = pl.Series([_ya_tidak(v) for v in s.to_list()], dtype=pl.String)
        elif s.dtype.is_integer() and c not in {"tahun_data", "tahun", "bulan", "tahun_berdiri", "tahun_mulai"}:
            s = pl.Series([formats.angka(v) if v is not None else "" for v in s.to_list()], dtype=pl.String)
        elif s.dtype.is_float():
            desimal = 5 if c in {"lat", "lon"} else 2
            s = pl.Series([formats.angka(v, desimal) if v is not None else "" for v in s.to_list()], dtype=pl.String)
        elif s.dtype == pl.Date:
            s = pl.Series([formats.tanggal(v) if v is not None else "" for v in s.to_list()], dtype=pl.String)
        kolom.append(s.cast(pl.String).fill_null("").alias(label.get(c, c)))
    return pl.DataFrame(kolom)


def _tanpa_lembar(frame: pl.DataFrame) -> pl.DataFrame:
    """A CSV has no sheets: its '-' sheet column is noise."""
    return frame.drop("lembar") if frame["lembar"].fill_null("-").eq("-").all() else frame


def masalah_tampil(p: Pemeriksaan, n: int = 1000) -> pl.DataFrame:
    """The first ``n`` problems for the page, headers capitalised, no empty sheet column."""
    frame = _tanpa_lembar(p.masalah.head(n).drop("berkas"))
    return frame.rename({c: c.capitalize() for c in frame.columns})


def kelompok_tampil(p: Pemeriksaan) -> pl.DataFrame:
    """Problems counted per column and rule, the count first so it is seen without scrolling."""
    frame = _tanpa_lembar(kelompok(p))
    urutan = ["jumlah", *(["lembar"] if "lembar" in frame.columns else []), "kolom", "baris", "aturan"]
    return frame.select(urutan).rename(
        {"jumlah": "Jumlah", "lembar": "Lembar", "kolom": "Kolom", "baris": "Baris (contoh)", "aturan": "Aturan"},
        strict=False,
    )


def log_tampil(log: pl.DataFrame, jurnal: pl.DataFrame) -> pl.DataFrame:
    """The warehouse log and the journal of refused files, newest first, in WITA, for the page."""
    semua = pl.concat([log.cast(KOLOM_LOG), jurnal.cast(KOLOM_LOG)], how="vertical")  # type: ignore[arg-type]
    semua = semua.sort("waktu", descending=True, nulls_last=True)
    return semua.select(
        pl.col("waktu").dt.convert_time_zone("Asia/Makassar").dt.strftime("%d-%m-%Y %H.%M WITA").alias("Waktu"),
        pl.col("oleh").alias("Oleh"),
        pl.col("jenis").alias("Jenis"),
        pl.col("berkas").fill_null("").alias("Berkas"),
        pl.col("status").replace(LABEL_STATUS).alias("Status"),
        *(
            tabel.teks(semua, c, formats.angka, nama=judul)
            for c, judul in (("baris_dibaca", "Dibaca"), ("baris_diterima", "Diterima"), ("baris_ditolak", "Ditolak"))
        ),
        pl.col("pesan").fill_null("").alias("Keterangan"),
        pl.col("sha256").str.slice(0, 12).fill_null("").alias("SHA-256 (awal)"),
    )


def waktu_wita(waktu: object) -> str:
    """A timestamp as the office reads it: "23-11-2026 15.39 WITA"."""
    import datetime as dt

    if not isinstance(waktu, dt.datetime):
        return ""
    return waktu.astimezone(WITA).strftime("%d-%m-%Y %H.%M WITA")


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


def csv(p: Pemeriksaan) -> bytes:
    """All problems as CSV (UTF-8 with BOM, so Excel shows the letters right)."""
    frame = tabel.dengan_teks(p.masalah, ("kolom", "nilai", "aturan"), unduhan.sel_aman)
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


def catatan_md(catatan: list[str]) -> str:
    """The reading notes as a Markdown list, each note literal (:func:`dasbor.views.aman.markdown`): a sheet
    called "**x**" or "[a](b)" shows as typed."""
    return "\n".join(f"- {aman.markdown(c)}" for c in catatan)


OTOMATIS = "(otomatis: setiap lembar yang cocok)"
"""The first option of the sheet choice on Kelola Data: let the importer pick."""


def pilihan_lembar(p: Pemeriksaan) -> list[str]:
    """Options of the sheet choice for a checked workbook: automatic first, then every sheet; empty when the
    file has one sheet or none (a CSV), so the page shows no choice."""
    return [OTOMATIS, *p.lembar] if len(p.lembar) > 1 else []


def lembar_dipilih(pilihan: object) -> str | None:
    """The sheet to force from the widget value: None for the automatic choice."""
    return None if pilihan in (None, OTOMATIS) else str(pilihan)


def keterangan_lembar(p: Pemeriksaan) -> str:
    """One sentence under the status: which sheet(s) the preview comes from (plain text, for st.caption)."""
    if not p.lembar_dipakai or not p.lembar:
        return ""
    dipakai = ", ".join(f"'{n}'" for n in p.lembar_dipakai)
    lain = len(p.lembar) - len(p.lembar_dipakai)
    return f"Dibaca dari lembar {dipakai}" + (
        f"; {lain} lembar lain dilewati (lihat Catatan pembacaan)." if lain else "."
    )
