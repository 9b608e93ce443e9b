-- program: one row per programme x kabupaten x year (halal, pelatihan, link_match_smk, industri_hijau).
-- diajukan (submitted) is the middle step of the halal funnel dibina -> diajukan -> bersertifikat.
-- Columns and types from the staging macro stg_program (queries/build/staging_program.sql).
create table program as
with masuk as (
    select * from read_parquet($masukan || '/program.parquet')
),

final as (
    select * from stg_program('masuk')
)

select * from final
order by jenis, tahun, kode_bps
