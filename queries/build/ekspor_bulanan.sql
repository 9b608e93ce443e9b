-- ekspor_bulanan: pre-aggregated exports, one row per year x month x origin x chain x stage x HS4.
-- Pages read this instead of the raw table; its totals equal ekspor's (checked by the tests).
create table ekspor_bulanan as
with berantai as (
    select
        ekspor.tahun,
        ekspor.bulan,
        ekspor.kode_bps,
        hs_peta.rantai,
        hs_peta.tahap,
        left(ekspor.kode_hs, 4) as kode_hs4,
        ekspor.nilai_usd,
        ekspor.berat_kg
    from ekspor
    left join hs_peta using (kode_hs)
),

final as (
    select
        tahun,
        bulan,
        kode_bps,
        rantai,
        tahap,
        kode_hs4,
        sum(nilai_usd) as nilai_usd,
        sum(berat_kg) as berat_kg
    from berantai
    group by all
)

select * from final order by tahun, bulan, kode_bps, rantai, tahap, kode_hs4
