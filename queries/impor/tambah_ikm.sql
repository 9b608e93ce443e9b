-- Appends the accepted rows of one import ($berkas, written by dasbor.warehouse.impor.simpan) to ikm, tagged
-- $sumber_id; columns and types from the staging macro stg_ikm (queries/build/staging_ikm.sql), as in the build.
insert into ikm by name
with masuk as (
    select
        *,
        $sumber_id as sumber_id
    from read_parquet($berkas)
)

select * from stg_ikm('masuk')
