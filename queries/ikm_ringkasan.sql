-- ikm_ringkasan: the filtered IKM registry (the IKM page's filters, macro ikm_terpilih) in two rows, registry
-- year $tahun and the year before it, so each metric can show its change. Value added (nilai_tambah_rp) is
-- production minus raw materials, summed over firms. A year with no matching firm has jumlah_ikm = 0.
with terpilih as (
    select *
    from ikm_kelompok(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data in ($tahun - 1, $tahun)
),

tahun as (
    select unnest([$tahun - 1, $tahun]) as tahun_data
),

jumlah as (
    select
        tahun_data,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by tahun_data
),

final as (
    select
        tahun.tahun_data,
        coalesce(jumlah.jumlah_ikm, 0) as jumlah_ikm,
        jumlah.tenaga_kerja_l,
        jumlah.tenaga_kerja_p,
        jumlah.investasi_rp,
        jumlah.nilai_produksi_rp,
        jumlah.nilai_bahan_baku_rp,
        jumlah.nilai_tambah_rp
    from tahun
    left join jumlah on tahun.tahun_data = jumlah.tahun_data
)

select * from final order by tahun_data
