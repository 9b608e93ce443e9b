-- sumber_tabel: one row per source cited by any of the tables $tabel, for the caption under a chart.
select
    id,
    nama,
    jenis,
    keterangan,
    url,
    tanggal_data,
    dimuat_pada
from sumber
where list_has_any(tabel, $tabel::varchar [])
order by jenis, tanggal_data desc
