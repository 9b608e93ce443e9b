"""Metric cards of the IKM and export pages, the small-cell rule, the filter value and the firm table."""

from __future__ import annotations

import polars as pl

from dasbor.views import ekspor, ikm, sel_kecil
from dasbor.views.filter_ikm import FilterIkm, label_kbli, pilihan_per_jenis, ya_tidak


def _ringkasan(n_lalu: int, n_kini: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "tahun_data": [2024, 2025],
            "jumlah_ikm": [n_lalu, n_kini],
            "tenaga_kerja_l": [10 * n_lalu, 10 * n_kini],
            "tenaga_kerja_p": [5 * n_lalu, 5 * n_kini],
            "investasi_rp": [1_000_000_000 * n_lalu, 1_100_000_000 * n_kini],
            "nilai_produksi_rp": [2e9 * n_lalu, 2e9 * n_kini],
            "nilai_bahan_baku_rp": [1e9 * n_lalu, 1e9 * n_kini],
            "nilai_tambah_rp": [1e9 * n_lalu, 1e9 * n_kini],
        }
    )


def test_ikm_cards_show_values_and_changes() -> None:
    kartu = {k.label: k for k in ikm.kartu_ikm(_ringkasan(100, 110), 2025)}
    assert list(kartu) == list(ikm.LABEL)
    assert kartu["Jumlah IKM"].nilai == "110 unit"
    assert kartu["Jumlah IKM"].perubahan == "+10,0 % dari 2024"
    assert kartu["Tenaga kerja perempuan"].nilai == "550 orang"
    assert kartu["Investasi"].nilai == "Rp 121,0 miliar"


def test_ikm_cards_withhold_small_cells() -> None:
    for n in (1, 2):
        kartu = ikm.kartu_ikm(_ringkasan(100, n), 2025)
        assert kartu[0].nilai == "<3"
        assert all(k.nilai.startswith("<3") and k.perubahan is None and k.angka is None for k in kartu)
    # The previous year being small hides the change, not this year's value.
    kartu = ikm.kartu_ikm(_ringkasan(2, 40), 2025)
    assert kartu[0].nilai == "40 unit" and kartu[0].perubahan is None


def test_ikm_cards_with_no_firm() -> None:
    kartu = ikm.kartu_ikm(_ringkasan(0, 0), 2025)
    assert kartu[0].nilai == "0 unit"
    assert all(k.nilai == "–" for k in kartu[1:])
    assert ikm.jumlah_ikm(_ringkasan(0, 7), 2025) == 7


def test_small_cell_rule_boundaries() -> None:
    assert [sel_kecil.ditahan(n) for n in (None, 0, 1, 2, 3, 100)] == [False, False, True, True, False, False]
    assert sel_kecil.label_jumlah(2) == "<3"
    assert sel_kecil.label_jumlah(3) == "3 unit"
    df = sel_kecil.tandai(pl.DataFrame({"jumlah_ikm": [0, 1, 2, 3]}))
    assert df["ditahan"].to_list() == [False, True, True, False]


def _indeks() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "tahun": [2024, 2025],
            "nilai_usd": [1.0e9, 1.1e9],
            "nilai_rp": [1.5e13, 1.8e13],
            "porsi_batubara": [86.0, 84.5],
            "indeks_hilirisasi": [6.5, 7.6],
            "indeks_tanpa_batubara": [47.6, 48.9],
        }
    )


def test_export_cards_in_points_and_percent() -> None:
    kartu = {k.label: k for k in ekspor.kartu_ekspor(_indeks(), 2025, "usd")}
    assert next(iter(kartu)) == "Indeks Hilirisasi"
    assert kartu["Indeks Hilirisasi"].nilai == "7,6 %"
    assert kartu["Indeks Hilirisasi"].perubahan == "+1,1 poin dari 2024"
    assert kartu["Indeks Hilirisasi tanpa batu bara"].nilai == "48,9 %"
    assert kartu["Nilai ekspor"].nilai == "US$ 1,1 miliar"
    assert kartu["Nilai ekspor"].perubahan == "+10,0 % dari 2024"
    assert kartu["Porsi batu bara"].perubahan == "-1,5 poin dari 2024"
    rp = {k.label: k for k in ekspor.kartu_ekspor(_indeks(), 2025, "rp")}
    assert rp["Nilai ekspor"].nilai == "Rp 18,0 triliun"


