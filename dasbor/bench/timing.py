"""Stopwatch and the statistics the benchmark reports: median, 95th percentile, geometric mean.

Runs are bounded by count and by a time budget, so a slow case at scale 60 costs seconds, not an hour, and
still gets at least ``minimum`` runs.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Samples:
    """Wall-clock durations of repeated runs, in milliseconds, and the last run's result."""

    ms: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        return percentile(self.ms, 95)


def stopwatch(fn: Callable[[], T]) -> tuple[float, T]:
    """Run ``fn`` once; its duration in milliseconds and its result."""
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def repeat(fn: Callable[[], object], *, runs: int, budget_s: float, minimum: int = 3, warmup: int = 1) -> Samples:
    """Time ``fn`` ``runs`` times after ``warmup`` untimed calls, stopping early once ``budget_s`` is spent
    (but never before ``minimum`` timed runs)."""
    for _ in range(warmup):
        fn()
    ms: list[float] = []
    started = time.perf_counter()
    while len(ms) < runs:
        ms.append(stopwatch(fn)[0])
        if len(ms) >= minimum and time.perf_counter() - started > budget_s:
            break
    return Samples(ms)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: with few samples the 95th is the slowest run, never an interpolated guess."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def geomean(values: Sequence[float]) -> float | None:
    """Geometric mean of positive ratios (speed-ups); None when there are none."""
    positive = [v for v in values if v > 0]
    if not positive:
        return None
    return math.exp(sum(math.log(v) for v in positive) / len(positive))


def rounded(value: float | None, digits: int = 1) -> float | None:
    """A figure for the JSON: rounded, None stays None."""
    return None if value is None else round(value, digits)
