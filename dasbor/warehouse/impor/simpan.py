"""Save outputs: apply a checked file to the warehouse atomically, keep versions, restore ("Kembalikan").

The warehouse file is never written in place. An import copies it to a hidden file beside it, applies the
rows there (remove the sample rows of the kind on its first real import, replace the rows of the same scope,
append, record provenance and the log, rebuild the derived tables with the build's own SQL), checks the
result, keeps the current file as a version (a hard link, so no copy) and only then renames the new file over
it. Killing the process at any moment leaves the previous warehouse readable and unchanged; dashboards keep
reading the old file until they reconnect. One import at a time: a lock file beside the warehouse
(``fcntl.flock``, released by the kernel if the process dies) makes a second one wait.

Files beside ``data/warehouse.duckdb`` (folder ``data/warehouse.duckdb.impor/``): ``versi/<id>/`` (previous
warehouse + ``info.json`` + the previous boundary file when a boundary import replaced one), ``kunci``
(the lock), ``ditolak.jsonl`` (refused files: the warehouse stays byte-identical, so they are logged here).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
import time
import uuid
from pathlib import Path

import polars as pl

from dasbor.warehouse import arsip, audit, berkas, build, db, settings
from dasbor.warehouse.impor import simpan_batas
from dasbor.warehouse.impor.baca import Kemajuan
from dasbor.warehouse.impor.jenis import JENIS
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.riwayat import (
    KOLOM_LOG,
    WITA,
    HasilImpor,
    ImporGagal,
    Versi,
    bersihkan_sisa,
    daftar_versi,
    folder_impor,
    ganti,
    hapus,
    id_versi,
    kunci,
    pangkas_versi,
    salinan,
    simpan_versi,
    tulis_log,
)
from dasbor.warehouse.impor.wilayah import NAMA_RESMI
from dasbor.warehouse.peran import Pengguna, wajib


def langkah_turunan(tabel: str) -> list[str]:
    """Build steps that derive from ``tabel`` (directly or through another derived step), in build order.

    A derived step is a ``create table`` whose SQL takes no ``$`` input (it reads only other tables); it is
    derived from ``tabel`` when its SQL names it. Found from the SQL itself, so a derived table added to the
    build later is rebuilt after imports without touching this module.
    """
    berubah = {tabel}
    hasil = []
    for langkah in build.LANGKAH:
        sql = db.load_sql(f"build/{langkah}")
        badan = "\n".join(b.split("--", 1)[0] for b in sql.splitlines())
        if "$" in badan or not re.match(r"\s*create table ", badan, re.IGNORECASE) or langkah == tabel:
            continue
        if any(re.search(rf"\b{t}\b", badan) for t in berubah):
            hasil.append(langkah)
            berubah.add(langkah)
    return hasil


def _bangun_ulang(con: db.Connection, tabel: str) -> list[str]:
    langkah = langkah_turunan(tabel)
    for nama in langkah:
        db.drop_table(con, nama)
        db.run_statement(con, f"build/{nama}")
    return langkah


def _ringkas_cakupan(p: Pemeriksaan) -> str:
    d = p.data
    bagian = []
    for kolom_tahun in ("tahun_data", "tahun"):
        if kolom_tahun in d.columns:
            tahun = sorted(int(t) for t in d[kolom_tahun].drop_nulls().unique().to_list())
            bagian.append("tahun " + ", ".join(str(t) for t in tahun))
    if "kode_bps" in d.columns:
        kode = sorted(d["kode_bps"].unique().to_list(), key=lambda k: (k is None, k or ""))
        nama = [NAMA_RESMI[k] if k else "tingkat provinsi" for k in kode]
        bagian.append(", ".join(nama[:6]) + (f" dan {len(nama) - 6} lainnya" if len(nama) > 6 else ""))
    if "kawasan_id" in d.columns:
        bagian.append("kawasan " + ", ".join(sorted(d["kawasan_id"].unique().to_list())))
    return "; ".join(bagian)


def _tanggal_data(p: Pemeriksaan, sekarang: dt.datetime) -> dt.date:
    """The "data per" date of an import: the end of the registry year or of the last month it holds."""
    d = p.data
    if p.jenis == "ikm":
        return dt.date(int(d["tahun_data"].max()), 12, 31)  # type: ignore[arg-type]
    if p.jenis == "ekspor":
        akhir = d.select(pl.col("tahun").max(), pl.col("bulan").filter(pl.col("tahun") == pl.col("tahun").max()).max())
        tahun, bulan = int(akhir[0, 0]), int(akhir[0, 1])
        return dt.date(tahun + bulan // 12, bulan % 12 + 1, 1) - dt.timedelta(days=1)
    return sekarang.astimezone(WITA).date()


def angka(n: int) -> str:
    """12345 -> "12.345" (the log and notes are read by people)."""
    return f"{n:,d}".replace(",", ".")


def pesan_wilayah_operator(p: Pemeriksaan, siapa: Pengguna) -> str | None:
    """Why an operator may not import this checked file (None when it may): an operator imports rows of its own
    kabupaten only; the sentence names the rows (sheet and row number, up to ten) of another kabupaten, or says
    the kind is not per kabupaten."""
    if siapa.peran != "operator":
        return None
    nama_kab = NAMA_RESMI.get(siapa.kab or "", siapa.kab or "?")
    if p.jenis == "batas" or p.jenis not in JENIS or "kode_bps" not in p.data.columns:
        return f"Operator {nama_kab} hanya boleh mengimpor data per kabupaten; jenis {p.jenis} hanya untuk admin."
    lain = p.data.filter(pl.col("kode_bps").is_null() | (pl.col("kode_bps") != siapa.kab))
    if lain.is_empty():
        return None
    contoh = [
        ("" if r.get("_lembar") in (None, "", "-") else f"lembar {r['_lembar']} ")
        + f"baris {r.get('_baris')} ({NAMA_RESMI.get(r['kode_bps'] or '', 'tingkat provinsi')})"
        for r in lain.head(10).iter_rows(named=True)
    ]
    lagi = f" dan {angka(lain.height - 10)} baris lain" if lain.height > 10 else ""
    return (
        f"Berkas ditolak: akun operator {siapa.nama} hanya untuk {nama_kab}, tetapi {angka(lain.height)} baris "
        f"milik wilayah lain: {'; '.join(contoh)}{lagi}. Hapus baris itu atau minta admin mengimpornya."
    )


def wilayah_operator(p: Pemeriksaan, siapa: Pengguna) -> None:
    """Raise :class:`ImporGagal` with :func:`pesan_wilayah_operator` when an operator may not import ``p``."""
    if pesan := pesan_wilayah_operator(p, siapa):
        raise ImporGagal(pesan)


def terapkan(
    p: Pemeriksaan,
    gudang: Path,
    oleh: Pengguna | None,
    *,
    kemajuan: Kemajuan | None = None,
    sekarang: dt.datetime | None = None,
) -> HasilImpor:
    """Apply a checked file to ``gudang`` atomically (see the module docstring); raises :class:`ImporGagal` or
    :class:`ImporSibuk` with the warehouse unchanged.

    Operators (rows of their own kabupaten only, :func:`wilayah_operator`) and admins; the change goes to the
    audit trail. A full disk or a read-only data folder is an :class:`ImporGagal` in Indonesian, never a traceback;
    the working copy is removed."""
    siapa = wajib(oleh, "operator", tindakan="Mengimpor berkas")
    wilayah_operator(p, siapa)
    try:
        hasil = _terapkan(p, gudang, siapa.nama, kemajuan=kemajuan, sekarang=sekarang)
    except OSError as exc:
        raise ImporGagal(berkas.pesan_oserror(exc, gudang.parent)) from exc
    audit.catat(
        siapa,
        "impor",
        p.berkas,
        sebelum=None,
        sesudah={
            "jenis": p.jenis,
            "sha256": p.sha256,
            "baris_baru": hasil.baris_baru,
            "baris_diganti": hasil.baris_diganti,
            "versi_sebelumnya": hasil.versi,
            "pesan": hasil.pesan,
        },
        warehouse=gudang,
    )
    return hasil


def _terapkan(
    p: Pemeriksaan,
    gudang: Path,
    oleh: str,
    *,
    kemajuan: Kemajuan | None = None,
    sekarang: dt.datetime | None = None,
) -> HasilImpor:
    if not p.boleh_impor:
        raise ImporGagal("Berkas ditolak: perbaiki masalah yang tercantum, atau pilih 'terima sebagian'.")
    if p.jenis == "batas":
        return simpan_batas.terapkan(p, gudang, oleh, sekarang=sekarang)
    lapor = kemajuan or (lambda _f, _t: None)
    mulai = time.perf_counter()
    sekarang = sekarang or dt.datetime.now(dt.UTC)
    jenis = JENIS[p.jenis]
    with kunci(gudang, oleh):
        bersihkan_sisa(gudang)
        folder = folder_impor(gudang)
        masuk = folder / f"masuk-{uuid.uuid4().hex[:8]}.parquet"
        lapor(0.05, "Menyalin gudang data")
        tmp = salinan(gudang)
        try:
            p.data.drop("_lembar", "_baris").write_parquet(masuk)
            versi = id_versi(folder / "versi", sekarang, p.jenis)
            sumber_id = f"impor-{versi}"
            cakupan = _ringkas_cakupan(p)
            lapor(0.2, "Menerapkan ke salinan gudang data")
            con = db.connect(tmp, read_only=False)
            try:
                contoh = db.run_count(con, f"impor/hapus_contoh_{jenis.tabel}")
                db.run_statement(con, "impor/hapus_sumber_contoh", tabel=jenis.tabel)
                diganti = db.run_count(con, f"impor/hapus_cakupan_{jenis.tabel}", berkas=str(masuk))
                # The build's staging macro, (re)defined here so a warehouse built by older code imports too.
                db.run_statement(con, f"build/staging_{jenis.tabel}")
                baru = db.run_count(con, f"impor/tambah_{jenis.tabel}", berkas=str(masuk), sumber_id=sumber_id)
                if baru != p.baris_diterima:
                    raise ImporGagal(f"Pemeriksaan gagal: {baru} baris tertulis, {p.baris_diterima} diharapkan.")
                db.run_statement(con, "impor/hapus_sumber_yatim")
                keterangan = f"Diimpor oleh {oleh} dari {p.berkas} ({jenis.judul}); {cakupan}"
                db.run_statement(
                    con,
                    "impor/tambah_sumber",
                    id=sumber_id,
                    nama=f"Impor: {p.berkas}",
                    tabel=jenis.tabel,
                    keterangan=keterangan,
                    tanggal_data=_tanggal_data(p, sekarang),
                    baris=baru,
                    dimuat_pada=sekarang,
                    sha256=p.sha256,
                )
                lapor(0.6, "Membangun ulang tabel ringkasan")
                turunan = _bangun_ulang(con, jenis.tabel)
                pesan = (
                    f"{jenis.judul}: {angka(baru)} baris ({cakupan}); {angka(diganti)} baris lama diganti"
                    + (f"; data contoh {jenis.tabel} dihapus ({angka(contoh)} baris)" if contoh else "")
                    + (f"; {angka(p.baris_ditolak)} baris ditolak (terima sebagian)" if p.baris_ditolak else "")
                    + (f"; ringkasan diperbarui ({', '.join(turunan)})" if turunan else "")
                )
                tulis_log(
                    con,
                    {
                        "waktu": sekarang,
                        "oleh": oleh,
                        "berkas": p.berkas,
                        "sha256": p.sha256,
                        "jenis": p.jenis,
                        "baris_dibaca": p.baris_dibaca,
                        "baris_diterima": baru,
                        "baris_ditolak": p.baris_ditolak,
                        "status": "sebagian" if p.baris_ditolak else "diimpor",
                        "pesan": pesan,
                        "versi": versi,
                    },
                )
                db.checkpoint(con)
                db.table_counts(con)  # the new file opens and lists its tables: a last check before switching
            finally:
                con.close()
            lapor(0.9, "Mengganti gudang data")
            arsip.catat_impor(gudang, p, oleh, sekarang, versi, diganti)
            info = {"waktu": sekarang.isoformat(), "oleh": oleh, "jenis": p.jenis, "berkas": p.berkas}
            simpan_versi(gudang, versi, info)
            ganti(gudang, tmp)
        except BaseException:
            hapus(tmp)
            raise
        finally:
            masuk.unlink(missing_ok=True)
        pangkas_versi(gudang)
    lapor(1.0, "Selesai")
    return HasilImpor(versi, baru, diganti, contoh, time.perf_counter() - mulai, pesan)


def baca_log(gudang: Path) -> pl.DataFrame:
    """The warehouse's ``impor_log`` (empty frame when the warehouse predates it)."""
    con = db.connect(gudang, read_only=True)
    try:
        return db.run_query(con, "impor_log")
    except Exception:  # noqa: BLE001 - a warehouse built before the log has no table: an empty log
        return pl.DataFrame(schema=KOLOM_LOG)
    finally:
        con.close()


