-- The first real import of kawasan_tenant removes its generated sample rows (they would mix with real data).
delete from kawasan_tenant
where sumber_id in (select id from sumber where jenis = 'contoh')
