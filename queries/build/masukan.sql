-- masukan: provenance of the build's inputs, one row per input file: the committed reference CSVs and the
-- sample's Parquet files (seed and scale in keterangan), each with its sha256 and size. Imported files are
-- recorded per import in sumber (sha256) and impor_log; together they name every input of the warehouse.
create table masukan as
with daftar as (
    select unnest(
        from_json(
            $checksum,
            '[{"jenis": "VARCHAR", "nama": "VARCHAR", "sha256": "VARCHAR", "ukuran": "BIGINT", "keterangan": "VARCHAR"}]'
        ),
        recursive := true
    )
),

final as (
    select
        jenis,
        nama,
        sha256,
        ukuran,
        keterangan
    from daftar
)

select * from final
order by jenis, nama
