-- ikm: one row per firm per registry year (tahun_data); columns and types from the staging macro stg_ikm
-- (queries/build/staging_ikm.sql), shared with the import.
create table ikm as
with masuk as (
    select * from read_parquet($masukan || '/ikm/*.parquet')
),

final as (
    select * from stg_ikm('masuk')
)

select * from final
order by tahun_data, kode_bps, id
