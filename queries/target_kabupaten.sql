-- target_kabupaten: one row per target of kabupaten $kab x year, with the registry count achieved where the
-- indicator is jumlah_ikm.
with capaian as (
    select
        tahun_data as tahun,
        cast(sum(jumlah_ikm) as double) as capaian
    from ikm_ringkas
    where kode_bps = $kab
    group by tahun_data
),

final as (
    select
        target.indikator,
        target.tahun,
        target.nilai_target,
        target.satuan,
        target.dokumen,
        case when target.indikator = 'jumlah_ikm' then capaian.capaian end as capaian
    from target
    left join capaian on target.tahun = capaian.tahun
    where target.kode_bps = $kab
)

select * from final order by indikator, tahun
