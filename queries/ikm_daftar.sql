-- ikm_daftar: one row per firm of the filtered IKM registry in registry year $tahun, ordered by name, a page
-- at a time ($batas rows from row $mulai; $batas null = every row, for the download). Listed only where
-- the office allows it (settings.tampilkan_daftar_ikm).
with terpilih as (
    select *
    from ikm_terpilih(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

final as (
    select
        terpilih.id,
        terpilih.tahun_data,
        terpilih.nama_usaha,
        terpilih.kode_bps,
        wilayah.nama as kabupaten,
        terpilih.kecamatan,
        terpilih.kbli,
        coalesce(kbli2.label, 'KBLI ' || terpilih.kbli2) as kelompok_kbli,
        terpilih.sektor,
        terpilih.komoditas,
        terpilih.rantai,
        terpilih.tahap,
        terpilih.skala,
        terpilih.tenaga_kerja_l,
        terpilih.tenaga_kerja_p,
        terpilih.investasi_rp,
        terpilih.nilai_produksi_rp,
        terpilih.nilai_bahan_baku_rp,
        terpilih.nilai_produksi_rp - terpilih.nilai_bahan_baku_rp as nilai_tambah_rp,
        terpilih.tahun_berdiri,
        terpilih.halal,
        terpilih.tanggal_halal,
        terpilih.berorientasi_ekspor
    from terpilih
    left join wilayah on terpilih.kode_bps = wilayah.kode_bps
    left join kbli2 on terpilih.kbli2 = kbli2.kode
)

select * from final
order by nama_usaha, id
limit $batas offset $mulai
