-- ikm_terpilih(...): the IKM registry rows (all registry years) that pass the IKM page's filters, defined once
-- so every IKM query, chart and download filters identically. Lists are empty for "all"; halal, ekspor and the
-- founding-year bounds are null for "all". The name search is a plain substring match, case-insensitive:
-- the user's text is bound as a value and its % and _ are escaped, never read as wildcards.
-- Usage: from ikm_terpilih($kab, $sektor, $kbli, $rantai, $tahap, $skala, $halal, $ekspor, $berdiri_dari,
--        $berdiri_sampai, $cari) where tahun_data = $tahun
create or replace macro ikm_terpilih(
    pilih_kab, pilih_sektor, pilih_kbli, pilih_rantai, pilih_tahap, pilih_skala,
    pilih_halal, pilih_ekspor, berdiri_dari, berdiri_sampai, cari
) as table
select
    ikm.*,
    left(ikm.kbli, 2) as kbli2
from ikm
where
    (len(pilih_kab::varchar []) = 0 or list_contains(pilih_kab::varchar [], ikm.kode_bps))
    and (len(pilih_sektor::varchar []) = 0 or list_contains(pilih_sektor::varchar [], ikm.sektor))
    and (len(pilih_kbli::varchar []) = 0 or list_contains(pilih_kbli::varchar [], left(ikm.kbli, 2)))
    and (len(pilih_rantai::varchar []) = 0 or list_contains(pilih_rantai::varchar [], ikm.rantai))
    and (len(pilih_tahap::varchar []) = 0 or list_contains(pilih_tahap::varchar [], ikm.tahap))
    and (len(pilih_skala::varchar []) = 0 or list_contains(pilih_skala::varchar [], ikm.skala))
    and (pilih_halal::boolean is null or ikm.halal = pilih_halal::boolean)
    and (pilih_ekspor::boolean is null or ikm.berorientasi_ekspor = pilih_ekspor::boolean)
    and (berdiri_dari::integer is null or ikm.tahun_berdiri >= berdiri_dari::integer)
    and (berdiri_sampai::integer is null or ikm.tahun_berdiri <= berdiri_sampai::integer)
    and (
        coalesce(cari::varchar, '') = ''
        or ikm.nama_usaha ilike '%' || replace(replace(replace(cari::varchar, '\', '\\'), '%', '\%'), '_', '\_') || '%'
        escape '\'
    );

-- ikm_kelompok(...): the same filters as ikm_terpilih, as rows ready to sum: jumlah_ikm and the value columns.
-- Without a founding-year bound or a name search (the usual view), every filter is a column of the
-- pre-aggregate, so the rows come from ikm_ringkas (about 6,100 rows) instead of the registry (411,000 at
-- scale 1, 25 million at scale 60); otherwise one row per firm with jumlah_ikm = 1. The two branches exclude
-- each other and DuckDB drops the one whose condition is false before reading its table. The columns are
-- those of ikm_ringkas; the registry branch is matched to them by name.
-- Usage: select sum(jumlah_ikm), sum(investasi_rp) ... from ikm_kelompok(<as ikm_terpilih>) where ...
create or replace macro ikm_kelompok(
    pilih_kab, pilih_sektor, pilih_kbli, pilih_rantai, pilih_tahap, pilih_skala,
    pilih_halal, pilih_ekspor, berdiri_dari, berdiri_sampai, cari
) as table
select *
from ikm_ringkas
where
    berdiri_dari::integer is null
    and berdiri_sampai::integer is null
    and coalesce(cari::varchar, '') = ''
    and (len(pilih_kab::varchar []) = 0 or list_contains(pilih_kab::varchar [], ikm_ringkas.kode_bps))
    and (len(pilih_sektor::varchar []) = 0 or list_contains(pilih_sektor::varchar [], ikm_ringkas.sektor))
    and (len(pilih_kbli::varchar []) = 0 or list_contains(pilih_kbli::varchar [], ikm_ringkas.kbli2))
    and (len(pilih_rantai::varchar []) = 0 or list_contains(pilih_rantai::varchar [], ikm_ringkas.rantai))
    and (len(pilih_tahap::varchar []) = 0 or list_contains(pilih_tahap::varchar [], ikm_ringkas.tahap))
    and (len(pilih_skala::varchar []) = 0 or list_contains(pilih_skala::varchar [], ikm_ringkas.skala))
    and (pilih_halal::boolean is null or ikm_ringkas.halal = pilih_halal::boolean)
    and (pilih_ekspor::boolean is null or ikm_ringkas.berorientasi_ekspor = pilih_ekspor::boolean)
union all by name
select
    * exclude (id, nama_usaha, kecamatan, kbli, komoditas, tahun_berdiri, tanggal_halal, lat, lon, sumber_id),
    1::bigint as jumlah_ikm,
    nilai_produksi_rp - nilai_bahan_baku_rp as nilai_tambah_rp
from ikm_terpilih(
    pilih_kab, pilih_sektor, pilih_kbli, pilih_rantai, pilih_tahap, pilih_skala,
    pilih_halal, pilih_ekspor, berdiri_dari, berdiri_sampai, cari
)
where not (
    berdiri_dari::integer is null
    and berdiri_sampai::integer is null
    and coalesce(cari::varchar, '') = ''
);

-- ikm_jumlah(kelompok, ...): the filtered registry (as ikm_kelompok) summed per the columns named in kelompok, one
-- row per group: jumlah_ikm and the value sums, every one a bigint, nilai_tambah_rp summed per firm. kelompok
-- lists column names of ikm_ringkas and always holds tahun_data, so a caller's year filter on the result
-- (where tahun_data = $tahun) is pushed down through the grouping into the pre-aggregate.
-- Usage: select * from ikm_jumlah(['tahun_data', 'kode_bps'], <as ikm_terpilih>) where tahun_data = $tahun
create or replace macro ikm_jumlah(
    kelompok,
    pilih_kab, pilih_sektor, pilih_kbli, pilih_rantai, pilih_tahap, pilih_skala,
    pilih_halal, pilih_ekspor, berdiri_dari, berdiri_sampai, cari
) as table
with terpilih as (
    select *
    from ikm_kelompok(
        pilih_kab, pilih_sektor, pilih_kbli, pilih_rantai, pilih_tahap, pilih_skala,
        pilih_halal, pilih_ekspor, berdiri_dari, berdiri_sampai, cari
    )
),

final as (
    select
        columns(lambda c: list_contains(kelompok::varchar [], c)),
        cast(sum(jumlah_ikm) as bigint) as jumlah_ikm,
        cast(sum(tenaga_kerja_l) as bigint) as tenaga_kerja_l,
        cast(sum(tenaga_kerja_p) as bigint) as tenaga_kerja_p,
        cast(sum(investasi_rp) as bigint) as investasi_rp,
        cast(sum(nilai_produksi_rp) as bigint) as nilai_produksi_rp,
        cast(sum(nilai_bahan_baku_rp) as bigint) as nilai_bahan_baku_rp,
        cast(sum(nilai_tambah_rp) as bigint) as nilai_tambah_rp
    from terpilih
    group by all
)

select * from final;
