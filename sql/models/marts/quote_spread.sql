with

quote_clusters as (
    select * from {{ ref('quote_clusters') }}
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
        cluster_spread.has_inferred_speaker
    from cluster_spread
    inner join variants_per_cluster on cluster_spread.cluster_id = variants_per_cluster.cluster_id
)

select * from cluster_spread_with_variants
