-- impor_log for a warehouse built before the log existed: the same columns as queries/build/impor_log.sql.
create table if not exists impor_log (
    waktu timestamp with time zone,
    oleh varchar,
    berkas varchar,
    sha256 varchar,
    jenis varchar,
    baris_dibaca bigint,
    baris_diterima bigint,
    baris_ditolak bigint,
    status varchar,
    pesan varchar,
    versi varchar
)
