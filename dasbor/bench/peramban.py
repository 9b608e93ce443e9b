"""Landing and in-app page switch in a real headless Chromium, against the framework's floor.

Both the dashboard and ``bench/halo/app.py`` (a hello-world Streamlit app: two pages, a title and one Plotly
chart each) run the same way, ``python -m dasbor.layan --replika 1`` (one replica behind HAProxy, as ``make
serve`` serves), with the same ``.streamlit/config.toml``. Runs alternate between the two apps so both see the
same load on a shared machine.

- **Landing**: a fresh browser context (empty cache and cookies, like a meeting guest opening the link) from
  ``goto`` to the app's script finished (``stApp[data-test-script-state=notRunning]``), no stale element left and
  the first chart drawn. The dashboard lands on Ringkasan.
- **Page switch**: a click on a sidebar link to the page's title shown, the script finished, no stale element
  and, where the page has charts, a chart drawn. The dashboard cycles through its viewer pages (not Presentasi
  or Kelola Data, which are the presenter's and the admin's); the floor between its two pages.

Reported: medians and p95 per app and the ratios dashboard / floor. Chromium is Debian's (``/usr/bin/chromium``).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from dasbor.bench import proksi
from dasbor.bench.timing import percentile, rounded
from dasbor.warehouse import settings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
HALO = settings.PROJECT_ROOT / "bench" / "halo" / "app.py"
SKIP_PAGES = ("Presentasi", "Kelola Data")
SELESAI = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]');
}"""
JUDUL = """(judul) => {
  const h = document.querySelector('[data-testid="stMain"] h1');
  return h && h.innerText.trim() === judul;
}"""
GRAFIK = '[data-testid="stMain"] .js-plotly-plot .main-svg'


