-- Appends the accepted rows of one import ($berkas) to ekspor, tagged $sumber_id; columns and
-- types from the staging macro stg_ekspor (queries/build/staging_ekspor.sql), the same as the build's.
insert into ekspor by name
with masuk as (
    select
        *,
        $sumber_id as sumber_id
    from read_parquet($berkas)
)

select * from stg_ekspor('masuk')