def kembalikan(gudang: Path, oleh: Pengguna | None, *, sekarang: dt.datetime | None = None) -> Versi:
    """Restore the warehouse as it was before the last import (the newest kept version), atomically; the log
    is carried over and gains a 'dikembalikan' row. Returns the version restored. Admin only; audited."""
    siapa = wajib(oleh, tindakan="Mengembalikan gudang data")
    try:
        v = _kembalikan(gudang, siapa.nama, sekarang=sekarang)
    except OSError as exc:
        raise ImporGagal(berkas.pesan_oserror(exc, gudang.parent)) from exc
    audit.catat(
        siapa,
        "kembalikan",
        v.berkas,
        sebelum={"impor": v.berkas, "jenis": v.jenis, "oleh": v.oleh},
        sesudah={"versi": v.id},
        warehouse=gudang,
    )
    return v


def putar_ulang_impor(p: Pemeriksaan, gudang: Path, oleh: str, *, sekarang: dt.datetime) -> HasilImpor:
    """Apply an archived import again during a rebuild (:mod:`dasbor.warehouse.ulang`), in its original user's
    name and time. No role check and no audit line: the change was authorised and audited when it was made, and
    a rebuild is run by whoever runs the build on the server, not through the dashboard."""
    return _terapkan(p, gudang, oleh, sekarang=sekarang)


