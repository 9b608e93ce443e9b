"""Validation: a file's bytes -> the rows as understood, and every problem with its exact place.

Process data, no writing: :func:`periksa` reads the file (:mod:`baca`), finds each sheet's header for the kind
(:mod:`kolom`), keeps the data rows (blank rows, the numbering row, repeated headers, JUMLAH rows and footnotes
are set aside, with a note), parses every column once per distinct value (:mod:`nilai`), applies the kind's
rules, and returns a :class:`Pemeriksaan`: accepted rows in warehouse columns, and problems naming file, sheet,
Excel row, column header, value and rule. Nothing here touches the warehouse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import polars as pl

from dasbor.warehouse.impor import baca, kolom, lebar, nilai, wilayah
from dasbor.warehouse.impor.baca import BerkasDitolak, Kemajuan, Lembar
from dasbor.warehouse.impor.jenis import JENIS, Bidang, Jenis, batas
from dasbor.warehouse.impor.pemeriksaan import SKEMA_MASALAH, Pemeriksaan, bawa_asli, ditolak, masalah_kosong


@bawa_asli
def periksa(
    nama: str,
    data: bytes,
    *,
    jenis: str | None = None,
    tahun: int | None = None,
    terima_sebagian: bool = False,
    kemajuan: Kemajuan | None = None,
    hari_ini: dt.date | None = None,
    lembar: str | None = None,
    maks_byte: int | None = None,
) -> Pemeriksaan:
    """Check file ``nama`` with content ``data`` as ``jenis`` (guessed when None). ``tahun`` is the registry
    year or period when the file does not state it; ``hari_ini`` fixes "the future" for tests; ``lembar``
    forces one sheet of a workbook. ``maks_byte`` is the size limit of the web upload
    (:func:`dasbor.warehouse.settings.impor_maks_byte`); the command line passes None and takes any size."""
    hari_ini = hari_ini or dt.date.today()
    sha = hashlib.sha256(data).hexdigest()
    nama = PurePosixPath(nama.replace("\\", "/")).name or "berkas"
    lapor = kemajuan or (lambda _f, _t: None)
    maks = maks_byte
    if maks is not None and len(data) > maks:
        exc = BerkasDitolak(
            f"berkas {len(data) / 1_048_576:.1f} MB melebihi batas unggah web {maks / 1_048_576:.0f} MB "
            "(DASBOR_IMPOR_MAKS_MB); berkas sebesar ini diimpor lewat baris perintah: python -m dasbor.impor BERKAS"
        )
        return ditolak(nama, sha, len(data), jenis or "?", jenis is None, exc, [])
    if jenis == "batas" or (jenis is None and PurePosixPath(nama.lower()).suffix in BERKAS_BATAS):
        return batas.periksa(nama, data, sha=sha, ditebak=jenis is None)
    lapor(0.02, "Membaca berkas")
    try:
        bacaan = baca.baca(nama, data, lapor)
    except BerkasDitolak as exc:
        return ditolak(nama, sha, len(data), jenis or "?", jenis is None, exc, [])
    ditebak = jenis is None
    nama_lembar = bacaan.semua_lembar or [lb.nama for lb in bacaan.lembar if lb.nama]
    if jenis is None:
        jenis = tebak_jenis(bacaan.lembar)
        if jenis is None:
            tak_tertebak = BerkasDitolak("jenis berkas tidak dapat ditebak dari judul kolomnya: pilih jenisnya")
            hasil_tolak = ditolak(nama, sha, len(data), "?", True, tak_tertebak, bacaan.catatan)
            hasil_tolak.lembar = nama_lembar
            return hasil_tolak
        bacaan.catatan.append(f"Jenis berkas ditebak dari judul kolom: {JENIS[jenis].judul} ({jenis}).")
    try:
        hasil = _periksa_tabel(nama, bacaan, JENIS[jenis], tahun, hari_ini, lapor, lembar)
    except BerkasDitolak as exc:
        hasil_tolak = ditolak(nama, sha, len(data), jenis, ditebak, exc, bacaan.catatan)
        hasil_tolak.lembar = nama_lembar
        return hasil_tolak
    data_ok, masalah, dibaca, pemetaan, dipakai = hasil
    lapor(1.0, "Selesai memeriksa")
    return Pemeriksaan(
        nama,
        sha,
        len(data),
        jenis,
        ditebak,
        data_ok,
        masalah.with_columns(pl.lit(nama).alias("berkas")).select(list(SKEMA_MASALAH)),
        bacaan.catatan,
        dibaca,
        pemetaan,
        terima_sebagian,
        lembar=nama_lembar,
        lembar_dipakai=dipakai,
    )


BERKAS_BATAS = {".geojson", ".json", ".gpkg", ".zip"}
"""Extensions that mean a boundary file when the kind is guessed."""


def tebak_jenis(semua: list[Lembar]) -> str | None:
    """The kind whose header fits best: most required columns, then most columns, over every sheet."""
    terbaik: tuple[tuple[float, int], str] | None = None
    for nama, j in JENIS.items():
        for lembar in semua:
            judul = kolom.cari_judul(lembar.baris_teks(0, kolom.BARIS_CARI + 1), j)
            if judul is None:
                continue
            wajib, jumlah = judul.skor(j)
            kunci = (wajib / len(j.wajib), jumlah)
            if wajib >= 1 and (terbaik is None or kunci > terbaik[0]):
                terbaik = (kunci, nama)
    return terbaik[1] if terbaik else None


# ---------------------------------------------------------------------------------------------------------
# Per sheet: header, context, data rows
# ---------------------------------------------------------------------------------------------------------
@dataclass
class _Lembar:
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


def _nama_lembar(lembar: Lembar) -> str:
    return lembar.nama or "-"


def _konteks(
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


def _isi_seksi(teks: str, jenis: Jenis) -> tuple[str, str] | None:
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


def _baris_data(
    lembar: Lembar, judul: kolom.Judul, catatan: list[str], jenis: Jenis | None = None
) -> tuple[pl.DataFrame, frozenset[str], pl.DataFrame | None]:
    """The sheet's data rows, with ``_baris`` (Excel row) and the raw text of each mapped field; blank rows,
    the numbering row, repeated headers, total rows and footnotes are set aside with a note.

    Section rows (one filled cell in the first columns, as a merged cell naming a group, an estate, a
    kabupaten or a kecamatan) are set aside too; when the heading is the value of a field the rows under it
    leave empty (the estate of its tenants), it fills that field. Also returns the fields so filled and the
    grand-total row (raw text per field) for comparison with the imported rows."""
    nama = _nama_lembar(lembar)
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
        t for t in teks_calon.to_list() if (jenis is not None and _isi_seksi(t, jenis)) or POLA_BAGIAN.match(t)
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
    arti = {t: _isi_seksi(t, jenis) if jenis else None for t in teks_seksi["_teks"].unique().to_list()}
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


def _pilih_lembar(bacaan: baca.Bacaan, lembar: str | None) -> list[Lembar]:
    """The sheets to read: all visible ones, or the one the user forced (by name, case and spaces ignored)."""
    if lembar is None:
        return bacaan.lembar
    kunci = lembar.strip().casefold()
    cocok = [lb for lb in bacaan.lembar if (lb.nama or "").strip().casefold() == kunci]
    if cocok:
        bacaan.catatan.append(f"Lembar '{_nama_lembar(cocok[0])}' dipilih pengguna; lembar lain tidak dibaca.")
        return cocok
    ada = [lb.nama for lb in bacaan.lembar if lb.nama]
    daftar = ", ".join(f"'{n}'" for n in ada[:10]) + (" ..." if len(ada) > 10 else "")
    raise BerkasDitolak(f"lembar '{lembar}' tidak ada di berkas{nilai.maksud(lembar, ada)}. Lembar yang ada: {daftar}")


def _periksa_tabel(
    nama_berkas: str,
    bacaan: baca.Bacaan,
    jenis: Jenis,
    tahun: int | None,
    hari_ini: dt.date,
    lapor: Kemajuan,
    pilihan: str | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, int, pl.DataFrame, list[str]]:
    """Every sheet whose header fits the kind is read; a sheet without such a header (a recap per kecamatan,
    a notes sheet) or lacking a required column is skipped with its reason. The file is refused only when no
    sheet fits: then the reason of the sheet that came closest."""
    catatan = bacaan.catatan
    lembar_ok: list[_Lembar] = []
    calon_gagal: tuple[Lembar, list[str | None], int] | None = None
    gagal_kolom: list[tuple[tuple[int, int], BerkasDitolak]] = []
    semua = _pilih_lembar(bacaan, pilihan)
    banyak = len(bacaan.lembar) > 1
    for lembar in semua:
        nm = _nama_lembar(lembar)
        if lebar_baru := (lebar.target_lebar(lembar, jenis) or lebar.silang_bps(lembar, jenis, nama_berkas)):
            lembar, catatan_lebar = lebar_baru
            catatan.append(catatan_lebar)
        atas = lembar.baris_teks(0, kolom.BARIS_CARI + 1)
        judul = kolom.cari_judul(atas, jenis)
        if judul is None:
            if any(any(c is not None for c in r) for r in atas):
                terisi = next((i for i, r in enumerate(atas) if sum(c is not None for c in r) >= 2), None)
                if calon_gagal is None and terisi is not None:
                    calon_gagal = (lembar, atas[terisi], terisi)
                if banyak:
                    catatan.append(f"Lembar '{nm}' dilewati: tidak ada judul kolom {jenis.judul}.")
            continue
        judul_teks = " ".join(nilai.tampil(c) for r in atas[: judul.baris[0]] for c in r if c)
        catatan_lembar: list[str] = []
        konteks = _konteks(lembar, judul_teks, nama_berkas, jenis, set(judul.dipetakan), tahun, catatan_lembar)
        data, seksi, jumlah = _baris_data(lembar, judul, catatan_lembar, jenis)
        kurang = [b for b in jenis.wajib if b.nama not in judul.dipetakan and b.nama not in konteks.keys() | seksi]
        if kurang:
            exc = BerkasDitolak(
                _pesan_kolom_kurang(jenis, kurang, judul, nm if banyak else None),
                lembar=lembar.nama,
                kolom=", ".join(b.label for b in kurang),
            )
            gagal_kolom.append((judul.skor(jenis), exc))
            if banyak:
                alasan = ", ".join(b.label for b in kurang)
                ringkasan = " (tabel rekap/ringkasan, bukan daftar per usaha)" if _ringkasan(kurang) else ""
                catatan.append(f"Lembar '{nm}' dilewati: kolom wajib {alasan} tidak ada{ringkasan}.")
            continue
        catatan.extend(catatan_lembar)
        for k in judul.tak_dikenal:
            catatan.append(f"Lembar '{nm}': kolom '{k.judul}' ({k.huruf}) tidak dikenal, diabaikan.")
        for k in judul.ganda:
            label = k.bidang.label if k.bidang else "-"
            catatan.append(
                f"Lembar '{nm}': kolom '{k.judul}' ({k.huruf}) juga dibaca sebagai "
                f"{label}; hanya kolom pertama yang dipakai."
            )
        for f, (v, asal) in konteks.items():
            label = jenis.bidang_nama(f).label
            catatan.append(f"Lembar '{nm}': {label} = {_tampil_konteks(f, v)} (dari {asal}).")
        lembar_ok.append(_Lembar(lembar.nama, judul, data, konteks, seksi, jumlah))
    if not lembar_ok:
        if gagal_kolom:
            raise max(gagal_kolom, key=lambda g: g[0])[1]
        raise BerkasDitolak(_pesan_tanpa_judul(jenis, calon_gagal), lembar=calon_gagal[0].nama if calon_gagal else None)
    dipakai = [_nama_lembar(lb) for lb in lembar_ok]  # type: ignore[arg-type]
    if banyak:
        catatan.append(f"Lembar yang dipakai: {', '.join(repr(n) for n in dipakai)}.")
    dibaca = sum(lb.data.height for lb in lembar_ok)
    if dibaca == 0:
        lb = lembar_ok[0]
        raise BerkasDitolak(
            f"hanya berisi judul kolom (baris {lb.judul.baris[-1] + 1}), tanpa baris data",
            lembar=lb.nama,
        )
    lapor(0.5, f"Memeriksa {dibaca:,} baris".replace(",", "."))
    pemetaan = _pemetaan(lembar_ok, jenis)
    data, masalah = _urai_dan_aturan(lembar_ok, jenis, hari_ini, catatan, lapor)
    _bandingkan_jumlah(lembar_ok, jenis, data, catatan)
    return data, masalah, dibaca, pemetaan, dipakai


def _ringkasan(kurang: list[Bidang]) -> bool:
    """Whether what is missing is the name of each firm/tenant: the sheet is a summary table."""
    return any(b.nama in {"nama_usaha", "nama_perusahaan", "id"} for b in kurang)


def _bandingkan_jumlah(lembar_ok: list[_Lembar], jenis: Jenis, data: pl.DataFrame, catatan: list[str]) -> None:
    """Compare each sheet's JUMLAH/TOTAL row with the sum of its imported rows, per numeric column; a
    difference is a note with both numbers (Excel's SUM skips numbers typed as text)."""
    for lb in lembar_ok:
        if lb.jumlah is None or lb.jumlah.is_empty():
            continue
        baris = lb.jumlah.row(0, named=True)
        milik = data.filter(pl.col("_lembar") == _nama_lembar(lb))  # type: ignore[arg-type]
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
                    f"Lembar '{_nama_lembar(lb)}' baris {baris['_baris']} (jumlah): {k.tampil} di berkas "  # type: ignore[arg-type]
                    f"{_angka(di_berkas)}, jumlah baris yang diimpor {_angka(diimpor)} (selisih "
                    f"{_angka(diimpor - di_berkas)}). Periksa angka yang diketik sebagai teks (SUM Excel "
                    "melewatinya) atau baris yang ditolak."
                )


