-- stg_kawasan_tenant(masuk): one row per tenant of an estate, the contract's columns and types for table
-- kawasan_tenant, read from the relation named masuk (sumber_id included). Shared by the build's two inputs
-- (queries/build/kawasan_tenant.sql: the public-report CSV, read as text with empty fields as null, and the
-- sample's Parquet) and the import (queries/impor/tambah_kawasan_tenant.sql).
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_kawasan_tenant('masuk')
create or replace macro stg_kawasan_tenant(masuk) as table
with final as (
    select
        kawasan_id,
        nama_perusahaan,
        sektor,
        rantai,
        status,
        cast(tahun_mulai as integer) as tahun_mulai,
        cast(tahun_berhenti as integer) as tahun_berhenti,
        cast(investasi_rp as bigint) as investasi_rp,
        cast(tenaga_kerja as integer) as tenaga_kerja,
        cast(luas_ha as double) as luas_ha,
        cast(kapasitas as double) as kapasitas,
        cast(satuan_kapasitas as varchar) as satuan_kapasitas,
        cast(keterangan as varchar) as keterangan,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
