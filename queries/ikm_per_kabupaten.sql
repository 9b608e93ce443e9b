-- ikm_per_kabupaten: one row per kabupaten/kota (the chosen ones, or all 13) with the filtered IKM registry
-- in registry year $tahun; a kabupaten with no matching firm has jumlah_ikm = 0.
with terpilih as (
    select *
    from ikm_kelompok(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

jumlah as (
    select
        kode_bps,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by kode_bps
),

final as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        coalesce(jumlah.jumlah_ikm, 0) as jumlah_ikm,
        jumlah.* exclude (kode_bps, jumlah_ikm)
    from wilayah
    left join jumlah on wilayah.kode_bps = jumlah.kode_bps
    where len($kab::varchar []) = 0 or list_contains($kab::varchar [], wilayah.kode_bps)
)

select * from final order by jumlah_ikm desc, kode_bps
