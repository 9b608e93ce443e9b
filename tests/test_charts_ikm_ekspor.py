"""Chart builders of the IKM and export pages: what they draw, from small hand-made frames."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl

from dasbor.views import ekspor, ikm
from dasbor.views.palette import WARNA_RANTAI, WARNA_TAHAP, WARNA_UTAMA


def _per_sektor() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "sektor": ["Pangan", "Sandang", "Kerajinan"],
            "jumlah_ikm": [120, 2, 40],
            "tenaga_kerja_l": [300, 3, 50],
            "tenaga_kerja_p": [200, 4, 60],
            "investasi_rp": [5e9, 7e6, 1e9],
            "nilai_produksi_rp": [9e9, 1e7, 2e9],
            "nilai_bahan_baku_rp": [5e9, 5e6, 1e9],
            "nilai_tambah_rp": [4e9, 5e6, 1e9],
        }
    )


def test_category_bars_hide_small_cells_and_the_cell_that_would_reveal_one() -> None:
    """Sandang (2 firms) is withheld; with the total on the "Jumlah IKM" card, Kerajinan would give it away
    (total minus Pangan minus Kerajinan), so Kerajinan, the smallest other bar, is withheld too."""
    fig = ikm.batang_kategori(_per_sektor(), "sektor", "investasi")
    batang, teks = fig.data[0], fig.data[-1]
    assert list(batang.y) == ["Pangan", "Kerajinan", "Sandang"]
    assert batang.x[1] is None and batang.x[2] is None
    assert math.isclose(batang.x[0], 5.0)  # miliar Rp
    assert list(teks.text) == ["Rp 5,0 miliar", "ditahan", "<3"]
    assert "7" not in " ".join(batang.hovertext[1:]) and "1,0 miliar" not in " ".join(batang.hovertext)


def test_narrow_category_bars_drop_the_axis_numbers_but_keep_the_bar_values() -> None:
    lebar = ikm.batang_kategori(_per_sektor(), "sektor", "investasi")
    sempit = ikm.batang_kategori(_per_sektor(), "sektor", "investasi", sempit=True)
    assert lebar.layout.xaxis.showticklabels is not False
    assert sempit.layout.xaxis.showticklabels is False
    assert list(sempit.data[-1].text) == list(lebar.data[-1].text) == ["Rp 5,0 miliar", "ditahan", "<3"]


def test_withheld_cells_shape_nothing_on_the_chart() -> None:
    """A small cell's value must not leak through its label position, the axis range or the bar order."""
    df = _per_sektor().with_columns(pl.Series("investasi_rp", [5e9, 9e12, 1e9]), pl.Series("jumlah_ikm", [120, 2, 1]))
    fig = ikm.batang_kategori(df, "sektor", "investasi")
    teks = fig.data[-1]
    assert list(teks.y) == ["Pangan", "Kerajinan", "Sandang"], "withheld cells last, by name"
    assert list(teks.x) == [5.0, 0, 0]
    assert fig.layout.xaxis.range[1] < 6, "the axis is not stretched to a withheld value"
    semua_kecil = ikm.batang_kategori(df.filter(pl.col("jumlah_ikm") < 3), "sektor", "jumlah")
    assert list(semua_kecil.layout.xaxis.range) == [0, 1] and semua_kecil.layout.xaxis.showticklabels is False
    tren = ikm.tren_registri(
        pl.DataFrame({"tahun_data": [2024, 2025], "terpilih": [False, True], "jumlah_ikm": [2, 1]}), "jumlah"
    )
    assert list(tren.data[-1].y) == [0, 0] and tren.layout.yaxis.showticklabels is False


def test_workforce_stacks_men_and_women() -> None:
    fig = ikm.batang_kategori(_per_sektor(), "sektor", "tenaga_kerja")
    bars = [t for t in fig.data if t.type == "bar"]
    assert [b.name for b in bars] == ["Laki-laki", "Perempuan"]
    assert list(bars[1].x) == [200, None, None]  # Kerajinan withheld to protect Sandang
    assert fig.layout.barmode == "stack"


def test_registry_trend_highlights_the_chosen_year() -> None:
    df = pl.DataFrame(
        {
            "tahun_data": [2024, 2025],
            "terpilih": [False, True],
            **{k: [10, 1] for k in _per_sektor().columns if k != "sektor"},
        }
    )
    fig = ikm.tren_registri(df, "jumlah")
    assert list(fig.data[0].marker.color) == [ikm.WARNA_TAHUN_LAIN, WARNA_UTAMA]
    assert list(fig.data[-1].text) == ["10 unit", "<3"]


def _deret(bulanan: bool) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "tahun": [2024, 2024, 2025, 2025],
            "bulan": [1, 1, 1, 1] if bulanan else [None] * 4,
            "rantai": ["batubara", "sawit", "batubara", "sawit"],
            "tahap": ["hulu", "hilir", "hulu", "antara"],
            "nilai_usd": [9e8, 1e8, 8e8, 2e8],
            "nilai_rp": [1.4e13, 1.5e12, 1.3e13, 3e12],
        },
        schema_overrides={"bulan": pl.Int32},
    )


