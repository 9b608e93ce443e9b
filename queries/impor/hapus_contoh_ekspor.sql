-- The first real import of ekspor removes its generated sample rows (they would mix with real data).
delete from ekspor
where sumber_id in (select id from sumber where jenis = 'contoh')
