-- stg_target(masuk): one row per indicator x kabupaten (null = province) x year, the contract's columns and
-- types for table target, read from the relation named masuk (sumber_id included). Shared by the build
-- (queries/build/target.sql) and the import (queries/impor/tambah_target.sql).
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_target('masuk')
create or replace macro stg_target(masuk) as table
with final as (
    select
        indikator,
        cast(kode_bps as varchar) as kode_bps,
        cast(tahun as integer) as tahun,
        cast(nilai_target as double) as nilai_target,
        satuan,
        dokumen,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
