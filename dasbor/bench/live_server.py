"""A real ``streamlit run app.py`` on 127.0.0.1, driven by websocket clients: memory and concurrency.

The clients speak Streamlit's own protocol (the protobuf ``BackMsg``/``ForwardMsg`` a browser sends and
receives on ``/_stcore/stream``): ask for a page with a query string, read until ``script_finished``. So a
render here is the server's whole work for one page view (script, caches, serialisation, websocket), without
a browser's drawing. Errors are: an exception element on the page, a page not found, a script that did not
finish successfully, a dropped connection or a timeout.

Bounded: at most :data:`MAX_SESSIONS` sessions, a time limit per render and for the whole run, the server on
the loopback interface only, and always stopped at the end. Peak memory is the server's ``VmHWM`` (the
kernel's high-water mark of its resident set), read from ``/proc``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dasbor.bench.params import FILTER_KAB
from dasbor.bench.timing import percentile, rounded
from dasbor.warehouse import settings

MAX_SESSIONS = 200
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Server:
    """A running server: its process id and websocket address."""

    pid: int
    port: int

    @property
    def stream_url(self) -> str:
        return f"ws://{HOST}:{self.port}/_stcore/stream"


@dataclass
class Render:
    """One page view: how long it took and what went wrong, if anything."""

    page: str
    ms: float
    error: str | None = None
    pages: list[str] = field(default_factory=list)


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(warehouse: Path, *, startup_s: float = 60.0) -> Iterator[Server]:
    """Start ``streamlit run app.py`` against ``warehouse`` on a free loopback port; stop it on exit."""
    port = free_port()
    env = {**os.environ, "DASBOR_WAREHOUSE": str(warehouse)}
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.address", HOST, "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments, no shell
        command, cwd=settings.PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_healthy(port, process, startup_s)
        yield Server(process.pid, port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(port: int, process: subprocess.Popen[bytes], startup_s: float) -> None:
    deadline = time.monotonic() + startup_s
    url = f"http://{HOST}:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"streamlit stopped at start (exit {process.returncode}): {stderr[-2000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer on {url} within {startup_s:.0f} s")


def peak_rss_mb(pid: int) -> float | None:
    """The process's resident-set high-water mark (``VmHWM``), None where ``/proc`` is not available."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


async def _render(ws: Any, page: str, query: str, timeout: float) -> Render:
    """Ask for one page on an open session and read until the script has finished."""
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    start = time.perf_counter()
    render = Render(page=page or "(default)", ms=0.0)
    try:
        await ws.send(msg.SerializeToString())
        async with asyncio.timeout(timeout):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await ws.recv())
                kind = forward.WhichOneof("type")
                if kind == "navigation":
                    render.pages = [p.url_pathname for p in forward.navigation.app_pages]
                elif kind == "page_not_found" and render.error is None:
                    render.error = f"page not found: {page!r}"
                elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
                    render.error = render.error or f"exception: {forward.delta.new_element.exception.message}"
                elif kind == "script_finished":
                    if forward.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY and render.error is None:
                        render.error = f"script finished with status {forward.script_finished}"
                    break
    except TimeoutError:
        render.error = f"timeout after {timeout:.0f} s"
    except websockets.ConnectionClosed as exc:
        render.error = f"connection closed: {exc}"
    render.ms = (time.perf_counter() - start) * 1000
    return render


async def _session(
    server: Server,
    visits: list[tuple[str, str]],
    timeout: float,
    start: asyncio.Event,
    done: list[Render],
    pauses: list[float] | None = None,
) -> list[Render]:
    """One browser tab: connect, wait for the common start, then view the pages in order, reading for
    ``pauses[i]`` seconds after view ``i`` when given. Renders go into ``done`` as they finish, so a session
    cut off by the run limit still reports what it did."""
    try:
        # No keepalive pings: browsers send none, and a busy server must not look like a dead one.
        async with websockets.connect(
            server.stream_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            ping_interval=None,
        ) as ws:
            await start.wait()
            for i, (page, query) in enumerate(visits):
                done.append(await _render(ws, page, query, timeout))
                if pauses and i < len(visits) - 1:
                    await asyncio.sleep(pauses[i])
    except (OSError, websockets.WebSocketException) as exc:
        done.append(Render(page="(connect)", ms=0.0, error=f"connect failed: {exc}"))
    return done


async def _visit(server: Server, visits: list[tuple[str, str]], timeout: float) -> list[Render]:
    start = asyncio.Event()
    start.set()
    return await _session(server, visits, timeout, start, [])


def single_session(server: Server, timeout: float = 120.0) -> tuple[list[str], dict[str, Any]]:
    """One visitor opens the app (the default page; its navigation lists the pages), views every other page,
    then every page again and with the kabupaten filter. Returns the pages' URL paths ('' = the default page)
    and the figures per page."""
    landing = asyncio.run(_visit(server, [("", "")], timeout))[0]
    pages = landing.pages
    if not pages:
        raise RuntimeError(f"the server sent no navigation: {landing.error}")
    others = [p for p in pages if p]
    visits = [(p, "") for p in others] + [(p, "") for p in pages] + [(p, f"kab={FILTER_KAB}") for p in pages]
    renders = asyncio.run(_visit(server, visits, timeout))
    first = {"": landing, **dict(zip(others, renders[: len(others)], strict=True))}
    second = dict(zip(pages, renders[len(others) : len(others) + len(pages)], strict=True))
    filtered = dict(zip(pages, renders[len(others) + len(pages) :], strict=True))
    figures: dict[str, Any] = {}
    for page in pages:
        errors = [r.error for r in (first[page], second[page], filtered[page]) if r.error]
        figures[page or "(default)"] = {
            "first_ms": rounded(first[page].ms),
            "second_ms": rounded(second[page].ms),
            "filtered_ms": rounded(filtered[page].ms),
            "error": errors[0] if errors else None,
        }
    return pages, figures


