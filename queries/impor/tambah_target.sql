-- Appends the accepted rows of one import ($berkas) to target, tagged $sumber_id; columns and
-- types from the staging macro stg_target (queries/build/staging_target.sql), the same as the build's.
insert into target by name
with masuk as (
    select
        *,
        $sumber_id as sumber_id
    from read_parquet($berkas)
)

select * from stg_target('masuk')
