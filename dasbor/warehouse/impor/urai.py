"""What each kept row means: every column parsed once per distinct value (Indonesian numbers, names, codes), the
kind's row rules, duplicates, and how each header was read, as rows and problems with their exact place.

Part of the check (:mod:`~dasbor.warehouse.impor.periksa`); the sheet layout comes from
:mod:`~dasbor.warehouse.impor.baris`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import polars as pl

from dasbor.warehouse.impor import nilai
from dasbor.warehouse.impor.baca import Kemajuan
from dasbor.warehouse.impor.baris import LembarTerbaca, tampil_konteks
from dasbor.warehouse.impor.jenis import Jenis
from dasbor.warehouse.impor.pemeriksaan import masalah_kosong


def tabel_pemetaan(lembar_ok: list[LembarTerbaca], jenis: Jenis) -> pl.DataFrame:
    """How each header was read, for the page's "columns as understood" table."""
    rows = []
    for lb in lembar_ok:
        baris = "-".join(str(i + 1) for i in lb.judul.baris)
        dipakai = {id(k) for k in lb.judul.dipetakan.values()}
        for k in lb.judul.kolom:
            if k.bidang is None:
                dibaca = "(tidak dikenal, diabaikan)"
            elif k.bidang.nama == "no":
                dibaca = "(nomor urut, diabaikan)"
            elif id(k) not in dipakai:
                dibaca = f"(ganda: {k.bidang.label}, diabaikan)"
            else:
                dibaca = k.bidang.label + (f" × {kolom_faktor(k.faktor)}" if k.faktor != 1 else "")
            rows.append(
                {
                    "Lembar": lb.nama or "-",
                    "Baris judul": baris,
                    "Kolom": k.huruf,
                    "Judul di berkas": k.judul,
                    "Dibaca sebagai": dibaca,
                }
            )
        for f, (v, asal) in lb.konteks.items():
            rows.append(
                {
                    "Lembar": lb.nama or "-",
                    "Baris judul": baris,
                    "Kolom": "-",
                    "Judul di berkas": f"({asal})",
                    "Dibaca sebagai": f"{jenis.bidang_nama(f).label} = {tampil_konteks(f, v)}",
                }
            )
    return pl.DataFrame(
        rows, schema=dict.fromkeys(("Lembar", "Baris judul", "Kolom", "Judul di berkas", "Dibaca sebagai"), pl.String)
    )


def kolom_faktor(f: float) -> str:
    """A unit factor as the page shows it: 1.000.000."""
    return f"{f:,.0f}".replace(",", ".")


# ---------------------------------------------------------------------------------------------------------
# Parsing and rules
# ---------------------------------------------------------------------------------------------------------
def urai_unik(
    s: pl.Series, urai: Callable[[str | None], nilai.Hasil[Any]], tipe: type[pl.DataType]
) -> tuple[pl.Series, pl.Series]:
    """Run a scalar parser once per distinct value and spread the results: (values, error messages). Parsers
    with a vectorised fast path (free text, ids: mostly distinct values) use it."""
    if isinstance(urai, nilai.JalurCepat):
        return urai.vektor(s)
    unik = s.drop_nulls().unique()
    hasil = [urai(u) for u in unik.to_list()]
    nilai_unik = pl.Series([h[0] for h in hasil], dtype=tipe)
    salah_unik = pl.Series([h[1] for h in hasil], dtype=pl.String)
    return (
        s.replace_strict(unik, nilai_unik, default=None, return_dtype=tipe),
        s.replace_strict(unik, salah_unik, default=None, return_dtype=pl.String),
    )


def tampil_teks(expr: pl.Expr) -> pl.Expr:
    """Cell text as the user sees it (markers of Excel numbers and dates removed), vectorised."""
    return expr.str.replace(r"^\x00n:(-?\d+)\.0$", "$1").str.replace(r"^\x00[nd]:", "")


