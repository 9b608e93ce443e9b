-- impor_log: one row per change of the warehouse (build, import, boundary file, restore), for the audit on the
-- Kelola Data page. The build writes the first row; queries/impor/siapkan_log.sql has the same columns.
create table impor_log as
select
    current_timestamp as waktu,
    'python -m dasbor.build' as oleh,
    cast(null as varchar) as berkas,
    cast(null as varchar) as sha256,
    'bangun' as jenis,
    cast(null as bigint) as baris_dibaca,
    cast(null as bigint) as baris_diterima,
    cast(null as bigint) as baris_ditolak,
    'dibangun' as status,
    'Gudang data dibangun (data contoh dan tabel rujukan)' as pesan,
    cast(null as varchar) as versi
