-- ikm_ringkas: pre-aggregated registry, one row per registry year x kabupaten x sektor x chain x stage x
-- skala x halal x export orientation. KPI cards and trends read this; firm lists read ikm.
create table ikm_ringkas as
with final as (
    select
        tahun_data,
        kode_bps,
        sektor,
        rantai,
        tahap,
        skala,
        halal,
        berorientasi_ekspor,
        count(*) as jumlah_ikm,
        sum(tenaga_kerja_l) as tenaga_kerja_l,
        sum(tenaga_kerja_p) as tenaga_kerja_p,
        sum(investasi_rp) as investasi_rp,
        sum(nilai_produksi_rp) as nilai_produksi_rp,
        sum(nilai_bahan_baku_rp) as nilai_bahan_baku_rp
    from ikm
    group by all
)

select * from final order by tahun_data, kode_bps
