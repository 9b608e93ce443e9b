-- Appends the accepted rows of one import ($berkas) to ekspor, tagged $sumber_id.
insert into ekspor by name
select
    cast(tahun as integer) as tahun,
    cast(bulan as integer) as bulan,
    kode_hs,
    uraian_hs,
    negara_tujuan,
    pelabuhan,
    kode_bps,
    cast(berat_kg as double) as berat_kg,
    cast(nilai_usd as double) as nilai_usd,
    $sumber_id as sumber_id
from read_parquet($berkas)
