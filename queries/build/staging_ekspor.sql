-- stg_ekspor(masuk): one row per month x HS code x destination x origin kabupaten (kode_bps null = province
-- only), the contract's columns and types for table ekspor, read from the relation named masuk (sumber_id
-- included). Shared by the build (queries/build/ekspor.sql) and the import (queries/impor/tambah_ekspor.sql).
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_ekspor('masuk')
create or replace macro stg_ekspor(masuk) as table
with final as (
    select
        cast(tahun as integer) as tahun,
        cast(bulan as integer) as bulan,
        cast(kode_hs as varchar) as kode_hs,
        uraian_hs,
        negara_tujuan,
        pelabuhan,
        kode_bps,
        cast(berat_kg as double) as berat_kg,
        cast(nilai_usd as double) as nilai_usd,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
