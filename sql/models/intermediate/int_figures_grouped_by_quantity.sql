{{ config(materialized="table") }}

-- Comparable figures grouped by the quantity they describe, each with the interval of values it allows.
-- Same quantity = same story (documents.story, from a dump's `story` field; documents without one form one
-- story), same unit (after conversion to its family's base unit, seed unit_scales; counts without a unit are
-- "count") and same measured concept: `measures` lowercased, singularized, then mapped through the reviewed seed
-- measure_synonyms ("talks", "discussion", "dialogue" → meeting), and for counts the same event (seed
-- count_event_terms: "killing 4 people" and "4 people died" are people killed, "31 people injured" are people
-- injured, and the two never conflict; a count with no event word nearby has none). Figures that measure
-- nothing known (measures is null), dates, years and ordinals are not quantities and are left out.
-- Interval: [low, high] or [value, value] in the base unit, widened by figure_approx_tolerance when the figure
-- is approximate ("roughly", "about") and by figure_exact_tolerance otherwise (rounding); bounds such as
-- "under"/"more than" open one side. A group is consistent when all intervals share a point
-- (max of lows <= min of highs); value_band numbers the runs of overlapping intervals, ordered by value, with an
-- open bound counted as its number ("at least four" bands with 4, not with every larger value); a consistent group
-- is one band.
with

figures as (
    select * from {{ ref('stg_figures') }}
),

