"""``python -m dasbor.layan --replika N --port P``: the office server, N Streamlit replicas behind HAProxy.

Streamlit keeps a session in the memory of the process that opened it, so more viewers need more processes and
a proxy that keeps each browser on its process (page, websocket, downloads, uploads). This command:

1. starts N ``streamlit run app.py`` processes on free loopback ports, each in its own process group, all with
   one shared cookie secret (a browser moved to another replica when its own died keeps a valid XSRF cookie);
2. waits until each answers ``/_stcore/health``;
3. writes the HAProxy configuration from ``deploy/haproxy/dasbor.cfg.in`` into a runtime folder and runs
   HAProxy in the foreground: sticky sessions by cookie, active health checks, websockets, gzip;
4. watches: a replica that exits is started again on its port (HAProxy's check brings it back), a proxy
   that exits stops everything;
5. on SIGTERM or Ctrl-C stops every process group it started, HAProxy first, and removes the runtime folder.

Children also get ``PR_SET_PDEATHSIG``: if this command is killed outright (SIGKILL), the kernel stops them.
``--tulis-konfigurasi FILE`` only renders the configuration (for systemd: ``deploy/README.md``).
Why HAProxy and not nginx: ``docs/keputusan.md`` (issue 15).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from dasbor.warehouse import settings

TEMPLATE = settings.PROJECT_ROOT / "deploy" / "haproxy" / "dasbor.cfg.in"
HOST = "127.0.0.1"
MAX_REPLIKA = 32
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Konfigurasi:
    """What the HAProxy configuration needs: where to listen and the replicas' loopback ports."""

    port: int
    port_replika: tuple[int, ...]
    socket: Path
    alamat: str = "0.0.0.0"  # noqa: S104 - an office server listens on the office network
    sertifikat: Path | None = None
    log: str = "stdout format raw"
    port_http: int = 80


def render(k: Konfigurasi, template: Path = TEMPLATE) -> str:
    """The HAProxy configuration for ``k``. With a certificate (one PEM: certificate, chain and key) the proxy
    serves HTTPS on ``port`` and redirects plain HTTP on ``port_http`` (80; 0 = no plain port) to it."""
    servers = "\n".join(f"    server r{i} {HOST}:{port} cookie r{i}" for i, port in enumerate(k.port_replika, start=1))
    if k.sertifikat is None:
        bind = f"    bind {k.alamat}:{k.port}"
        tls_global, secure = "", ""
    else:
        bind = f"    bind {k.alamat}:{k.port} ssl crt {k.sertifikat} alpn http/1.1\n"
        if k.port_http:
            bind += f"    bind {k.alamat}:{k.port_http}\n"
            bind += "    http-request redirect scheme https code 301 unless { ssl_fc }\n"
        bind += '    http-response set-header Strict-Transport-Security "max-age=31536000"'
        tls_global = "    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets"
        secure = " secure"
    nilai = {
        "LOG": k.log,
        "SOCKET": str(k.socket),
        "TLS_GLOBAL": tls_global,
        "BIND": bind,
        "COOKIE_SECURE": secure,
        "SERVERS": servers,
    }
    teks = template.read_text(encoding="utf-8")
    for kunci, isi in nilai.items():
        teks = teks.replace("{{" + kunci + "}}", isi)
    if "{{" in teks:
        raise ValueError(f"{template}: penanda yang tidak dikenal tersisa")
    return "\n".join(line for line in teks.splitlines() if line.strip() or not line) + "\n"


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _mati_bersama_induk() -> None:
    """In the child before exec: ask the kernel for SIGTERM when the parent dies (Linux only, best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def perintah_replika(port: int, aplikasi: Path) -> list[str]:
    """The command line of one replica: ``streamlit run app.py`` on a loopback port (the cookie secret goes in
    the environment: Streamlit refuses it as a flag)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(aplikasi),
        "--server.port", str(port), "--server.address", HOST, "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip


