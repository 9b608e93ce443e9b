"""The shared figure cache: one figure per distinct content, never a stale one for different data."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dasbor.ui import figur
from dasbor.views import charts, peta
from dasbor.warehouse.batas import Batas


def _bauran(nilai_tengah: float = 3.0e8) -> pl.DataFrame:
    rantai = ["batubara"] + ["sawit"] * 28 + ["karet"]
    tahap = ["hulu"] + ["antara"] * 28 + ["hilir"]
    nilai = [9.0e9] + [1.0e8] * 28 + [5.0e7]
    nilai[15] = nilai_tengah
    return pl.DataFrame({"rantai": rantai, "tahap": tahap, "nilai_usd": nilai})


def test_fingerprint_sees_a_change_in_a_middle_row() -> None:
    """Streamlit's own polars hash reads an abbreviated Arrow text (first and last ten values); ours does not."""
    assert figur.sidik(_bauran()) == figur.sidik(_bauran())
    assert figur.sidik(_bauran()) != figur.sidik(_bauran(nilai_tengah=4.0e8))
    assert figur.sidik(_bauran()) != figur.sidik(_bauran().rename({"nilai_usd": "nilai_rp"}))
    assert figur.sidik(pl.DataFrame()) != figur.sidik(pl.DataFrame({"a": []}))


def test_equal_frames_share_one_figure_and_different_data_gets_its_own() -> None:
    st.cache_resource.clear()
    pertama = figur.tersimpan(charts.bauran_ekspor, _bauran(), porsi=True)
    assert figur.tersimpan(charts.bauran_ekspor, _bauran(), porsi=True) is pertama
    lain = figur.tersimpan(charts.bauran_ekspor, _bauran(nilai_tengah=4.0e8), porsi=True)
    assert lain is not pertama
    assert figur.tersimpan(charts.bauran_ekspor, _bauran(), porsi=False) is not pertama
    # The cached figure is exactly what the builder draws.
    assert lain.to_dict() == charts.bauran_ekspor(_bauran(nilai_tengah=4.0e8), porsi=True).to_dict()


def test_clearing_streamlits_resource_cache_empties_it() -> None:
    """Cold benchmark runs and ``data.segarkan`` (after an import) clear ``st.cache_resource``."""
    pertama = figur.tersimpan(charts.bauran_ekspor, _bauran())
    st.cache_resource.clear()
    assert figur.tersimpan(charts.bauran_ekspor, _bauran()) is not pertama


def test_metrics_with_different_formatters_are_told_apart() -> None:
    """``peta.Metrik`` holds a formatter (often a lambda); two metrics on the same column must not collide."""
    df = pl.DataFrame({"kode_bps": ["6301"], "nama": ["Tanah Laut"], "tahun": [2025], "jumlah_ikm": [10.0]})
    unit = peta.METRIK["jumlah_ikm"]
    persen = peta.Metrik("jumlah_ikm", unit.label, peta.METRIK["indeks_hilirisasi"].fmt)
    st.cache_resource.clear()
    assert figur.tersimpan(peta.peringkat, df, unit, None) is not figur.tersimpan(peta.peringkat, df, persen, None)


def test_boundaries_are_keyed_by_content() -> None:
    satu = Batas({"type": "FeatureCollection", "features": []}, skema=False, atribusi="A")
    sama = Batas({"type": "FeatureCollection", "features": []}, skema=False, atribusi="A")
    lain = Batas({"type": "FeatureCollection", "features": []}, skema=False, atribusi="B")
    assert satu.sidik == sama.sidik != lain.sidik


def test_fingerprint_is_remembered_per_live_frame_only() -> None:
    """Computed once per frame object; a frame freed and replaced (CPython may reuse its id) is hashed anew."""
    df = _bauran()
    assert figur.sidik(df) is figur.sidik(df)
    for nilai in (1.0, 2.0, 3.0, 4.0):  # new frames, often at a freed frame's address
        baru = _bauran(nilai_tengah=nilai)
        assert figur.sidik(baru) == figur._hitung_sidik(baru)
        del baru
