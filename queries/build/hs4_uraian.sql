-- hs4_uraian: one row per 4-digit HS heading seen in ekspor, with its chapter (HS2) and the descriptions the
-- treemap shows. The heading text is the distinct uraian_hs of the codes exported under it (what actually
-- left the province), else the 4-digit hs_rantai entry, else the bare code; the chapter text comes from the
-- committed data/reference/hs_bab.csv, else "Bab HS nn".
create table hs4_uraian as
with kode as (
    select
        left(kode_hs, 4) as kode_hs4,
        string_agg(distinct uraian_hs, '; ' order by uraian_hs) as uraian_ekspor
    from ekspor
    group by left(kode_hs, 4)
),

bab as (
    select
        kode_hs2,
        uraian
    from read_csv($referensi || '/hs_bab.csv', header = true, all_varchar = true)
),

final as (
    select
        kode.kode_hs4,
        left(kode.kode_hs4, 2) as kode_hs2,
        coalesce(nullif(kode.uraian_ekspor, ''), hs_rantai.uraian, 'HS ' || kode.kode_hs4) as uraian_hs4,
        coalesce(bab.uraian, 'Bab HS ' || left(kode.kode_hs4, 2)) as uraian_hs2
    from kode
    left join hs_rantai on kode.kode_hs4 = hs_rantai.kode_hs_awalan
    left join bab on left(kode.kode_hs4, 2) = bab.kode_hs2
)

select * from final order by kode_hs4
