-- komoditas_teratas: one row per commodity (top 8 by number of firms) of kabupaten $kab in registry year
-- $tahun, with its chain and workers.
with terpilih as (
    select
        komoditas,
        rantai,
        tenaga_kerja_l + tenaga_kerja_p as tenaga_kerja
    from ikm
    where tahun_data = $tahun and kode_bps = $kab
),

final as (
    select
        komoditas,
        any_value(rantai) as rantai,
        count(*) as jumlah_ikm,
        cast(sum(tenaga_kerja) as bigint) as tenaga_kerja
    from terpilih
    group by komoditas
    order by jumlah_ikm desc, komoditas
    limit 8
)

select * from final
