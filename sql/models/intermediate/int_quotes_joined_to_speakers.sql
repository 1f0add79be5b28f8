with

quotes as (
    select * from {{ ref('stg_quotes') }}
),

speaker_aliases as (
    select * from {{ ref('stg_speaker_aliases') }}
),

quotes_with_canonical_speaker as (
    select
        quotes.*,
        coalesce(speaker_aliases.canonical_speaker, quotes.speaker_in_document) as speaker
    from quotes
    left join speaker_aliases
        on quotes.speaker_in_document = speaker_aliases.speaker_in_document
)

select * from quotes_with_canonical_speaker
