-- target_capaian: one row per province-level target x year: the target, its plan, and what was achieved
-- (jumlah IKM from the registry, the Indeks Hilirisasi from exports, halal certificates from the programme).
with capaian as (
    select tahun_data as tahun, 'jumlah_ikm' as indikator, cast(sum(jumlah_ikm) as double) as nilai
    from ikm_ringkas
    group by tahun_data
    union all
    select tahun, 'indeks_hilirisasi' as indikator, indeks_hilirisasi(tahap, nilai_usd) as nilai
    from ekspor_bulanan
    group by tahun
    union all
    select tahun, 'sertifikat_halal' as indikator, cast(sum(hasil) as double) as nilai
    from program
    where jenis = 'halal'
    group by tahun
),

final as (
    select
        target.indikator,
        target.tahun,
        target.nilai_target,
        target.satuan,
        target.dokumen,
        capaian.nilai as capaian
    from target
    left join capaian on target.indikator = capaian.indikator and target.tahun = capaian.tahun
    where target.kode_bps is null
)

select * from final order by indikator, tahun