def test_stacked_area_per_chain_and_stage() -> None:
    fig = ekspor.area_deret(_deret(False), "usd", menurut="rantai")
    assert [t.name for t in fig.data] == ["Batu bara", "Sawit"]
    assert fig.data[0].fillcolor == WARNA_RANTAI["batubara"]
    assert list(fig.data[0].x) == [2024, 2025] and list(fig.data[0].y) == [900.0, 800.0]
    tahap = ekspor.area_deret(_deret(False), "rp", menurut="tahap")
    assert [t.name.split(" (")[0] for t in tahap.data] == ["Hulu", "Antara", "Hilir"]
    assert list(tahap.data[1].y) == [0.0, 3000.0]  # miliar Rp, zero where a stage has no export
    bulanan = ekspor.area_deret(_deret(True), "usd", menurut="rantai")
    assert list(bulanan.data[0].x) == [dt.date(2024, 1, 1), dt.date(2025, 1, 1)]
    assert bulanan.data[0].hovertext[0].endswith("Januari 2024: US$ 900,0 juta")


def test_sankey_splits_each_chain_consistently() -> None:
    df = pl.DataFrame(
        {
            "rantai": ["sawit"] * 3 + ["karet"],
            "tahap": ["hulu", "antara", "hilir", "antara"],
            "nilai_usd": [600.0, 300.0, 100.0, 50.0],
            "nilai_rp": [6e6, 3e6, 1e6, 5e5],
        }
    )
    fig = ekspor.sankey_rantai(df, "sawit", "usd")
    link = fig.data[0].link
    alur = dict(zip(zip(link.source, link.target, strict=True), link.value, strict=True))
    assert alur[(0, 1)] * 1e6 == 600.0 and alur[(0, 2)] * 1e6 == 400.0
    assert math.isclose(alur[(2, 3)] + alur[(2, 4)], alur[(0, 2)])
    assert "60,0 %" in fig.data[0].node.label[1]
    karet = ekspor.sankey_rantai(df, "karet", "usd").data[0].link
    assert (0, 1) not in set(zip(karet.source, karet.target, strict=True)), "no empty hulu flow"


def _hs() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "kode_hs2": ["27", "15", "15", "26"],
            "uraian_hs2": ["Bahan bakar mineral", "Lemak dan minyak", "Lemak dan minyak", "Bijih logam"],
            "kode_hs4": ["2701", "1511", "1513", "2601"],
            "uraian_hs4": ["Batu bara", "CPO", "Minyak inti sawit", "Bijih besi"],
            "rantai": ["batubara", "sawit", "sawit", "tidak terpetakan"],
            "nilai_usd": [800.0, 150.0, 30.0, 20.0],
            "nilai_rp": [8e3, 1.5e3, 3e2, 2e2],
        }
    )


def test_treemap_chapters_hold_their_headings() -> None:
    tree = ekspor.treemap_hs(_hs(), "usd").data[0]
    nilai = dict(zip(tree.ids, tree.values, strict=True))
    assert math.isclose(nilai["bab-15"], nilai["pos-1511"] + nilai["pos-1513"])
    warna = dict(zip(tree.ids, tree.marker.colors, strict=True))
    assert warna["pos-2701"] == WARNA_RANTAI["batubara"] and warna["pos-2601"] == WARNA_RANTAI["tidak terpetakan"]
    tanpa = ekspor.treemap_hs(_hs(), "usd", tanpa_batubara=True).data[0]
    assert "pos-2701" not in tanpa.ids and "bab-27" not in tanpa.ids


def test_destinations_group_the_tail() -> None:
    df = pl.DataFrame(
        {
            "negara_tujuan": [f"Negara {i}" for i in range(15)],
            "nilai_usd": [float(100 - i) for i in range(15)],
            "nilai_rp": [float(100 - i) * 1e4 for i in range(15)],
        }
    ).with_columns((100 * pl.col("nilai_usd") / pl.col("nilai_usd").sum()).alias("porsi"))
    bar = ekspor.negara_tujuan(df, "usd", teratas=12).data[0]
    assert len(bar.y) == 13 and bar.y[-1] == "Negara lain (3)"
    assert math.isclose(sum(bar.x) * 1e6, df["nilai_usd"].sum())


def test_index_charts() -> None:
    per_kab = pl.DataFrame(
        {
            "kode_bps": ["6301", "6301", "6310", "6310"],
            "nama": ["Tanah Laut", "Tanah Laut", "Tanah Bumbu", "Tanah Bumbu"],
            "tahun": [2024, 2025, 2024, 2025],
            "indeks_hilirisasi": [1.2, None, 8.9, 11.0],
            "nilai_usd": [1e9, 0.0, 2e9, 2.1e9],
        }
    )
    heat = ekspor.heatmap_indeks(per_kab, "indeks_hilirisasi").data[0]
    assert list(heat.y) == ["Tanah Laut", "Tanah Bumbu"]
    assert heat.z[0][1] is None and heat.text[0][1] == "–"
    assert (heat.zmin, heat.zmax) == (0, 100)
    rank = ekspor.peringkat_indeks(per_kab, 2025, "indeks_hilirisasi").data[0]
    assert list(rank.y) == ["1. Tanah Bumbu"], "no mapped exports, no rank"
    rantai = pl.DataFrame(
        {
            "rantai": ["sawit", "batubara"],
            "indeks_hilirisasi": [36.9, 0.3],
            "indeks_hilirisasi_lalu": [35.0, None],
            "nilai_usd": [1e9, 9e9],
        }
    )
    bar = ekspor.indeks_per_rantai(rantai).data[0]
    assert list(bar.y) == ["Batu bara", "Sawit"]
    assert list(bar.marker.color) == [WARNA_RANTAI["batubara"], WARNA_RANTAI["sawit"]]
    assert "+1,9 poin" in bar.hovertext[1]
    assert WARNA_TAHAP["hilir"] in str(ekspor.SKALA_INDEKS)
