"""Ekspor & Hilirisasi: the Indeks Hilirisasi (also without coal and per chain), export value over time, by
kabupaten, from hulu to hilir, by HS code and by destination, in US$ or rupiah."""

import streamlit as st

from dasbor.ui import data, figur, frame, grafik, unduh, widgets
from dasbor.views import ekspor, hilirisasi, narasi, rujukan, spesialisasi
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP

f = frame.halaman("Ekspor & Hilirisasi")
sejak = frame.jumlah_catatan_url()

pilihan = data.ekspor_pilihan()
sb = st.sidebar
sb.markdown("**Penyaring ekspor**")
pilihan_rantai, pilihan_tahap = ekspor.pilihan_penyaring(pilihan)
rantai = widgets.pilih_banyak("Rantai komoditas", "rantai", pilihan_rantai, label_pilihan=LABEL_RANTAI, wadah=sb)
tahap = widgets.pilih_banyak("Tahap", "tahap", pilihan_tahap, label_pilihan=LABEL_TAHAP, wadah=sb)
sb.markdown("**Tampilan**")
mata_uang = widgets.pilih_satu(
    "Mata uang",
    "mata_uang",
    tuple(ekspor.MATA_UANG),
    "usd",
    label_pilihan={"usd": "US$", "rp": "Rupiah"},
    wadah=sb,
)
periode = widgets.pilih_satu(
    "Periode",
    "periode",
    ("tahunan", "bulanan"),
    "tahunan",
    label_pilihan={"tahunan": "Tahunan", "bulanan": "Bulanan"},
    wadah=sb,
)
frame.catatan_url_baru(sejak)
sumber = ("ekspor", "kurs") if mata_uang == "rp" else ("ekspor",)

st.markdown(f"#### {f.nama_wilayah} · {f.tahun}")
indeks = data.ekspor_indeks(f.tahun, f.kab, rantai, tahap)
for kolom, k in zip(st.columns(4), ekspor.kartu_ekspor(indeks, f.tahun, mata_uang), strict=False):
    kolom.metric(k.label, k.nilai, k.perubahan, help=k.bantuan, border=True)
st.info(ekspor.pesan_batubara(indeks, f.tahun, tahap), icon=":material/info:")
frame.keterangan_sumber(sumber)

kiri, kanan = st.columns([2, 3])
with kiri:
    st.subheader(f"Indeks Hilirisasi per rantai, {f.tahun}")
    grafik.grafik(
        figur.tersimpan(ekspor.indeks_per_rantai, data.ekspor_indeks_rantai(f.tahun, f.kab, rantai)),
        key="indeks_rantai",
        sumber=("ekspor",),
    )
with kanan:
    st.subheader("Nilai ekspor " + ("per bulan" if periode == "bulanan" else "per tahun"))
    deret = data.ekspor_deret(periode, f.kab, rantai, tahap)
    for tab, menurut in zip(
        widgets.tab_terbuka(["Per rantai", "Per tahap"], "tab_deret"), ("rantai", "tahap"), strict=True
    ):
        if tab.open:
            grafik.grafik(
                figur.tersimpan(ekspor.area_deret, deret, mata_uang, menurut=menurut),
                key=f"deret_{menurut}",
                waktu=True,
                kab=f.kab,
                rantai=rantai,
                wadah=tab,
            )
    grafik.penutup(sumber)

st.subheader("Indeks Hilirisasi per kabupaten/kota")
per_kab = data.ekspor_indeks_kabupaten(f.kab, rantai)
for tab, indeks_kolom in zip(
    widgets.tab_terbuka(["Semua rantai", "Tanpa batu bara"], "tab_indeks"),
    ("indeks_hilirisasi", "indeks_tanpa_batubara"),
    strict=True,
):
    if not tab.open:
        continue
    with tab:
        peta_panas, peringkat = st.columns([3, 2])
        grafik.grafik(
            figur.tersimpan(ekspor.heatmap_indeks, per_kab, indeks_kolom),
            key=f"heatmap_{indeks_kolom}",
            wadah=peta_panas,
        )
        peringkat.markdown(f"**Peringkat {f.tahun}**")
        grafik.grafik(
            figur.tersimpan(ekspor.peringkat_indeks, per_kab, f.tahun, indeks_kolom),
            key=f"peringkat_{indeks_kolom}",
            wadah=peringkat,
        )
grafik.penutup(
    ("ekspor",),
    dek="ekspor.peringkat_tanpa_batubara",
    catatan="Tanda – berarti kabupaten/kota itu tidak punya ekspor yang terpetakan ke rantai pada tahun tersebut. "
    "Ekspor tanpa kabupaten asal (data BPS sering berhenti di tingkat provinsi) tidak masuk tampilan ini.",
)

st.subheader(f"Dari hulu ke hilir, {f.tahun}")
tangga = data.ekspor_tahap_per_rantai(f.tahun, f.kab, rantai)
rantai_ada = ekspor.rantai_dalam(tangga)
if rantai_ada:
    for tab, r in zip(
        widgets.tab_terbuka([LABEL_RANTAI.get(r, r) for r in rantai_ada], "tab_sankey"), rantai_ada, strict=True
    ):
        if tab.open:
            grafik.grafik(figur.tersimpan(ekspor.sankey_rantai, tangga, r, mata_uang), key=f"sankey_{r}", wadah=tab)
else:
    st.info("Tidak ada ekspor yang terpetakan ke rantai untuk penyaring ini.")
