"""Maps: boundary files matched by code or local name, bad files named in Indonesian with the schematic
fallback, the Peta page with and without the shared BPS/HDX boundary file, values equal to SQL."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import polars as pl
import pytest
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from dasbor.views import peta, peta_cetak
from dasbor.warehouse import batas, db, settings
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT.parent / "shared" / "geo" / "kalsel_kabupaten.geojson"
NAMA = {f"63{i:02d}": f"Kab {i}" for i in range(1, 12)} | {"6371": "Kota Banjarmasin", "6372": "Kota Banjarbaru"}
EJAAN = {
    "6301": "Kab. Tanah Laut",
    "6302": "Kota Baru",
    "6303": "BANJAR",
    "6304": "Batola",
    "6305": "Tapin",
    "6306": "HSS",
    "6307": "Hulu Sungai Tengah",
    "6308": "HSU",
    "6309": "Tabalong",
    "6310": "Tanbu",
    "6311": "Balangan",
    "6371": "Kota Banjarmasin",
    "6372": "Banjar Baru",
}


def _tulis(path: Path, kode: list[str], *, crs: str = "EPSG:4326", kolom: str = "NAMOBJ") -> Path:
    """Synthetic squares, one per kabupaten, named the way offices spell them."""
    geom = [box(114 + 0.1 * i, -3 - 0.1 * i, 114.08 + 0.1 * i, -2.92 - 0.1 * i) for i in range(len(kode))]
    gdf = gpd.GeoDataFrame({kolom: [EJAAN[k] for k in kode]}, geometry=geom, crs="EPSG:4326").to_crs(crs)
    gdf.to_file(path, driver="GPKG" if path.suffix == ".gpkg" else "GeoJSON")
    return path


@pytest.fixture(autouse=True)
def _tanpa_cache() -> None:
    batas._muat.cache_clear()


def test_local_spellings_and_a_projected_crs_match_all_13(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _tulis(tmp_path / "batas.gpkg", list(EJAAN), crs="EPSG:32750")
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(path))
    hasil = batas.muat(NAMA)
    assert not hasil.skema and not hasil.pesan
    assert sorted(f["id"] for f in hasil.geojson["features"]) == sorted(NAMA)
    x, y = hasil.geojson["features"][0]["geometry"]["coordinates"][0][0]
    assert 113 < x < 117 and -5 < y < -1, "reprojected to WGS84"
    assert "batas.gpkg" in hasil.atribusi


def test_a_file_missing_a_kabupaten_names_it_and_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _tulis(tmp_path / "kurang.geojson", [k for k in EJAAN if k != "6311"])
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(path))
    hasil = batas.muat(NAMA | {"6311": "Balangan"})
    assert hasil.skema and len(hasil.geojson["features"]) == 13
    assert "Balangan tidak ditemukan di file batas wilayah kurang.geojson" in hasil.pesan[0]


def test_an_unreadable_file_is_named_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    palsu = tmp_path / "batas.geojson"
    palsu.write_text("%PDF-1.4 bukan geojson", encoding="utf-8")
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(palsu))
    hasil = batas.muat(NAMA)
    assert hasil.skema
    assert "batas.geojson tidak dipakai: bukan berkas batas wilayah" in hasil.pesan[0]


def test_without_a_file_the_schematic_map_has_13_equal_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASBOR_BOUNDARIES", raising=False)
    monkeypatch.setattr(settings, "boundaries_path", lambda: None)
    hasil = batas.muat(NAMA)
    assert hasil.skema and len(hasil.geojson["features"]) == 13
    assert "data/geo/" in hasil.pesan[0]
    sisi = {
        round(f["geometry"]["coordinates"][0][2][0] - f["geometry"]["coordinates"][0][0][0], 6)
        for f in hasil.geojson["features"]
    }
    assert len(sisi) == 1


def _peta(gudang: Fixture, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "peta.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def _figur(at: AppTest) -> dict[str, object]:
    charts = at.get("plotly_chart")
    return json.loads(charts[0].proto.spec)  # type: ignore[no-any-return]


def test_peta_fallback_draws_13_tiles_and_both_estates(gudang: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "boundaries_path", lambda: None)
    at = _peta(gudang, metrik="jumlah_ikm", tahun="2025")
    assert not at.exception, at.exception
    fig = _figur(at)
    petak, kawasan = fig["data"][0], fig["data"][-1]  # type: ignore[index]
    assert petak["type"] == "heatmap"
    sel = {
        k: z
        for baris_k, baris_z in zip(petak["customdata"], petak["z"], strict=True)
        for k, z in zip(baris_k, baris_z, strict=True)
        if k
    }
    assert len(sel) == 13, "one labelled tile per kabupaten"
    assert len(kawasan["x"]) == 2
    assert any("data/geo/" in i.value for i in at.info)
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        sql = db.run_query(con, "peta_metrik").filter(pl.col("tahun") == 2025)
    finally:
        con.close()
    assert sel == dict(zip(sql["kode_bps"].to_list(), sql["jumlah_ikm"].to_list(), strict=True))


@pytest.mark.skipif(not GEO.exists(), reason=f"shared boundary file not found at {GEO}")
def test_peta_with_the_bps_boundary_file_has_13_regions_and_its_attribution(
    gudang: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_BOUNDARIES", str(GEO))
    monkeypatch.setenv("DASBOR_BOUNDARIES_ATTRIBUTION", "Batas administrasi: BPS 2020 via OCHA/HDX (CC BY-IGO)")
    at = _peta(gudang, metrik="indeks_hilirisasi")
    assert not at.exception, at.exception
    choro = _figur(at)["data"][0]  # type: ignore[index]
    assert len(choro["geojson"]["features"]) == 13
    assert not at.info or all("skematik" not in i.value for i in at.info)
    assert any("BPS 2020 via OCHA/HDX" in c.value for c in at.caption)
    ukuran = len(json.dumps(choro["geojson"], separators=(",", ":"))) / 1024
    assert ukuran < 400, f"boundary payload {ukuran:.0f} KB"


def test_every_map_metric_has_a_query_column(gudang: Fixture) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        kolom = set(db.run_query(con, "peta_metrik").columns)
    finally:
        con.close()
    assert set(peta.METRIK) <= kolom


def test_per_chain_index_on_the_map_matches_polars(gudang: Fixture) -> None:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        sql = db.run_query(con, "peta_metrik").filter((pl.col("tahun") == 2025) & (pl.col("kode_bps") == "6310"))
    finally:
        con.close()
    ekspor = pl.read_parquet(gudang.masukan / "ekspor" / "*.parquet").filter(
        (pl.col("tahun") == 2025) & (pl.col("kode_bps") == "6310")
    )
    sawit = ekspor.filter(pl.col("kode_hs").str.contains(r"^(1511|1513|1207|2306|1516|1517|3823|3826|3401)"))
    olahan = sawit.filter(~pl.col("kode_hs").str.contains(r"^(151110|151321|120710)"))
    expected = 100 * float(olahan["nilai_usd"].sum()) / float(sawit["nilai_usd"].sum())
    assert abs(sql["indeks_sawit"].item() - expected) < 1e-9


def test_printed_map_is_vector_labelled_and_greys_a_kabupaten_without_data(gudang: Fixture) -> None:
    """The deck's map (PDF, PPTX, cards): one filled SVG path per kabupaten, no WebGL trace, each name and value
    on the map, the two small kota on leader lines, and a kabupaten with no value grey with a dash."""
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        df = db.run_query(con, "peta_metrik")
        kawasan = db.run_query(con, "kawasan_profil")
    finally:
        con.close()
    nama = dict(zip(df["kode_bps"].to_list(), df["nama"].to_list(), strict=False))
    b = batas.muat(nama)
    assert not b.skema and set(b.label) == set(nama)
    kosong = "6307"
    df = df.with_columns(
        pl.when(pl.col("kode_bps") == kosong).then(None).otherwise(pl.col("jumlah_ikm")).alias("jumlah_ikm")
    )
    fig = peta_cetak.choropleth_cetak(df, b, "jumlah_ikm", 2025, kawasan=kawasan)
    jenis = {t.type for t in fig.data}
    assert jenis == {"scatter"}, "no WebGL map trace: Chromium's print leaves those blank"
    wilayah = [t for t in fig.data if t.fill == "toself"]
    assert len(wilayah) == 13
    abu = [t for t in wilayah if t.fillcolor == peta.WARNA_TANPA_DATA]
    assert len(abu) == 1 and nama[kosong] in abu[0].hovertext
    teks = {a.text.split("<br>")[0]: a for a in fig.layout.annotations if "<br>" in a.text}
    assert set(teks) == {peta.nama_singkat(n) for n in nama.values()}
    assert teks["HST"].text.endswith("<b>–</b>")
    nilai = df.filter((pl.col("tahun") == 2025) & (pl.col("kode_bps") == "6301"))["jumlah_ikm"][0]
    assert peta.METRIK["jumlah_ikm"].fmt(nilai).removesuffix(" unit") in teks["Tanah Laut"].text
    assert {k for k, a in teks.items() if a.showarrow} == {"Banjarmasin", "Banjarbaru"}
    assert set(next(t for t in fig.data if t.mode == "markers+text").text) == {"KI Jorong", "KI Batulicin"}
    halaman = peta.choropleth(df, b, "jumlah_ikm", 2025, kawasan=kawasan)
    assert [t.type for t in halaman.data[:2]] == ["choroplethmap", "choroplethmap"]
    assert list(halaman.data[1].locations) == [kosong], "the page map greys it too: no hole"
    assert (
        kosong not in list(halaman.data[0].locations)
        or halaman.data[0].z[list(halaman.data[0].locations).index(kosong)] is None
    )
    assert all(list(f.traces) == [0, 1] for f in halaman.frames)
    assert [f["properties"]["kode_bps"] for f in halaman.data[1].geojson["features"]] == [kosong]
    assert all(t.geojson is None for f in halaman.frames for t in f.data), "frames send values, not shapes"
    assert len(halaman.to_json()) < 2.5 * len(json.dumps(b.geojson))
