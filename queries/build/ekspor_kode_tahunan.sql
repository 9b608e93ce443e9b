-- ekspor_kode_tahunan: one row per year x origin kabupaten x full HS code: export value and weight, with the
-- code's chain and stage. The price/volume split (queries/ekspor_harga_volume.sql) works per HS code, which
-- ekspor_bulanan (HS4) is too coarse for; this keeps that query small at every scale.
create table ekspor_kode_tahunan as
with final as (
    select
        ekspor.tahun,
        ekspor.kode_bps,
        ekspor.kode_hs,
        hs_peta.rantai,
        hs_peta.tahap,
        sum(ekspor.nilai_usd) as nilai_usd,
        sum(ekspor.berat_kg) as berat_kg
    from ekspor
    left join hs_peta using (kode_hs)
    group by all
)

select * from final order by tahun, kode_bps, kode_hs
