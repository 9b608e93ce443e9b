"""The baseline a typical analyst would write: pandas over the raw tables read from Parquet.

Each function computes the same result as ``queries/<name>.sql`` from the raw registry and export rows (not
from the warehouse's pre-aggregates: reading raw files into pandas is exactly the workflow the warehouse
replaces). Loading and the one-off HS-code-to-chain mapping happen once in :func:`load` and are timed apart
(``pandas_load_s``), as a notebook would do them once at the top; only the per-question computation is
compared with the query. A query without a baseline here is reported with ``pandas_median_ms: null`` and a
reason, never silently left out.

Modules by domain: :mod:`.dasar` (tables, loading, shared filters), :mod:`.ringkasan`, :mod:`.ikm`,
:mod:`.ekspor`, :mod:`.kabupaten`, :mod:`.program` (and targets), :mod:`.kawasan`; :data:`BASELINES` names them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from dasbor.bench.pandas_baseline.dasar import Tables, load, map_hs
from dasbor.bench.pandas_baseline.ekspor import (
    ekspor_deret,
    ekspor_indeks,
    ekspor_indeks_kabupaten,
    ekspor_indeks_rantai,
    ekspor_kawasan,
    ekspor_per_hs,
    ekspor_per_negara,
    ekspor_pilihan,
    ekspor_tahap_per_rantai,
)
from dasbor.bench.pandas_baseline.ikm import (
    halal_pangan,
    ikm_daftar,
    ikm_komoditas_tahunan,
    ikm_per_kabupaten,
    ikm_per_kbli,
    ikm_per_sektor,
    ikm_per_tahun,
    ikm_pilihan,
    ikm_rekap,
    ikm_rentang_berdiri,
    ikm_ringkasan,
    ikm_sekitar_kawasan,
    ikm_titik,
)
from dasbor.bench.pandas_baseline.kabupaten import komoditas_teratas, kpi_per_kabupaten, peta_metrik
from dasbor.bench.pandas_baseline.kawasan import kawasan_profil, kawasan_sebelum_sesudah, kawasan_tenant_daftar
from dasbor.bench.pandas_baseline.program import (
    program_kabupaten,
    program_per_kabupaten,
    program_tahunan,
    target_capaian,
    target_kabupaten,
)
from dasbor.bench.pandas_baseline.ringkasan import (
    ekspor_rantai_tahap,
    kpi_ringkasan,
    sumber_tabel,
    tabel_contoh,
    tahun_tersedia,
    tren_tahunan,
    wilayah,
)

__all__ = ["BASELINES", "TANPA_BASELINE", "Tables", "load", "map_hs"]


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
