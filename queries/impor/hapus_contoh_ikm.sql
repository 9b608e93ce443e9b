-- The first real import of ikm removes its generated sample rows (they would mix with real data).
delete from ikm
where sumber_id in (select id from sumber where jenis = 'contoh')
