-- tahun_tersedia: one row per year that has registry or export data, with what it has.
with ikm as (
    select distinct tahun_data as tahun from ikm_ringkas
),

ekspor as (
    select distinct tahun from ekspor_bulanan
),

final as (
    select
        coalesce(ikm.tahun, ekspor.tahun) as tahun,
        ikm.tahun is not null as ada_ikm,
        ekspor.tahun is not null as ada_ekspor
    from ikm
    full outer join ekspor on ikm.tahun = ekspor.tahun
)

select * from final order by tahun
