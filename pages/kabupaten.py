"""Profil Kabupaten: one printable report card per kabupaten/kota (``?kab=6310`` opens Tanah Bumbu)."""

import polars as pl
import streamlit as st

from dasbor.ui import data, figur, frame, grafik
from dasbor.views import charts, formats, hilirisasi, ikm, kabupaten, narasi, spesialisasi, tabel
from dasbor.views.filter_ikm import FilterIkm
from dasbor.views.program import LABEL_INDIKATOR

CSS_CETAK = """
<style>
@media print {
  [data-testid="stSidebar"], header[data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stBaseButton-secondary"], [data-testid="stPopover"],
  [data-testid="stExpander"] { display: none !important; }
  .block-container, [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  /* Streamlit prints a row that holds a chart as stacked blocks (display: block), which made this card four
     A4 pages; keep the two columns side by side and move a whole row to the next page, never half of it. */
  [data-testid="stHorizontalBlock"] { display: flex !important; flex-wrap: nowrap !important;
    break-inside: avoid !important; }
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] { flex: 1 1 0 !important; width: auto !important;
    min-width: 0 !important; }
  .js-plotly-plot { break-inside: avoid; }
  /* The events listed under the trend (catatan peristiwa) in small type, so the card stays on two pages. */
  [class*="st-key-peristiwa_"] [data-testid="stCaptionContainer"] { font-size: 0.65rem !important;
    line-height: 1.2 !important; }
  /* Two A4 pages at this zoom (checked by tests/test_browser_cetak.py with page.pdf()); 0.58 since the card
     gained the written summary, the price/volume split and the specialisation list (0.62 gives three pages). */
  [data-testid="stMain"] { zoom: 0.58; }
  @page { size: A4; margin: 10mm; }
}
</style>
"""

f = frame.halaman("Profil Kabupaten")
st.markdown(CSS_CETAK, unsafe_allow_html=True)
wilayah = data.wilayah()
nama = dict(zip(wilayah["kode_bps"].to_list(), wilayah["nama"].to_list(), strict=True))
if len(f.kab) != 1:
    kab = f.kab[0] if f.kab else wilayah["kode_bps"][0]
    alasan = "lebih dari satu dipilih" if f.kab else "belum ada yang dipilih"
    st.info(f"Profil menampilkan satu kabupaten/kota ({alasan}): {nama[kab]}. Pilih satu di samping.")
else:
    kab = f.kab[0]
w = wilayah.filter(pl.col("kode_bps") == kab).row(0, named=True)

st.header(f"{w['nama']} · {f.tahun}")
unggulan = w["industri_unggulan"] or "belum tercatat dalam RPIP/RPIK yang dirujuk"
st.markdown(
    f"{w['jenis']} dengan ibu kota **{w['ibukota']}** · kode BPS {w['kode_bps']} · "
    f"industri unggulan (RPIP/RPIK): **{unggulan}**"
)
frame.keterangan_sumber(("wilayah",))

per_kab = data.kpi_per_kabupaten(f.tahun)
provinsi = data.kpi_ringkasan(f.tahun, ())
indeks_prov = provinsi.filter(pl.col("tahun") == f.tahun)["indeks_hilirisasi"].item()
baris_kpi = kabupaten.baris_profil(per_kab, kab, indeks_prov)
for baris in (baris_kpi[:3], baris_kpi[3:]):
    for kolom, b in zip(st.columns(3), baris, strict=False):
        kolom.metric(b.label, b.nilai, border=True)
        kolom.caption(f"{b.peringkat} · {b.banding}")
frame.keterangan_sumber(("ikm", "ekspor"))
st.markdown(narasi.markdown(data.ringkasan_narasi(f.tahun, (kab,), w["nama"]), data.sumber_narasi()))
grafik.penutup(dek="kabupaten.narasi")

kiri, kanan = st.columns(2)
daftar_peristiwa = st.container()  # the trend's event list goes below the row, which prints whole on one page
with kiri:
    st.subheader("Tren IKM dan ekspor")
    grafik.grafik(
        figur.tersimpan(charts.tren_ikm_ekspor, data.tren_tahunan((kab,))),
        key="tren",
        sumber=("ikm", "ekspor"),
        waktu=True,
        kab=(kab,),
        daftar_di=daftar_peristiwa,
    )
with kanan:
    st.subheader(f"Sektor IKM, {f.tahun}")
    grafik.grafik(
        figur.tersimpan(
            ikm.batang_kategori,
            data.ikm_per_sektor(FilterIkm(tahun=f.tahun, kab=(kab,))),
            "sektor",
            "jumlah",
            sempit=True,
        ),
        key="sektor",
        sumber=("ikm",),
    )

