"""The registry of views a deck can hold: a page's chart with its filters, rendered from any warehouse.

A view id names a page and a chart (``ringkasan.tren``); its parameters are the page's URL parameters
(``{"tahun": "2024", "kab": "6310"}``), validated the same way the page validates them. Each view returns an
:class:`Isi`: a figure or KPI cards, a one-line takeaway computed from the data, and the tables it cites.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import plotly.graph_objects as go
import polars as pl

from dasbor.views import (
    aman,
    charts,
    ekspor,
    formats,
    hilirisasi,
    kawasan,
    kpi,
    narasi,
    peristiwa,
    peta_cetak,
    program,
    rujukan,
    spesialisasi,
    tindak_lanjut,
    url_state,
)
from dasbor.views.palette import LABEL_RANTAI
from dasbor.views.saringan import nama_wilayah, tahun_pilihan
from dasbor.warehouse import batas
from dasbor.warehouse import peristiwa as peristiwa_simpanan
from dasbor.warehouse import tindak_lanjut as tindak_lanjut_simpanan
from dasbor.warehouse.db import Gudang


@dataclass(frozen=True)
class GrafikAsli:
    """Data for a native (editable) PowerPoint chart: categories and named series."""

    jenis: str  # "bar" | "bar_stacked" | "line"
    kategori: tuple[str, ...]
    seri: tuple[tuple[str, tuple[float, ...]], ...]
    satuan: str


@dataclass(frozen=True)
class Saringan:
    """Validated filters of a view, with notes about parameters that could not be used."""

    tahun: int
    kab: tuple[str, ...]
    nama_wilayah: str
    catatan: tuple[str, ...] = ()
    rantai: str = ""
    """The first chain in ``?rantai=`` (views that show one chain use it)."""


@dataclass(frozen=True)
class Isi:
    """What a slide shows."""

    judul: str
    ringkas: str
    tabel: tuple[str, ...]
    fig: go.Figure | None = None
    kartu: tuple[kpi.Kartu, ...] = ()
    asli: GrafikAsli | None = None
    catatan: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Tampilan:
    """A registered view: the page it belongs to, its title and its renderer."""

    id: str
    halaman: str
    judul: str
    buat: Callable[[Gudang, Saringan], Isi]


def saringan(gudang: Gudang, param: Mapping[str, str]) -> Saringan:
    """Parse a view's URL parameters against what the warehouse holds (same rules as the pages)."""
    pilihan, default = tahun_pilihan(gudang.query("tahun_tersedia"))
    tahun, c1 = url_state.parse_tahun(param.get("tahun"), pilihan, default)
    wilayah = gudang.query("wilayah")
    kab, c2 = url_state.parse_kab(param.get("kab"), wilayah["kode_bps"].to_list())
    label = nama_wilayah(kab, dict(zip(wilayah["kode_bps"].to_list(), wilayah["nama"].to_list(), strict=True)))
    rantai = (param.get("rantai") or "").split(",")[0].strip()
    return Saringan(tahun, kab, label, tuple(c for c in (c1, c2) if c), rantai)


def _kpi(gudang: Gudang, s: Saringan) -> Isi:
    kartu = kpi.kartu_kpi(gudang.query("kpi_ringkasan", tahun=s.tahun, kab=list(s.kab)), s.tahun)
    indeks = next(k for k in kartu if k.kolom == "indeks_hilirisasi")
    ringkas = f"Indeks Hilirisasi {s.nama_wilayah} {s.tahun}: {indeks.nilai}"
    if indeks.perubahan:
        arah = "naik" if not indeks.perubahan.startswith("-") else "turun"
        besar = indeks.perubahan.split(" poin")[0].lstrip("+-")
        ringkas = f"Indeks Hilirisasi {arah} {besar} poin menjadi {indeks.nilai} ({s.nama_wilayah}, {s.tahun})"
    return Isi(f"Ringkasan {s.nama_wilayah} {s.tahun}", ringkas, ("ikm", "ekspor"), kartu=tuple(kartu))