def _angka(x: float) -> str:
    teks = f"{x:,.2f}".rstrip("0").rstrip(".")
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def _tampil_konteks(f: str, v: Any) -> str:
    if f == "kode_bps":
        return f"{wilayah.NAMA_RESMI[v]} ({v})"
    if f == "bulan":
        return f"{v} ({nilai_bulan(v)})"
    return str(v)


def nilai_bulan(b: int) -> str:
    """Month name for notes."""
    return next(k for k, v in nilai.NAMA_BULAN.items() if v == b).capitalize()


def _pesan_kolom_kurang(jenis: Jenis, kurang: list[Bidang], judul: kolom.Judul, lembar: str | None = None) -> str:
    """Which required columns are missing, the headers the file has (at most ten) and a "maksud Anda" hint."""
    judul_ada = [k.judul for k in judul.kolom]
    ada = ", ".join(f"'{j}'" for j in judul_ada[:10]) + (
        f" dan {len(judul_ada) - 10} lainnya" if len(judul_ada) > 10 else ""
    )
    harap = "; ".join(
        f"{b.label} (dikenali juga: {', '.join(b.sinonim[:4])})"
        + kolom.maksud_kolom(b, [k.judul for k in judul.tak_dikenal])
        for b in kurang
    )
    baris = "-".join(str(i + 1) for i in judul.baris)
    awal = "tabel ringkasan (rekap), bukan daftar per usaha: " if _ringkasan(kurang) else ""
    di = f" lembar '{lembar}'" if lembar else ""
    return f"{awal}kolom wajib tidak ditemukan: {harap}. Judul kolom di{di or ' berkas'} (baris {baris}): {ada}"


