{{ config(materialized="table") }}

-- Quotes that report the same statement as a quote in another document, grouped into clusters: the connected
-- components of the matched pairs (label propagation: every quote takes the smallest quote_id it can reach).
-- cluster_id is the md5 of the sorted member quote_ids, so it only changes when the membership does.
with recursive

matched_pairs as (
    select * from {{ ref('int_quote_pairs_matched') }}
),

edges as (
    select quote_id_a as quote_id, quote_id_b as other_quote_id from matched_pairs
    union
    select quote_id_b, quote_id_a from matched_pairs
),

components (quote_id, component) using key (quote_id) as (
    select distinct quote_id, quote_id from edges
    union
    select
        edges.other_quote_id,
        min(components.component)
    from components
    inner join edges on components.quote_id = edges.quote_id
    inner join recurring.components as current_label on edges.other_quote_id = current_label.quote_id
    group by edges.other_quote_id, current_label.component
    having min(components.component) < current_label.component
),

quote_similarities as (
    select
        quote_id,
        max(similarity) as similarity,
        count(*) as n_matches,
        bool_or(has_inferred_speaker) as has_inferred_speaker
    from (
        select quote_id_a as quote_id, similarity, has_inferred_speaker from matched_pairs
        union all
        select quote_id_b, similarity, has_inferred_speaker from matched_pairs
    )
    group by quote_id
),

clustered_quotes as (
    select
        md5(string_agg(components.quote_id, ',' order by components.quote_id)
            over (partition by components.component)) as cluster_id,
        components.quote_id,
        quote_similarities.similarity,
        quote_similarities.n_matches
    from components
    inner join quote_similarities on components.quote_id = quote_similarities.quote_id
)

select * from clustered_quotes
