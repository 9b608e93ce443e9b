-- ekspor_kawasan: one row per year x chain x stage: exports from kabupaten $kab of the chains $rantai, to set
-- an estate's tenants (who started when) against its kabupaten's exports before and after.
select
    tahun,
    rantai,
    tahap,
    sum(nilai_usd) as nilai_usd
from ekspor_bulanan
where
    kode_bps = $kab
    and list_contains($rantai::varchar [], rantai)
group by tahun, rantai, tahap
order by tahun, rantai, tahap
