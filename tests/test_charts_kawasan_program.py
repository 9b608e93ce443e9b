"""Chart builders of the Kawasan Industri and Program pages: what a reader of the figure sees."""

from __future__ import annotations

import polars as pl

from dasbor.views import kawasan, program
from tests.aplikasi import kueri
from tests.conftest import Fixture

HALAL = pl.DataFrame({"tahun": [2023, 2024, 2025], "hasil": [5, 8, 3], "target": [4, 4, 4]})


def test_province_halal_chart_shows_the_20_40_band() -> None:
    fig = program.halal_per_tahun(HALAL, provinsi=True)
    assert [(s.y0, s.y1) for s in fig.layout.shapes] == [(20, 40)]
    assert any("20–40" in a.text for a in fig.layout.annotations)
    assert [t.type for t in fig.data] == ["bar"]


def test_kabupaten_halal_chart_sets_certificates_against_their_own_targets_not_the_band() -> None:
    fig = program.halal_per_tahun(HALAL, provinsi=False)
    assert not fig.layout.shapes
    assert not any("20–40" in (a.text or "") for a in fig.layout.annotations)
    garis = [t for t in fig.data if t.type == "scatter"]
    assert len(garis) == 1 and list(garis[0].y) == [4, 4, 4] and garis[0].line.dash == "dash"
    assert fig.layout.yaxis.range[1] < 20, "a scale up to the province band would flatten a kabupaten's bars"


def test_timeline_shows_meratus_stopped_2012_to_2015(gudang: Fixture) -> None:
    tenant = kueri(gudang, "kawasan_tenant_daftar")
    fig = kawasan.linimasa(tenant, {"batulicin": "Kawasan Industri Batulicin"}, tahun_ini=2026)
    berhenti = next(t for t in fig.data if t.name == "Berhenti")
    i = next(i for i, y in enumerate(berhenti.y) if y.startswith("PT Meratus Jaya Iron & Steel"))
    assert (berhenti.base[i], berhenti.base[i] + berhenti.x[i]) == (2012, 2015)
    assert not any("Meratus" in y for t in fig.data if t.name != "Berhenti" for y in t.y)


def test_export_chart_marks_a_start_in_the_first_export_year(gudang: Fixture) -> None:
    ekspor = kueri(gudang, "ekspor_kawasan", kab="6310", rantai=["sawit"])
    assert int(ekspor["tahun"].min()) == 2021  # type: ignore[arg-type]
    fig = kawasan.ekspor_sebelum_sesudah(ekspor, [("sawit", 2021, "PT Jhonlin Agro Raya (biodiesel)")])
    assert [s.x0 for s in fig.layout.shapes] == [2020.5]
    assert any("PT Jhonlin Agro Raya (biodiesel) mulai 2021" in a.text for a in fig.layout.annotations)
    sebelum = kawasan.ekspor_sebelum_sesudah(ekspor, [("sawit", 2016, "Contoh: lama")])
    assert not sebelum.layout.shapes, "a start long before the series would only add clutter"
