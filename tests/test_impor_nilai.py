"""Cell values as offices write them: Indonesian numbers, yes/no words, codes, kabupaten aliases, headers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from dasbor.warehouse import settings
from dasbor.warehouse.impor import jenis, kolom, nilai, wilayah


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("Rp 1.250.000", 1_250_000),
        ("Rp. 1.250.000", 1_250_000),
        ("1.250.000", 1_250_000),
        ("1.250.000,50", 1_250_000),  # cents rounded (half to even on .5 is fine: whole rupiah)
        ("1250000", 1_250_000),
        ("1,5 juta", 1_500_000),
        ("2 miliar", 2_000_000_000),
        ("1.234,5 jt", 1_234_500_000),
        ("1,250,000", 1_250_000),
        ("25000000 rupiah", 25_000_000),
        (f"{nilai.PENANDA_ANGKA}25000000.0", 25_000_000),
    ],
)
def test_rupiah_as_offices_write_it(teks: str, harapan: int) -> None:
    assert nilai.rupiah(teks) == (harapan, None)


@pytest.mark.parametrize(
    ("teks", "potongan"),
    [
        ("1,2 M", "ambigu"),
        ("3 Mn", "ambigu"),
        ("1,234", "ambigu"),
        ("1,2E+09", "notasi ilmiah"),
        ("dua juta", "bukan angka"),
        ("12 ribu rupiah kira-kira", "bukan angka"),
    ],
)
def test_rupiah_refuses_what_it_cannot_know(teks: str, potongan: str) -> None:
    angka, salah = nilai.rupiah(teks)
    assert angka is None and salah is not None and potongan in salah


def test_ambiguous_m_message_tells_how_to_write_it() -> None:
    assert nilai.rupiah("1,2 M")[1] == (
        "'1,2 M' ambigu: 'M' bisa berarti miliar atau juta (million); tulis angka penuh, mis. 1.200.000.000"
    )


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("1.234,5", 1234.5),
        ("1234,5", 1234.5),
        ("1234.5", 1234.5),
        ("1.234", 1234.0),
        ("0,25", 0.25),
        ("7,5 %", 7.5),
        ("(1.000)", -1000.0),
        ("-", None),
        ("", None),
        ("US$ 106.250,50", 106250.5),
        (f"{nilai.PENANDA_ANGKA}1.234", 1.234),  # an Excel number is never re-read as thousands
    ],
)
def test_decimal_numbers(teks: str, harapan: float | None) -> None:
    assert nilai.desimal(teks) == (harapan, None)


def test_whole_numbers_refuse_fractions_with_the_reason() -> None:
    assert nilai.bulat("12") == (12, None)
    assert nilai.bulat("1.234") == (1234, None)
    assert nilai.bulat("2,5") == (None, "harus bilangan bulat")
    assert "pemisah ribuan" in str(nilai.bulat("1,234")[1])


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("Ya", True),
        ("ya", True),
        ("Sudah", True),
        ("SUDAH", True),
        ("Y", True),
        ("v", True),
        ("Tidak", False),
        ("tdk", False),
        ("Belum", False),
        ("belum.", False),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_yes_no_words(teks: str | None, harapan: bool | None) -> None:
    assert nilai.ya_tidak(teks) == (harapan, None)


def test_yes_no_refuses_other_words() -> None:
    assert nilai.ya_tidak("Mungkin") == (None, "harus Ya/Tidak (atau Sudah/Belum)")


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        (f"{nilai.PENANDA_ANGKA}10792.0", "10792"),
        (f"{nilai.PENANDA_ANGKA}10792", "10792"),
        ("10792", "10792"),
        ("10792.0", "10792"),
        ("10792 - Industri kue tradisional", "10792"),
    ],
)
def test_kbli_stored_as_numbers_or_with_their_title(teks: str, harapan: str) -> None:
    assert nilai.kbli(teks) == (harapan, None)


def test_kbli_refuses_short_codes() -> None:
    assert nilai.kbli("1079") == (None, "KBLI harus 5 angka (KBLI 2020, mis. 10792)")


def test_hs_code_gets_back_the_leading_zero_excel_dropped() -> None:
    assert nilai.kode_hs(f"{nilai.PENANDA_ANGKA}3061700") == ("03061700", None)
    assert nilai.kode_hs("2701.12.10") == ("27011210", None)
    assert nilai.kode_hs("27x") == (None, "kode HS harus 2-10 angka")


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("Kab. Banjar", "6303"),
        ("BANJAR", "6303"),
        ("Kabupaten Banjar", "6303"),
        ("Tala", "6301"),
        ("Batola", "6304"),
        ("Tanbu", "6310"),
        ("HSU", "6308"),
        ("HSS", "6306"),
        ("HST", "6307"),
        ("Kota Baru", "6302"),
        ("Kotabaru", "6302"),
        ("Kab. Kota Baru", "6302"),
        ("Banjar Baru", "6372"),
        ("Kota Banjarbaru", "6372"),
        ("Kota Banjarmasin", "6371"),
        ("banjarmasin", "6371"),
        ("6310", "6310"),
        ("63.10", "6310"),
        (f"{nilai.PENANDA_ANGKA}6310.0", "6310"),
    ],
)
def test_kabupaten_aliases(teks: str, kode: str) -> None:
    assert wilayah.kabupaten(teks) == (kode, None)


def test_unknown_kabupaten_and_province_are_refused_for_the_registry() -> None:
    assert wilayah.kabupaten("Kutai Kartanegara") == (None, "kabupaten/kota tidak dikenal di Kalimantan Selatan")
    assert wilayah.kabupaten("Kalimantan Selatan") == (None, "harus kabupaten/kota, bukan provinsi")
    assert wilayah.kabupaten_atau_provinsi("Kalimantan Selatan") == (wilayah.KODE_PROVINSI, None)


def test_kabupaten_table_matches_the_committed_reference() -> None:
    ref = pl.read_csv(settings.reference_dir() / "wilayah.csv", infer_schema=False)
    assert dict(zip(ref["kode_bps"], ref["nama"], strict=True)) == wilayah.NAMA_RESMI


def test_kabupaten_named_in_a_title() -> None:
    assert wilayah.temukan_di_judul("DAFTAR IKM KABUPATEN TAPIN TAHUN 2024") == "6305"
    assert wilayah.temukan_di_judul("Data IKM Kota Banjar Baru") == "6372"
    assert wilayah.temukan_di_judul("Rekap Banjar dan Tapin") is None


def test_months_dates_and_formula_text() -> None:
    assert nilai.bulan("Januari") == (1, None)
    assert nilai.bulan("Agt") == (8, None)
    assert nilai.bulan("13")[1] is not None
    assert nilai.tanggal("15/08/2024") == (dt.date(2024, 8, 15), None)
    assert nilai.tanggal("1 Maret 2024") == (dt.date(2024, 3, 1), None)
    assert nilai.tanggal("31/02/2024") == (None, "tanggal tidak ada di kalender")
    # Formula-like text is data, kept verbatim (the exports neutralise it on the way out).
    for t in ('=HYPERLINK("http://contoh.id","klik")', "+62 Kopi Banua", "@warung.acil", "-Dodol Kandangan"):
        assert nilai.teks(t) == (t, None)
    assert nilai.id_usaha("9,12E+12")[1] is not None
    assert nilai.id_usaha(f"{nilai.PENANDA_ANGKA}9120001234567.0") == ("9120001234567", None)


def test_header_synonyms_and_units() -> None:
    ikm = jenis.IKM
    for judul, bidang in [
        ("Nama Perusahaan", "nama_usaha"),
        ("Nama Usaha", "nama_usaha"),
        ("Nama IKM", "nama_usaha"),
        ("Kab/Kota", "kode_bps"),
        ("Kabupaten/Kota", "kode_bps"),
        ("KBLI 2020", "kbli"),
        ("Investasi (Rp)", "investasi_rp"),
        ("Tenaga Kerja L", "tenaga_kerja_l"),
        ("NIB", "id"),
    ]:
        b = kolom.cocokkan(judul, ikm)
        assert b is not None and b.nama == bidang, judul
    inti, satuan = kolom.kunci_judul("Investasi (Rp juta)")
    assert inti == "investasi"
    assert kolom.faktor_satuan(ikm.bidang_nama("investasi_rp"), satuan) == 1e6
    assert kolom.faktor_satuan(jenis.EKSPOR.bidang_nama("berat_kg"), kolom.kunci_judul("Berat (ton)")[1]) == 1000


def test_synonyms_are_unique_within_each_kind() -> None:
    for j in jenis.JENIS.values():
        semua = [kolom.kunci_judul(s)[0] for b in j.bidang for s in b.sinonim]
        ganda = {s for s in semua if semua.count(s) > 1}
        assert not ganda, (j.nama, ganda)


def test_two_row_header_carries_the_merged_title() -> None:
    atas = ["No", "Nama Usaha", "Tenaga Kerja", None, None, "Investasi"]
    bawah = [None, None, "L", "P", "Jumlah", None]
    assert kolom.gabung_dua_baris(atas, bawah) == [
        "No",
        "Nama Usaha",
        "Tenaga Kerja L",
        "Tenaga Kerja P",
        "Tenaga Kerja Jumlah",
        "Investasi",
    ]


@pytest.mark.parametrize(
    "sel",
    [
        "UD Bingka Ibu Siti",
        "  UD  Bingka ",
        "UD\tBingka",
        "Kafé – Ibu’s",
        "=HYPERLINK(1)",
        "+62 811",
        "@rumus",
        "x" * 301,
        "x" * 300,
        "",
        "-",
        f"{nilai.PENANDA_ANGKA}123",
        f"{nilai.PENANDA_ANGKA}1.5",
        "UD\u00a0Bingka",
        None,
    ],
)
def test_fast_text_path_equals_the_scalar_parser(sel: str | None) -> None:
    p = nilai.pengurai_teks(300)
    nilai_v, salah_v = p.vektor(pl.Series([sel], dtype=pl.String))
    assert (nilai_v[0], salah_v[0]) == nilai.teks(sel, maks=300)


@pytest.mark.parametrize(
    "sel",
    ["9120001234567", "IKM000123", "9,12E+12", "9E12", "E12", "na", "n/a", "-", " 912 ", "=1", "x" * 41, None],
)
def test_fast_id_path_equals_the_scalar_parser(sel: str | None) -> None:
    nilai_v, salah_v = nilai.PENGURAI_ID.vektor(pl.Series([sel], dtype=pl.String))
    assert (nilai_v[0], salah_v[0]) == nilai.id_usaha(sel)


def test_passwords_hash_and_check() -> None:
    from dasbor.warehouse import akun

    hash_ = akun.buat_hash("sandi-yang-panjang")
    assert hash_.startswith("scrypt$131072$8$1$") and "sandi" not in hash_
    assert akun.cocok("sandi-yang-panjang", hash_)
    assert not akun.cocok("sandi-yang-salah", hash_)
    assert not akun.cocok("apa saja", "bukan-hash")
    assert akun.buat_hash("x") != akun.buat_hash("x")  # salted
    dibaca = akun.baca_akun({"akun": {"a": "h1"}}, "b:h2; c:h3", Path("/nonexistent/w.duckdb"))
    assert {k: (v.peran, v.hash) for k, v in dibaca.items()} == {
        "a": ("admin", "h1"),
        "b": ("admin", "h2"),
        "c": ("admin", "h3"),
    }
    assert akun.email_diizinkan({"kelola_data": {"email": ["Analis@Disperin.go.id"]}}, "analis@disperin.go.id")
    assert not akun.email_diizinkan({}, "analis@disperin.go.id")


def test_failed_logins_slow_down_but_never_lock_the_name_out() -> None:
    from dasbor.warehouse import akun

    waktu = [0.0]
    penjaga = akun.Penjaga(jam=lambda: waktu[0])
    daftar = {"a": akun.Akun("a", "admin", akun.buat_hash("benar-sekali"))}
    tunggu: list[int] = []
    for _ in range(12):  # an attacker from one address, waiting out every delay
        waktu[0] += (tunggu[-1] if tunggu else 0) + 0.5
        hasil = penjaga.masuk("a", "salah", daftar, alamat="10.0.0.66")
        assert not hasil.ok
        tunggu.append(hasil.tunggu_detik)
    assert tunggu[:2] == [0, 0] and tunggu[-1] >= 256 and tunggu == sorted(tunggu)  # growing, no fixed lock
    assert penjaga.masuk("a", "benar-sekali", daftar, alamat="10.0.0.66").tunggu_detik > 0
    waktu[0] += penjaga.maks_nama + 1  # the name's own delay stops at maks_nama (30 s) ...
    assert penjaga.masuk("a", "benar-sekali", daftar, alamat="10.0.0.5").ok  # ... so the admin gets in
    assert penjaga.masuk("a", "benar-sekali", daftar, alamat="10.0.0.66").tunggu_detik > 0  # the attacker waits
