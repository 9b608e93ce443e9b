-- Replace, never add twice: drop targets of the same indicator, year and area (null = province) as $berkas.
delete from target
where exists (
    select 1
    from read_parquet($berkas) as masuk
    where
        masuk.indikator = target.indikator
        and masuk.tahun = target.tahun
        and masuk.kode_bps is not distinct from target.kode_bps
)
