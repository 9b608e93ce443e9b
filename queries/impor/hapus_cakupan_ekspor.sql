-- Replace, never add twice: drop export rows of the same month and origin (null = province) as $berkas.
delete from ekspor
where exists (
    select 1
    from read_parquet($berkas) as masuk
    where
        masuk.tahun = ekspor.tahun
        and masuk.bulan = ekspor.bulan
        and masuk.kode_bps is not distinct from ekspor.kode_bps
)
