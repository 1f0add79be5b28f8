with

figures as (
    select * from {{ ref('stg_figures') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
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
        figures.run_id
    from figures
    inner join documents on figures.doc_id = documents.doc_id
)

select * from figures_with_outlet
