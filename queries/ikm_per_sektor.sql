-- ikm_per_sektor: one row per sektor of the filtered IKM registry in registry year $tahun.
with final as (
    select * exclude (tahun_data)
    from ikm_jumlah(
        ['tahun_data', 'sektor'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
)

select * from final order by jumlah_ikm desc, sektor
