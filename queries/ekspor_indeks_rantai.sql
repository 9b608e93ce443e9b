-- ekspor_indeks_rantai: one row per commodity chain with exports in $tahun or the year before: its own
-- Indeks Hilirisasi in $tahun and in $tahun - 1, and its export value in $tahun. Filters $kab and $rantai;
-- stages are what the index measures, so no stage filter. Unmapped codes have no chain and are left out.
with terpilih as (
    select
        tahun,
        rantai,
        tahap,
        nilai_usd
    from ekspor_bulanan
    where
        tahun in ($tahun - 1, $tahun)
        and rantai is not null
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], rantai))
),

per_tahun as (
    select
        rantai,
        tahun,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi,
        sum(nilai_usd) as nilai_usd
    from terpilih
    group by rantai, tahun
),

final as (
    select
        coalesce(kini.rantai, lalu.rantai) as rantai,
        kini.indeks_hilirisasi,
        lalu.indeks_hilirisasi as indeks_hilirisasi_lalu,
        kini.nilai_usd
    from (select * from per_tahun where tahun = $tahun) as kini
    full outer join (select * from per_tahun where tahun = $tahun - 1) as lalu on kini.rantai = lalu.rantai
)

select * from final order by nilai_usd desc nulls last, rantai
