-- Appends the accepted rows of one import ($berkas) to target, tagged $sumber_id.
insert into target by name
select
    indikator,
    kode_bps,
    cast(tahun as integer) as tahun,
    cast(nilai_target as double) as nilai_target,
    satuan,
    dokumen,
    $sumber_id as sumber_id
from read_parquet($berkas)
