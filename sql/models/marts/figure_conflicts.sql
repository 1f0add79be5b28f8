with

grouped_figures as (
    select * from {{ ref('int_figures_grouped_by_quantity') }}
),

conflicting_figures as (
    select
        group_id as conflict_id,
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
    where not is_consistent
)

select * from conflicting_figures
