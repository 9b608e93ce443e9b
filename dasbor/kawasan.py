"""The Kawasan Industri page's rules: what a tenant row says, how statuses are counted, which exports
to set against which tenant. Pure, so the same words appear on the page and on a slide.

Unknown public figures stay unknown: a tenant whose investment was never reported shows "tidak diungkap",
never a guess; invented sample tenants are marked "data contoh".
"""

from __future__ import annotations

import polars as pl

from dasbor import formats

STATUS: tuple[str, ...] = ("operasi", "konstruksi", "rencana", "berhenti")
LABEL_STATUS: dict[str, str] = {
    "operasi": "Beroperasi",
    "konstruksi": "Konstruksi",
    "rencana": "Rencana",
    "berhenti": "Berhenti",
}
WARNA_STATUS: dict[str, str] = {
    "operasi": "#15803d",
    "konstruksi": "#d97706",
    "rencana": "#60a5fa",
    "berhenti": "#9ca3af",
}
TIDAK_DIUNGKAP = "tidak diungkap"


def _atau(nilai: str, kosong: bool) -> str:
    return TIDAK_DIUNGKAP if kosong else nilai


def tabel_tenant(df: pl.DataFrame) -> pl.DataFrame:
    """Tenant rows as an official reads them: formatted numbers, "tidak diungkap" for unknown figures."""
    rows = []
    for r in df.iter_rows(named=True):
        kapasitas = (
            f"{formats.angka(r['kapasitas'])} {r['satuan_kapasitas'] or ''}".strip()
            if r["kapasitas"] is not None
            else TIDAK_DIUNGKAP
        )
        periode = "–"
        if r["tahun_mulai"]:
            periode = f"{r['tahun_mulai']}" + (f"–{r['tahun_berhenti']}" if r["tahun_berhenti"] else "–sekarang")
        rows.append(
            {
                "Perusahaan": r["nama_perusahaan"],
                "Status": LABEL_STATUS.get(r["status"], r["status"]),
                "Rantai": r["rantai"],
                "Tahun": periode,
                "Investasi": _atau(formats.rupiah(r["investasi_rp"]), r["investasi_rp"] is None),
                "Tenaga kerja": _atau(formats.unit(r["tenaga_kerja"], "orang"), r["tenaga_kerja"] is None),
                "Lahan": _atau(f"{formats.angka(r['luas_ha'], 1)} ha", r["luas_ha"] is None),
                "Kapasitas": kapasitas,
                "Keterangan": r["keterangan"] or "",
                "Sumber": "data contoh" if r["sumber_jenis"] == "contoh" else (r["sumber_url"] or "–"),
            }
        )
    return pl.DataFrame(rows)


def jumlah_status(df: pl.DataFrame) -> pl.DataFrame:
    """Tenants per estate and status, every status present (zero where none)."""
    kawasan = sorted(set(df["kawasan_id"].to_list()))
    lengkap = pl.DataFrame(
        {"kawasan_id": [k for k in kawasan for _ in STATUS], "status": [s for _ in kawasan for s in STATUS]}
    )
    hitung = df.group_by("kawasan_id", "status").agg(pl.len().alias("jumlah"))
    return lengkap.join(hitung, on=["kawasan_id", "status"], how="left").with_columns(
        pl.col("jumlah").fill_null(0).cast(pl.Int64)
    )


def ringkas_status(df: pl.DataFrame, nama: dict[str, str]) -> str:
    """One line per estate: "KI Batulicin: 9 beroperasi, 1 konstruksi, 1 berhenti"."""
    bagian = []
    for kawasan_id, grup in jumlah_status(df).group_by("kawasan_id", maintain_order=True):
        isi = [f"{r['jumlah']} {LABEL_STATUS[r['status']].lower()}" for r in grup.iter_rows(named=True) if r["jumlah"]]
        bagian.append(f"{nama.get(str(kawasan_id[0]), str(kawasan_id[0]))}: {', '.join(isi)}")
    return "; ".join(bagian)


def rantai_dimulai(df: pl.DataFrame, kawasan_id: str) -> list[tuple[str, int, str]]:
    """(chain, start year, tenant) for the estate's tenants with a known start and a commodity chain."""
    data = df.filter(
        (pl.col("kawasan_id") == kawasan_id)
        & pl.col("tahun_mulai").is_not_null()
        & ~pl.col("rantai").is_in(["lainnya"])
    )
    return [(r["rantai"], int(r["tahun_mulai"]), r["nama_perusahaan"]) for r in data.iter_rows(named=True)]
