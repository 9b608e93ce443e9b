"""The IKM and Ekspor & Hilirisasi pages under AppTest against the fixture warehouse: headline numbers equal SQL,
filters round-trip through the URL, bad parameters give notes, downloads and captions are there."""

from __future__ import annotations

import json

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dasbor.views import ekspor, ikm, sel_kecil
from dasbor.views.filter_ikm import FilterIkm
from tests.aplikasi import buka, kueri
from tests.conftest import Fixture

TAHUN = 2025


def _metrics(at: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta or None) for m in at.metric}


def _charts(at: AppTest) -> list[str]:
    return [c.proto.spec for c in at.get("plotly_chart")]


def _url_notes(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning if "Parameter URL" in w.value or "Kode kabupaten" in w.value)


# --------------------------------------------------------------------------------------------------------
# IKM
# --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "saring"),
    [
        ({}, FilterIkm(tahun=TAHUN)),
        ({"kab": "6303"}, FilterIkm(tahun=TAHUN, kab=("6303",))),
        (
            {"tahun": "2023", "kab": "6371,6303", "sektor": "Sandang", "kbli": "13", "halal": "tidak"},
            FilterIkm(tahun=2023, kab=("6303", "6371"), sektor=("Sandang",), kbli=("13",), halal=False),
        ),
    ],
    ids=["provinsi", "banjar", "sasirangan-2023"],
)
def test_ikm_metrics_equal_sql(gudang: Fixture, query: dict[str, str], saring: FilterIkm) -> None:
    at = buka("ikm", **query)
    assert not at.exception, at.exception
    harap = ikm.kartu_ikm(kueri(gudang, "ikm_ringkasan", **saring.params()), saring.tahun)
    assert _metrics(at) == {k.label: (k.nilai, k.perubahan) for k in harap}
    assert harap[0].label == "Jumlah IKM" and harap[0].angka and harap[0].angka > 3
    assert not _url_notes(at)


def test_ikm_filters_from_the_url_appear_in_widgets_and_stay_in_the_url(gudang: Fixture) -> None:
    query = {
        "tahun": "2024",
        "kab": "6310",
        "sektor": "Pangan,Kerajinan",
        "kbli": "10,16",
        "rantai": "perikanan",
        "tahap": "hilir",
        "skala": "kecil",
        "halal": "ya",
        "ekspor": "tidak",
        "berdiri": "1990-2020",
        "cari": "amplang",
        "ukuran": "tenaga_kerja",
    }
    at = buka("ikm", **query)
    assert not at.exception, at.exception
    sb = at.sidebar
    assert sb.selectbox(key="tahun").value == 2024
    assert sb.multiselect(key="kab").value == ["6310"]
    assert sb.multiselect(key="sektor").value == ["Kerajinan", "Pangan"]
    assert sb.multiselect(key="kbli").value == ["10", "16"]
    assert sb.multiselect(key="rantai").value == ["perikanan"]
    assert sb.multiselect(key="tahap").value == ["hilir"]
    assert sb.multiselect(key="skala").value == ["kecil"]
    assert sb.segmented_control(key="halal").value == "ya"
    assert sb.segmented_control(key="ekspor").value == "tidak"
    assert sb.slider(key="berdiri").value == (1990, 2020)
    assert sb.text_input(key="cari").value == "amplang"
    assert at.segmented_control(key="ukuran").value == "tenaga_kerja"
    url = {k: at.query_params[k] for k in query}
    assert url == {**query, "sektor": "Kerajinan,Pangan"}
    assert not _url_notes(at)
    saring = FilterIkm(
        tahun=2024,
        kab=("6310",),
        sektor=("Kerajinan", "Pangan"),
        kbli=("10", "16"),
        rantai=("perikanan",),
        tahap=("hilir",),
        skala=("kecil",),
        halal=True,
        ekspor=False,
        berdiri=(1990, 2020),
        cari="amplang",
    )
    jumlah = kueri(gudang, "ikm_ringkasan", **saring.params())["jumlah_ikm"][-1]
    assert jumlah >= 3, "the test wants a filter that matches enough firms to show numbers"
    assert _metrics(at)["Jumlah IKM"][0] == f"{jumlah} unit"


def test_ikm_widget_changes_are_written_to_the_url(gudang: Fixture) -> None:
    at = buka("ikm")
    at.sidebar.multiselect(key="sektor").select("Sandang").run()
    at.sidebar.segmented_control(key="halal").set_value("tidak").run()
    at.sidebar.text_input(key="cari").input("sasirangan").run()
    at.sidebar.slider(key="berdiri").set_value((2000, 2015)).run()
    assert not at.exception, at.exception
    assert at.query_params["sektor"] == "Sandang"
    assert at.query_params["halal"] == "tidak"
    assert at.query_params["cari"] == "sasirangan"
    assert at.query_params["berdiri"] == "2000-2015"
    saring = FilterIkm(tahun=TAHUN, sektor=("Sandang",), halal=False, cari="sasirangan", berdiri=(2000, 2015))
    harap = ikm.kartu_ikm(kueri(gudang, "ikm_ringkasan", **saring.params()), TAHUN)
    assert _metrics(at)["Jumlah IKM"][0] == harap[0].nilai


