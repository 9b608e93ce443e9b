-- ekspor_rantai_tahap: one row per chain x stage for year $tahun and kabupaten $kab (empty = province):
-- the export mix. Codes with no chain appear as rantai 'tidak terpetakan'.
with terpilih as (
    select
        coalesce(rantai, 'tidak terpetakan') as rantai,
        coalesce(tahap, 'tidak terpetakan') as tahap,
        nilai_usd
    from ekspor_bulanan
    where
        tahun = $tahun
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
),

final as (
    select
        rantai,
        tahap,
        sum(nilai_usd) as nilai_usd
    from terpilih
    group by rantai, tahap
)

select * from final order by nilai_usd desc