kiri, kanan = st.columns(2)
with kiri:
    st.subheader("Komoditas IKM terbanyak")
    komoditas = data.komoditas_teratas(f.tahun, kab)
    st.table(
        komoditas.select(
            pl.col("komoditas").alias("Komoditas"),
            pl.col("rantai").alias("Rantai"),
            tabel.teks(komoditas, "jumlah_ikm", formats.angka, nama="Jumlah IKM"),
            tabel.teks(komoditas, "tenaga_kerja", formats.angka, nama="Tenaga kerja"),
        ),
        hide_index=True,
        border="horizontal",
    )
    frame.keterangan_sumber(("ikm",))
with kanan:
    st.subheader(f"Ekspor per rantai dan tahap, {f.tahun}")
    grafik.grafik(
        figur.tersimpan(charts.bauran_ekspor, data.ekspor_rantai_tahap(f.tahun, (kab,)), porsi=True),
        key="bauran",
        sumber=("ekspor",),
    )

kiri, kanan = st.columns(2)
with kiri:
    st.subheader("Kawasan industri")
    kawasan = data.kawasan_profil().filter(pl.col("kode_bps") == kab)
    if kawasan.is_empty():
        st.markdown("Tidak ada kawasan industri di kabupaten/kota ini.")
    for k in kawasan.iter_rows(named=True):
        st.markdown(f"**{k['nama']}** (Kec. {k['kecamatan']}): {k['status']}. Fokus: {k['fokus']}.")
        st.markdown("[Lihat halaman Kawasan Industri](kawasan)")
    st.subheader(f"Program, {f.tahun}")
    program = data.program_kabupaten(kab, f.tahun)
    st.table(
        program.select(
            pl.col("jenis").replace_strict(kabupaten.LABEL_PROGRAM, default=pl.col("jenis")).alias("Program"),
            pl.col("peserta").alias("Peserta"),
            pl.col("hasil").alias("Hasil"),
            pl.col("target").alias("Target"),
            pl.col("satuan").alias("Satuan"),
        ),
        hide_index=True,
        border="horizontal",
    )
    frame.keterangan_sumber(("program",))
with kanan:
    st.subheader("Target")
    target = data.target_kabupaten(kab)
    if target.is_empty():
        st.markdown("Belum ada target yang ditetapkan untuk kabupaten/kota ini.")
    else:
        st.table(
            target.select(
                pl.col("indikator").replace_strict(LABEL_INDIKATOR, default=pl.col("indikator")).alias("Indikator"),
                pl.col("tahun").cast(pl.String).alias("Tahun"),
                tabel.teks(target, "nilai_target", formats.angka, nama="Target"),
                tabel.teks(target, "capaian", formats.angka, nama="Capaian"),
                pl.col("dokumen").alias("Dokumen"),
            ),
            hide_index=True,
            border="horizontal",
        )
    frame.keterangan_sumber(("target",))

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(f"Harga atau volume? {f.tahun} dibanding {f.tahun - 1}")
    harga_volume = data.ekspor_harga_volume(f.tahun, (kab,))
    st.markdown(narasi.aman(hilirisasi.kalimat(hilirisasi.harga_volume(harga_volume, f.tahun)) + "."))
    grafik.grafik(
        figur.tersimpan(hilirisasi.air_terjun, harga_volume, f.tahun, per_rantai=False),
        key="harga_volume",
        sumber=("ekspor",),
        dek="ekspor.harga_volume",
    )
with kanan:
    st.subheader(f"Spesialisasi, {f.tahun}")
    st.markdown(
        "**Sektor IKM dengan LQ di atas 1:** " + narasi.aman(spesialisasi.teks_unggul(data.ikm_lq(f.tahun), kab))
    )
    st.markdown(
        "**Rantai ekspor dengan LQ di atas 1:** "
        + narasi.aman(spesialisasi.teks_unggul(data.ekspor_lq(f.tahun), kab, "rantai"))
    )
    st.caption(
        "LQ (location quotient): porsi sektor atau rantai di kabupaten/kota ini dibagi porsinya di provinsi; di "
        "atas 1 berarti terspesialisasi. Sektor menurut tenaga kerja IKM, rantai menurut nilai ekspor."
    )
    frame.keterangan_sumber(("ikm", "ekspor"))

st.caption("Halaman ini dapat dicetak (Ctrl+P): menu samping dan tombol disembunyikan, ukuran A4.")
frame.salin_tautan()