def test_ikm_bad_url_parameters_give_notes_not_tracebacks(gudang: Fixture) -> None:
    at = buka(
        "ikm",
        kab="9999",
        sektor="Pangan,Batu",
        kbli="99",
        halal="mungkin",
        ekspor="1",
        berdiri="kemarin",
        ukuran="berat",
        rantai="emas",
        skala="besar",
    )
    assert not at.exception, at.exception
    notes = _url_notes(at)
    for bagian in ("'9999'", "sektor='Batu'", "kbli='99'", "halal='mungkin'", "ekspor='1'", "berdiri='kemarin'"):
        assert bagian in notes, bagian
    for bagian in ("ukuran='berat'", "rantai='emas'", "skala='besar'"):
        assert bagian in notes, bagian
    assert at.sidebar.multiselect(key="sektor").value == ["Pangan"]
    harap = ikm.kartu_ikm(kueri(gudang, "ikm_ringkasan", **FilterIkm(tahun=TAHUN, sektor=("Pangan",)).params()), TAHUN)
    assert _metrics(at)["Jumlah IKM"][0] == harap[0].nilai


def test_ikm_charts_captions_table_and_downloads(gudang: Fixture) -> None:
    at = buka("ikm", kab="6303")
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) >= 2
    sumber = [c.value for c in at.caption if c.value.startswith("Sumber:")]
    assert len(sumber) >= len(at.get("plotly_chart")), "every chart has its source caption"
    assert all("data per 31 Desember 2025" in s and "(data contoh)" in s for s in sumber)
    assert [b.label for b in at.download_button] == ["CSV", "XLSX", "Parquet"]
    assert at.segmented_control(key="unduh_isi").options == ["Rekap kabupaten/kota x sektor", "Daftar IKM"]
    tabel = at.dataframe[0].value
    harap = kueri(gudang, "ikm_daftar", **FilterIkm(tahun=TAHUN, kab=("6303",)).params(), batas=25, mulai=0)
    assert tabel["Nama usaha"].tolist() == harap["nama_usaha"].to_list()
    assert set(tabel["Kabupaten/kota"]) == {"Banjar"}


def test_ikm_small_cells_read_less_than_three(gudang: Fixture) -> None:
    ikm = pl.read_parquet(gudang.masukan / "ikm" / "*.parquet").filter(pl.col("tahun_data") == TAHUN)
    # A name search that matches exactly one or two firms of one kabupaten.
    kandidat = (
        ikm.group_by("kode_bps", "nama_usaha")
        .len()
        .filter(pl.col("len") <= 2)
        .sort("kode_bps", "nama_usaha")
        .row(0, named=True)
    )
    semua_cocok = ikm.filter(
        (pl.col("kode_bps") == kandidat["kode_bps"])
        & pl.col("nama_usaha").str.to_lowercase().str.contains(kandidat["nama_usaha"].lower(), literal=True)
    )
    assert 0 < semua_cocok.height < sel_kecil.BATAS
    at = buka("ikm", kab=kandidat["kode_bps"], cari=kandidat["nama_usaha"])
    assert not at.exception, at.exception
    nilai = {label: v for label, (v, _) in _metrics(at).items()}
    assert nilai["Jumlah IKM"] == "<3"
    assert all(v.startswith("<3") for v in nilai.values())
    kbli = buka("ikm", kab=kandidat["kode_bps"], cari=kandidat["nama_usaha"], tab_sektor="KBLI 2 digit")
    assert not kbli.exception, kbli.exception
    assert _charts(kbli)[0] != _charts(at)[0], "the KBLI tab is drawn when opened by its URL parameter"
    # sektor (the open tab), kabupaten, and KBLI (its tab opened): one bar each, blanked, labelled "<3"
    for spec in [*_charts(at)[:2], _charts(kbli)[0]]:
        fig = json.loads(spec)
        assert [x for x in fig["data"][0]["x"] if x is not None] == []
        assert fig["data"][-1]["text"] == [sel_kecil.LABEL_DITAHAN]


