-- The first real import of target removes its generated sample rows (they would mix with real data).
delete from target
where sumber_id in (select id from sumber where jenis = 'contoh')
