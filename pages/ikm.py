"""IKM: the registry filtered every way the office asks, with totals, charts, the firm list and downloads."""

import streamlit as st

from dasbor.ui import data, figur, frame, grafik, unduh, widgets
from dasbor.views import captions, ikm, sel_kecil, spesialisasi
from dasbor.views.filter_ikm import (
    LABEL_SKALA,
    LABEL_YA_TIDAK,
    PILIHAN_YA_TIDAK,
    FilterIkm,
    label_kbli,
    pilihan_per_jenis,
    ya_tidak,
)
from dasbor.views.palette import LABEL_RANTAI, LABEL_TAHAP
from dasbor.warehouse import settings

f = frame.halaman("IKM")
sejak = frame.jumlah_catatan_url()

pilihan_df = data.ikm_pilihan()
pilihan = pilihan_per_jenis(pilihan_df)
kbli_label = label_kbli(pilihan_df)
sb = st.sidebar
sb.markdown("**Penyaring IKM**")
cari = widgets.kotak_cari("Cari nama usaha", "cari", wadah=sb, placeholder="mis. sasirangan")
sektor = widgets.pilih_banyak("Sektor", "sektor", pilihan["sektor"], wadah=sb)
kbli = widgets.pilih_banyak("KBLI (2 digit)", "kbli", pilihan["kbli"], label_pilihan=kbli_label, wadah=sb)
rantai = widgets.pilih_banyak("Rantai komoditas", "rantai", pilihan["rantai"], label_pilihan=LABEL_RANTAI, wadah=sb)
tahap = widgets.pilih_banyak("Tahap", "tahap", pilihan["tahap"], label_pilihan=LABEL_TAHAP, wadah=sb)
skala = widgets.pilih_banyak("Skala", "skala", pilihan["skala"], label_pilihan=LABEL_SKALA, wadah=sb)
halal = widgets.pilih_satu(
    "Bersertifikat halal", "halal", PILIHAN_YA_TIDAK, "semua", label_pilihan=LABEL_YA_TIDAK, wadah=sb
)
ekspor = widgets.pilih_satu(
    "Berorientasi ekspor", "ekspor", PILIHAN_YA_TIDAK, "semua", label_pilihan=LABEL_YA_TIDAK, wadah=sb
)
berdiri = widgets.pilih_rentang("Tahun berdiri", "berdiri", data.ikm_rentang_berdiri(), wadah=sb)
frame.catatan_url_baru(sejak)

saring = FilterIkm(
    tahun=f.tahun,
    kab=f.kab,
    sektor=sektor,
    kbli=kbli,
    rantai=rantai,
    tahap=tahap,
    skala=skala,
    halal=ya_tidak(halal),
    ekspor=ya_tidak(ekspor),
    berdiri=berdiri,
    cari=cari,
)

st.markdown(f"#### {f.nama_wilayah} · tahun registri {f.tahun}")
ringkasan = data.ikm_ringkasan(saring)
kartu = ikm.kartu_ikm(ringkasan, f.tahun)
for baris in (kartu[:3], kartu[3:]):
    for kolom, k in zip(st.columns(3), baris, strict=False):
        kolom.metric(k.label, k.nilai, k.perubahan, help=k.bantuan, border=True)
st.caption(
    f'Angka dari kurang dari {sel_kecil.BATAS} IKM ditampilkan sebagai "{sel_kecil.LABEL_DITAHAN}" '
    f'dan tidak ikut diunduh. Bila satu-satunya, angka terkecil lain ikut ditahan ("{sel_kecil.LABEL_SEKUNDER}") '
    "agar tidak dapat dihitung dari total."
)
frame.keterangan_sumber(("ikm",))

