-- hs_rantai: one row per HS prefix (2 to 8 digits) -> commodity chain and processing stage.
-- The longest matching prefix wins (see hs_peta). Documented in data/reference/README.md.
create table hs_rantai as
select
    kode_hs_awalan,
    rantai,
    tahap,
    uraian
from read_csv($referensi || '/hs_rantai.csv', header = true, all_varchar = true)
order by kode_hs_awalan
