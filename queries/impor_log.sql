-- impor_log: one row per change of the warehouse (build, import, boundary file, restore), newest first.
with final as (
    select
        waktu,
        oleh,
        berkas,
        sha256,
        jenis,
        baris_dibaca,
        baris_diterima,
        baris_ditolak,
        status,
        pesan,
        versi
    from impor_log
)

select * from final order by waktu desc
