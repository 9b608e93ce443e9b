-- angka_rujukan_banding: one row per public reference figure that the warehouse can be compared with: monthly
-- export totals (juta US$), the share of HS 27 (bahan bakar mineral, mostly coal) in a month's exports (%), and
-- the number of IKM (unit, registry year of the figure's period). nilai_gudang is the warehouse's own number
-- for the same period (null when the warehouse does not cover it); jenis_gudang says whether that number comes
-- from sample data ('contoh') or imported office data ('impor'). The figure's page and period come along.
with rujukan as (
    select
        indikator,
        periode,
        tanggal_data,
        nilai,
        satuan,
        sumber_url,
        catatan,
        year(tanggal_data) as tahun,
        month(tanggal_data) as bulan
    from angka_rujukan
    where wilayah = 'Kalimantan Selatan'
),

ekspor_bulan as (
    select
        ekspor.tahun,
        ekspor.bulan,
        sum(ekspor.nilai_usd) / 1e6 as total_juta_usd,
        100.0 * coalesce(sum(ekspor.nilai_usd) filter (where starts_with(ekspor.kode_hs, '27')), 0)
        / nullif(sum(ekspor.nilai_usd), 0) as porsi_hs27,
        case when bool_or(sumber.jenis = 'contoh') then 'contoh' else 'impor' end as jenis_gudang
    from ekspor
    left join sumber on ekspor.sumber_id = sumber.id
    where (ekspor.tahun, ekspor.bulan) in (select (tahun, bulan) from rujukan where indikator = 'ekspor_total')
    group by ekspor.tahun, ekspor.bulan
),

ikm_tahun as (
    select
        ikm.tahun_data as tahun,
        cast(count(*) as double) as jumlah_ikm,
        case when bool_or(sumber.jenis = 'contoh') then 'contoh' else 'impor' end as jenis_gudang
    from ikm
    left join sumber on ikm.sumber_id = sumber.id
    group by ikm.tahun_data
),

porsi_rujukan as (
    select
        total.periode,
        total.tanggal_data,
        100.0 * hs27.nilai / total.nilai as nilai,
        total.sumber_url,
        total.tahun,
        total.bulan
    from rujukan as total
    inner join rujukan as hs27
        on
            total.periode = hs27.periode
            and hs27.indikator = 'ekspor_bahan_bakar_mineral_HS27'
            and total.sumber_url = hs27.sumber_url
    where total.indikator = 'ekspor_total'
),

baris as (
    select
        'ekspor_total' as indikator,
        'Nilai ekspor bulanan' as label,
        rujukan.periode,
        rujukan.tanggal_data,
        rujukan.nilai as nilai_rujukan,
        ekspor_bulan.total_juta_usd as nilai_gudang,
        'juta US$' as satuan,
        ekspor_bulan.jenis_gudang,
        rujukan.sumber_url,
        rujukan.catatan
    from rujukan
    left join ekspor_bulan on rujukan.tahun = ekspor_bulan.tahun and rujukan.bulan = ekspor_bulan.bulan
    where rujukan.indikator = 'ekspor_total'
    union all
    select
        'porsi_hs27' as indikator,
        'Porsi HS 27 (batu bara) dalam ekspor bulanan' as label,
        porsi_rujukan.periode,
        porsi_rujukan.tanggal_data,
        porsi_rujukan.nilai as nilai_rujukan,
        ekspor_bulan.porsi_hs27 as nilai_gudang,
        'persen' as satuan,
        ekspor_bulan.jenis_gudang,
        porsi_rujukan.sumber_url,
        'dihitung dari nilai HS 27 dan total pada rilis yang sama' as catatan
    from porsi_rujukan
    left join ekspor_bulan on porsi_rujukan.tahun = ekspor_bulan.tahun and porsi_rujukan.bulan = ekspor_bulan.bulan
    union all
    select
        'jumlah_ikm' as indikator,
        'Jumlah IKM' as label,
        rujukan.periode,
        rujukan.tanggal_data,
        rujukan.nilai as nilai_rujukan,
        ikm_tahun.jumlah_ikm as nilai_gudang,
        'unit' as satuan,
        ikm_tahun.jenis_gudang,
        rujukan.sumber_url,
        rujukan.catatan
    from rujukan
    left join ikm_tahun on rujukan.tahun = ikm_tahun.tahun
    where rujukan.indikator = 'jumlah_ikm'
),

final as (
    select
        *,
        100.0 * (nilai_gudang - nilai_rujukan) / nullif(nilai_rujukan, 0) as selisih_persen
    from baris
)

select * from final order by indikator, tanggal_data desc
