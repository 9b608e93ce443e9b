"""Program: halal certification, link-and-match with SMK, green industry, and the plans' targets."""

import polars as pl
import streamlit as st

from dasbor.ui import data, figur, frame, grafik
from dasbor.views import formats, ikm, program

f = frame.halaman("Program")

st.subheader(f"Sertifikasi halal IKM, {f.nama_wilayah}")
halal = data.program_tahunan("halal", f.kab)
baris = halal.filter(pl.col("tahun") == f.tahun)
kiri, kanan = st.columns(2)
with kiri:
    if baris.is_empty():
        st.info(f"Belum ada data program halal untuk {f.tahun}.")
    else:
        grafik.grafik(figur.tersimpan(program.corong_halal, baris.row(0, named=True), f.tahun), key="corong")
    grafik.penutup(("program",))
with kanan:
    grafik.grafik(
        figur.tersimpan(program.halal_per_tahun, halal, provinsi=not f.kab),
        key="halal_tahun",
        sumber=("program",),
        dek="program.halal",
        catatan="Target program provinsi: 20–40 IKM bersertifikat halal per tahun (seluruh Kalimantan Selatan)."
        if not f.kab
        else "Garis putus-putus: jumlah target kabupaten/kota terpilih.",
        waktu=True,
        kab=f.kab,
    )

st.markdown(f"**Corong halal per kabupaten/kota, {f.tahun}**")
per_kab_halal = ikm.tabel_per_kabupaten(data.program_per_kabupaten("halal", f.tahun), f.kab)
st.dataframe(per_kab_halal, hide_index=True, height=36 * per_kab_halal.height + 40)
frame.keterangan_sumber(("program",))

pangan = data.halal_pangan(f.kab)
kini = pangan.filter(pl.col("tahun") == f.tahun)
if not kini.is_empty():
    r = kini.row(0, named=True)
    a, b, c = st.columns(3)
    a.metric("IKM pangan bersertifikat halal", formats.persen(r["persen_halal"]), border=True)
    b.metric("IKM pangan bersertifikat", formats.unit(r["jumlah_halal"]), border=True)
    c.metric(
        "Bersertifikat sejak wajib halal",
        formats.unit(r["halal_sejak_wajib"]),
        border=True,
        help="Sertifikat bertanggal 17 Oktober 2024 atau sesudahnya, saat halal wajib bagi produk pangan.",
    )
grafik.grafik(
    figur.tersimpan(program.persen_halal_pangan, pangan), key="halal_pangan", sumber=("ikm",), waktu=True, kab=f.kab
)

st.subheader("Link and match dengan SMK")
smk = data.program_tahunan("link_match_smk", f.kab)
kiri, kanan = st.columns(2)
with kiri:
    grafik.grafik(
        figur.tersimpan(program.peserta_hasil, smk, "Siswa SMK ikut", "Siswa ditempatkan"),
        key="smk",
        sumber=("program",),
        catatan="Jumlah kemitraan IKM–SMK (perjanjian kerja sama) belum dicatat dalam tabel program; yang tampil "
        "adalah siswa yang ikut dan yang ditempatkan.",
        waktu=True,
        kab=f.kab,
    )
with kanan:
    per_kab = data.program_per_kabupaten("link_match_smk", f.tahun)
    st.dataframe(
        per_kab.select(
            pl.col("nama").alias("Kabupaten/kota"),
            pl.col("peserta").alias("Siswa ikut"),
            pl.col("hasil").alias("Ditempatkan"),
            pl.col("target").alias("Target"),
        ),
        hide_index=True,
        height=36 * per_kab.height + 40,
    )
    frame.keterangan_sumber(("program",))
st.info(
    "Tingkat pendidikan tenaga kerja industri belum dikumpulkan dalam registri IKM; bagian ini akan terisi "
    "setelah kolom pendidikan tersedia dalam berkas kabupaten/kota.",
    icon=":material/school:",
)

st.subheader("Industri hijau")
kiri, kanan = st.columns(2)
with kiri:
    hijau = data.program_tahunan("industri_hijau", f.kab)
    grafik.grafik(
        figur.tersimpan(program.peserta_hasil, hijau, "IKM didampingi", "IKM produk ramah lingkungan"),
        key="hijau",
        sumber=("program",),
        waktu=True,
        kab=f.kab,
    )
with kanan:
    sasirangan = data.ikm_komoditas_tahunan("kain sasirangan", f.kab)
    grafik.grafik(
        figur.tersimpan(program.jumlah_per_tahun, sasirangan, "jumlah_ikm", "IKM sasirangan"),
        key="sasirangan",
        sumber=("ikm",),
        catatan="Registri belum membedakan sasirangan pewarna alam dan sintetis; yang tampil adalah semua IKM "
        "sasirangan.",
        waktu=True,
        kab=f.kab,
    )

st.subheader("Target rencana dan capaian (provinsi)")
grafik.grafik(
    figur.tersimpan(program.target_capaian, data.target_capaian()),
    key="target",
    sumber=("target", "ikm", "ekspor", "program"),
    dek="program.target",
)
frame.salin_tautan()
