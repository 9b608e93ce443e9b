-- ekspor_indeks: the Ekspor & Hilirisasi headline, one row for year $tahun and one for the year before it.
-- Filters: $kab (origin kabupaten; empty = province incl. exports without an origin), $rantai (chains;
-- empty = all, incl. unmapped codes), $tahap (stages). Export value (US$ and Rp at each month's kurs) honours
-- every filter; the Indeks Hilirisasi and its coal-free variant ignore $tahap, because an index over chosen
-- stages only would read 0 % or 100 % by construction.
with tahun as (
    select unnest([$tahun - 1, $tahun]) as tahun
),

terpilih as (
    select
        ekspor_bulanan.tahun,
        ekspor_bulanan.rantai,
        ekspor_bulanan.tahap,
        ekspor_bulanan.nilai_usd,
        ekspor_bulanan.nilai_usd * kurs.rp_per_usd as nilai_rp,
        coalesce(len($tahap::varchar []) = 0 or list_contains($tahap::varchar [], ekspor_bulanan.tahap), false)
            as tahap_terpilih
    from ekspor_bulanan
    left join kurs on ekspor_bulanan.tahun = kurs.tahun and ekspor_bulanan.bulan = kurs.bulan
    where
        ekspor_bulanan.tahun in ($tahun - 1, $tahun)
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], ekspor_bulanan.kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], ekspor_bulanan.rantai))
),

nilai as (
    select
        tahun,
        sum(nilai_usd) as nilai_usd,
        case when bool_and(nilai_rp is not null) then sum(nilai_rp) end as nilai_rp,
        100.0 * coalesce(sum(case when rantai = 'batubara' then nilai_usd end), 0) / nullif(sum(nilai_usd), 0)
            as porsi_batubara
    from terpilih
    where tahap_terpilih
    group by tahun
),

indeks as (
    select
        tahun,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi
    from terpilih
    group by tahun
),

tanpa_batubara as (
    select
        tahun,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_tanpa_batubara
    from terpilih
    where rantai is distinct from 'batubara'
    group by tahun
),

final as (
    select
        tahun.tahun,
        nilai.nilai_usd,
        nilai.nilai_rp,
        nilai.porsi_batubara,
        indeks.indeks_hilirisasi,
        tanpa_batubara.indeks_tanpa_batubara
    from tahun
    left join nilai on tahun.tahun = nilai.tahun
    left join indeks on tahun.tahun = indeks.tahun
    left join tanpa_batubara on tahun.tahun = tanpa_batubara.tahun
)

select * from final order by tahun
