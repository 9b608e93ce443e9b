"""Baselines of the Program and Target pages: programme results and plan targets with what was achieved."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dasbor.bench.pandas_baseline.dasar import Tables, indeks_per, need, of_kab

PROGRAM_JUMLAH = ["peserta", "diajukan", "hasil", "target"]
"""Programme counts; a sum over nothing recorded stays null, as in SQL."""


def program_tahunan(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One programme's participants, submissions, results and targets per year over the chosen kabupaten."""
    program = need(t.program, "program")
    program = of_kab(program[program["jenis"] == p["jenis"]], p["kab"])
    grouped = program.groupby("tahun")
    hasil = pd.DataFrame({c: grouped[c].sum(min_count=1) for c in PROGRAM_JUMLAH})
    hasil["satuan"] = grouped["satuan"].max()
    return hasil.reset_index().sort_values("tahun", ignore_index=True)


def program_per_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One programme in the year for every kabupaten (participants and results 0 where none recorded)."""
    program = need(t.program, "program")
    program = program[(program["jenis"] == p["jenis"]) & (program["tahun"] == p["tahun"])]
    hasil = t.wilayah[["kode_bps", "nama"]].merge(program[["kode_bps", *PROGRAM_JUMLAH]], on="kode_bps", how="left")
    hasil["peserta"] = hasil["peserta"].fillna(0)
    hasil["hasil"] = hasil["hasil"].fillna(0)
    return hasil.sort_values("kode_bps", ignore_index=True)


def program_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Every programme of one kabupaten in the year."""
    program = need(t.program, "program")
    program = program[(program["kode_bps"] == p["kab"]) & (program["tahun"] == p["tahun"])]
    columns = ["jenis", "peserta", "diajukan", "hasil", "target", "satuan"]
    return program.sort_values("jenis", ignore_index=True)[columns]


TARGET_KOLOM = ["indikator", "tahun", "nilai_target", "satuan", "dokumen"]


def target_capaian(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """Province-level targets per year with what was achieved: registry count, Indeks Hilirisasi, halal
    certificates."""
    target = need(t.target, "target")
    program = need(t.program, "program")
    halal = program[program["jenis"] == "halal"].groupby("tahun")["hasil"].sum(min_count=1).astype(float)
    capaian = pd.concat(
        {
            "jumlah_ikm": t.ikm.groupby("tahun_data").size().rename_axis("tahun").astype(float),
            "indeks_hilirisasi": indeks_per(t.ekspor, "tahun"),
            "sertifikat_halal": halal,
        },
        names=["indikator", "tahun"],
    ).rename("capaian")
    provinsi = target[target["kode_bps"].isna()][TARGET_KOLOM]
    hasil = provinsi.merge(capaian.reset_index(), on=["indikator", "tahun"], how="left")
    return hasil.sort_values(["indikator", "tahun"], ignore_index=True)


def target_kabupaten(t: Tables, p: dict[str, Any]) -> pd.DataFrame:
    """One kabupaten's targets per year, with the registry count achieved for the jumlah_ikm indicator."""
    target = need(t.target, "target")
    jumlah = t.ikm[t.ikm["kode_bps"] == p["kab"]].groupby("tahun_data").size().astype(float)
    hasil = target[target["kode_bps"] == p["kab"]][TARGET_KOLOM].reset_index(drop=True)
    hasil["capaian"] = hasil["tahun"].map(jumlah).where(hasil["indikator"] == "jumlah_ikm")
    return hasil.sort_values(["indikator", "tahun"], ignore_index=True)
