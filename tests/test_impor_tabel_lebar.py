"""Files as they circulate in Indonesia (issue 12): wide targets, BPS's export cross-table, Satu Data headers,
summary tables, other provinces and region codes, firms without NIB sharing a trading name."""

from __future__ import annotations

import datetime as dt

from dasbor.views import impor
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.periksa import periksa
from tests import berkas_kantor as bk

HARI_INI = dt.date(2026, 6, 1)


def _cek(nama: str, data: bytes, **kw: object) -> Pemeriksaan:
    return periksa(nama, data, hari_ini=HARI_INI, **kw)  # type: ignore[arg-type]


def test_targets_with_years_as_columns_are_one_row_per_year() -> None:
    baris: list[list[object]] = [
        ["TARGET RPJMD"],
        [],
        ["No", "Indikator", "Kabupaten/Kota", "Satuan", 2024, 2025, 2026],
        [1, "Jumlah IKM", "Kalimantan Selatan", "unit", 70000, 72000, None],
        [2, "Sertifikat Halal", "Tapin", "sertifikat", 100, 150, "200"],
    ]
    hasil = _cek("target.xlsx", bk.xlsx([("Target", baris)]), jenis="target")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.select("_baris", "indikator", "tahun", "nilai_target").rows() == [
        (4, "jumlah_ikm", 2024, 70000.0),
        (4, "jumlah_ikm", 2025, 72000.0),
        (5, "sertifikat_halal", 2024, 100.0),
        (5, "sertifikat_halal", 2025, 150.0),
        (5, "sertifikat_halal", 2026, 200.0),
    ]
    assert any("tahun sebagai kolom (2024, 2025, 2026, baris 3)" in c for c in hasil.catatan)


def _silang_bps(negara: int, bulan: int = 12, hs: int = 5) -> bytes:
    nama_bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                  "Oktober", "November", "Desember"][:bulan]  # fmt: skip
    baris_negara: list[object] = ["Kode HS", "Uraian"]
    baris_pelabuhan: list[object] = [None, None]
    baris_bulan: list[object] = [None, None]
    for n in range(negara):
        for b in range(bulan):
            baris_negara.append(f"NEGARA {n}" if b == 0 else None)
            baris_pelabuhan.append("Banjarmasin" if b == 0 else None)
            baris_bulan.append(nama_bulan[b])
    data: list[list[object]] = [
        [f"1511{i:04d}", f"Barang {i}", *[(i + 1) * 10 + k % 7 for k in range(negara * bulan)]] for i in range(hs)
    ]
    isi: list[list[object]] = [
        ["Ekspor Kalimantan Selatan menurut HS, negara tujuan, pelabuhan dan bulan, Tahun 2024"],
        ["Nilai FOB (US$)"],
        baris_negara,
        baris_pelabuhan,
        baris_bulan,
        *data,
    ]
    return bk.xlsx([("Data", isi)])


def test_bps_export_cross_table_is_unpivoted_into_the_export_contract() -> None:
    hasil = _cek("ekspor_bps.xlsx", _silang_bps(negara=100), jenis="ekspor")  # 1,200 value columns
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.height == 5 * 100 * 12
    assert set(hasil.data["bulan"].unique()) == set(range(1, 13)) and set(hasil.data["tahun"]) == {2024}
    assert hasil.data["negara_tujuan"].n_unique() == 100 and set(hasil.data["pelabuhan"]) == {"Banjarmasin"}
    assert hasil.data["_baris"].min() == 6, "a value keeps the Excel row of its HS code"
    note = next(c for c in hasil.catatan if "tabel silang BPS" in c)
    assert "judul baris 3-5 (Negara Tujuan, Pelabuhan, Bulan), 1200 kolom nilai (Nilai FOB (US$))" in note


