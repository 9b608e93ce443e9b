"""Share cards for WhatsApp: one 1080 x 1080 PNG per chart, and the message text to paste with it.

A card carries what a forwarded picture loses: the title, a one-line takeaway, the source and "data per",
the sample label while the data are generated, the office's name, and a QR code of the view's link (so a
reader on a phone opens the same chart with the same filters). The chart is drawn by kaleido at 2x and
scaled down, so its text stays sharp on a phone screen; KPI slides are drawn as cards, two per row.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

import segno
from PIL import Image, ImageDraw, ImageFont

from dasbor.views.captions import TEKS_CONTOH
from dasbor.views.dek import images, tampilan
from dasbor.views.dek.siap import DekSiap, SlideSiap

SISI = 1080
"""WhatsApp shows a square picture whole in the chat, without cropping."""
TEPI = 56
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GELAP, ABU, MERAH, BIRU = (31, 41, 55), (75, 85, 99), (185, 28, 28), (11, 93, 140)
INSTANSI = "Dinas Perindustrian Provinsi Kalimantan Selatan"

FontT = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(ukuran: int, *, tebal: bool = False) -> FontT:
    nama = "DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / nama), ukuran)
    except OSError:  # no DejaVu (apt-get install fonts-dejavu-core): Pillow's own scalable default
        return ImageFont.load_default(ukuran)


def _bungkus(draw: ImageDraw.ImageDraw, teks: str, font: FontT, lebar: int, maks: int) -> list[str]:
    baris: list[str] = []
    kini = ""
    for kata in teks.split():
        coba = f"{kini} {kata}".strip()
        if draw.textlength(coba, font=font) <= lebar or not kini:
            kini = coba
        else:
            baris.append(kini)
            kini = kata
    baris = [*baris, kini] if kini else baris
    if len(baris) > maks:
        baris = baris[:maks]
        while baris[-1] and draw.textlength(baris[-1] + " …", font=font) > lebar:
            baris[-1] = baris[-1].rsplit(" ", 1)[0] if " " in baris[-1] else baris[-1][:-1]
        baris[-1] += " …"
    return baris


def _tulis(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    teks: str,
    font: FontT,
    lebar: int,
    warna: tuple[int, int, int] = GELAP,
    maks: int = 3,
) -> int:
    x, y = xy
    tinggi = int(font.size * 1.28) if isinstance(font, ImageFont.FreeTypeFont) else 30
    for baris in _bungkus(draw, teks, font, lebar, maks):
        draw.text((x, y), baris, font=font, fill=warna)
        y += tinggi
    return y


def _qr(tautan: str, sisi: int) -> Image.Image:
    buf = io.BytesIO()
    segno.make(tautan, error="m", micro=False).save(buf, kind="png", scale=10, border=2)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize((sisi, sisi), Image.Resampling.NEAREST)


def tautan_tampilan(dasar: str, tampilan_id: str, param: Mapping[str, str]) -> str:
    """The link of a view: the dashboard's address, the page of the view and its filters."""
    t = tampilan.REGISTRI.get(tampilan_id)
    halaman = t.halaman if t is not None and t.halaman != "ringkasan" else ""
    kueri = urlencode({k: v for k, v in sorted(param.items()) if v != ""}, safe=",")
    alamat = f"{dasar.rstrip('/')}/{halaman}".rstrip("/") if halaman else dasar.rstrip("/")
    return f"{alamat}?{kueri}" if kueri else alamat


def kartu_png(siap: SlideSiap, tautan: str) -> bytes:
    """The 1080 x 1080 PNG of one slide: title, takeaway, chart or KPI cards, source line, QR of ``tautan``."""
    kartu = Image.new("RGB", (SISI, SISI), "white")
    draw = ImageDraw.Draw(kartu)
    draw.rectangle((0, 0, SISI, 14), fill=BIRU)
    lebar = SISI - 2 * TEPI
    y = _tulis(draw, (TEPI, 44), siap.isi.judul, _font(44, tebal=True), lebar, maks=2)
    y = _tulis(draw, (TEPI, y + 8), siap.isi.ringkas, _font(29), lebar, ABU, maks=3)
    atas, bawah = y + 18, SISI - 230
    if siap.isi.kartu:
        lebar_k, tinggi_k = (lebar - 24) // 2, min(150, (bawah - atas - 3 * 16) // 4)
        for i, k in enumerate(siap.isi.kartu[:8]):
            x = TEPI + (i % 2) * (lebar_k + 24)
            yk = atas + (i // 2) * (tinggi_k + 16)
            draw.rounded_rectangle((x, yk, x + lebar_k, yk + tinggi_k), radius=14, outline=(209, 213, 219), width=3)
            _tulis(draw, (x + 20, yk + 14), k.label, _font(24), lebar_k - 40, ABU, maks=1)
            _tulis(draw, (x + 20, yk + 48), k.nilai, _font(40, tebal=True), lebar_k - 40, maks=1)
            if k.perubahan:
                _tulis(draw, (x + 20, yk + tinggi_k - 40), k.perubahan, _font(22), lebar_k - 40, ABU, maks=1)
    elif siap.isi.fig is not None:
        ruang = (lebar, bawah - atas)
        png = images.png(siap.isi.fig, lebar=ruang[0], tinggi=ruang[1], skala=2)
        gambar: Image.Image = Image.open(io.BytesIO(png)).convert("RGB")
        gambar.thumbnail(ruang, Image.Resampling.LANCZOS)
        kartu.paste(gambar, ((SISI - gambar.width) // 2, atas))
    draw.line((TEPI, bawah + 10, SISI - TEPI, bawah + 10), fill=(229, 231, 235), width=2)
    qr = 190
    kartu.paste(_qr(tautan, qr), (SISI - TEPI - qr, bawah + 24))
    lebar_kaki = lebar - qr - 24
    yk = bawah + 26
    if siap.contoh:
        yk = _tulis(draw, (TEPI, yk), TEKS_CONTOH, _font(28, tebal=True), lebar_kaki, MERAH, maks=1)
    kaki = siap.kaki.removeprefix(f"{TEKS_CONTOH} · ")
    yk = _tulis(draw, (TEPI, yk + 4), kaki, _font(20), lebar_kaki, ABU, maks=4)
    _tulis(draw, (TEPI, SISI - 52), INSTANSI, _font(22, tebal=True), lebar_kaki, BIRU, maks=1)
    buf = io.BytesIO()
    kartu.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def pesan(siap: SlideSiap, tautan: str) -> str:
    """The WhatsApp message to paste with the card: title in bold, the takeaway, the sample label, the link."""
    baris = [f"*{siap.isi.judul}*"]
    if siap.isi.ringkas:
        baris.append(siap.isi.ringkas)
    if siap.contoh:
        baris.append(f"_{TEKS_CONTOH}_")
    baris.append(tautan)
    return "\n".join(baris)


def tulis_semua(dek: DekSiap, folder: Path, tautan: list[str]) -> list[Path]:
    """A card per slide (``01-<view>.png``) and ``pesan.txt`` with every message, for a whole deck."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil: list[Path] = []
    teks: list[str] = []
    for siap, link in zip(dek.slide, tautan, strict=True):
        out = folder / f"{siap.nomor:02d}.png"
        out.write_bytes(kartu_png(siap, link))
        hasil.append(out)
        teks.append(f"--- {out.name} ---\n{pesan(siap, link)}")
    (folder / "pesan.txt").write_text("\n\n".join(teks) + "\n", encoding="utf-8")
    return hasil
