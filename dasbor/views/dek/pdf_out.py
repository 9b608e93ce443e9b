"""PDF export: the same slides as the PowerPoint, one 16:9 page each, drawn with Pillow.

Drawing the page ourselves (rather than converting the PPTX with an office suite) keeps the export within
the Python stack and makes every page identical to the on-screen slide: title, takeaway, chart image, footer
with source and "data per", slide counter, and a light "DATA CONTOH" watermark on sample data.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from dasbor.views import formats
from dasbor.views.dek import images
from dasbor.views.dek.siap import DekSiap, SlideSiap

W, H = 2560, 1440
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GELAP, ABU, MERAH = (31, 41, 55), (107, 114, 128), (185, 28, 28)

FontT = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(ukuran: int, *, tebal: bool = False) -> FontT:
    nama = "DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / nama), ukuran)
    except OSError:  # no DejaVu (apt-get install fonts-dejavu-core): Pillow's own scalable default
        return ImageFont.load_default(ukuran)


def _bungkus(draw: ImageDraw.ImageDraw, teks: str, font: FontT, lebar: int) -> list[str]:
    baris: list[str] = []
    kini = ""
    for kata in teks.split():
        coba = f"{kini} {kata}".strip()
        if draw.textlength(coba, font=font) <= lebar or not kini:
            kini = coba
        else:
            baris.append(kini)
            kini = kata
    return [*baris, kini] if kini else baris


def _tulis(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    teks: str,
    font: FontT,
    lebar: int,
    warna: tuple[int, int, int] = GELAP,
) -> int:
    x, y = xy
    tinggi = int(font.size * 1.3) if isinstance(font, ImageFont.FreeTypeFont) else 30
    for baris in _bungkus(draw, teks, font, lebar):
        draw.text((x, y), baris, font=font, fill=warna)
        y += tinggi
    return y


def _watermark(halaman: Image.Image) -> Image.Image:
    lapisan = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    teks = Image.new("RGBA", (1800, 300), (255, 255, 255, 0))
    ImageDraw.Draw(teks).text((0, 0), "DATA CONTOH", font=_font(220, tebal=True), fill=(220, 38, 38, 40))
    teks = teks.rotate(20, expand=True)
    lapisan.paste(teks, ((W - teks.width) // 2, (H - teks.height) // 2), teks)
    return Image.alpha_composite(halaman.convert("RGBA"), lapisan).convert("RGB")


def _halaman_slide(dek: DekSiap, siap: SlideSiap) -> Image.Image:
    halaman = Image.new("RGB", (W, H), "white")
    draw = ImageDraw.Draw(halaman)
    y = _tulis(draw, (120, 70), siap.isi.judul, _font(64, tebal=True), W - 240)
    y = _tulis(draw, (120, y + 10), siap.isi.ringkas, _font(40), W - 240, ABU)
    atas = y + 30
    if siap.isi.kartu:
        lebar, tinggi = 540, 300
        for i, k in enumerate(siap.isi.kartu):
            x = 120 + (i % 4) * (lebar + 40)
            yk = atas + (i // 4) * (tinggi + 40)
            draw.rounded_rectangle((x, yk, x + lebar, yk + tinggi), radius=18, outline=(209, 213, 219), width=3)
            _tulis(draw, (x + 30, yk + 25), k.label, _font(32), lebar - 60, ABU)
            _tulis(draw, (x + 30, yk + 95), k.nilai, _font(54, tebal=True), lebar - 60)
            if k.perubahan:
                _tulis(draw, (x + 30, yk + tinggi - 60), k.perubahan, _font(28), lebar - 60, ABU)
    elif siap.isi.fig is not None:
        gambar = Image.open(io.BytesIO(images.png(siap.isi.fig)))
        ruang = (W - 240, H - atas - 190)
        gambar.thumbnail(ruang)
        halaman.paste(gambar, ((W - gambar.width) // 2, atas))
    for j, catatan in enumerate(siap.isi.catatan):
        _tulis(draw, (120, H - 230 - j * 50), catatan, _font(30), W - 240, (180, 83, 9))
    _tulis(draw, (120, H - 130), f"{siap.kaki} · {dek.tanda_snapshot}", _font(26), W - 500, ABU)
    draw.text((W - 260, H - 130), f"{siap.nomor}/{len(dek.slide)}", font=_font(32), fill=ABU)
    return _watermark(halaman) if siap.contoh else halaman


def _halaman_judul(dek: DekSiap, tanggal: dt.date) -> Image.Image:
    halaman = Image.new("RGB", (W, H), "white")
    draw = ImageDraw.Draw(halaman)
    _tulis(draw, (160, 480), dek.nama, _font(110, tebal=True), W - 320)
    _tulis(draw, (160, 660), "Dinas Perindustrian Provinsi Kalimantan Selatan", _font(56), W - 320)
    _tulis(draw, (160, 770), f"{formats.tanggal(tanggal)} · {dek.tanda_snapshot}", _font(38), W - 320, ABU)
    if dek.contoh:
        _tulis(draw, (160, 880), "Data contoh, bukan data resmi", _font(44, tebal=True), W - 320, MERAH)
        return _watermark(halaman)
    return halaman


def tulis(dek: DekSiap, out: Path, *, tanggal: dt.date | None = None) -> Path:
    """Write the deck as a PDF, one slide per page."""
    halaman = [_halaman_judul(dek, tanggal or dt.date.today())] + [_halaman_slide(dek, s) for s in dek.slide]
    out.parent.mkdir(parents=True, exist_ok=True)
    halaman[0].save(out, format="PDF", save_all=True, append_images=halaman[1:], resolution=200.0)
    return out


def halaman_png(dek: DekSiap, nomor: int) -> bytes:
    """One slide as PNG (for a quick look and for tests)."""
    buf = io.BytesIO()
    _halaman_slide(dek, dek.slide[nomor - 1]).save(buf, format="PNG")
    return buf.getvalue()
