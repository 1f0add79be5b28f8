{{ config(materialized="table") }}

-- Quotes that report the same statement as a quote in another document, grouped into clusters. The clusters
-- are found on wordings (int_quote_wordings) and then expanded to their quotes:
-- * the members are the wordings of the matched pairs plus every wording printed in >= 2 documents (identical
--   copies are the same statement, no score needed);
-- * a cluster is a connected component of the matched pairs (label propagation: every wording takes the
--   smallest wording_id it can reach), or a copied wording that matched nothing else on its own;
-- * every quote of a member wording is in the cluster. A matched pair has quotes in two documents and a
--   copied wording is in two, so every cluster spans >= 2 documents.
-- cluster_id is the md5 of the sorted member quote_ids, so it only changes when the membership does.
-- similarity is a quote's best similarity to another member in another document: 100 when its wording is
-- printed in another document too, else its wording's best matched pair. n_matches counts the wordings its
-- wording was matched with directly, plus one for its identical copies in other documents.
with recursive

matched_pairs as (
    select * from {{ ref('int_quote_pairs_matched') }}
),

wordings as (
    select * from {{ ref('int_quote_wordings') }}
),

quotes as (
    select * from {{ ref('int_quotes_normalized_for_matching') }}
),

edges as materialized (
    select wording_id_a as wording_id, wording_id_b as other_wording_id from matched_pairs
    union
    select wording_id_b, wording_id_a from matched_pairs
),

-- one step of the propagation by aggregation: each wording's smallest neighbour (or itself). A wording and its
-- first label are connected, and the smallest wording of a component is its own first label, so the components
-- of the edges between first labels, mapped back, are those of the edges themselves; wire copy makes clusters
-- dense, so this graph is far smaller than the edges and the recursion below has much less to do.
first_labels as materialized (
    select wording_id, least(wording_id, min(other_wording_id)) as first_label
    from edges
    group by wording_id
),

-- materialized: the recursion reads it on every step
label_edges as materialized (
    select distinct
        this_label.first_label as wording_id,
        other_label.first_label as other_wording_id
    from edges
    inner join first_labels as this_label on edges.wording_id = this_label.wording_id
    inner join first_labels as other_label on edges.other_wording_id = other_label.wording_id
    where this_label.first_label != other_label.first_label
),

label_components (wording_id, component) using key (wording_id) as (
    select distinct wording_id, wording_id from label_edges
    union
    select
        label_edges.other_wording_id,
        min(label_components.component)
    from label_components
    inner join label_edges on label_components.wording_id = label_edges.wording_id
    inner join recurring.label_components as current_label on label_edges.other_wording_id = current_label.wording_id
    group by label_edges.other_wording_id, current_label.component
    having min(label_components.component) < current_label.component
),

-- every wording of the edges with its component: the smallest wording it can reach
components as (
    select
        first_labels.wording_id,
        coalesce(label_components.component, first_labels.first_label) as component
    from first_labels
    left join label_components on first_labels.first_label = label_components.wording_id
),

copied_wordings as (
    select wording_id, wording_id as component
    from wordings
    where n_documents >= 2 and wording_id not in (select wording_id from edges)
),

wording_components as (
    select wording_id, component from components
    union all
    select wording_id, component from copied_wordings
),

wording_matches as (
    select
        wording_id,
        max(similarity) as similarity,
        count(*) as n_matched_wordings
    from (
        select wording_id_a as wording_id, similarity from matched_pairs
        union all
        select wording_id_b, similarity from matched_pairs
    )
    group by wording_id
),

clustered_wordings as (
    select
        wording_components.wording_id,
        wording_components.component,
        case when wordings.n_documents >= 2 then cast(100 as double) else wording_matches.similarity end as similarity,
        coalesce(wording_matches.n_matched_wordings, 0) + (wordings.n_documents >= 2)::integer as n_matches
    from wording_components
    inner join wordings on wording_components.wording_id = wordings.wording_id
    left join wording_matches on wording_components.wording_id = wording_matches.wording_id
),

clustered_wording_quotes as (
    select
        clustered_wordings.component,
        quotes.quote_id,
        clustered_wordings.similarity,
        clustered_wordings.n_matches
    from clustered_wordings
    inner join quotes on clustered_wordings.wording_id = quotes.wording_id
),

cluster_ids as (
    select
        component,
        md5(string_agg(quote_id, ',' order by quote_id)) as cluster_id
    from clustered_wording_quotes
    group by component
),

clustered_quotes as (
    select
        cluster_ids.cluster_id,
        clustered_wording_quotes.quote_id,
        clustered_wording_quotes.similarity,
        clustered_wording_quotes.n_matches
    from clustered_wording_quotes
    inner join cluster_ids on clustered_wording_quotes.component = cluster_ids.component
)

select * from clustered_quotes
