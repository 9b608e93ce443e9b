-- Appends the accepted rows of one import ($berkas) to kawasan_tenant, tagged $sumber_id.
insert into kawasan_tenant by name
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
    $sumber_id as sumber_id
from read_parquet($berkas)