def test_ikm_firm_rows_hidden_when_the_office_says_so(gudang: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_TAMPILKAN_IKM", "0")
    at = buka("ikm")
    assert not at.exception, at.exception
    assert len(at.dataframe) == 0
    assert any("DASBOR_TAMPILKAN_IKM=0" in i.value for i in at.info)
    assert at.segmented_control(key="unduh_isi").options == ["Rekap kabupaten/kota x sektor"]
    assert [b.label for b in at.download_button] == ["CSV", "XLSX", "Parquet"]


# --------------------------------------------------------------------------------------------------------
# Ekspor & Hilirisasi
# --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "tahun", "kab", "rantai", "tahap", "mata_uang"),
    [
        ({}, TAHUN, [], [], [], "usd"),
        (
            {"tahun": "2023", "kab": "6310", "rantai": "sawit,karet", "mata_uang": "rp"},
            2023,
            ["6310"],
            ["sawit", "karet"],
            [],
            "rp",
        ),
        ({"kab": "6303,6301", "tahap": "antara,hilir"}, TAHUN, ["6301", "6303"], [], ["antara", "hilir"], "usd"),
    ],
    ids=["provinsi", "tanbu-sawit-karet-rp", "tahap-olahan"],
)
def test_ekspor_metrics_equal_sql(
    gudang: Fixture,
    query: dict[str, str],
    tahun: int,
    kab: list[str],
    rantai: list[str],
    tahap: list[str],
    mata_uang: str,
) -> None:
    at = buka("ekspor", **query)
    assert not at.exception, at.exception
    df = kueri(gudang, "ekspor_indeks", tahun=tahun, kab=kab, rantai=rantai, tahap=tahap)
    harap = ekspor.kartu_ekspor(df, tahun, mata_uang)
    assert _metrics(at) == {k.label: (k.nilai, k.perubahan) for k in harap}
    assert [m.label for m in at.metric][:2] == ["Indeks Hilirisasi", "Indeks Hilirisasi tanpa batu bara"]
    assert at.metric[0].value.endswith(" %")
    assert at.metric[2].value.startswith("Rp " if mata_uang == "rp" else "US$ ")
    assert not _url_notes(at)


def test_ekspor_filters_round_trip_through_the_url(gudang: Fixture) -> None:
    query = {"kab": "6371", "rantai": "kayu,rotan", "tahap": "hilir", "mata_uang": "rp", "periode": "bulanan"}
    at = buka("ekspor", **query)
    assert not at.exception, at.exception
    sb = at.sidebar
    assert sb.multiselect(key="rantai").value == ["rotan", "kayu"]
    assert sb.multiselect(key="tahap").value == ["hilir"]
    assert sb.segmented_control(key="mata_uang").value == "rp"
    assert sb.segmented_control(key="periode").value == "bulanan"
    assert {k: at.query_params[k] for k in query} == {**query, "rantai": "rotan,kayu"}
    sb.segmented_control(key="mata_uang").set_value("usd").run()
    assert "mata_uang" not in at.query_params, "the default is left out of the URL"
    assert at.metric[2].value.startswith("US$ ")


def test_ekspor_says_why_the_index_is_shown_without_coal(gudang: Fixture) -> None:
    at = buka("ekspor")
    assert not at.exception, at.exception
    pesan = " ".join(i.value for i in at.info)
    assert "tanpa batu bara" in pesan and "per rantai" in pesan
    tabs = [t.label for t in at.tabs]
    assert "Tanpa batu bara" in tabs and "Semua rantai" in tabs
    assert {"Batu bara", "Sawit", "Karet"} <= set(tabs), "one Sankey per chain"


def test_ekspor_charts_captions_and_downloads(gudang: Fixture) -> None:
    at = buka("ekspor", mata_uang="rp")
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    assert len(charts) >= 2
    sumber = [c.value for c in at.caption if c.value.startswith("Sumber:")]
    assert len(sumber) >= 6
    assert all("data per" in s for s in sumber)
    assert any("Kurs rupiah" in s for s in sumber), "rupiah figures cite the exchange-rate source"
    assert [b.label for b in at.download_button] == ["CSV", "XLSX", "Parquet"]
    spesifikasi = " ".join(_charts(at))
    for jenis in ('"type":"heatmap"', '"type":"sankey"', '"type":"treemap"', '"stackgroup":"satu"'):
        assert jenis in spesifikasi.replace(" ", ""), jenis


def test_ekspor_bad_url_parameters_give_notes(gudang: Fixture) -> None:
    at = buka("ekspor", rantai="emas", tahap="mentah", mata_uang="eur", periode="harian", tahun="1999")
    assert not at.exception, at.exception
    notes = _url_notes(at)
    for bagian in ("rantai='emas'", "tahap='mentah'", "mata_uang='eur'", "periode='harian'", "tahun='1999'"):
        assert bagian in notes, bagian
    harap = ekspor.kartu_ekspor(kueri(gudang, "ekspor_indeks", tahun=TAHUN, kab=[], rantai=[], tahap=[]), TAHUN, "usd")
    assert _metrics(at)["Indeks Hilirisasi"][0] == harap[0].nilai
