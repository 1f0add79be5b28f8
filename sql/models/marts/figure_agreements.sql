with

grouped_figures as (
    select * from {{ ref('int_figures_grouped_by_quantity') }}
),

agreeing_figures as (
    select
        group_id as agreement_id,
        {{ figure_group_columns() }}
    from grouped_figures
    -- repeating a figure inside one document is not corroboration, nor is a verbatim copy of a document (a wire
    -- story run by several outlets): agreements span documents of different texts
    where is_consistent and n_independent_documents >= 2
)

select * from agreeing_figures
