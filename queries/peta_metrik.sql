-- peta_metrik: one row per kabupaten/kota x year: every metric the map can colour by. Registry metrics come
-- from ikm_ringkas, exports and the Indeks Hilirisasi (overall, without coal, and per chain) from
-- ekspor_bulanan.
with tahun as (
    select distinct tahun_data as tahun from ikm_ringkas
    union
    select distinct tahun from ekspor_bulanan
),

kerangka as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        tahun.tahun
    from wilayah
    cross join tahun
),

ikm as (
    select
        tahun_data as tahun,
        kode_bps,
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l + tenaga_kerja_p) as bigint) as tenaga_kerja,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        100.0 * sum(jumlah_ikm) filter (where halal) / sum(jumlah_ikm) as persen_halal
    from ikm_ringkas
    group by tahun_data, kode_bps
),

ekspor as (
    select
        tahun,
        kode_bps,
        sum(nilai_usd) as nilai_ekspor_usd,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_hilirisasi
    from ekspor_bulanan
    where kode_bps is not null
    group by tahun, kode_bps
),

tanpa_batubara as (
    select
        tahun,
        kode_bps,
        indeks_hilirisasi(tahap, nilai_usd) as indeks_tanpa_batubara
    from ekspor_bulanan
    where kode_bps is not null and rantai is distinct from 'batubara'
    group by tahun, kode_bps
),

per_rantai as (
    select
        tahun,
        kode_bps,
        rantai,
        indeks_hilirisasi(tahap, nilai_usd) as indeks
    from ekspor_bulanan
    where kode_bps is not null and rantai is not null
    group by tahun, kode_bps, rantai
),

rantai as (
    select
        tahun,
        kode_bps,
        max(indeks) filter (where rantai = 'sawit') as indeks_sawit,
        max(indeks) filter (where rantai = 'karet') as indeks_karet,
        max(indeks) filter (where rantai = 'kayu') as indeks_kayu,
        max(indeks) filter (where rantai = 'rotan') as indeks_rotan,
        max(indeks) filter (where rantai = 'perikanan') as indeks_perikanan
    from per_rantai
    group by tahun, kode_bps
),

final as (
    select
        kerangka.kode_bps,
        kerangka.nama,
        kerangka.tahun,
        ikm.jumlah_ikm,
        ikm.tenaga_kerja,
        ikm.investasi_rp,
        ikm.persen_halal,
        ekspor.nilai_ekspor_usd,
        ekspor.indeks_hilirisasi,
        tanpa_batubara.indeks_tanpa_batubara,
        rantai.indeks_sawit,
        rantai.indeks_karet,
        rantai.indeks_kayu,
        rantai.indeks_rotan,
        rantai.indeks_perikanan
    from kerangka
    left join ikm on kerangka.kode_bps = ikm.kode_bps and kerangka.tahun = ikm.tahun
    left join ekspor on kerangka.kode_bps = ekspor.kode_bps and kerangka.tahun = ekspor.tahun
    left join tanpa_batubara on kerangka.kode_bps = tanpa_batubara.kode_bps and kerangka.tahun = tanpa_batubara.tahun
    left join rantai on kerangka.kode_bps = rantai.kode_bps and kerangka.tahun = rantai.tahun
)

select * from final order by tahun, kode_bps
