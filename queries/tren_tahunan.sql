-- tren_tahunan: one row per year: IKM registry totals and exports for the chosen kabupaten ($kab; empty =
-- province), for the trend chart.
with ikm as (
    select
        tahun_data as tahun,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l + tenaga_kerja_p) as bigint) as tenaga_kerja
    from ikm_ringkas
    where len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps)
    group by tahun_data
),

ekspor as (
    select
        tahun,
        sum(nilai_usd) as nilai_ekspor_usd,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi
    from ekspor_bulanan
    where len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps)
    group by tahun
),

final as (
    select
        coalesce(ikm.tahun, ekspor.tahun) as tahun,
        ikm.jumlah_ikm,
        ikm.tenaga_kerja,
        ekspor.nilai_ekspor_usd,
        ekspor.indeks_hilirisasi
    from ikm
    full outer join ekspor on ikm.tahun = ekspor.tahun
)

select * from final order by tahun
