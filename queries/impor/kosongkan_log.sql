-- Empties the log of a restored warehouse version before the current log is copied into it.
delete from impor_log