def _dengan_peristiwa(gudang: Gudang, fig: go.Figure, s: Saringan) -> tuple[go.Figure, tuple[str, ...]]:
    """A time chart with the events (catatan peristiwa) of the gudang's own warehouse that concern the view, and
    their list."""
    kena = [p for p in peristiwa_simpanan.baca(gudang.induk) if p.menyangkut(s.kab, (s.rantai,) if s.rantai else ())]
    daftar = peristiwa.daftar_teks(fig, kena)
    return peristiwa.tandai(fig, kena), (("Catatan peristiwa: " + "; ".join(daftar),) if daftar else ())


def _tren(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("tren_tahunan", kab=list(s.kab))
    ikm = df.filter(pl.col("jumlah_ikm").is_not_null())
    tahun = [str(t) for t in ikm["tahun"].to_list()]
    jumlah = [float(v) for v in ikm["jumlah_ikm"].to_list()]
    ringkas = f"{s.nama_wilayah}: {formats.unit(jumlah[-1])} IKM terdaftar pada {tahun[-1]}" if jumlah else ""
    if len(jumlah) >= 2:
        ringkas += f", {formats.perubahan_persen(jumlah[-1], jumlah[0])} sejak {tahun[0]}"
    asli = GrafikAsli("bar", tuple(tahun), (("Jumlah IKM", tuple(jumlah)),), "unit")
    fig, catatan = _dengan_peristiwa(gudang, charts.tren_ikm_ekspor(df), s)
    return Isi(
        f"Tren IKM dan ekspor, {s.nama_wilayah}", ringkas, ("ikm", "ekspor"), fig=fig, asli=asli, catatan=catatan
    )


def _bauran(gudang: Gudang, s: Saringan, *, porsi: bool) -> Isi:
    df = gudang.query("ekspor_rantai_tahap", tahun=s.tahun, kab=list(s.kab))
    total = float(df["nilai_usd"].sum())
    per_rantai = df.group_by("rantai").agg(pl.col("nilai_usd").sum()).sort("nilai_usd", descending=True)
    rantai = per_rantai["rantai"].to_list()
    if porsi:
        terpetakan = df.filter(pl.col("tahap") != "tidak terpetakan")
        tanpa = terpetakan.filter(pl.col("rantai") != "batubara")
        olahan = float(tanpa.filter(pl.col("tahap").is_in(["antara", "hilir"]))["nilai_usd"].sum())
        semua = float(tanpa["nilai_usd"].sum())
        ringkas = (
            f"Tanpa batu bara, {formats.persen(100 * olahan / semua if semua else None)} nilai ekspor "
            f"{s.nama_wilayah} {s.tahun} sudah diolah (tahap antara dan hilir)"
        )
        judul = f"Porsi tahap olahan per rantai, {s.nama_wilayah} {s.tahun}"
    else:
        teratas = rantai[0] if rantai else "-"
        bagian = float(per_rantai["nilai_usd"][0]) / total if total else 0.0
        ringkas = (
            f"{LABEL_RANTAI.get(teratas, teratas)} {formats.persen(100 * bagian)} dari nilai ekspor "
            f"{s.nama_wilayah} {s.tahun} ({formats.usd(total)})"
        )
        judul = f"Bauran ekspor per rantai dan tahap, {s.nama_wilayah} {s.tahun}"
    seri = []
    for tahap in ("hulu", "antara", "hilir"):
        nilai = {r: float(v) for r, v in df.filter(pl.col("tahap") == tahap).select("rantai", "nilai_usd").rows()}
        seri.append((tahap, tuple(nilai.get(r, 0.0) / charts.JUTA for r in rantai)))
    asli = GrafikAsli("bar_stacked", tuple(LABEL_RANTAI.get(r, r) for r in rantai), tuple(seri), "juta US$")
    return Isi(judul, ringkas, ("ekspor",), fig=charts.bauran_ekspor(df, porsi=porsi), asli=None if porsi else asli)


def _rantai(param_rantai: str | None, valid: list[str], default: str) -> str:
    return param_rantai if param_rantai in valid else default


def _peringkat(gudang: Gudang, s: Saringan, *, tanpa_batubara: bool) -> Isi:
    kolom = "indeks_tanpa_batubara" if tanpa_batubara else "indeks_hilirisasi"
    df = gudang.query("ekspor_indeks_kabupaten", kab=list(s.kab), rantai=[])
    tahun = df.filter((pl.col("tahun") == s.tahun) & pl.col(kolom).is_not_null()).sort(kolom, descending=True)
    ringkas = ""
    if tahun.height:
        atas = tahun.row(0, named=True)
        ringkas = (
            f"{atas['nama']} tertinggi ({formats.persen(atas[kolom])}) dari {tahun.height} kabupaten/kota "
            f"dengan ekspor terpetakan, {s.tahun}"
        )
    label = "tanpa batu bara" if tanpa_batubara else "semua rantai"
    asli = GrafikAsli(
        "bar",
        tuple(str(n) for n in tahun["nama"].to_list()),
        (("Indeks Hilirisasi (%)", tuple(float(v) for v in tahun[kolom].to_list())),),
        "persen",
    )
    return Isi(
        f"Indeks Hilirisasi per kabupaten/kota ({label}), {s.tahun}",
        ringkas,
        ("ekspor",),
        fig=ekspor.peringkat_indeks(df, s.tahun, kolom),
        asli=asli,
    )


def _sankey(gudang: Gudang, s: Saringan, rantai: str) -> Isi:
    df = gudang.query("ekspor_tahap_per_rantai", tahun=s.tahun, kab=list(s.kab), rantai=[])
    ada = [r for r in df["rantai"].unique().to_list() if r != "batubara"]
    pilih = _rantai(rantai, ada, "sawit" if "sawit" in ada else (ada[0] if ada else "sawit"))
    data = df.filter(pl.col("rantai") == pilih)
    total = float(data["nilai_usd"].sum())
    olahan = float(data.filter(pl.col("tahap") != "hulu")["nilai_usd"].sum())
    nama = LABEL_RANTAI.get(pilih, pilih)
    ringkas = (
        f"{formats.persen(100 * olahan / total if total else None)} ekspor {nama.lower()} {s.nama_wilayah} "
        f"{s.tahun} sudah diolah ({formats.usd(olahan)} dari {formats.usd(total)})"
    )
    return Isi(
        f"Rantai {nama.lower()}: dari hulu ke hilir, {s.tahun}",
        ringkas,
        ("ekspor",),
        fig=ekspor.sankey_rantai(df, pilih, "usd"),
    )


def _kawasan(gudang: Gudang, s: Saringan) -> Isi:
    profil = gudang.query("kawasan_profil")
    tenant = gudang.query("kawasan_tenant_daftar")
    nama = dict(zip(profil["id"].to_list(), profil["nama"].to_list(), strict=True))
    return Isi(
        "Kawasan Industri Jorong dan Batulicin: tenant menurut status",
        kawasan.ringkas_status(tenant, nama),
        ("kawasan", "kawasan_tenant"),
        fig=kawasan.tenant_per_status(tenant, nama),
    )


def _halal(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("program_tahunan", jenis="halal", kab=list(s.kab))
    kini = df.filter(pl.col("tahun") == s.tahun)
    hasil = int(kini["hasil"][0]) if kini.height else 0
    dalam = program.TARGET_HALAL[0] <= hasil <= program.TARGET_HALAL[1]
    ringkas = (
        f"{formats.unit(hasil, 'IKM')} bersertifikat halal lewat program pada {s.tahun} "
        f"({'dalam' if dalam else 'di luar'} target 20–40 per tahun)"
    )
    asli = GrafikAsli(
        "bar",
        tuple(str(t) for t in df["tahun"].to_list()),
        (("IKM bersertifikat", tuple(float(v) for v in df["hasil"].to_list())),),
        "IKM",
    )
    fig, catatan = _dengan_peristiwa(gudang, program.halal_per_tahun(df, provinsi=not s.kab), s)
    return Isi(
        f"Sertifikasi halal IKM, {s.nama_wilayah}",
        ringkas,
        ("program",),
        fig=fig,
        asli=asli,
        catatan=catatan,
    )


def _target(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("target_capaian")
    kini = df.filter((pl.col("tahun") == s.tahun) & pl.col("capaian").is_not_null())
    tercapai = kini.filter(pl.col("capaian") >= pl.col("nilai_target")).height
    ringkas = f"{tercapai} dari {kini.height} target provinsi {s.tahun} tercapai"
    return Isi(
        f"Target rencana dan capaian, {s.tahun}",
        ringkas,
        ("target", "ikm", "ekspor", "program"),
        fig=program.target_capaian(df),
    )


def _peta(gudang: Gudang, s: Saringan) -> Isi:
    wilayah = gudang.query("wilayah")
    nama = dict(zip(wilayah["kode_bps"].to_list(), wilayah["nama"].to_list(), strict=True))
    df = gudang.query("peta_metrik")
    kolom = "indeks_tanpa_batubara"
    kini = df.filter((pl.col("tahun") == s.tahun) & pl.col(kolom).is_not_null()).sort(kolom, descending=True)
    ringkas = ""
    if kini.height:
        atas, bawah = kini.row(0, named=True), kini.row(-1, named=True)
        ringkas = (
            f"Tanpa batu bara, {atas['nama']} paling hilir ({formats.persen(atas[kolom])}), "
            f"{bawah['nama']} paling hulu ({formats.persen(bawah[kolom])}), {s.tahun}"
        )
    batas_peta = batas.muat(nama)
    return Isi(
        f"Peta Indeks Hilirisasi tanpa batu bara, {s.tahun}",
        f"{ringkas}. {batas_peta.atribusi}",
        ("ekspor", "kawasan"),
        fig=peta_cetak.choropleth_cetak(df, batas_peta, kolom, s.tahun, kawasan=gudang.query("kawasan_profil")),
    )


def _narasi(gudang: Gudang, s: Saringan) -> Isi:
    """The written summary as a slide: the export sentence as takeaway, every sentence with its source below."""
    kab = list(s.kab)
    if not s.kab:
        target = gudang.query("target_capaian")
    elif len(s.kab) == 1:
        target = gudang.query("target_kabupaten", kab=s.kab[0])
    else:
        target = gudang.query("target_capaian").clear()
    kalimat = narasi.ringkasan(
        tahun=s.tahun,
        wilayah=s.nama_wilayah,
        kpi=gudang.query("kpi_ringkasan", tahun=s.tahun, kab=kab),
        harga_volume=gudang.query("ekspor_harga_volume", tahun=s.tahun, kab=kab),
        indeks_rantai=gudang.query("ekspor_indeks_rantai", tahun=s.tahun, kab=kab, rantai=[]),
        target=target,
    )
    sumber = {t: narasi.label_sumber(gudang.query("sumber_tabel", tabel=[t])) for t in ("ikm", "ekspor", "target")}
    return Isi(
        f"Ringkasan tertulis, {s.nama_wilayah} {s.tahun}",
        narasi.takeaway(kalimat),
        ("ikm", "ekspor", "target"),
        catatan=tuple(f"{k.teks} [Sumber: {sumber.get(k.tabel[0], k.tabel[0])}]" for k in kalimat),
    )


def _harga_volume(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("ekspor_harga_volume", tahun=s.tahun, kab=list(s.kab))
    return Isi(
        f"Harga atau volume? Ekspor {s.nama_wilayah} {s.tahun} dibanding {s.tahun - 1}",
        hilirisasi.kalimat(hilirisasi.harga_volume(df, s.tahun), f"Ekspor {s.nama_wilayah}"),
        ("ekspor",),
        fig=hilirisasi.air_terjun(df, s.tahun, per_rantai=not s.kab),
    )


def _nilai_per_kg(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("ekspor_nilai_per_kg", kab=list(s.kab))
    rasio = hilirisasi.rasio_hilir_hulu(df).filter(pl.col("tahun") == s.tahun).sort("rasio", descending=True)
    ringkas = ""
    if rasio.height:
        atas = rasio.row(0, named=True)
        ringkas = (
            f"Satu kg ekspor {LABEL_RANTAI.get(atas['rantai'], atas['rantai']).lower()} olahan bernilai "
            f"{formats.angka(atas['rasio'], 1)} kali bahan mentahnya ({s.nama_wilayah}, {s.tahun})"
        )
    return Isi(
        f"Nilai ekspor per kilogram menurut tahap, {s.nama_wilayah}",
        ringkas,
        ("ekspor",),
        fig=hilirisasi.garis_per_kg(df),
    )


def _lq_ikm(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("ikm_lq", tahun=s.tahun)
    atas = spesialisasi.teratas(df, 3)
    ringkas = "LQ tertinggi: " + "; ".join(
        f"{r['nama']} · {r['sektor']} ({formats.angka(r['lq'], 2)})" for r in atas.iter_rows(named=True)
    )
    return Isi(
        f"Spesialisasi sektor IKM per kabupaten/kota (LQ tenaga kerja), {s.tahun}",
        ringkas,
        ("ikm",),
        fig=spesialisasi.heatmap_lq(df),
    )


def _rujukan(gudang: Gudang, s: Saringan) -> Isi:
    df = gudang.query("angka_rujukan_banding")
    return Isi(
        "Angka rujukan publik dan data dasbor: nilai ekspor bulanan",
        rujukan.ringkas(df),
        ("angka_rujukan", "ekspor"),
        fig=rujukan.batang_ekspor(df),
    )


def _evaluasi_rakor(gudang: Gudang, s: Saringan) -> Isi:
    """The commitments of the meeting before the latest one (the latest when there is only one), with the value
    this warehouse measures now for metric indicators. The register is the one beside the gudang's own
    warehouse (``Gudang.induk``), not the default one."""
    reg = tindak_lanjut_simpanan.baca(gudang.induk)
    if not reg.rapat:
        return Isi("Evaluasi Rakor lalu", "Belum ada rapat tercatat di halaman Tindak Lanjut.", ())
    rapat = reg.rapat[-2] if len(reg.rapat) > 1 else reg.rapat[-1]
    tahun_df = gudang.query("tahun_tersedia")
    pilihan = {int(t) for t in tahun_df["tahun"].to_list()}

    def ukur(kolom: str, kab: str, tahun: int) -> tuple[float | None, int | None]:
        dipakai = tahun if tahun in pilihan else s.tahun
        df = gudang.query("kpi_ringkasan", tahun=dipakai, kab=[kab] if kab else []).filter(pl.col("tahun") == dipakai)
        nilai = df[kolom][0] if not df.is_empty() and kolom in df.columns else None
        return (float(nilai) if nilai is not None else None), dipakai

    wilayah = gudang.query("wilayah")
    nama = dict(zip(wilayah["kode_bps"].to_list(), wilayah["nama"].to_list(), strict=True))
    df = tindak_lanjut.evaluasi(reg, rapat.id, nama, ukur)
    kolom = ("Kabupaten/kota", "Program", "Target", "Capaian kini", "% target", "Status")
    return Isi(
        f"Evaluasi {rapat.label}",
        tindak_lanjut.ringkas_evaluasi(df, rapat.label),
        ("ikm", "ekspor"),
        fig=tindak_lanjut.figur_tabel(df, kolom),
    )


REGISTRI: dict[str, Tampilan] = {
    t.id: t
    for t in (
        Tampilan("ringkasan.kpi", "ringkasan", "Indikator utama", _kpi),
        Tampilan("ringkasan.tren", "ringkasan", "Tren IKM dan ekspor", _tren),
        Tampilan(
            "ringkasan.bauran",
            "ringkasan",
            "Bauran ekspor per rantai dan tahap",
            lambda g, s: _bauran(g, s, porsi=False),
        ),
        Tampilan(
            "ringkasan.porsi", "ringkasan", "Porsi tahap olahan per rantai", lambda g, s: _bauran(g, s, porsi=True)
        ),
        Tampilan(
            "ekspor.peringkat",
            "ekspor",
            "Indeks Hilirisasi per kabupaten/kota",
            lambda g, s: _peringkat(g, s, tanpa_batubara=False),
        ),
        Tampilan(
            "ekspor.peringkat_tanpa_batubara",
            "ekspor",
            "Indeks Hilirisasi per kabupaten/kota tanpa batu bara",
            lambda g, s: _peringkat(g, s, tanpa_batubara=True),
        ),
        Tampilan("ekspor.sankey", "ekspor", "Rantai dari hulu ke hilir", lambda g, s: _sankey(g, s, s.rantai)),
        Tampilan("kawasan.tenant", "kawasan", "Tenant kawasan industri menurut status", _kawasan),
        Tampilan("program.halal", "program", "Sertifikasi halal IKM", _halal),
        Tampilan("program.target", "program", "Target rencana dan capaian", _target),
        Tampilan("peta.choropleth", "peta", "Peta Indeks Hilirisasi per kabupaten/kota", _peta),
        Tampilan("ringkasan.narasi", "ringkasan", "Ringkasan tertulis", _narasi),
        Tampilan("kabupaten.narasi", "kabupaten", "Ringkasan tertulis kabupaten/kota", _narasi),
        Tampilan("ekspor.harga_volume", "ekspor", "Harga atau volume: uraian perubahan ekspor", _harga_volume),
        Tampilan("ekspor.nilai_per_kg", "ekspor", "Nilai ekspor per kilogram menurut tahap", _nilai_per_kg),
        Tampilan("ikm.lq", "ikm", "Spesialisasi sektor IKM (LQ)", _lq_ikm),
        Tampilan("ekspor.rujukan", "ekspor", "Angka rujukan: ekspor bulanan yang dirilis", _rujukan),
        Tampilan("ringkasan.rujukan", "ringkasan", "Angka rujukan publik", _rujukan),
        Tampilan("tindak_lanjut.evaluasi", "tindak_lanjut", "Evaluasi Rakor lalu", _evaluasi_rakor),
    )
}
"""Every view a deck may hold, by id. Pages register theirs here as they gain a presentable chart."""


def render(gudang: Gudang, tampilan_id: str, param: Mapping[str, str]) -> Isi:
    """Render one view; an unknown view or a failing one becomes a slide that says so, never an exception."""
    tampilan = REGISTRI.get(tampilan_id)
    if tampilan is None:
        return Isi(
            "Tampilan tidak tersedia",
            f"Tampilan '{tampilan_id}' tidak dikenal lagi (halaman atau grafiknya telah berubah); slide lain "
            "tetap ditampilkan.",
            (),
            catatan=(f"Tampilan tidak dikenal: {aman.kode(tampilan_id)}",),
        )
    s = saringan(gudang, param)
    isi = tampilan.buat(gudang, s)
    return Isi(isi.judul, isi.ringkas, isi.tabel, isi.fig, isi.kartu, isi.asli, isi.catatan + s.catatan)
