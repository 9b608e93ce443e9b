-- One audit row: who changed the warehouse, with which file, how many rows, and the version kept for restore.
insert into impor_log by name
select
    cast($waktu as timestamp with time zone) as waktu,
    $oleh as oleh,
    $berkas as berkas,
    $sha256 as sha256,
    $jenis as jenis,
    cast($baris_dibaca as bigint) as baris_dibaca,
    cast($baris_diterima as bigint) as baris_diterima,
    cast($baris_ditolak as bigint) as baris_ditolak,
    $status as status,
    $pesan as pesan,
    $versi as versi
