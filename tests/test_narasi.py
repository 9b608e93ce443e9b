"""The written summaries: every sentence's number equals SQL, each carries a source; shown on Ringkasan."""

from __future__ import annotations

import polars as pl
import pytest

from dasbor.views import formats, narasi
from dasbor.views.dek import tampilan
from dasbor.warehouse.db import Gudang
from tests.aplikasi import buka, kueri
from tests.conftest import Fixture

TAHUN = 2025


def _kalimat(gudang: Fixture, kab: list[str]) -> dict[str, narasi.Kalimat]:
    target = kueri(gudang, "target_capaian") if not kab else kueri(gudang, "target_kabupaten", kab=kab[0])
    daftar = narasi.ringkasan(
        tahun=TAHUN,
        wilayah="Wilayah",
        kpi=kueri(gudang, "kpi_ringkasan", tahun=TAHUN, kab=kab),
        harga_volume=kueri(gudang, "ekspor_harga_volume", tahun=TAHUN, kab=kab),
        indeks_rantai=kueri(gudang, "ekspor_indeks_rantai", tahun=TAHUN, kab=kab, rantai=[]),
        target=target,
    )
    return {k.aturan: k for k in daftar}


@pytest.mark.parametrize("kab", [[], ["6310"]])
def test_angka_kalimat_sama_dengan_sql(gudang: Fixture, kab: list[str]) -> None:
    k = _kalimat(gudang, kab)
    kpi = kueri(gudang, "kpi_ringkasan", tahun=TAHUN, kab=kab)
    jumlah = kpi.filter(pl.col("tahun") == TAHUN)["jumlah_ikm"].item()
    assert k["ikm"].angka == jumlah
    assert formats.unit(jumlah, "IKM") in k["ikm"].teks
    indeks = kueri(gudang, "ekspor_indeks", tahun=TAHUN, kab=kab, rantai=[], tahap=[])
    v0, v1 = indeks.sort("tahun")["nilai_usd"].to_list()
    assert k["ekspor"].angka == pytest.approx(100 * (v1 - v0) / v0, rel=1e-9)
    assert formats.persen(abs(100 * (v1 - v0) / v0)) in k["ekspor"].teks
    rantai = kueri(gudang, "ekspor_indeks_rantai", tahun=TAHUN, kab=kab, rantai=[])
    besar = rantai.filter(pl.col("nilai_usd") >= narasi.NILAI_MIN_RANTAI_USD)
    if "indeks" in k:
        assert k["indeks"].angka == pytest.approx(besar["indeks_hilirisasi"].max())
        assert formats.persen(besar["indeks_hilirisasi"].max()) in k["indeks"].teks  # type: ignore[arg-type]
    target = kueri(gudang, "target_capaian") if not kab else kueri(gudang, "target_kabupaten", kab=kab[0])
    kini = target.filter((pl.col("tahun") == TAHUN) & pl.col("capaian").is_not_null())
    tercapai = kini.filter(pl.col("capaian") >= pl.col("nilai_target")).height
    assert k["target"].angka == tercapai
    assert k["target"].teks.startswith(f"{tercapai} dari {kini.height} target {TAHUN}")
    for kalimat in k.values():
        assert kalimat.tabel, kalimat


def test_terbesar_sama_dengan_sql(gudang: Fixture) -> None:
    k = _kalimat(gudang, [])
    df = kueri(gudang, "ekspor_harga_volume", tahun=TAHUN, kab=[]).filter(pl.col("rantai") != "tidak terpetakan")
    per = df.group_by("rantai").agg((pl.col("nilai_akhir_usd") - pl.col("nilai_awal_usd")).sum().alias("d"))
    atas = per.sort(pl.col("d").abs(), descending=True).row(0, named=True)
    assert k["terbesar"].angka == pytest.approx(atas["d"])


def test_markdown_aman() -> None:
    k = narasi.Kalimat("x", "Ekspor **naik** [tautan](http://x) US$ 5 <b>", 1.0, ("ekspor",))
    md = narasi.markdown([k], {"ekspor": "Sumber *contoh*"})
    assert "**" not in md and "](" not in md and "US\\$" in md and "\\<b\\>" in md
    assert "Sumber: Sumber \\*contoh\\*" in md


def test_slide_narasi(gudang: Fixture) -> None:
    with Gudang(gudang.warehouse) as g:
        isi = tampilan.render(g, "ringkasan.narasi", {"tahun": str(TAHUN)})
    k = _kalimat(gudang, [])
    assert isi.ringkas == k["ekspor"].teks.replace("Ekspor Wilayah", "Ekspor Kalimantan Selatan").rstrip(".")
    assert len(isi.catatan) == len(k) and all("[Sumber:" in c for c in isi.catatan)


def test_halaman_ringkasan(gudang: Fixture) -> None:
    at = buka("ringkasan", tahun=str(TAHUN))
    assert not at.exception
    teks = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Ekspor Kalimantan Selatan" in teks and "Sumber: Ekspor bulanan contoh (data contoh)" in teks
    assert any("Angka rujukan" in s.value for s in at.subheader)


def test_a_year_without_registry_before_it_gives_no_change_not_an_error() -> None:
    kpi = pl.DataFrame(
        {"tahun": [2024, 2025], "jumlah_ikm": [None, 1200]}, schema={"tahun": pl.Int64, "jumlah_ikm": pl.Int64}
    )
    k = narasi.kalimat_ikm(kpi, 2025, "Kalimantan Selatan")
    assert k is not None and k.teks == "Kalimantan Selatan mencatat 1.200 IKM pada 2025."
