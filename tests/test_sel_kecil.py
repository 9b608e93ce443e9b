"""The small-cell rule with secondary suppression: no withheld cell can be recovered from a shown total."""

from __future__ import annotations

import polars as pl

from dasbor.views import sel_kecil


def _rekap(jumlah: list[int]) -> pl.DataFrame:
    """Two kabupaten x three sektor, row by row."""
    return pl.DataFrame(
        {
            "kode_bps": ["6301"] * 3 + ["6310"] * 3,
            "sektor": ["Pangan", "Sandang", "Kerajinan"] * 2,
            "jumlah_ikm": jumlah,
            "investasi_rp": [float(n) * 1e6 for n in jumlah],
        }
    )


def _ditahan(df: pl.DataFrame) -> list[tuple[bool, bool]]:
    return list(zip(df["ditahan"].to_list(), df["sekunder"].to_list(), strict=True))


def test_a_lone_small_cell_takes_the_smallest_other_cell_with_it() -> None:
    df = pl.DataFrame({"sektor": ["A", "B", "C", "D"], "jumlah_ikm": [50, 1, 9, 0]})
    assert _ditahan(sel_kecil.tandai(df)) == [(False, False), (True, False), (True, True), (False, False)]
    # Two small cells protect each other; zero firms is no disclosure and protects nothing.
    dua = pl.DataFrame({"sektor": ["A", "B", "C"], "jumlah_ikm": [50, 1, 2]})
    assert _ditahan(sel_kecil.tandai(dua)) == [(False, False), (True, False), (True, False)]
    # Without any shown total (the registry-year chart) only small cells are withheld.
    assert _ditahan(sel_kecil.tandai(df, kelompok=())) == [
        (False, False),
        (True, False),
        (False, False),
        (False, False),
    ]


def test_rows_and_columns_are_protected_until_no_group_has_a_lone_withheld_cell() -> None:
    df = sel_kecil.tandai(_rekap([40, 1, 30, 20, 25, 60]), kelompok=((), ("kode_bps",), ("sektor",)))
    tahan = df["ditahan"].to_list()
    for kolom in ("kode_bps", "sektor"):
        for _, grup in df.with_columns(pl.Series("t", tahan)).group_by(kolom):
            aktif = grup.filter(pl.col("jumlah_ikm") > 0)
            assert aktif["t"].sum() != 1, (kolom, grup)
    assert tahan[1] and not df["sekunder"][1], "the small cell itself"
    assert df["sekunder"].sum() >= 2, "one partner in its kabupaten, one in its sektor"


def test_download_withholds_every_value_of_both_kinds_of_cell_with_a_note() -> None:
    keluar = sel_kecil.untuk_unduhan(_rekap([40, 1, 30, 20, 25, 60]), kelompok=((), ("kode_bps",), ("sektor",)))
    assert "ditahan" not in keluar.columns and "sekunder" not in keluar.columns
    ditahan = keluar.filter(pl.col("jumlah_ikm").is_null())
    assert ditahan["investasi_rp"].null_count() == ditahan.height >= 3
    assert set(ditahan["catatan"].to_list()) == {sel_kecil.CATATAN_DITAHAN, sel_kecil.CATATAN_SEKUNDER}
    # Nothing the download shows lets a withheld cell be recovered from the kabupaten or sektor totals.
    for kolom in ("kode_bps", "sektor"):
        for _, grup in keluar.group_by(kolom):
            assert grup["jumlah_ikm"].null_count() != 1, grup
