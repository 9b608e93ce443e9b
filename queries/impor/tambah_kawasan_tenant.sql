-- Appends the accepted rows of one import ($berkas) to kawasan_tenant, tagged $sumber_id; columns and
-- types from the staging macro stg_kawasan_tenant (queries/build/staging_kawasan_tenant.sql), the same as the build's.
insert into kawasan_tenant by name
with masuk as (
    select
        *,
        $sumber_id as sumber_id
    from read_parquet($berkas)
)

select * from stg_kawasan_tenant('masuk')
