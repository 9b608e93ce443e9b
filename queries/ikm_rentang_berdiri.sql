-- ikm_rentang_berdiri: one row, the earliest and latest founding year in the registry (the slider's bounds).
select
    min(tahun_berdiri) as awal,
    max(tahun_berdiri) as akhir
from ikm
