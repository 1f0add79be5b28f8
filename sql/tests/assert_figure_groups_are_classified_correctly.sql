-- Conflicts really conflict (no point lies in every interval) and agreements really agree; each group holds
-- one quantity (one story, unit, concept and event); no figure is both in a conflict and an agreement.
with

groups as (
    select conflict_id as group_id, 'conflict' as group_kind, * exclude (conflict_id)
    from {{ ref('figure_conflicts') }}
    union all by name
    select agreement_id as group_id, 'agreement' as group_kind, * exclude (agreement_id)
    from {{ ref('figure_agreements') }}
),

group_checks as (
    select
        group_id,
        any_value(group_kind) as group_kind,
        max(interval_low) <= min(interval_high) as is_consistent,
        count(distinct base_unit) as n_units,
        count(distinct measure_concept) as n_concepts,
        count(distinct coalesce(measure_event, '')) as n_events,
        count(distinct coalesce(story, '')) as n_stories,
        count(distinct group_kind) as n_kinds
    from groups
    group by group_id
)

select *
from group_checks
where (group_kind = 'conflict' and is_consistent)
    or (group_kind = 'agreement' and not is_consistent)
    or n_units != 1
    or n_concepts != 1
    or n_events != 1
    or n_stories != 1
    or n_kinds != 1
