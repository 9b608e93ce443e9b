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
