-- ikm_titik: one row per IKM of registry year $tahun with coordinates, for the density layer of the map.
select
    lat,
    lon
from ikm
where tahun_data = $tahun and lat is not null and lon is not null
