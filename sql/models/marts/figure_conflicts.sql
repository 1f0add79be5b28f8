with

grouped_figures as (
    select * from {{ ref('int_figures_grouped_by_quantity') }}
),

conflicting_figures as (
    select
        group_id as conflict_id,
        {{ figure_group_columns() }}
    from grouped_figures
    where not is_consistent
)

select * from conflicting_figures
