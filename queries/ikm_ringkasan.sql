-- ikm_ringkasan: the filtered IKM registry (the IKM page's filters, macro ikm_terpilih) in two rows, registry
-- year $tahun and the year before it, so each metric can show its change. Value added (nilai_tambah_rp) is
-- production minus raw materials, summed over firms. A year with no matching firm has jumlah_ikm = 0.
with tahun as (
    select unnest([$tahun - 1, $tahun]) as tahun_data
),

jumlah as (
    select *
    from ikm_jumlah(
        ['tahun_data'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data in ($tahun - 1, $tahun)
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
