-- target: one row per indicator x kabupaten (null = province) x year, with the plan it comes from.
create table target as
select
    indikator,
    kode_bps,
    cast(tahun as integer) as tahun,
    cast(nilai_target as double) as nilai_target,
    satuan,
    dokumen,
    sumber_id
from read_parquet($masukan || '/target.parquet')
order by indikator, tahun, kode_bps