def putar_ulang_kembalikan(gudang: Path, oleh: str, *, sekarang: dt.datetime) -> Versi:
    """Replay an archived "Kembalikan" during a rebuild (see :func:`putar_ulang_impor`)."""
    return _kembalikan(gudang, oleh, sekarang=sekarang)


def _kembalikan(gudang: Path, oleh: str, *, sekarang: dt.datetime | None = None) -> Versi:
    sekarang = sekarang or dt.datetime.now(dt.UTC)
    with kunci(gudang, oleh):
        bersihkan_sisa(gudang)
        versi = daftar_versi(gudang)
        if not versi:
            raise ImporGagal("Belum ada versi sebelumnya yang dapat dikembalikan.")
        v = versi[0]
        info = json.loads((v.folder / "info.json").read_text(encoding="utf-8"))
        log = baca_log(gudang)
        folder = folder_impor(gudang)
        log_berkas = folder / f"masuk-{uuid.uuid4().hex[:8]}.parquet"
        tmp = gudang.parent / f".{gudang.name}.{uuid.uuid4().hex[:8]}.impor"
        try:
            shutil.copyfile(v.folder / "gudang.duckdb", tmp)
            log.write_parquet(log_berkas)
            con = db.connect(tmp, read_only=False)
            try:
                db.run_statement(con, "impor/siapkan_log")
                db.run_statement(con, "impor/kosongkan_log")
                if log.height:
                    db.run_statement(con, "impor/salin_log", berkas=str(log_berkas))
                waktu_v = v.waktu.astimezone(WITA)
                tulis_log(
                    con,
                    {
                        "waktu": sekarang,
                        "oleh": oleh,
                        "berkas": v.berkas,
                        "sha256": None,
                        "jenis": v.jenis,
                        "baris_dibaca": None,
                        "baris_diterima": None,
                        "baris_ditolak": None,
                        "status": "dikembalikan",
                        "pesan": f"Gudang data dikembalikan ke keadaan sebelum impor {v.berkas} ({v.jenis}) "
                        f"oleh {v.oleh} pada {waktu_v:%d-%m-%Y %H.%M} WITA",
                        "versi": v.id,
                    },
                )
                db.checkpoint(con)
            finally:
                con.close()
            arsip.catat_kembalikan(gudang, v.id, oleh, sekarang)
            if "batas" in info:
                simpan_batas.pulihkan(v.folder)
            ganti(gudang, tmp)
        except BaseException:
            hapus(tmp)
            raise
        finally:
            log_berkas.unlink(missing_ok=True)
        shutil.rmtree(v.folder, ignore_errors=True)
    return v


