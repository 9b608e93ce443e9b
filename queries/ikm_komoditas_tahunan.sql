-- ikm_komoditas_tahunan: one row per registry year: IKM of commodity $komoditas in kabupaten $kab (empty =
-- province) and their workers, e.g. the sasirangan makers of the green-industry programme.
select
    tahun_data as tahun,
    count(*) as jumlah_ikm,
    cast(sum(tenaga_kerja_l + tenaga_kerja_p) as bigint) as tenaga_kerja
from ikm
where
    komoditas = $komoditas
    and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
group by tahun_data
order by tahun
