-- ekspor_per_negara: one row per destination country in year $tahun, with its value in US$ and Rp and its
-- share of the filtered total (percent of US$). Filters $kab, $rantai, $tahap. Reads ekspor_negara.
with terpilih as (
    select
        negara_tujuan,
        nilai_usd,
        nilai_rp
    from ekspor_negara
    where
        tahun = $tahun
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], rantai))
        and (len($tahap::varchar []) = 0 or list_contains($tahap::varchar [], tahap))
),

per_negara as (
    select
        coalesce(negara_tujuan, 'Tidak tercatat') as negara_tujuan,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp
    from terpilih
    group by coalesce(negara_tujuan, 'Tidak tercatat')
),

final as (
    select
        negara_tujuan,
        nilai_usd,
        nilai_rp,
        100.0 * nilai_usd / nullif(sum(nilai_usd) over (), 0) as porsi
    from per_negara
)

select * from final order by nilai_usd desc, negara_tujuan
