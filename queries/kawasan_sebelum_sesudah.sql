-- kawasan_sebelum_sesudah: one row per estate tenant with a known start year and a commodity chain that HS codes
-- map to: its chain's exports from the estate's kabupaten (origin of goods) in a base year and in the latest
-- year after the start, as hilir value, processed (antara + hilir) value and the chain's Indeks Hilirisasi.
-- Base year = the year before the start; the first export year itself when the start falls on it (flagged in
-- dasar_tahun_mulai); none when the tenant started before the export series. Comparison year = the latest
-- export year, when it lies after the start.
with rentang as (
    select
        min(tahun) as tahun_awal,
        max(tahun) as tahun_akhir
    from ekspor_bulanan
),

tenant as (
    select
        kawasan_tenant.kawasan_id,
        kawasan_tenant.nama_perusahaan,
        kawasan_tenant.rantai,
        kawasan_tenant.status,
        kawasan_tenant.tahun_mulai,
        kawasan.kode_bps
    from kawasan_tenant
    inner join kawasan on kawasan_tenant.kawasan_id = kawasan.id
    where
        kawasan_tenant.tahun_mulai is not null
        and kawasan_tenant.rantai in (select distinct rantai from hs_rantai)
),

tahun_tenant as (
    select
        tenant.*,
        rentang.tahun_awal,
        case
            when tenant.tahun_mulai > rentang.tahun_awal then least(tenant.tahun_mulai - 1, rentang.tahun_akhir)
            when tenant.tahun_mulai = rentang.tahun_awal then rentang.tahun_awal
        end as tahun_dasar,
        tenant.tahun_mulai = rentang.tahun_awal as dasar_tahun_mulai,
        case when rentang.tahun_akhir > tenant.tahun_mulai then rentang.tahun_akhir end as tahun_banding
    from tenant
    cross join rentang
),

ekspor_rantai as (
    select
        kode_bps,
        rantai,
        tahun,
        tahap,
        nilai_usd
    from ekspor_bulanan
    where kode_bps is not null and rantai is not null
),

tahunan as (
    select
        kode_bps,
        rantai,
        tahun,
        coalesce(sum(nilai_usd) filter (where tahap = 'hilir'), 0) as hilir_usd,
        coalesce(sum(nilai_usd) filter (where tahap in ('antara', 'hilir')), 0) as olahan_usd,
        indeks_hilirisasi(tahap, nilai_usd) as indeks
    from ekspor_rantai
    group by kode_bps, rantai, tahun
),

final as (
    select
        tahun_tenant.kawasan_id,
        tahun_tenant.nama_perusahaan,
        tahun_tenant.rantai,
        tahun_tenant.status,
        tahun_tenant.tahun_mulai,
        tahun_tenant.kode_bps,
        tahun_tenant.tahun_awal as tahun_ekspor_awal,
        tahun_tenant.tahun_dasar,
        tahun_tenant.dasar_tahun_mulai,
        tahun_tenant.tahun_banding,
        case when tahun_tenant.tahun_dasar is not null then coalesce(dasar.hilir_usd, 0) end as hilir_dasar_usd,
        case when tahun_tenant.tahun_banding is not null then coalesce(banding.hilir_usd, 0) end as hilir_banding_usd,
        case when tahun_tenant.tahun_dasar is not null then coalesce(dasar.olahan_usd, 0) end as olahan_dasar_usd,
        case
            when tahun_tenant.tahun_banding is not null then coalesce(banding.olahan_usd, 0)
        end as olahan_banding_usd,
        dasar.indeks as indeks_dasar,
        banding.indeks as indeks_banding
    from tahun_tenant
    left join tahunan as dasar
        on
            tahun_tenant.kode_bps = dasar.kode_bps
            and tahun_tenant.rantai = dasar.rantai
            and tahun_tenant.tahun_dasar = dasar.tahun
    left join tahunan as banding
        on
            tahun_tenant.kode_bps = banding.kode_bps
            and tahun_tenant.rantai = banding.rantai
            and tahun_tenant.tahun_banding = banding.tahun
)

select * from final order by kawasan_id, tahun_mulai, nama_perusahaan
