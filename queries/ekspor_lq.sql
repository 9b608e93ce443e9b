-- ekspor_lq: one row per kabupaten/kota x rantai in year $tahun: export value with a known origin and its
-- location quotient (share of the chain in the kabupaten's exports / share of the chain in all exports with a
-- known origin). Exports without an origin kabupaten and codes with no chain are left out.
with sel as (
    select
        kode_bps,
        rantai,
        sum(nilai_usd) as nilai_usd
    from ekspor_bulanan
    where tahun = $tahun and kode_bps is not null and rantai is not null
    group by kode_bps, rantai
),

kisi as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        r.rantai,
        coalesce(sel.nilai_usd, 0) as nilai_usd
    from wilayah
    cross join (select distinct rantai from sel) as r
    left join sel on wilayah.kode_bps = sel.kode_bps and r.rantai = sel.rantai
),

porsi as (
    select
        *,
        sum(nilai_usd) over (partition by kode_bps) as nilai_kabupaten,
        sum(nilai_usd) over (partition by rantai) as nilai_rantai,
        sum(nilai_usd) over () as nilai_semua
    from kisi
),

final as (
    select
        kode_bps,
        nama,
        rantai,
        nilai_usd,
        nilai_kabupaten as nilai_kabupaten_usd,
        (nilai_usd / nullif(nilai_kabupaten, 0)) / nullif(nilai_rantai / nilai_semua, 0) as lq
    from porsi
)

select * from final order by kode_bps, rantai
