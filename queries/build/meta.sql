-- meta: one row describing the build: the schema version (a checksum of the build SQL) and when it ran, so
-- the app can tell a warehouse built by an older version of the code.
create table meta as
select
    $versi as versi_skema,
    current_timestamp as dibangun_pada
