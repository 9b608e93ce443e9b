"""Roles: who may change what (dasbor.warehouse.peran)."""

from __future__ import annotations

import pytest

from dasbor.warehouse.peran import Pengguna, TidakBoleh, boleh, wajib

ADMIN = Pengguna("ani", "admin")
PENYAJI = Pengguna("budi", "penyaji")
OPERATOR = Pengguna("citra", "operator", kab="6303")


def test_anonymous_visitors_may_change_nothing() -> None:
    assert not any(boleh(None, *peran) for peran in (("admin",), ("penyaji",), ("operator",)))
    with pytest.raises(TidakBoleh, match="masuk dulu sebagai admin atau penyaji"):
        wajib(None, "penyaji", tindakan="Mengubah dek")


def test_admin_may_do_everything_and_others_only_their_role() -> None:
    assert boleh(ADMIN, "penyaji") and boleh(ADMIN, "operator", kab="6310")
    assert boleh(PENYAJI, "penyaji") and not boleh(PENYAJI, "operator")
    assert not boleh(OPERATOR, "penyaji")
    with pytest.raises(TidakBoleh, match="akun citra tidak boleh"):
        wajib(OPERATOR, "penyaji", tindakan="Mengunci data")
    assert wajib(PENYAJI, "penyaji", tindakan="Mengubah dek") is PENYAJI


def test_an_operator_imports_for_its_own_kabupaten_only() -> None:
    assert boleh(OPERATOR, "operator", kab="6303")
    assert not boleh(OPERATOR, "operator", kab="6310")
