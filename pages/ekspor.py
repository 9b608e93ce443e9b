"""Ekspor & Hilirisasi: the Indeks Hilirisasi (also without coal and per chain), export value over time, by
kabupaten, from hulu to hilir, by HS code and by destination, in US$ or rupiah."""

import datetime as dt

import streamlit as st

from dasbor.ui import data, figur, frame, peristiwa, widgets
from dasbor.views import ekspor, hilirisasi, narasi, rujukan, spesialisasi, unduhan
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP, URUTAN_RANTAI, URUTAN_TAHAP

f = frame.halaman("Ekspor & Hilirisasi")
sejak = frame.jumlah_catatan_url()

pilihan = data.ekspor_pilihan()
sb = st.sidebar
sb.markdown("**Penyaring ekspor**")
ada_rantai = set(pilihan.filter(pilihan["jenis"] == "rantai")["nilai"].to_list())
ada_tahap = set(pilihan.filter(pilihan["jenis"] == "tahap")["nilai"].to_list())
rantai = widgets.pilih_banyak(
    "Rantai komoditas", "rantai", [r for r in URUTAN_RANTAI if r in ada_rantai], label_pilihan=LABEL_RANTAI, wadah=sb
)
tahap = widgets.pilih_banyak(
    "Tahap", "tahap", [t for t in URUTAN_TAHAP if t in ada_tahap], label_pilihan=LABEL_TAHAP, wadah=sb
)
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
    st.plotly_chart(
        figur.tersimpan(ekspor.indeks_per_rantai, data.ekspor_indeks_rantai(f.tahun, f.kab, rantai)),
        key="indeks_rantai",
    )
    frame.keterangan_sumber(("ekspor",))
with kanan:
    st.subheader("Nilai ekspor " + ("per bulan" if periode == "bulanan" else "per tahun"))
    deret = data.ekspor_deret(periode, f.kab, rantai, tahap)
    for tab, menurut in zip(
        widgets.tab_terbuka(["Per rantai", "Per tahap"], "tab_deret"), ("rantai", "tahap"), strict=True
    ):
        if tab.open:
            peristiwa.grafik_waktu(
                figur.tersimpan(ekspor.area_deret, deret, mata_uang, menurut=menurut),
                key=f"deret_{menurut}",
                kab=f.kab,
                rantai=rantai,
                wadah=tab,
            )
    frame.keterangan_sumber(sumber)

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
        peta_panas.plotly_chart(
            figur.tersimpan(ekspor.heatmap_indeks, per_kab, indeks_kolom), key=f"heatmap_{indeks_kolom}"
        )
        peringkat.markdown(f"**Peringkat {f.tahun}**")
        peringkat.plotly_chart(
            figur.tersimpan(ekspor.peringkat_indeks, per_kab, f.tahun, indeks_kolom),
            key=f"peringkat_{indeks_kolom}",
        )
st.caption(
    "Tanda – berarti kabupaten/kota itu tidak punya ekspor yang terpetakan ke rantai pada tahun tersebut. Ekspor "
    "tanpa kabupaten asal (data BPS sering berhenti di tingkat provinsi) tidak masuk tampilan ini."
)
frame.keterangan_sumber(("ekspor",))
frame.tombol_presentasi("ekspor.peringkat_tanpa_batubara")

st.subheader(f"Dari hulu ke hilir, {f.tahun}")
tangga = data.ekspor_tahap_per_rantai(f.tahun, f.kab, rantai)
rantai_ada = [r for r in URUTAN_RANTAI if r in set(tangga["rantai"].to_list())]
if rantai_ada:
    for tab, r in zip(
        widgets.tab_terbuka([LABEL_RANTAI.get(r, r) for r in rantai_ada], "tab_sankey"), rantai_ada, strict=True
    ):
        if tab.open:
            tab.plotly_chart(figur.tersimpan(ekspor.sankey_rantai, tangga, r, mata_uang), key=f"sankey_{r}")
else:
    st.info("Tidak ada ekspor yang terpetakan ke rantai untuk penyaring ini.")
st.caption("Lebar alur adalah nilai ekspor per tahap, bukan aliran fisik bahan dari satu tahap ke tahap berikutnya.")
frame.keterangan_sumber(sumber)
frame.tombol_presentasi("ekspor.sankey")

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(f"Menurut kode HS, {f.tahun}")
    per_hs = data.ekspor_per_hs(f.tahun, f.kab, rantai, tahap)
    for tab, tanpa_batubara in zip(
        widgets.tab_terbuka(["Semua", "Tanpa batu bara"], "tab_hs"), (False, True), strict=True
    ):
        if tab.open:
            tab.plotly_chart(
                figur.tersimpan(ekspor.treemap_hs, per_hs, mata_uang, tanpa_batubara=tanpa_batubara),
                key="hs_tanpa_batubara" if tanpa_batubara else "hs",
            )
    st.caption("Bab HS (2 digit) berisi pos HS (4 digit); warna menurut rantai komoditas, abu-abu = tidak terpetakan.")
    frame.keterangan_sumber(sumber)
