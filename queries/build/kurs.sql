-- kurs: one row per month, rupiah per US dollar, to show exports in Rp.
create table kurs as
select
    cast(tahun as integer) as tahun,
    cast(bulan as integer) as bulan,
    cast(rp_per_usd as double) as rp_per_usd,
    sumber_id
from read_parquet($masukan || '/kurs.parquet')
order by tahun, bulan
