"""Kawasan Industri: Jorong (Tanah Laut) and Batulicin (Tanah Bumbu) side by side, their tenants, the IKM
around them and the exports of their chains before and after the tenants started."""

import streamlit as st

from dasbor.ui import data, figur, frame, grafik, widgets
from dasbor.views import formats, kawasan

f = frame.halaman("Kawasan Industri")
if f.kab:
    st.caption(
        "Pilihan kabupaten/kota di samping tidak mempersempit halaman ini: kedua kawasan selalu tampil "
        "berdampingan, dan radius IKM melintasi batas kabupaten."
    )
profil = data.kawasan_profil()
tenant = data.kawasan_tenant_daftar()
nama = dict(zip(profil["id"].to_list(), profil["nama"].to_list(), strict=True))

for kolom, p in zip(st.columns(len(profil)), profil.iter_rows(named=True), strict=True):
    with kolom:
        st.subheader(p["nama"])
        milik = tenant.filter(tenant["kawasan_id"] == p["id"])
        a, b, c = st.columns(3)
        a.metric("Luas rencana", f"{formats.angka(p['luas_rencana_ha'])} ha" if p["luas_rencana_ha"] else "–")
        b.metric(
            "Luas berizin",
            f"{formats.angka(p['luas_izin_ha'])} ha" if p["luas_izin_ha"] else "–",
            help=None if p["luas_izin_ha"] else "Luas berizin tidak disebut dalam sumber yang dirujuk.",
        )
        c.metric("Tenant beroperasi", formats.angka(milik.filter(milik["status"] == "operasi").height))
        st.markdown(
            f"- **Lokasi:** Kec. {p['kecamatan']}, {p['kabupaten']}\n"
            f"- **Pengelola:** {p['pengelola']}\n- **Status:** {p['status']}\n- **Fokus:** {p['fokus']}\n"
            f"- **Catatan luas:** {p['catatan_luas']}\n- **Titik lokasi:** {p['lokasi_presisi']}"
        )
        st.caption(
            f"Sumber: [{p['sumber_url']}]({p['sumber_url']}) · {formats.tanggal(p['sumber_tanggal'])} (fakta publik)"
        )

st.subheader("Tenant menurut status")
grafik.grafik(
    figur.tersimpan(kawasan.tenant_per_status, tenant, nama),
    key="status",
    sumber=("kawasan_tenant",),
    dek="kawasan.tenant",
    catatan=kawasan.ringkas_status(tenant, nama),
)

for tab, kawasan_id in zip(st.tabs([f"Tenant {nama[k]}" for k in nama]), nama, strict=True):
    baris = kawasan.tabel_tenant(tenant.filter(tenant["kawasan_id"] == kawasan_id))
    tab.dataframe(
        baris,
        hide_index=True,
        height=36 * baris.height + 40,
        column_config={"Sumber": st.column_config.LinkColumn("Sumber", display_text=r"https?://([^/]+).*|(.*)")},
    )
st.caption(
    "Tenant bernama nyata memakai fakta dari pemberitaan publik; angka yang tidak pernah diungkap ditulis "
    f'"{kawasan.TIDAK_DIUNGKAP}". Tenant berawalan "Contoh:" adalah data contoh.'
)
frame.keterangan_sumber(("kawasan_tenant",))

st.subheader("Linimasa tenant")
grafik.grafik(figur.tersimpan(kawasan.linimasa, tenant, nama), key="linimasa", sumber=("kawasan_tenant",))

st.subheader(f"IKM di sekitar kawasan, {f.tahun}")
sejak = frame.jumlah_catatan_url()
radius = widgets.pilih_satu("Radius (km)", "radius", ["5", "10", "25", "50"], "25")
frame.catatan_url_baru(sejak)
sekitar = data.ikm_sekitar_kawasan(f.tahun, float(radius))
for kolom, (kawasan_id, nama_kawasan) in zip(st.columns(len(nama)), nama.items(), strict=True):
    jumlah, pekerja = kawasan.jumlah_sekitar(sekitar, kawasan_id)
    kolom.metric(
        f"IKM dalam {radius} km dari {nama_kawasan.replace('Kawasan Industri ', 'KI ')}",
        formats.unit(jumlah),
        f"{formats.unit(pekerja, 'orang')} tenaga kerja",
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
grafik.grafik(
    figur.tersimpan(kawasan.ikm_sekitar, sekitar, nama, float(radius)),
    key="sekitar",
    sumber=("ikm", "kawasan"),
    catatan="Jarak garis lurus dari titik kawasan. IKM tanpa koordinat tidak dapat dihitung.",
)

st.subheader("Ekspor rantai tenant, sebelum dan sesudah tenant mulai")
sebelum_sesudah = data.kawasan_sebelum_sesudah()
for tab, p in zip(widgets.tab_terbuka(list(nama.values()), "tab_kawasan"), profil.iter_rows(named=True), strict=True):
    if not tab.open:
        continue
    with tab:
        mulai = kawasan.rantai_dimulai(tenant, p["id"])
        if not mulai:
            st.info("Belum ada tenant dengan tahun mulai dan rantai komoditas yang tercatat.")
            continue
        rantai = tuple(sorted({m[0] for m in mulai}))
        grafik.grafik(
            figur.tersimpan(kawasan.ekspor_sebelum_sesudah, data.ekspor_kawasan(p["kode_bps"], rantai), mulai),
            key=f"ekspor_{p['id']}",
            catatan=f"Ekspor rantai {', '.join(rantai)} dari {p['kabupaten']} (asal barang), per tahap.",
        )
        milik = sebelum_sesudah.filter(sebelum_sesudah["kawasan_id"] == p["id"])
        banding = kawasan.tabel_sebelum_sesudah(milik)
        if not banding.is_empty():
            st.table(banding, hide_index=True, border="horizontal")
        if lama := kawasan.tanpa_dasar(milik):
            st.caption(lama)
grafik.penutup(
    ("ekspor", "kawasan_tenant"),
    catatan="Ekspor menurut kabupaten asal barang, bukan menurut pabrik: kabupaten kawasan dipakai sebagai "
    "pendekatan. Tenant tanpa tahun mulai yang diungkap, atau di luar rantai komoditas (mis. smelter), tidak "
    "dibandingkan.",
)
frame.salin_tautan()
