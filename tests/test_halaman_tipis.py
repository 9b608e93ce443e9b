"""Pure pieces that left the pages (issue 11, thin pages): they keep the pages' behaviour."""

import polars as pl

from dasbor.views import ekspor, ikm, peta


def test_klik_peta_mengalahkan_penyaring_lalu_satu_kabupaten() -> None:
    assert peta.kabupaten_terpilih([{"location": "6310"}], ("6301",)) == "6310"
    assert peta.kabupaten_terpilih([{"customdata": 6372}], ()) == "6372"
    assert peta.kabupaten_terpilih([], ("6301",)) == "6301"
    assert peta.kabupaten_terpilih([{"x": 1}], ()) is None


def test_rantai_dan_tahap_menurut_urutan_rumah() -> None:
    pilihan = pl.DataFrame(
        {"jenis": ["tahap", "rantai", "rantai", "tahap"], "nilai": ["hilir", "karet", "batubara", "hulu"]}
    )
    assert ekspor.pilihan_penyaring(pilihan) == (["batubara", "karet"], ["hulu", "hilir"])
    assert ekspor.rantai_dalam(pl.DataFrame({"rantai": ["kayu", "sawit", "kayu"]})) == ["sawit", "kayu"]


def test_uraian_unduhan_ekspor_menamai_penyaring() -> None:
    baris = dict(ekspor.uraian_unduhan({"6310": "Tanah Bumbu"}, ("6310",), (), ()))
    assert baris["Kabupaten/kota"] == "Tanah Bumbu"
    assert baris["Rantai komoditas"] == "Semua"
    assert dict(ekspor.uraian_unduhan({}, (), (), ()))["Kabupaten/kota"] == "Seluruh Kalimantan Selatan"


def test_daftar_ikm_hanya_bila_kantor_menampilkannya() -> None:
    assert list(ikm.pilihan_unduhan(True)) == ["rekap", "daftar"]
    assert list(ikm.pilihan_unduhan(False)) == ["rekap"]