def cpu_ms(pid: int) -> float | None:
    """CPU time (user + system) the process has used so far, including threads that have ended."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def concurrency(
    server: Server,
    pages: list[str],
    sessions: int,
    *,
    pause_s: tuple[float, float] | None = None,
    timeout: float = 60.0,
    limit_s: float = 300.0,
) -> dict[str, Any]:
    """``sessions`` visitors connect, then all open the landing page at the same moment (a link shared in a
    meeting) and go on through every page, each starting at a different one, with alternating filters.

    Without ``pause_s`` every visitor asks for the next page the moment the last one is done: a stress test,
    30 people clicking without reading. With ``pause_s=(a, b)`` each reads a page for a random a..b seconds
    (seeded, so runs compare) before the next: the pace of a meeting, where the common landing is the burst.
    """
    if not 1 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions must be between 1 and {MAX_SESSIONS}")
    rng = random.Random(7)  # noqa: S311 - reading times in a benchmark, not secrets
    pauses = [[rng.uniform(*pause_s) for _ in pages] if pause_s else [] for _ in range(sessions)]

    def plan(i: int) -> list[tuple[str, str]]:
        rotated = pages[i % len(pages) :] + pages[: i % len(pages)]
        query = f"kab={FILTER_KAB}" if i % 2 else ""
        return [("", "")] + [(p, query) for p in rotated]

    async def run() -> tuple[list[list[Render]], float]:
        start = asyncio.Event()
        results: list[list[Render]] = [[] for _ in range(sessions)]
        tasks = [
            asyncio.create_task(_session(server, plan(i), timeout, start, results[i], pauses[i]))
            for i in range(sessions)
        ]
        await asyncio.sleep(0.5)  # let every session connect before the common start
        began = time.perf_counter()
        start.set()
        _, pending = await asyncio.wait(tasks, timeout=limit_s)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        wall = time.perf_counter() - began
        for i in range(sessions):  # every view a session did not get to is an error
            missing = len(plan(i)) - len(results[i])
            results[i] += [Render("(unfinished)", 0.0, f"not viewed within the run limit of {limit_s:.0f} s")] * missing
        return results, wall

    per_session, wall_s = asyncio.run(run())
    renders = [r for session in per_session for r in session]
    viewed = [r for r in renders if r.page not in ("(unfinished)", "(connect)")]
    ok = [r.ms for r in renders if r.error is None]
    landing = [s[0].ms for s in per_session if s and s[0].error is None]
    errors = [f"{r.page}: {r.error}" for r in renders if r.error]
    return {
        "sessions": sessions,
        "pause_s": list(pause_s) if pause_s else None,
        "renders": len(viewed),
        "planned": len(renders),
        "p50_ms": rounded(statistics.median(ok)) if ok else None,
        "p95_ms": rounded(percentile(ok, 95)) if ok else None,
        "max_ms": rounded(max(ok)) if ok else None,
        "landing_p50_ms": rounded(statistics.median(landing)) if landing else None,
        "landing_p95_ms": rounded(percentile(landing, 95)) if landing else None,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:8],
        "wall_s": rounded(wall_s, 2),
        "timeout_s": timeout,
        "limit_s": limit_s,
    }


MEETING_PAUSE_S = (2.0, 8.0)
"""How long a person in a meeting looks at a page before the next click, in seconds (the meeting scenario)."""


def measure(
    warehouse: Path, sessions: int, *, pause_s: tuple[float, float] = MEETING_PAUSE_S, log: bool = True
) -> dict[str, Any]:
    """Start the server, view every page in one session, read the peak memory, then run the sessions twice:
    back to back (``concurrency``, the stress test) and at a meeting's pace (``concurrency_meeting``)."""
    with running_server(warehouse) as server:
        if log:
            print(f"  server on port {server.port}: every page in one session", flush=True)
        pages, single = single_session(server)
        rss_single = peak_rss_mb(server.pid)
        loads = {}
        for key, pause in (("concurrency", None), ("concurrency_meeting", pause_s)):
            if log:
                print(f"  {sessions} simultaneous sessions, {'pause ' + str(pause) if pause else 'no pause'}")
            cpu_before = cpu_ms(server.pid)
            load = concurrency(server, pages, sessions, pause_s=pause)
            cpu_after = cpu_ms(server.pid)
            load["peak_rss_mb"] = peak_rss_mb(server.pid)
            if cpu_before is not None and cpu_after is not None and load["renders"]:
                load["server_cpu_ms_per_render"] = rounded((cpu_after - cpu_before) / load["renders"])
            loads[key] = load
    return {"server_pages": single, "peak_rss_mb": rss_single, **loads}
