"""Which rows of a sheet are data: the header's context (title rows, sheet and file name), section rows, JUMLAH
rows and footnotes set aside with a note, and the check of a JUMLAH row against the imported rows.

Part of the check (:mod:`~dasbor.warehouse.impor.periksa`), kept apart because it reads a sheet's layout, not its
values: what each kept row means is :mod:`~dasbor.warehouse.impor.urai`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import polars as pl

from dasbor.warehouse.impor import kolom, nilai, wilayah
from dasbor.warehouse.impor.baca import Lembar
from dasbor.warehouse.impor.jenis import Jenis


@dataclass
class LembarTerbaca:
    """A sheet after its header was found: its data rows (raw text per field) and how columns were read."""

    nama: str | None
    judul: kolom.Judul
    data: pl.DataFrame
    konteks: dict[str, tuple[Any, str]]
    """Field -> (value, where it came from) for required columns the sheet lacks."""
    seksi: frozenset[str] = frozenset()
    """Fields filled from section rows ("KAWASAN INDUSTRI JORONG" above its tenants)."""
    jumlah: pl.DataFrame | None = None
    """The sheet's grand-total row (raw text per mapped field), to compare with the imported rows."""


def nama_lembar(lembar: Lembar) -> str:
    return lembar.nama or "-"


def konteks_lembar(
    lembar: Lembar,
    judul_teks: str,
    nama_berkas: str,
    jenis: Jenis,
    ada: set[str],
    tahun: int | None,
    catatan: list[str],
) -> dict[str, tuple[Any, str]]:
    """Values for required columns the sheet does not have, from its title rows, its name, the file name or the
    year chosen by the user, in that order; says so in a note."""
    konteks: dict[str, tuple[Any, str]] = {}
    stem = PurePosixPath(nama_berkas).stem.replace("_", " ")
    sumber_teks = [("judul lembar", judul_teks), ("nama lembar", lembar.nama or ""), ("nama berkas", stem)]
    for b in jenis.bidang:
        if not b.dari_konteks or b.nama in ada:
            continue
        if b.nama in ("tahun_data", "tahun"):
            for asal, teks in sumber_teks:
                t = kolom.tahun_di(teks)
                if t is not None:
                    konteks[b.nama] = (t, asal)
                    if tahun is not None and tahun != t:
                        catatan.append(f"Tahun {t} dari {asal} dipakai, bukan tahun pilihan {tahun}.")
                    break
            else:
                if tahun is not None:
                    konteks[b.nama] = (tahun, "pilihan tahun")
        elif b.nama == "bulan":
            for asal, teks in sumber_teks:
                bln = kolom.bulan_di(teks)
                if bln is not None:
                    konteks[b.nama] = (bln, asal)
                    break
        elif b.nama == "kode_bps":
            if lembar.nama and wilayah.kode_kabupaten(lembar.nama):
                konteks[b.nama] = (wilayah.kode_kabupaten(lembar.nama), "nama lembar")
            else:
                for asal, teks in (sumber_teks[0], sumber_teks[2]):
                    kode = wilayah.temukan_di_judul(teks)
                    if kode:
                        konteks[b.nama] = (kode, asal)
                        break
        elif b.nama == "kawasan_id":
            for asal, teks in sumber_teks:
                kunci = nilai.kunci_nama(teks)
                ada = {v for k, v in wilayah.ALIAS_KAWASAN.items() if re.search(rf"\b{k}\b", kunci)}
                if len(ada) == 1:
                    konteks[b.nama] = (ada.pop(), asal)
                    break
    return konteks


POLA_BAGIAN = re.compile(
    r"(?i)^\s*((kelompok|kecamatan|kec\.|kawasan|kabupaten|kab\.|kota|desa|kelurahan|sektor|subsektor|sub sektor|"
    r"bagian|golongan|klaster|sentra|cabang industri)\b|[IVX]{1,4}[.)]\s|[A-H][.)]\s)"
)
"""Words that open a section heading inside a table ("Kelompok Pangan", "Kecamatan Binuang", "II. Logam")."""
SEKSI_ISI: tuple[str, ...] = ("kawasan_id", "kode_bps", "kecamatan")
"""Fields a section row may fill for the rows under it, tried in this order."""


