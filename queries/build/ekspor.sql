-- ekspor: one row per month x HS code x destination x origin kabupaten (kode_bps null = province only);
-- columns and types from the staging macro stg_ekspor (queries/build/staging_ekspor.sql), shared with the import.
create table ekspor as
with masuk as (
    select * from read_parquet($masukan || '/ekspor/*.parquet')
),

final as (
    select * from stg_ekspor('masuk')
)

select * from final
order by tahun, bulan, kode_hs
