{#- Incremental: figures of documents loaded since the last build are rebuilt. The pre-hook first removes the
    old figures of those documents, so a re-loaded document that lost a figure loses its row too. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where doc_id in (select doc_id from {{ ref('stg_documents') }} where loaded_at > (select coalesce(max(loaded_at), '1970-01-01'::timestamptz) from {{ this }})){% endif %}",
) }}

with

figures as (
    select * from {{ ref('stg_figures') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
    {% if is_incremental() %}
    where loaded_at > (select coalesce(max(loaded_at), '1970-01-01'::timestamptz) from {{ this }})
    {% endif %}
),

figures_with_outlet as (
    select
        figures.figure_id,
        figures.doc_id,
        figures.start_char,
        figures.end_char,
        figures.surface,
        figures.kind,
        figures.value,
        figures.low,
        figures.high,
        figures.unit,
        figures.qualifier,
        figures.is_approximate,
        figures.is_range,
        figures.date_value,
        figures.measures,
        figures.extraction_method,
        documents.outlet,
        figures.run_id,
        documents.loaded_at
    from figures
    inner join documents on figures.doc_id = documents.doc_id
)

select * from figures_with_outlet
