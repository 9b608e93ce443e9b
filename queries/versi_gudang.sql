-- versi_gudang: one row: the schema version of the warehouse and whether it holds imported data.
select
    (select max(versi_skema) from meta) as versi_skema,
    (select count(*) from sumber where jenis = 'impor') as sumber_impor
