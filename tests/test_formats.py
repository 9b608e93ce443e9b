"""Indonesian formats, including rounding and unit boundaries."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from dasbor import formats


@pytest.mark.parametrize(
    ("x", "desimal", "expected"),
    [
        (12345, 0, "12.345"),
        (1234.56, 1, "1.234,6"),
        (-1234, 0, "-1.234"),
        (0, 0, "0"),
        (0.05, 1, "0,1"),
        (0.25, 1, "0,3"),
        (-0.04, 1, "0,0"),
        (1_000_000, 0, "1.000.000"),
        (None, 0, "–"),
        (math.nan, 0, "–"),
    ],
)
def test_angka(x: float | None, desimal: int, expected: str) -> None:
    assert formats.angka(x, desimal) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (950_000, "Rp 950.000"),
        (12_300_000, "Rp 12,3 juta"),
        (1.2e9, "Rp 1,2 miliar"),
        (2e12, "Rp 2,0 triliun"),
        (999_960_000, "Rp 1,0 miliar"),
        (950_000_000, "Rp 950,0 juta"),
        (-1.25e9, "-Rp 1,3 miliar"),
        (0, "Rp 0"),
        (None, "–"),
        (1.5e15, "Rp 1.500,0 triliun"),
    ],
)
def test_rupiah(x: float | None, expected: str) -> None:
    assert formats.rupiah(x) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [(869_590_000, "US$ 869,6 juta"), (1.0e9, "US$ 1,0 miliar"), (633_600, "US$ 633.600"), (math.nan, "–")],
)
def test_usd(x: float, expected: str) -> None:
    assert formats.usd(x) == expected


def test_unit_persen_poin() -> None:
    assert formats.unit(12345) == "12.345 unit"
    assert formats.unit(7, "orang") == "7 orang"
    assert formats.persen(12.345) == "12,3 %"
    assert formats.persen(None) == "–"
    assert formats.poin(2.1) == "+2,1 poin"
    assert formats.poin(-0.5) == "-0,5 poin"
    assert formats.poin(0.01) == "0,0 poin"


@pytest.mark.parametrize(
    ("baru", "lama", "expected"),
    [
        (104.2, 100, "+4,2 %"),
        (92.9, 100, "-7,1 %"),
        (100, 100, "0,0 %"),
        (5, 0, None),
        (None, 3, None),
        (3, math.nan, None),
    ],
)
def test_perubahan_persen(baru: float | None, lama: float | None, expected: str | None) -> None:
    assert formats.perubahan_persen(baru, lama) == expected


def test_dates() -> None:
    assert formats.tanggal(dt.date(2026, 11, 23)) == "23 November 2026"
    assert formats.tanggal(dt.datetime(2024, 10, 17, 8, 0)) == "17 Oktober 2024"
    assert formats.tanggal(None) == "–"
    assert formats.bulan_tahun(2024, 1) == "Januari 2024"
    assert len(formats.NAMA_BULAN) == 12