def isi_seksi(teks: str, jenis: Jenis) -> tuple[str, str] | None:
    """(field, raw value) a section heading stands for: an estate, a kabupaten, a kecamatan; else None."""
    ada = {b.nama for b in jenis.bidang}
    kunci = nilai.kunci_nama(nilai.tampil(teks))
    if "kawasan_id" in ada:
        kawasan = {v for k, v in wilayah.ALIAS_KAWASAN.items() if re.search(rf"\b{k}\b", kunci)}
        if len(kawasan) == 1:
            return "kawasan_id", kawasan.pop()
    if "kode_bps" in ada and (kode := wilayah.kode_kabupaten(teks)):
        return "kode_bps", kode
    if "kecamatan" in ada:
        cocok = re.fullmatch(r"(?:kecamatan|kec)\s+(.+)", kunci)
        if cocok:
            return "kecamatan", cocok.group(1).title()
    return None


def pisah_baris_data(
    lembar: Lembar, judul: kolom.Judul, catatan: list[str], jenis: Jenis | None = None
) -> tuple[pl.DataFrame, frozenset[str], pl.DataFrame | None]:
    """The sheet's data rows, with ``_baris`` (Excel row) and the raw text of each mapped field; blank rows,
    the numbering row, repeated headers, total rows and footnotes are set aside with a note.

    Section rows (one filled cell in the first columns, as a merged cell naming a group, an estate, a
    kabupaten or a kecamatan) are set aside too; when the heading is the value of a field the rows under it
    leave empty (the estate of its tenants), it fills that field. Also returns the fields so filled and the
    grand-total row (raw text per field) for comparison with the imported rows."""
    nama = nama_lembar(lembar)
    mulai = judul.baris[-1] + 1
    sel = lembar.sel
    if mulai < sel.height and kolom.baris_penomoran(lembar.baris_teks(mulai, mulai + 1)[0]):
        mulai += 1
    nomor = (
        pl.lit(lembar.baris_asli.slice(mulai))
        if lembar.baris_asli is not None
        else (pl.int_range(pl.len()) + mulai + 1).cast(pl.Int64)
    )
    wilayah_data = sel.slice(mulai).with_columns(nomor.alias("_baris"))
    semua = list(sel.columns)
    kosong = pl.all_horizontal(pl.col(c).is_null() for c in semua)

    # A total row says JUMLAH/Total in its first non-empty cell or in one of the first four columns (the
    # number or name columns); a "Total" further right, in a remarks column, does not make a row a total.
    def _label_jumlah(e: pl.Expr) -> pl.Expr:
        kunci = e.str.to_lowercase().str.replace_all(r"[^0-9a-z]+", " ").str.strip_chars()
        return kunci.str.contains(kolom.POLA_JUMLAH.pattern).fill_null(False)

    jumlah = pl.any_horizontal(
        _label_jumlah(pl.coalesce(pl.col(c) for c in semua)), *(_label_jumlah(pl.col(c)) for c in semua[:4])
    )
    isi = pl.sum_horizontal(pl.col(c).is_not_null().cast(pl.Int32) for c in semua)
    catatan_kaki = (isi == 1) & pl.coalesce(pl.col(c) for c in semua).str.contains(
        r"(?i)^\s*(\*|(sumber|catatan|keterangan|ket|note)\s*:)"
    )
    # A section row: one filled cell, in one of the first two columns, holding words (not a number).
    dua_pertama = list(semua[:2])
    # It must look like a heading: merged across columns, or naming an estate/kabupaten/kecamatan, or a
    # heading word ("Kelompok ...", "I. ...") - a firm row with only its name filled ("Sumber Rezeki") is data.
    calon_seksi = (
        (isi == 1)
        & pl.any_horizontal(pl.col(c).is_not_null() for c in dua_pertama)
        & ~pl.coalesce(pl.col(c) for c in semua).str.contains(r"^(\x00[nd]:|[\d\s.,()-]+$)").fill_null(True)
    )
    teks_calon = wilayah_data.filter(calon_seksi).select(pl.coalesce(pl.col(c) for c in semua)).to_series().unique()
    judul_bagian = [
        t for t in teks_calon.to_list() if (jenis is not None and isi_seksi(t, jenis)) or POLA_BAGIAN.match(t)
    ]
    seksi = calon_seksi & (
        pl.coalesce(pl.col(c) for c in semua).is_in(judul_bagian) | (pl.col("_baris") - 1).is_in(list(lembar.gabung))
    )
    dipetakan = judul.dipetakan
    ulang = pl.sum_horizontal(
        (pl.col(f"k{k.indeks}") == pl.lit(k.judul)).fill_null(False).cast(pl.Int32)
        for k in judul.kolom
        if f"k{k.indeks}" in sel.columns
    )
    jenis_baris = (
        pl.when(kosong)
        .then(pl.lit("kosong"))
        .when(jumlah)
        .then(pl.lit("jumlah"))
        .when(catatan_kaki)
        .then(pl.lit("catatan"))
        .when(seksi)
        .then(pl.lit("seksi"))
        .when(ulang >= 2)
        .then(pl.lit("judul"))
        .otherwise(pl.lit("data"))
    )
    wilayah_data = wilayah_data.with_columns(jenis_baris.alias("_jenis"))
    # Each section heading fills its field for the rows under it, until the next heading for that field.
    terisi: set[str] = set()
    teks_seksi = wilayah_data.filter(pl.col("_jenis") == "seksi").select(
        "_baris", pl.coalesce(pl.col(c) for c in semua).alias("_teks")
    )
    arti = {t: isi_seksi(t, jenis) if jenis else None for t in teks_seksi["_teks"].unique().to_list()}
    for f in SEKSI_ISI:
        nilai_f = {t: a[1] for t, a in arti.items() if a and a[0] == f}
        if not nilai_f:
            continue
        terisi.add(f)
        wilayah_data = wilayah_data.with_columns(
            pl.when(pl.col("_jenis") == "seksi")
            .then(pl.coalesce(pl.col(c) for c in semua).replace_strict(nilai_f, default=None))
            .otherwise(None)
            .forward_fill()
            .alias(f"_seksi_{f}")
        )
    dilewati = wilayah_data.filter(pl.col("_jenis").is_in(["jumlah", "catatan", "judul", "seksi"]))
    label = {
        "jumlah": "baris jumlah/total",
        "catatan": "catatan kaki",
        "judul": "judul kolom berulang",
        "seksi": "baris judul bagian/kelompok",
    }
    for (jenis_b,), grup in dilewati.group_by("_jenis", maintain_order=True):
        nomor_baris = grup["_baris"].to_list()
        daftar = ", ".join(str(n) for n in nomor_baris[:8]) + (" ..." if len(nomor_baris) > 8 else "")
        catatan.append(f"Lembar '{nama}': {label[str(jenis_b)]} dilewati (baris {daftar}).")
    if terisi:
        label_f = ", ".join(jenis.bidang_nama(f).label for f in sorted(terisi)) if jenis else ""
        catatan.append(f"Lembar '{nama}': judul bagian mengisi kolom {label_f} untuk baris di bawahnya yang kosong.")
    total = wilayah_data.filter(
        (pl.col("_jenis") == "jumlah")
        & ~pl.concat_str([pl.col(c).fill_null("") for c in semua[:4]]).str.to_lowercase().str.contains("sub")
    ).tail(1)
    data = wilayah_data.filter(pl.col("_jenis") == "data")
    # Values with no header above them: right of the header, or under an empty header cell.
    tanpa_judul = [c for c in sel.columns if int(c[1:]) not in {k.indeks for k in judul.kolom}]
    if tanpa_judul:
        data = data.with_columns(
            pl.coalesce(
                pl.when(pl.col(c).is_not_null()).then(pl.lit(kolom.huruf_kolom(int(c[1:])))) for c in tanpa_judul
            ).alias("_geser_kolom"),
            pl.coalesce(pl.col(c) for c in tanpa_judul).alias("_geser_nilai"),
        )
    else:
        data = data.with_columns(
            pl.lit(None, dtype=pl.String).alias("_geser_kolom"), pl.lit(None, dtype=pl.String).alias("_geser_nilai")
        )
    pilih = [pl.lit(nama).alias("_lembar"), pl.col("_baris"), pl.col("_geser_kolom"), pl.col("_geser_nilai")]
    pilih += [
        (pl.coalesce(pl.col(f"k{k.indeks}"), pl.col(f"_seksi_{f}")) if f in terisi else pl.col(f"k{k.indeks}")).alias(f)
        for f, k in dipetakan.items()
    ]
    pilih += [pl.col(f"_seksi_{f}").alias(f) for f in terisi if f not in dipetakan]
    baris_total = (
        total.select(pl.col("_baris"), *(pl.col(f"k{k.indeks}").alias(f) for f, k in dipetakan.items()))
        if total.height
        else None
    )
    return data.select(pilih), frozenset(terisi), baris_total


