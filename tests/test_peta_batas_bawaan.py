"""The real map by default: a fresh clone draws the shipped BPS 2020 kabupaten with its attribution; the file is
small, a valid coverage, documented, and reproducible from the shared original."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from dasbor.warehouse import batas, batas_turunan, settings
from dasbor.warehouse.impor.wilayah import NAMA_RESMI
from tests.aplikasi import buka
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
ASLI = (
    next(
        (
            p
            for p in (ROOT.parent / "shared" / "geo", ROOT.parents[1] / "shared" / "geo")
            if (p / "SOURCES.md").exists()
        ),
        ROOT.parent / "shared" / "geo",
    )
    / "kalsel_kabupaten.geojson"
)
ATRIBUSI = "Batas administrasi: BPS 2020 via OCHA/HDX (CC BY-IGO)"


@pytest.fixture(autouse=True)
def _klon_baru(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As on a fresh clone: no DASBOR_BOUNDARIES, nothing imported in the geo folder."""
    monkeypatch.delenv("DASBOR_BOUNDARIES", raising=False)
    monkeypatch.delenv("DASBOR_BOUNDARIES_ATTRIBUTION", raising=False)
    monkeypatch.setenv("DASBOR_GEO_DIR", str(tmp_path / "geo_kosong"))
    batas._muat.cache_clear()


def test_fresh_clone_draws_the_shipped_kabupaten_with_attribution() -> None:
    assert settings.boundaries_path() == settings.batas_bawaan_path()
    hasil = batas.muat(NAMA_RESMI)
    assert not hasil.skema and not hasil.pesan
    assert hasil.atribusi == ATRIBUSI
    assert sorted(f["id"] for f in hasil.geojson["features"]) == sorted(NAMA_RESMI)


def test_shipped_file_is_small_valid_and_documented() -> None:
    path = settings.batas_bawaan_path()
    assert path.stat().st_size <= 150 * 1024
    gdf = gpd.read_file(path)
    assert len(gdf) == 13 and gdf.is_valid.all()
    assert shapely.coverage_is_valid(gdf.geometry.values), "neighbours share borders with no gap or overlap"
    sumber = (path.parent / "SUMBER.md").read_text(encoding="utf-8")
    for wajib in ("CC BY-IGO", "OCHA/HDX", "BPS", "python -m dasbor.warehouse.batas_turunan", "sha256"):
        assert wajib in sumber


@pytest.mark.skipif(not ASLI.exists(), reason=f"shared original not found at {ASLI}")
def test_shipped_file_is_reproducible_from_the_original(tmp_path: Path) -> None:
    sumber = (settings.batas_bawaan_path().parent / "SUMBER.md").read_text(encoding="utf-8")
    assert hashlib.sha256(ASLI.read_bytes()).hexdigest() in sumber
    keluar = tmp_path / "turunan.geojson"
    batas_turunan.tulis(batas_turunan.turunkan(ASLI), keluar)
    assert keluar.read_bytes() == settings.batas_bawaan_path().read_bytes()


def test_configured_file_still_overrides_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gdf = gpd.read_file(settings.batas_bawaan_path())
    path = tmp_path / "batas_kantor.geojson"
    gdf.to_file(path)
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(path))
    hasil = batas.muat(NAMA_RESMI)
    assert not hasil.skema and "batas_kantor.geojson" in hasil.atribusi


def test_peta_page_shows_the_real_map_and_attribution(gudang: Fixture) -> None:
    at = buka("peta", metrik="jumlah_ikm", tahun="2025")
    assert not at.exception, at.exception
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["data"][0]["type"] == "choroplethmap" or "geojson" in fig["data"][0]
    assert len(fig["data"][0]["geojson"]["features"]) == 13
    assert any(ATRIBUSI in c.value for c in at.caption)
    assert all("skematik" not in i.value for i in at.info)


def test_pages_with_a_missing_configured_file_draw_the_schematic_map_and_say_why(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(tmp_path / "batashilang.geojson"))
    peta = buka("peta", metrik="jumlah_ikm", tahun="2025")
    assert not peta.exception, peta.exception
    assert any("batashilang" in i.value and "tidak ditemukan" in i.value for i in peta.info)
    assert json.loads(peta.get("plotly_chart")[0].proto.spec)["data"][0]["type"] == "heatmap"
    ringkasan = buka("ringkasan")
    assert not ringkasan.exception, ringkasan.exception
    assert any("batashilang" in c.value and "tidak ditemukan" in c.value for c in ringkasan.caption)
