"""What the Kelola Data page shows, as plain frames and strings (no Streamlit): the preview of rows as
understood, the status line of a check, and the import log in local time. Kept here so the page stays a
sequence of widgets and so these can be tested without a browser."""

from __future__ import annotations

import polars as pl

from dasbor import formats, tabel
from dasbor.impor.gudang import KOLOM_LOG, WITA, angka
from dasbor.impor.jenis import JENIS
from dasbor.impor.periksa import Pemeriksaan
from dasbor.impor.wilayah import NAMA_RESMI

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
    """('success' | 'warning' | 'error', sentence) for the line above the preview."""
    if p.status == "siap":
        return "success", (
            f"**{p.berkas}** siap diimpor sebagai {LABEL_JENIS[p.jenis]}: {angka(p.baris_diterima)} baris, "
            "tidak ada masalah."
        )
    if p.status == "sebagian":
        return "warning", (
            f"**{p.berkas}**: {angka(p.baris_diterima)} baris sah akan diimpor; {angka(p.baris_ditolak)} baris "
            "bermasalah dilewati (lihat daftar masalah dan unduh laporannya)."
        )
    if p.masalah_berkas:
        pertama = p.masalah.row(0, named=True)
        tempat = f" (lembar '{pertama['lembar']}')" if pertama["lembar"] not in (None, "-") else ""
        return "error", f"**{p.berkas}** ditolak{tempat}: {pertama['aturan']}."
    return "error", (
        f"**{p.berkas}** ditolak: {angka(p.masalah.height)} masalah di {angka(p.baris_ditolak)} dari "
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
    from dasbor.impor.laporan import kelompok

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
