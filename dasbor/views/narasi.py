"""Written summaries: a short Indonesian paragraph composed from the numbers by fixed rules (no language model).

Rules, in order, each giving at most one sentence, each sentence carrying its number and its source:

1. IKM: the number of IKM in the year and its change from the year before.
2. Exports: the change in export value split into price and volume (LMDI, see :mod:`dasbor.views.hilirisasi`).
3. The biggest change: the chain whose export value moved most in US$, with its own price/volume split.
4. Hilirisasi: the strongest and the weakest chain by Indeks Hilirisasi (chains exporting under US$ 1 juta in
   the year are left out: one container of furniture would otherwise make a chain "the most downstream").
5. Targets: how many of the year's targets are met, naming the first one missed.

The same sentences are the takeaway of the slides, so a presenter and the page never say different things.
Every number is returned with the sentence (:attr:`Kalimat.angka`), so tests can check it against SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dasbor.views import formats, hilirisasi
from dasbor.views.palette import LABEL_RANTAI
from dasbor.views.program import LABEL_INDIKATOR

NILAI_MIN_RANTAI_USD = 1_000_000.0
"""A chain enters the strongest/weakest comparison only with at least this much export value in the year."""


@dataclass(frozen=True)
class Kalimat:
    """One sentence of a summary: the text, the number it reports and the warehouse tables it comes from."""

    aturan: str
    teks: str
    angka: float | None
    tabel: tuple[str, ...]


def _nama(rantai: str) -> str:
    return LABEL_RANTAI.get(rantai, rantai)


def kalimat_ikm(kpi: pl.DataFrame, tahun: int, wilayah: str) -> Kalimat | None:
    """From ``kpi_ringkasan``: "Kalimantan Selatan mencatat 72.607 IKM pada 2025 (+2,1 % dari 2024)"."""
    kini = kpi.filter(pl.col("tahun") == tahun)
    if kini.is_empty() or kini["jumlah_ikm"][0] is None:
        return None
    jumlah = float(kini["jumlah_ikm"][0])
    lalu = kpi.filter((pl.col("tahun") == tahun - 1) & pl.col("jumlah_ikm").is_not_null())
    ubah = formats.perubahan_persen(jumlah, float(lalu["jumlah_ikm"][0])) if lalu.height else None
    ekor = f" ({ubah} dari {tahun - 1})" if ubah else ""
    return Kalimat("ikm", f"{wilayah} mencatat {formats.unit(jumlah, 'IKM')} pada {tahun}{ekor}.", jumlah, ("ikm",))


def kalimat_ekspor(hv_df: pl.DataFrame, tahun: int, wilayah: str) -> Kalimat | None:
    """From ``ekspor_harga_volume``: the province's (or kabupaten's) price/volume sentence."""
    hv = hilirisasi.harga_volume(hv_df, tahun)
    if hv.nilai_akhir <= 0 and hv.nilai_awal <= 0:
        return None
    return Kalimat("ekspor", hilirisasi.kalimat(hv, f"Ekspor {wilayah}") + ".", hv.persen_total, ("ekspor",))


def kalimat_terbesar(hv_df: pl.DataFrame, tahun: int) -> Kalimat | None:
    """The chain whose export value changed most in US$ (unmapped codes are not a chain)."""
    per = hilirisasi.efek_per_rantai(hv_df.filter(pl.col("rantai") != "tidak terpetakan"))
    if per.is_empty():
        return None
    per = per.with_columns((pl.col("nilai_akhir_usd") - pl.col("nilai_awal_usd")).alias("selisih"))
    atas = per.sort(pl.col("selisih").abs(), descending=True).row(0, named=True)
    if atas["selisih"] == 0:
        return None
    hv = hilirisasi.harga_volume(hv_df, tahun, atas["rantai"])
    arah = "naik" if atas["selisih"] > 0 else "turun"
    teks = (
        f"Perubahan terbesar ada pada rantai {_nama(atas['rantai']).lower()}: {arah} "
        f"{formats.usd(abs(atas['selisih']))} (harga {hilirisasi.bertanda(hv.persen_harga)}, "
        f"volume {hilirisasi.bertanda(hv.persen_volume)})."
    )
    return Kalimat("terbesar", teks, float(atas["selisih"]), ("ekspor",))


def kalimat_indeks(indeks_rantai: pl.DataFrame, tahun: int) -> Kalimat | None:
    """From ``ekspor_indeks_rantai``: the most and least downstream chain in ``tahun``."""
    ada = indeks_rantai.filter(
        pl.col("indeks_hilirisasi").is_not_null() & (pl.col("nilai_usd") >= NILAI_MIN_RANTAI_USD)
    ).sort("indeks_hilirisasi", descending=True)
    if ada.height < 2:
        return None
    atas, bawah = ada.row(0, named=True), ada.row(-1, named=True)
    teks = (
        f"Menurut Indeks Hilirisasi {tahun}, rantai paling hilir adalah {_nama(atas['rantai']).lower()} "
        f"({formats.persen(atas['indeks_hilirisasi'])}) dan paling hulu {_nama(bawah['rantai']).lower()} "
        f"({formats.persen(bawah['indeks_hilirisasi'])})."
    )
    return Kalimat("indeks", teks, float(atas["indeks_hilirisasi"]), ("ekspor",))


def kalimat_target(target: pl.DataFrame, tahun: int) -> Kalimat | None:
    """From ``target_capaian`` or ``target_kabupaten``: targets of ``tahun`` with a known achievement."""
    kini = target.filter((pl.col("tahun") == tahun) & pl.col("capaian").is_not_null()).sort("indikator")
    if kini.is_empty():
        return None
    tercapai = kini.filter(pl.col("capaian") >= pl.col("nilai_target"))
    teks = f"{tercapai.height} dari {kini.height} target {tahun} tercapai"
    gagal = kini.filter(pl.col("capaian") < pl.col("nilai_target"))
    if gagal.height:
        g = gagal.row(0, named=True)
        desimal = 1 if g["satuan"] == "persen" else 0
        teks += (
            f"; {LABEL_INDIKATOR.get(g['indikator'], g['indikator'])} baru "
            f"{formats.angka(g['capaian'], desimal)} dari target {formats.angka(g['nilai_target'], desimal)}"
            f"{' %' if g['satuan'] == 'persen' else ' ' + str(g['satuan'])}"
        )
    return Kalimat("target", teks + ".", float(tercapai.height), ("target", "ikm", "ekspor", "program"))


def ringkasan(
    *,
    tahun: int,
    wilayah: str,
    kpi: pl.DataFrame,
    harga_volume: pl.DataFrame,
    indeks_rantai: pl.DataFrame,
    target: pl.DataFrame,
) -> list[Kalimat]:
    """The paragraph's sentences in order; rules without data give no sentence."""
    calon = (
        kalimat_ikm(kpi, tahun, wilayah),
        kalimat_ekspor(harga_volume, tahun, wilayah),
        kalimat_terbesar(harga_volume, tahun),
        kalimat_indeks(indeks_rantai, tahun),
        kalimat_target(target, tahun),
    )
    return [k for k in calon if k is not None]


