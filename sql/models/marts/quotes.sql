with

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

quotes_with_outlet as (
    select
        quotes.quote_id,
        quotes.doc_id,
        quotes.start_char,
        quotes.end_char,
        quotes.text,
        quotes.speaker,
        quotes.kind,
        quotes.speaker_in_document,
        quotes.speaker_mention,
        quotes.speaker_start,
        quotes.speaker_end,
        quotes.cue,
        quotes.attribution_method,
        quotes.paragraph_index,
        quotes.sentence,
        quotes.extraction_method,
        quotes.is_attributed,
        documents.outlet,
        quotes.run_id
    from quotes
    inner join documents on quotes.doc_id = documents.doc_id
)

select * from quotes_with_outlet
