"""Chart builders: pure functions from frames to figures, with the house colours and Indonesian formats."""

from __future__ import annotations

import polars as pl

from dasbor.views import charts
from dasbor.views.palette import LABEL_TAHAP, WARNA_TAHAP


def _bauran() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "rantai": ["batubara", "sawit", "sawit", "sawit", "tidak terpetakan"],
            "tahap": ["hulu", "hulu", "antara", "hilir", "tidak terpetakan"],
            "nilai_usd": [9.0e9, 6.0e8, 3.0e8, 1.0e8, 5.0e7],
        }
    )


def test_mix_stacks_stages_in_ladder_order_with_fixed_colours() -> None:
    fig = charts.bauran_ekspor(_bauran())
    assert [t.name for t in fig.data] == [LABEL_TAHAP[t] for t in ("hulu", "antara", "hilir", "tidak terpetakan")]
    assert [t.marker.color for t in fig.data][:3] == [WARNA_TAHAP["hulu"], WARNA_TAHAP["antara"], WARNA_TAHAP["hilir"]]
    assert fig.layout.separators == ",."
    assert list(fig.data[0].y) == ["Batu bara", "Sawit", "Tidak terpetakan"]
    assert fig.data[0].x[0] == 9000.0  # juta US$
    assert "US$ 9,0 miliar" in fig.data[0].hovertext[0]


def test_mix_share_view_is_each_chains_index() -> None:
    fig = charts.bauran_ekspor(_bauran(), porsi=True)
    sawit = {t.name: t.x[1] for t in fig.data if len(t.x) > 1}
    assert round(sawit[LABEL_TAHAP["antara"]] + sawit[LABEL_TAHAP["hilir"]], 6) == 40.0
    assert "40,0 %" not in fig.data[1].hovertext[1]  # antara alone is 30 %
    assert "30,0 %" in fig.data[1].hovertext[1]


def test_trend_labels_latest_export_and_every_ikm_bar() -> None:
    df = pl.DataFrame(
        {
            "tahun": [2020, 2021, 2022],
            "jumlah_ikm": [100, 110, 12_345],
            "tenaga_kerja": [1, 2, 3],
            "nilai_ekspor_usd": [None, 1.0e9, 1.5e9],
            "indeks_hilirisasi": [None, 5.0, 6.0],
        }
    )
    fig = charts.tren_ikm_ekspor(df)
    bars, line = fig.data
    assert list(bars.text) == ["100", "110", "12.345"]
    assert list(line.text) == ["", "US$ 1,5 miliar"]
    assert list(line.y) == [1000.0, 1500.0]
