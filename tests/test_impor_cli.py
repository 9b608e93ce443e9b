"""``python -m dasbor.impor``: exit 0 imported, 1 rejected (report printed, warehouse byte-identical), 2 usage
error; every bad case prints the line that names its place."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from dasbor.impor import main
from dasbor.warehouse.impor import jenis
from tests import impor_berkas as ib

ROOT = Path(__file__).resolve().parent.parent
KEPALA = "NIB;Nama Usaha;Kab/Kota;TK L;TK P;Tahun Data"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jalankan(tmp_path: Path, w: Path, nama: str, data: bytes, *opsi: str) -> int:
    berkas = tmp_path / nama
    berkas.write_bytes(data)
    return main([str(berkas), "--gudang", str(w), "--oleh", "penguji", *opsi])


def _potong(data: bytes) -> bytes:
    return data[: len(data) // 2]


KASUS_BURUK: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("kosong", "ikm.csv", lambda: b"", "ikm.csv: berkas kosong (0 byte)"),
    (
        "judul-saja",
        "ikm.csv",
        lambda: f"{KEPALA}\n".encode(),
        "ikm.csv: hanya berisi judul kolom (baris 1), tanpa baris data",
    ),
    (
        "kolom-salah",
        "ikm.csv",
        lambda: b"Barang;Harga;Stok\nKue;5000;10\n",
        "ikm.csv: judul kolom tidak dikenali sebagai Registri IKM. Baris 1 berisi: 'Barang', 'Harga', 'Stok'. "
        "Kolom yang diharapkan: Tahun Data, Nama Usaha, Kabupaten/Kota (wajib);",
    ),
    (
        "kabupaten-tak-dikenal",
        "ikm.csv",
        lambda: f"{KEPALA}\n1;UD A;Tapin;1;2;2025\n2;UD B;Kutai;1;2;2025\n".encode(),
        "ikm.csv, baris 3, kolom Kab/Kota (kolom C): nilai 'Kutai': kabupaten/kota tidak dikenal di Kalimantan Selatan",
    ),
    (
        "negatif",
        "ikm.csv",
        lambda: f"{KEPALA}\n1;UD A;Tapin;-1;2;2025\n".encode(),
        "ikm.csv, baris 2, kolom TK L (kolom D): nilai '-1': tidak boleh negatif",
    ),
    (
        "tahun-masa-depan",
        "ikm.csv",
        lambda: f"{KEPALA}\n1;UD A;Tapin;1;2;{ib.tahun_depan()}\n".encode(),
        f"ikm.csv, baris 2, kolom Tahun Data (kolom F): nilai '{ib.tahun_depan()}': tahun data di masa depan",
    ),
    (
        "perempuan-lebih-dari-jumlah",
        "ikm.xlsx",
        lambda: ib.xlsx_baris(
            [["Nama Usaha", "Kabupaten/Kota", "TK P", "Jumlah TK", "Tahun"], ["UD A", "Batola", 7, 4, 2025]]
        ),
        "ikm.xlsx, lembar 'Data', baris 2, kolom TK P (kolom C): nilai '7': tenaga kerja perempuan (7) lebih banyak "
        "dari jumlah tenaga kerja (4)",
    ),
    (
        "id-ganda",
        "ikm.csv",
        lambda: f"{KEPALA}\n77;UD A;Tapin;1;2;2025\n77;UD B;HSU;1;2;2025\n".encode(),
        "ikm.csv, baris 3, kolom NIB (kolom A): nilai '77': baris ganda (Tahun Data, NIB / ID IKM): sama dengan "
        "baris 2",
    ),
    (
        "xlsx-terpotong",
        "ikm.xlsx",
        lambda: _potong(ib.xlsx_ikm_berantakan({"Tapin": ib.firma(40, kab=("6305",))})),
        "ikm.xlsx: arsip rusak atau terpotong (bukan zip/XLSX yang utuh)",
    ),
    (
        "pdf-bernama-xlsx",
        "ikm.xlsx",
        lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n",
        "ikm.xlsx: berkas ini PDF (diberi nama .xlsx), bukan XLSX atau CSV",
    ),
    (
        "kolom-bergeser",
        "ikm.csv",
        lambda: f"{KEPALA}\n1;UD A;Tapin;1;2;2025\n2;UD B;Tapin;Rantau;1;2;2025\n".encode(),
        "ikm.csv, baris 3, kolom (tanpa judul) (kolom G): nilai '2025': nilai di kolom G yang tidak berjudul: "
        "kolom bergeser?",
    ),
]


@pytest.mark.parametrize(("nama", "buat", "baris"), [k[1:] for k in KASUS_BURUK], ids=[k[0] for k in KASUS_BURUK])
def test_bad_file_exit_1_prints_its_place_and_keeps_the_warehouse_byte_identical(
    salinan_gudang: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    nama: str,
    buat: Callable[[], bytes],
    baris: str,
) -> None:
    sebelum = _sha(salinan_gudang)
    assert _jalankan(tmp_path, salinan_gudang, nama, buat(), "--jenis", "ikm") == 1
    keluar = capsys.readouterr().out
    assert baris in keluar
    assert "Berkas DITOLAK; gudang data tidak diubah." in keluar
    assert _sha(salinan_gudang) == sebelum


def test_the_web_size_limit_does_not_apply_on_the_command_line(
    salinan_gudang: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_IMPOR_MAKS_MB", "0.01")
    args = ("--jenis", "ikm", "--periksa")
    assert _jalankan(tmp_path, salinan_gudang, "ikm.csv", ib.csv_ikm(ib.firma(200)), *args) == 0
    assert "200 baris siap diimpor" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("nama", "buat", "jenis_", "catatan"),
    [
        (
            "ikm.csv",
            lambda: ib.csv_ikm(ib.firma(5)).decode().replace("UD Contoh 1-0", "Kafé Ibu’s").encode("cp1252"),
            "ikm",
            "Catatan: Berkas disandikan Windows-1252 (bukan UTF-8)",
        ),
        ("ekspor.csv", lambda: ib.csv_ekspor_bps()[0], "ekspor", "Catatan: CSV UTF-8, pemisah titik koma (;)."),
        (
            "ikm_kab.xlsx",
            lambda: ib.xlsx_ikm_berantakan({"Kota Baru": ib.firma(4, kab=("6302",))}),
            "ikm",
            "Catatan: Lembar 'Kota Baru': baris jumlah/total dilewati (baris 12).",
        ),
    ],
    ids=["windows-1252", "titik-koma-desimal-koma", "judul-dua-baris-dan-jumlah"],
)
def test_messy_but_valid_files_import_with_exit_0(
    salinan_gudang: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    nama: str,
    buat: Callable[[], bytes],
    jenis_: str,
    catatan: str,
) -> None:
    assert _jalankan(tmp_path, salinan_gudang, nama, buat(), "--jenis", jenis_) == 0
    keluar = capsys.readouterr().out
    assert catatan in keluar
    assert "Diimpor dalam" in keluar


def test_periksa_only_checks(salinan_gudang: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = _sha(salinan_gudang)
    assert _jalankan(tmp_path, salinan_gudang, "ikm.csv", ib.csv_ikm(ib.firma(5)), "--periksa") == 0
    assert "5 baris siap diimpor" in capsys.readouterr().out
    assert _sha(salinan_gudang) == sebelum


def test_terima_sebagian_imports_the_valid_rows(
    salinan_gudang: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = f"{KEPALA}\n1;UD A;Tapin;1;2;2025\n2;UD B;Kutai;1;2;2025\n".encode()
    laporan = tmp_path / "laporan.csv"
    assert _jalankan(tmp_path, salinan_gudang, "ikm.csv", data, "--terima-sebagian", "--laporan", str(laporan)) == 0
    keluar = capsys.readouterr().out
    assert "Status: diimpor sebagian" in keluar and "1 baris ditolak (terima sebagian)" in keluar
    assert "ikm.csv,-,3,Kab/Kota (kolom C),Kutai," in laporan.read_text(encoding="utf-8-sig")


def test_kembalikan(salinan_gudang: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kembalikan", "--gudang", str(salinan_gudang)]) == 1
    assert "Belum ada versi sebelumnya" in capsys.readouterr().err
    sebelum = _sha(salinan_gudang)
    assert _jalankan(tmp_path, salinan_gudang, "ikm.csv", ib.csv_ikm(ib.firma(5)), "--jenis", "ikm") == 0
    assert _sha(salinan_gudang) != sebelum
    assert main(["--kembalikan", "--gudang", str(salinan_gudang)]) == 0
    assert "dikembalikan ke keadaan sebelum impor ikm.csv" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "tidak-ada.csv"), "--jenis", "ikm"]) == 2
    assert "Berkas tidak ditemukan" in capsys.readouterr().err
    for argv in (["x.csv", "--jenis", "penjualan"], [], ["--templat", "ikm"]):
        with pytest.raises(SystemExit) as keluar:
            main(argv)
        assert keluar.value.code == 2


def test_exit_codes_of_the_real_command(salinan_gudang: Path, tmp_path: Path) -> None:
    buruk = tmp_path / "ikm.csv"
    buruk.write_bytes(b"")
    perintah = [sys.executable, "-m", "dasbor.impor", "--gudang", str(salinan_gudang)]
    assert subprocess.run([*perintah, str(buruk)], cwd=ROOT, capture_output=True, check=False).returncode == 1
    assert subprocess.run([*perintah, "--jenis", "x"], cwd=ROOT, capture_output=True, check=False).returncode == 2


def test_templates_have_the_headers_and_a_data_dictionary(tmp_path: Path) -> None:
    for nama, j in jenis.JENIS.items():
        keluar = tmp_path / f"{nama}.xlsx"
        assert main(["--templat", nama, "--out", str(keluar)]) == 0
        buku = openpyxl.load_workbook(io.BytesIO(keluar.read_bytes()))
        assert buku.sheetnames == ["Data", "Kamus Data"]
        assert [c.value for c in buku["Data"][1]] == [b.label for b in j.bidang if b.nama != "no"]
        kamus = [r[0] for r in buku["Kamus Data"].iter_rows(values_only=True)]
        assert all(b.label in kamus for b in j.bidang)
