-- stg_kurs(masuk): one row per month, rupiah per US dollar, the columns and types of table kurs, read from the
-- relation named masuk (sumber_id included). Used by the build (queries/build/kurs.sql).
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_kurs('masuk')
create or replace macro stg_kurs(masuk) as table
with final as (
    select
        cast(tahun as integer) as tahun,
        cast(bulan as integer) as bulan,
        cast(rp_per_usd as double) as rp_per_usd,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
