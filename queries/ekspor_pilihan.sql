-- ekspor_pilihan: one row per value the chain and stage filters of the export page can take (mapped codes).
with nilai as (
    select distinct 'rantai' as jenis, rantai as nilai from ekspor_bulanan
    union all
    select distinct 'tahap' as jenis, tahap as nilai from ekspor_bulanan
),

final as (
    select jenis, nilai
    from nilai
    where nilai is not null
)

select * from final order by jenis, nilai
