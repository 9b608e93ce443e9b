-- ikm_rekap: one row per kabupaten/kota x sektor of the filtered IKM registry in registry year $tahun: the
-- aggregate download (the small-cell rule is applied in Python, dasbor.views.sel_kecil, before it is written).
with jumlah as (
    select *
    from ikm_jumlah(
        ['tahun_data', 'kode_bps', 'sektor'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
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
