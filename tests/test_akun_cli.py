"""``python -m dasbor.akun tambah|hapus|daftar``: accounts beside the warehouse, hashes only, audited."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dasbor.warehouse import akun, audit
from dasbor.warehouse.peran import Pengguna, TidakBoleh

ROOT = Path(__file__).resolve().parent.parent
SANDI = "sandi-operator-tapin"


def _akun(w: Path, *args: str, sandi: str = SANDI) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dasbor.akun", "--warehouse", str(w), *args],
        input=sandi + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_add_list_and_remove_accounts_from_the_command_line(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    r = _akun(w, "tambah", "citra", "--peran", "operator", "--kab", "6305")
    assert r.returncode == 0, r.stderr
    assert "Akun citra disimpan: Operator kabupaten (6305)" in r.stdout
    assert _akun(w, "tambah", "ani", "--peran", "admin").returncode == 0
    isi = akun.path_akun(w).read_text(encoding="utf-8")
    assert SANDI not in isi and "scrypt$131072$8$1$" in isi
    assert stat.S_IMODE(akun.path_akun(w).stat().st_mode) == 0o600
    a = akun.baca_akun({}, "", w)["citra"]
    assert a.pengguna == Pengguna("citra", "operator", "6305") and akun.cocok(SANDI, a.hash)
    daftar = _akun(w, "daftar").stdout.splitlines()
    assert [b.split()[0] for b in daftar] == ["ani", "citra"] and "scrypt" not in "".join(daftar)
    r = _akun(w, "hapus", "citra")
    assert r.returncode == 0 and "citra" not in akun.baca_akun({}, "", w)
    log = audit.baca(w)
    assert log["tindakan"].to_list() == ["akun.hapus", "akun.tambah", "akun.tambah"]
    assert all(o.endswith("(baris perintah)") for o in log["oleh"].to_list())
    assert json.loads(log["sebelum"][0]) == {"peran": "operator", "kab": "6305"}


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["tambah", "citra", "--peran", "operator"], "Operator memerlukan --kab"),
        (["tambah", "citra", "--peran", "operator", "--kab", "9999"], "Operator memerlukan --kab"),
        (["tambah", "budi", "--peran", "penyaji", "--kab", "6303"], "Hanya operator"),
        (["tambah", "Budi Santoso", "--peran", "penyaji"], "Nama pengguna 'Budi Santoso' tidak sah"),
        (["hapus", "tidakada"], "Akun 'tidakada' tidak ada"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(tmp_path: Path, args: list[str], pesan: str) -> None:
    r = _akun(tmp_path / "warehouse.duckdb", *args)
    assert r.returncode == 1 and pesan in r.stderr and "Traceback" not in r.stderr
    assert not akun.path_akun(tmp_path / "warehouse.duckdb").exists()


def test_short_password_and_unknown_role(tmp_path: Path) -> None:
    r = _akun(tmp_path / "w.duckdb", "tambah", "budi", "--peran", "penyaji", sandi="pendek")
    assert r.returncode == 1 and "minimal 10 karakter" in r.stderr
    r = _akun(tmp_path / "w.duckdb", "tambah", "budi", "--peran", "raja")
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_only_admins_manage_accounts(tmp_path: Path) -> None:
    w = tmp_path / "warehouse.duckdb"
    for siapa in (None, Pengguna("budi", "penyaji"), Pengguna("citra", "operator", "6303")):
        with pytest.raises(TidakBoleh):
            akun.tambah("eko", "admin", "sandi-panjang-sekali", oleh=siapa, warehouse=w)
    assert not akun.path_akun(w).exists()


def test_a_full_disk_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    """As root (CI) a chmod'ed folder stays writable; the full disk is simulated in the child process."""
    w = tmp_path / "warehouse.duckdb"
    kode = (
        "import errno, sys\nfrom pathlib import Path\n"
        "def penuh(self, t): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "Path.replace = penuh\nfrom dasbor.akun import main\n"
        f"sys.exit(main(['--warehouse', {str(w)!r}, 'tambah', 'budi', '--peran', 'penyaji']))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", kode], input=SANDI + "\n", capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert r.returncode == 1 and r.stderr.startswith("Disk penuh") and "akun tidak diubah" in r.stderr
    assert "Traceback" not in r.stderr and [p.name for p in tmp_path.iterdir()] == [".akun.json.kunci"]


def test_accounts_file_read_once_per_version_and_every_change_seen(tmp_path: Path) -> None:
    """The parsed accounts file is kept per version (inode, size, mtime): a save through the command (a new
    file) and a hand edit in place (same inode) are both seen at the next read."""
    w = tmp_path / "warehouse.duckdb"
    admin = Pengguna("admin", "admin")
    akun.tambah("sari", "penyaji", "sandi-uji-panjang", oleh=admin, warehouse=w)
    assert [a.peran for a in akun.baca_berkas(w)] == ["penyaji"]
    assert akun.baca_berkas(w) == akun.baca_berkas(w)
    akun.tambah("budi", "operator", "sandi-uji-panjang", kab="6310", oleh=admin, warehouse=w)
    assert {a.nama for a in akun.baca_berkas(w)} == {"sari", "budi"}
    path = akun.path_akun(w)
    inode = path.stat().st_ino
    isi = json.loads(path.read_text(encoding="utf-8"))
    isi["akun"] = [a for a in isi["akun"] if a["nama"] != "budi"]
    with path.open("r+", encoding="utf-8") as f:  # an editor saving in place
        f.seek(0)
        f.write(json.dumps(isi))
        f.truncate()
    assert path.stat().st_ino == inode
    assert [a.nama for a in akun.baca_berkas(w)] == ["sari"]
