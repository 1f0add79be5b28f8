with

quote_clusters as (
    select * from {{ ref('quote_clusters') }}
),

figures as (
    select * from {{ ref('stg_figures') }}
),

-- the figures each member quotes: their values (with unit) as one sorted list, and their surfaces as written
member_numbers as (
    select
        quote_clusters.cluster_id,
        quote_clusters.quote_id,
        list_sort(list(distinct concat_ws(' ',
            coalesce(figures.value::varchar, figures.low::varchar || '-' || figures.high::varchar, figures.date_value),
            figures.unit))) as numbers,
        string_agg(figures.surface, ', ' order by figures.start_char) as surfaces
    from quote_clusters
    inner join figures
        on quote_clusters.doc_id = figures.doc_id
        and figures.start_char >= quote_clusters.start_char
        and figures.end_char <= quote_clusters.end_char
    group by quote_clusters.cluster_id, quote_clusters.quote_id
),

number_variants as (
    select cluster_id, numbers, min(surfaces) as surfaces
    from member_numbers
    group by cluster_id, numbers
),

-- a cluster changes a number when two wordings quote numbers and neither's numbers contain the other's ("within two
-- years" vs "within three years"); a fragment that quotes fewer of the same numbers changes nothing
number_changes as (
    select
        a.cluster_id,
        list(distinct a.surfaces order by a.surfaces) as changed_numbers
    from number_variants as a
    inner join number_variants as b
        on a.cluster_id = b.cluster_id
        and not list_has_all(a.numbers, b.numbers)
        and not list_has_all(b.numbers, a.numbers)
    group by a.cluster_id
),

cluster_variants as (
    -- the wordings as reported, without the punctuation the reporting sentence added at the edges
    select distinct
        cluster_id,
        trim(text, ' ,.;:…') as variant
    from quote_clusters
),

variants_per_cluster as (
    select
        cluster_id,
        list(variant order by length(variant) desc, variant) as variants,
        count(*) as n_variants
    from cluster_variants
    group by cluster_id
),

cluster_spread as (
    select
        cluster_id,
        max(speaker) as speaker,
        count(*) as n_quotes,
        count(distinct doc_id) as n_documents,
        count(distinct outlet) as n_outlets,
        list(distinct outlet order by outlet) as outlets,
        list(distinct doc_id order by doc_id) as doc_ids,
        max(text) filter (where is_canonical) as canonical_text,
        max(quote_id) filter (where is_canonical) as canonical_quote_id,
        min(similarity) as min_similarity,
        bool_or(is_speaker_inferred) as has_inferred_speaker
    from quote_clusters
    group by cluster_id
),

cluster_spread_with_variants as (
    select
        cluster_spread.cluster_id,
        cluster_spread.speaker,
        cluster_spread.n_quotes,
        cluster_spread.n_documents,
        cluster_spread.n_outlets,
        cluster_spread.outlets,
        cluster_spread.doc_ids,
        cluster_spread.canonical_text,
        cluster_spread.canonical_quote_id,
        variants_per_cluster.variants,
        variants_per_cluster.n_variants,
        cluster_spread.min_similarity,
        cluster_spread.has_inferred_speaker,
        number_changes.cluster_id is not null as has_number_change,
        number_changes.changed_numbers
    from cluster_spread
    inner join variants_per_cluster on cluster_spread.cluster_id = variants_per_cluster.cluster_id
    left join number_changes on cluster_spread.cluster_id = number_changes.cluster_id
)

select * from cluster_spread_with_variants
