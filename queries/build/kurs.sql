-- kurs: one row per month, rupiah per US dollar, to show exports in Rp; columns and types from the staging
-- macro stg_kurs (queries/build/staging_kurs.sql).
create table kurs as
with masuk as (
    select * from read_parquet($masukan || '/kurs.parquet')
),

final as (
    select * from stg_kurs('masuk')
)

select * from final
order by tahun, bulan
