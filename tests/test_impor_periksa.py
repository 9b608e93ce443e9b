"""Validation of files as offices send them: messy-but-valid files give exactly the rows and totals they were
made from; every bad case is refused with its exact place (file, sheet, Excel row, column, value, rule)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dasbor.views import impor
from dasbor.warehouse import settings
from dasbor.warehouse.impor import periksa
from dasbor.warehouse.impor.pemeriksaan import Pemeriksaan
from tests import impor_berkas as ib

HARI_INI = dt.date(2026, 11, 23)


def _cek(nama: str, data: bytes, **kw: object) -> Pemeriksaan:
    return periksa.periksa(nama, data, hari_ini=HARI_INI, **kw)  # type: ignore[arg-type]


def test_messy_semicolon_csv_with_bom_and_title_gives_every_row_and_total() -> None:
    firms = ib.firma(40, seed=3)
    data = ib.csv_ikm(firms, bom=True, judul=f"Rekap IKM Provinsi Kalimantan Selatan {ib.TAHUN}")
    hasil = _cek("rekap.csv", data, jenis="ikm")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.baris_dibaca == hasil.baris_diterima == 40
    d = hasil.data
    assert d["tenaga_kerja_l"].sum() == sum(f.tk_l for f in firms)
    assert d["tenaga_kerja_p"].sum() == sum(f.tk_p for f in firms)
    assert d["investasi_rp"].sum() == sum(f.investasi for f in firms)
    assert d["id"].to_list() == [f.nib for f in firms]
    assert d["kode_bps"].to_list() == [f.kode_bps for f in firms]
    assert d["halal"].to_list() == [f.halal for f in firms]
    assert d["_baris"].to_list() == list(range(3, 43))  # title row 1, header row 2
    assert "CSV UTF-8 (dengan BOM), pemisah titik koma (;)." in hasil.catatan


def test_comma_csv_with_quoted_money_and_guessed_kind() -> None:
    firms = ib.firma(12, seed=4)
    hasil = _cek("ikm.csv", ib.csv_ikm(firms, pemisah=","))
    assert hasil.jenis == "ikm" and hasil.jenis_ditebak
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data["investasi_rp"].sum() == sum(f.investasi for f in firms)


def test_windows_1252_csv_is_detected_reported_and_read() -> None:
    firms = ib.firma(3, seed=5)
    teks = ib.csv_ikm(firms).decode("utf-8").replace("UD Contoh 5-0", "Café Sasirangan Ibu’s – Galuh")
    hasil = _cek("ikm.csv", teks.encode("cp1252"), jenis="ikm")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data["nama_usaha"][0] == "Café Sasirangan Ibu’s – Galuh"
    assert any(c.startswith("Berkas disandikan Windows-1252 (bukan UTF-8)") for c in hasil.catatan)


def test_messy_workbook_two_row_merged_header_jumlah_row_several_sheets() -> None:
    per_lembar = {"Tapin": ib.firma(7, seed=6, kab=("6305",)), "HSU": ib.firma(5, seed=7, kab=("6308",))}
    hasil = _cek("ikm_kabupaten.xlsx", ib.xlsx_ikm_berantakan(per_lembar), jenis="ikm")
    assert hasil.status == "siap", impor.teks(hasil)
    semua = [f for fs in per_lembar.values() for f in fs]
    d = hasil.data
    assert hasil.baris_diterima == len(semua) == 12
    assert d["tenaga_kerja_l"].sum() == sum(f.tk_l for f in semua)
    assert d["tenaga_kerja_p"].sum() == sum(f.tk_p for f in semua)
    assert d["investasi_rp"].sum() == sum(f.investasi for f in semua)
    assert d["kbli"].to_list() == [f.kbli for f in semua]
    assert d.group_by("_lembar").agg(pl.col("kode_bps").unique()).sort("_lembar").rows() == [
        ("HSU", ["6308"]),
        ("Tapin", ["6305"]),
    ]
    assert set(d["tahun_data"].to_list()) == {ib.TAHUN}
    # Tapin: header rows 4-5, numbering row 6, 7 firms with a blank row after every third -> JUMLAH at 16.
    assert "Lembar 'Tapin': baris jumlah/total dilewati (baris 16)." in hasil.catatan
    assert "Lembar 'Tapin': catatan kaki dilewati (baris 17)." in hasil.catatan
    assert "Lembar 'Tapin': Kabupaten/Kota = Tapin (6305) (dari nama lembar)." in hasil.catatan
    assert f"Lembar 'HSU': Tahun Data = {ib.TAHUN} (dari judul lembar)." in hasil.catatan
    peta = hasil.pemetaan.filter(pl.col("Lembar") == "Tapin")
    assert peta.filter(pl.col("Kolom") == "G")["Dibaca sebagai"][0] == "Tenaga Kerja P"
    assert peta.filter(pl.col("Kolom") == "F")["Judul di berkas"][0] == "Tenaga Kerja L"


def test_year_from_the_user_when_the_file_does_not_state_it_and_file_wins_when_it_does() -> None:
    data = b"Nama Usaha;Kab/Kota;TK L;TK P\nUD A;Tapin;1;1\n"
    tanpa = _cek("daftar.csv", data, jenis="ikm")
    assert tanpa.status == "ditolak"
    assert "Tahun Data" in tanpa.masalah["kolom"][0]
    dengan = _cek("daftar.csv", data, jenis="ikm", tahun=2023)
    assert dengan.data["tahun_data"].to_list() == [2023]
    dari_nama = _cek("ikm_2024.csv", data, jenis="ikm", tahun=2023)
    assert dari_nama.data["tahun_data"].to_list() == [2024]
    assert "Tahun 2024 dari nama berkas dipakai, bukan tahun pilihan 2023." in dari_nama.catatan


def test_export_table_bps_style() -> None:
    data, total = ib.csv_ekspor_bps()
    hasil = _cek("ekspor.csv", data, jenis="ekspor")
    assert hasil.status == "siap", impor.teks(hasil)
    per_asal = hasil.data.group_by(pl.col("kode_bps").fill_null("")).agg(pl.col("nilai_usd").sum())
    assert dict(per_asal.rows()) == pytest.approx(total)
    assert hasil.data["kode_hs"].to_list() == ["27011210", "27011210", "03061700", "15111000"]
    assert hasil.data["bulan"].to_list() == [1, 1, 2, 2]
    assert hasil.data["berat_kg"][1] == 80_000_000.5


def test_tenant_and_target_files() -> None:
    tenant = ib.xlsx_baris(
        [
            ["Kawasan", "Nama Perusahaan", "Status", "Tahun Mulai", "Investasi (Rp miliar)", "Tenaga Kerja"],
            ["KI Batulicin", "PT Baja Contoh", "beroperasi", 2019, "1.250", 300],
            ["Jorong", "PT Briket Contoh", "konstruksi", 2025, 150, None],
        ]
    )
    hasil = _cek("tenant.xlsx", tenant, jenis="tenant")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data["kawasan_id"].to_list() == ["batulicin", "jorong"]
    assert hasil.data["status"].to_list() == ["operasi", "konstruksi"]
    assert hasil.data["investasi_rp"].to_list() == [1_250_000_000_000, 150_000_000_000]
    target = b"Indikator;Kabupaten/Kota;Tahun;Target;Satuan;Dokumen\nJumlah IKM;;2026;76.000;unit;Renstra\n" + (
        b"Indeks Hilirisasi;Kalsel;2026;8,5 %;persen;RPJMD\nJumlah IKM;Tanbu;2026;4.560;unit;RPIK\n"
    )
    hasil = _cek("target.csv", target, jenis="target")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.select("indikator", "kode_bps", "nilai_target").rows() == [
        ("jumlah_ikm", None, 76_000.0),
        ("indeks_hilirisasi", None, 8.5),
        ("jumlah_ikm", "6310", 4_560.0),
    ]


KEPALA = "NIB;Nama Usaha;Kab/Kota;TK L;TK P;Tahun Data"


def _satu_masalah(hasil: Pemeriksaan) -> dict[str, object]:
    assert hasil.status == "ditolak"
    return hasil.masalah.row(0, named=True)


@pytest.mark.parametrize(
    ("isi", "harapan"),
    [
        (
            "1;UD A;Antah Berantah;1;2;2025",
            ("-", 2, "Kab/Kota (kolom C)", "Antah Berantah", "kabupaten/kota tidak dikenal di Kalimantan Selatan"),
        ),
        ("1;UD A;Tapin;1;-2;2025", ("-", 2, "TK P (kolom E)", "-2", "tidak boleh negatif")),
        (
            f"1;UD A;Tapin;1;2;{ib.tahun_depan()}",
            (
                "-",
                2,
                "Tahun Data (kolom F)",
                str(ib.tahun_depan()),
                f"tahun data di masa depan (tahun ini {HARI_INI.year})",
            ),
        ),
        (
            "1;UD A;Tapin;1;Rp 1,2 M;2025",
            (
                "-",
                2,
                "TK P (kolom E)",
                "Rp 1,2 M",
                "'Rp 1,2 M' ambigu: 'M' bisa berarti miliar atau juta (million); tulis angka penuh, mis. 1.200.000.000",
            ),
        ),
    ],
    ids=["kabupaten-tak-dikenal", "negatif", "tahun-masa-depan", "angka-ambigu"],
)
def test_bad_value_named_with_its_row_column_value_and_rule(isi: str, harapan: tuple[object, ...]) -> None:
    hasil = _cek("ikm.csv", f"{KEPALA}\n{isi}\n".encode(), jenis="ikm")
    r = _satu_masalah(hasil)
    assert (r["berkas"], r["lembar"], r["baris"], r["kolom"], r["nilai"], r["aturan"]) == ("ikm.csv", *harapan)
    assert hasil.data.is_empty()


def test_more_female_workers_than_total() -> None:
    data = b"Nama Usaha;Kab/Kota;Tenaga Kerja P;Jumlah Tenaga Kerja;Tahun\nUD A;HSU;2;4;2025\nUD B;HSU;5;3;2025\n"
    hasil = _cek("ikm.csv", data, jenis="ikm")
    r = _satu_masalah(hasil)
    assert (r["baris"], r["kolom"], r["nilai"], r["aturan"]) == (
        3,
        "Tenaga Kerja P (kolom C)",
        "5",
        "tenaga kerja perempuan (5) lebih banyak dari jumlah tenaga kerja (3)",
    )
    sebagian = _cek("ikm.csv", data, jenis="ikm", terima_sebagian=True)
    assert sebagian.status == "sebagian"
    assert sebagian.data.select("nama_usaha", "tenaga_kerja_l", "tenaga_kerja_p").rows() == [("UD A", 2, 2)]


def test_duplicate_firm_ids_name_both_rows() -> None:
    data = f"{KEPALA}\n9120001;UD A;Tapin;1;2;2025\n9120002;UD B;Tapin;1;2;2025\n9120001;UD C;HSU;1;1;2025\n"
    r = _satu_masalah(_cek("ikm.csv", data.encode(), jenis="ikm"))
    assert (r["baris"], r["kolom"], r["nilai"], r["aturan"]) == (
        4,
        "NIB (kolom A)",
        "9120001",
        "baris ganda (Tahun Data, NIB / ID IKM): sama dengan baris 2",
    )


def test_duplicates_across_sheets_name_the_other_sheet() -> None:
    firms = ib.firma(2, seed=8, kab=("6305",))
    data = ib.xlsx_ikm_berantakan({"Tapin": firms, "Tala": firms[:1]})
    r = _satu_masalah(_cek("ikm.xlsx", data, jenis="ikm"))
    assert (r["lembar"], r["baris"], r["kolom"]) == ("Tala", 7, "NIB (kolom B)")
    assert r["aturan"] == "baris ganda (Tahun Data, NIB / ID IKM): sama dengan baris 7 di lembar 'Tapin'"


def test_shifted_row_is_caught_at_the_column_without_header() -> None:
    data = f"{KEPALA}\n1;UD A;Tapin;1;2;2025\n2;UD B;Tapin;Rantau;2;3;2025\n"
    hasil = _cek("ikm.csv", data.encode(), jenis="ikm")
    assert hasil.status == "ditolak"
    rows = hasil.masalah.select("baris", "kolom", "nilai", "aturan").rows()
    assert (3, "(tanpa judul) (kolom G)", "2025", "nilai di kolom G yang tidak berjudul: kolom bergeser?") in rows
    assert (3, "TK L (kolom D)", "Rantau", "bukan angka") in rows
    assert {r[0] for r in rows} == {3}


@pytest.mark.parametrize(
    ("nama", "data", "aturan"),
    [
        ("ikm.csv", b"", "berkas kosong (0 byte)"),
        ("ikm.csv", f"{KEPALA}\n".encode(), "hanya berisi judul kolom (baris 1), tanpa baris data"),
        (
            "ikm.xlsx",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "berkas ini PDF (diberi nama .xlsx), bukan XLSX atau CSV",
        ),
        ("ikm.xlsx", b"PK\x03\x04 terpotong", "arsip rusak atau terpotong (bukan zip/XLSX yang utuh)"),
    ],
    ids=["kosong", "judul-saja", "pdf-bernama-xlsx", "zip-rusak"],
)
def test_unusable_files(nama: str, data: bytes, aturan: str) -> None:
    r = _satu_masalah(_cek(nama, data, jenis="ikm"))
    assert r["baris"] is None
    assert r["aturan"] == aturan


def test_truncated_xlsx() -> None:
    utuh = ib.xlsx_ikm_berantakan({"Tapin": ib.firma(30, seed=9, kab=("6305",))})
    r = _satu_masalah(_cek("ikm.xlsx", utuh[: len(utuh) // 2], jenis="ikm"))
    assert r["aturan"] == "arsip rusak atau terpotong (bukan zip/XLSX yang utuh)"


def test_wrong_columns_say_which_were_expected() -> None:
    r = _satu_masalah(_cek("ikm.csv", b"Barang;Harga;Stok\nKue;5000;10\n", jenis="ikm"))
    assert str(r["aturan"]).startswith(
        "judul kolom tidak dikenali sebagai Registri IKM. Baris 1 berisi: 'Barang', 'Harga', 'Stok'. "
        "Kolom yang diharapkan: Tahun Data, Nama Usaha, Kabupaten/Kota (wajib); NIB / ID IKM, Kecamatan"
    )
    r = _satu_masalah(_cek("ikm.csv", b"Nama Usaha;Kecamatan;TK L\nUD A;Rantau;2\n", jenis="ikm"))
    assert str(r["aturan"]).startswith("kolom wajib tidak ditemukan: Tahun Data (dikenali juga: tahun data, tahun,")
    assert "Kabupaten/Kota (dikenali juga: kabupaten kota, kab kota, kabupaten, kota)" in str(r["aturan"])
    assert str(r["aturan"]).endswith("Judul kolom di berkas (baris 1): 'Nama Usaha', 'Kecamatan', 'TK L'")


def test_file_over_the_size_limit_is_refused_on_the_web_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_IMPOR_MAKS_MB", "0.001")
    isi = ib.csv_ikm(ib.firma(40))
    r = _satu_masalah(_cek("ikm.csv", isi, jenis="ikm", maks_byte=settings.impor_maks_byte()))
    assert "melebihi batas unggah web 0 MB (DASBOR_IMPOR_MAKS_MB)" in str(r["aturan"])
    assert _cek("ikm.csv", isi, jenis="ikm").status == "siap", "the command line has no size limit"


def test_many_problems_are_counted_per_rule() -> None:
    baris = "\n".join(f"{i};UD {i};Antah;1;2;2025" for i in range(250))
    hasil = _cek("ikm.csv", f"{KEPALA}\n{baris}\n".encode(), jenis="ikm")
    kelompok = impor.kelompok(hasil)
    assert kelompok.rows()[0][:4] == (
        "-",
        "Kab/Kota (kolom C)",
        "kabupaten/kota tidak dikenal di Kalimantan Selatan",
        250,
    )
    assert kelompok["baris"][0] == "2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …"
    teks = impor.teks(hasil)
    assert "  250 x kolom Kab/Kota (kolom C): kabupaten/kota tidak dikenal" in teks
    assert "... dan 220 masalah lain" in teks


def test_report_downloads_neutralise_formulas() -> None:
    hasil = _cek("ikm.csv", f'{KEPALA}\n1;UD A;Tapin;=HYPERLINK("x");2;2025\n'.encode(), jenis="ikm")
    isi = impor.csv(hasil).decode("utf-8-sig")
    assert "'=HYPERLINK" in isi and ",=HYPERLINK" not in isi
    import io

    import openpyxl

    buku = openpyxl.load_workbook(io.BytesIO(impor.xlsx(hasil)))
    nilai_sel = [c.value for c in buku["Masalah"][2]]
    assert '=HYPERLINK("x")' in nilai_sel
    assert buku["Masalah"]["E2"].data_type == "s"


def test_a_filled_template_imports_as_it_is() -> None:
    import io

    import openpyxl

    from dasbor.warehouse.impor import templat

    buku = openpyxl.load_workbook(io.BytesIO(templat.templat_xlsx("ikm")))
    ws = buku["Data"]
    judul = [c.value for c in ws[1]]
    contoh = {
        "NIB / ID IKM": "9120001234567",
        "Tahun Data": 2025,
        "Nama Usaha": "UD Sasirangan Galuh",
        "Kabupaten/Kota": "Kota Banjarmasin",
        "KBLI": "13134",
        "Tenaga Kerja L": 1,
        "Tenaga Kerja P": 4,
        "Tenaga Kerja Jumlah": 5,
        "Investasi (Rp)": 35_000_000,
        "Halal": "Tidak",
    }
    ws.append([contoh.get(str(j)) for j in judul])
    buf = io.BytesIO()
    buku.save(buf)
    hasil = _cek("templat_ikm.xlsx", buf.getvalue())
    assert hasil.jenis == "ikm" and hasil.status == "siap", impor.teks(hasil)
    assert hasil.data.select("id", "kode_bps", "sektor", "skala", "tenaga_kerja_p").row(0) == (
        "9120001234567",
        "6371",
        "Sandang",
        "kecil",
        4,
    )


def test_total_in_a_remarks_column_does_not_hide_a_firm() -> None:
    data = b"Nama Usaha;Kab/Kota;TK L;TK P;Tahun;Produk;Keterangan\nUD A;Tapin;1;1;2025;kue;Total\nJUMLAH;;1;1;;;\n"
    hasil = _cek("ikm.csv", data, jenis="ikm")
    assert hasil.baris_diterima == 1
    assert "Lembar '-': baris jumlah/total dilewati (baris 3)." in hasil.catatan


def test_a_firm_named_sumber_is_not_a_footnote() -> None:
    data = b"Nama Usaha;Kab/Kota;TK L;TK P;Tahun\nSumber Rezeki;;;;\nUD A;Tapin;1;1;2025\nSumber: Disperin\n"
    hasil = _cek("ikm.csv", data, jenis="ikm")
    assert hasil.masalah.select("baris", "aturan").rows()[0] == (2, "wajib diisi")
    assert "Lembar '-': catatan kaki dilewati (baris 4)." in hasil.catatan


def test_repeated_header_after_a_page_break_and_utf16_text() -> None:
    teks = f"{KEPALA}\n1;UD A;Tapin;1;2;2025\n{KEPALA}\n2;UD B;HSU;1;2;2025\n".replace(";", "\t")
    hasil = _cek("ikm.txt", teks.encode("utf-16"), jenis="ikm")
    assert hasil.status == "siap", impor.teks(hasil)
    assert hasil.data["_baris"].to_list() == [2, 4]
    assert "Lembar '-': judul kolom berulang dilewati (baris 3)." in hasil.catatan
    assert "CSV UTF-16, pemisah tab." in hasil.catatan