def catat_ditolak(gudang: Path, p: Pemeriksaan, oleh: str, *, sekarang: dt.datetime | None = None) -> None:
    """Record a refused file in the journal beside the warehouse (the warehouse itself stays byte-identical)."""
    sekarang = sekarang or dt.datetime.now(dt.UTC)
    pertama = p.masalah.row(0, named=True) if p.masalah.height else {}
    pesan = f"{p.masalah.height} masalah" + (f"; pertama: {pertama.get('aturan')}" if pertama else "")
    baris = {
        "waktu": sekarang.isoformat(),
        "oleh": oleh,
        "berkas": p.berkas,
        "sha256": p.sha256,
        "jenis": p.jenis,
        "baris_dibaca": p.baris_dibaca,
        "baris_diterima": 0,
        "baris_ditolak": p.baris_ditolak,
        "status": "ditolak",
        "pesan": pesan,
        "versi": None,
    }
    try:
        berkas.tambah_baris(folder_impor(gudang) / "ditolak.jsonl", json.dumps(baris, ensure_ascii=False))
    except OSError:
        return  # the refusal is shown on screen anyway; a full disk must not turn it into a traceback


def baca_jurnal(gudang: Path) -> pl.DataFrame:
    """Refused files, in the log's columns (oldest first)."""
    jalur = settings.impor_dir(gudang) / "ditolak.jsonl"
    if not jalur.exists():
        return pl.DataFrame(schema=KOLOM_LOG)
    rows = []
    for baris in jalur.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError):
            rows.append(json.loads(baris))
    frame = pl.DataFrame(rows, schema={**KOLOM_LOG, "waktu": pl.String()})
    return frame.with_columns(pl.col("waktu").str.to_datetime(time_zone="UTC"))