with kanan:
    st.subheader(f"Negara tujuan, {f.tahun}")
    st.plotly_chart(
        figur.tersimpan(ekspor.negara_tujuan, data.ekspor_per_negara(f.tahun, f.kab, rantai, tahap), mata_uang),
        key="negara",
    )
    frame.keterangan_sumber(sumber)

st.subheader(f"Harga atau volume? {f.tahun} dibanding {f.tahun - 1}")
harga_volume = data.ekspor_harga_volume(f.tahun, f.kab)
st.markdown(narasi.aman(hilirisasi.kalimat(hilirisasi.harga_volume(harga_volume, f.tahun)) + "."))
kiri, kanan = st.columns([3, 2])
kiri.plotly_chart(figur.tersimpan(hilirisasi.air_terjun, harga_volume, f.tahun), key="harga_volume")
kanan.markdown("**Efek harga dan volume per rantai**")
kanan.plotly_chart(figur.tersimpan(hilirisasi.batang_efek, harga_volume), key="efek_rantai")
st.caption(
    "Perubahan nilai ekspor diuraikan per kode HS dengan indeks Divisia log-rata-rata (LMDI): efek harga dari "
    "perubahan nilai per kg, efek volume dari perubahan berat; keduanya dijumlahkan tanpa sisa. Kode HS yang "
    "hanya diekspor pada salah satu tahun dihitung sebagai volume. Penyaring rantai dan tahap tidak berlaku di sini."
)
frame.keterangan_sumber(("ekspor",))
frame.tombol_presentasi("ekspor.harga_volume")

st.subheader("Nilai per kilogram menurut tahap")
per_kg = data.ekspor_nilai_per_kg(f.kab)
for tab, jenis in zip(
    widgets.tab_terbuka(["US$ per kg", "Rasio hilir/hulu"], "tab_per_kg"), ("kg", "rasio"), strict=True
):
    if tab.open:
        builder = hilirisasi.garis_per_kg if jenis == "kg" else hilirisasi.garis_rasio
        tab.plotly_chart(figur.tersimpan(builder, per_kg), key=f"per_kg_{jenis}")
st.caption(
    "Rasio hilir/hulu: berapa kali nilai satu kilogram produk hilir (atau antara, bila rantai tak punya ekspor "
    "hilir) dibanding satu kilogram bahan mentahnya."
)
frame.keterangan_sumber(("ekspor",))
frame.tombol_presentasi("ekspor.nilai_per_kg")

st.subheader(f"Spesialisasi ekspor per kabupaten/kota, {f.tahun}")
st.plotly_chart(figur.tersimpan(spesialisasi.heatmap_lq, data.ekspor_lq(f.tahun), "rantai"), key="lq_ekspor")
st.caption(
    "Location quotient (LQ): porsi rantai dalam ekspor kabupaten/kota dibagi porsinya dalam ekspor provinsi. "
    "LQ di atas 1 (biru) berarti kabupaten/kota itu terspesialisasi pada rantai tersebut. Hanya ekspor dengan "
    "kabupaten asal yang diketahui."
)
frame.keterangan_sumber(("ekspor",))

st.subheader("Angka rujukan: ekspor yang dirilis BPS")
banding = data.angka_rujukan_banding()
banding_ekspor = banding.filter(banding["indikator"] != "jumlah_ikm")
st.plotly_chart(figur.tersimpan(rujukan.batang_ekspor, banding), key="rujukan_ekspor")
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
frame.keterangan_sumber(("angka_rujukan", "ekspor"))
frame.tombol_presentasi("ekspor.rujukan")

st.subheader("Unduh data")
contoh = bool({"ekspor", "kurs"} & set(data.tabel_contoh()))
nama_kab = {k.kode_bps: k.nama for k in data.daftar_kabupaten()}
keterangan = [
    ("Judul", f"Nilai ekspor {periode} per rantai dan tahap · Dasbor Industri Kalsel, halaman Ekspor & Hilirisasi"),
    *unduhan.keterangan_sumber(data.sumber_tabel(("ekspor", "kurs"))),
    ("Kabupaten/kota", ", ".join(nama_kab[k] for k in f.kab) if f.kab else "Seluruh Kalimantan Selatan"),
    ("Rantai komoditas", ", ".join(LABEL_RANTAI[r] for r in rantai) if rantai else "Semua"),
    ("Tahap", ", ".join(LABEL_TAHAP[t] for t in tahap) if tahap else "Semua"),
    ("Mata uang", "nilai_usd dalam US$; nilai_rp dalam rupiah dengan kurs bulanan"),
    ("Dibuat", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
]
nama_berkas = f"ekspor-{periode}"
b0, b1, b2, b3 = st.columns([2, 1, 1, 1])
pemisah_csv = frame.pilih_pemisah_csv(b0)
frame.tombol_unduhan(lambda: deret, keterangan, nama_berkas, pemisah=pemisah_csv, contoh=contoh, kolom=(b1, b2, b3))
st.caption("Unduhan berisi deret nilai ekspor yang tampil di atas (periode, rantai, tahap; US$ dan rupiah).")
frame.salin_tautan()
