"""IKM: the registry filtered every way the office asks, with totals, charts, the firm list and downloads."""

import datetime as dt

import polars as pl
import streamlit as st

from dasbor.ui import data, figur, frame, peristiwa, widgets
from dasbor.views import captions, ikm, sel_kecil, spesialisasi, unduhan
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
    tab_sektor.plotly_chart(
        figur.tersimpan(ikm.batang_kategori, data.ikm_per_sektor(saring), "sektor", ukuran), key="sektor_g"
    )
if tab_kbli.open:
    tab_kbli.plotly_chart(
        figur.tersimpan(ikm.batang_kategori, data.ikm_per_kbli(saring), "label", ukuran), key="kbli_g"
    )
frame.keterangan_sumber(("ikm",))

st.subheader("Menurut kabupaten/kota")
st.plotly_chart(figur.tersimpan(ikm.batang_kategori, data.ikm_per_kabupaten(saring), "nama", ukuran), key="kab_g")
frame.keterangan_sumber(("ikm",))

st.subheader("Menurut tahun registri")
peristiwa.grafik_waktu(figur.tersimpan(ikm.tren_registri, data.ikm_per_tahun(saring), ukuran), key="tahun_g", kab=f.kab)
frame.keterangan_sumber(("ikm",))

jumlah = ikm.jumlah_ikm(ringkasan, f.tahun)
tampilkan_daftar = settings.tampilkan_daftar_ikm()
st.subheader(f"Spesialisasi sektor per kabupaten/kota, {f.tahun}")
st.plotly_chart(figur.tersimpan(spesialisasi.heatmap_lq, data.ikm_lq(f.tahun)), key="lq_ikm")
st.caption(
    "Location quotient (LQ) tenaga kerja IKM: porsi sektor dalam tenaga kerja IKM kabupaten/kota dibagi porsinya "
    "di provinsi. LQ di atas 1 (biru): terspesialisasi. Seluruh registri tahun ini, tanpa penyaring lain."
)
frame.keterangan_sumber(("ikm",))
frame.tombol_presentasi("ikm.lq")

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
    n_hal = ikm.jumlah_halaman(jumlah)
    if st.session_state.get("hal", 1) > n_hal:
        st.session_state["hal"] = 1
    tempat_tabel = st.container()
    hal = st.pagination(n_hal, key="hal", max_visible_pages=9)
    awal, _ = ikm.rentang_baris(hal, jumlah)
    daftar = data.ikm_daftar(saring, ikm.UKURAN_HALAMAN, awal - 1)
    tempat_tabel.dataframe(ikm.tampilan(daftar), hide_index=True, height=37 * daftar.height + 40)
    tempat_tabel.caption(ikm.keterangan_halaman(hal, jumlah))
    frame.keterangan_sumber(("ikm",))

st.subheader("Unduh data")
contoh = "ikm" in data.tabel_contoh()
isi_pilihan = {"rekap": "Rekap kabupaten/kota x sektor"} | ({"daftar": "Daftar IKM"} if tampilkan_daftar else {})
u1, u2 = st.columns(2)
isi = u1.segmented_control(
    "Isi unduhan",
    list(isi_pilihan),
    format_func=isi_pilihan.__getitem__,
    default="rekap",
    required=True,
    key="unduh_isi",
)
pemisah_csv = frame.pilih_pemisah_csv(u2)
isi = isi if isi in isi_pilihan else "rekap"
nama_kab = {k.kode_bps: k.nama for k in data.daftar_kabupaten()}
keterangan = [
    ("Judul", f"{isi_pilihan[isi]} · Dasbor Industri Kalsel, halaman IKM"),
    *unduhan.keterangan_sumber(data.sumber_tabel(("ikm",))),
    *saring.uraian(nama_kab, kbli_label),
    (
        "Aturan sel kecil",
        f"Agregat dari kurang dari {sel_kecil.BATAS} IKM ditahan (kosong, lihat kolom catatan); bila satu-satunya "
        "dalam satu kabupaten/kota atau satu sektor, sel terkecil lain ikut ditahan agar tidak dapat dihitung.",
    ),
    ("Dibuat", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
]


def _tabel_unduhan() -> pl.DataFrame:
    """Exactly the filtered view: every matching firm, or the aggregate with small cells withheld."""
    if isi == "daftar":
        return data.ikm_daftar_unduhan(saring)
    return sel_kecil.untuk_unduhan(data.ikm_rekap(saring), kelompok=((), ("kode_bps",), ("sektor",)))


nama_berkas = f"ikm-{isi}-{f.tahun}"
frame.tombol_unduhan(_tabel_unduhan, keterangan, nama_berkas, pemisah=pemisah_csv, contoh=contoh, kolom=st.columns(3))
st.caption(
    "Unduhan berisi tepat data yang disaring di halaman ini (tahun, kabupaten/kota dan semua penyaring IKM)"
    + (f'; setiap baris bertanda "{captions.TEKS_CONTOH}".' if contoh else ".")
)
frame.salin_tautan()
