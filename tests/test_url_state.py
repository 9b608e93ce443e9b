"""URL parameters: valid values are used, invalid ones fall back with a note that names them."""

from __future__ import annotations

import pytest

from dasbor.views import url_state

TAHUN = [2020, 2021, 2022, 2023, 2024, 2025]
KODE = ["6301", "6303", "6310", "6371"]


@pytest.mark.parametrize(
    ("raw", "expected", "note"),
    [
        (None, 2025, False),
        ("", 2025, False),
        ("2023", 2023, False),
        (" 2024 ", 2024, False),
        ("abc", 2025, True),
        ("1999", 2025, True),
        ("2023.0", 2025, True),
        ("-1", 2025, True),
    ],
)
def test_parse_tahun(raw: str | None, expected: int, note: bool) -> None:
    tahun, catatan = url_state.parse_tahun(raw, TAHUN, 2025)
    assert tahun == expected
    assert (catatan is not None) == note
    if catatan:
        assert "tahun=" in catatan and raw is not None and raw.strip() in catatan and "2025" in catatan


def test_parse_kab_keeps_valid_codes_in_bps_order() -> None:
    assert url_state.parse_kab("6310,6303", KODE) == (("6303", "6310"), None)


def test_parse_kab_reports_unknown_codes_and_keeps_the_rest() -> None:
    kab, catatan = url_state.parse_kab("9999,6310", KODE)
    assert kab == ("6310",)
    assert catatan is not None and "'9999'" in catatan and "tetap dipakai" in catatan


def test_parse_kab_all_unknown_falls_back_to_the_province() -> None:
    kab, catatan = url_state.parse_kab("9999", KODE)
    assert kab == ()
    assert catatan is not None and "seluruh provinsi" in catatan


def test_format_kab_round_trips() -> None:
    assert url_state.parse_kab(url_state.format_kab(("6301", "6371")), KODE) == (("6301", "6371"), None)


def test_parse_pilihan_keeps_known_values_and_names_unknown_ones() -> None:
    valid = ["hulu", "antara", "hilir"]
    assert url_state.parse_pilihan("tahap", "hilir,hulu", valid) == (("hulu", "hilir"), None)
    nilai, catatan = url_state.parse_pilihan("tahap", "hilir,mentah", valid)
    assert nilai == ("hilir",)
    assert catatan is not None and "tahap='mentah'" in catatan
