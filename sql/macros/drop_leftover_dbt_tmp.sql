{% macro drop_leftover_dbt_tmp() %}
  {#- dbt-duckdb's incremental Python models (int_quote_text_pair_scores) leave their `<model>__dbt_tmp<time>` table
      behind on every incremental build; run after every invocation (on-run-end), this drops what is left. -#}
  {% if execute %}
    {% set leftovers = run_query(
        "select table_schema, table_name, table_type from information_schema.tables "
        ~ "where table_catalog = current_database() and contains(table_name, '__dbt_tmp')") %}
    {% for row in leftovers.rows %}
      {% do run_query("drop " ~ ("view" if row[2] == "VIEW" else "table") ~ " if exists \""
                      ~ row[0] ~ "\".\"" ~ row[1] ~ "\"") %}
    {% endfor %}
  {% endif %}
  select 1
{% endmacro %}
