-- target: one row per indicator x kabupaten (null = province) x year, with the plan it comes from; columns and
-- types from the staging macro stg_target (queries/build/staging_target.sql), shared with the import.
create table target as
with masuk as (
    select * from read_parquet($masukan || '/target.parquet')
),

final as (
    select * from stg_target('masuk')
)

select * from final
order by indikator, tahun, kode_bps
