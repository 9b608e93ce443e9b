-- ikm_per_kbli: one row per KBLI division (2 digits) of the filtered IKM registry in registry year $tahun,
-- with its Indonesian label from the kbli2 reference ("KBLI nn" when the division is not in it).
with terpilih as (
    select *
    from ikm_kelompok(
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
),

jumlah as (
    select
        kbli2,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by kbli2
),

final as (
    select
        jumlah.kbli2,
        coalesce(kbli2.label, 'KBLI ' || jumlah.kbli2) as label,
        coalesce(kbli2.uraian, 'KBLI ' || jumlah.kbli2) as uraian,
        jumlah.* exclude (kbli2)
    from jumlah
    left join kbli2 on jumlah.kbli2 = kbli2.kode
)

select * from final order by jumlah_ikm desc, kbli2