def _pesan_tanpa_judul(jenis: Jenis, calon: tuple[Lembar, list[str | None], int] | None) -> str:
    harap = (
        ", ".join(b.label for b in jenis.bidang if b.wajib)
        + " (wajib); "
        + ", ".join(b.label for b in jenis.bidang if not b.wajib and b.simpan and b.nama != "no")
    )
    if calon is None:
        return f"berkas tidak berisi tabel. Kolom yang diharapkan untuk {jenis.judul}: {harap}"
    _, sel, i = calon
    isi = [nilai.tampil(c) for c in sel if c is not None]
    ada = ", ".join(f"'{c}'" for c in isi[:10]) + (f" dan {len(isi) - 10} lainnya" if len(isi) > 10 else "")
    saran = "".join(kolom.maksud_kolom(b, isi).replace(" (", f" ({b.label}: ", 1) for b in jenis.wajib)
    tahun = sum(1 for c in isi if re.fullmatch(r"20\d{2}", c))
    if tahun >= 2 and jenis.nama != "target":
        return (
            f"ini tabel ringkasan (tahun sebagai kolom, baris {i + 1}), bukan daftar per usaha; mirip jenis Target "
            f"rencana (pilih jenis itu bila berisi target). Baris {i + 1} berisi: {ada}"
        )
    return (
        f"judul kolom tidak dikenali sebagai {jenis.judul}. Baris {i + 1} berisi: {ada}{saran}. "
        f"Kolom yang diharapkan: {harap}"
    )


