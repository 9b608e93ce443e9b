"""KPI cards: formatted values and the change against the previous year."""

from __future__ import annotations

import polars as pl

from dasbor.views import kpi


def _frame(rows: list[dict[str, object]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={d.kolom: pl.Float64 for d in kpi.DEFINISI} | {"tahun": pl.Int64})


def test_cards_show_values_and_changes() -> None:
    df = _frame(
        [
            {
                "tahun": 2024,
                "jumlah_ikm": 1000,
                "tenaga_kerja": 50,
                "investasi_rp": 2e9,
                "nilai_produksi_rp": 1e12,
                "nilai_ekspor_usd": 1.2e9,
                "indeks_hilirisasi": 6.0,
                "indeks_tanpa_batubara": 40.0,
            },
            {
                "tahun": 2025,
                "jumlah_ikm": 1042,
                "tenaga_kerja": 50,
                "investasi_rp": 1.8e9,
                "nilai_produksi_rp": 1e12,
                "nilai_ekspor_usd": 1.1e9,
                "indeks_hilirisasi": 8.1,
                "indeks_tanpa_batubara": 39.5,
            },
        ]
    )
    kartu = {k.kolom: k for k in kpi.kartu_kpi(df, 2025)}
    assert (kartu["jumlah_ikm"].nilai, kartu["jumlah_ikm"].perubahan) == ("1.042 unit", "+4,2 % dari 2024")
    assert kartu["investasi_rp"].perubahan == "-10,0 % dari 2024"
    assert kartu["tenaga_kerja"].perubahan == "0,0 % dari 2024"
    assert (kartu["indeks_hilirisasi"].nilai, kartu["indeks_hilirisasi"].perubahan) == ("8,1 %", "+2,1 poin dari 2024")
    assert kartu["indeks_tanpa_batubara"].perubahan == "-0,5 poin dari 2024"
    assert kartu["nilai_ekspor_usd"].nilai == "US$ 1,1 miliar"


def test_no_previous_year_means_no_change() -> None:
    df = _frame([{"tahun": 2021, "jumlah_ikm": 10, "indeks_hilirisasi": 5.0}])
    kartu = {k.kolom: k for k in kpi.kartu_kpi(df, 2021)}
    assert kartu["jumlah_ikm"].perubahan is None
    assert kartu["indeks_hilirisasi"].perubahan is None
    assert kartu["nilai_ekspor_usd"].nilai == "–"
