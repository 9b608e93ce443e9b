-- hs_peta: one row per HS code seen in ekspor -> its chain and stage by the longest matching prefix of
-- hs_rantai. Codes no prefix matches are kept with a null chain, so the coverage can be measured.
create table hs_peta as
with kode as (
    select distinct kode_hs from ekspor
),

cocok as (
    select
        kode.kode_hs,
        hs_rantai.rantai,
        hs_rantai.tahap,
        hs_rantai.uraian as uraian_rantai,
        row_number() over (
            partition by kode.kode_hs order by length(hs_rantai.kode_hs_awalan) desc
        ) as urutan
    from kode
    left join hs_rantai on starts_with(kode.kode_hs, hs_rantai.kode_hs_awalan)
),

final as (
    select kode_hs, rantai, tahap, uraian_rantai
    from cocok
    where urutan = 1
)

select * from final order by kode_hs
