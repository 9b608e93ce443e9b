-- halal_pangan: one row per registry year: food and beverage IKM (sektor Pangan) of kabupaten $kab (empty =
-- province), how many are halal-certified, and how many were certified on or after 17 October 2024, when
-- halal certification became mandatory for food and beverage products.
with pangan as (
    select
        tahun_data,
        halal,
        tanggal_halal
    from ikm
    where
        sektor = 'Pangan'
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
),

final as (
    select
        tahun_data as tahun,
        count(*) as jumlah_pangan,
        count(*) filter (where halal) as jumlah_halal,
        count(*) filter (where halal and tanggal_halal >= date '2024-10-17') as halal_sejak_wajib,
        100.0 * count(*) filter (where halal) / count(*) as persen_halal
    from pangan
    group by tahun_data
)

select * from final order by tahun
