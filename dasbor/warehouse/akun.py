"""Accounts: password hashes, roles, the accounts file, and login delays that cannot lock anyone out.

Hashes are scrypt from Python's standard library (``hashlib.scrypt``, OpenSSL underneath) at OWASP's current
strength, N=2^17, r=8, p=1 (128 MiB and about 0.3 s per check here), stored as ``scrypt$n$r$p$salt$hash`` with
URL-safe base64; older hashes with a smaller N still verify. No password is ever stored.

Where accounts live:

* the accounts file ``akun.json`` in the data folder beside the warehouse (name, role, kabupaten for an
  operator, hash), written under a lock with an atomic replace by ``python -m dasbor.akun tambah|hapus`` or by
  an admin on Kelola Data;
* ``[akun]`` in ``.streamlit/secrets.toml`` (``nama = "scrypt$..."``) and ``DASBOR_AKUN``
  (``nama:scrypt$...;nama2:...``): the server's own admin accounts, kept for offices that set them up before the
  accounts file existed. The file wins for a name in both.

Login delays (:class:`Penjaga`): every failure makes the next attempt from the same client address, and for the
same name, wait longer (1, 2, 4 ... seconds after the third failure). Per address the wait grows to 15 minutes;
per name it stops at :attr:`Penjaga.maks_nama` (30 s), so someone typing wrong passwords for "admin" slows the
guessing but never keeps the real admin out for more than half a minute. Nothing is a fixed lock.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from dasbor.warehouse import audit, berkas, settings
from dasbor.warehouse.peran import LABEL_PERAN, PERAN, Pengguna, wajib

N, R, P = 2**17, 8, 1
"""scrypt cost (OWASP password storage cheat sheet, 2026: N=2^17, r=8, p=1)."""

_MAKSMEM = 256 * 1024 * 1024
"""``hashlib.scrypt`` refuses above 32 MiB by default; N=2^17, r=8 needs 128 MiB."""

NAMA_BERKAS = "akun.json"
POLA_NAMA = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
"""Account names: lower-case letters, digits, dot, underscore, hyphen; 2 to 40 characters."""

SANDI_MIN = 10


class AkunSalah(ValueError):  # noqa: N818 - Indonesian domain name, like the rest
    """A name, role, kabupaten or password that cannot be used; the message is for the user."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(teks: str) -> bytes:
    return base64.urlsafe_b64decode(teks + "=" * (-len(teks) % 4))


def buat_hash(sandi: str, *, garam: bytes | None = None) -> str:
    """The stored form of a password."""
    garam = garam or secrets.token_bytes(16)
    kunci = hashlib.scrypt(sandi.encode("utf-8"), salt=garam, n=N, r=R, p=P, dklen=32, maxmem=_MAKSMEM)
    return f"scrypt${N}${R}${P}${_b64(garam)}${_b64(kunci)}"


def cocok(sandi: str, tersimpan: str) -> bool:
    """Whether ``sandi`` is the password behind ``tersimpan`` (constant-time comparison); a malformed stored
    value never matches."""
    try:
        algo, n, r, p, garam, kunci = tersimpan.split("$")
        if algo != "scrypt" or int(n) > 2**20:
            return False
        hitung = hashlib.scrypt(
            sandi.encode("utf-8"),
            salt=_unb64(garam),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(_unb64(kunci)),
            maxmem=_MAKSMEM * 4,
        )
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(hitung, _unb64(kunci))


@dataclass(frozen=True)
class Akun:
    """One account: name, role, kabupaten (operators only), stored hash, and where it comes from."""

    nama: str
    peran: str
    hash: str
    kab: str | None = None
    dibuat_pada: str = ""
    sumber: str = "berkas"
    """"berkas" (the accounts file), "rahasia" (secrets.toml) or "env" (DASBOR_AKUN)."""

    @property
    def pengguna(self) -> Pengguna:
        return Pengguna(self.nama, self.peran, self.kab)


def path_akun(warehouse: Path | None = None) -> Path:
    """``akun.json`` in the data folder, beside the warehouse."""
    return (warehouse or settings.warehouse_path()).parent / NAMA_BERKAS


def baca_berkas(warehouse: Path | None = None) -> list[Akun]:
    """Accounts of the accounts file (an unreadable file counts as none, never as a traceback).

    A signed-in session re-checks its account at every action, about ten times per page run, so the parsed file
    is kept per version of the file: its inode, size and modification time. Every write replaces the file
    (:func:`berkas.tulis_atomik`), so a new inode makes the next read see a removed or demoted account."""
    path = path_akun(warehouse)
    try:
        info = path.stat()
    except OSError:
        return []
    return list(_baca_versi(str(path), info.st_ino, info.st_size, info.st_mtime_ns))


