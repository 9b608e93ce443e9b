"""Workbooks as offices make them (issue 12): a recap sheet first and the firm list later, hidden and notes
sheets, a forced sheet, merged section rows that fill the estate of the tenants below, JUMLAH rows compared
with the imported rows, names that begin with = + - @, "maksud Anda" hints, "Kota Banjar" of Jawa Barat."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dasbor import impor as cli
from dasbor.views import impor
from dasbor.warehouse.impor import nilai, wilayah
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from dasbor.warehouse.impor.periksa import periksa
from tests import berkas_kantor as bk

HARI_INI = dt.date(2026, 6, 1)
KOP: list[object] = [
    "No",
    "NIB",
    "Nama Usaha",
    "Kabupaten/Kota",
    "Kecamatan",
    "KBLI",
    "Tenaga Kerja L",
    "Tenaga Kerja P",
]
NAMA = ["UD Maju", "+62 Kopi Banua", "@warung.acil", "=Sari Rasa", "-Dodol Kandangan"]


def _firma(tk_l: int = 2) -> list[list[object]]:
    return [[i + 1, f"912000{i:07d}", n, "Tapin", "Tapin Utara", "10792", tk_l, 3] for i, n in enumerate(NAMA)]


def _buku(jumlah_l: object = 10) -> bytes:
    rekap: list[list[object]] = [
        ["REKAP IKM PER KECAMATAN TAHUN 2025"],
        [],
        ["Kecamatan", "Jumlah IKM", "Tenaga Kerja"],
        ["Tapin Utara", 3, 20],
        ["JUMLAH", 5, 30],
    ]
    daftar: list[list[object]] = [
        ["DAFTAR IKM KABUPATEN TAPIN TAHUN 2025"],
        [],
        KOP,
        *_firma(),
        ["JUMLAH", None, None, None, None, None, jumlah_l, 15],
    ]
    return bk.xlsx(
        [
            ("Rekap", rekap),
            ("Catatan", [["Sumber: Disperindag Kab. Tapin"]]),
            ("Lama", [KOP, *_firma()[:1]]),
            ("Daftar IKM", daftar),
        ],
        tersembunyi=frozenset({"Lama"}),
    )


def _cek(nama: str, data: bytes, **kw: object) -> Pemeriksaan:
    return periksa(nama, data, hari_ini=HARI_INI, **kw)  # type: ignore[arg-type]


def test_recap_first_then_the_firm_list_imports_and_says_which_sheet() -> None:
    hasil = _cek("ikm_tapin.xlsx", _buku())  # kind guessed, as a new user would
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.jenis == "ikm" and hasil.data.height == 5
    assert hasil.lembar == ["Rekap", "Catatan", "Lama", "Daftar IKM"]
    assert hasil.lembar_dipakai == ["Daftar IKM"]
    teks = " ".join(hasil.catatan)
    assert "Lembar 'Rekap' dilewati: kolom wajib Nama Usaha tidak ada (tabel rekap/ringkasan" in teks
    assert "Lembar 'Catatan' dilewati" in teks and "Lembar 'Lama' tersembunyi: dilewati." in teks
    assert "Lembar yang dipakai: 'Daftar IKM'." in teks
    assert (
        impor.keterangan_lembar(hasil)
        == "Dibaca dari lembar 'Daftar IKM'; 3 lembar lain dilewati (lihat Catatan pembacaan)."
    )
    assert impor.pilihan_lembar(hasil)[0] == impor.OTOMATIS


def test_names_beginning_like_a_formula_are_stored_verbatim() -> None:
    hasil = _cek("ikm_tapin.xlsx", _buku(), jenis="ikm")
    assert sorted(hasil.data["nama_usaha"].to_list()) == sorted(NAMA)
    csv = "NIB;Nama Usaha;Kab/Kota;TK L;TK P;Tahun\n1;+62 Kopi Banua;Tapin;1;1;2025\n2;@acil.banjar;HSU;1;1;2025\n"
    dari_csv = _cek("ikm.csv", csv.encode("cp1252"), jenis="ikm")
    assert dari_csv.data["nama_usaha"].to_list() == ["+62 Kopi Banua", "@acil.banjar"]


def test_jumlah_row_equal_to_the_rows_is_silent_and_a_difference_is_a_note_with_both_numbers() -> None:
    sama = _cek("ikm_tapin.xlsx", _buku(jumlah_l=10), jenis="ikm")
    assert not any("(jumlah)" in c for c in sama.catatan)
    beda = _cek("ikm_tapin.xlsx", _buku(jumlah_l=8), jenis="ikm")
    assert beda.status == "siap" and beda.data.height == 5, "a total row is never a firm"
    note = next(c for c in beda.catatan if "(jumlah)" in c)
    assert "Tenaga Kerja L (kolom G) di berkas 8, jumlah baris yang diimpor 10 (selisih 2)" in note


def test_a_sheet_can_be_forced_and_a_wrong_name_gets_a_hint() -> None:
    hasil = _cek("ikm_tapin.xlsx", _buku(), jenis="ikm", lembar="daftar ikm")
    assert hasil.status == "siap" and hasil.lembar_dipakai == ["Daftar IKM"]
    assert hasil.lembar_pilihan == "daftar ikm", "the archive records the forced sheet, so a replay reads it again"
    salah = _cek("ikm_tapin.xlsx", _buku(), jenis="ikm", lembar="Daftar IKMM")
    aturan = salah.masalah["aturan"][0]
    assert "lembar 'Daftar IKMM' tidak ada di berkas (maksud Anda 'Daftar IKM'?)" in aturan
    rekap = _cek("ikm_tapin.xlsx", _buku(), jenis="ikm", lembar="Rekap")
    assert rekap.status == "ditolak"
    assert rekap.masalah["aturan"][0].startswith("tabel ringkasan (rekap), bukan daftar per usaha")


def test_command_line_takes_lembar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ikm_tapin.xlsx"
    path.write_bytes(_buku())
    assert cli.main([str(path), "--jenis", "ikm", "--lembar", "Daftar IKM", "--periksa"]) == 0
    assert "5 baris siap diimpor" in capsys.readouterr().out


def test_tenant_list_with_merged_estate_rows_fills_the_estate() -> None:
    kop: list[object] = ["No", "Nama Perusahaan", "Sektor", "Status", "Tahun Mulai", "Tenaga Kerja"]
    baris: list[list[object]] = [
        ["DAFTAR TENANT KAWASAN INDUSTRI"],
        [],
        kop,
        ["KAWASAN INDUSTRI JORONG"],
        [1, "PT A", "Smelter", "Beroperasi", 2020, 100],
        [2, "PT B", "Pupuk", "Konstruksi", 2023, 50],
        ["Kawasan Industri Batulicin"],
        [1, "PT C", "Baja", "Beroperasi", 2019, 300],
    ]
    gabung = {"Tenant": [(3, 0, 3, 5, "KAWASAN INDUSTRI JORONG"), (6, 0, 6, 5, "Kawasan Industri Batulicin")]}
    hasil = _cek("tenant.xlsx", bk.xlsx([("Tenant", baris)], gabung=gabung), jenis="tenant")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.select("nama_perusahaan", "kawasan_id").rows() == [
        ("PT A", "jorong"),
        ("PT B", "jorong"),
        ("PT C", "batulicin"),
    ]
    assert "Lembar 'Tenant': baris judul bagian/kelompok dilewati (baris 4, 7)." in hasil.catatan


def test_group_rows_in_a_registry_are_skipped_but_a_firm_with_only_a_name_is_data() -> None:
    kop: list[object] = ["No", "Nama Usaha", "Kab/Kota", "TK L", "TK P", "Tahun"]
    baris: list[list[object]] = [
        kop,
        ["Kelompok Pangan"],
        [1, "UD A", "Tapin", 1, 1, 2025],
        ["II. Logam"],
        [2, "UD B", "HSU", 1, 1, 2025],
    ]
    hasil = _cek("ikm.xlsx", bk.xlsx([("IKM", baris)]), jenis="ikm")
    assert hasil.status == "siap" and hasil.data.height == 2
    csv = b"Nama Usaha;Kab/Kota;TK L;TK P;Tahun\nSumber Rezeki;;;;\nUD A;Tapin;1;1;2025\n"
    assert set(_cek("ikm.csv", csv, jenis="ikm").masalah["baris"].to_list()) == {2}


def test_unknown_kabupaten_gets_a_hint_never_a_match_and_kota_banjar_is_not_banjar() -> None:
    assert wilayah.kabupaten("Tanah Lauy") == (
        None,
        "kabupaten/kota tidak dikenal di Kalimantan Selatan (maksud Anda 'Tanah Laut'?)",
    )
    assert wilayah.kabupaten("Antah Berantah") == (None, "kabupaten/kota tidak dikenal di Kalimantan Selatan")
    assert wilayah.kode_kabupaten("Kota Banjar") is None and wilayah.kode_kabupaten("Kab. Banjar") == "6303"
    assert nilai.maksud("Kawasan Jorong", {"kawasan industri jorong": "jorong"}) != ""


def test_missing_column_message_hints_the_near_header_and_lists_at_most_ten() -> None:
    kop = ["Nama Usha", "Kab/Kota", *[f"Kolom {i}" for i in range(14)]]
    hasil = _cek("ikm.csv", (";".join(kop) + "\n" + ";".join(["UD A", "Tapin"] + ["x"] * 14)).encode(), jenis="ikm")
    aturan = hasil.masalah["aturan"][0]
    assert "maksud Anda kolom 'Nama Usha'?" in aturan
    assert "dan 6 lainnya" in aturan and "Kolom 13" not in aturan


def test_windows_1252_csv_and_a_merged_title_over_a_two_row_header() -> None:
    csv = "Nama Usaha;Kab/Kota;TK L;TK P;Tahun\n+62 Kafé Banua;Tapin;1;1;2025\n@Warung–Acil;HSU;2;0;2025\n"
    hasil = _cek("ikm.csv", csv.encode("cp1252"), jenis="ikm")
    assert hasil.data["nama_usaha"].to_list() == ["+62 Kafé Banua", "@Warung–Acil"]
    assert any("Windows-1252" in c for c in hasil.catatan)
    baris: list[list[object]] = [
        ["DAFTAR IKM KABUPATEN HULU SUNGAI UTARA TAHUN 2025"],
        ["Nama Usaha", "Kecamatan", "Tenaga Kerja", None],
        [None, None, "L", "P"],
        ["UD A", "Amuntai Tengah", 3, 4],
        ["UD B", "Banjang", 1, 1],
        ["JUMLAH", None, 4, 5],
    ]
    gabung = {"HSU": [(0, 0, 0, 3, "DAFTAR IKM KABUPATEN HULU SUNGAI UTARA TAHUN 2025"), (1, 2, 1, 3, "Tenaga Kerja")]}
    dua = _cek("ikm_hsu.xlsx", bk.xlsx([("HSU", baris)], gabung=gabung), jenis="ikm")
    assert dua.status == "siap", impor.teks(dua)
    assert dua.data.select("kode_bps", "tenaga_kerja_l", "tenaga_kerja_p").rows() == [("6308", 3, 4), ("6308", 1, 1)]
    assert not any("(jumlah)" in c for c in dua.catatan), "the JUMLAH row agrees with the rows"


def test_jumlah_of_money_typed_the_indonesian_way_is_compared_too() -> None:
    csv = "Nama Usaha;Kab/Kota;Investasi (Rp);Tahun\nUD A;Tapin;Rp 1.000.000;2025\nUD B;Tapin;2.500.000;2025\n"
    sama = _cek("ikm.csv", (csv + "JUMLAH;;Rp 3.500.000;\n").encode(), jenis="ikm")
    assert sama.status == "siap" and not any("(jumlah)" in c for c in sama.catatan)
    beda = _cek("ikm.csv", (csv + "JUMLAH;;Rp 1.000.000;\n").encode(), jenis="ikm")
    note = next(c for c in beda.catatan if "(jumlah)" in c)
    assert "di berkas 1.000.000, jumlah baris yang diimpor 3.500.000 (selisih 2.500.000)" in note
