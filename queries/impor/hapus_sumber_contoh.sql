-- The first real import of a table retires its generated sample: its 'contoh' provenance row goes.
delete from sumber
where jenis = 'contoh' and list_contains(tabel, $tabel)
