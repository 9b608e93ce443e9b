"""Validation: a file's bytes -> the rows as understood, and every problem with its exact place.

Process data, no writing: :func:`periksa` reads the file (:mod:`baca`), picks the sheets and finds each sheet's
header for the kind (:mod:`kolom`), keeps the data rows (:mod:`baris`: blank rows, the numbering row, repeated
headers, section rows, JUMLAH rows and footnotes are set aside, with a note), parses every column once per
distinct value and applies the kind's rules (:mod:`urai`, :mod:`nilai`, :mod:`jenis`), and returns a
:class:`Pemeriksaan`: accepted rows in warehouse columns, and problems naming file, sheet,
Excel row, column header, value and rule. Nothing here touches the warehouse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import PurePosixPath

import polars as pl

from dasbor.warehouse.impor import baca, kolom, lebar, nilai
from dasbor.warehouse.impor.baca import BerkasDitolak, Kemajuan, Lembar
from dasbor.warehouse.impor.baris import (
    LembarTerbaca,
    bandingkan_jumlah,
    konteks_lembar,
    nama_lembar,
    pisah_baris_data,
    tampil_konteks,
)
from dasbor.warehouse.impor.jenis import JENIS, Bidang, Jenis, batas
from dasbor.warehouse.impor.pemeriksaan import SKEMA_MASALAH, Pemeriksaan, bawa_asli, ditolak
from dasbor.warehouse.impor.urai import tabel_pemetaan, urai_dan_aturan


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


def _pilih_lembar(bacaan: baca.Bacaan, lembar: str | None) -> list[Lembar]:
    """The sheets to read: all visible ones, or the one the user forced (by name, case and spaces ignored)."""
    if lembar is None:
        return bacaan.lembar
    kunci = lembar.strip().casefold()
    cocok = [lb for lb in bacaan.lembar if (lb.nama or "").strip().casefold() == kunci]
    if cocok:
        bacaan.catatan.append(f"Lembar '{nama_lembar(cocok[0])}' dipilih pengguna; lembar lain tidak dibaca.")
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
    lembar_ok: list[LembarTerbaca] = []
    calon_gagal: tuple[Lembar, list[str | None], int] | None = None
    gagal_kolom: list[tuple[tuple[int, int], BerkasDitolak]] = []
    semua = _pilih_lembar(bacaan, pilihan)
    banyak = len(bacaan.lembar) > 1
    for lembar in semua:
        nm = nama_lembar(lembar)
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
        konteks = konteks_lembar(lembar, judul_teks, nama_berkas, jenis, set(judul.dipetakan), tahun, catatan_lembar)
        data, seksi, jumlah = pisah_baris_data(lembar, judul, catatan_lembar, jenis)
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
            catatan.append(f"Lembar '{nm}': {label} = {tampil_konteks(f, v)} (dari {asal}).")
        lembar_ok.append(LembarTerbaca(lembar.nama, judul, data, konteks, seksi, jumlah))
    if not lembar_ok:
        if gagal_kolom:
            raise max(gagal_kolom, key=lambda g: g[0])[1]
        raise BerkasDitolak(_pesan_tanpa_judul(jenis, calon_gagal), lembar=calon_gagal[0].nama if calon_gagal else None)
    dipakai = [nama_lembar(lb) for lb in lembar_ok]  # type: ignore[arg-type]
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
    pemetaan = tabel_pemetaan(lembar_ok, jenis)
    data, masalah = urai_dan_aturan(lembar_ok, jenis, hari_ini, catatan, lapor)
    bandingkan_jumlah(lembar_ok, jenis, data, catatan)
    return data, masalah, dibaca, pemetaan, dipakai


def _ringkasan(kurang: list[Bidang]) -> bool:
    """Whether what is missing is the name of each firm/tenant: the sheet is a summary table."""
    return any(b.nama in {"nama_usaha", "nama_perusahaan", "id"} for b in kurang)


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
