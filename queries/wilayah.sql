-- wilayah: one row per kabupaten/kota, for filters, labels and profiles.
select
    kode_bps,
    kode_kemendagri,
    nama,
    jenis,
    ibukota,
    industri_unggulan
from wilayah
order by kode_bps
