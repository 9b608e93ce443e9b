-- Replace, never add twice: the office's list of an estate's tenants replaces every earlier row of that estate
-- (sample, imported, and the public-report rows of data/reference, which the office list supersedes).
delete from kawasan_tenant
where kawasan_id in (select distinct kawasan_id from read_parquet($berkas))
