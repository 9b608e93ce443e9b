-- kawasan: one row per industrial estate (Jorong, Batulicin), public facts with their source.
create table kawasan as
select
    id,
    nama,
    kode_bps,
    kecamatan,
    cast(lon as double) as lon,
    cast(lat as double) as lat,
    cast(nullif(luas_rencana_ha, '') as double) as luas_rencana_ha,
    cast(nullif(luas_izin_ha, '') as double) as luas_izin_ha,
    pengelola,
    status,
    fokus,
    lokasi_presisi,
    catatan_luas,
    'rujukan-' || left(md5(sumber_url), 10) as sumber_id
from read_csv($referensi || '/kawasan.csv', header = true, all_varchar = true)
order by id