def label_sumber(sumber: pl.DataFrame) -> str:
    """The names of the sources of one table, sample sources marked: "Ekspor bulanan contoh (data contoh)"."""
    if sumber.is_empty():
        return "sumber belum tercatat"
    nama = [r["nama"] + (" (data contoh)" if r["jenis"] == "contoh" else "") for r in sumber.iter_rows(named=True)]
    return "; ".join(nama)


def paragraf(kalimat: list[Kalimat], sumber: dict[str, str]) -> str:
    """Plain text: each sentence followed by its source in brackets (``sumber``: table -> source label)."""
    bagian = []
    for k in kalimat:
        label = sumber.get(k.tabel[0], k.tabel[0])
        bagian.append(f"{k.teks} [Sumber: {label}]")
    return " ".join(bagian)


def takeaway(kalimat: list[Kalimat]) -> str:
    """The slide's one-line takeaway: the export sentence if there is one, else the first."""
    for k in kalimat:
        if k.aturan == "ekspor":
            return k.teks.rstrip(".")
    return kalimat[0].teks.rstrip(".") if kalimat else ""


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|$<>~:"})


def aman(teks: str) -> str:
    """Escape Markdown (and the ``$`` that Streamlit reads as LaTeX) so text shows as written."""
    return teks.translate(_MARKDOWN)


def markdown(kalimat: list[Kalimat], sumber: dict[str, str]) -> str:
    """The paragraph for a page: each sentence escaped, its source after it in small grey type."""
    bagian = []
    for k in kalimat:
        label = sumber.get(k.tabel[0], k.tabel[0])
        bagian.append(f"{aman(k.teks)} :gray[(Sumber: {aman(label)})]")
    return " ".join(bagian)
