"""Location quotients: the employment-weighted mean of LQ per sektor is 1; a cell recomputed from the registry."""

from __future__ import annotations

import polars as pl
import pytest

from dasbor.views import spesialisasi
from dasbor.views.filter_ikm import FilterIkm
from tests.aplikasi import buka, kueri
from tests.conftest import Fixture


@pytest.mark.parametrize("tahun", [2021, 2025])
def test_rata_rata_tertimbang_lq_per_sektor_satu(gudang: Fixture, tahun: int) -> None:
    df = kueri(gudang, "ikm_lq", tahun=tahun)
    assert df.height == 13 * df["sektor"].n_unique()
    rata = df.group_by("sektor").agg(
        ((pl.col("lq") * pl.col("tenaga_kerja_kabupaten")).sum() / pl.col("tenaga_kerja_kabupaten").sum()).alias("r")
    )
    assert rata["r"].to_list() == pytest.approx([1.0] * rata.height, rel=1e-12)


def test_sel_lq_dari_registri(gudang: Fixture) -> None:
    df = kueri(gudang, "ikm_lq", tahun=2025)
    kab = kueri(gudang, "ikm_per_sektor", **FilterIkm(tahun=2025, kab=("6303",)).params())
    prov = kueri(gudang, "ikm_per_sektor", **FilterIkm(tahun=2025).params())

    def tk(d: pl.DataFrame) -> dict[str, int]:
        return dict(zip(d["sektor"], (d["tenaga_kerja_l"] + d["tenaga_kerja_p"]).to_list(), strict=True))

    tk_kab, tk_prov = tk(kab), tk(prov)
    harapan = (tk_kab["Pangan"] / sum(tk_kab.values())) / (tk_prov["Pangan"] / sum(tk_prov.values()))
    sel = df.filter((pl.col("kode_bps") == "6303") & (pl.col("sektor") == "Pangan")).row(0, named=True)
    assert sel["lq"] == pytest.approx(harapan, rel=1e-12)


def test_lq_ekspor_rata_rata_tertimbang(gudang: Fixture) -> None:
    df = kueri(gudang, "ekspor_lq", tahun=2025)
    rata = df.group_by("rantai").agg(
        ((pl.col("lq") * pl.col("nilai_kabupaten_usd")).sum() / pl.col("nilai_kabupaten_usd").sum()).alias("r")
    )
    assert rata["r"].to_list() == pytest.approx([1.0] * rata.height, rel=1e-9)


def test_unggul_dan_teratas(gudang: Fixture) -> None:
    df = kueri(gudang, "ikm_lq", tahun=2025)
    atas = spesialisasi.teratas(df, 3)
    assert atas["lq"].to_list() == sorted(df["lq"].drop_nulls().to_list(), reverse=True)[:3]
    u = spesialisasi.unggul(df, "6303")
    assert (u["lq"] > 1).all()
    assert u.height == df.filter((pl.col("kode_bps") == "6303") & (pl.col("lq") > 1)).height
    fig = spesialisasi.heatmap_lq(df)
    assert len(fig.data[0].y) == 13


def test_halaman_ikm_heatmap(gudang: Fixture) -> None:
    at = buka("ikm", tahun="2025")
    assert not at.exception
    assert any("Spesialisasi sektor" in s.value for s in at.subheader)
