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


def _sisi(tahun: int | None, hilir: float | None, indeks: float | None) -> str:
    if tahun is None:
        return formats.KOSONG
    return f"{tahun}: hilir {formats.usd(hilir)} · indeks {formats.persen(indeks)}"


def tabel_sebelum_sesudah(df: pl.DataFrame) -> pl.DataFrame:
    """Rows of ``kawasan_sebelum_sesudah`` with a base year, as an official reads them: the chain's hilir exports
    and Indeks Hilirisasi before the tenant started and in the latest year, with a note where a side is
    missing or the base is the start year itself. Tenants that started before the export series are left to
    :func:`tanpa_dasar`."""
    rows = []
    for r in df.filter(pl.col("tahun_dasar").is_not_null()).iter_rows(named=True):
        if r["dasar_tahun_mulai"]:
            catatan = f"Dasar = tahun mulai (data ekspor baru ada sejak {r['tahun_ekspor_awal']})"
        elif r["tahun_banding"] is None:
            catatan = "Belum ada data sesudah mulai: angka dasar untuk dipantau"
        else:
            catatan = ""
        rows.append(
            {
                "Tenant": f"{r['nama_perusahaan']} ({r['rantai']})",
                "Mulai": f"{r['tahun_mulai']} ({LABEL_STATUS.get(r['status'], r['status']).lower()})",
                "Sebelum": _sisi(r["tahun_dasar"], r["hilir_dasar_usd"], r["indeks_dasar"]),
                "Sesudah": _sisi(r["tahun_banding"], r["hilir_banding_usd"], r["indeks_banding"]),
                "Catatan": catatan,
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(("Tenant", "Mulai", "Sebelum", "Sesudah", "Catatan"), pl.String))


def tanpa_dasar(df: pl.DataFrame) -> str | None:
    """A sentence naming the tenants that started before the export series, so cannot be compared."""
    lama = df.filter(pl.col("tahun_dasar").is_null())
    if lama.is_empty():
        return None
    nama = ", ".join(f"{r['nama_perusahaan']} ({r['tahun_mulai']})" for r in lama.iter_rows(named=True))
    return f"Mulai sebelum data ekspor (tersedia sejak {lama['tahun_ekspor_awal'][0]}), tanpa pembanding: {nama}."


def jumlah_sekitar(df: pl.DataFrame, kawasan_id: str) -> tuple[int, int]:
    """(IKM, workers) within the radius of one estate, from the per-sector rows of ``ikm_sekitar_kawasan``."""
    milik = df.filter(pl.col("kawasan_id") == kawasan_id)
    return int(milik["jumlah_ikm"].sum()), int(milik["tenaga_kerja"].sum())
