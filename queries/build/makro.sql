-- The Indeks Hilirisasi, defined once for every page and export.
-- Export value at tahap antara + hilir divided by all export value mapped to a chain, in percent.
-- Usage in any grouping: indeks_hilirisasi(tahap, nilai_usd); rows with no chain (tahap null) are ignored.
create or replace macro indeks_hilirisasi(tahap, nilai) as
    100.0 * coalesce(sum(nilai) filter (where tahap in ('antara', 'hilir')), 0)
    / nullif(sum(nilai) filter (where tahap is not null), 0);
