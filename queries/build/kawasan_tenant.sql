-- kawasan_tenant: one row per tenant of an estate. Real tenants from public reports keep their real status
-- and source; invented ones come from the sample and point to a 'contoh' source. Both inputs go through the
-- staging macro stg_kawasan_tenant (queries/build/staging_kawasan_tenant.sql), shared with the import; the
-- reference CSV is read as text, its empty fields are null.
create table kawasan_tenant as
with publik_masuk as (
    select
        * exclude (sumber_url, tanggal_sumber),
        'rujukan-' || left(md5(sumber_url), 10) as sumber_id
    from read_csv($referensi || '/kawasan_tenant.csv', header = true, all_varchar = true)
),

contoh_masuk as (
    select * from read_parquet($masukan || '/kawasan_tenant.parquet')
),

final as (
    select * from stg_kawasan_tenant('publik_masuk')
    union all
    select * from stg_kawasan_tenant('contoh_masuk')
)

select * from final order by kawasan_id, nama_perusahaan
