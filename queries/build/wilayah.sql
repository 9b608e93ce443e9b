-- wilayah: one row per kabupaten/kota of Kalimantan Selatan (13 rows), from the committed reference.
create table wilayah as
with sumber_csv as (
    select * from read_csv($referensi || '/wilayah.csv', header = true, all_varchar = true)
),

final as (
    select
        kode_bps,
        kode_kemendagri,
        nama,
        jenis,
        ibukota,
        nullif(industri_unggulan, '') as industri_unggulan,
        case
            when nullif(sumber_industri_unggulan, '') is not null
                then 'rujukan-' || left(md5(sumber_industri_unggulan), 10)
        end as sumber_id
    from sumber_csv
)

select * from final order by kode_bps
