"""Signing in: who the current session is, the login form, and the sign-out button.

Pages call :func:`pengguna` to decide which controls to show and pass the result to the functions that write
(which check the role themselves, :mod:`dasbor.warehouse.peran`); :func:`gerbang` draws the login and stops a page
that is only for named accounts. Accounts come from ``[akun]`` in ``.streamlit/secrets.toml`` or ``DASBOR_AKUN``
(:mod:`dasbor.warehouse.akun`), or from the office's single sign-on when ``[auth]`` is configured.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from dasbor.warehouse import akun, settings
from dasbor.warehouse.peran import LABEL_PERAN, Pengguna

_KUNCI = "pengguna"
"""Session-state key of the signed-in :class:`Pengguna`."""


def _rahasia() -> dict[str, Any]:
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:
        return {}


def _sso_aktif() -> bool:
    return "auth" in _rahasia() and bool(getattr(st.user, "is_logged_in", False))


def pengguna() -> Pengguna | None:
    """The signed-in account of this session, or None for an anonymous visitor (who may read everything)."""
    tersimpan = st.session_state.get(_KUNCI)
    if isinstance(tersimpan, Pengguna):
        return tersimpan
    if _sso_aktif():
        email = str(st.user.get("email", ""))
        if akun.email_diizinkan(_rahasia(), email):
            return Pengguna(email, "admin")
    return None


def gerbang() -> Pengguna:
    """The signed-in account; draws the login and stops the page when nobody is signed in.

    Accounts without a stated role are admins: before roles existed every account could manage data.
    """
    siapa = pengguna()
    if siapa is not None:
        return siapa
    rahasia = _rahasia()
    sso = "auth" in rahasia
    if sso and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email", ""))
        st.error(f"Akun {email} belum diizinkan mengelola data. Minta admin menambahkannya.")
        st.button("Keluar", on_click=st.logout)
        st.stop()
    akun_lokal = akun.baca_akun(rahasia, settings.akun_env())
    st.info("Halaman ini memerlukan login.", icon=":material/lock:")
    if sso:
        st.button("Masuk dengan akun kantor", on_click=st.login, type="primary")
    if not akun_lokal:
        if not sso:
            st.warning(
                "Belum ada akun. Admin membuatnya dengan `python -m dasbor.akun NAMA` lalu menempelkan "
                "barisnya ke `.streamlit/secrets.toml` (bagian `[akun]`) atau ke variabel `DASBOR_AKUN`."
            )
        st.stop()
    with st.columns([3, 2])[0], st.form("masuk"):
        nama = st.text_input("Nama pengguna", key="nama_pengguna")
        sandi = st.text_input("Kata sandi", type="password", key="kata_sandi")
        kirim = st.form_submit_button("Masuk", type="primary")
    if kirim:
        hasil = akun.PENJAGA.masuk(nama, sandi, akun_lokal)
        if hasil.ok:
            st.session_state[_KUNCI] = Pengguna(nama.strip(), "admin")
            st.rerun()
        st.error(hasil.pesan)
    st.stop()


def tombol_keluar(siapa: Pengguna) -> None:
    """The sidebar line naming the account (as plain text) and its sign-out button."""
    st.sidebar.text(f"Masuk sebagai {siapa.nama} ({LABEL_PERAN.get(siapa.peran, siapa.peran)})")
    if st.sidebar.button("Keluar", key="keluar"):
        st.session_state.pop(_KUNCI, None)
        if _sso_aktif():
            st.logout()
        st.rerun()
