-- Copies the current log (a Parquet file) into a restored version, so restoring data never erases the audit.
insert into impor_log by name
select * from read_parquet($berkas)