@dataclass
class Replika:
    """One Streamlit process the command started (and restarts when it exits)."""

    nama: str
    port: int
    proses: subprocess.Popen[bytes] | None = None
    mulai_ulang: int = 0


@dataclass
class Layanan:
    """Everything one ``dasbor.layan`` run started; :meth:`hentikan` stops all of it."""

    replika: list[Replika]
    folder: Path
    cookie_secret: str
    aplikasi: Path = settings.PROJECT_ROOT / "app.py"
    proksi: subprocess.Popen[bytes] | None = None
    _berhenti: bool = field(default=False, repr=False)

    def _mulai(
        self, command: Sequence[str], log_name: str | None, env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        """Start ``command`` in its own process group; output to ``log_name`` in the runtime folder, or to this
        command's own output when None (the proxy: replicas going down and up show in the terminal)."""
        out = (self.folder / log_name).open("ab") if log_name else None
        try:
            return subprocess.Popen(  # noqa: S603 - our interpreter or haproxy, fixed arguments, no shell
                list(command),
                cwd=settings.PROJECT_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT if out is not None else None,
                start_new_session=True,
                preexec_fn=_mati_bersama_induk,
            )
        finally:
            if out is not None:
                out.close()

    def mulai_replika(self, r: Replika) -> None:
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret}
        r.proses = self._mulai(perintah_replika(r.port, self.aplikasi), f"{r.nama}.log", env)

    def mulai_proksi(self, config: Path) -> None:
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            raise SystemExit(
                "HAProxy tidak ditemukan. Pasang dulu: sudo apt-get install -y --no-install-recommends haproxy"
            )
        check = subprocess.run(  # noqa: S603 - fixed arguments
            [haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True, check=False
        )
        if check.returncode != 0:
            raise SystemExit(f"Konfigurasi HAProxy {config} ditolak:\n{check.stdout}{check.stderr}")
        self.proksi = self._mulai([haproxy, "-db", "-f", str(config)], None)

    def tulis_keadaan(self, port: int, socket_path: Path) -> None:
        """``layanan.json`` in the runtime folder: the proxy's port and socket, each replica's port and process
        id (for an administrator, and for the test that stops one replica). Written atomically."""
        keadaan = {
            "port": port,
            "socket": str(socket_path),
            "proksi_pid": self.proksi.pid if self.proksi else None,
            "replika": [
                {"nama": r.nama, "port": r.port, "pid": r.proses.pid if r.proses else None} for r in self.replika
            ],
        }
        sementara = self.folder / "layanan.json.tmp"
        sementara.write_text(json.dumps(keadaan, indent=1) + "\n", encoding="utf-8")
        sementara.replace(self.folder / "layanan.json")

    def hentikan(self) -> None:
        """Stop the proxy, then every replica: SIGTERM to each process group, SIGKILL after 10 s."""
        if self._berhenti:
            return
        self._berhenti = True
        proses = [p for p in [self.proksi, *(r.proses for r in self.replika)] if p is not None]
        for p in proses:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(p.pid, signal.SIGTERM)
        batas = time.monotonic() + 10
        for p in proses:
            try:
                p.wait(timeout=max(0.1, batas - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        # Streamlit may leave a child of its own (e.g. a kaleido Chromium) in its group: clean the groups too.
        for p in proses:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(p.pid, signal.SIGKILL)


def sehat(port: int, timeout: float = 2.0) -> bool:
    """Whether the replica on ``port`` answers its health check."""
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def tunggu_sehat(layanan: Layanan, batas_s: float) -> None:
    """Wait until every replica answers; a replica that exits while starting stops the start."""
    batas = time.monotonic() + batas_s
    menunggu = list(layanan.replika)
    while menunggu:
        for r in list(menunggu):
            if r.proses is not None and r.proses.poll() is not None:
                ekor = (layanan.folder / f"{r.nama}.log").read_text(encoding="utf-8", errors="replace")[-2000:]
                raise SystemExit(
                    f"Replika {r.nama} (port {r.port}) berhenti saat mulai (kode {r.proses.returncode}):\n{ekor}"
                )
            if sehat(r.port):
                menunggu.remove(r)
        if menunggu and time.monotonic() > batas:
            raise SystemExit(f"Replika {', '.join(r.nama for r in menunggu)} tidak menjawab dalam {batas_s:.0f} detik.")
        time.sleep(0.2)


def tunggu_proksi(layanan: Layanan, alamat: str, port: int, batas_s: float = 15.0) -> None:
    """Wait until HAProxy accepts connections on its port; a proxy that exits (port taken) stops the start."""
    host = HOST if alamat in ("0.0.0.0", "::") else alamat  # noqa: S104
    batas = time.monotonic() + batas_s
    while True:
        if layanan.proksi is not None and layanan.proksi.poll() is not None:
            raise SystemExit(f"HAProxy berhenti saat mulai (kode {layanan.proksi.returncode}): port {port} terpakai?")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        if time.monotonic() > batas:
            raise SystemExit(f"HAProxy tidak menerima sambungan di port {port} dalam {batas_s:.0f} detik.")
        time.sleep(0.1)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dasbor.layan",
        description="Server kantor: N replika Streamlit di belakang HAProxy (sesi lengket per cookie).",
    )
    p.add_argument(
        "--replika", type=int, default=os.cpu_count() or 1, help="jumlah proses Streamlit (bawaan: jumlah inti)"
    )
    p.add_argument("--port", type=int, default=8080, help="port proksi untuk peramban (bawaan 8080)")
    p.add_argument("--alamat", default="0.0.0.0", help="alamat dengar proksi (bawaan: semua antarmuka)")  # noqa: S104
    p.add_argument(
        "--sertifikat", type=Path, default=None, help="PEM sertifikat kantor (sertifikat + rantai + kunci): HTTPS"
    )
    p.add_argument(
        "--folder", type=Path, default=None, help="folder kerja (konfigurasi, log); bawaan: folder sementara"
    )
    p.add_argument(
        "--port-replika",
        default="",
        help="port replika dipisah koma (bawaan: port bebas); dipakai bersama --tulis-konfigurasi untuk systemd",
    )
    p.add_argument(
        "--port-http", type=int, default=80, help="dengan --sertifikat: port HTTP yang dialihkan ke HTTPS (0 = tanpa)"
    )
    p.add_argument("--socket", type=Path, default=None, help="socket runtime HAProxy (bawaan: di folder kerja)")
    p.add_argument("--log", default=None, help="tujuan log HAProxy (bawaan: stdout; systemd: /dev/log)")
    p.add_argument("--tulis-konfigurasi", type=Path, default=None, help="hanya tulis konfigurasi HAProxy ke berkas ini")
    p.add_argument(
        "--aplikasi",
        type=Path,
        default=settings.PROJECT_ROOT / "app.py",
        help="skrip Streamlit (bawaan app.py; tolok ukur memakai bench/halo/app.py sebagai lantai kerangka)",
    )
    p.add_argument("--batas-mulai", type=float, default=120.0, help="detik menunggu replika siap")
    return p


def _port_replika(args: argparse.Namespace) -> tuple[int, ...]:
    if not args.port_replika:
        return tuple(free_port() for _ in range(args.replika))
    try:
        ports = tuple(int(p) for p in args.port_replika.split(","))
    except ValueError:
        raise SystemExit(f"--port-replika: daftar port dipisah koma, bukan {args.port_replika!r}") from None
    if len(ports) != args.replika:
        raise SystemExit(f"--port-replika memberi {len(ports)} port untuk {args.replika} replika")
    return ports


def main(argv: Sequence[str] | None = None) -> int:
    """Render the configuration, or start and watch the replicas and the proxy until a signal."""
    args = _parser().parse_args(argv)
    if not 1 <= args.replika <= MAX_REPLIKA:
        raise SystemExit(f"--replika harus 1 sampai {MAX_REPLIKA}")
    ports = _port_replika(args)
    if args.tulis_konfigurasi is not None:  # the certificate may be installed later: not checked here
        socket_path = args.socket or Path("/run/dasbor-proksi/haproxy.sock")
        k = Konfigurasi(
            args.port, ports, socket_path, args.alamat, args.sertifikat, args.log or "/dev/log", args.port_http
        )
        args.tulis_konfigurasi.write_text(render(k), encoding="utf-8")
        print(f"Konfigurasi HAProxy ditulis ke {args.tulis_konfigurasi}")
        return 0

    if args.sertifikat is not None and not args.sertifikat.is_file():
        raise SystemExit(f"Sertifikat {args.sertifikat} tidak ada.")
    if not settings.warehouse_path().exists():
        raise SystemExit(f"Gudang data {settings.warehouse_path()} belum ada. Jalankan `make data` lebih dulu.")
    sementara = args.folder is None
    folder = Path(tempfile.mkdtemp(prefix="dasbor-layan-")) if args.folder is None else args.folder
    folder.mkdir(parents=True, exist_ok=True)
    layanan = Layanan(
        replika=[Replika(f"r{i}", port) for i, port in enumerate(ports, start=1)],
        folder=folder,
        cookie_secret=secrets.token_hex(32),
        aplikasi=args.aplikasi.resolve(),
    )

    def berhenti(signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, berhenti)
    signal.signal(signal.SIGINT, berhenti)
    kode = 0
    try:
        for r in layanan.replika:
            layanan.mulai_replika(r)
        tunggu_sehat(layanan, args.batas_mulai)
        config = folder / "haproxy.cfg"
        socket_path = args.socket or folder / "haproxy.sock"
        k = Konfigurasi(
            args.port, ports, socket_path, args.alamat, args.sertifikat, args.log or "stdout format raw", args.port_http
        )
        config.write_text(render(k), encoding="utf-8")
        layanan.mulai_proksi(config)
        tunggu_proksi(layanan, args.alamat, args.port)
        layanan.tulis_keadaan(args.port, socket_path)
        skema = "https" if args.sertifikat else "http"
        tampil = "localhost" if args.alamat in ("0.0.0.0", "::") else args.alamat  # noqa: S104
        print(
            f"Dasbor siap di {skema}://{tampil}:{args.port}/ ({len(ports)} replika: "
            f"{', '.join(f'{r.nama}={r.port}' for r in layanan.replika)}; folder kerja {folder}). Ctrl-C menghentikan.",
            flush=True,
        )
        kode = _awasi(layanan, lambda: layanan.tulis_keadaan(args.port, socket_path))
    except KeyboardInterrupt:
        print("Menghentikan dasbor ...", flush=True)
    finally:
        # A second Ctrl-C or SIGTERM while stopping must not cut the cleanup short (orphans, a stale folder).
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        layanan.hentikan()
        if sementara:
            shutil.rmtree(folder, ignore_errors=True)
    return kode


def _awasi(layanan: Layanan, setelah_mulai_ulang: Callable[[], None]) -> int:
    """Watch until a signal: restart a replica that exited (after a short pause), stop when the proxy exits."""
    while True:
        time.sleep(0.5)
        if layanan.proksi is not None and layanan.proksi.poll() is not None:
            print(f"HAProxy berhenti (kode {layanan.proksi.returncode}).", file=sys.stderr)
            return 1
        for r in layanan.replika:
            if r.proses is not None and r.proses.poll() is not None:
                r.mulai_ulang += 1
                print(
                    f"Replika {r.nama} (port {r.port}) berhenti (kode {r.proses.returncode}); dijalankan lagi "
                    f"(ke-{r.mulai_ulang}). HAProxy memakainya lagi setelah pemeriksaan kesehatan lolos.",
                    file=sys.stderr,
                    flush=True,
                )
                time.sleep(min(10.0, 1.0 * r.mulai_ulang))
                layanan.mulai_replika(r)
                setelah_mulai_ulang()


if __name__ == "__main__":
    raise SystemExit(main())
