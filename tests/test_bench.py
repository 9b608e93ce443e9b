"""The benchmark tool: parameters for every query, pandas baselines that agree with SQL, goal verdicts from
given figures, and one tiny end-to-end run (JSON shape only: timings on a shared machine are not a test)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest

from dasbor.bench import compare, goals, pandas_baseline, params, results, warehouse
from dasbor.warehouse import db
from tests.conftest import Fixture

ROOT = Path(__file__).resolve().parent.parent
TAHUN = 2025


def test_param_names_skip_comments_and_strings() -> None:
    sql = "-- uses $nothing\nselect '$not_a_param', $tahun, $kab, $tahun from t where x = 'it''s $x'"
    assert params.param_names(sql) == ["tahun", "kab"]


@pytest.mark.parametrize("nama", db.query_names())
def test_every_query_has_bench_parameters_that_duckdb_accepts(gudang: Fixture, nama: str) -> None:
    p = params.params_for(nama, TAHUN)
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        db.run_query(con, nama, **p)
    finally:
        con.close()


def test_unknown_parameter_names_the_query_and_the_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "load_sql", lambda name: "select $tidak_dikenal")
    with pytest.raises(KeyError, match=r"queries/contoh\.sql: no bench value for \$tidak_dikenal"):
        params.params_for("contoh", TAHUN)


@pytest.fixture(scope="module")
def tabel_pandas(gudang: Fixture, tmp_path_factory: pytest.TempPathFactory) -> pandas_baseline.Tables:
    folder = tmp_path_factory.mktemp("parquet")
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        warehouse.export_parquet(con, gudang.warehouse, folder, log=False)
    finally:
        con.close()
    return pandas_baseline.load(folder)


@pytest.mark.parametrize("nama", sorted(set(pandas_baseline.BASELINES) & set(db.query_names())))
@pytest.mark.parametrize(
    "tapis",
    [
        {},
        {"kab": ["6303", "6310"]},
        {"kab": ["6310"], "sektor": ["Pangan", "Kerajinan"], "halal": False, "cari": "a", "berdiri_dari": 2000},
        {"rantai": ["sawit", "karet"], "tahap": ["hilir"], "ekspor": True, "skala": ["kecil"]},
    ],
    ids=["provinsi", "dua-kabupaten", "ikm-bertapis", "rantai-tahap"],
)
def test_pandas_baseline_equals_the_query(
    gudang: Fixture, tabel_pandas: pandas_baseline.Tables, nama: str, tapis: dict[str, object]
) -> None:
    p = params.params_for(nama, TAHUN)
    if isinstance(p.get("kab"), str):  # a one-kabupaten query: the list filters do not apply
        tapis = {}
    p.update({k: v for k, v in tapis.items() if k in p})
    con = db.connect(gudang.warehouse, read_only=True)
    try:
        sql = db.run_query(con, nama, **p)
    finally:
        con.close()
    assert sql.height > 0
    assert compare.difference(sql, pandas_baseline.BASELINES[nama](tabel_pandas, p)) is None


def test_compare_tolerates_representation_and_catches_values() -> None:
    query = pl.DataFrame({"tahun": [2024, 2025], "nilai": [1.0, None], "nama": ["a", "b"]})
    same = pd.DataFrame({"tahun": [2025, 2024], "nilai": [math.nan, 1.0 + 1e-12], "nama": ["b", "a"]})
    assert compare.difference(query, same) is None
    other = pd.DataFrame({"tahun": [2024, 2025], "nilai": [1.1, math.nan], "nama": ["a", "b"]})
    assert compare.difference(query, other) == "row 0, column nilai: 1.0 vs 1.1"
    assert compare.difference(query, same.drop(columns="nama")) is not None
    assert compare.difference(query, same.head(1)) == "2 rows vs 1"


def _hasil(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "scale": 1.0,
        "pages": {"_harness": {"empty_script_ms": 3.0}, "a": {"cold_ms": 900.0, "warm_ms": 40.0}},
        "server_pages": {"(default)": {"second_ms": 120.0}},
        "queries": {"q1": {"median_ms": 2.0, "speedup": 9.0}, "q2": {"median_ms": 60.0, "speedup": 1.0}},
        "peak_rss_mb": 700.0,
        "concurrency": {"sessions": 30, "p95_ms": 1400.0, "errors": 0},
        "concurrency_meeting": {"sessions": 30, "p95_ms": 800.0, "errors": 0, "pause_s": [2.0, 8.0]},
    }
    base.update(over)
    return base


def test_goals_report_pass_and_miss_from_the_figures() -> None:
    verdict = {g["goal"]: g["status"] for g in goals.evaluate(_hasil())}
    assert verdict["every page warm <= 150 ms (AppTest)"] == "pass"
    assert verdict["every page cold <= 1,500 ms (AppTest)"] == "pass"
    assert verdict["every query median <= 50 ms"] == "miss"
    assert verdict["geometric-mean speed-up over pandas >= 3x"] == "pass"  # sqrt(9 * 1) = 3
    assert verdict["peak RSS of the app process <= 600 MB"] == "miss"
    assert verdict["30 concurrent sessions (back to back): p95 <= 1 s, no errors"] == "miss"
    assert verdict["30 concurrent sessions (meeting pace, 2-8 s per page): p95 <= 1 s, no errors"] == "pass"
    nasional = {g["goal"]: g["status"] for g in goals.evaluate(_hasil(scale=60.0, build_s=None))}
    assert nasional["every query median <= 1,000 ms"] == "pass"
    assert nasional["geometric-mean speed-up over pandas >= 10x"] == "miss"
    assert nasional["build in minutes (<= 10 min)"] == "n/a"
    errors = goals.evaluate(_hasil(concurrency_meeting={"sessions": 30, "p95_ms": 10.0, "errors": 1}))
    assert errors[-1]["status"] == "miss"


def test_bench_smoke_run_writes_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "hasil.json"
    command = [
        sys.executable, "-m", "dasbor.bench", "--scale", "0.01", "--json", str(out), "--runs", "1",
        "--query-runs", "2", "--pandas-runs", "1", "--sessions", "2", "--pause", "0.01,0.02",
        "--cache", str(tmp_path / "cache"),
        "--markdown", str(tmp_path / "hasil.md"),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    hasil = json.loads(out.read_text(encoding="utf-8"))

    assert hasil["errors"] == []
    assert hasil["warehouse"]["origin"] == "built" and hasil["build_s"] > 0 and hasil["warehouse_size_mb"] > 0
    assert hasil["warehouse"]["rows"]["ikm"] > 0

    halaman = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    assert sorted(k for k in hasil["pages"] if not k.startswith("_")) == halaman
    for nama in halaman:
        page = hasil["pages"][nama]
        assert page["error"] is None, (nama, page["error"])
        assert page["cold_ms"] > 0 and page["warm_ms"] > 0 and page["filtered_ms"] > 0

    assert sorted(hasil["queries"]) == db.query_names()
    for nama, q in hasil["queries"].items():
        assert q["median_ms"] > 0 and q["p95_ms"] >= q["median_ms"], nama
        if nama in pandas_baseline.BASELINES:
            assert q["equal"] is True, (nama, q["pandas_note"])
            assert q["pandas_median_ms"] > 0
        else:
            assert q["pandas_median_ms"] is None and q["pandas_note"]

    assert len(hasil["server_pages"]) == len(halaman)
    assert all(p["error"] is None for p in hasil["server_pages"].values()), hasil["server_pages"]
    assert hasil["peak_rss_mb"] > 0
    for key in ("concurrency", "concurrency_meeting"):
        beban = hasil[key]
        assert beban["sessions"] == 2 and beban["renders"] == 2 * (1 + len(halaman)) and beban["errors"] == 0
        assert beban["p95_ms"] >= beban["p50_ms"] > 0
    assert hasil["concurrency"]["pause_s"] is None and hasil["concurrency_meeting"]["pause_s"] == [0.01, 0.02]

    assert hasil["machine"]["cores"] >= 1 and hasil["machine"]["versions"]["streamlit"]
    assert {g["status"] for g in hasil["goals"]} <= {"pass", "miss", "n/a"}
    markdown = (tmp_path / "hasil.md").read_text(encoding="utf-8")
    assert all(f"| {nama} |" in markdown for nama in [*halaman, *db.query_names()])

    laporan = tmp_path / "RESULTS.md"
    assert results.main([str(out), str(tmp_path / "belum.json"), "--out", str(laporan)]) == 0
    assert "Not run yet" in laporan.read_text(encoding="utf-8")
