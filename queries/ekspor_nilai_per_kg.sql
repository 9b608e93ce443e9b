-- ekspor_nilai_per_kg: one row per year x rantai x tahap: export value, weight and unit value (US$ per kg).
-- $kab: origin kabupaten (empty = province). Codes with no chain are left out; a weightless slice has a null
-- unit value rather than an infinite one.
with terpilih as (
    select
        tahun,
        rantai,
        tahap,
        nilai_usd,
        berat_kg
    from ekspor_bulanan
    where
        rantai is not null
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
),

final as (
    select
        tahun,
        rantai,
        tahap,
        sum(nilai_usd) as nilai_usd,
        sum(berat_kg) as berat_kg,
        sum(nilai_usd) / nullif(sum(berat_kg), 0) as usd_per_kg
    from terpilih
    group by tahun, rantai, tahap
)

select * from final order by rantai, tahap, tahun