@lru_cache(maxsize=16)
def _baca_versi(path: str, inode: int, ukuran: int, mtime_ns: int) -> tuple[Akun, ...]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    daftar = raw.get("akun", []) if isinstance(raw, dict) else []
    return tuple(
        Akun(str(a["nama"]), str(a["peran"]), str(a["hash"]), a.get("kab"), str(a.get("dibuat_pada", "")))
        for a in daftar
        if isinstance(a, dict) and a.get("peran") in PERAN and a.get("nama") and a.get("hash")
    )


def baca_akun(rahasia: Mapping[str, object], env: str, warehouse: Path | None = None) -> dict[str, Akun]:
    """Every account by name: the ``[akun]`` secrets table and ``DASBOR_AKUN`` (admins), then the accounts file."""
    akun: dict[str, Akun] = {}
    tabel = rahasia.get("akun")
    if isinstance(tabel, Mapping):
        akun.update({str(k): Akun(str(k), "admin", str(v), sumber="rahasia") for k, v in tabel.items()})
    for bagian in env.split(";"):
        nama, _, hash_ = bagian.strip().partition(":")
        if nama.strip() and hash_.strip():
            akun[nama.strip()] = Akun(nama.strip(), "admin", hash_.strip(), sumber="env")
    akun.update({a.nama: a for a in baca_berkas(warehouse)})
    return akun


def email_diizinkan(rahasia: Mapping[str, object], email: str) -> bool:
    """Whether a single-sign-on user may manage data: listed in ``[kelola_data] email`` (an office account alone
    is not enough; anyone in the organisation's directory could sign in)."""
    bagian = rahasia.get("kelola_data")
    daftar = bagian.get("email", []) if isinstance(bagian, Mapping) else []
    return bool(email) and email.strip().lower() in {str(e).strip().lower() for e in daftar}


def _periksa(nama: str, peran: str, kab: str | None) -> None:
    if not POLA_NAMA.fullmatch(nama):
        raise AkunSalah(
            f"Nama pengguna {nama!r} tidak sah: 2-40 huruf kecil, angka, titik, garis bawah atau tanda hubung."
        )
    if peran not in PERAN:
        raise AkunSalah(f"Peran {peran!r} tidak dikenal; pilih {', '.join(PERAN)}.")
    if peran == "operator":
        if not kab or not re.fullmatch(r"63(0[1-9]|1[01]|7[12])", kab):
            raise AkunSalah("Operator memerlukan --kab, kode BPS kabupaten/kota (6301-6311, 6371, 6372).")
    elif kab:
        raise AkunSalah(f"Hanya operator yang terikat ke kabupaten; peran {peran} tanpa --kab.")


def _tulis(daftar: list[Akun], warehouse: Path | None) -> None:
    isi = {"akun": [{k: v for k, v in asdict(a).items() if k != "sumber"} for a in daftar]}
    berkas.tulis_atomik(
        path_akun(warehouse), json.dumps(isi, ensure_ascii=False, indent=2), yang_aman="akun tidak diubah"
    )
    path_akun(warehouse).chmod(0o600)


