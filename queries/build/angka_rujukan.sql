-- angka_rujukan: one row per public reference figure (BPS releases and Disperin statements as reported in the
-- news), as committed in data/reference/angka_rujukan.csv with its page and period. Not a time series: they
-- are shown beside the warehouse's own numbers (queries/angka_rujukan_banding.sql), never mixed into them.
create table angka_rujukan as
with final as (
    select
        indikator,
        wilayah,
        periode,
        cast(tanggal_data as date) as tanggal_data,
        cast(nilai as double) as nilai,
        satuan,
        sumber_url,
        nullif(catatan, '') as catatan,
        'rujukan-' || left(md5(sumber_url), 10) as sumber_id
    from read_csv($referensi || '/angka_rujukan.csv', header = true, all_varchar = true)
)

select * from final order by indikator, periode
