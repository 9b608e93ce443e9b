-- kawasan_tenant: one row per tenant of an estate. Real tenants from public reports keep their real status
-- and source; invented ones come from the sample and point to a 'contoh' source.
create table kawasan_tenant as
with publik as (
    select
        kawasan_id,
        nama_perusahaan,
        sektor,
        rantai,
        status,
        cast(nullif(tahun_mulai, '') as integer) as tahun_mulai,
        cast(nullif(tahun_berhenti, '') as integer) as tahun_berhenti,
        cast(nullif(investasi_rp, '') as bigint) as investasi_rp,
        cast(nullif(tenaga_kerja, '') as integer) as tenaga_kerja,
        cast(nullif(luas_ha, '') as double) as luas_ha,
        cast(nullif(kapasitas, '') as double) as kapasitas,
        nullif(satuan_kapasitas, '') as satuan_kapasitas,
        keterangan,
        'rujukan-' || left(md5(sumber_url), 10) as sumber_id
    from read_csv($referensi || '/kawasan_tenant.csv', header = true, all_varchar = true)
),

contoh as (
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
        satuan_kapasitas,
        keterangan,
        sumber_id
    from read_parquet($masukan || '/kawasan_tenant.parquet')
),

final as (
    select * from publik
    union all
    select * from contoh
)

select * from final order by kawasan_id, nama_perusahaan
