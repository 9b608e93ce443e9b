"""The baseline a typical analyst would write: pandas over the raw tables read from Parquet.

Each function computes the same result as ``queries/<name>.sql`` from the raw registry and export rows (not
from the warehouse's pre-aggregates: reading raw files into pandas is exactly the workflow the warehouse
replaces). Loading and the one-off HS-code-to-chain mapping happen once in :func:`load` and are timed apart
(``pandas_load_s``), as a notebook would do them once at the top; only the per-question computation is
compared with the query. A query without a baseline here is reported with ``pandas_median_ms: null`` and a
reason, never silently left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

TIDAK_TERPETAKAN = "tidak terpetakan"
OLAHAN = ("antara", "hilir")

IKM_COLUMNS = [
    "id", "tahun_data", "nama_usaha", "kode_bps", "kecamatan", "kbli", "sektor", "komoditas", "rantai", "tahap",
    "skala", "tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp", "nilai_produksi_rp", "nilai_bahan_baku_rp",
    "tahun_berdiri", "halal", "tanggal_halal", "berorientasi_ekspor", "lat", "lon",
]  # fmt: skip
EKSPOR_COLUMNS = ["tahun", "bulan", "kode_hs", "kode_bps", "negara_tujuan", "nilai_usd"]
"""Columns read from the big tables: an analyst who knows the questions reads only these (``columns=``)."""

JUMLAH = ["tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp", "nilai_produksi_rp", "nilai_bahan_baku_rp"]
"""Registry sums every IKM breakdown reports, followed by ``nilai_tambah_rp``."""


@dataclass(frozen=True)
class Tables:
    """The raw tables in memory: exports already carry chain, stage and value in rupiah (each month's rate)."""

    ikm: pd.DataFrame
    ekspor: pd.DataFrame
    sumber: pd.DataFrame
    wilayah: pd.DataFrame
    kbli2: pd.DataFrame | None
    hs_rantai: pd.DataFrame | None = None
    hs4_uraian: pd.DataFrame | None = None
    program: pd.DataFrame | None = None
    target: pd.DataFrame | None = None
    kawasan: pd.DataFrame | None = None
    kawasan_tenant: pd.DataFrame | None = None
    """Reference and programme tables: None when this warehouse has no such table (they come and go with the
    build); a baseline that needs one raises :class:`LookupError` through :func:`_need`."""


def load(folder: Path) -> Tables:
    """Read the Parquet copies of the warehouse's raw tables, map HS codes to chain and stage, and convert
    export values to rupiah at each month's rate (the one-off preparation a notebook does at the top)."""
    ikm = pd.read_parquet(folder / "ikm.parquet", columns=IKM_COLUMNS)
    ikm["kbli2"] = ikm["kbli"].str[:2]
    ikm["tanggal_halal"] = pd.to_datetime(ikm["tanggal_halal"])
    ekspor = pd.read_parquet(folder / "ekspor.parquet", columns=EKSPOR_COLUMNS)
    hs_rantai = pd.read_parquet(folder / "hs_rantai.parquet")
    peta = map_hs(ekspor["kode_hs"].unique(), hs_rantai)
    ekspor = ekspor.merge(peta, on="kode_hs", how="left")
    if (folder / "kurs.parquet").exists():
        kurs = pd.read_parquet(folder / "kurs.parquet", columns=["tahun", "bulan", "rp_per_usd"])
        ekspor = ekspor.merge(kurs, on=["tahun", "bulan"], how="left")
        ekspor["nilai_rp"] = ekspor["nilai_usd"] * ekspor["rp_per_usd"]
    return Tables(
        ikm=ikm,
        ekspor=ekspor,
        sumber=pd.read_parquet(folder / "sumber.parquet"),
        wilayah=pd.read_parquet(folder / "wilayah.parquet"),
        kbli2=_optional(folder, "kbli2"),
        hs_rantai=hs_rantai,
        hs4_uraian=_optional(folder, "hs4_uraian"),
        program=_optional(folder, "program"),
        target=_optional(folder, "target"),
        kawasan=_optional(folder, "kawasan"),
        kawasan_tenant=_optional(folder, "kawasan_tenant"),
    )


def _optional(folder: Path, table: str) -> pd.DataFrame | None:
    """``folder/<table>.parquet`` read whole, or None when this warehouse has no such table."""
    path = folder / f"{table}.parquet"
    return pd.read_parquet(path) if path.exists() else None


def _need(frame: pd.DataFrame | None, table: str) -> pd.DataFrame:
    """The loaded ``table``, or :class:`LookupError` when this warehouse does not have it."""
    if frame is None:
        raise LookupError(f"table {table} is not in this warehouse")
    return frame


def map_hs(codes: Any, hs_rantai: pd.DataFrame) -> pd.DataFrame:
    """Longest matching prefix of each HS code in ``hs_rantai`` -> rantai, tahap (null when none matches)."""
    prefixes = sorted(hs_rantai.itertuples(index=False), key=lambda r: -len(r.kode_hs_awalan))
    rows = []
    for code in codes:
        match = next((r for r in prefixes if code.startswith(r.kode_hs_awalan)), None)
        rows.append((code, match.rantai if match else None, match.tahap if match else None))
    return pd.DataFrame(rows, columns=["kode_hs", "rantai", "tahap"])


def _kab(frame: pd.DataFrame, kab: list[str]) -> pd.DataFrame:
    return frame[frame["kode_bps"].isin(kab)] if kab else frame


def _in(frame: pd.DataFrame, column: str, chosen: list[str]) -> pd.DataFrame:
    """Rows whose ``column`` is one of ``chosen``; every row when nothing is chosen."""
    return frame[frame[column].isin(chosen)] if chosen else frame


def _indeks(ekspor: pd.DataFrame, by: str | list[str]) -> pd.Series:
    """Indeks Hilirisasi per ``by``: processed share of the export value mapped to a chain, in percent."""
    nilai = ekspor["nilai_usd"]
    keys = [by] if isinstance(by, str) else by
    parts = (
        ekspor[keys]
        .assign(
            olahan=nilai.where(ekspor["tahap"].isin(OLAHAN), 0.0),
            terpetakan=nilai.where(ekspor["tahap"].notna(), 0.0),
        )
        .groupby(by)[["olahan", "terpetakan"]]
        .sum()
    )
    return 100.0 * parts["olahan"] / parts["terpetakan"].replace(0.0, np.nan)


def _ikm_per_tahun(ikm: pd.DataFrame) -> pd.DataFrame:
    return (
        ikm.assign(tenaga_kerja=ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"])
        .groupby("tahun_data")
        .agg(
            jumlah_ikm=("id", "size"),
            tenaga_kerja=("tenaga_kerja", "sum"),
            investasi_rp=("investasi_rp", "sum"),
            nilai_produksi_rp=("nilai_produksi_rp", "sum"),
        )
        .rename_axis("tahun")
    )


def kpi_ringkasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """KPI row for the year and the year before, for the chosen kabupaten."""
    years = [p["tahun"] - 1, p["tahun"]]
    ikm = _ikm_per_tahun(_kab(t.ikm[t.ikm["tahun_data"].isin(years)], p["kab"]))
    ekspor = _kab(t.ekspor[t.ekspor["tahun"].isin(years)], p["kab"])
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    hasil = pd.DataFrame({"tahun": years}).set_index("tahun")
    hasil = hasil.join(ikm).join(ekspor.groupby("tahun")["nilai_usd"].sum().rename("nilai_ekspor_usd"))
    hasil = hasil.join(_indeks(ekspor, "tahun").rename("indeks_hilirisasi"))
    hasil = hasil.join(_indeks(tanpa, "tahun").rename("indeks_tanpa_batubara"))
    return hasil.reset_index()


def tren_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Registry totals and exports per year."""
    ikm = _ikm_per_tahun(_kab(t.ikm, p["kab"]))[["jumlah_ikm", "tenaga_kerja"]]
    ekspor = _kab(t.ekspor, p["kab"])
    per_tahun = pd.DataFrame(
        {"nilai_ekspor_usd": ekspor.groupby("tahun")["nilai_usd"].sum(), "indeks_hilirisasi": _indeks(ekspor, "tahun")}
    )
    return ikm.join(per_tahun, how="outer").sort_index().reset_index()


def ekspor_rantai_tahap(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per chain and stage in the year."""
    ekspor = _kab(t.ekspor[t.ekspor["tahun"] == p["tahun"]], p["kab"])
    ekspor = ekspor.assign(
        rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN), tahap=ekspor["tahap"].fillna(TIDAK_TERPETAKAN)
    )
    hasil = ekspor.groupby(["rantai", "tahap"], as_index=False)["nilai_usd"].sum()
    return hasil.sort_values("nilai_usd", ascending=False, ignore_index=True)


def wilayah(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The kabupaten list."""
    columns = ["kode_bps", "kode_kemendagri", "nama", "jenis", "ibukota", "industri_unggulan"]
    return t.wilayah[columns].sort_values("kode_bps", ignore_index=True)


def tahun_tersedia(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Years with registry or export data."""
    ikm = set(t.ikm["tahun_data"].unique().tolist())
    ekspor = set(t.ekspor["tahun"].unique().tolist())
    years = sorted(ikm | ekspor)
    return pd.DataFrame(
        {"tahun": years, "ada_ikm": [y in ikm for y in years], "ada_ekspor": [y in ekspor for y in years]}
    )


def sumber_tabel(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Sources cited by any of the given tables."""
    want = set(p["tabel"])
    cited = t.sumber[t.sumber["tabel"].map(lambda tabel: bool(want.intersection(tabel)))]
    columns = ["id", "nama", "jenis", "keterangan", "url", "tanggal_data", "dimuat_pada"]
    return cited.sort_values(["jenis", "tanggal_data"], ascending=[True, False], ignore_index=True)[columns]


def tabel_contoh(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Tables that still hold sample data."""
    tabel = t.sumber[t.sumber["jenis"] == "contoh"].explode("tabel")["tabel"]
    return pd.DataFrame({"tabel": sorted(set(tabel.dropna().tolist()))})


# --- The IKM page: the registry filtered as the ikm_terpilih macro filters it ---


def ikm_terpilih(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every registry year's firms passing the IKM page's filters (lists empty = all, None = all)."""
    ikm = _kab(t.ikm, p["kab"])
    for column, name in (("sektor", "sektor"), ("kbli2", "kbli"), ("rantai", "rantai"), ("tahap", "tahap")):
        ikm = _in(ikm, column, p[name])
    ikm = _in(ikm, "skala", p["skala"])
    if p["halal"] is not None:
        ikm = ikm[ikm["halal"] == p["halal"]]
    if p["ekspor"] is not None:
        ikm = ikm[ikm["berorientasi_ekspor"] == p["ekspor"]]
    if p["berdiri_dari"] is not None:
        ikm = ikm[ikm["tahun_berdiri"] >= p["berdiri_dari"]]
    if p["berdiri_sampai"] is not None:
        ikm = ikm[ikm["tahun_berdiri"] <= p["berdiri_sampai"]]
    if p["cari"]:
        ikm = ikm[ikm["nama_usaha"].str.contains(p["cari"], case=False, regex=False, na=False)]
    return ikm


def _jumlah(ikm: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Firms and sums per ``by``, with value added."""
    hasil = ikm.groupby(by).agg(jumlah_ikm=("id", "size"), **{c: (c, "sum") for c in JUMLAH})
    hasil["nilai_tambah_rp"] = hasil["nilai_produksi_rp"] - hasil["nilai_bahan_baku_rp"]
    return hasil


def ikm_ringkasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry totals for the year and the year before."""
    ikm = ikm_terpilih(t, p)
    tahun = [p["tahun"] - 1, p["tahun"]]
    hasil = pd.DataFrame(index=pd.Index(tahun, name="tahun_data")).join(
        _jumlah(ikm[ikm["tahun_data"].isin(tahun)], ["tahun_data"])
    )
    hasil["jumlah_ikm"] = hasil["jumlah_ikm"].fillna(0)
    return hasil.reset_index()


def ikm_per_sektor(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per sector in the year."""
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["sektor"]).reset_index()
    return hasil.sort_values(["jumlah_ikm", "sektor"], ascending=[False, True], ignore_index=True)


def ikm_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per kabupaten in the year, every chosen kabupaten listed."""
    ikm = ikm_terpilih(t, p)
    wilayah = _kab(t.wilayah, p["kab"])[["kode_bps", "nama"]]
    hasil = wilayah.merge(_jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kode_bps"]).reset_index(), how="left")
    hasil["jumlah_ikm"] = hasil["jumlah_ikm"].fillna(0)
    return hasil.sort_values(["jumlah_ikm", "kode_bps"], ascending=[False, True], ignore_index=True)


def ikm_per_tahun(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per registry year."""
    hasil = _jumlah(ikm_terpilih(t, p), ["tahun_data"]).reset_index()
    hasil.insert(1, "terpilih", hasil["tahun_data"] == p["tahun"])
    return hasil


def ikm_per_kbli(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per KBLI division in the year, with the division's names."""
    if t.kbli2 is None:
        raise LookupError("table kbli2 is not in this warehouse")
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kbli2"]).reset_index()
    hasil = hasil.merge(t.kbli2.rename(columns={"kode": "kbli2"}), on="kbli2", how="left")
    hasil["label"] = hasil["label"].fillna("KBLI " + hasil["kbli2"])
    hasil["uraian"] = hasil["uraian"].fillna("KBLI " + hasil["kbli2"])
    columns = ["kbli2", "label", "uraian", "jumlah_ikm", *JUMLAH, "nilai_tambah_rp"]
    return hasil.sort_values(["jumlah_ikm", "kbli2"], ascending=[False, True], ignore_index=True)[columns]


def ikm_rekap(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Filtered registry per kabupaten and sector in the year (the download's summary sheet)."""
    ikm = ikm_terpilih(t, p)
    hasil = _jumlah(ikm[ikm["tahun_data"] == p["tahun"]], ["kode_bps", "sektor"]).reset_index()
    hasil = hasil.merge(t.wilayah[["kode_bps", "nama"]].rename(columns={"nama": "kabupaten"}), how="left")
    hasil.insert(0, "tahun_data", p["tahun"])
    columns = ["tahun_data", "kode_bps", "kabupaten", "sektor", "jumlah_ikm", *JUMLAH, "nilai_tambah_rp"]
    return hasil.sort_values(["kode_bps", "sektor"], ignore_index=True)[columns]


def kpi_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Registry and exports of every kabupaten in the year."""
    ikm = t.ikm[t.ikm["tahun_data"] == p["tahun"]]
    ikm = ikm.assign(tenaga_kerja=ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"]).groupby("kode_bps")
    ikm = ikm.agg(jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"), investasi_rp=("investasi_rp", "sum"))
    ekspor = t.ekspor[(t.ekspor["tahun"] == p["tahun"]) & t.ekspor["kode_bps"].notna()]
    ekspor = pd.DataFrame(
        {
            "nilai_ekspor_usd": ekspor.groupby("kode_bps")["nilai_usd"].sum(),
            "indeks_hilirisasi": _indeks(ekspor, "kode_bps"),
        }
    )
    hasil = t.wilayah[["kode_bps", "nama"]].merge(ikm.reset_index(), how="left").merge(ekspor.reset_index(), how="left")
    for column in ("jumlah_ikm", "tenaga_kerja", "investasi_rp", "nilai_ekspor_usd"):
        hasil[column] = hasil[column].fillna(0)
    return hasil.sort_values("kode_bps", ignore_index=True)


# --- The Ekspor & Hilirisasi page ---


def _rp(ekspor: pd.DataFrame, by: list[str]) -> pd.Series:
    """Sum of the rupiah values per group, null when any month of the group has no rate."""
    grouped = ekspor.groupby(by)["nilai_rp"]
    return grouped.sum().where(grouped.count() == grouped.size())


def _rantai(frame: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    return _in(frame, "rantai", chosen)


def ekspor_indeks(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value (stage filter) and the index with and without coal (no stage filter), this year and last."""
    tahun = [p["tahun"] - 1, p["tahun"]]
    ekspor = _rantai(_kab(t.ekspor[t.ekspor["tahun"].isin(tahun)], p["kab"]), p["rantai"])
    nilai = _in(ekspor, "tahap", p["tahap"])
    batubara = nilai["nilai_usd"].where(nilai["rantai"] == "batubara", 0.0).groupby(nilai["tahun"]).sum()
    total = nilai.groupby("tahun")["nilai_usd"].sum()
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    hasil = pd.DataFrame(index=pd.Index(tahun, name="tahun")).join(
        pd.DataFrame(
            {
                "nilai_usd": total,
                "nilai_rp": _rp(nilai, ["tahun"]),
                "porsi_batubara": 100.0 * batubara / total.replace(0.0, np.nan),
            }
        )
    )
    hasil = hasil.join(_indeks(ekspor, "tahun").rename("indeks_hilirisasi"))
    return hasil.join(_indeks(tanpa, "tahun").rename("indeks_tanpa_batubara")).reset_index()


def ekspor_indeks_rantai(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Index per chain this year and last, and this year's value."""
    ekspor = t.ekspor[t.ekspor["tahun"].isin([p["tahun"] - 1, p["tahun"]]) & t.ekspor["rantai"].notna()]
    ekspor = _rantai(_kab(ekspor, p["kab"]), p["rantai"])
    per = pd.DataFrame(
        {
            "indeks_hilirisasi": _indeks(ekspor, ["rantai", "tahun"]),
            "nilai_usd": ekspor.groupby(["rantai", "tahun"])["nilai_usd"].sum(),
        }
    ).reset_index()
    kini = per[per["tahun"] == p["tahun"]].drop(columns="tahun")
    lalu = per[per["tahun"] == p["tahun"] - 1][["rantai", "indeks_hilirisasi"]]
    hasil = kini.merge(lalu.rename(columns={"indeks_hilirisasi": "indeks_hilirisasi_lalu"}), on="rantai", how="outer")
    hasil = hasil.sort_values(["nilai_usd", "rantai"], ascending=[False, True], na_position="last", ignore_index=True)
    return hasil[["rantai", "indeks_hilirisasi", "indeks_hilirisasi_lalu", "nilai_usd"]]


def ekspor_indeks_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Index with and without coal and value per kabupaten and year, every year for every chosen kabupaten."""
    ekspor = _rantai(_kab(t.ekspor[t.ekspor["kode_bps"].notna()], p["kab"]), p["rantai"])
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    by = ["kode_bps", "tahun"]
    nilai = pd.DataFrame(
        {
            "indeks_hilirisasi": _indeks(ekspor, by),
            "indeks_tanpa_batubara": _indeks(tanpa, by),
            "nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(),
        }
    ).reset_index()
    kerangka = _kab(t.wilayah, p["kab"])[["kode_bps", "nama"]].merge(
        pd.DataFrame({"tahun": sorted(t.ekspor["tahun"].unique().tolist())}), how="cross"
    )
    hasil = kerangka.merge(nilai, on=by, how="left")
    hasil["nilai_usd"] = hasil["nilai_usd"].fillna(0.0)
    return hasil.sort_values(by, ignore_index=True)


def ekspor_tahap_per_rantai(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per chain and stage in the year (chains only)."""
    ekspor = t.ekspor[(t.ekspor["tahun"] == p["tahun"]) & t.ekspor["rantai"].notna()]
    ekspor = _rantai(_kab(ekspor, p["kab"]), p["rantai"])
    by = ["rantai", "tahap"]
    hasil = pd.DataFrame({"nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, by)})
    return hasil.reset_index().sort_values(by, ignore_index=True)


def ekspor_per_negara(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per destination country in the year, with its share."""
    ekspor = _in(_rantai(_kab(t.ekspor[t.ekspor["tahun"] == p["tahun"]], p["kab"]), p["rantai"]), "tahap", p["tahap"])
    ekspor = ekspor.assign(negara_tujuan=ekspor["negara_tujuan"].fillna("Tidak tercatat"))
    hasil = pd.DataFrame(
        {"nilai_usd": ekspor.groupby("negara_tujuan")["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, ["negara_tujuan"])}
    ).reset_index()
    hasil["porsi"] = 100.0 * hasil["nilai_usd"] / hasil["nilai_usd"].sum()
    return hasil.sort_values(["nilai_usd", "negara_tujuan"], ascending=[False, True], ignore_index=True)


def ekspor_deret(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per period (year, or month when ``periode`` is 'bulanan'), chain and stage; unmapped codes
    are 'tidak terpetakan'."""
    ekspor = _in(_rantai(_kab(t.ekspor, p["kab"]), p["rantai"]), "tahap", p["tahap"])
    ekspor = ekspor.assign(
        rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN), tahap=ekspor["tahap"].fillna(TIDAK_TERPETAKAN)
    )
    bulanan = p["periode"] == "bulanan"
    by = ["tahun", "bulan", "rantai", "tahap"] if bulanan else ["tahun", "rantai", "tahap"]
    hasil = pd.DataFrame({"nilai_usd": ekspor.groupby(by)["nilai_usd"].sum(), "nilai_rp": _rp(ekspor, by)})
    hasil = hasil.reset_index()
    if not bulanan:  # one period per year: the month is null
        hasil.insert(1, "bulan", None)
    return hasil.sort_values(["tahun", "bulan", "rantai", "tahap"], ignore_index=True)


def ekspor_per_hs(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per 4-digit HS heading in the year, with its descriptions and the chain carrying most of
    its value."""
    ekspor = t.ekspor[t.ekspor["tahun"] == p["tahun"]]
    ekspor = _in(_rantai(_kab(ekspor, p["kab"]), p["rantai"]), "tahap", p["tahap"])
    ekspor = ekspor.assign(kode_hs4=ekspor["kode_hs"].str[:4], rantai=ekspor["rantai"].fillna(TIDAK_TERPETAKAN))
    per_rantai = ekspor.groupby(["kode_hs4", "rantai"], as_index=False)["nilai_usd"].sum()
    utama = per_rantai.sort_values("nilai_usd", ascending=False).drop_duplicates("kode_hs4").set_index("kode_hs4")
    hasil = pd.DataFrame(
        {
            "rantai": utama["rantai"],
            "nilai_usd": ekspor.groupby("kode_hs4")["nilai_usd"].sum(),
            "nilai_rp": _rp(ekspor, ["kode_hs4"]),
        }
    ).reset_index()
    uraian = _need(t.hs4_uraian, "hs4_uraian")[["kode_hs4", "kode_hs2", "uraian_hs2", "uraian_hs4"]]
    hasil = hasil.merge(uraian, on="kode_hs4", how="left")
    hs2 = hasil["kode_hs4"].str[:2]
    hasil["kode_hs2"] = hasil["kode_hs2"].fillna(hs2)
    hasil["uraian_hs2"] = hasil["uraian_hs2"].fillna("Bab HS " + hs2)
    hasil["uraian_hs4"] = hasil["uraian_hs4"].fillna("HS " + hasil["kode_hs4"])
    hasil = hasil.sort_values(["nilai_usd", "kode_hs4"], ascending=[False, True], ignore_index=True)
    return hasil[["kode_hs2", "uraian_hs2", "kode_hs4", "uraian_hs4", "rantai", "nilai_usd", "nilai_rp"]]


def _pilihan(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """One row per (jenis, nilai): the distinct non-null values of each column, named by its filter."""
    parts = [
        pd.DataFrame({"jenis": jenis, "nilai": frame[column].dropna().unique()}) for jenis, column in columns.items()
    ]
    return pd.concat(parts, ignore_index=True).sort_values(["jenis", "nilai"], ignore_index=True)


def ekspor_pilihan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The chains and stages the export filters offer (mapped codes only)."""
    return _pilihan(t.ekspor, {"rantai": "rantai", "tahap": "tahap"})


def ekspor_kawasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Export value per year, chain and stage from one kabupaten, for the chosen chains (none chosen = none)."""
    ekspor = t.ekspor[(t.ekspor["kode_bps"] == p["kab"]) & t.ekspor["rantai"].isin(p["rantai"])]
    hasil = ekspor.groupby(["tahun", "rantai", "tahap"], as_index=False, dropna=False)["nilai_usd"].sum()
    return hasil.sort_values(["tahun", "rantai", "tahap"], ignore_index=True)


# --- The IKM page, the map and the registry's other questions ---


def ikm_pilihan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The values each categorical IKM filter offers, with the label of KBLI divisions."""
    columns = {"sektor": "sektor", "kbli": "kbli2", "rantai": "rantai", "tahap": "tahap", "skala": "skala"}
    hasil = _pilihan(t.ikm, columns)
    kbli = hasil["jenis"] == "kbli"
    label = hasil["nilai"].map(_need(t.kbli2, "kbli2").set_index("kode")["label"])
    hasil["label"] = label.fillna("KBLI " + hasil["nilai"]).where(kbli, None)
    return hasil


def ikm_rentang_berdiri(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The earliest and latest founding year in the registry."""
    berdiri = t.ikm["tahun_berdiri"]
    return pd.DataFrame({"awal": [berdiri.min()], "akhir": [berdiri.max()]})


def _tenaga_kerja(ikm: pd.DataFrame) -> pd.Series:
    return ikm["tenaga_kerja_l"] + ikm["tenaga_kerja_p"]


def ikm_komoditas_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Firms of one commodity and their workers per registry year."""
    ikm = _kab(t.ikm[t.ikm["komoditas"] == p["komoditas"]], p["kab"])
    hasil = (
        ikm.assign(tenaga_kerja=_tenaga_kerja(ikm))
        .groupby("tahun_data")
        .agg(jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"))
    )
    return hasil.rename_axis("tahun").reset_index()


def ikm_titik(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Coordinates of the year's firms that have them (registry order)."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & t.ikm["lat"].notna() & t.ikm["lon"].notna()]
    return ikm[["lat", "lon"]].reset_index(drop=True)


def ikm_daftar(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One page of the filtered registry's firms in the year, ordered by name (``batas`` None = every row)."""
    ikm = ikm_terpilih(t, p)
    ikm = ikm[ikm["tahun_data"] == p["tahun"]].sort_values(["nama_usaha", "id"])
    awal = p["mulai"] or 0
    ikm = ikm.iloc[awal:] if p["batas"] is None else ikm.iloc[awal : awal + p["batas"]]
    nama = t.wilayah.set_index("kode_bps")["nama"]
    label = _need(t.kbli2, "kbli2").set_index("kode")["label"]
    hasil = ikm.assign(
        kabupaten=ikm["kode_bps"].map(nama),
        kelompok_kbli=ikm["kbli2"].map(label).fillna("KBLI " + ikm["kbli2"]),
        nilai_tambah_rp=ikm["nilai_produksi_rp"] - ikm["nilai_bahan_baku_rp"],
    )
    columns = [
        "id", "tahun_data", "nama_usaha", "kode_bps", "kabupaten", "kecamatan", "kbli", "kelompok_kbli", "sektor",
        "komoditas", "rantai", "tahap", "skala", "tenaga_kerja_l", "tenaga_kerja_p", "investasi_rp",
        "nilai_produksi_rp", "nilai_bahan_baku_rp", "nilai_tambah_rp", "tahun_berdiri", "halal", "tanggal_halal",
        "berorientasi_ekspor",
    ]  # fmt: skip
    return hasil[columns].reset_index(drop=True)


BUMI_KM = 6371.0
"""Earth radius of the great-circle distance, as the SQL uses it."""


def ikm_sekitar_kawasan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Firms of the year (with coordinates) within ``radius_km`` of each estate, per estate and sector."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & t.ikm["lat"].notna() & t.ikm["lon"].notna()]
    ikm = ikm.assign(tenaga_kerja=_tenaga_kerja(ikm))
    lat, lon = np.radians(ikm["lat"].to_numpy()), np.radians(ikm["lon"].to_numpy())
    parts = []
    for kawasan in _need(t.kawasan, "kawasan").itertuples(index=False):
        k_lat, k_lon = np.radians(kawasan.lat), np.radians(kawasan.lon)
        a = np.sin((lat - k_lat) / 2) ** 2 + np.cos(k_lat) * np.cos(lat) * np.sin((lon - k_lon) / 2) ** 2
        dekat = ikm[2 * BUMI_KM * np.arcsin(np.sqrt(a)) <= p["radius_km"]]
        per = dekat.groupby("sektor", as_index=False, dropna=False).agg(
            jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum")
        )
        parts.append(per.assign(kawasan_id=kawasan.id))
    hasil = pd.concat(parts, ignore_index=True)[["kawasan_id", "sektor", "jumlah_ikm", "tenaga_kerja"]]
    return hasil.sort_values(["kawasan_id", "jumlah_ikm"], ascending=[True, False], ignore_index=True)


WAJIB_HALAL = pd.Timestamp("2024-10-17")
"""From this date halal certification is mandatory for food and beverage products."""


def halal_pangan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Food and beverage firms per registry year, the halal-certified ones, and those certified since it
    became mandatory."""
    pangan = _kab(t.ikm[t.ikm["sektor"] == "Pangan"], p["kab"])
    halal = pangan["halal"].fillna(False).astype(bool)
    hasil = (
        pangan[["tahun_data"]]
        .assign(halal=halal, sejak_wajib=halal & (pangan["tanggal_halal"] >= WAJIB_HALAL))
        .groupby("tahun_data")
        .agg(jumlah_pangan=("halal", "size"), jumlah_halal=("halal", "sum"), halal_sejak_wajib=("sejak_wajib", "sum"))
    )
    hasil["persen_halal"] = 100.0 * hasil["jumlah_halal"] / hasil["jumlah_pangan"]
    return hasil.rename_axis("tahun").reset_index()


# --- The map, Profil Kabupaten, Program, Target and Kawasan pages ---


PETA_RANTAI = ("sawit", "karet", "kayu", "rotan", "perikanan")
"""Chains whose Indeks Hilirisasi the map can colour by."""


def peta_metrik(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every map metric per kabupaten and year (registry and export years), null where nothing was recorded."""
    tahun = sorted(set(t.ikm["tahun_data"].unique().tolist()) | set(t.ekspor["tahun"].unique().tolist()))
    kerangka = t.wilayah[["kode_bps", "nama"]].merge(pd.DataFrame({"tahun": tahun}), how="cross")
    by = ["tahun", "kode_bps"]
    ikm = t.ikm.assign(tenaga_kerja=_tenaga_kerja(t.ikm), halal=t.ikm["halal"].fillna(False).astype(bool))
    ikm = ikm.rename(columns={"tahun_data": "tahun"}).groupby(by)
    ikm = ikm.agg(
        jumlah_ikm=("id", "size"),
        tenaga_kerja=("tenaga_kerja", "sum"),
        investasi_rp=("investasi_rp", "sum"),
        jumlah_halal=("halal", "sum"),
    )
    halal = ikm.pop("jumlah_halal")
    ikm["persen_halal"] = (100.0 * halal / ikm["jumlah_ikm"]).where(halal > 0)  # SQL: a sum over no halal firm is null
    ekspor = t.ekspor[t.ekspor["kode_bps"].notna()]
    tanpa = ekspor[ekspor["rantai"].isna() | (ekspor["rantai"] != "batubara")]
    nilai = pd.DataFrame(
        {
            "nilai_ekspor_usd": ekspor.groupby(by)["nilai_usd"].sum(),
            "indeks_hilirisasi": _indeks(ekspor, by),
            "indeks_tanpa_batubara": _indeks(tanpa, by),
        }
    )
    per_rantai = _indeks(ekspor[ekspor["rantai"].isin(PETA_RANTAI)], [*by, "rantai"]).unstack("rantai")
    per_rantai = per_rantai.reindex(columns=list(PETA_RANTAI)).add_prefix("indeks_")
    hasil = kerangka.merge(ikm.reset_index(), on=by, how="left").merge(nilai.reset_index(), on=by, how="left")
    hasil = hasil.merge(per_rantai.reset_index(), on=by, how="left")
    return hasil.sort_values(["tahun", "kode_bps"], ignore_index=True)


def komoditas_teratas(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """The eight commodities with the most firms in one kabupaten in the year, with chain and workers."""
    ikm = t.ikm[(t.ikm["tahun_data"] == p["tahun"]) & (t.ikm["kode_bps"] == p["kab"])]
    hasil = (
        ikm.assign(tenaga_kerja=_tenaga_kerja(ikm))
        .groupby("komoditas", as_index=False, dropna=False)
        .agg(rantai=("rantai", "first"), jumlah_ikm=("id", "size"), tenaga_kerja=("tenaga_kerja", "sum"))
    )
    return hasil.sort_values(["jumlah_ikm", "komoditas"], ascending=[False, True], ignore_index=True).head(8)


PROGRAM_JUMLAH = ["peserta", "diajukan", "hasil", "target"]
"""Programme counts; a sum over nothing recorded stays null, as in SQL."""


def program_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One programme's participants, submissions, results and targets per year over the chosen kabupaten."""
    program = _need(t.program, "program")
    program = _kab(program[program["jenis"] == p["jenis"]], p["kab"])
    grouped = program.groupby("tahun")
    hasil = pd.DataFrame({c: grouped[c].sum(min_count=1) for c in PROGRAM_JUMLAH})
    hasil["satuan"] = grouped["satuan"].max()
    return hasil.reset_index().sort_values("tahun", ignore_index=True)


def program_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One programme in the year for every kabupaten (participants and results 0 where none recorded)."""
    program = _need(t.program, "program")
    program = program[(program["jenis"] == p["jenis"]) & (program["tahun"] == p["tahun"])]
    hasil = t.wilayah[["kode_bps", "nama"]].merge(program[["kode_bps", *PROGRAM_JUMLAH]], on="kode_bps", how="left")
    hasil["peserta"] = hasil["peserta"].fillna(0)
    hasil["hasil"] = hasil["hasil"].fillna(0)
    return hasil.sort_values("kode_bps", ignore_index=True)


def program_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every programme of one kabupaten in the year."""
    program = _need(t.program, "program")
    program = program[(program["kode_bps"] == p["kab"]) & (program["tahun"] == p["tahun"])]
    columns = ["jenis", "peserta", "diajukan", "hasil", "target", "satuan"]
    return program.sort_values("jenis", ignore_index=True)[columns]


TARGET_KOLOM = ["indikator", "tahun", "nilai_target", "satuan", "dokumen"]


def target_capaian(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Province-level targets per year with what was achieved: registry count, Indeks Hilirisasi, halal
    certificates."""
    target = _need(t.target, "target")
    program = _need(t.program, "program")
    halal = program[program["jenis"] == "halal"].groupby("tahun")["hasil"].sum(min_count=1).astype(float)
    capaian = pd.concat(
        {
            "jumlah_ikm": t.ikm.groupby("tahun_data").size().rename_axis("tahun").astype(float),
            "indeks_hilirisasi": _indeks(t.ekspor, "tahun"),
            "sertifikat_halal": halal,
        },
        names=["indikator", "tahun"],
    ).rename("capaian")
    provinsi = target[target["kode_bps"].isna()][TARGET_KOLOM]
    hasil = provinsi.merge(capaian.reset_index(), on=["indikator", "tahun"], how="left")
    return hasil.sort_values(["indikator", "tahun"], ignore_index=True)


def target_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One kabupaten's targets per year, with the registry count achieved for the jumlah_ikm indicator."""
    target = _need(t.target, "target")
    jumlah = t.ikm[t.ikm["kode_bps"] == p["kab"]].groupby("tahun_data").size().astype(float)
    hasil = target[target["kode_bps"] == p["kab"]][TARGET_KOLOM].reset_index(drop=True)
    hasil["capaian"] = hasil["tahun"].map(jumlah).where(hasil["indikator"] == "jumlah_ikm")
    return hasil.sort_values(["indikator", "tahun"], ignore_index=True)


def kawasan_profil(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every industrial estate with its kabupaten, its source and its operating tenants."""
    kawasan = _need(t.kawasan, "kawasan")
    tenant = _need(t.kawasan_tenant, "kawasan_tenant")
    sumber = t.sumber[["id", "url", "tanggal_data", "jenis"]].rename(
        columns={"id": "sumber_id", "url": "sumber_url", "tanggal_data": "sumber_tanggal", "jenis": "sumber_jenis"}
    )
    operasi = tenant[tenant["status"] == "operasi"].groupby("kawasan_id").size()
    hasil = kawasan.merge(t.wilayah[["kode_bps", "nama"]].rename(columns={"nama": "kabupaten"}), how="left")
    hasil = hasil.merge(sumber, on="sumber_id", how="left")
    hasil["tenant_operasi"] = hasil["id"].map(operasi).fillna(0).astype(int)
    columns = [
        "id", "nama", "kode_bps", "kabupaten", "kecamatan", "lon", "lat", "luas_rencana_ha", "luas_izin_ha",
        "pengelola", "status", "fokus", "lokasi_presisi", "catatan_luas", "sumber_url", "sumber_tanggal",
        "sumber_jenis", "tenant_operasi",
    ]  # fmt: skip
    return hasil.sort_values("id", ignore_index=True)[columns]


URUTAN_STATUS = {"operasi": 1, "konstruksi": 2, "rencana": 3}
"""Tenants listed operating first, then under construction, then planned, then any other status."""


def kawasan_tenant_daftar(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every estate tenant with the kind, address and date of its source."""
    tenant = _need(t.kawasan_tenant, "kawasan_tenant")
    sumber = t.sumber[["id", "jenis", "url", "tanggal_data"]].rename(
        columns={"id": "sumber_id", "jenis": "sumber_jenis", "url": "sumber_url", "tanggal_data": "sumber_tanggal"}
    )
    hasil = tenant.merge(sumber, on="sumber_id", how="left")
    hasil["urutan"] = hasil["status"].map(URUTAN_STATUS).fillna(4)
    hasil = hasil.sort_values(["kawasan_id", "urutan", "nama_perusahaan"], ignore_index=True)
    columns = [
        "kawasan_id", "nama_perusahaan", "sektor", "rantai", "status", "tahun_mulai", "tahun_berhenti",
        "investasi_rp", "tenaga_kerja", "luas_ha", "kapasitas", "satuan_kapasitas", "keterangan", "sumber_jenis",
        "sumber_url", "sumber_tanggal",
    ]  # fmt: skip
    return hasil[columns]


def kawasan_sebelum_sesudah(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Per tenant with a start year and a mapped chain: its chain's exports from the estate's kabupaten in a
    base year (the year before the start) and in the latest export year after the start."""
    kawasan = _need(t.kawasan, "kawasan")[["id", "kode_bps"]].rename(columns={"id": "kawasan_id"})
    tenant = _need(t.kawasan_tenant, "kawasan_tenant")
    rantai = _need(t.hs_rantai, "hs_rantai")["rantai"].dropna().unique()
    tenant = tenant[tenant["tahun_mulai"].notna() & tenant["rantai"].isin(rantai)]
    tenant = tenant[["kawasan_id", "nama_perusahaan", "rantai", "status", "tahun_mulai"]].merge(kawasan, how="inner")
    awal, akhir = int(t.ekspor["tahun"].min()), int(t.ekspor["tahun"].max())
    mulai = tenant["tahun_mulai"].astype("Int64")
    tenant = tenant.assign(
        tahun_ekspor_awal=awal,
        tahun_dasar=(mulai - 1).clip(upper=akhir).where(mulai > awal).mask(mulai == awal, awal),
        dasar_tahun_mulai=mulai == awal,
        tahun_banding=pd.Series(akhir, index=tenant.index, dtype="Int64").where(mulai < akhir),
    )
    ekspor = t.ekspor[t.ekspor["kode_bps"].notna() & t.ekspor["rantai"].notna()]
    nilai = ekspor["nilai_usd"]
    by = ["kode_bps", "rantai", "tahun"]
    tahunan = pd.DataFrame(
        {
            "hilir_usd": nilai.where(ekspor["tahap"] == "hilir", 0.0).groupby([ekspor[c] for c in by]).sum(),
            "olahan_usd": nilai.where(ekspor["tahap"].isin(OLAHAN), 0.0).groupby([ekspor[c] for c in by]).sum(),
            "indeks": _indeks(ekspor, by),
        }
    ).reset_index()
    hasil = tenant
    for sisi in ("dasar", "banding"):
        kolom = f"tahun_{sisi}"
        pasangan = tahunan.rename(columns={"tahun": kolom}).astype({kolom: "Int64"})
        hasil = hasil.merge(
            pasangan.rename(columns={c: f"{c}_{sisi}" for c in ("hilir_usd", "olahan_usd", "indeks")}),
            on=["kode_bps", "rantai", kolom],
            how="left",
        )
        ada = hasil[kolom].notna()
        for c in ("hilir", "olahan"):
            hasil[f"{c}_{sisi}_usd"] = hasil[f"{c}_usd_{sisi}"].fillna(0.0).where(ada)
    columns = [
        "kawasan_id", "nama_perusahaan", "rantai", "status", "tahun_mulai", "kode_bps", "tahun_ekspor_awal",
        "tahun_dasar", "dasar_tahun_mulai", "tahun_banding", "hilir_dasar_usd", "hilir_banding_usd",
        "olahan_dasar_usd", "olahan_banding_usd", "indeks_dasar", "indeks_banding",
    ]  # fmt: skip
    return hasil.sort_values(["kawasan_id", "tahun_mulai", "nama_perusahaan"], ignore_index=True)[columns]


BASELINES: dict[str, Callable[[Tables, dict[str, Any]], pd.DataFrame]] = {
    "wilayah": wilayah,
    "tahun_tersedia": tahun_tersedia,
    "kpi_ringkasan": kpi_ringkasan,
    "tren_tahunan": tren_tahunan,
    "ekspor_rantai_tahap": ekspor_rantai_tahap,
    "sumber_tabel": sumber_tabel,
    "tabel_contoh": tabel_contoh,
    "kpi_per_kabupaten": kpi_per_kabupaten,
    "ikm_ringkasan": ikm_ringkasan,
    "ikm_per_sektor": ikm_per_sektor,
    "ikm_per_kabupaten": ikm_per_kabupaten,
    "ikm_per_tahun": ikm_per_tahun,
    "ikm_per_kbli": ikm_per_kbli,
    "ikm_rekap": ikm_rekap,
    "ekspor_indeks": ekspor_indeks,
    "ekspor_indeks_rantai": ekspor_indeks_rantai,
    "ekspor_indeks_kabupaten": ekspor_indeks_kabupaten,
    "ekspor_tahap_per_rantai": ekspor_tahap_per_rantai,
    "ekspor_per_negara": ekspor_per_negara,
    "ekspor_deret": ekspor_deret,
    "ekspor_per_hs": ekspor_per_hs,
    "ekspor_pilihan": ekspor_pilihan,
    "ekspor_kawasan": ekspor_kawasan,
    "ikm_pilihan": ikm_pilihan,
    "ikm_rentang_berdiri": ikm_rentang_berdiri,
    "ikm_komoditas_tahunan": ikm_komoditas_tahunan,
    "ikm_titik": ikm_titik,
    "ikm_daftar": ikm_daftar,
    "ikm_sekitar_kawasan": ikm_sekitar_kawasan,
    "halal_pangan": halal_pangan,
    "peta_metrik": peta_metrik,
    "komoditas_teratas": komoditas_teratas,
    "program_tahunan": program_tahunan,
    "program_per_kabupaten": program_per_kabupaten,
    "program_kabupaten": program_kabupaten,
    "target_capaian": target_capaian,
    "target_kabupaten": target_kabupaten,
    "kawasan_profil": kawasan_profil,
    "kawasan_tenant_daftar": kawasan_tenant_daftar,
    "kawasan_sebelum_sesudah": kawasan_sebelum_sesudah,
}
"""Query name -> its pandas baseline. Queries missing here get ``pandas_median_ms: null`` and a reason."""

TANPA_BASELINE: dict[str, str] = {
    "impor_log": "no pandas baseline by design: the warehouse's change log is metadata, not analysis of the data",
    "versi_gudang": "no pandas baseline by design: the schema version is warehouse metadata, not analysis of the data",
}
"""Queries left without a baseline on purpose, with the reason the benchmark reports for them."""
