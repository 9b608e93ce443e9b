"""Peta: the 13 kabupaten/kota coloured by a chosen metric, the two industrial estates, IKM density, years."""

import polars as pl
import streamlit as st

from dasbor.ui import data, figur, frame, grafik, widgets
from dasbor.views import aman, formats, peta

f = frame.halaman("Peta")
sejak = frame.jumlah_catatan_url()
kiri, kanan = st.columns([3, 1])
metrik = widgets.pilih_daftar(
    "Ukuran di peta",
    "metrik",
    list(peta.METRIK),
    wadah=kiri,
    label_pilihan={k: m.label for k, m in peta.METRIK.items()},
)
sebaran = kanan.toggle("Sebaran IKM", key="sebaran", help="Titik IKM yang punya koordinat, sebagai kepadatan.")
frame.catatan_url_baru(sejak)

batas = data.batas_terkini()
for pesan in batas.pesan:
    st.info(aman.markdown(pesan), icon=":material/map:")

metrik_df = data.peta_metrik()
fig = figur.tersimpan(
    peta.choropleth,
    metrik_df,
    batas,
    metrik,
    f.tahun,
    kawasan=data.kawasan_profil(),
    titik=data.ikm_titik(f.tahun) if sebaran else None,
)
kolom_peta, samping = st.columns([3, 2])
with kolom_peta:
    pilihan = grafik.grafik(
        fig,
        key="peta",
        sumber=("ikm", "ekspor", "kawasan"),
        dek="peta.choropleth",
        catatan=batas.atribusi + " · Titik merah: Kawasan Industri Jorong dan Batulicin (lokasi perkiraan) · "
        "Wilayah putih: tidak ada data untuk ukuran ini.",
        on_select="rerun",
        selection_mode="points",
        config={"scrollZoom": False},
    )

kab = peta.kabupaten_terpilih(pilihan.selection.points if pilihan else [], f.kab)
with samping:
    m = peta.METRIK[metrik]
    tahun_ini = metrik_df.filter(pl.col("tahun") == f.tahun).sort(m.kolom, descending=True, nulls_last=True)
    st.subheader(f"{m.label}, {f.tahun}")
    grafik.grafik(figur.tersimpan(peta.peringkat, tahun_ini, m, kab), key="samping")
    if kab:
        nama = tahun_ini.filter(pl.col("kode_bps") == kab)["nama"].item()
        nilai = tahun_ini.filter(pl.col("kode_bps") == kab)[m.kolom].item()
        st.markdown(f"**{nama}**: {m.fmt(nilai)} · [Buka Profil Kabupaten](kabupaten?kab={kab}&tahun={f.tahun})")
        if f.kab != (kab,):
            st.button(
                f"Saring semua halaman ke {nama}",
                icon=":material/filter_alt:",
                on_click=widgets.saring_kabupaten,
                args=((kab,),),
                help="Penyaring kabupaten/kota di sisi kiri berlaku di semua halaman.",
            )
    else:
        st.caption("Klik satu kabupaten/kota di peta untuk menyorotnya di sini.")
    frame.keterangan_sumber(("ikm", "ekspor"))
st.caption(f"Jumlah IKM berkoordinat {f.tahun}: {formats.angka(data.ikm_titik(f.tahun).height)}.")
frame.salin_tautan()
