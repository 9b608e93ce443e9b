"""The IKM domain, as pure builders: charts, metric cards, the firm table and the halal funnel (no Streamlit).

Charts take a frame from an ``ikm_*`` summary query and the chosen measure (``UKURAN``) and apply the small-cell
rule: a bar of one or two firms is not drawn and reads "<3" instead of its value. In a breakdown whose total is
on the page (the "Jumlah IKM" card), a lone small bar would be that total minus the others, so the smallest
other bar is withheld too and reads "ditahan" (``sel_kecil.tandai``). The registry-year chart has no such total
and withholds small cells only.

Cards follow the same rule (a filter matching one or two firms shows "<3" and no amounts) and reuse
:class:`dasbor.views.kpi.Kartu`, the Ringkasan card shape, with the change against the previous registry year.

The firm list as users read it: Indonesian column names and formatted values. The download keeps the warehouse
columns and raw numbers (analysts recompute from them); the screen table is for reading, so money reads
"Rp 1,2 miliar" and yes/no reads "Ya"/"Tidak". Streamlit's table has its own "Download as CSV" button that
cannot be switched off, so the screen table's text is neutralised against formula injection exactly like the
downloads (a name starting with "=" shows with a leading apostrophe).

The halal certification funnel per kabupaten/kota: mentored (dibina) -> submitted (diajukan) -> certified
(bersertifikat) against each kabupaten's own target. A kabupaten with no programme row that year shows "–",
never 0: no row means not reported, not nobody mentored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dasbor.views import formats, sel_kecil, unduhan
from dasbor.views.charts import base_layout
from dasbor.views.kpi import Kartu
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP, WARNA_KEDUA, WARNA_UTAMA

MILIAR = 1e9
WARNA_LAKI = WARNA_UTAMA
WARNA_PEREMPUAN = WARNA_KEDUA
WARNA_TAHUN_LAIN = "#9dbfd6"
"""Registry years other than the chosen one: the same hue as the accent, lighter."""


@dataclass(frozen=True)
class Ukuran:
    """A measure the IKM charts can show: its column(s), axis scale and label, and the hover format."""

    label: str
    kolom: tuple[str, ...]
    pembagi: float
    sumbu: str
    fmt: Callable[[float | int | None], str]


UKURAN: dict[str, Ukuran] = {
    "jumlah": Ukuran("Jumlah IKM", ("jumlah_ikm",), 1, "Jumlah IKM (unit)", formats.unit),
    "tenaga_kerja": Ukuran(
        "Tenaga kerja",
        ("tenaga_kerja_l", "tenaga_kerja_p"),
        1,
        "Tenaga kerja (orang)",
        lambda v: formats.unit(v, "orang"),
    ),
    "investasi": Ukuran("Investasi", ("investasi_rp",), MILIAR, "Investasi (miliar Rp)", formats.rupiah),
    "produksi": Ukuran("Nilai produksi", ("nilai_produksi_rp",), MILIAR, "Nilai produksi (miliar Rp)", formats.rupiah),
    "nilai_tambah": Ukuran("Nilai tambah", ("nilai_tambah_rp",), MILIAR, "Nilai tambah (miliar Rp)", formats.rupiah),
}
"""Keys are the URL values of ``?ukuran=``; "tenaga_kerja" stacks men and women."""
LABEL_SERI = {"tenaga_kerja_l": "Laki-laki", "tenaga_kerja_p": "Perempuan"}
WARNA_SERI = {"tenaga_kerja_l": WARNA_LAKI, "tenaga_kerja_p": WARNA_PEREMPUAN}


def _seri(data: pl.DataFrame, kolom: str, ukuran: Ukuran) -> tuple[list[float | None], list[str]]:
    """Bar lengths and hover texts of one column of a frame marked by ``_total_terlihat``, withheld cells
    blanked."""
    nilai: list[float | None] = []
    teks: list[str] = []
    for v, kecil, sekunder, n in zip(
        data[kolom].to_list(),
        data["ditahan"].to_list(),
        data["sekunder"].to_list(),
        data["jumlah_ikm"].to_list(),
        strict=True,
    ):
        if sekunder:
            nilai.append(None)
            teks.append(sel_kecil.CATATAN_SEKUNDER)
        elif kecil:
            nilai.append(None)
            teks.append(f"{sel_kecil.LABEL_DITAHAN} IKM: angka ditahan")
        else:
            nilai.append(None if v is None else v / ukuran.pembagi)
            teks.append(f"{ukuran.fmt(v)} · {formats.unit(n)}")
    return nilai, teks


def _total_terlihat(df: pl.DataFrame, ukuran: Ukuran, kelompok: tuple[tuple[str, ...], ...] = ((),)) -> pl.DataFrame:
    """Add ``ditahan``, ``sekunder`` and ``_total`` (the measure's sum, null for withheld cells).

    Nothing drawn may depend on a withheld value: not a bar, not the position of its "<3" label, not the axis
    range, not the order of the bars (a small cell ranked between two shown bars would reveal its size).
    """
    data = sel_kecil.tandai(df, kelompok)
    return data.with_columns(
        pl.when(pl.col("ditahan")).then(None).otherwise(pl.sum_horizontal(list(ukuran.kolom))).alias("_total")
    )


def _label_batang(data: pl.DataFrame, ukuran: Ukuran) -> list[str]:
    """The text at the end of each bar: the total in the measure's format, "<3" or "ditahan" when withheld."""
    return [
        sel_kecil.label_sel(kecil, sekunder) if kecil else ukuran.fmt(t)
        for t, kecil, sekunder in zip(
            data["_total"].to_list(), data["ditahan"].to_list(), data["sekunder"].to_list(), strict=True
        )
    ]


def _sumbu_nilai(data: pl.DataFrame, ukuran: Ukuran, kelonggaran: float) -> dict[str, object]:
    """Axis settings from the shown totals only; all cells withheld gives a bare 0-1 axis without numbers."""
    maks = max(((v or 0) / ukuran.pembagi for v in data["_total"].to_list()), default=0)
    if maks == 0:
        return {"range": [0, 1], "showticklabels": False}
    return {"range": [0, maks * kelonggaran], "tickformat": ",.0f"}


def batang_kategori(df: pl.DataFrame, kategori: str, ukuran_key: str, *, sempit: bool = False) -> go.Figure:
    """Horizontal bars, one per category (sektor, KBLI label, kabupaten), largest first.

    ``sempit`` is for half-width places (Profil Kabupaten): the value axis's numbers are left out, since at that
    width they run into each other ("1.0002.000") and every bar already carries its value.
    """
    ukuran = UKURAN[ukuran_key]
    # Shown cells largest first, then withheld cells by name.
    data = _total_terlihat(df, ukuran).sort(["ditahan", "_total", kategori], descending=[False, True, False])
    label = data[kategori].to_list()
    fig = go.Figure()
    for kolom in ukuran.kolom:
        nilai, hover = _seri(data, kolom, ukuran)
        fig.add_trace(
            go.Bar(
                y=label,
                x=nilai,
                orientation="h",
                name=LABEL_SERI.get(kolom, ukuran.label),
                marker_color=WARNA_SERI.get(kolom, WARNA_UTAMA),
                hovertext=[f"{k}<br>{t}" for k, t in zip(label, hover, strict=True)],
                hoverinfo="text",
            )
        )
    # One text trace at the bar ends so "<3" shows where a bar would have been.
    fig.add_trace(
        go.Scatter(
            y=label,
            x=[0 if v is None else v / ukuran.pembagi for v in data["_total"].to_list()],
            mode="text",
            text=_label_batang(data, ukuran),
            textposition="middle right",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=ukuran.sumbu, nticks=4, tickangle=0, **_sumbu_nilai(data, ukuran, 1.02))
    if sempit:
        fig.update_xaxes(showticklabels=False, showgrid=False)
    base_layout(fig, height=max(44 * data.height + 120, 260))
    # Room right of the longest bar for its label ("Rp 12,3 triliun" is the longest a label gets).
    fig.update_layout(
        barmode="stack",
        showlegend=len(ukuran.kolom) > 1,
        legend_traceorder="normal",
        margin={"r": 150 if ukuran.pembagi > 1 else 110},
    )
    return fig


def tren_registri(df: pl.DataFrame, ukuran_key: str) -> go.Figure:
    """Bars per registry year, the chosen year (column ``terpilih``) in the accent colour, the rest lighter."""
    ukuran = UKURAN[ukuran_key]
    data = _total_terlihat(df, ukuran, kelompok=())  # no total across years is shown: small cells only
    tahun = data["tahun_data"].to_list()
    terpilih = data["terpilih"].to_list()
    fig = go.Figure()
    for kolom in ukuran.kolom:
        nilai, hover = _seri(data, kolom, ukuran)
        warna_dasar = WARNA_SERI.get(kolom, WARNA_UTAMA)
        fig.add_trace(
            go.Bar(
                x=tahun,
                y=nilai,
                name=LABEL_SERI.get(kolom, ukuran.label),
                marker_color=[warna_dasar if t or len(ukuran.kolom) > 1 else WARNA_TAHUN_LAIN for t in terpilih],
                hovertext=[f"{th}: {t}" for th, t in zip(tahun, hover, strict=True)],
                hoverinfo="text",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=tahun,
            y=[0 if v is None else v / ukuran.pembagi for v in data["_total"].to_list()],
            mode="text",
            text=_label_batang(data, ukuran),
            textposition="top center",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig.update_layout(barmode="stack", showlegend=len(ukuran.kolom) > 1, legend_traceorder="normal")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=ukuran.sumbu, **_sumbu_nilai(data, ukuran, 1.2))
    return base_layout(fig, height=380)


_DEFINISI: tuple[tuple[str, str, Callable[[Any], str], str], ...] = (
    (
        "jumlah_ikm",
        "Jumlah IKM",
        formats.unit,
        "IKM terdaftar yang lolos semua penyaring, pada tahun registri terpilih.",
    ),
    (
        "tenaga_kerja_l",
        "Tenaga kerja laki-laki",
        lambda v: formats.unit(v, "orang"),
        "Jumlah pekerja laki-laki di IKM terpilih.",
    ),
    (
        "tenaga_kerja_p",
        "Tenaga kerja perempuan",
        lambda v: formats.unit(v, "orang"),
        "Jumlah pekerja perempuan di IKM terpilih.",
    ),
    ("investasi_rp", "Investasi", formats.rupiah, "Nilai investasi IKM terpilih."),
    ("nilai_produksi_rp", "Nilai produksi", formats.rupiah, "Nilai produksi setahun IKM terpilih."),
    (
        "nilai_tambah_rp",
        "Nilai tambah",
        formats.rupiah,
        "Nilai produksi dikurangi nilai bahan baku, dijumlahkan atas IKM terpilih.",
    ),
)
LABEL: tuple[str, ...] = tuple(d[1] for d in _DEFINISI)


def kartu_ikm(df: pl.DataFrame, tahun: int) -> list[Kartu]:
    """Cards from the ``ikm_ringkasan`` frame (rows for ``tahun`` and ``tahun - 1``)."""
    rows = {int(r["tahun_data"]): r for r in df.iter_rows(named=True)}
    kini, lalu = rows.get(tahun, {}), rows.get(tahun - 1, {})
    n_kini, n_lalu = kini.get("jumlah_ikm") or 0, lalu.get("jumlah_ikm") or 0
    kartu: list[Kartu] = []
    for kolom, label, fmt, bantuan in _DEFINISI:
        if sel_kecil.ditahan(n_kini):
            teks = bantuan + f" {sel_kecil.CATATAN_DITAHAN}."
            nilai = sel_kecil.LABEL_DITAHAN if kolom == "jumlah_ikm" else f"{sel_kecil.LABEL_DITAHAN} IKM"
            kartu.append(Kartu(kolom, label, nilai, None, teks, None))
            continue
        baru = None if kini.get(kolom) is None else float(kini[kolom])
        if n_kini == 0 and kolom != "jumlah_ikm":
            baru = None
        lama = None if sel_kecil.ditahan(n_lalu) or lalu.get(kolom) is None else float(lalu[kolom])
        perubahan = formats.perubahan_persen(baru, lama)
        if perubahan is not None:
            perubahan = f"{perubahan} dari {tahun - 1}"
        kartu.append(Kartu(kolom, label, fmt(baru), perubahan, bantuan, baru))
    return kartu


def jumlah_ikm(df: pl.DataFrame, tahun: int) -> int:
    """The number of firms matching the filters in ``tahun`` (0 when none), e.g. to size the firm table."""
    return int(df.filter(pl.col("tahun_data") == tahun)["jumlah_ikm"].sum())


KOLOM_TEKS_BEBAS = ("Nama usaha", "Kabupaten/kota", "Kecamatan", "KBLI", "Sektor", "Komoditas")
"""Columns holding the registry's own text (a firm can register any name); the rest is written by formats."""
UKURAN_HALAMAN = 25
"""Firms per page of the table: a projector shows about this many rows legibly."""


def _ya(v: bool | None) -> str:
    return formats.KOSONG if v is None else ("Ya" if v else "Tidak")


def tampilan(df: pl.DataFrame) -> pl.DataFrame:
    """The ``ikm_daftar`` frame with the columns and formats of the screen table."""
    tabel = pl.DataFrame(
        {
            "Nama usaha": df["nama_usaha"],
            "Kabupaten/kota": df["kabupaten"],
            "Kecamatan": df["kecamatan"],
            "KBLI": [f"{k} · {g}" for k, g in zip(df["kbli"].to_list(), df["kelompok_kbli"].to_list(), strict=True)],
            "Sektor": df["sektor"],
            "Komoditas": df["komoditas"],
            "Rantai": [LABEL_RANTAI.get(v, v) for v in df["rantai"].to_list()],
            "Tahap": [LABEL_TAHAP.get(v, v).split(" (")[0] for v in df["tahap"].to_list()],
            "Skala": [str(v).capitalize() for v in df["skala"].to_list()],
            "TK L": [formats.angka(v) for v in df["tenaga_kerja_l"].to_list()],
            "TK P": [formats.angka(v) for v in df["tenaga_kerja_p"].to_list()],
            "Investasi": [formats.rupiah(v) for v in df["investasi_rp"].to_list()],
            "Nilai produksi": [formats.rupiah(v) for v in df["nilai_produksi_rp"].to_list()],
            "Nilai tambah": [formats.rupiah(v) for v in df["nilai_tambah_rp"].to_list()],
            "Berdiri": [formats.KOSONG if v is None else str(v) for v in df["tahun_berdiri"].to_list()],
            "Halal": [_ya(v) for v in df["halal"].to_list()],
            "Ekspor": [_ya(v) for v in df["berorientasi_ekspor"].to_list()],
        },
        schema_overrides={"Nama usaha": pl.String},
    )
    return unduhan.netralkan(tabel, KOLOM_TEKS_BEBAS)


def rentang_baris(halaman: int, jumlah: int) -> tuple[int, int]:
    """First and last row number (1-based) shown on ``halaman`` of a list of ``jumlah`` firms."""
    awal = (halaman - 1) * UKURAN_HALAMAN + 1
    return min(awal, jumlah), min(halaman * UKURAN_HALAMAN, jumlah)


def jumlah_halaman(jumlah: int) -> int:
    """Pages needed for ``jumlah`` firms (at least one, so the pager always draws)."""
    return max(1, -(-jumlah // UKURAN_HALAMAN))


def keterangan_halaman(halaman: int, jumlah: int) -> str:
    """The line under the table: which rows of how many. A small cell never states its count."""
    if sel_kecil.ditahan(jumlah):
        return (
            f"Kurang dari {sel_kecil.BATAS} IKM cocok. Baris per usaha tetap tampil karena pengaturan kantor "
            "mengizinkannya (DASBOR_TAMPILKAN_IKM); angka agregatnya ditahan."
        )
    awal, akhir = rentang_baris(halaman, jumlah)
    return f"IKM ke-{formats.angka(awal)} sampai {formats.angka(akhir)} dari {formats.unit(jumlah)}, urut nama usaha."


KOLOM: tuple[str, ...] = ("Kabupaten/kota", "Dibina", "Diajukan", "Bersertifikat", "Target", "Capaian target")


def tabel_per_kabupaten(df: pl.DataFrame, kab: tuple[str, ...]) -> pl.DataFrame:
    """Rows of ``program_per_kabupaten`` (jenis 'halal') for the chosen kabupaten (empty = all 13), formatted."""
    data = df.filter(pl.col("kode_bps").is_in(list(kab))) if kab else df
    rows = []
    for r in data.sort("kode_bps").iter_rows(named=True):
        ada = r["target"] is not None
        capaian = 100 * r["hasil"] / r["target"] if ada and r["target"] else None
        rows.append(
            {
                "Kabupaten/kota": r["nama"],
                "Dibina": formats.angka(r["peserta"]) if ada else formats.KOSONG,
                "Diajukan": formats.angka(r["diajukan"]),
                "Bersertifikat": formats.angka(r["hasil"]) if ada else formats.KOSONG,
                "Target": formats.angka(r["target"]),
                "Capaian target": formats.persen(capaian, 0),
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(KOLOM, pl.String))


ATURAN_SEL_KECIL_UNDUHAN = (
    "Aturan sel kecil",
    f"Agregat dari kurang dari {sel_kecil.BATAS} IKM ditahan (kosong, lihat kolom catatan); bila satu-satunya "
    "dalam satu kabupaten/kota atau satu sektor, sel terkecil lain ikut ditahan agar tidak dapat dihitung.",
)
"""The small-cell line of the IKM download's "Keterangan" sheet."""

KELOMPOK_REKAP = ((), ("kode_bps",), ("sektor",))
"""The groups within which the downloaded recap withholds small cells: the total, per kabupaten, per sector."""


def pilihan_unduhan(tampilkan_daftar: bool) -> dict[str, str]:
    """What the IKM page offers to download: the recap always, the firm list only when the office shows it."""
    return {"rekap": "Rekap kabupaten/kota x sektor"} | ({"daftar": "Daftar IKM"} if tampilkan_daftar else {})
