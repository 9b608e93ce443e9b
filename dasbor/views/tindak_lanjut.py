"""Tindak lanjut builders: the register as a table, "Evaluasi Rakor lalu", the XLSX template and a deck table.

Pure: the measured value of a metric is asked of a callable the caller passes (``ukur``), so the page uses its
cached data API and the deck its own warehouse, and neither import is needed here.

Choices where the issue is silent (see also ``docs/keputusan.md``):

* a metric commitment is measured for its kabupaten (empty = the province) in its target year; when the
  warehouse has no data for that year yet, the latest year with data is used and the table says which;
* "% target" is the measured value over the target for quantities; for the two indices (percent) it is also a
  ratio of the two values, so 45 % against a target of 50 % reads 90 %;
* a commitment is "lewat tenggat" when its due date has passed and it is neither selesai nor batal.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Callable, Mapping

import plotly.graph_objects as go
import polars as pl
import xlsxwriter

from dasbor.views import formats, kpi, unduhan
from dasbor.warehouse.tindak_lanjut import KOLOM_XLSX, LEMBAR, STATUS, Komitmen, Register

METRIK: dict[str, kpi._Definisi] = {d.kolom: d for d in kpi.DEFINISI}
"""Indicators the dashboard measures, by KPI column (``jumlah_ikm``, ``indeks_hilirisasi``, ...)."""

LABEL_STATUS = {"belum": "Belum", "berjalan": "Berjalan", "selesai": "Selesai", "batal": "Batal"}

Ukur = Callable[[str, str, int], tuple[float | None, int | None]]
"""(KPI column, BPS code or "" for the province, year) -> (value, year the value is from)."""


def label_indikator(indikator: str) -> str:
    """A metric's label ("Jumlah IKM"), or the free text as typed."""
    return METRIK[indikator].label if indikator in METRIK else indikator


def nilai_teks(indikator: str, nilai: float | None, satuan: str = "") -> str:
    """A target or measured value in the metric's own format, or a plain number with its unit."""
    if nilai is None:
        return formats.KOSONG
    if indikator in METRIK:
        return METRIK[indikator].fmt(nilai)
    teks = formats.angka(nilai, 0 if float(nilai).is_integer() else 1)
    return f"{teks} {satuan}".strip()


def _wilayah(kode: str, nama_kab: Mapping[str, str]) -> str:
    return nama_kab.get(kode, kode) if kode else "Provinsi Kalimantan Selatan"


def lewat_tenggat(k: Komitmen, hari_ini: dt.date) -> bool:
    """Due date passed while still open."""
    return k.tenggat is not None and k.tenggat < hari_ini and k.status in ("belum", "berjalan")


def _catatan(k: Komitmen) -> str:
    akhir = k.catatan_terakhir
    return f"{formats.tanggal(akhir.tanggal)}: {akhir.catatan} ({akhir.oleh})" if akhir else ""


def tabel_komitmen(
    reg: Register, nama_kab: Mapping[str, str], *, kab: tuple[str, ...] = (), hari_ini: dt.date | None = None
) -> pl.DataFrame:
    """Every commitment (of the chosen kabupaten when ``kab``), newest meeting first, as shown on screen."""
    hari = hari_ini or dt.date.today()
    rapat = reg.rapat_menurut_id()
    baris = []
    for k in sorted(reg.komitmen, key=lambda x: (rapat[x.rapat_id].tanggal, x.kode_bps), reverse=True):
        if kab and k.kode_bps not in kab:
            continue
        baris.append(
            {
                "Rapat": rapat[k.rapat_id].label,
                "Kabupaten/kota": _wilayah(k.kode_bps, nama_kab),
                "Program": k.program,
                "Indikator": label_indikator(k.indikator),
                "Target": nilai_teks(k.indikator, k.target_nilai, k.satuan),
                "Tahun target": k.target_tahun,
                "Penanggung jawab": k.penanggung_jawab,
                "Tenggat": formats.tanggal(k.tenggat) if k.tenggat else formats.KOSONG,
                "Status": LABEL_STATUS[k.status] + (" (lewat tenggat)" if lewat_tenggat(k, hari) else ""),
                "Catatan terakhir": _catatan(k),
                "id": k.id,
            }
        )
    return pl.DataFrame(baris, schema_overrides={"Tahun target": pl.Int64}) if baris else pl.DataFrame()


