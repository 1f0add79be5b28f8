{#- Incremental: only documents loaded since the last build are (re)built; a re-loaded document replaces
    its row (delete+insert on doc_id). `--full-refresh` rebuilds the table. -#}
{{ config(materialized='incremental', unique_key='doc_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns') }}

with

documents as (
    select * from {{ ref('stg_documents') }}
    {% if is_incremental() %}
    where loaded_at > (select coalesce(max(loaded_at), '1970-01-01'::timestamptz) from {{ this }})
    {% endif %}
),

quotes as (
    select * from {{ ref('stg_quotes') }}
),

figures as (
    select * from {{ ref('stg_figures') }}
),

quote_counts as (
    select doc_id, count(*) as n_quotes
    from quotes
    group by doc_id
),

figure_counts as (
    select doc_id, count(*) as n_figures
    from figures
    group by doc_id
),

documents_with_counts as (
    select
        documents.doc_id,
        documents.title,
        documents.text,
        documents.byline,
        documents.dateline,
        documents.outlet,
        documents.has_known_outlet,
        documents.url,
        documents.published_at,
        documents.story,
        documents.source,
        documents.source_format,
        documents.content_hash,
        documents.removed_lines,
        documents.n_removed_lines,
        documents.joined_wrapped_lines,
        documents.n_chars,
        documents.n_words,
        coalesce(quote_counts.n_quotes, 0) as n_quotes,
        coalesce(figure_counts.n_figures, 0) as n_figures,
        documents.run_id,
        documents.loaded_at
    from documents
    left join quote_counts on documents.doc_id = quote_counts.doc_id
    left join figure_counts on documents.doc_id = figure_counts.doc_id
)

select * from documents_with_counts
