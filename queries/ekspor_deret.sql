-- ekspor_deret: export value over time, one row per period x chain x stage. $periode 'tahunan' gives one
-- period per year (bulan null), 'bulanan' one per month. Filters $kab, $rantai, $tahap; codes with no chain
-- are 'tidak terpetakan'. nilai_rp converts each month at its kurs (null when a month has no rate).
with terpilih as (
    select
        ekspor_bulanan.tahun,
        case when $periode = 'bulanan' then ekspor_bulanan.bulan end as bulan,
        coalesce(ekspor_bulanan.rantai, 'tidak terpetakan') as rantai,
        coalesce(ekspor_bulanan.tahap, 'tidak terpetakan') as tahap,
        ekspor_bulanan.nilai_usd,
        ekspor_bulanan.nilai_usd * kurs.rp_per_usd as nilai_rp
    from ekspor_bulanan
    left join kurs on ekspor_bulanan.tahun = kurs.tahun and ekspor_bulanan.bulan = kurs.bulan
    where
        (len($kab::varchar []) = 0 or list_contains($kab::varchar [], ekspor_bulanan.kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], ekspor_bulanan.rantai))
        and (len($tahap::varchar []) = 0 or list_contains($tahap::varchar [], ekspor_bulanan.tahap))
),

final as (
    select
        tahun,
        bulan,
        rantai,
        tahap,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp
    from terpilih
    group by tahun, bulan, rantai, tahap
)

select * from final order by tahun, bulan, rantai, tahap
