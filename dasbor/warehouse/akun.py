"""Local accounts of the Kelola Data page: password hashes, checking, and a lockout after failures.

Hashes are scrypt from Python's standard library (``hashlib.scrypt``, OpenSSL underneath; memory-hard, so a
stolen secrets file is expensive to brute-force), stored as ``scrypt$n$r$p$salt$hash`` with URL-safe base64.
Accounts come from ``[akun]`` in ``.streamlit/secrets.toml`` (``nama = "scrypt$..."``) and/or the
``DASBOR_AKUN`` environment variable (``nama:scrypt$...;nama2:scrypt$...``). No password is ever stored.

Add a user: ``python -m dasbor.akun NAMA`` asks for the password twice and prints the line to paste.

The lockout counts failures per user name in the server process (shared by every browser session, so a new
tab does not reset it): after :attr:`Penjaga.maks` failures within :attr:`Penjaga.jendela` seconds the name
is locked for :attr:`Penjaga.lama` seconds, even for the right password.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import hashlib
import hmac
import secrets
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

N, R, P = 2**14, 8, 1
"""scrypt cost: 16 MiB of memory and about 50 ms per check on this machine."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(teks: str) -> bytes:
    return base64.urlsafe_b64decode(teks + "=" * (-len(teks) % 4))


def buat_hash(sandi: str, *, garam: bytes | None = None) -> str:
    """The stored form of a password."""
    garam = garam or secrets.token_bytes(16)
    kunci = hashlib.scrypt(sandi.encode("utf-8"), salt=garam, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(garam)}${_b64(kunci)}"


def cocok(sandi: str, tersimpan: str) -> bool:
    """Whether ``sandi`` is the password behind ``tersimpan`` (constant-time comparison); a malformed stored
    value never matches."""
    try:
        algo, n, r, p, garam, kunci = tersimpan.split("$")
        if algo != "scrypt":
            return False
        hitung = hashlib.scrypt(
            sandi.encode("utf-8"), salt=_unb64(garam), n=int(n), r=int(r), p=int(p), dklen=len(_unb64(kunci))
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(hitung, _unb64(kunci))


def baca_akun(rahasia: Mapping[str, object], env: str) -> dict[str, str]:
    """User name -> stored hash, from the ``[akun]`` secrets table and the ``DASBOR_AKUN`` value."""
    akun: dict[str, str] = {}
    tabel = rahasia.get("akun")
    if isinstance(tabel, Mapping):
        akun.update({str(k): str(v) for k, v in tabel.items()})
    for bagian in env.split(";"):
        nama, _, hash_ = bagian.strip().partition(":")
        if nama and hash_:
            akun[nama.strip()] = hash_.strip()
    return akun


def email_diizinkan(rahasia: Mapping[str, object], email: str) -> bool:
    """Whether a single-sign-on user may import: listed in ``[kelola_data] email`` (an office account alone
    is not enough; anyone in the organisation's directory could sign in)."""
    bagian = rahasia.get("kelola_data")
    daftar = bagian.get("email", []) if isinstance(bagian, Mapping) else []
    return bool(email) and email.strip().lower() in {str(e).strip().lower() for e in daftar}


@dataclass(frozen=True)
class HasilMasuk:
    """Outcome of a login attempt: ok, or why not (wrong, locked with seconds left)."""

    ok: bool
    pesan: str = ""
    terkunci_detik: int = 0


@dataclass
class Penjaga:
    """Failed-login counter with lockout, per user name, thread-safe (Streamlit sessions are threads)."""

    maks: int = 5
    jendela: float = 900.0
    lama: float = 900.0
    jam: Callable[[], float] = time.monotonic
    _gagal: dict[str, list[float]] = field(default_factory=dict)
    _terkunci: dict[str, float] = field(default_factory=dict)
    _kunci: threading.Lock = field(default_factory=threading.Lock)

    def masuk(self, nama: str, sandi: str, akun: Mapping[str, str]) -> HasilMasuk:
        """Check a login; unknown names cost the same scrypt work as known ones (no timing hint)."""
        nama = nama.strip()
        sekarang = self.jam()
        with self._kunci:
            sampai = self._terkunci.get(nama, 0.0)
            if sampai > sekarang:
                sisa = int(sampai - sekarang) + 1
                return HasilMasuk(False, f"Terlalu banyak percobaan gagal: coba lagi dalam {sisa} detik.", sisa)
        tersimpan = akun.get(nama)
        if tersimpan:
            benar = cocok(sandi, tersimpan)
        else:
            cocok(sandi, _HASH_PALSU)  # same work as a known name: response time tells nothing
            benar = False
        with self._kunci:
            if benar:
                self._gagal.pop(nama, None)
                return HasilMasuk(True)
            gagal = [t for t in self._gagal.get(nama, []) if sekarang - t < self.jendela] + [sekarang]
            self._gagal[nama] = gagal
            if len(gagal) >= self.maks:
                self._terkunci[nama] = sekarang + self.lama
                self._gagal.pop(nama, None)
                return HasilMasuk(
                    False, f"Terlalu banyak percobaan gagal: akun dikunci {int(self.lama // 60)} menit.", int(self.lama)
                )
        return HasilMasuk(False, "Nama pengguna atau kata sandi salah.")


_HASH_PALSU = buat_hash("tidak-dipakai", garam=b"\x00" * 16)
PENJAGA = Penjaga()
"""The server-wide lockout used by the page."""


def main(argv: list[str] | None = None) -> int:
    """``python -m dasbor.akun NAMA``: ask a password, print the lines to paste."""
    parser = argparse.ArgumentParser(
        prog="python -m dasbor.akun", description="Buat hash kata sandi untuk akun halaman Kelola Data."
    )
    parser.add_argument("nama", help="nama pengguna (huruf, angka, titik, garis bawah)")
    args = parser.parse_args(argv)
    sandi = getpass.getpass("Kata sandi baru: ")
    if len(sandi) < 10:
        print("Kata sandi minimal 10 karakter.", file=sys.stderr)
        return 2
    if getpass.getpass("Ulangi kata sandi: ") != sandi:
        print("Kata sandi tidak sama.", file=sys.stderr)
        return 2
    hash_ = buat_hash(sandi)
    print("Tambahkan ke .streamlit/secrets.toml di bagian [akun]:")
    print(f'{args.nama} = "{hash_}"')
    print("atau ke variabel lingkungan DASBOR_AKUN (pisahkan akun dengan ;):")
    print(f"{args.nama}:{hash_}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
