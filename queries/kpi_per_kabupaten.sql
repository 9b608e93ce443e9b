-- kpi_per_kabupaten: one row per kabupaten/kota for year $tahun: the Ringkasan KPIs side by side, for
-- comparisons between kabupaten and between a snapshot and the current data.
with ikm as (
    select
        kode_bps,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l + tenaga_kerja_p) as bigint) as tenaga_kerja,
        cast(sum(investasi_rp) as bigint) as investasi_rp
    from ikm_ringkas
    where tahun_data = $tahun
    group by kode_bps
),

ekspor as (
    select
        kode_bps,
        sum(nilai_usd) as nilai_ekspor_usd,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi
    from ekspor_bulanan
    where tahun = $tahun and kode_bps is not null
    group by kode_bps
),

final as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        coalesce(ikm.jumlah_ikm, 0) as jumlah_ikm,
        coalesce(ikm.tenaga_kerja, 0) as tenaga_kerja,
        coalesce(ikm.investasi_rp, 0) as investasi_rp,
        coalesce(ekspor.nilai_ekspor_usd, 0) as nilai_ekspor_usd,
        ekspor.indeks_hilirisasi
    from wilayah
    left join ikm on wilayah.kode_bps = ikm.kode_bps
    left join ekspor on wilayah.kode_bps = ekspor.kode_bps
)

select * from final order by kode_bps
