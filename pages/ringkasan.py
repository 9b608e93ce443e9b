"""Ringkasan: the province at a glance for the chosen year and kabupaten."""

import polars as pl
import streamlit as st

from dasbor.ui import data, figur, frame, grafik, widgets
from dasbor.views import aman, charts, kpi, narasi, peta, rujukan

f = frame.halaman("Ringkasan")
st.markdown(f"#### {f.nama_wilayah} · {f.tahun}")

kartu = kpi.kartu_kpi(data.kpi_ringkasan(f.tahun, f.kab), f.tahun)
for baris in (kartu[:4], kartu[4:]):
    for kolom, k in zip(st.columns(4), baris, strict=False):
        kolom.metric(k.label, k.nilai, k.perubahan, help=k.bantuan, border=True)
grafik.penutup(("ikm", "ekspor"), dek="ringkasan.kpi")

st.markdown(narasi.markdown(data.ringkasan_narasi(f.tahun, f.kab, f.nama_wilayah), data.sumber_narasi()))
grafik.penutup(dek="ringkasan.narasi")

peta_kiri, peta_kanan = st.columns([3, 2])
with peta_kiri:
    st.subheader(f"Jumlah IKM per kabupaten/kota, {f.tahun}")
    batas = data.batas_terkini()
    grafik.grafik(
        figur.tersimpan(
            peta.choropleth,
            data.peta_metrik(),
            batas,
            "jumlah_ikm",
            f.tahun,
            kawasan=data.kawasan_profil(),
            animasi=False,
            tinggi=460,
        ),
        key="peta",
        config={"scrollZoom": False},
        catatan=batas.atribusi + " · Titik merah: kawasan industri. Peta lengkap ada di halaman Peta.",
    )
    for pesan in batas.pesan:
        st.caption(aman.markdown(pesan))
    frame.keterangan_sumber(("ikm", "kawasan"))
with peta_kanan:
    st.subheader("Indeks Hilirisasi tanpa batu bara")
    indeks = data.peta_metrik().filter(pl.col("tahun") == f.tahun)
    grafik.grafik(
        figur.tersimpan(
            peta.peringkat, indeks, peta.METRIK["indeks_tanpa_batubara"], f.kab[0] if len(f.kab) == 1 else None
        ),
        key="peringkat",
        sumber=("ekspor",),
    )

kiri, kanan = st.columns(2)
with kiri:
    st.subheader("Tren IKM dan ekspor")
    grafik.grafik(
        figur.tersimpan(charts.tren_ikm_ekspor, data.tren_tahunan(f.kab)),
        key="tren",
        sumber=("ikm", "ekspor"),
        dek="ringkasan.tren",
        waktu=True,
        kab=f.kab,
    )
with kanan:
    st.subheader(f"Bauran ekspor per rantai dan tahap, {f.tahun}")
    bauran = data.ekspor_rantai_tahap(f.tahun, f.kab)
    for tab, porsi in zip(
        widgets.tab_terbuka(["Nilai", "Porsi dalam rantai"], "tab_bauran"), (False, True), strict=True
    ):
        if tab.open:
            grafik.grafik(
                figur.tersimpan(charts.bauran_ekspor, bauran, porsi=porsi),
                key="bauran_porsi" if porsi else "bauran_nilai",
                wadah=tab,
            )
    grafik.penutup(
        ("ekspor",),
        dek="ringkasan.bauran",
        catatan="Batu bara mentah mendominasi nilai ekspor; tab *Porsi dalam rantai* menunjukkan kemajuan "
        "hilirisasi tiap rantai.",
    )

st.subheader("Angka rujukan publik")
banding = data.angka_rujukan_banding()
st.caption(
    "Angka yang dirilis BPS Kalsel dan disampaikan Disperin Kalsel (sebagaimana diberitakan), di samping angka "
    "dasbor untuk periode yang sama. Angka rujukan bukan bagian data dasbor."
)
st.dataframe(
    rujukan.tabel_banding(banding),
    hide_index=True,
    column_config={"Sumber rujukan": st.column_config.LinkColumn("Sumber rujukan", display_text="buka sumber")},
)
grafik.penutup(("angka_rujukan", "ekspor", "ikm"), dek="ringkasan.rujukan")

frame.salin_tautan()
