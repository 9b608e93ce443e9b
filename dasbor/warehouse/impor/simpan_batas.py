"""Save a checked boundary file (kind ``batas``) where the map reads it, atomically, as a warehouse version.

The check is :mod:`dasbor.warehouse.impor.jenis.batas`; this module writes: the accepted GeoJSON replaces
:func:`~dasbor.warehouse.impor.jenis.batas.jalur_batas` by rename, the previous one is kept in the version
folder so "Kembalikan" restores both, and the import is logged in ``impor_log``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
import uuid
from pathlib import Path

from dasbor.warehouse import arsip, db
from dasbor.warehouse.impor import riwayat
from dasbor.warehouse.impor.jenis.batas import jalur_batas
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan


def terapkan(p: Pemeriksaan, gudang: Path, oleh: str, *, sekarang: dt.datetime | None = None) -> riwayat.HasilImpor:
    """Store the boundary file atomically (temporary file + rename), keeping the previous one in a warehouse
        version so "Kembalikan" restores both, log it in ``impor_log`` and keep the file as received in the archive of
    accepted imports (a rebuild replays it like any other kind)."""
    if p.muatan is None:
        raise riwayat.ImporGagal("Berkas batas ditolak: tidak ada yang disimpan.")
    mulai = time.perf_counter()
    sekarang = sekarang or dt.datetime.now(dt.UTC)
    tujuan = jalur_batas()
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    with riwayat.kunci(gudang, oleh):
        riwayat.bersihkan_sisa(gudang)
        folder = riwayat.folder_impor(gudang)
        versi = riwayat.id_versi(folder / "versi", sekarang, "batas")
        tmp = riwayat.salinan(gudang)
        tmp_geo = tujuan.parent / f".{tujuan.name}.{uuid.uuid4().hex[:8]}.tmp"
        pesan = f"Batas wilayah: {p.baris_diterima} kabupaten/kota disimpan di {tujuan}"
        try:
            con = db.connect(tmp, read_only=False)
            try:
                riwayat.tulis_log(
                    con,
                    {
                        "waktu": sekarang,
                        "oleh": oleh,
                        "berkas": p.berkas,
                        "sha256": p.sha256,
                        "jenis": "batas",
                        "baris_dibaca": p.baris_dibaca,
                        "baris_diterima": p.baris_diterima,
                        "baris_ditolak": 0,
                        "status": "diimpor",
                        "pesan": pesan,
                        "versi": versi,
                    },
                )
                db.checkpoint(con)
            finally:
                con.close()
            tmp_geo.write_bytes(p.muatan)
            riwayat.fsync(tmp_geo)
            info = {"waktu": sekarang.isoformat(), "oleh": oleh, "jenis": "batas", "berkas": p.berkas, "batas": True}
            riwayat.simpan_versi(gudang, versi, info, batas_lama=tujuan)
            arsip.catat_impor(gudang, p, oleh, sekarang, versi, 0)
            tmp_geo.replace(tujuan)
            riwayat.ganti(gudang, tmp)
        except BaseException:
            riwayat.hapus(tmp)
            tmp_geo.unlink(missing_ok=True)
            raise
        riwayat.pangkas_versi(gudang)
    return riwayat.HasilImpor(versi, p.baris_diterima, 0, 0, time.perf_counter() - mulai, pesan)


def pulihkan(folder_versi: Path) -> None:
    """Put back the boundary file a version kept (or remove the current one if there was none before)."""
    tujuan = jalur_batas()
    lama = folder_versi / "batas.geojson"
    if lama.exists():
        tmp = tujuan.parent / f".{tujuan.name}.{uuid.uuid4().hex[:8]}.tmp"
        shutil.copyfile(lama, tmp)
        tmp.replace(tujuan)
    else:
        tujuan.unlink(missing_ok=True)