def tambah(
    nama: str,
    peran: str,
    sandi: str,
    *,
    kab: str | None = None,
    oleh: Pengguna | None,
    warehouse: Path | None = None,
) -> Akun:
    """Add an account, or change the role/password of an existing one (admin only)."""
    siapa = wajib(oleh, tindakan="Mengelola akun")
    nama = nama.strip()
    _periksa(nama, peran, kab)
    if len(sandi) < SANDI_MIN:
        raise AkunSalah(f"Kata sandi minimal {SANDI_MIN} karakter.")
    baru = Akun(nama, peran, buat_hash(sandi), kab, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    with berkas.kunci(path_akun(warehouse)):
        daftar = baca_berkas(warehouse)
        lama = next((a for a in daftar if a.nama == nama), None)
        _tulis([a for a in daftar if a.nama != nama] + [baru], warehouse)
    audit.catat(
        siapa,
        "akun.ubah" if lama else "akun.tambah",
        nama,
        sebelum={"peran": lama.peran, "kab": lama.kab} if lama else None,
        sesudah={"peran": peran, "kab": kab},
        warehouse=warehouse,
    )
    return baru


def hapus(nama: str, *, oleh: Pengguna | None, warehouse: Path | None = None) -> Akun:
    """Remove an account of the accounts file (admin only); its open sessions end at their next action."""
    siapa = wajib(oleh, tindakan="Mengelola akun")
    with berkas.kunci(path_akun(warehouse)):
        daftar = baca_berkas(warehouse)
        lama = next((a for a in daftar if a.nama == nama.strip()), None)
        if lama is None:
            raise AkunSalah(f"Akun {nama!r} tidak ada di berkas akun ({path_akun(warehouse)}).")
        _tulis([a for a in daftar if a.nama != lama.nama], warehouse)
    audit.catat(siapa, "akun.hapus", lama.nama, sebelum={"peran": lama.peran, "kab": lama.kab}, warehouse=warehouse)
    return lama


def label_akun(a: Akun) -> str:
    """``Operator kabupaten (6303)``: how a role is named to people."""
    return LABEL_PERAN.get(a.peran, a.peran) + (f" ({a.kab})" if a.kab else "")


# --- login delays ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HasilMasuk:
    """Outcome of a login attempt: the account, or why not (wrong, or wait so many seconds)."""

    ok: bool
    pesan: str = ""
    tunggu_detik: int = 0
    akun: Akun | None = None


def _tunda(gagal: int, bebas: int, maks: float) -> float:
    """Seconds to wait after ``gagal`` failures: none for the first ``bebas``, then 1, 2, 4 ... up to ``maks``."""
    return 0.0 if gagal < bebas else min(maks, 2.0 ** (gagal - bebas))


@dataclass
class Penjaga:
    """Failed-login delays per client address and per name, in the server process (shared by every browser
    session, so a new tab resets nothing); thread-safe (Streamlit sessions are threads)."""

    bebas: int = 3
    maks_alamat: float = 900.0
    maks_nama: float = 30.0
    lupa: float = 3600.0
    """Failures older than this are forgotten."""
    jam: Callable[[], float] = time.monotonic
    _gagal: dict[str, list[float]] = field(default_factory=dict)
    _kunci: threading.Lock = field(default_factory=threading.Lock)

    def _sampai(self, kunci: str, maks: float) -> float:
        gagal = self._gagal.get(kunci, [])
        return gagal[-1] + _tunda(len(gagal), self.bebas, maks) if gagal else 0.0

    def masuk(self, nama: str, sandi: str, akun: Mapping[str, Akun], *, alamat: str = "") -> HasilMasuk:
        """Check a login; unknown names cost the same scrypt work as known ones (no timing hint)."""
        nama = nama.strip()
        k_alamat, k_nama = f"alamat:{alamat}", f"nama:{nama.lower()}"
        sekarang = self.jam()
        with self._kunci:
            for k in list(self._gagal):
                self._gagal[k] = [t for t in self._gagal[k] if sekarang - t < self.lupa]
                if not self._gagal[k]:
                    del self._gagal[k]
            sampai = max(self._sampai(k_alamat, self.maks_alamat), self._sampai(k_nama, self.maks_nama))
            if sampai > sekarang:
                sisa = int(sampai - sekarang) + 1
                return HasilMasuk(False, f"Terlalu banyak percobaan gagal: tunggu {sisa} detik, lalu coba lagi.", sisa)
        tersimpan = akun.get(nama)
        if tersimpan is not None:
            benar = cocok(sandi, tersimpan.hash)
        else:
            cocok(sandi, _hash_palsu())  # same work as a known name: response time tells nothing
            benar = False
        with self._kunci:
            if benar:
                self._gagal.pop(k_alamat, None)
                return HasilMasuk(True, akun=tersimpan)
            for k in (k_alamat, k_nama):
                self._gagal.setdefault(k, []).append(sekarang)
            tunggu = int(max(self._sampai(k_alamat, self.maks_alamat), self._sampai(k_nama, self.maks_nama)) - sekarang)
        lanjut = f" Tunggu {tunggu} detik sebelum mencoba lagi." if tunggu > 0 else ""
        return HasilMasuk(False, "Nama pengguna atau kata sandi salah." + lanjut, max(0, tunggu))


@cache
def _hash_palsu() -> str:
    return buat_hash("tidak-dipakai", garam=b"\x00" * 16)


PENJAGA = Penjaga()
"""The server-wide login delays used by the pages."""
