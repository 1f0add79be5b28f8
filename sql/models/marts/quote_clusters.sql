with

clustered_quotes as (
    select * from {{ ref('int_quotes_clustered') }}
),

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

cluster_members as (
    select
        clustered_quotes.cluster_id,
        clustered_quotes.quote_id,
        quotes.doc_id,
        documents.outlet,
        quotes.text,
        quotes.kind,
        quotes.speaker as quote_speaker,
        quotes.speaker_in_document,
        quotes.start_char,
        quotes.end_char,
        round(clustered_quotes.similarity, 1) as similarity,
        clustered_quotes.n_matches
    from clustered_quotes
    inner join quotes on clustered_quotes.quote_id = quotes.quote_id
    inner join documents on quotes.doc_id = documents.doc_id
),

-- what a cluster's members share, aggregated once per cluster (not as windows over every member)
cluster_stats as (
    select
        cluster_id,
        -- every attributed member has the same canonical speaker (pairs are blocked by speaker)
        max(quote_speaker) as cluster_speaker,
        -- the longest wording, ties to the smallest quote_id
        arg_min(quote_id, (-length(text), quote_id)) as canonical_quote_id,
        count(*) as n_cluster_quotes,
        count(distinct doc_id) as n_cluster_documents
    from cluster_members
    group by cluster_id
),

cluster_members_with_speaker as (
    select
        cluster_members.cluster_id,
        cluster_members.quote_id,
        doc_id,
        outlet,
        text,
        coalesce(quote_speaker, cluster_speaker) as speaker,
        quote_speaker is null and cluster_speaker is not null as is_speaker_inferred,
        speaker_in_document,
        kind,
        start_char,
        end_char,
        similarity,
        n_matches,
        cluster_members.quote_id = cluster_stats.canonical_quote_id as is_canonical,
        cluster_stats.n_cluster_quotes,
        cluster_stats.n_cluster_documents
    from cluster_members
    inner join cluster_stats on cluster_members.cluster_id = cluster_stats.cluster_id
)

select * from cluster_members_with_speaker
