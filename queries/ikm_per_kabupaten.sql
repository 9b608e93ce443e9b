-- ikm_per_kabupaten: one row per kabupaten/kota (the chosen ones, or all 13) with the filtered IKM registry
-- in registry year $tahun; a kabupaten with no matching firm has jumlah_ikm = 0.
with jumlah as (
    select * exclude (tahun_data)
    from ikm_jumlah(
        ['tahun_data', 'kode_bps'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

final as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        coalesce(jumlah.jumlah_ikm, 0) as jumlah_ikm,
        jumlah.* exclude (kode_bps, jumlah_ikm)
    from wilayah
    left join jumlah on wilayah.kode_bps = jumlah.kode_bps
    where len($kab::varchar []) = 0 or list_contains($kab::varchar [], wilayah.kode_bps)
)

select * from final order by jumlah_ikm desc, kode_bps
