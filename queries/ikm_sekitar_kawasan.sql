-- ikm_sekitar_kawasan: one row per estate x sektor: IKM of registry year $tahun whose coordinates lie within
-- $radius_km kilometres of the estate (great-circle distance). Firms without coordinates cannot be placed.
with jarak as (
    select
        kawasan.id as kawasan_id,
        ikm.sektor,
        ikm.tenaga_kerja_l + ikm.tenaga_kerja_p as tenaga_kerja,
        2 * 6371.0 * asin(sqrt(
            pow(sin(radians(ikm.lat - kawasan.lat) / 2), 2)
            + cos(radians(kawasan.lat)) * cos(radians(ikm.lat)) * pow(sin(radians(ikm.lon - kawasan.lon) / 2), 2)
        )) as km
    from ikm
    cross join kawasan
    where
        ikm.tahun_data = $tahun
        and ikm.lat is not null
        and ikm.lon is not null
),

final as (
    select
        kawasan_id,
        sektor,
        count(*) as jumlah_ikm,
        cast(sum(tenaga_kerja) as bigint) as tenaga_kerja
    from jarak
    where km <= $radius_km
    group by kawasan_id, sektor
)

select * from final order by kawasan_id, jumlah_ikm desc
