"""The office-server benchmark parts' arithmetic and report: ratios, goal lines and Markdown from given figures
(the measuring itself runs in ``make bench``, never in tests)."""

from __future__ import annotations

from typing import Any

import pytest

from dasbor.bench import cli, peramban, proksi


def _run(replika: int, sessions: int, scenario: str, p50: float, p95: float, errors: int = 0) -> dict[str, Any]:
    return {
        "replika": replika, "sessions": sessions, "scenario": scenario, "renders": 10, "planned": 10,
        "p50_ms": p50, "p95_ms": p95, "max_ms": p95, "landing_p95_ms": p95, "errors": errors, "wall_s": 1.0,
        "error_examples": ["ikm: timeout after 60 s"] if errors else [],
    }  # fmt: skip


RUNS = [
    _run(1, 30, "back_to_back", 600.0, 1500.0),
    _run(2, 30, "back_to_back", 300.0, 750.0),
    _run(1, 100, "meeting", 400.0, 2000.0, errors=2),
    _run(2, 100, "meeting", 200.0, 1000.0),
]


def test_ratios_are_one_replica_over_two() -> None:
    assert proksi.ratios(RUNS) == [
        {"sessions": 30, "scenario": "back_to_back", "p50_ratio": 2.0, "p95_ratio": 2.0},
        {"sessions": 100, "scenario": "meeting", "p50_ratio": 2.0, "p95_ratio": 2.0},
    ]
    assert proksi.ratios(RUNS[:1]) == []  # no 2-replica run to compare with


def test_goal_lines_judge_the_two_replica_runs() -> None:
    lines = {g["goal"]: g for g in proksi.goal_lines({"proksi": {"runs": RUNS}})}
    meeting = lines["100 sessions at meeting pace through the proxy (2 replicas): p95 <= 1 s, no errors"]
    assert meeting["status"] == "pass" and meeting["measured"] == "p95 1,000 ms, 0 errors"
    stress = lines["30 sessions back to back through the proxy (2 replicas): p95 <= 1 s, no errors"]
    assert stress["status"] == "pass"
    worse = [dict(r, errors=1) if r["replika"] == 2 else r for r in RUNS]
    assert {g["status"] for g in proksi.goal_lines({"proksi": {"runs": worse}})} == {"miss"}
    assert {g["status"] for g in proksi.goal_lines({})} == {"n/a"}

    figures = {
        "landing_ratio": 1.3,
        "switch": {"dasbor": {"p95_ms": 550.0}, "halo": {"p95_ms": 200.0}},
    }
    chromium = peramban.goal_lines({"peramban": figures})
    assert [g["status"] for g in chromium] == ["miss", "pass"]
    assert chromium[0]["measured"] == "1.30x" and chromium[1]["measured"] == "p95 550 ms"


def test_markdown_has_every_run_and_ratio() -> None:
    result = {"scale": 1.0, "proksi": {"runs": RUNS, "ratios": proksi.ratios(RUNS)}}
    text = "\n".join(proksi.markdown([result]))
    assert text.count("\n| 1 | ") == 2 and text.count("\n| 2 | ") == 2
    assert "| 100 | meeting | 2.00 | 2.00 |" in text
    assert "Errors (1 replica(s), 100 sessions, meeting): ikm: timeout after 60 s" in text
    assert proksi.markdown([{"scale": 1.0}]) == []


def test_office_parts_are_asked_for_by_name() -> None:
    """The default parts stay the quick ones; ``make bench`` names the office-server parts."""
    assert set(cli.DEFAULT_PARTS) < set(cli.PARTS)
    assert {"proksi", "peramban"} <= set(cli.PARTS) - set(cli.DEFAULT_PARTS)
    with pytest.raises(SystemExit, match="unknown"):
        cli.run(cli._parser().parse_args(["--json", "x.json", "--parts", "nginx"]))
