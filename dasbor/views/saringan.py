"""The global filters shared by every page and every slide: which years exist, the default year, and how a
selection of kabupaten is named.

One definition for the page frame (:mod:`dasbor.ui.frame`) and the deck views (:mod:`dasbor.views.dek.tampilan`),
so a slide made from a page's link shows the same year and the same heading as the page. The URL values themselves
are validated by :mod:`dasbor.views.url_state`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

PROVINSI = "Kalimantan Selatan"


def tahun_pilihan(tahun_tersedia: pl.DataFrame) -> tuple[tuple[int, ...], int]:
    """Years to choose from and the default year, from ``queries/tahun_tersedia.sql``.

    The default is the latest year with both registry and export data: the years before have no exports in the
    registry's sense, the years after are a registry still being filled.
    """
    pilihan = tuple(sorted(int(t) for t in tahun_tersedia["tahun"].to_list()))
    lengkap = tahun_tersedia.filter(pl.col("ada_ikm") & pl.col("ada_ekspor"))["tahun"].to_list()
    return pilihan, int(max(lengkap) if lengkap else max(pilihan))


def nama_wilayah(kab: Sequence[str], nama: Mapping[str, str]) -> str:
    """How a selection is named in headings: the province, one or two names, or a count."""
    if not kab:
        return PROVINSI
    if len(kab) <= 2:
        return " dan ".join(nama[k] for k in kab)
    return f"{len(kab)} kabupaten/kota"
