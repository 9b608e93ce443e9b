-- ikm_lq: one row per kabupaten/kota x sektor in registry year $tahun: IKM employment and its location quotient
-- LQ = (share of the sektor in the kabupaten's IKM employment) / (share of the sektor in the province's).
-- LQ above 1: the kabupaten is specialised in that sektor. Every kabupaten x sektor pair appears (tenaga_kerja
-- 0, lq 0 where it has none), so the employment-weighted mean of lq per sektor over kabupaten is exactly 1.
with sel as (
    select
        kode_bps,
        sektor,
        sum(tenaga_kerja_l + tenaga_kerja_p) as tenaga_kerja
    from ikm_ringkas
    where tahun_data = $tahun
    group by kode_bps, sektor
),

kisi as (
    select
        wilayah.kode_bps,
        wilayah.nama,
        s.sektor,
        coalesce(sel.tenaga_kerja, 0) as tenaga_kerja
    from wilayah
    cross join (select distinct sektor from sel) as s
    left join sel on wilayah.kode_bps = sel.kode_bps and s.sektor = sel.sektor
),

porsi as (
    select
        *,
        sum(tenaga_kerja) over (partition by kode_bps) as tk_kabupaten,
        sum(tenaga_kerja) over (partition by sektor) as tk_sektor,
        sum(tenaga_kerja) over () as tk_provinsi
    from kisi
),

final as (
    select
        kode_bps,
        nama,
        sektor,
        cast(tenaga_kerja as bigint) as tenaga_kerja,
        cast(tk_kabupaten as bigint) as tenaga_kerja_kabupaten,
        (tenaga_kerja / nullif(tk_kabupaten, 0)) / nullif(tk_sektor / tk_provinsi, 0) as lq
    from porsi
)

select * from final order by kode_bps, sektor
