-- program_per_kabupaten: one row per kabupaten/kota for programme $jenis in year $tahun.
select
    wilayah.kode_bps,
    wilayah.nama,
    coalesce(program.peserta, 0) as peserta,
    program.diajukan,
    coalesce(program.hasil, 0) as hasil,
    program.target
from wilayah
left join program
    on wilayah.kode_bps = program.kode_bps and program.jenis = $jenis and program.tahun = $tahun
order by wilayah.kode_bps
