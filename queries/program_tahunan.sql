-- program_tahunan: one row per year for programme $jenis over kabupaten $kab (empty = province): participants,
-- submissions (halal only), results and the sum of the kabupaten targets.
select
    tahun,
    cast(sum(peserta) as bigint) as peserta,
    cast(sum(diajukan) as bigint) as diajukan,
    cast(sum(hasil) as bigint) as hasil,
    cast(sum(target) as bigint) as target,
    max(satuan) as satuan
from program
where
    jenis = $jenis
    and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
group by tahun
order by tahun