def bandingkan_jumlah(lembar_ok: list[LembarTerbaca], jenis: Jenis, data: pl.DataFrame, catatan: list[str]) -> None:
    """Compare each sheet's JUMLAH/TOTAL row with the sum of its imported rows, per numeric column; a
    difference is a note with both numbers (Excel's SUM skips numbers typed as text)."""
    for lb in lembar_ok:
        if lb.jumlah is None or lb.jumlah.is_empty():
            continue
        baris = lb.jumlah.row(0, named=True)
        milik = data.filter(pl.col("_lembar") == nama_lembar(lb))  # type: ignore[arg-type]
        for f, k in lb.judul.dipetakan.items():
            b = jenis.bidang_nama(f)
            if b.tipe not in (pl.Int64, pl.Float64) or f not in milik.columns or f in {"tahun_data", "tahun", "bulan"}:
                continue
            urai = nilai.desimal if k.faktor != 1.0 else b.urai
            nilai_total, salah = urai(baris.get(f))
            if not isinstance(nilai_total, int | float) or salah is not None:
                continue
            di_berkas = float(nilai_total) * k.faktor
            diimpor = float(milik[f].fill_null(0).sum())
            if abs(di_berkas - diimpor) > max(0.5, abs(di_berkas) * 1e-9):
                catatan.append(
                    f"Lembar '{nama_lembar(lb)}' baris {baris['_baris']} (jumlah): {k.tampil} di berkas "  # type: ignore[arg-type]
                    f"{angka_teks(di_berkas)}, jumlah baris yang diimpor {angka_teks(diimpor)} (selisih "
                    f"{angka_teks(diimpor - di_berkas)}). Periksa angka yang diketik sebagai teks (SUM Excel "
                    "melewatinya) atau baris yang ditolak."
                )


def angka_teks(x: float) -> str:
    teks = f"{x:,.2f}".rstrip("0").rstrip(".")
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def tampil_konteks(f: str, v: Any) -> str:
    if f == "kode_bps":
        return f"{wilayah.NAMA_RESMI[v]} ({v})"
    if f == "bulan":
        return f"{v} ({nilai_bulan(v)})"
    return str(v)


def nilai_bulan(b: int) -> str:
    """Month name for notes."""
    return next(k for k, v in nilai.NAMA_BULAN.items() if v == b).capitalize()