def _pemetaan(lembar_ok: list[_Lembar], jenis: Jenis) -> pl.DataFrame:
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
                    "Dibaca sebagai": f"{jenis.bidang_nama(f).label} = {_tampil_konteks(f, v)}",
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
def _urai_unik(
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


def _tampil(expr: pl.Expr) -> pl.Expr:
    """Cell text as the user sees it (markers of Excel numbers and dates removed), vectorised."""
    return expr.str.replace(r"^\x00n:(-?\d+)\.0$", "$1").str.replace(r"^\x00[nd]:", "")


def _urai_dan_aturan(
    lembar_ok: list[_Lembar], jenis: Jenis, hari_ini: dt.date, catatan: list[str], lapor: Kemajuan
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
    judul_kolom = _judul_kolom(lembar_ok, jenis)
    ada = [b for b in jenis.bidang if b.nama in d.columns and b.nama != "no"]
    hasil: dict[str, pl.Series] = {}
    salah: list[pl.DataFrame] = []
    for n, b in enumerate(ada):
        lapor(0.5 + 0.3 * n / max(1, len(ada)), f"Membaca kolom {b.label}")
        mentah = d[b.nama]
        nilai_s, salah_s = _urai_unik(mentah, b.urai, b.tipe)
        if b.satuan and f"_faktor_{b.nama}" in d.columns and (d[f"_faktor_{b.nama}"] != 1.0).any():
            desimal_s, salah_d = _urai_unik(mentah, nilai.desimal, pl.Float64)
            skala = desimal_s * d[f"_faktor_{b.nama}"]
            pakai = d[f"_faktor_{b.nama}"] != 1.0
            if b.tipe == pl.Int64:
                skala = skala.round(0).cast(pl.Int64)
            nilai_s = pl.select(pl.when(pakai).then(skala).otherwise(nilai_s)).to_series()
            salah_s = pl.select(pl.when(pakai).then(salah_d).otherwise(salah_s)).to_series()
        hasil[b.nama] = nilai_s.alias(b.nama)
        salah.append(
            d.select("_lembar", "_baris", _tampil(pl.col(b.nama)).alias("nilai"))
            .with_columns(salah_s.alias("aturan"), pl.lit(b.nama).alias("bidang"))
            .filter(pl.col("aturan").is_not_null())
        )
    ketik = d.select(
        "_lembar",
        "_baris",
        "_geser_kolom",
        "_geser_nilai",
        *(_tampil(pl.col(b.nama)).alias(f"_mentah_{b.nama}") for b in ada),
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
        _tampil(pl.col("_geser_nilai")).alias("nilai"),
        pl.format("nilai di kolom {} yang tidak berjudul: kolom bergeser?", pl.col("_geser_kolom")).alias("aturan"),
        pl.lit("_geser").alias("bidang"),
        pl.col("_geser_kolom").alias("_huruf"),
    )
    salah.append(geser)
    salah.append(_ganda(ketik, jenis))
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


def _judul_kolom(lembar_ok: list[_Lembar], jenis: Jenis) -> pl.DataFrame:
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


def _ganda(ketik: pl.DataFrame, jenis: Jenis) -> pl.DataFrame:
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
