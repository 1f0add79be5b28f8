with

grouped_figures as (
    select * from {{ ref('int_figures_grouped_by_quantity') }}
),

agreeing_figures as (
    select
        group_id as agreement_id,
        figure_id,
        doc_id,
        outlet,
        surface,
        kind,
        value,
        low,
        high,
        unit,
        unit_family,
        qualifier,
        is_approximate,
        measures,
        measure_concept,
        base_unit,
        interval_low,
        interval_high,
        value_band,
        max(value_band) over (partition by group_id) as n_value_bands,
        n_figures,
        n_documents,
        context,
        start_char,
        end_char
    from grouped_figures
    -- repeating a figure inside one document is not corroboration: agreements span documents
    where is_consistent and n_documents >= 2
)

select * from agreeing_figures
