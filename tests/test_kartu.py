"""WhatsApp share cards: a 1080x1080 PNG with the sample label and a QR code, the message, the CLI for a whole
deck, and the "Bagikan" action on a page."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from dasbor import deck as cli
from dasbor.views.dek import kartu, slides
from dasbor.warehouse import store
from tests.aplikasi import ROOT
from tests.conftest import Fixture


def test_link_of_a_view_opens_its_page_with_its_filters() -> None:
    dasar = "http://10.0.0.5:8501/"
    assert kartu.tautan_tampilan(dasar, "ringkasan.tren", {}) == "http://10.0.0.5:8501"
    assert kartu.tautan_tampilan(dasar, "ekspor.sankey", {"rantai": "sawit", "kab": "6310,6303"}) == (
        "http://10.0.0.5:8501/ekspor?kab=6310,6303&rantai=sawit"
    )


def test_card_is_square_with_a_qr_code_and_the_message_says_sample(salinan_gudang: Path) -> None:
    dek = store.Dek("x", [store.Slide("ringkasan.kpi", {"kab": "6310"})])
    siap = slides.siapkan(dek, salinan_gudang).slide[0]
    tautan = "http://10.0.0.5:8501?kab=6310"
    gambar = Image.open(io.BytesIO(kartu.kartu_png(siap, tautan)))
    assert gambar.size == (1080, 1080)
    # The QR's top-left finder pattern sits in the bottom-right corner block: dark and light modules both there.
    pojok = gambar.crop((1080 - 56 - 190, 1080 - 230 + 24, 1080 - 56, 1080 - 230 + 24 + 190)).convert("L")
    terang = pojok.getextrema()  # (darkest, lightest) of the grey crop
    assert terang[0] < 50 and terang[1] > 200  # type: ignore[operator]
    pesan = kartu.pesan(siap, tautan)
    assert pesan.splitlines()[0] == "*Ringkasan Tanah Bumbu 2025*"
    assert "_Data contoh, bukan data resmi_" in pesan and pesan.endswith(tautan)


def test_cli_writes_a_card_per_slide_and_the_messages(salinan_gudang: Path, tmp_path: Path) -> None:
    out = tmp_path / "kartu"
    argv = ["--kartu", str(out), "--warehouse", str(salinan_gudang), "--tautan", "http://dasbor.kantor"]
    assert cli.main(argv) == 0
    png = sorted(out.glob("*.png"))
    assert len(png) == len(store.DEK_RAKORNIS)
    assert all(Image.open(p).size == (1080, 1080) for p in png)
    pesan = (out / "pesan.txt").read_text(encoding="utf-8")
    assert pesan.count("http://dasbor.kantor") == len(store.DEK_RAKORNIS)
    assert "http://dasbor.kantor/ekspor" in pesan


def test_bagikan_on_a_page_makes_the_card_and_the_message(gudang: Fixture) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "pages" / "program.py"), default_timeout=120)
    at.query_params["kab"] = "6303"
    at.run()
    tombol = next(b for b in at.button if b.key == "_buat_program.halal")
    tombol.click().run()
    assert not at.exception
    pesan = next(c.value for c in at.code if c.value.startswith("*Sertifikasi halal IKM"))
    assert "Banjar" in pesan and "kab=6303" in pesan and "Data contoh" in pesan


def test_a_chart_without_a_deck_view_is_shared_from_the_figure_on_the_screen(gudang: Fixture) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "pages" / "ikm.py"), default_timeout=120)
    at.query_params["kab"] = "6310"
    at.run()
    tombol = next(b for b in at.button if b.key == "_buat_kab_g")  # IKM per kabupaten: no deck view
    tombol.click().run()
    assert not at.exception
    pesan = next(c.value for c in at.code if "kab=6310" in c.value)
    assert pesan.startswith("*") and "Data contoh" in pesan
    png = at.session_state["_kartu_kab_g"][1]
    assert Image.open(io.BytesIO(png)).size == (1080, 1080)
