"""Pages under Streamlit's AppTest, against the fixture warehouse: every page runs, draws the shared frame,
and the Ringkasan cards show exactly what SQL says."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.views import captions, kpi
from dasbor.warehouse import build, db, store
from tests.aplikasi import buka
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
TANPA_SARINGAN = {"presentasi", "kelola_data", "tindak_lanjut"}
"""Pages without the global year/kabupaten filters."""


def test_all_nine_pages_exist() -> None:
    assert (
        sorted(
            [
                "ringkasan",
                "peta",
                "ikm",
                "ekspor",
                "kawasan",
                "kabupaten",
                "program",
                "presentasi",
                "kelola_data",
                "tindak_lanjut",
            ]
        )
        == PAGES
    )


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_draws_the_frame(gudang: Fixture, page: str) -> None:
    at = buka(page)
    assert not at.exception, at.exception
    assert any(captions.TEKS_CONTOH in w.value for w in at.warning), "sample banner missing"
    if page not in TANPA_SARINGAN:
        assert [s.label for s in at.sidebar.selectbox][:1] == ["Tahun"]
    assert at.title[0].value


def test_app_entry_point_lands_on_ringkasan(gudang: Fixture) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Ringkasan"
    assert len(at.metric) == len(kpi.DEFINISI)


def _expected(gudang: Fixture, tahun: int, kab: list[str]) -> list[kpi.Kartu]:
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        return kpi.kartu_kpi(db.run_query(con, "kpi_ringkasan", tahun=tahun, kab=kab), tahun)
    finally:
        con.close()


@pytest.mark.parametrize(
    ("query", "tahun", "kab"),
    [({}, 2025, []), ({"tahun": "2023", "kab": "6303,6310"}, 2023, ["6303", "6310"])],
    ids=["default-provinsi", "2023-banjar-tanah-bumbu"],
)
def test_ringkasan_metrics_equal_sql(gudang: Fixture, query: dict[str, str], tahun: int, kab: list[str]) -> None:
    at = buka("ringkasan", **query)
    assert not at.exception, at.exception
    shown = {m.label: (m.value, m.delta) for m in at.metric}
    for k in _expected(gudang, tahun, kab):
        assert shown[k.label] == (k.nilai, k.perubahan), k.label
    assert at.sidebar.selectbox(key="tahun").value == tahun
    assert at.sidebar.multiselect(key="kab").value == kab
    assert not [w for w in at.warning if "URL" in w.value]


def test_bad_url_parameters_fall_back_with_a_visible_note(gudang: Fixture) -> None:
    at = buka("ringkasan", tahun="abc", kab="9999")
    assert not at.exception, at.exception
    notes = " ".join(w.value for w in at.warning)
    assert "tahun='abc'" in notes and "'9999'" in notes
    assert at.sidebar.selectbox(key="tahun").value == 2025
    assert at.sidebar.multiselect(key="kab").value == []
    shown = {m.label: m.value for m in at.metric}
    assert shown["Jumlah IKM"] == _expected(gudang, 2025, [])[0].nilai


def test_changing_the_year_updates_cards_and_url(gudang: Fixture) -> None:
    at = buka("ringkasan")
    at.sidebar.selectbox(key="tahun").select(2022).run()
    assert not at.exception
    assert at.query_params["tahun"] == "2022"
    shown = {m.label: m.value for m in at.metric}
    assert shown["Jumlah IKM"] == _expected(gudang, 2022, [])[0].nilai


def test_charts_have_source_and_data_per_captions(gudang: Fixture) -> None:
    at = buka("ringkasan")
    captions = [c.value for c in at.caption]
    assert sum("data per 31 Desember 2025" in c for c in captions) >= 3
    assert all("(data contoh)" in c for c in captions if c.startswith("Sumber:"))


def test_missing_warehouse_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(tmp_path / "tidak-ada.duckdb"))
    at = AppTest.from_file(str(ROOT / "pages" / "ringkasan.py"), default_timeout=60).run()
    assert not at.exception
    assert "make data" in at.error[0].value


def test_presentasi_shows_one_slide_and_moves_on(
    gudang: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salinan = tmp_path / "w.duckdb"
    salinan.write_bytes(gudang.warehouse.read_bytes())
    monkeypatch.setenv("DASBOR_WAREHOUSE", str(salinan))
    at = buka("presentasi", mode="tayang", dek="Rakornis", slide="2")
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Peta Indeks Hilirisasi")
    at.button[1].click().run()  # Berikutnya
    assert at.query_params["slide"] == "3"
    assert at.title[0].value.startswith("Tren IKM dan ekspor")
    assert any("slide 3 dari" in m.value for m in at.markdown)


def test_presentasi_with_a_bad_slide_number_or_deck_does_not_raise(gudang: Fixture) -> None:
    at = buka("presentasi", mode="tayang", dek="Tidak Ada", slide="99")
    assert not at.exception, at.exception
    assert at.query_params["dek"] == "Rakornis"
    assert at.query_params["slide"] == str(len(store.DEK_RAKORNIS))
    assert any("dek='Tidak Ada'" in w.value for w in at.warning)


def test_an_old_warehouse_is_named_on_the_page(gudang: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not buka("ringkasan").error
    monkeypatch.setattr(build, "versi_skema", lambda: "kode-lebih-baru")
    at = buka("ringkasan")
    assert not at.exception
    assert "versi aplikasi yang lebih lama" in at.error[0].value
