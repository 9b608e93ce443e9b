"""Text from people (labels, deck and snapshot names, file names, URL values) made inert before it is shown.

The one place that decides how typed or imported text reaches a page: :func:`html` for every value put into
``unsafe_allow_html`` markup, :func:`markdown` for text inside ``st.markdown`` and friends (which read Markdown,
Streamlit's ``:color[...]`` directives and ``$`` maths), and :func:`kode` for a URL value quoted in a note
(shown as inline code, so ``![x](http://...)`` is printed, never fetched). Nothing here trusts its input.
"""

from __future__ import annotations

import html as _html
import re

PANJANG_KUTIP = 60
"""Longest value quoted in a note; the rest is cut with an ellipsis (a 100 KB URL value stays a short note)."""

_MD_KHUSUS = re.compile(r"([\\`*{}\[\]#|<>~$&])")
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html(teks: object) -> str:
    """``teks`` as HTML text: ``<``, ``>``, ``&`` and both quotes escaped, control characters dropped."""
    return _html.escape(_KENDALI.sub("", str(teks)), quote=True)


def markdown(teks: object) -> str:
    """``teks`` as literal Markdown: every character Markdown, Streamlit directives or maths could read is
    backslash-escaped (and HTML-escaped, for Markdown's inline HTML); newlines become spaces."""
    bersih = " ".join(_KENDALI.sub("", str(teks)).split())
    return _MD_KHUSUS.sub(r"\\\1", bersih)


def potong(teks: object, panjang: int = PANJANG_KUTIP) -> str:
    """``teks`` on one line, control characters dropped, cut to ``panjang`` characters."""
    satu = " ".join(_KENDALI.sub("", str(teks)).split())
    return satu if len(satu) <= panjang else satu[: panjang - 1] + "…"


def kode(teks: object, panjang: int = PANJANG_KUTIP) -> str:
    """``teks`` as a Markdown inline code span (cut to ``panjang``): shown literally, never read as Markdown."""
    isi = potong(teks, panjang)
    pagar = "`" * (max((len(m) for m in re.findall(r"`+", isi)), default=0) + 1)
    return f"{pagar} {isi} {pagar}" if isi else "`''`"


MAKS_NILAI_DIKUTIP = 5
"""At most this many unknown values of one parameter are quoted in a note."""


def param(nama: str, nilai: str | list[str]) -> str:
    """``nama='nilai'`` (or ``nama='a', 'b'``) as inline code for a URL note: each value cut and quoted with
    ``repr`` (so NUL and odd characters are visible, not interpreted), at most :data:`MAKS_NILAI_DIKUTIP`."""
    daftar = [nilai] if isinstance(nilai, str) else nilai
    bagian = [repr(potong(v, 40)) for v in daftar[:MAKS_NILAI_DIKUTIP]]
    lagi = f", … (+{len(daftar) - MAKS_NILAI_DIKUTIP})" if len(daftar) > MAKS_NILAI_DIKUTIP else ""
    return kode(f"{nama}={', '.join(bagian)}{lagi}", panjang=10 * PANJANG_KUTIP)
