-- stg_ikm(masuk): one row per firm per registry year, the contract's columns and types for table ikm, read from
-- the relation named masuk (a table, view or CTE with the input's columns, sumber_id included). The one column
-- list and set of casts shared by the build (queries/build/ikm.sql, the sample's Parquet files) and the import
-- (queries/impor/tambah_ikm.sql, one checked file).
-- Usage: with masuk as (select ... from read_parquet(...)) select * from stg_ikm('masuk')
create or replace macro stg_ikm(masuk) as table
with final as (
    select
        id,
        cast(tahun_data as integer) as tahun_data,
        nama_usaha,
        kode_bps,
        kecamatan,
        cast(kbli as varchar(5)) as kbli,
        sektor,
        komoditas,
        rantai,
        tahap,
        skala,
        cast(tenaga_kerja_l as integer) as tenaga_kerja_l,
        cast(tenaga_kerja_p as integer) as tenaga_kerja_p,
        cast(investasi_rp as bigint) as investasi_rp,
        cast(nilai_produksi_rp as bigint) as nilai_produksi_rp,
        cast(nilai_bahan_baku_rp as bigint) as nilai_bahan_baku_rp,
        cast(tahun_berdiri as integer) as tahun_berdiri,
        cast(halal as boolean) as halal,
        cast(tanggal_halal as date) as tanggal_halal,
        cast(berorientasi_ekspor as boolean) as berorientasi_ekspor,
        cast(lat as double) as lat,
        cast(lon as double) as lon,
        cast(sumber_id as varchar) as sumber_id
    from query_table(masuk)
)

select * from final;
