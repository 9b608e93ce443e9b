"""Kawasan Industri, Profil Kabupaten and Program under AppTest, opened directly with their URL parameters:
the parameters reach the widgets, the numbers on the page equal what SQL returns for two filter choices each,
and bad parameters give a visible note instead of an exception."""

from __future__ import annotations

import polars as pl
import pytest

from dasbor.views import formats, ikm, kabupaten, kawasan
from tests.aplikasi import buka, kueri
from tests.conftest import Fixture


def _baris(tabel: pl.DataFrame) -> list[list[str]]:
    return [[str(v) for v in r] for r in tabel.rows()]


def _baris_tampil(elemen: object) -> list[list[str]]:
    frame = elemen.value  # type: ignore[attr-defined]
    return [[str(v) for v in r] for r in frame.itertuples(index=False)]


# --- Kawasan Industri -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "radius"), [({}, "25"), ({"radius": "10", "tahun": "2023"}, "10")])
def test_kawasan_radius_counts_equal_sql(gudang: Fixture, query: dict[str, str], radius: str) -> None:
    at = buka("kawasan", **query)
    assert not at.exception, at.exception
    tahun = int(query.get("tahun", "2025"))
    assert at.segmented_control(key="radius").value == radius
    assert at.sidebar.selectbox(key="tahun").value == tahun
    sekitar = kueri(gudang, "ikm_sekitar_kawasan", tahun=tahun, radius_km=float(radius))
    shown = {m.label: (m.value, m.delta) for m in at.metric}
    for kawasan_id, singkat in (("batulicin", "KI Batulicin"), ("jorong", "KI Jorong")):
        milik = sekitar.filter(pl.col("kawasan_id") == kawasan_id)
        jumlah, pekerja = int(milik["jumlah_ikm"].sum()), int(milik["tenaga_kerja"].sum())
        assert jumlah > 0
        assert shown[f"IKM dalam {radius} km dari {singkat}"] == (
            formats.unit(jumlah),
            f"{formats.unit(pekerja, 'orang')} tenaga kerja",
        )
    assert not [w for w in at.warning if "URL" in w.value]


def test_kawasan_before_after_table_equals_sql(gudang: Fixture) -> None:
    at = buka("kawasan")
    assert not at.exception, at.exception
    sql = kueri(gudang, "kawasan_sebelum_sesudah")
    harap = [
        _baris(kawasan.tabel_sebelum_sesudah(sql.filter(pl.col("kawasan_id") == k))) for k in ("batulicin", "jorong")
    ]
    label_jorong = next(t.label for t in at.tabs if "Jorong" in t.label and not t.label.startswith("Tenant"))
    jorong = buka("kawasan", tab_kawasan=label_jorong)  # one estate's tab is drawn at a time
    assert not jorong.exception, jorong.exception
    assert [_baris_tampil(t) for t in [*at.table, *jorong.table]] == harap
    biodiesel = harap[0][0]
    assert biodiesel[0] == "PT Jhonlin Agro Raya (biodiesel) (sawit)" and biodiesel[2].startswith("2021: hilir US$")
    assert any("PT Meratus Jaya Iron & Steel" in " ".join(map(str, t.value["Perusahaan"])) for t in at.dataframe)


def test_kawasan_says_the_kabupaten_filter_does_not_narrow_it(gudang: Fixture) -> None:
    tanpa = buka("kawasan")
    dengan = buka("kawasan", kab="6310")
    assert not dengan.exception, dengan.exception
    catatan = "tidak mempersempit halaman ini"
    assert any(catatan in c.value for c in dengan.caption)
    assert not any(catatan in c.value for c in tanpa.caption)
    assert [s.value for s in dengan.subheader][:2] == ["Kawasan Industri Batulicin", "Kawasan Industri Jorong"]