def evaluasi(
    reg: Register,
    rapat_id: str,
    nama_kab: Mapping[str, str],
    ukur: Ukur,
    *,
    hari_ini: dt.date | None = None,
) -> pl.DataFrame:
    """ "Evaluasi Rakor lalu": each commitment of one meeting, its target, and for a metric the value measured
    now with its share of the target; the current status, the latest dated note, and where it was carried to."""
    hari = hari_ini or dt.date.today()
    rapat = reg.rapat_menurut_id()
    lanjut = {k.asal_id: rapat[k.rapat_id].label for k in reg.komitmen if k.asal_id}
    baris = []
    for k in sorted(reg.komitmen_rapat(rapat_id), key=lambda x: (x.kode_bps, x.program)):
        capaian, tahun_ukur, persen = None, None, None
        if k.indikator in METRIK and k.target_tahun is not None:
            capaian, tahun_ukur = ukur(k.indikator, k.kode_bps, k.target_tahun)
            if capaian is not None and k.target_nilai:
                persen = capaian / k.target_nilai * 100
        asal = next((rapat[x.rapat_id].label for x in reg.riwayat(k.id)[:-1]), "")
        baris.append(
            {
                "Kabupaten/kota": _wilayah(k.kode_bps, nama_kab),
                "Program": k.program,
                "Indikator": label_indikator(k.indikator),
                "Target": nilai_teks(k.indikator, k.target_nilai, k.satuan)
                + (f" ({k.target_tahun})" if k.target_tahun else ""),
                "Capaian kini": (
                    nilai_teks(k.indikator, capaian)
                    + (f" (data {tahun_ukur})" if tahun_ukur and tahun_ukur != k.target_tahun else "")
                    if capaian is not None
                    else ("tidak diukur dasbor" if k.indikator not in METRIK else formats.KOSONG)
                ),
                "% target": formats.persen(persen) if persen is not None else formats.KOSONG,
                "Status": LABEL_STATUS[k.status] + (" (lewat tenggat)" if lewat_tenggat(k, hari) else ""),
                "Catatan terakhir": _catatan(k),
                "Riwayat": " → ".join(
                    x
                    for x in (
                        f"sejak {asal}" if asal else "",
                        f"dibawa ke {lanjut[k.id]}" if k.id in lanjut else "",
                    )
                    if x
                ),
                "id": k.id,
            }
        )
    return pl.DataFrame(baris) if baris else pl.DataFrame()


def ringkas_evaluasi(df: pl.DataFrame, label_rapat: str) -> str:
    """One line: how many commitments of the meeting are done, running, not started, dropped."""
    if df.is_empty():
        return f"Belum ada komitmen dari {label_rapat}."
    hitung = {s: int(df["Status"].str.starts_with(LABEL_STATUS[s]).sum()) for s in STATUS}
    return (
        f"{label_rapat}: {df.height} komitmen; {hitung['selesai']} selesai, {hitung['berjalan']} berjalan, "
        f"{hitung['belum']} belum, {hitung['batal']} batal."
    )


def figur_tabel(df: pl.DataFrame, kolom: tuple[str, ...]) -> go.Figure:
    """A table figure for a slide (text, so it stays selectable in the PDF)."""
    data = df.select(kolom) if not df.is_empty() else pl.DataFrame({k: [] for k in kolom})
    fig = go.Figure(
        go.Table(
            columnwidth=[3 if k in ("Program", "Catatan terakhir") else 2 for k in kolom],
            header={"values": [f"<b>{k}</b>" for k in kolom], "fill_color": "#e5e7eb", "align": "left"},
            # plotly reads tags (<b>, <a href>) in cell text: what people typed is escaped to stay text
            cells={
                "values": [[html.escape(str(v)) for v in data[k].to_list()] for k in kolom],
                "align": "left",
                "height": 30,
            },
        )
    )
    fig.update_layout(margin={"l": 5, "r": 5, "t": 5, "b": 5}, font={"size": 14}, height=520)
    return fig


