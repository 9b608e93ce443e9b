"""The Kelola Data page under AppTest: no login no upload, wrong passwords refused and locked out, and a
logged-in analyst uploads a CSV through the real file_uploader, confirms, sees the new data, and restores."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.views import captions
from dasbor.warehouse import akun, db
from tests import impor_berkas as ib

ROOT = Path(__file__).resolve().parent.parent
SANDI = "sandi-uji-kelola-2026"
"""The test secret; its hash is put in DASBOR_AKUN (or in AppTest's secrets) by the fixtures below."""


@pytest.fixture(scope="module")
def hash_uji() -> str:
    return akun.buat_hash(SANDI)


@pytest.fixture
def halaman(salinan_gudang: Path, monkeypatch: pytest.MonkeyPatch, hash_uji: str) -> Path:
    """The page against a private warehouse copy, one local account 'analis', a fresh lockout counter."""
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(salinan_gudang))
    monkeypatch.setenv("DASBOR_AKUN", f"analis:{hash_uji}")
    monkeypatch.setattr(akun, "PENJAGA", akun.Penjaga())
    return salinan_gudang


def _buka() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "kelola_data.py"), default_timeout=60).run()


def _masuk(at: AppTest, nama: str = "analis", sandi: str = SANDI) -> AppTest:
    at.text_input(key="nama_pengguna").input(nama)
    at.text_input(key="kata_sandi").input(sandi)
    return at.button[0].click().run()


def _jumlah_ikm(w: Path) -> int:
    con = db.connect(w, read_only=True)
    try:
        with con.cursor() as cur:
            rows = cur.sql("select count(*) from ikm").fetchall()
    finally:
        con.close()
    return int(rows[0][0])


def test_anonymous_user_sees_only_the_login(halaman: Path) -> None:
    at = _buka()
    assert not at.exception, at.exception
    assert any(captions.TEKS_CONTOH in w.value for w in at.warning)
    assert at.title[0].value == "Kelola Data"
    assert [i.value for i in at.info] == ["Halaman ini memerlukan login."]
    assert len(at.file_uploader) == 0 and len(at.tabs) == 0


def test_wrong_password_is_refused_then_slowed_down(halaman: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "PENJAGA", akun.Penjaga(jam=lambda: 1000.0))  # a stopped clock: no timing in tests
    at = _buka()
    at = _masuk(at, sandi="salah")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert len(at.file_uploader) == 0
    for _ in range(2):
        at = _masuk(at, sandi="salah lagi")
    assert "Tunggu 1 detik sebelum mencoba lagi" in at.error[0].value  # growing delays, no fixed lock
    at = _masuk(at)  # the right password is refused while the delay runs
    assert "tunggu" in at.error[0].value and "coba lagi" in at.error[0].value
    assert len(at.file_uploader) == 0


def test_no_account_configured_says_how_to_add_one(halaman: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASBOR_AKUN")
    at = _buka()
    assert "python -m dasbor.akun tambah NAMA --peran admin" in at.warning[-1].value
    assert len(at.text_input) == 0


def test_account_from_secrets(halaman: Path, monkeypatch: pytest.MonkeyPatch, hash_uji: str) -> None:
    monkeypatch.delenv("DASBOR_AKUN")
    at = AppTest.from_file(str(ROOT / "pages" / "kelola_data.py"), default_timeout=60)
    at.secrets["akun"] = {"budi": hash_uji}
    at = _masuk(at.run(), nama="budi")
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs] == ["Impor berkas", "Log impor dan Kembalikan", "Templat"]


def test_upload_confirm_see_new_data_then_restore(halaman: Path) -> None:
    w = halaman
    n_contoh = _jumlah_ikm(w)
    at = _masuk(_buka())
    assert not at.exception, at.exception
    data = ib.csv_ikm(ib.firma(9, seed=31))
    at.file_uploader[0].set_value(("ikm_2025.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("**ikm_2025.csv** siap diimpor sebagai Registri IKM (ikm): 9 baris")
    assert at.dataframe, "preview missing"
    at.button(key="konfirmasi").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Berhasil: Registri IKM: 9 baris")
    assert _jumlah_ikm(w) == 9
    banner = next(x.value for x in at.warning if captions.TEKS_CONTOH in x.value)
    tabel = banner.split("(tabel: ")[1]
    assert "ikm" not in tabel.split(", ") and "ekspor" in tabel
    at.checkbox(key="yakin_kembalikan").check().run()
    at.button(key="kembalikan").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Gudang data dikembalikan ke keadaan sebelum impor ikm_2025.csv")
    assert _jumlah_ikm(w) == n_contoh


def test_bad_upload_lists_problems_and_offers_the_report(halaman: Path) -> None:
    at = _masuk(_buka())
    data = b"Nama Usaha;Kab/Kota;TK L;TK P;Tahun\nUD A;Tapin;1;2;2025\nUD B;Kutai;1;2;2025\n"
    at.file_uploader[0].set_value(("daftar.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert at.error[0].value.startswith("**daftar.csv** ditolak: 1 masalah di 1 dari 2 baris.")
    masalah = next(d.value for d in at.dataframe if "Nilai" in d.value.columns)
    assert str(masalah.iloc[0]["Baris"]) == "3" and masalah.iloc[0]["Nilai"] == "Kutai"
    assert len(at.get("download_button")) >= 2
    assert not [b for b in at.button if b.key == "konfirmasi"]
    at.checkbox(key="sebagian").check().run()
    assert at.warning[-1].value.startswith("**daftar.csv**: 1 baris sah akan diimpor")
    assert [b for b in at.button if b.key == "konfirmasi"]


AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "uji",
    "client_id": "uji",
    "client_secret": "uji",
    "server_metadata_url": "http://localhost/.well-known/openid-configuration",
}


@pytest.mark.parametrize(
    ("pengguna", "boleh"),
    [
        ({"is_logged_in": True, "email": "analis@disperin.go.id"}, True),
        ({"is_logged_in": True, "email": "orang@lain.id"}, False),
        ({"is_logged_in": False}, False),
    ],
    ids=["terdaftar", "tidak-terdaftar", "belum-masuk"],
)
def test_single_sign_on_allows_only_listed_emails(
    halaman: Path, monkeypatch: pytest.MonkeyPatch, pengguna: dict[str, object], boleh: bool
) -> None:
    """st.login itself needs the identity provider; here AppTest seeds st.user as if it had answered."""
    monkeypatch.delenv("DASBOR_AKUN")
    at = AppTest.from_file(str(ROOT / "pages" / "kelola_data.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["kelola_data"] = {"email": ["analis@disperin.go.id"]}
    at.user = pengguna
    at.run()
    assert not at.exception, at.exception
    assert (len(at.tabs) == 3) is boleh
    if not pengguna["is_logged_in"]:
        assert [b.label for b in at.button] == ["Masuk dengan akun kantor"]
        assert len(at.text_input) == 0
