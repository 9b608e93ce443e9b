-- program: one row per programme x kabupaten x year (halal, pelatihan, link_match_smk, industri_hijau).
-- diajukan (submitted) is the middle step of the halal funnel dibina -> diajukan -> bersertifikat.
create table program as
select
    jenis,
    kode_bps,
    cast(tahun as integer) as tahun,
    cast(peserta as integer) as peserta,
    cast(diajukan as integer) as diajukan,
    cast(hasil as integer) as hasil,
    cast(target as integer) as target,
    satuan,
    sumber_id
from read_parquet($masukan || '/program.parquet')
order by jenis, tahun, kode_bps
