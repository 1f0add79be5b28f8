with

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

speaker_aliases as (
    select * from {{ ref('stg_speaker_aliases') }}
),

speaker_descriptions as (
    select * from {{ ref('int_speaker_descriptions_extracted') }}
),

quote_clusters as (
    select * from {{ ref('quote_clusters') }}
),

attributed_quotes as (
    select
        quotes.quote_id,
        quotes.doc_id,
        quotes.kind,
        quotes.speaker,
        quotes.speaker_in_document,
        quotes.speaker_mention,
        quotes.attribution_method,
        documents.outlet,
        -- seeds carry no publication date; the load time stands in until sources provide one
        coalesce(try_cast(documents.published_at as timestamptz), documents.loaded_at) as seen_at
    from quotes
    inner join documents on quotes.doc_id = documents.doc_id
    where quotes.speaker is not null
),

quote_counts as (
    select
        speaker,
        md5(speaker) as speaker_id,
        count(*) as n_quotes,
        count(*) filter (where kind = 'full') as n_full_quotes,
        count(*) filter (where kind = 'partial') as n_partial_quotes,
        count(distinct doc_id) as n_documents,
        count(distinct outlet) as n_outlets,
        list(distinct outlet order by outlet) as outlets,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        arg_min(doc_id, (seen_at, doc_id)) as first_seen_doc_id,
        arg_max(doc_id, (seen_at, doc_id)) as last_seen_doc_id
    from attributed_quotes
    group by speaker
),

alias_names as (
    select canonical_speaker as speaker, speaker_in_document as alias from speaker_aliases
    union
    select speaker, speaker_in_document from attributed_quotes
    union
    -- the name part of each non-pronoun mention ("former Russian diplomat Boris Bondarev" → "Boris Bondarev")
    select
        speaker,
        case
            when ends_with(speaker_mention, ' ' || speaker_in_document) then speaker_in_document
            when ends_with(speaker_mention, ' ' || regexp_extract(speaker_in_document, '(\S+)$', 1))
                then regexp_extract(speaker_in_document, '(\S+)$', 1)
            else speaker_mention
        end
    from attributed_quotes
    where attribution_method != 'pronoun' and regexp_matches(speaker_mention, '^\p{Lu}')
),

aliases_per_speaker as (
    select
        speaker,
        list(distinct alias order by alias) as aliases
    from alias_names
    where alias is not null
    group by speaker
),

descriptions_per_speaker as (
    select
        speaker,
        list(distinct description order by description) as descriptions
    from speaker_descriptions
    group by speaker
),

clusters_per_speaker as (
    select
        speaker,
        count(distinct cluster_id) as n_quote_clusters
    from quote_clusters
    where speaker is not null
    group by speaker
),

speakers_summarized as (
    select
        quote_counts.speaker_id,
        quote_counts.speaker,
        quote_counts.n_quotes,
        quote_counts.n_full_quotes,
        quote_counts.n_partial_quotes,
        quote_counts.n_documents,
        quote_counts.n_outlets,
        quote_counts.outlets,
        coalesce(clusters_per_speaker.n_quote_clusters, 0) as n_quote_clusters,
        coalesce(descriptions_per_speaker.descriptions, []::varchar[]) as descriptions,
        coalesce(aliases_per_speaker.aliases, [quote_counts.speaker]) as aliases,
        quote_counts.first_seen_at,
        quote_counts.last_seen_at,
        quote_counts.first_seen_doc_id,
        quote_counts.last_seen_doc_id
    from quote_counts
    left join aliases_per_speaker on quote_counts.speaker = aliases_per_speaker.speaker
    left join descriptions_per_speaker on quote_counts.speaker = descriptions_per_speaker.speaker
    left join clusters_per_speaker on quote_counts.speaker = clusters_per_speaker.speaker
)

select * from speakers_summarized
