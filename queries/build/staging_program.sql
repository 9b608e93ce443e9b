-- stg_program(masuk): one row per programme x kabupaten x year, the contract's columns and types for table
-- program, read from the relation named masuk (sumber_id included). Used by the build
-- (queries/build/program.sql); an import of programme results would use it too.
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_program('masuk')
create or replace macro stg_program(masuk) as table
with final as (
    select
        jenis,
        kode_bps,
        cast(tahun as integer) as tahun,
        cast(peserta as integer) as peserta,
        cast(diajukan as integer) as diajukan,
        cast(hasil as integer) as hasil,
        cast(target as integer) as target,
        satuan,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
