"""Every environment setting the code reads is documented in the README's settings table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dasbor.warehouse import settings


def test_every_dasbor_setting_is_in_the_readme() -> None:
    kode = Path(settings.__file__).read_text(encoding="utf-8")
    readme = (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    nama = set(re.findall(r"\bDASBOR_[A-Z_]+\b", kode))
    assert "DASBOR_TAMPILKAN_IKM" in nama
    hilang = sorted(n for n in nama if f"`{n}`" not in readme)
    assert not hilang, f"settings missing from README.md: {hilang}"


def test_firm_list_setting_defaults_on_and_accepts_off(monkeypatch: pytest.MonkeyPatch) -> None:
    mp = monkeypatch
    mp.delenv("DASBOR_TAMPILKAN_IKM", raising=False)
    assert settings.tampilkan_daftar_ikm() is True
    for off in ("0", "false", "No", " tidak "):
        mp.setenv("DASBOR_TAMPILKAN_IKM", off)
        assert settings.tampilkan_daftar_ikm() is False
    mp.setenv("DASBOR_TAMPILKAN_IKM", "1")
    assert settings.tampilkan_daftar_ikm() is True
