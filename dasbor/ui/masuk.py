"""Signing in: who the current session is, the login form, the sign-in hint, and the sign-out button.

Pages call :func:`pengguna` to decide which controls to show and pass the result to the functions that write
(which check the role themselves, :mod:`dasbor.warehouse.peran`). :func:`gerbang` draws the login and stops a page
that is only for named accounts; :func:`ajakan_masuk` is the small "masuk untuk mengubah" hint with a login form
that does not stop the page (anonymous visitors read everything). Accounts: the accounts file in the data folder,
``[akun]`` in ``.streamlit/secrets.toml`` or ``DASBOR_AKUN`` (:mod:`dasbor.warehouse.akun`), or the office's single
sign-on when ``[auth]`` is configured (listed e-mails, admin).

The session is checked again at every action (every rerun): an account that was removed, or whose role or
kabupaten changed, loses its session there; so does one idle for longer than ``DASBOR_SESI_MENIT``.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from dasbor.warehouse import akun, settings
from dasbor.warehouse.peran import LABEL_PERAN, Pengguna

_KUNCI = "pengguna"
"""Session-state key of the signed-in :class:`Pengguna`."""
_AKTIF = "_pengguna_aktif"
"""Session-state key of the time (epoch seconds) of the session's last action."""
_PESAN = "_pengguna_pesan"


def _rahasia() -> dict[str, Any]:
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:
        return {}


def _sso_aktif() -> bool:
    return "auth" in _rahasia() and bool(getattr(st.user, "is_logged_in", False))


def _akun_lokal() -> dict[str, akun.Akun]:
    return akun.baca_akun(_rahasia(), settings.akun_env(), settings.warehouse_path())


def _akhiri(pesan: str) -> None:
    st.session_state.pop(_KUNCI, None)
    st.session_state.pop(_AKTIF, None)
    st.session_state[_PESAN] = pesan


def pengguna() -> Pengguna | None:
    """The signed-in account of this session (checked again now), or None for an anonymous visitor."""
    tersimpan = st.session_state.get(_KUNCI)
    if isinstance(tersimpan, Pengguna):
        sekarang = time.time()
        terakhir = float(st.session_state.get(_AKTIF, sekarang))
        if sekarang - terakhir > settings.sesi_menit() * 60:
            _akhiri(f"Sesi berakhir karena tidak ada aktivitas selama {settings.sesi_menit()} menit; masuk lagi.")
            return None
        kini = _akun_lokal().get(tersimpan.nama)
        if kini is None or kini.pengguna != tersimpan:
            _akhiri("Akun Anda dihapus atau perannya diubah oleh admin; sesi diakhiri. Masuk lagi bila masih berhak.")
            return None
        st.session_state[_AKTIF] = sekarang
        return tersimpan
    if _sso_aktif():
        email = str(st.user.get("email", ""))
        if akun.email_diizinkan(_rahasia(), email):
            return Pengguna(email, "admin")
    return None


def _alamat() -> str:
    try:
        return str(st.context.ip_address or "")
    except Exception:  # noqa: BLE001 - no request context (AppTest): one shared address
        return ""


def _formulir(kunci: str, awalan: str = "") -> None:
    """The name/password form (widget keys ``<awalan>nama_pengguna``, ``<awalan>kata_sandi``); on success the
    session is signed in and the page reruns."""
    with st.form(kunci):
        nama = st.text_input("Nama pengguna", key=f"{awalan}nama_pengguna")
        sandi = st.text_input("Kata sandi", type="password", key=f"{awalan}kata_sandi")
        kirim = st.form_submit_button("Masuk", type="primary")
    if kirim:
        hasil = akun.PENJAGA.masuk(nama, sandi, _akun_lokal(), alamat=_alamat())
        if hasil.ok and hasil.akun is not None:
            st.session_state[_KUNCI] = hasil.akun.pengguna
            st.session_state[_AKTIF] = time.time()
            st.session_state.pop(_PESAN, None)
            st.rerun()
        st.error(hasil.pesan)


def _pesan_sesi() -> None:
    if pesan := st.session_state.pop(_PESAN, None):
        st.warning(pesan, icon=":material/logout:")


def gerbang() -> Pengguna:
    """The signed-in account; draws the login and stops the page when nobody is signed in."""
    siapa = pengguna()
    if siapa is not None:
        return siapa
    _pesan_sesi()
    rahasia = _rahasia()
    sso = "auth" in rahasia
    if sso and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email", ""))
        st.error(f"Akun {email} belum diizinkan mengelola data. Minta admin menambahkannya.")
        st.button("Keluar", on_click=st.logout)
        st.stop()
    st.info("Halaman ini memerlukan login.", icon=":material/lock:")
    if sso:
        st.button("Masuk dengan akun kantor", on_click=st.login, type="primary")
    if not _akun_lokal():
        if not sso:
            st.warning(
                "Belum ada akun. Admin membuatnya di server dengan `python -m dasbor.akun tambah NAMA --peran admin`."
            )
        st.stop()
    with st.columns([3, 2])[0]:
        _formulir("masuk")
    st.stop()


def ajakan_masuk(teks: str = "Masuk untuk mengubah", *, kunci: str = "ajakan") -> None:
    """For a visitor without the right role: a small closed expander with the login form (widget keys start
    with ``kunci``, so a page may show it in several tabs); the page goes on below it."""
    _pesan_sesi()
    with st.expander(teks, icon=":material/login:"):
        st.caption("Halaman ini terbuka untuk dibaca semua orang; mengubahnya memerlukan akun yang berhak.")
        if "auth" in _rahasia():
            st.button("Masuk dengan akun kantor", on_click=st.login, key=f"{kunci}_sso")
        if _akun_lokal():
            _formulir(f"{kunci}_masuk", f"{kunci}_")


def tombol_keluar(siapa: Pengguna) -> None:
    """The sidebar line naming the account (as plain text) and its sign-out button."""
    peran = LABEL_PERAN.get(siapa.peran, siapa.peran) + (f" {siapa.kab}" if siapa.kab else "")
    st.sidebar.text(f"Masuk sebagai {siapa.nama} ({peran})")
    if st.sidebar.button("Keluar", key="keluar"):
        st.session_state.pop(_KUNCI, None)
        st.session_state.pop(_AKTIF, None)
        if _sso_aktif():
            st.logout()
        st.rerun()
