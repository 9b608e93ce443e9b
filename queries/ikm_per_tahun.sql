-- ikm_per_tahun: one row per registry year with the filtered IKM registry (every year, not only $tahun);
-- terpilih marks $tahun so the chart can highlight it.
with jumlah as (
    select *
    from ikm_jumlah(
        ['tahun_data'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
),

final as (
    select
        tahun_data,
        tahun_data = $tahun as terpilih,
        jumlah.* exclude (tahun_data)
    from jumlah
)

select * from final order by tahun_data