figures_classified as (
    select * from {{ ref('int_figures_classified') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

-- a document's story, and a hash of its text: verbatim copies (wire stories run by several outlets) share it
document_keys as (
    select doc_id, story, hash(text) as text_hash
    from documents
),

unit_scales as (
    select * from {{ ref('unit_scales') }}
),

measure_synonyms as (
    select * from {{ ref('measure_synonyms') }}
),

count_event_terms as (
    select * from {{ ref('count_event_terms') }}
),

comparable_figures as (
    select
        figures.*,
        figures_classified.unit_family,
        figures_classified.qualifier_op,
        document_keys.story,
        document_keys.text_hash,
        -- lemma-ish singular: casualties → casualty, talks → talk (words ending in ss/us/is are kept)
        case
            when regexp_matches(lower(trim(figures.measures)), '(ss|us|is)$') then lower(trim(figures.measures))
            when regexp_matches(lower(trim(figures.measures)), '[^aeiou]ies$')
                then regexp_replace(lower(trim(figures.measures)), 'ies$', 'y')
            when regexp_matches(lower(trim(figures.measures)), '(ch|sh|x)es$')
                then regexp_replace(lower(trim(figures.measures)), 'es$', '')
            else regexp_replace(lower(trim(figures.measures)), 's$', '')
        end as measure_lemma
    from figures
    inner join figures_classified on figures.figure_id = figures_classified.figure_id
    inner join document_keys on figures.doc_id = document_keys.doc_id
    where figures.kind not in ('date', 'year', 'ordinal')
        and figures.value is not null
        and nullif(trim(figures.measures), '') is not null
),

-- the text on each side of a count (60 characters), lowercased, conjunctions turned into a stop mark
count_windows as (
    select
        comparable_figures.figure_id,
        regexp_replace(lower(substr(documents.text, greatest(comparable_figures.start_char - 60, 0) + 1,
            comparable_figures.start_char - greatest(comparable_figures.start_char - 60, 0))),
            '\b(?:and|or|but|while|whereas|including)\b', '0', 'g') as before_text,
        regexp_replace(lower(substr(documents.text, comparable_figures.end_char + 1, 60)),
            '\b(?:and|or|but|while|whereas|including)\b', '0', 'g') as after_text
    from comparable_figures
    inner join documents on comparable_figures.doc_id = documents.doc_id
    where comparable_figures.kind = 'count'
),

-- up to four words on each side of a count, nearest first, from the same clause: never past a comma, another
-- number or a conjunction ("4 people died and 31 were hurt": "died" is not the 31's event)
count_neighbour_words as (
    select
        figure_id,
        0 as side,
        unnest(list_transform(
            list_reverse(list_filter(string_split_regex(regexp_extract(before_text, '[^.;:!?,\n0-9]*$'), '[^a-z]+'),
                lambda word: word != ''))[1:4],
            lambda word, distance: {'word': word, 'distance': distance}
        ), recursive := true)
    from count_windows
    union all
    select
        figure_id,
        1 as side,
        unnest(list_transform(
            list_filter(string_split_regex(regexp_extract(after_text, '^[^.;:!?,\n0-9]*'), '[^a-z]+'),
                lambda word: word != '')[1:4],
            lambda word, distance: {'word': word, 'distance': distance}
        ), recursive := true)
    from count_windows
),

-- the nearest event word wins; on a tie the word before the count ("killed 4, injured 31")
count_events as (
    select
        count_neighbour_words.figure_id,
        arg_min(count_event_terms.event, count_neighbour_words.distance * 2 + count_neighbour_words.side)
            as measure_event
    from count_neighbour_words
    inner join count_event_terms on count_neighbour_words.word = count_event_terms.term
    group by count_neighbour_words.figure_id
),

figures_in_base_units as (
    select
        comparable_figures.*,
        coalesce(measure_synonyms.concept, comparable_figures.measure_lemma) as measure_concept,
        count_events.measure_event,
        coalesce(unit_scales.base_unit, comparable_figures.unit, 'count') as base_unit,
        coalesce(unit_scales.scale_to_base, 1) * coalesce(comparable_figures.low, comparable_figures.value)
            as base_low,
        coalesce(unit_scales.scale_to_base, 1) * coalesce(comparable_figures.high, comparable_figures.value)
            as base_high,
        comparable_figures.is_approximate or comparable_figures.qualifier_op = '~' as is_hedged
    from comparable_figures
    left join unit_scales on comparable_figures.unit = unit_scales.unit
    left join measure_synonyms on comparable_figures.measure_lemma = measure_synonyms.term
    left join count_events on comparable_figures.figure_id = count_events.figure_id
),

figures_with_intervals as (
    select
        *,
        case
            when qualifier_op in ('>', '>=') then base_low
            when qualifier_op in ('<', '<=') then least(0, base_low)
            when qualifier_op = '<~' or is_hedged then base_low - abs(base_low) * {{ var('figure_approx_tolerance') }}
            else base_low - abs(base_low) * {{ var('figure_exact_tolerance') }}
        end as interval_low,
        case
            when qualifier_op in ('>', '>=') then 'infinity'::double
            when qualifier_op in ('<', '<=', '<~') then base_high
            when is_hedged then base_high + abs(base_high) * {{ var('figure_approx_tolerance') }}
            else base_high + abs(base_high) * {{ var('figure_exact_tolerance') }}
        end as interval_high,
        -- value bands group figures by the values they state: an open bound ("at least four", "under 10") counts
        -- as its number here, or it would join every larger (smaller) value into its band
        case
            when qualifier_op in ('<', '<=') then base_low - abs(base_low) * {{ var('figure_exact_tolerance') }}
        end as open_band_low,
        case
            when qualifier_op in ('>', '>=') then base_high + abs(base_high) * {{ var('figure_exact_tolerance') }}
        end as open_band_high
    from figures_in_base_units
    -- a bare "450 people" is about anything: such counts compare only when they say what happened to whom
    where not (kind = 'count' and measure_event is null
        and list_contains({{ var('figure_concepts_needing_event') }}::varchar[], measure_concept))
),

-- one row per quantity with what the whole group shares: the group id is the md5 of the quantity's key (story, base
-- unit, concept, event), so a conflict keeps its id while outlets add figures or edits move offsets; the counts and
-- whether all intervals share a point (aggregated once per group; as window functions they would be computed once
-- per row)
quantity_groups as (
    select
        story,
        base_unit,
        measure_concept,
        measure_event,
        md5(concat_ws('|', coalesce(story, ''), base_unit, measure_concept, coalesce(measure_event, '')))
            as group_id,
        count(*) as n_figures,
        count(distinct doc_id) as n_documents,
        count(distinct text_hash) as n_independent_documents,
        max(interval_low) <= min(interval_high) as is_consistent
    from figures_with_intervals
    group by story, base_unit, measure_concept, measure_event
),

figures_with_group_stats as (
    select
        figures_with_intervals.*,
        quantity_groups.group_id,
        quantity_groups.n_figures,
        quantity_groups.n_documents,
        quantity_groups.n_independent_documents,
        quantity_groups.is_consistent,
        -- a new band starts where an interval begins after every earlier one has ended
        coalesce(
            coalesce(open_band_low, interval_low) > max(coalesce(open_band_high, interval_high)) over (
                partition by figures_with_intervals.story, figures_with_intervals.base_unit,
                    figures_with_intervals.measure_concept, figures_with_intervals.measure_event
                order by coalesce(open_band_low, interval_low), coalesce(open_band_high, interval_high), figure_id
                rows between unbounded preceding and 1 preceding
            ),
            true
        ) as starts_band
    from figures_with_intervals
    inner join quantity_groups
        on figures_with_intervals.base_unit = quantity_groups.base_unit
        and figures_with_intervals.measure_concept = quantity_groups.measure_concept
        and figures_with_intervals.measure_event is not distinct from quantity_groups.measure_event
        and figures_with_intervals.story is not distinct from quantity_groups.story
),

figures_grouped as (
    select
        figures_with_group_stats.group_id,
        figures_with_group_stats.figure_id,
        figures_with_group_stats.doc_id,
        documents.outlet,
        figures_with_group_stats.surface,
        figures_with_group_stats.kind,
        figures_with_group_stats.value,
        figures_with_group_stats.low,
        figures_with_group_stats.high,
        figures_with_group_stats.unit,
        figures_with_group_stats.unit_family,
        figures_with_group_stats.qualifier,
        figures_with_group_stats.is_approximate,
        figures_with_group_stats.measures,
        figures_with_group_stats.measure_concept,
        figures_with_group_stats.measure_event,
        figures_with_group_stats.story,
        figures_with_group_stats.base_unit,
        figures_with_group_stats.interval_low,
        figures_with_group_stats.interval_high,
        case when figures_with_group_stats.is_consistent then 1 else sum(figures_with_group_stats.starts_band::int) over (
            partition by figures_with_group_stats.group_id
            order by coalesce(figures_with_group_stats.open_band_low, figures_with_group_stats.interval_low),
                coalesce(figures_with_group_stats.open_band_high, figures_with_group_stats.interval_high),
                figures_with_group_stats.figure_id
        ) end as value_band,
        figures_with_group_stats.n_figures,
        figures_with_group_stats.n_documents,
        figures_with_group_stats.n_independent_documents,
        figures_with_group_stats.is_consistent,
        trim(regexp_replace(
            substr(documents.text, greatest(figures_with_group_stats.start_char - 80, 0) + 1,
                figures_with_group_stats.end_char - greatest(figures_with_group_stats.start_char - 80, 0) + 80),
            '\s+', ' ', 'g'
        )) as context,
        figures_with_group_stats.start_char,
        figures_with_group_stats.end_char
    from figures_with_group_stats
    inner join documents on figures_with_group_stats.doc_id = documents.doc_id
)

select * from figures_grouped
