-- kawasan_tenant_daftar: one row per tenant of an estate, with whether its facts are public or sample.
select
    kawasan_tenant.kawasan_id,
    kawasan_tenant.nama_perusahaan,
    kawasan_tenant.sektor,
    kawasan_tenant.rantai,
    kawasan_tenant.status,
    kawasan_tenant.tahun_mulai,
    kawasan_tenant.tahun_berhenti,
    kawasan_tenant.investasi_rp,
    kawasan_tenant.tenaga_kerja,
    kawasan_tenant.luas_ha,
    kawasan_tenant.kapasitas,
    kawasan_tenant.satuan_kapasitas,
    kawasan_tenant.keterangan,
    sumber.jenis as sumber_jenis,
    sumber.url as sumber_url,
    sumber.tanggal_data as sumber_tanggal
from kawasan_tenant
left join sumber on kawasan_tenant.sumber_id = sumber.id
order by
    kawasan_tenant.kawasan_id,
    case kawasan_tenant.status
        when 'operasi' then 1 when 'konstruksi' then 2 when 'rencana' then 3 else 4
    end,
    kawasan_tenant.nama_perusahaan