def urai_dan_aturan(
    lembar_ok: list[LembarTerbaca], jenis: Jenis, hari_ini: dt.date, catatan: list[str], lapor: Kemajuan
) -> tuple[pl.DataFrame, pl.DataFrame]:
    bagian = []
    for lb in lembar_ok:
        d = lb.data
        for f, (v, _asal) in lb.konteks.items():
            d = d.with_columns(pl.lit(str(v), dtype=pl.String).alias(f))
        faktor = {f: k.faktor for f, k in lb.judul.dipetakan.items()}
        d = d.with_columns(
            pl.lit(faktor.get(b.nama, 1.0), dtype=pl.Float64).alias(f"_faktor_{b.nama}")
            for b in jenis.bidang
            if b.satuan
        )
        bagian.append(d)
    d = pl.concat(bagian, how="diagonal_relaxed")
    judul_kolom = judul_per_bidang(lembar_ok, jenis)
    ada = [b for b in jenis.bidang if b.nama in d.columns and b.nama != "no"]
    hasil: dict[str, pl.Series] = {}
    salah: list[pl.DataFrame] = []
    for n, b in enumerate(ada):
        lapor(0.5 + 0.3 * n / max(1, len(ada)), f"Membaca kolom {b.label}")
        mentah = d[b.nama]
        nilai_s, salah_s = urai_unik(mentah, b.urai, b.tipe)
        if b.satuan and f"_faktor_{b.nama}" in d.columns and (d[f"_faktor_{b.nama}"] != 1.0).any():
            desimal_s, salah_d = urai_unik(mentah, nilai.desimal, pl.Float64)
            skala = desimal_s * d[f"_faktor_{b.nama}"]
            pakai = d[f"_faktor_{b.nama}"] != 1.0
            if b.tipe == pl.Int64:
                skala = skala.round(0).cast(pl.Int64)
            nilai_s = pl.select(pl.when(pakai).then(skala).otherwise(nilai_s)).to_series()
            salah_s = pl.select(pl.when(pakai).then(salah_d).otherwise(salah_s)).to_series()
        hasil[b.nama] = nilai_s.alias(b.nama)
        salah.append(
            d.select("_lembar", "_baris", tampil_teks(pl.col(b.nama)).alias("nilai"))
            .with_columns(salah_s.alias("aturan"), pl.lit(b.nama).alias("bidang"))
            .filter(pl.col("aturan").is_not_null())
        )
    ketik = d.select(
        "_lembar",
        "_baris",
        "_geser_kolom",
        "_geser_nilai",
        *(tampil_teks(pl.col(b.nama)).alias(f"_mentah_{b.nama}") for b in ada),
    ).with_columns(
        hasil.get(b.nama, pl.Series(b.nama, [None] * d.height, dtype=b.tipe)) for b in jenis.bidang if b.nama != "no"
    )
    lapor(0.85, "Memeriksa aturan")
    ketik, aturan = jenis.aturan(ketik, hari_ini, catatan)
    salah.extend(aturan)
    wajib = [
        ketik.filter(pl.col(b.nama).is_null())
        .join(
            pl.concat(salah, how="diagonal_relaxed").filter(pl.col("bidang") == b.nama).select("_lembar", "_baris")
            if salah
            else pl.DataFrame(schema={"_lembar": pl.String, "_baris": pl.Int64}),
            on=["_lembar", "_baris"],
            how="anti",
        )
        .select(
            "_lembar",
            "_baris",
            pl.lit("").alias("nilai"),
            pl.lit("wajib diisi").alias("aturan"),
            pl.lit(b.nama).alias("bidang"),
        )
        for b in jenis.wajib
    ]
    salah.extend(wajib)
    geser = ketik.filter(pl.col("_geser_kolom").is_not_null()).select(
        "_lembar",
        "_baris",
        tampil_teks(pl.col("_geser_nilai")).alias("nilai"),
        pl.format("nilai di kolom {} yang tidak berjudul: kolom bergeser?", pl.col("_geser_kolom")).alias("aturan"),
        pl.lit("_geser").alias("bidang"),
        pl.col("_geser_kolom").alias("_huruf"),
    )
    salah.append(geser)
    salah.append(baris_ganda(ketik, jenis))
    masalah = (
        pl.concat([s for s in salah if s.height], how="diagonal_relaxed") if any(s.height for s in salah) else None
    )
    if masalah is None:
        masalah_akhir = masalah_kosong()
        diterima = ketik
    else:
        if "_huruf" not in masalah.columns:
            masalah = masalah.with_columns(pl.lit(None, dtype=pl.String).alias("_huruf"))
        masalah_akhir = (
            masalah.join(judul_kolom, on=["_lembar", "bidang"], how="left")
            .with_columns(
                pl.when(pl.col("bidang") == "_geser")
                .then(pl.format("(tanpa judul) (kolom {})", pl.col("_huruf")))
                .otherwise(pl.col("kolom"))
                .alias("kolom")
            )
            .sort("_lembar", "_baris", maintain_order=True)
            .select(
                pl.lit("").alias("berkas"),
                pl.col("_lembar").alias("lembar"),
                pl.col("_baris").alias("baris"),
                pl.col("kolom"),
                pl.col("nilai").fill_null(""),
                pl.col("aturan"),
            )
        )
        diterima = ketik.join(masalah.select("_lembar", "_baris").unique(), on=["_lembar", "_baris"], how="anti")
    simpan = [b.nama for b in jenis.bidang if b.simpan and b.nama != "no"]
    return diterima.select("_lembar", "_baris", *simpan), masalah_akhir


