-- sumber: provenance, one row per loaded dataset. 'contoh' rows come with the generated sample; 'rujukan'
-- rows are the public pages behind the committed reference facts (one row per page). tabel lists the
-- warehouse tables that cite the source, so a page can show the sources of what it draws.
create table sumber as
with contoh as (
    select
        id,
        nama,
        jenis,
        [tabel] as tabel,
        keterangan,
        url,
        tanggal_data,
        cast(baris as bigint) as baris
    from read_parquet($masukan || '/sumber.parquet')
),

halaman as (
    select distinct
        'wilayah' as tabel,
        sumber_industri_unggulan as url,
        cast('2023-09-21' as date) as tanggal_data
    from read_csv($referensi || '/wilayah.csv', header = true, all_varchar = true)
    where nullif(sumber_industri_unggulan, '') is not null
    union all
    select distinct
        'kawasan' as tabel,
        sumber_url as url,
        cast(tanggal_sumber as date) as tanggal_data
    from read_csv($referensi || '/kawasan.csv', header = true, all_varchar = true)
    union all
    select distinct
        'kawasan_tenant' as tabel,
        sumber_url as url,
        cast(tanggal_sumber as date) as tanggal_data
    from read_csv($referensi || '/kawasan_tenant.csv', header = true, all_varchar = true)
    union all
    select distinct
        'angka_rujukan' as tabel,
        sumber_url as url,
        cast(tanggal_data as date) as tanggal_data
    from read_csv($referensi || '/angka_rujukan.csv', header = true, all_varchar = true)
),

rujukan as (
    select
        'rujukan-' || left(md5(url), 10) as id,
        'Pemberitaan publik: ' || regexp_extract(url, '^https?://([^/]+)', 1) as nama,
        'rujukan' as jenis,
        list(distinct tabel order by tabel) as tabel,
        'Fakta publik dari pemberitaan; belum diverifikasi dengan dokumen resmi' as keterangan,
        url,
        max(tanggal_data) as tanggal_data,
        cast(null as bigint) as baris
    from halaman
    group by url
),

final as (
    select * from contoh
    union all
    select * from rujukan
)

select
    *,
    current_timestamp as dimuat_pada,
    cast(null as varchar) as sha256
from final
order by jenis, id
