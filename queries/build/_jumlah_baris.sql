-- Row count of every base table in the warehouse (exact after a build: tables are written once).
select table_name, estimated_size
from duckdb_tables()
where schema_name = 'main'
order by table_name
