-- kawasan_profil: one row per industrial estate with its public facts and the page that reports them.
select
    kawasan.id,
    kawasan.nama,
    kawasan.kode_bps,
    wilayah.nama as kabupaten,
    kawasan.kecamatan,
    kawasan.lon,
    kawasan.lat,
    kawasan.luas_rencana_ha,
    kawasan.luas_izin_ha,
    kawasan.pengelola,
    kawasan.status,
    kawasan.fokus,
    kawasan.lokasi_presisi,
    kawasan.catatan_luas,
    sumber.url as sumber_url,
    sumber.tanggal_data as sumber_tanggal,
    sumber.jenis as sumber_jenis,
    (
        select count(*) from kawasan_tenant
        where kawasan_tenant.kawasan_id = kawasan.id and kawasan_tenant.status = 'operasi'
    ) as tenant_operasi
from kawasan
left join wilayah on kawasan.kode_bps = wilayah.kode_bps
left join sumber on kawasan.sumber_id = sumber.id
order by kawasan.id