def test_export_cards_without_previous_year() -> None:
    kartu = ekspor.kartu_ekspor(_indeks().filter(pl.col("tahun") == 2025), 2025, "usd")
    assert all(k.perubahan is None for k in kartu)


def test_coal_message_names_the_share_and_the_stage_rule() -> None:
    teks = ekspor.pesan_batubara(_indeks(), 2025, ())
    assert "84,5 %" in teks and "tanpa batu bara" in teks and "per rantai" in teks
    assert "tahap" not in teks.split("US$.")[-1]
    assert "Penyaring tahap" in ekspor.pesan_batubara(_indeks(), 2025, ("hilir",))


def test_filter_params_and_description() -> None:
    f = FilterIkm(tahun=2025, kab=("6303",), kbli=("10",), halal=True, berdiri=(1990, 2000), cari="kue")
    p = f.params()
    assert p["kab"] == ["6303"] and p["halal"] is True and p["ekspor"] is None
    assert (p["berdiri_dari"], p["berdiri_sampai"]) == (1990, 2000)
    uraian = dict(f.uraian({"6303": "Banjar"}, {"10": "10 Makanan"}))
    assert uraian["Kabupaten/kota"] == "Banjar"
    assert uraian["KBLI (2 digit)"] == "10 Makanan"
    assert uraian["Bersertifikat halal"] == "Ya" and uraian["Berorientasi ekspor"] == "Semua"
    assert uraian["Tahun berdiri"] == "1990-2000"
    assert [ya_tidak(v) for v in ("ya", "tidak", "semua")] == [True, False, None]


def test_filter_options_follow_palette_order() -> None:
    pilihan = pl.DataFrame(
        {
            "jenis": ["rantai", "rantai", "rantai", "tahap", "tahap", "kbli", "skala", "skala", "sektor"],
            "nilai": ["sawit", "batubara", "lainnya", "hilir", "antara", "10", "menengah", "kecil", "Pangan"],
            "label": [None, None, None, None, None, "Makanan", None, None, None],
        }
    )
    hasil = pilihan_per_jenis(pilihan)
    assert hasil["rantai"] == ("batubara", "sawit", "lainnya")
    assert hasil["tahap"] == ("antara", "hilir")
    assert hasil["skala"] == ("kecil", "menengah")
    assert label_kbli(pilihan) == {"10": "10 Makanan"}


def test_firm_table_formats_and_pages() -> None:
    daftar = pl.DataFrame(
        {
            "nama_usaha": ["UD Kue"],
            "kabupaten": ["Banjar"],
            "kecamatan": ["Martapura"],
            "kbli": ["10792"],
            "kelompok_kbli": ["Makanan"],
            "sektor": ["Pangan"],
            "komoditas": ["kue tradisional"],
            "rantai": ["pertanian"],
            "tahap": ["hilir"],
            "skala": ["kecil"],
            "tenaga_kerja_l": [1],
            "tenaga_kerja_p": [1234],
            "investasi_rp": [25_000_000],
            "nilai_produksi_rp": [1_500_000_000],
            "nilai_tambah_rp": [600_000_000],
            "tahun_berdiri": [None],
            "halal": [True],
            "berorientasi_ekspor": [False],
        }
    )
    baris = ikm.tampilan(daftar).row(0, named=True)
    jahat = ikm.tampilan(
        daftar.with_columns(pl.lit("=HYPERLINK(1)").alias("nama_usaha"), pl.lit(-2_000_000).alias("nilai_tambah_rp"))
    )
    assert jahat["Nama usaha"].to_list() == ["'=HYPERLINK(1)"], "Streamlit's own table CSV must not carry a formula"
    assert jahat["Nilai tambah"].to_list() == ["-Rp 2,0 juta"]
    assert baris["KBLI"] == "10792 · Makanan"
    assert baris["TK P"] == "1.234" and baris["Investasi"] == "Rp 25,0 juta"
    assert baris["Tahap"] == "Hilir" and baris["Halal"] == "Ya" and baris["Ekspor"] == "Tidak"
    assert baris["Berdiri"] == "–"
    assert ikm.jumlah_halaman(0) == 1 and ikm.jumlah_halaman(26) == 2
    assert ikm.rentang_baris(2, 30) == (26, 30)
    assert ikm.keterangan_halaman(2, 1234) == "IKM ke-26 sampai 50 dari 1.234 unit, urut nama usaha."
    kecil = ikm.keterangan_halaman(1, 2)
    assert "Kurang dari 3 IKM" in kecil and "2" not in kecil
