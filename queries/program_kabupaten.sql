-- program_kabupaten: one row per programme for kabupaten $kab in year $tahun: participants, results, target.
select
    jenis,
    peserta,
    diajukan,
    hasil,
    target,
    satuan
from program
where kode_bps = $kab and tahun = $tahun
order by jenis
