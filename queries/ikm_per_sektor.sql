-- ikm_per_sektor: one row per sektor of the filtered IKM registry in registry year $tahun.
with terpilih as (
    select *
    from ikm_kelompok(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

final as (
    select
        sektor,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by sektor
)

select * from final order by jumlah_ikm desc, sektor