def _landing(browser: Any, url: str, timeout_ms: float) -> float:
    """One cold landing in a fresh context, in milliseconds."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.locator(GRAFIK).first.wait_for(timeout=timeout_ms)
        page.wait_for_function(SELESAI, timeout=timeout_ms, polling="raf")
        return (time.perf_counter() - start) * 1000
    finally:
        context.close()


class _Tab:
    """One open tab of an app, its sidebar pages and which of them draw charts."""

    def __init__(self, browser: Any, url: str, timeout_ms: float) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.timeout_ms = timeout_ms
        self.page.goto(url, wait_until="commit", timeout=timeout_ms)
        self.page.locator(GRAFIK).first.wait_for(timeout=timeout_ms)
        self.page.wait_for_function(SELESAI, timeout=timeout_ms)
        links = self.page.locator('[data-testid="stSidebarNav"] a').evaluate_all(
            "els => els.map(e => [e.getAttribute('href'), e.innerText])"
        )  # the text holds the icon's ligature name too: pages are keyed by their link
        self.labels = [href for href, text in links if not any(s in text for s in SKIP_PAGES)]
        self.names = {href: text.split("\n")[-1].strip() for href, text in links}
        self.titles: dict[str, str] = {}
        self.charts: dict[str, bool] = {}
        for label in self.labels:  # visit each once: its title and whether it draws charts
            self._click(label)
            self.page.wait_for_function(SELESAI, timeout=timeout_ms)
            self.page.wait_for_timeout(300)
            self.titles[label] = self.page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
            self.charts[label] = self.page.locator(GRAFIK).count() > 0

    def _click(self, label: str) -> None:
        self.page.locator(f'[data-testid="stSidebarNav"] a[href="{label}"]').first.click()

    def switch(self, label: str) -> float:
        """Open ``label`` from the sidebar; milliseconds until it is shown and finished."""
        start = time.perf_counter()
        self._click(label)
        self.page.wait_for_function(JUDUL, arg=self.titles[label], timeout=self.timeout_ms, polling="raf")
        self.page.wait_for_function(SELESAI, timeout=self.timeout_ms, polling="raf")
        if self.charts[label]:
            self.page.locator(GRAFIK).first.wait_for(timeout=self.timeout_ms)
        return (time.perf_counter() - start) * 1000

    def close(self) -> None:
        self.context.close()


def _figures(values: list[float]) -> dict[str, Any]:
    return {
        "n": len(values),
        "median_ms": rounded(statistics.median(values)) if values else None,
        "p95_ms": rounded(percentile(values, 95)) if values else None,
        "max_ms": rounded(max(values)) if values else None,
    }


def measure(warehouse: Path, *, landings: int = 5, rounds: int = 3, timeout_s: float = 120.0) -> dict[str, Any]:
    """``{"peramban": {...}}``: landing and page switch of the dashboard and of the floor, and their ratios."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing (apt-get install chromium)")
    timeout_ms = timeout_s * 1000
    land: dict[str, list[float]] = {"dasbor": [], "halo": []}
    switch: dict[str, list[float]] = {"dasbor": [], "halo": []}
    with (
        proksi.running_office(warehouse, 1) as dasbor,
        proksi.running_office(warehouse, 1, aplikasi=HALO) as halo,
        sync_playwright() as p,
    ):
        urls = {"dasbor": f"http://127.0.0.1:{dasbor['port']}/", "halo": f"http://127.0.0.1:{halo['port']}/"}
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for url in urls.values():  # first landing of each warms its server (not counted)
                _landing(browser, url, timeout_ms)
            for _ in range(landings):
                for name, url in urls.items():
                    land[name].append(_landing(browser, url, timeout_ms))
            tabs = {name: _Tab(browser, url, timeout_ms) for name, url in urls.items()}
            try:
                for _ in range(rounds):
                    for name, tab in tabs.items():
                        order = tab.labels[1:] + tab.labels[:1]  # from the landing page on, back to it
                        plan = order * (max(1, 7 // len(order)) if name == "halo" else 1)
                        switch[name] += [tab.switch(label) for label in plan]
                pages = [tabs["dasbor"].names[h] for h in tabs["dasbor"].labels]
            finally:
                for tab in tabs.values():
                    tab.close()
        finally:
            browser.close()
    result: dict[str, Any] = {
        "landing": {name: _figures(v) for name, v in land.items()},
        "switch": {name: _figures(v) for name, v in switch.items()},
        "pages": pages,
    }
    ld, lh = result["landing"]["dasbor"]["median_ms"], result["landing"]["halo"]["median_ms"]
    sd, sh = result["switch"]["dasbor"]["p95_ms"], result["switch"]["halo"]["p95_ms"]
    result["landing_ratio"] = rounded(ld / lh, 2) if ld and lh else None
    result["switch_p95_ratio"] = rounded(sd / sh, 2) if sd and sh else None
    return {"peramban": result}


def goal_lines(result: dict[str, Any]) -> list[dict[str, str]]:
    """Issue 15's Chromium goals (never asserted)."""
    b = result.get("peramban") or {}
    ratio = b.get("landing_ratio")
    p95 = (b.get("switch") or {}).get("dasbor", {}).get("p95_ms")
    return [
        {
            "goal": "landing in Chromium <= 1.25x the framework floor (hello-world app, median)",
            "measured": f"{ratio:.2f}x" if ratio is not None else "not measured",
            "status": "n/a" if ratio is None else ("pass" if ratio <= 1.25 else "miss"),
        },
        {
            "goal": "in-app page switch in Chromium: p95 <= 0.6 s",
            "measured": f"p95 {p95:,.0f} ms" if p95 is not None else "not measured",
            "status": "n/a" if p95 is None else ("pass" if p95 <= 600.0 else "miss"),
        },
    ]


def markdown(results: list[dict[str, Any]]) -> list[str]:
    """The report's section for the Chromium figures."""
    lines: list[str] = []
    for r in results:
        b = r.get("peramban")
        if not b:
            continue
        lines += [f"## Chromium: landing and page switch against the framework floor (scale {r['scale']:g})", ""]
        lines += [
            "Both apps behind HAProxy with one replica (`python -m dasbor.layan --replika 1`); the floor is "
            "`bench/halo/app.py` (two pages, a title and one Plotly chart each). Landing: a fresh context, `goto` "
            "to script finished and the first chart drawn. Switch: a sidebar click to the new page's title, script "
            f"finished and its chart drawn; dashboard pages: {', '.join(b['pages'])}.",
            "",
            "| measure | dashboard median | dashboard p95 | floor median | floor p95 | ratio |",
            "|---|---|---|---|---|---|",
        ]
        for key, label, ratio in (
            ("landing", "landing", b.get("landing_ratio")),
            ("switch", "page switch", b.get("switch_p95_ratio")),
        ):
            d, h = b[key]["dasbor"], b[key]["halo"]
            what = "median" if key == "landing" else "p95"
            lines.append(
                f"| {label} (n = {d['n']} / {h['n']}) | {_n(d['median_ms'])} | {_n(d['p95_ms'])} | "
                f"{_n(h['median_ms'])} | {_n(h['p95_ms'])} | {ratio if ratio is not None else '–'} ({what}) |"
            )
        lines.append("")
    return lines


def _n(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"
