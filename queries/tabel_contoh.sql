-- tabel_contoh: one row per warehouse table that still holds generated sample data ('contoh' sources),
-- so every page can say which data are sample data.
select distinct unnest(tabel) as tabel
from sumber
where jenis = 'contoh'
order by tabel
