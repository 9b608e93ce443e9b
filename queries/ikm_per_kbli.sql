-- ikm_per_kbli: one row per KBLI division (2 digits) of the filtered IKM registry in registry year $tahun,
-- with its Indonesian label from the kbli2 reference ("KBLI nn" when the division is not in it).
with jumlah as (
    select * exclude (tahun_data)
    from ikm_jumlah(
        ['tahun_data', 'kbli2'],
        $kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari, $berdiri_sampai, $cari
    )
    where tahun_data = $tahun
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