def test_satu_data_snake_case_headers_are_recognised_and_kategori_is_not_skala() -> None:
    csv = (
        "kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,nama_perusahaan,kategori,tahun\n"
        "63,KALIMANTAN SELATAN,6305,KABUPATEN TAPIN,UD A,Makanan,2025\n"
    )
    hasil = _cek("satudata_ikm.csv", csv.encode(), jenis="ikm")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.select("kode_bps", "nama_usaha").rows() == [("6305", "UD A")]
    assert any("kolom 'kategori'" in c and "tidak dikenal" in c for c in hasil.catatan)
    ekspor = "kodehs;negara_tujuan;nilai_fob_usd;tahun;bulan\n15111000;Jepang;1000;2024;3\n"
    assert _cek("satudata_ekspor.csv", ekspor.encode(), jenis="ekspor").status == "siap"


def test_other_province_rows_and_codes_outside_63_are_refused_with_the_row() -> None:
    csv = (
        "kode_provinsi;nama_provinsi;kode_kabupaten_kota;nama_kabupaten_kota;nama_perusahaan;tahun\n"
        "32;JAWA BARAT;3279;KOTA BANJAR;UD Jabar;2025\n"
        "63;KALIMANTAN SELATAN;6303;KABUPATEN BANJAR;UD Kalsel;2025\n"
    )
    hasil = _cek("ikm_nasional.csv", csv.encode(), jenis="ikm", terima_sebagian=True)
    assert hasil.data["nama_usaha"].to_list() == ["UD Kalsel"]
    aturan = {(r["baris"], r["aturan"]) for r in hasil.masalah.iter_rows(named=True)}
    assert (2, "kode wilayah 3279 bukan Kalimantan Selatan (kode kabupaten/kota Kalsel: 63xx)") in aturan
    assert any(b == 2 and a.startswith("provinsi '32', bukan Kalimantan Selatan") for b, a in aturan)
    hanya_nama = _cek("ikm.csv", b"Nama Usaha;Kab/Kota;Tahun\nUD A;Kota Banjar;2025\n", jenis="ikm")
    assert hanya_nama.status == "ditolak", "Kota Banjar (Jawa Barat) is not Kabupaten Banjar"


def test_firms_without_nib_sharing_a_name_are_not_duplicates_unless_owner_and_address_agree() -> None:
    tanpa = "Nama Usaha;Kab/Kota;Kecamatan;Tahun\nTERASI;HSU;Amuntai;2025\nTERASI;HSU;Amuntai;2025\n"
    hasil = _cek("ikm.csv", tanpa.encode(), jenis="ikm")
    assert hasil.status == "siap" and hasil.data["id"].n_unique() == 2
    kop = "Nama Usaha;Kab/Kota;Kecamatan;Pemilik;Alamat;Tahun\n"
    beda = kop + "TERASI;HSU;Amuntai;Ibu Ani;Jl. A 1;2025\nTERASI;HSU;Amuntai;Ibu Siti;Jl. B 2;2025\n"
    assert _cek("ikm.csv", beda.encode(), jenis="ikm").status == "siap"
    sama = kop + "TERASI;HSU;Amuntai;Ibu Ani;Jl. A 1;2025\nTERASI;HSU;Amuntai;Ibu Ani;Jl. A 1;2025\n"
    ganda = _cek("ikm.csv", sama.encode(), jenis="ikm")
    assert ganda.status == "ditolak" and "baris ganda" in ganda.masalah["aturan"][0]


def test_a_summary_table_says_so_in_one_short_sentence() -> None:
    kop = ["Kabupaten/Kota", *[str(t) for t in range(2010, 2026)]]
    isi = ";".join(kop) + "\nTapin;" + ";".join(["5"] * 16) + "\n"
    hasil = _cek("rekap_ikm.csv", isi.encode(), jenis="ikm")
    aturan = hasil.masalah["aturan"][0]
    assert aturan.startswith("ini tabel ringkasan (tahun sebagai kolom, baris 1), bukan daftar per usaha")
    assert "mirip jenis Target rencana" in aturan and "dan 7 lainnya" in aturan and "2025" not in aturan
