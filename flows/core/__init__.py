"""Pure extraction core: no Prefect, no DuckDB, no I/O. Strings in, typed records out."""
