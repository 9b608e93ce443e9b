-- Replace, never add twice: drop registry rows of the same year and kabupaten as the imported file ($berkas).
delete from ikm
where exists (
    select 1
    from read_parquet($berkas) as masuk
    where masuk.tahun_data = ikm.tahun_data and masuk.kode_bps = ikm.kode_bps
)