def ke_xlsx(reg: Register, nama_kab: Mapping[str, str]) -> bytes:
    """The register in the import template: sheet ``Komitmen`` (one row per commitment, the ID column lets an
    edited file update rows) and sheet ``Petunjuk`` (statuses, metric keys, kabupaten codes).
    Text is written as text (no formulas, no links); free text a spreadsheet would run is neutralised."""
    rapat = reg.rapat_menurut_id()
    buf = io.BytesIO()
    opsi = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(buf, opsi) as wb:
        tebal = wb.add_format({"bold": True, "bg_color": "#e5e7eb"})
        tanggal = wb.add_format({"num_format": "yyyy-mm-dd"})
        lembar = wb.add_worksheet(LEMBAR)
        for j, (_, label) in enumerate(KOLOM_XLSX):
            lembar.write_string(0, j, label, tebal)
            lembar.set_column(j, j, max(14, len(label) + 2))
        for i, k in enumerate(sorted(reg.komitmen, key=lambda x: (rapat[x.rapat_id].tanggal, x.kode_bps)), start=1):
            akhir = k.catatan_terakhir
            nilai: dict[str, object] = {
                "id": k.id,
                "rapat": rapat[k.rapat_id].label,
                "tanggal_rapat": rapat[k.rapat_id].tanggal,
                "kode_bps": k.kode_bps,
                "kabupaten": _wilayah(k.kode_bps, nama_kab),
                "program": k.program,
                "indikator": k.indikator,
                "target_nilai": k.target_nilai,
                "target_tahun": k.target_tahun,
                "satuan": k.satuan,
                "penanggung_jawab": k.penanggung_jawab,
                "tenggat": k.tenggat,
                "status": k.status,
                "catatan": akhir.catatan if akhir else None,
                "tanggal_catatan": akhir.tanggal if akhir else None,
            }
            for j, (kunci, _) in enumerate(KOLOM_XLSX):
                v = nilai[kunci]
                if v is None or v == "":
                    continue
                if isinstance(v, dt.date):
                    lembar.write_datetime(i, j, dt.datetime.combine(v, dt.time()), tanggal)
                elif isinstance(v, int | float):
                    lembar.write_number(i, j, v)
                else:
                    teks = str(v)
                    lembar.write_string(i, j, "'" + teks if teks.startswith(unduhan.AWALAN_RUMUS) else teks)
        kolom_status = [k for k, _ in KOLOM_XLSX].index("status")
        lembar.data_validation(1, kolom_status, 2000, kolom_status, {"validate": "list", "source": list(STATUS)})
        lembar.freeze_panes(1, 0)
        petunjuk = wb.add_worksheet("Petunjuk")
        petunjuk_teks = [
            "Isi satu baris per komitmen di lembar Komitmen. Baris dengan ID mengubah komitmen itu; kosongkan ID "
            "untuk komitmen baru. Rapat baru perlu tanggal rapat.",
            "Status: " + ", ".join(STATUS) + ". Catatan pembaruan baru dicatat dengan tanggal catatan (kosong = hari "
            "impor).",
            "Indikator: salah satu kunci di bawah (dasbor mengukurnya) atau teks bebas.",
        ]
        for i, t in enumerate(petunjuk_teks):
            petunjuk.write_string(i, 0, t)
        petunjuk.write_string(len(petunjuk_teks) + 1, 0, "Indikator dasbor", tebal)
        for i, (kunci, d) in enumerate(METRIK.items(), start=len(petunjuk_teks) + 2):
            petunjuk.write_string(i, 0, kunci)
            petunjuk.write_string(i, 1, d.label)
        awal = len(petunjuk_teks) + 3 + len(METRIK)
        petunjuk.write_string(awal, 0, "Kode BPS", tebal)
        for i, (kode, nama) in enumerate(sorted(nama_kab.items()), start=awal + 1):
            petunjuk.write_string(i, 0, kode)
            petunjuk.write_string(i, 1, nama)
        petunjuk.set_column(0, 0, 24)
        petunjuk.set_column(1, 1, 40)
    return buf.getvalue()