# --- Profil Kabupaten -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kab", "tahun", "nama", "unggulan"),
    [
        ("6310", 2024, "Tanah Bumbu", "belum tercatat dalam RPIP/RPIK yang dirujuk"),
        ("6303", 2025, "Banjar", "Pengolahan lainnya"),
    ],
)
def test_profil_card_equals_sql(gudang: Fixture, kab: str, tahun: int, nama: str, unggulan: str) -> None:
    at = buka("kabupaten", kab=kab, tahun=str(tahun))
    assert not at.exception, at.exception
    assert at.header[0].value == f"{nama} · {tahun}"
    assert at.sidebar.multiselect(key="kab").value == [kab]
    assert at.sidebar.selectbox(key="tahun").value == tahun
    assert any(f"industri unggulan (RPIP/RPIK): **{unggulan}**" in m.value for m in at.markdown)
    indeks = kueri(gudang, "kpi_ringkasan", tahun=tahun, kab=[]).filter(pl.col("tahun") == tahun)["indeks_hilirisasi"]
    harap = kabupaten.baris_profil(kueri(gudang, "kpi_per_kabupaten", tahun=tahun), kab, indeks.item())
    assert [(m.label, m.value) for m in at.metric] == [(b.label, b.nilai) for b in harap]
    captions = [c.value for c in at.caption]
    assert all(f"{b.peringkat} · {b.banding}" in captions for b in harap)
    komoditas = kueri(gudang, "komoditas_teratas", tahun=tahun, kab=kab)
    assert [r[0] for r in _baris_tampil(at.table[0])] == komoditas["komoditas"].to_list()
    assert [r[2] for r in _baris_tampil(at.table[0])] == [formats.angka(v) for v in komoditas["jumlah_ikm"]]


def test_profil_with_bad_parameters_notes_them_and_asks_for_one_kabupaten(gudang: Fixture) -> None:
    at = buka("kabupaten", kab="9999", tahun="dua ribu")
    assert not at.exception, at.exception
    notes = " ".join(w.value for w in at.warning)
    assert "'9999'" in notes and "tahun='dua ribu'" in notes
    assert "belum ada yang dipilih" in at.info[0].value
    assert at.header[0].value == "Tanah Laut · 2025"


# --- Program --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kab", "tahun"), [((), 2025), (("6303", "6310"), 2024)], ids=["provinsi", "dua-kab-2024"])
def test_program_numbers_equal_sql(gudang: Fixture, kab: tuple[str, ...], tahun: int) -> None:
    query = {"tahun": str(tahun), **({"kab": ",".join(kab)} if kab else {})}
    at = buka("program", **query)
    assert not at.exception, at.exception
    assert at.sidebar.multiselect(key="kab").value == list(kab)
    pangan = kueri(gudang, "halal_pangan", kab=list(kab)).filter(pl.col("tahun") == tahun).row(0, named=True)
    shown = {m.label: m.value for m in at.metric}
    assert shown["IKM pangan bersertifikat halal"] == formats.persen(pangan["persen_halal"])
    assert shown["IKM pangan bersertifikat"] == formats.unit(pangan["jumlah_halal"])
    assert shown["Bersertifikat sejak wajib halal"] == formats.unit(pangan["halal_sejak_wajib"])
    corong = ikm.tabel_per_kabupaten(kueri(gudang, "program_per_kabupaten", jenis="halal", tahun=tahun), kab)
    assert _baris_tampil(at.dataframe[0]) == _baris(corong)
    assert len(corong) == (len(kab) or 13)
    assert any("kemitraan IKM–SMK" in c.value for c in at.caption)
    assert any("pendidikan tenaga kerja" in i.value for i in at.info)


def test_program_with_bad_parameters_does_not_raise(gudang: Fixture) -> None:
    at = buka("program", kab="abc,6303", tahun="1900")
    assert not at.exception, at.exception
    notes = " ".join(w.value for w in at.warning)
    assert "'abc'" in notes and "tahun='1900'" in notes
    assert at.subheader[0].value == "Sertifikasi halal IKM, Banjar"
