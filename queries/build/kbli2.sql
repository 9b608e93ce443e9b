-- kbli2: reference, one row per KBLI 2020 division (2 digits) of section C (manufacturing), with the
-- official Indonesian title and a short label for filters and charts. Documented in data/reference/README.md.
create table kbli2 as
select
    kode,
    uraian,
    label
from read_csv($referensi || '/kbli2.csv', header = true, all_varchar = true)
order by kode
