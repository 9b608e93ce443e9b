"""Indonesian formats: separators, rounding half away from zero, money units chosen after rounding, dates."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from dasbor.views import formats

KOSONG = "–"  # en dash, U+2013
HILANG = [None, math.nan, math.inf, -math.inf]


def test_kosong_is_en_dash() -> None:
    assert formats.KOSONG == KOSONG == "\u2013"


# --- angka ---


@pytest.mark.parametrize(
    ("x", "desimal", "expected"),
    [
        (12345, 0, "12.345"),
        (1234.56, 1, "1.234,6"),
        (1234.56, 2, "1.234,56"),
        (1234.5, 0, "1.235"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (1_000_000, 0, "1.000.000"),
        (1_234_567.891, 2, "1.234.567,89"),
        (-1234, 0, "-1.234"),
        (-1234.56, 1, "-1.234,6"),
        (0, 0, "0"),
        (0, 1, "0,0"),
        (0.0, 2, "0,00"),
        (7, 2, "7,00"),
        (2**53 + 1, 0, "9.007.199.254.740.993"),  # integers are exact, not squeezed through a float
        (10**21, 0, "1.000.000.000.000.000.000.000"),
    ],
)
def test_angka(x: float | int, desimal: int, expected: str) -> None:
    assert formats.angka(x, desimal) == expected


@pytest.mark.parametrize(
    ("x", "desimal", "expected"),
    [
        (0.05, 1, "0,1"),  # round() would give 0.1 here by luck of the binary value ...
        (0.15, 1, "0,2"),  # ... but 0.1 here (0.15 is stored as 0.1499999...)
        (0.25, 1, "0,3"),  # and 0.2 here (half to even)
        (0.35, 1, "0,4"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (2.675, 2, "2,68"),  # stored as 2.67499999...
        (1.005, 2, "1,01"),
        (0.04, 1, "0,0"),
        (-0.05, 1, "-0,1"),  # away from zero on negatives too
        (-2.5, 0, "-3"),
        (-0.25, 1, "-0,3"),
        (999.95, 1, "1.000,0"),
        (9999.5, 0, "10.000"),
    ],
)
def test_angka_rounds_half_away_from_zero(x: float, desimal: int, expected: str) -> None:
    assert formats.angka(x, desimal) == expected


@pytest.mark.parametrize(("x", "desimal"), [(-0.04, 1), (-0.4, 0), (-0.0, 0), (-0.004, 2)])
def test_angka_never_prints_negative_zero(x: float, desimal: int) -> None:
    assert not formats.angka(x, desimal).startswith("-")


@pytest.mark.parametrize("x", HILANG)
def test_angka_missing(x: float | None) -> None:
    assert formats.angka(x) == KOSONG
    assert formats.angka(x, 2) == KOSONG


def test_angka_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError, match="desimal"):
        formats.angka(1.5, -1)


def test_angka_accepts_numpy_scalars() -> None:
    np = pytest.importorskip("numpy")
    assert formats.angka(np.float64(0.15), 1) == "0,2"
    assert formats.angka(np.int64(12345)) == "12.345"
    assert formats.angka(np.float64("nan")) == KOSONG
    assert formats.poin(np.float64(0.05)) == "+0,1 poin"
    assert formats.rupiah(np.int64(1_200_000_000)) == "Rp 1,2 miliar"


# --- unit ---


@pytest.mark.parametrize(
    ("x", "satuan", "expected"),
    [
        (12345, "unit", "12.345 unit"),
        (7, "orang", "7 orang"),
        (0, "unit", "0 unit"),
        (1234.5, "IKM", "1.235 IKM"),
        (-3, "unit", "-3 unit"),
        (None, "unit", KOSONG),
        (math.nan, "orang", KOSONG),
    ],
)
def test_unit(x: float | int | None, satuan: str, expected: str) -> None:
    assert formats.unit(x, satuan) == expected


def test_unit_default_satuan() -> None:
    assert formats.unit(12345) == "12.345 unit"


# --- rupiah ---


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (0, "Rp 0"),
        (1, "Rp 1"),
        (950_000, "Rp 950.000"),
        (999_999, "Rp 999.999"),
        (999_999.4, "Rp 999.999"),
        (999_999.5, "Rp 1,0 juta"),  # rounds to 1.000.000, so it is written in juta
        (1_000_000, "Rp 1,0 juta"),
        (12_300_000, "Rp 12,3 juta"),
        (12_345_678, "Rp 12,3 juta"),
        (12_350_000, "Rp 12,4 juta"),  # half away from zero after scaling
        (950_000_000, "Rp 950,0 juta"),
        (999_940_000, "Rp 999,9 juta"),
        (999_950_000, "Rp 1,0 miliar"),
        (999_960_000, "Rp 1,0 miliar"),  # not "Rp 1.000,0 juta"
        (1e9, "Rp 1,0 miliar"),
        (1.2e9, "Rp 1,2 miliar"),
        (1.25e9, "Rp 1,3 miliar"),
        (999_960_000_000, "Rp 1,0 triliun"),
        (2e12, "Rp 2,0 triliun"),
        (1.5e15, "Rp 1.500,0 triliun"),  # no unit above triliun
    ],
)
def test_rupiah(x: float | int, expected: str) -> None:
    assert formats.rupiah(x) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (-950_000, "-Rp 950.000"),
        (-1.2e9, "-Rp 1,2 miliar"),
        (-1.25e9, "-Rp 1,3 miliar"),
        (-999_960_000, "-Rp 1,0 miliar"),
        (-12_300_000, "-Rp 12,3 juta"),
        (-0.4, "Rp 0"),  # rounds to zero: no minus
    ],
)
def test_rupiah_negative(x: float, expected: str) -> None:
    assert formats.rupiah(x) == expected


@pytest.mark.parametrize(
    ("x", "desimal", "expected"),
    [
        (1_234_567_890, 0, "Rp 1 miliar"),
        (1_234_567_890, 2, "Rp 1,23 miliar"),
        (999_600_000, 0, "Rp 1 miliar"),  # the unit moves up at whichever precision is asked for
        (999_499_999, 0, "Rp 999 juta"),
        (999_996_000, 2, "Rp 1,00 miliar"),
        (999_994_000, 2, "Rp 999,99 juta"),
        (950_000, 2, "Rp 950.000"),  # below a juta the amount is whole rupiah
    ],
)
def test_rupiah_desimal(x: float, desimal: int, expected: str) -> None:
    assert formats.rupiah(x, desimal) == expected


@pytest.mark.parametrize("x", HILANG)
def test_rupiah_missing(x: float | None) -> None:
    assert formats.rupiah(x) == KOSONG


# --- usd ---


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (869_590_000, "US$ 869,6 juta"),
        (1.0e9, "US$ 1,0 miliar"),
        (633_600, "US$ 633.600"),  # "ribu" is not used
        (1_500, "US$ 1.500"),
        (0, "US$ 0"),
        (999_960_000, "US$ 1,0 miliar"),
        (3.21e12, "US$ 3,2 triliun"),
        (-869_590_000, "-US$ 869,6 juta"),
        (None, KOSONG),
        (math.nan, KOSONG),
    ],
)
def test_usd(x: float | None, expected: str) -> None:
    assert formats.usd(x) == expected


def test_usd_desimal() -> None:
    assert formats.usd(869_590_000, 2) == "US$ 869,59 juta"
    assert formats.usd(869_590_000, 0) == "US$ 870 juta"


# --- persen ---


@pytest.mark.parametrize(
    ("x", "desimal", "expected"),
    [
        (12.345, 1, "12,3 %"),
        (12.35, 1, "12,4 %"),
        (12.345, 2, "12,35 %"),  # half away from zero on the written value
        (0.05, 1, "0,1 %"),
        (0, 1, "0,0 %"),
        (100, 0, "100 %"),
        (1234.5, 1, "1.234,5 %"),
        (-3.25, 1, "-3,3 %"),
        (-0.01, 1, "0,0 %"),
        (None, 1, KOSONG),
        (math.nan, 1, KOSONG),
    ],
)
def test_persen(x: float | None, desimal: int, expected: str) -> None:
    assert formats.persen(x, desimal) == expected


def test_persen_default_one_decimal_with_space() -> None:
    assert formats.persen(50) == "50,0 %"


# --- poin ---


@pytest.mark.parametrize(
    ("delta", "desimal", "expected"),
    [
        (2.1, 1, "+2,1 poin"),
        (-0.5, 1, "-0,5 poin"),
        (0, 1, "0,0 poin"),
        (0.0, 0, "0 poin"),
        (0.04, 1, "0,0 poin"),  # rounds to zero: no sign
        (-0.04, 1, "0,0 poin"),
        (0.05, 1, "+0,1 poin"),
        (-0.05, 1, "-0,1 poin"),
        (12.345, 2, "+12,35 poin"),
        (1234.5, 1, "+1.234,5 poin"),
        (None, 1, KOSONG),
        (math.nan, 1, KOSONG),
    ],
)
def test_poin(delta: float | None, desimal: int, expected: str) -> None:
    assert formats.poin(delta, desimal) == expected


def test_poin_of_float_difference() -> None:
    # kpi.py passes baru - lama; 45.3 - 43.2 is 2.0999999999999943 in binary.
    assert formats.poin(45.3 - 43.2) == "+2,1 poin"


# --- perubahan_persen ---


@pytest.mark.parametrize(
    ("baru", "lama", "expected"),
    [
        (104.2, 100, "+4,2 %"),
        (92.9, 100, "-7,1 %"),
        (100, 100, "0,0 %"),
        (200, 100, "+100,0 %"),
        (0, 100, "-100,0 %"),
        (1, 3, "-66,7 %"),
        (101.05, 100, "+1,1 %"),  # on the decimal values; in floats 101.05 - 100 is 1.04999...
        (100.04, 100, "0,0 %"),  # rounds to zero: no sign
        (-5, -10, "+50,0 %"),  # divided by |lama|: a smaller loss is an improvement
        (-15, -10, "-50,0 %"),
        (5, -10, "+150,0 %"),
        (1_234_567, 1_000_000, "+23,5 %"),
    ],
)
def test_perubahan_persen(baru: float, lama: float, expected: str) -> None:
    assert formats.perubahan_persen(baru, lama) == expected


@pytest.mark.parametrize(
    ("baru", "lama"),
    [
        (5, 0),
        (5, 0.0),
        (0, 0),
        (None, 3),
        (3, None),
        (None, None),
        (3, math.nan),
        (math.nan, 3),
        (math.inf, 3),
        (3, math.inf),
    ],
)
def test_perubahan_persen_none(baru: float | None, lama: float | None) -> None:
    assert formats.perubahan_persen(baru, lama) is None


def test_perubahan_persen_desimal() -> None:
    assert formats.perubahan_persen(104.25, 100, 2) == "+4,25 %"
    assert formats.perubahan_persen(104.25, 100, 0) == "+4 %"
    assert formats.perubahan_persen(1, 3, 3) == "-66,667 %"


# --- tanggal, bulan_tahun ---


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (dt.date(2026, 11, 23), "23 November 2026"),
        (dt.date(2024, 1, 1), "1 Januari 2024"),  # no leading zero on the day
        (dt.date(2024, 2, 29), "29 Februari 2024"),
        (dt.date(2025, 8, 17), "17 Agustus 2025"),
        (dt.date(2023, 12, 31), "31 Desember 2023"),
        (dt.datetime(2024, 10, 17, 23, 59), "17 Oktober 2024"),  # time of day is dropped
        (None, KOSONG),
    ],
)
def test_tanggal(d: dt.date | None, expected: str) -> None:
    assert formats.tanggal(d) == expected


def test_nama_bulan() -> None:
    assert formats.NAMA_BULAN == (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    )


@pytest.mark.parametrize("bulan", range(1, 13))
def test_tanggal_and_bulan_tahun_agree_for_every_month(bulan: int) -> None:
    nama = formats.NAMA_BULAN[bulan - 1]
    assert formats.tanggal(dt.date(2024, bulan, 5)) == f"5 {nama} 2024"
    assert formats.bulan_tahun(2024, bulan) == f"{nama} 2024"


@pytest.mark.parametrize(
    ("tahun", "bulan", "expected"),
    [(2024, 1, "Januari 2024"), (2019, 5, "Mei 2019"), (2026, 12, "Desember 2026")],
)
def test_bulan_tahun(tahun: int, bulan: int, expected: str) -> None:
    assert formats.bulan_tahun(tahun, bulan) == expected


@pytest.mark.parametrize("bulan", [0, 13, -1])
def test_bulan_tahun_rejects_invalid_month(bulan: int) -> None:
    with pytest.raises(ValueError, match="bulan"):
        formats.bulan_tahun(2024, bulan)


# --- the public surface ---


def test_public_names() -> None:
    assert set(formats.__all__) == {
        "KOSONG",
        "NAMA_BULAN",
        "angka",
        "bulan_tahun",
        "perubahan_persen",
        "persen",
        "poin",
        "rupiah",
        "tanggal",
        "unit",
        "usd",
    }
