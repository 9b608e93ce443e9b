-- ikm_rekap: one row per kabupaten/kota x sektor of the filtered IKM registry in registry year $tahun: the
-- aggregate download (the small-cell rule is applied in Python, dasbor.views.sel_kecil, before it is written).
with terpilih as (
    select *
    from ikm_kelompok(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

jumlah as (
    select
        any_value(tahun_data) as tahun_data,
        kode_bps,
        sektor,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by kode_bps, sektor
),

final as (
    select
        jumlah.tahun_data,
        jumlah.kode_bps,
        wilayah.nama as kabupaten,
        jumlah.* exclude (tahun_data, kode_bps)
    from jumlah
    left join wilayah on jumlah.kode_bps = wilayah.kode_bps
)

select * from final order by kode_bps, sektor
