-- ekspor_negara: pre-aggregated exports by destination, one row per year x origin kabupaten x chain x stage
-- x destination country. nilai_rp converts each month at that month's kurs; it is null when any month of
-- the group has no rate, so a missing rate never shows as a smaller rupiah total.
create table ekspor_negara as
with berantai as (
    select
        ekspor.tahun,
        ekspor.kode_bps,
        hs_peta.rantai,
        hs_peta.tahap,
        ekspor.negara_tujuan,
        ekspor.nilai_usd,
        ekspor.berat_kg,
        ekspor.nilai_usd * kurs.rp_per_usd as nilai_rp
    from ekspor
    left join hs_peta using (kode_hs)
    left join kurs on ekspor.tahun = kurs.tahun and ekspor.bulan = kurs.bulan
),

final as (
    select
        tahun,
        kode_bps,
        rantai,
        tahap,
        negara_tujuan,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp,
        sum(berat_kg) as berat_kg
    from berantai
    group by all
)

select * from final order by tahun, kode_bps, rantai, tahap, negara_tujuan
