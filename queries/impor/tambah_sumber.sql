-- One provenance row per import: file name, checksum, rows and when it was loaded (jenis 'impor').
insert into sumber by name
select
    $id as id,
    $nama as nama,
    'impor' as jenis,
    [$tabel::varchar] as tabel,
    $keterangan as keterangan,
    cast(null as varchar) as url,
    cast($tanggal_data as date) as tanggal_data,
    cast($baris as bigint) as baris,
    cast($dimuat_pada as timestamp with time zone) as dimuat_pada,
    $sha256 as sha256
