-- ekspor_harga_volume: one row per rantai x tahap: export value in $tahun - 1 and in $tahun, and the change
-- split into a price effect and a volume effect by the additive log-mean Divisia index (LMDI-I).
-- Computed per full HS code (unit value = nilai_usd / berat_kg of the code in the year) and summed, so
-- efek_harga_usd + efek_volume_usd = nilai_akhir_usd - nilai_awal_usd with no residual. A code exported in
-- only one of the two years, or without a weight in either, counts wholly as volume. $kab: origin kabupaten
-- (empty = province, including exports without an origin). Codes with no chain are 'tidak terpetakan'.
with per_kode as (
    select
        kode_hs,
        coalesce(rantai, 'tidak terpetakan') as rantai,
        coalesce(tahap, 'tidak terpetakan') as tahap,
        coalesce(sum(nilai_usd) filter (where tahun = $tahun - 1), 0) as v0,
        coalesce(sum(nilai_usd) filter (where tahun = $tahun), 0) as v1,
        coalesce(sum(berat_kg) filter (where tahun = $tahun - 1), 0) as q0,
        coalesce(sum(berat_kg) filter (where tahun = $tahun), 0) as q1
    from ekspor_kode_tahunan
    where
        tahun in ($tahun - 1, $tahun)
        and (len($kab::varchar []) = 0 or list_contains($kab::varchar [], kode_bps))
    group by all
),

bobot as (
    -- the logarithmic mean L(v1, v0) = (v1 - v0) / ln(v1 / v0), and v0 when the two are equal
    select
        *,
        case
            when v0 > 0 and v1 > 0 and q0 > 0 and q1 > 0
                then case when v1 = v0 then v0 else (v1 - v0) / ln(v1 / v0) end
        end as l
    from per_kode
),

efek as (
    select
        rantai,
        tahap,
        v0,
        v1,
        coalesce(l * ln((v1 / q1) / (v0 / q0)), 0) as efek_harga,
        coalesce(l * ln(q1 / q0), v1 - v0) as efek_volume
    from bobot
),

final as (
    select
        rantai,
        tahap,
        sum(v0) as nilai_awal_usd,
        sum(v1) as nilai_akhir_usd,
        sum(efek_harga) as efek_harga_usd,
        sum(efek_volume) as efek_volume_usd
    from efek
    group by rantai, tahap
)

select * from final order by nilai_akhir_usd desc, rantai, tahap
