-- ekspor_indeks_kabupaten: one row per kabupaten/kota (the chosen ones, or all 13) x export year: the Indeks
-- Hilirisasi with and without coal and the export value, for the heatmap and the ranking. Filters $kab and
-- $rantai. An index is null where the kabupaten had no mapped exports that year. Exports with no origin
-- kabupaten cannot be placed and are not in this view.
with tahun as (
    select distinct tahun from ekspor_bulanan
),

wilayah_terpilih as (
    select
        kode_bps,
        nama
    from wilayah
    where len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps)
),

terpilih as (
    select
        tahun,
        kode_bps,
        rantai,
        tahap,
        nilai_usd
    from ekspor_bulanan
    where
        kode_bps is not null
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
        and (len($rantai::varchar []) = 0 or list_contains($rantai::varchar [], rantai))
),

semua as (
    select
        tahun,
        kode_bps,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi,
        sum(nilai_usd) as nilai_usd
    from terpilih
    group by tahun, kode_bps
),

tanpa_batubara as (
    select
        tahun,
        kode_bps,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_tanpa_batubara
    from terpilih
    where rantai is distinct from 'batubara'
    group by tahun, kode_bps
),

final as (
    select
        wilayah_terpilih.kode_bps,
        wilayah_terpilih.nama,
        tahun.tahun,
        semua.indeks_hilirisasi,
        tanpa_batubara.indeks_tanpa_batubara,
        coalesce(semua.nilai_usd, 0) as nilai_usd
    from wilayah_terpilih
    cross join tahun
    left join semua on wilayah_terpilih.kode_bps = semua.kode_bps and tahun.tahun = semua.tahun
    left join tanpa_batubara
        on wilayah_terpilih.kode_bps = tanpa_batubara.kode_bps and tahun.tahun = tanpa_batubara.tahun
)

select * from final order by kode_bps, tahun
