-- ikm_pilihan: one row per value a categorical IKM filter can take (jenis = sektor, kbli, rantai, tahap,
-- skala), from every registry year, with the Indonesian label of KBLI divisions. All five come from the
-- pre-aggregate ikm_ringkas, not from the registry (25 million rows at scale 60).
with nilai as (
    select distinct 'sektor' as jenis, sektor as nilai from ikm_ringkas
    union all
    select distinct 'kbli' as jenis, kbli2 as nilai from ikm_ringkas
    union all
    select distinct 'rantai' as jenis, rantai as nilai from ikm_ringkas
    union all
    select distinct 'tahap' as jenis, tahap as nilai from ikm_ringkas
    union all
    select distinct 'skala' as jenis, skala as nilai from ikm_ringkas
),

final as (
    select
        nilai.jenis,
        nilai.nilai,
        case when nilai.jenis = 'kbli' then coalesce(kbli2.label, 'KBLI ' || nilai.nilai) end as label
    from nilai
    left join kbli2 on nilai.jenis = 'kbli' and nilai.nilai = kbli2.kode
    where nilai.nilai is not null
)

select * from final order by jenis, nilai
