-- salin_parquet: copy one warehouse table ($tabel, a name bound as a value) to one Parquet file ($tujuan), so
-- the pandas baseline of the benchmark reads exactly the data the queries read.
copy (select * from query_table($tabel)) to $tujuan (format parquet)
