-- ikm_ringkas: pre-aggregated registry, one row per registry year x kabupaten x sektor x KBLI division x
-- chain x stage x skala x halal x export orientation (about 6,100 rows for 411,000 firms-years at scale 1).
-- KPI cards, trends and the IKM page's charts read this (macro ikm_kelompok); firm lists read ikm.
-- nilai_tambah_rp is summed per firm, like the registry queries do, so a firm missing one of the two values
-- counts the same here as there.
create table ikm_ringkas as
with final as (
    select
        tahun_data,
        kode_bps,
        sektor,
        left(kbli, 2) as kbli2,
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
        sum(nilai_bahan_baku_rp) as nilai_bahan_baku_rp,
        sum(nilai_produksi_rp - nilai_bahan_baku_rp) as nilai_tambah_rp
    from ikm
    group by all
)

select * from final order by tahun_data, kode_bps
