-- kpi_ringkasan: the province (or the chosen kabupaten) at a glance; one row for $tahun and one for the year
-- before it, so every card can show its change. $kab: BPS codes; an empty list means the whole province
-- (including exports whose origin kabupaten is unknown).
with tahun as (
    select unnest([$tahun - 1, $tahun]) as tahun
),

ikm as (
    select
        tahun_data as tahun,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l + tenaga_kerja_p) as bigint) as tenaga_kerja,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp
    from ikm_ringkas
    where
        tahun_data in ($tahun - 1, $tahun)
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
    group by tahun_data
),

ekspor_terpilih as (
    select *
    from ekspor_bulanan
    where
        tahun in ($tahun - 1, $tahun)
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
),

ekspor as (
    select
        tahun,
        sum(nilai_usd) as nilai_ekspor_usd,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi
    from ekspor_terpilih
    group by tahun
),

tanpa_batubara as (
    select
        tahun,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_tanpa_batubara
    from ekspor_terpilih
    where rantai is distinct from 'batubara'
    group by tahun
),

final as (
    select
        tahun.tahun,
        ikm.jumlah_ikm,
        ikm.tenaga_kerja,
        ikm.investasi_rp,
        ikm.nilai_produksi_rp,
        ekspor.nilai_ekspor_usd,
        ekspor.indeks_hilirisasi,
        tanpa_batubara.indeks_tanpa_batubara
    from tahun
    left join ikm on tahun.tahun = ikm.tahun
    left join ekspor on tahun.tahun = ekspor.tahun
    left join tanpa_batubara on tahun.tahun = tanpa_batubara.tahun
)

select * from final order by tahun
