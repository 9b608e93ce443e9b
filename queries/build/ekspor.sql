-- ekspor: one row per month x HS code x destination x origin kabupaten (kode_bps null = province only).
create table ekspor as
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
    sumber_id
from read_parquet($masukan || '/ekspor/*.parquet')
order by tahun, bulan, kode_hs
