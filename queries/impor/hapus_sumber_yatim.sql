-- Provenance rows of earlier imports whose rows were all replaced since.
with dipakai as (
    select sumber_id from ikm
    union
    select sumber_id from ekspor
    union
    select sumber_id from kawasan_tenant
    union
    select sumber_id from target
)

delete from sumber
where jenis = 'impor' and id not in (select sumber_id from dipakai where sumber_id is not null)
