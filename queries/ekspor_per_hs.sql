-- ekspor_per_hs: one row per 4-digit HS heading exported in $tahun, with its chapter (HS2) and descriptions
-- (hs4_uraian), the chain that carries most of its value ('tidak terpetakan' for unmapped codes), and its
-- value in US$ and Rp. Filters $kab, $rantai, $tahap.
with terpilih as (
    select
        ekspor_bulanan.kode_hs4,
        coalesce(ekspor_bulanan.rantai, 'tidak terpetakan') as rantai,
        ekspor_bulanan.nilai_usd,
        ekspor_bulanan.nilai_usd * kurs.rp_per_usd as nilai_rp
    from ekspor_bulanan
    left join kurs on ekspor_bulanan.tahun = kurs.tahun and ekspor_bulanan.bulan = kurs.bulan
    where
        ekspor_bulanan.tahun = $tahun
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], ekspor_bulanan.kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], ekspor_bulanan.rantai))
        and (len($tahap::varchar []) = 0 or list_contains($tahap::varchar [], ekspor_bulanan.tahap))
),

per_rantai as (
    select
        kode_hs4,
        rantai,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp
    from terpilih
    group by kode_hs4, rantai
),

per_hs4 as (
    select
        kode_hs4,
        arg_max(rantai, nilai_usd) as rantai,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp
    from per_rantai
    group by kode_hs4
),

final as (
    select
        coalesce(hs4_uraian.kode_hs2, left(per_hs4.kode_hs4, 2)) as kode_hs2,
        coalesce(hs4_uraian.uraian_hs2, 'Bab HS ' || left(per_hs4.kode_hs4, 2)) as uraian_hs2,
        per_hs4.kode_hs4,
        coalesce(hs4_uraian.uraian_hs4, 'HS ' || per_hs4.kode_hs4) as uraian_hs4,
        per_hs4.rantai,
        per_hs4.nilai_usd,
        per_hs4.nilai_rp
    from per_hs4
    left join hs4_uraian on per_hs4.kode_hs4 = hs4_uraian.kode_hs4
)

select * from final order by nilai_usd desc, kode_hs4
