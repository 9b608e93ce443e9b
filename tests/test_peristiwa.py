"""Catatan peristiwa: the seed with sources, who may edit, the locked atomic store, and the lines on time charts."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import plotly.graph_objects as go
import polars as pl
import pytest

from dasbor.views import charts
from dasbor.views import peristiwa as tampil
from dasbor.warehouse import peristiwa
from dasbor.warehouse.peran import Pengguna, TidakBoleh
from tests.aplikasi import buka
from tests.conftest import Fixture

PENYAJI = Pengguna("sari", "penyaji")
OPERATOR = Pengguna("budi", "operator", "6310")


def _gudang(tmp_path: Path) -> Path:
    return tmp_path / "data" / "warehouse.duckdb"


def test_seed_carries_a_source_for_every_event() -> None:
    seed = peristiwa.seed()
    assert len(seed) >= 6
    assert all(p.sumber for p in seed)
    jhonlin = next(p for p in seed if "Jhonlin" in p.judul)
    assert (jhonlin.tanggal, jhonlin.kode_bps, jhonlin.rantai) == (dt.date(2021, 10, 21), "6310", "sawit")
    assert jhonlin.sumber_url.startswith("https://")
    halal = next(p for p in seed if "halal" in p.judul.lower())
    assert (
        halal.tanggal == dt.date(2024, 10, 17)
        and halal.kode_bps == ""
        and tampil.label_tanggal(halal) == ("17 Okt 2024")
    )


def test_penyaji_saves_and_the_file_is_the_master_copy(tmp_path: Path) -> None:
    w = _gudang(tmp_path)
    baru = peristiwa.simpan(PENYAJI, peristiwa.Peristiwa("", dt.date(2025, 3, 1), "  Pelatihan   sasirangan "), w)
    assert baru.id and baru.judul == "Pelatihan sasirangan" and baru.dibuat_oleh == "sari"
    isi = json.loads((w.parent / "peristiwa.json").read_text(encoding="utf-8"))
    assert len(isi["peristiwa"]) == len(peristiwa.seed()) + 1  # the seed was copied on the first change
    peristiwa.hapus(PENYAJI, baru.id, w)
    assert all(p.id != baru.id for p in peristiwa.baca(w))
    assert not list(w.parent.glob("*.tmp"))


@pytest.mark.parametrize("siapa", [None, OPERATOR])
def test_only_penyaji_and_admin_edit(tmp_path: Path, siapa: Pengguna | None) -> None:
    with pytest.raises(TidakBoleh, match="peristiwa"):
        peristiwa.simpan(siapa, peristiwa.Peristiwa("", dt.date(2025, 1, 1), "x"), _gudang(tmp_path))
    assert not (tmp_path / "data" / "peristiwa.json").exists()


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"judul": " "}, "Judul"),
        ({"rantai": "emas"}, "Rantai"),
        ({"kode_bps": "6401"}, "63xx"),
        ({"sumber_url": "ftp://x"}, "http"),
    ],
)
def test_bad_event_is_refused_with_the_field_named(tmp_path: Path, ubah: dict[str, str], pesan: str) -> None:
    p = peristiwa.Peristiwa("", dt.date(2025, 1, 1), "Judul", **{k: v for k, v in ubah.items() if k != "judul"})
    if "judul" in ubah:
        p = peristiwa.Peristiwa("", dt.date(2025, 1, 1), ubah["judul"])
    with pytest.raises(peristiwa.PeristiwaSalah, match=pesan):
        peristiwa.simpan(PENYAJI, p, _gudang(tmp_path))


def test_concurrent_saves_lose_nothing(tmp_path: Path) -> None:
    w = _gudang(tmp_path)

    def tambah(i: int) -> None:
        peristiwa.simpan(PENYAJI, peristiwa.Peristiwa("", dt.date(2025, 1, 1 + i), f"Acara {i}"), w)

    utas = [threading.Thread(target=tambah, args=(i,)) for i in range(12)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    judul = {p.judul for p in peristiwa.baca(w)}
    assert {f"Acara {i}" for i in range(12)} <= judul


def test_event_concerns_province_kabupaten_and_chain_views() -> None:
    p = peristiwa.Peristiwa("a", dt.date(2021, 10, 21), "Biodiesel", kode_bps="6310", rantai="sawit")
    assert p.menyangkut() and p.menyangkut(("6310",)) and p.menyangkut((), ("sawit",))
    assert not p.menyangkut(("6303",)) and not p.menyangkut((), ("karet",))


def test_lines_sit_inside_their_year_and_only_in_range() -> None:
    df = pl.DataFrame({"tahun": [2020, 2021, 2022], "jumlah_ikm": [1, 2, 3], "nilai_ekspor_usd": [1.0, 2.0, 3.0]})
    fig = charts.tren_ikm_ekspor(df)
    daftar = [
        peristiwa.Peristiwa("a", dt.date(2021, 10, 21), "Biodiesel"),
        peristiwa.Peristiwa("b", dt.date(2012, 1, 1), "Lama", presisi="tahun"),
    ]
    letak = tampil.posisi(fig, daftar)
    assert [p.id for p, _ in letak] == ["a"]
    assert 2021.25 < letak[0][1] < 2021.35  # late in the 2021 band (2020.5 .. 2021.5)
    ditandai = tampil.tandai(fig, daftar)
    assert len(ditandai.layout.shapes) >= 1 and ditandai.layout.annotations[-1].text == "<b>1</b>"
    assert len(fig.layout.shapes) == 0  # the (shared, cached) original is untouched
    assert tampil.daftar_teks(fig, daftar) == ["1. 21 Okt 2021 · Biodiesel"]


def test_monthly_axis_gets_the_date_itself() -> None:
    fig = go.Figure(go.Scatter(x=[dt.date(2024, m, 1) for m in range(1, 13)], y=list(range(12))))
    letak = tampil.posisi(fig, [peristiwa.Peristiwa("h", dt.date(2024, 10, 17), "Wajib halal")])
    assert letak[0][1] == "2024-10-17"


def test_ringkasan_lists_the_events_under_the_trend(gudang: Fixture) -> None:
    at = buka("ringkasan")
    teks = " ".join(c.value for c in at.caption)
    assert "Catatan peristiwa (sumber di halaman Tindak Lanjut): 1. 21 Okt 2021 · PT Jhonlin Agro Raya" in teks
    assert not at.exception
