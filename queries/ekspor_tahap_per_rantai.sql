-- ekspor_tahap_per_rantai: one row per commodity chain x stage in year $tahun (mapped codes only): the
-- ladder hulu -> antara -> hilir of each chain, for the Sankey. Filters $kab and $rantai; the stages are the
-- point of the view, so no stage filter. nilai_rp at each month's kurs.
with terpilih as (
    select
        ekspor_bulanan.rantai,
        ekspor_bulanan.tahap,
        ekspor_bulanan.nilai_usd,
        ekspor_bulanan.nilai_usd * kurs.rp_per_usd as nilai_rp
    from ekspor_bulanan
    left join kurs on ekspor_bulanan.tahun = kurs.tahun and ekspor_bulanan.bulan = kurs.bulan
    where
        ekspor_bulanan.tahun = $tahun
        and ekspor_bulanan.rantai is not null
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], ekspor_bulanan.kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], ekspor_bulanan.rantai))
),

final as (
    select
        rantai,
        tahap,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp
    from terpilih
    group by rantai, tahap
)

select * from final order by rantai, tahap