grafik.penutup(
    sumber,
    dek="ekspor.sankey",
    catatan="Lebar alur adalah nilai ekspor per tahap, bukan aliran fisik bahan dari satu tahap ke tahap berikutnya.",
)

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(f"Menurut kode HS, {f.tahun}")
    per_hs = data.ekspor_per_hs(f.tahun, f.kab, rantai, tahap)
    for tab, tanpa_batubara in zip(
        widgets.tab_terbuka(["Semua", "Tanpa batu bara"], "tab_hs"), (False, True), strict=True
    ):
        if tab.open:
            grafik.grafik(
                figur.tersimpan(ekspor.treemap_hs, per_hs, mata_uang, tanpa_batubara=tanpa_batubara),
                key="hs_tanpa_batubara" if tanpa_batubara else "hs",
                wadah=tab,
            )
    grafik.penutup(
        sumber,
        catatan="Bab HS (2 digit) berisi pos HS (4 digit); warna menurut rantai komoditas, abu-abu = tidak terpetakan.",
    )
with kanan:
    st.subheader(f"Negara tujuan, {f.tahun}")
    grafik.grafik(
        figur.tersimpan(ekspor.negara_tujuan, data.ekspor_per_negara(f.tahun, f.kab, rantai, tahap), mata_uang),
        key="negara",
        sumber=sumber,
    )

st.subheader(f"Harga atau volume? {f.tahun} dibanding {f.tahun - 1}")
harga_volume = data.ekspor_harga_volume(f.tahun, f.kab)
st.markdown(narasi.aman(hilirisasi.kalimat(hilirisasi.harga_volume(harga_volume, f.tahun)) + "."))
kiri, kanan = st.columns([3, 2])
grafik.grafik(figur.tersimpan(hilirisasi.air_terjun, harga_volume, f.tahun), key="harga_volume", wadah=kiri)
kanan.markdown("**Efek harga dan volume per rantai**")
grafik.grafik(figur.tersimpan(hilirisasi.batang_efek, harga_volume), key="efek_rantai", wadah=kanan)
grafik.penutup(
    ("ekspor",),
    dek="ekspor.harga_volume",
    catatan="Perubahan nilai ekspor diuraikan per kode HS dengan indeks Divisia log-rata-rata (LMDI): efek harga "
    "dari perubahan nilai per kg, efek volume dari perubahan berat; keduanya dijumlahkan tanpa sisa. Kode HS yang "
    "hanya diekspor pada salah satu tahun dihitung sebagai volume. Penyaring rantai dan tahap tidak berlaku di sini.",
)

st.subheader("Nilai per kilogram menurut tahap")
per_kg = data.ekspor_nilai_per_kg(f.kab)
for tab, jenis in zip(
    widgets.tab_terbuka(["US$ per kg", "Rasio hilir/hulu"], "tab_per_kg"), ("kg", "rasio"), strict=True
):
    if tab.open:
        builder = hilirisasi.garis_per_kg if jenis == "kg" else hilirisasi.garis_rasio
        grafik.grafik(figur.tersimpan(builder, per_kg), key=f"per_kg_{jenis}", wadah=tab)
grafik.penutup(
    ("ekspor",),
    dek="ekspor.nilai_per_kg",
    catatan="Rasio hilir/hulu: berapa kali nilai satu kilogram produk hilir (atau antara, bila rantai tak punya "
    "ekspor hilir) dibanding satu kilogram bahan mentahnya.",
)

st.subheader(f"Spesialisasi ekspor per kabupaten/kota, {f.tahun}")
grafik.grafik(
    figur.tersimpan(spesialisasi.heatmap_lq, data.ekspor_lq(f.tahun), "rantai"),
    key="lq_ekspor",
    sumber=("ekspor",),
    catatan="Location quotient (LQ): porsi rantai dalam ekspor kabupaten/kota dibagi porsinya dalam ekspor "
    "provinsi. LQ di atas 1 (biru) berarti kabupaten/kota itu terspesialisasi pada rantai tersebut. Hanya ekspor "
    "dengan kabupaten asal yang diketahui.",
)

st.subheader("Angka rujukan: ekspor yang dirilis BPS")
banding = data.angka_rujukan_banding()
banding_ekspor = banding.filter(banding["indikator"] != "jumlah_ikm")
grafik.grafik(figur.tersimpan(rujukan.batang_ekspor, banding), key="rujukan_ekspor")
st.dataframe(
    rujukan.tabel_banding(banding_ekspor),
    hide_index=True,
    column_config={"Sumber rujukan": st.column_config.LinkColumn("Sumber rujukan", display_text="buka sumber")},
)
st.caption(
    narasi.aman(
        rujukan.ringkas(banding) + ". Angka rujukan adalah rilis BPS Kalsel sebagaimana diberitakan, "
        "bukan bagian data dasbor."
    )
)
grafik.penutup(("angka_rujukan", "ekspor"), dek="ekspor.rujukan")

st.subheader("Unduh data")
b0, b1, b2, b3 = st.columns([2, 1, 1, 1])
unduh.bagian(
    lambda: deret,
    judul=f"Nilai ekspor {periode} per rantai dan tahap · Dasbor Industri Kalsel, halaman Ekspor & Hilirisasi",
    tabel=("ekspor", "kurs"),
    uraian=ekspor.uraian_unduhan(data.nama_kabupaten(), f.kab, rantai, tahap),
    nama_berkas=f"ekspor-{periode}",
    pemisah_di=b0,
    tombol_di=(b1, b2, b3),
)
st.caption("Unduhan berisi deret nilai ekspor yang tampil di atas (periode, rantai, tahap; US$ dan rupiah).")
frame.salin_tautan()
