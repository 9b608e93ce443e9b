-- masukan_contoh: one row per sample input file the warehouse was built from, with its description (the
-- sample's seed and scale); the backup records them so a restore rebuilds the same sample.
select
    nama,
    sha256,
    keterangan
from masukan
where jenis = 'contoh'
order by nama
