"""URL parsing of the single-choice, year-range and free-text parameters (``mata_uang``, ``berdiri``, ``cari``)."""

from __future__ import annotations

from dasbor.views import url_state

BATAS = (1980, 2025)


def test_parse_satu_accepts_known_and_notes_unknown() -> None:
    assert url_state.parse_satu("mata_uang", "rp", ("usd", "rp"), "usd") == ("rp", None)
    assert url_state.parse_satu("mata_uang", None, ("usd", "rp"), "usd") == ("usd", None)
    nilai, catatan = url_state.parse_satu("mata_uang", "eur", ("usd", "rp"), "usd")
    assert nilai == "usd"
    assert catatan is not None and "mata_uang='eur'" in catatan and "usd, rp" in catatan


def test_parse_rentang_valid_full_and_reversed() -> None:
    assert url_state.parse_rentang("berdiri", "1990-2010", BATAS) == ((1990, 2010), None)
    assert url_state.parse_rentang("berdiri", "2010-1990", BATAS) == ((1990, 2010), None)
    assert url_state.parse_rentang("berdiri", "1980-2025", BATAS) == (None, None)
    assert url_state.parse_rentang("berdiri", "", BATAS) == (None, None)


def test_parse_rentang_cuts_or_ignores_with_a_note() -> None:
    nilai, catatan = url_state.parse_rentang("berdiri", "1900-2000", BATAS)
    assert nilai == (1980, 2000)
    assert catatan is not None and "dipakai 1980-2000" in catatan
    for salah in ("abc", "1990", "1990-20x0", "1-2-3", "1800-1900"):
        nilai, catatan = url_state.parse_rentang("berdiri", salah, BATAS)
        assert nilai is None and catatan is not None and repr(salah) in catatan


def test_parse_cari_trims_and_caps() -> None:
    assert url_state.parse_cari("cari", "  kain   sasirangan ") == ("kain sasirangan", None)
    assert url_state.parse_cari("cari", None) == ("", None)
    nilai, catatan = url_state.parse_cari("cari", "x" * 200)
    assert len(nilai) == url_state.PANJANG_CARI and catatan is not None


def test_format_rentang_round_trips() -> None:
    rentang = (1995, 2015)
    assert url_state.parse_rentang("berdiri", url_state.format_rentang(rentang), BATAS) == (rentang, None)
