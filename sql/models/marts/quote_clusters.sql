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
        -- every attributed member has the same canonical speaker (pairs are blocked by speaker)
        max(quotes.speaker) over (partition by clustered_quotes.cluster_id) as cluster_speaker,
        quotes.start_char,
        quotes.end_char,
        round(clustered_quotes.similarity, 1) as similarity,
        clustered_quotes.n_matches,
        row_number() over (
            partition by clustered_quotes.cluster_id
            order by length(quotes.text) desc, quotes.quote_id
        ) = 1 as is_canonical,
        count(*) over (partition by clustered_quotes.cluster_id) as n_cluster_quotes,
        count(distinct quotes.doc_id) over (partition by clustered_quotes.cluster_id) as n_cluster_documents
    from clustered_quotes
    inner join quotes on clustered_quotes.quote_id = quotes.quote_id
    inner join documents on quotes.doc_id = documents.doc_id
),

cluster_members_with_speaker as (
    select
        cluster_id,
        quote_id,
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
        is_canonical,
        n_cluster_quotes,
        n_cluster_documents
    from cluster_members
)

select * from cluster_members_with_speaker