def judul_per_bidang(lembar_ok: list[LembarTerbaca], jenis: Jenis) -> pl.DataFrame:
    """(sheet, field) -> how a message names the column: "Kab/Kota (kolom C)" or "Tahun Data (dari judul)"."""
    rows = []
    for lb in lembar_ok:
        nama = lb.nama or "-"
        for b in jenis.bidang:
            k = lb.judul.dipetakan.get(b.nama)
            if k is not None:
                teks = k.tampil
            elif b.nama in lb.konteks:
                teks = f"{b.label} (dari {lb.konteks[b.nama][1]})"
            elif b.nama in lb.seksi:
                teks = f"{b.label} (dari judul bagian)"
            else:
                teks = f"{b.label} (tidak ada kolomnya)"
            rows.append({"_lembar": nama, "bidang": b.nama, "kolom": teks})
    return pl.DataFrame(rows, schema={"_lembar": pl.String, "bidang": pl.String, "kolom": pl.String})


def baris_ganda(ketik: pl.DataFrame, jenis: Jenis) -> pl.DataFrame:
    """Rows repeating the key of an earlier row of the file (same firm id in the same year, same export line)."""
    kunci = list(jenis.kunci)
    lengkap = ketik.filter(pl.all_horizontal(pl.col(b.nama).is_not_null() for b in jenis.wajib if b.nama in kunci))
    if lengkap.is_empty():
        return pl.DataFrame()
    bertanda = lengkap.with_columns(pl.int_range(pl.len()).alias("_i"))
    pertama = (
        bertanda.group_by(kunci, maintain_order=True)
        .agg(
            pl.col("_i").first().alias("_i0"),
            pl.col("_baris").first().alias("_baris0"),
            pl.col("_lembar").first().alias("_lembar0"),
            pl.len().alias("_n"),
        )
        .filter(pl.col("_n") > 1)
    )
    if pertama.is_empty():
        return pl.DataFrame()
    utama = "id" if "id" in kunci else kunci[-1]
    b_utama = jenis.bidang_nama(utama) if utama in {b.nama for b in jenis.bidang} else None
    gabung = bertanda.join(pertama, on=kunci, how="inner", nulls_equal=True).filter(pl.col("_i") != pl.col("_i0"))
    label_kunci = ", ".join(jenis.bidang_nama(k).label for k in kunci)
    return gabung.select(
        "_lembar",
        "_baris",
        pl.col(utama).cast(pl.String).fill_null("").alias("nilai"),
        pl.when(pl.col("_lembar0") == pl.col("_lembar"))
        .then(pl.format("baris ganda ({}): sama dengan baris {}", pl.lit(label_kunci), pl.col("_baris0")))
        .otherwise(
            pl.format(
                "baris ganda ({}): sama dengan baris {} di lembar '{}'",
                pl.lit(label_kunci),
                pl.col("_baris0"),
                pl.col("_lembar0"),
            )
        )
        .alias("aturan"),
        pl.lit(b_utama.nama if b_utama else utama).alias("bidang"),
    )