sejak_ukuran = frame.jumlah_catatan_url()
ukuran = widgets.pilih_satu(
    "Ukuran pada grafik",
    "ukuran",
    tuple(ikm.UKURAN),
    "jumlah",
    label_pilihan={k: u.label for k, u in ikm.UKURAN.items()},
)
frame.catatan_url_baru(sejak_ukuran)
st.subheader("Menurut sektor")
tab_sektor, tab_kbli = widgets.tab_terbuka(["Sektor", "KBLI 2 digit"], "tab_sektor")
if tab_sektor.open:
    grafik.grafik(
        figur.tersimpan(ikm.batang_kategori, data.ikm_per_sektor(saring), "sektor", ukuran),
        key="sektor_g",
        wadah=tab_sektor,
    )
if tab_kbli.open:
    grafik.grafik(
        figur.tersimpan(ikm.batang_kategori, data.ikm_per_kbli(saring), "label", ukuran), key="kbli_g", wadah=tab_kbli
    )
grafik.penutup(("ikm",))

st.subheader("Menurut kabupaten/kota")
grafik.grafik(
    figur.tersimpan(ikm.batang_kategori, data.ikm_per_kabupaten(saring), "nama", ukuran), key="kab_g", sumber=("ikm",)
)

st.subheader("Menurut tahun registri")
grafik.grafik(
    figur.tersimpan(ikm.tren_registri, data.ikm_per_tahun(saring), ukuran),
    key="tahun_g",
    sumber=("ikm",),
    waktu=True,
    kab=f.kab,
)

jumlah = ikm.jumlah_ikm(ringkasan, f.tahun)
tampilkan_daftar = settings.tampilkan_daftar_ikm()
st.subheader(f"Spesialisasi sektor per kabupaten/kota, {f.tahun}")
grafik.grafik(
    figur.tersimpan(spesialisasi.heatmap_lq, data.ikm_lq(f.tahun)),
    key="lq_ikm",
    sumber=("ikm",),
    dek="ikm.lq",
    catatan="Location quotient (LQ) tenaga kerja IKM: porsi sektor dalam tenaga kerja IKM kabupaten/kota dibagi "
    "porsinya di provinsi. LQ di atas 1 (biru): terspesialisasi. Seluruh registri tahun ini, tanpa penyaring lain.",
)

st.subheader("Daftar IKM")
if not tampilkan_daftar:
    st.info(
        "Daftar per IKM tidak ditampilkan: kantor mengatur `DASBOR_TAMPILKAN_IKM=0`. Grafik dan rekap tetap "
        "tersedia, dengan aturan sel kecil.",
        icon=":material/visibility_off:",
    )
elif jumlah == 0:
    st.info("Tidak ada IKM yang cocok dengan penyaring ini.", icon=":material/search_off:")
else:
    widgets.halaman_tabel(jumlah, lambda awal: ikm.tampilan(data.ikm_daftar(saring, ikm.UKURAN_HALAMAN, awal - 1)))
    frame.keterangan_sumber(("ikm",))

st.subheader("Unduh data")
isi_pilihan = ikm.pilihan_unduhan(tampilkan_daftar)
u1, u2 = st.columns(2)
isi = u1.segmented_control(
    "Isi unduhan",
    list(isi_pilihan),
    format_func=isi_pilihan.__getitem__,
    default="rekap",
    required=True,
    key="unduh_isi",
)
isi = isi if isi in isi_pilihan else "rekap"
contoh = unduh.bagian(
    lambda: data.ikm_unduhan(saring, isi),
    judul=f"{isi_pilihan[isi]} · Dasbor Industri Kalsel, halaman IKM",
    tabel=("ikm",),
    uraian=[*saring.uraian(data.nama_kabupaten(), kbli_label), ikm.ATURAN_SEL_KECIL_UNDUHAN],
    nama_berkas=f"ikm-{isi}-{f.tahun}",
    pemisah_di=u2,
)
st.caption(
    "Unduhan berisi tepat data yang disaring di halaman ini (tahun, kabupaten/kota dan semua penyaring IKM)"
    + (f'; setiap baris bertanda "{captions.TEKS_CONTOH}".' if contoh else ".")
)
frame.salin_tautan()
