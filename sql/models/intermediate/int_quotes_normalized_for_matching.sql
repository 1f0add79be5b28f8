{{ config(materialized="table") }}

-- Quotes that may report a statement also reported elsewhere, with the text normalized for fuzzy matching.
-- Scare quotes are not statements; quotes under quote_cluster_min_words words ("end") match too easily.
-- wording_id names the quote's wording, (speaker, normalized_text): see int_quote_wordings.
-- Wire copy repeats the same text in many documents, so each distinct text is normalized once. Only what the
-- clustering chain reads is kept (the quote's own text and kind are in quotes), which keeps the table small.
with

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
    where kind != 'scare'
),

distinct_texts as (
    select distinct text from quotes
),

normalized_texts as (
    select
        text,
        -- the same folding as rapidfuzz.utils.default_process: lowercase, non-alphanumerics to one space
        trim(regexp_replace(lower(text), '[^\p{L}\p{N}]+', ' ', 'g')) as normalized_text
    from distinct_texts
),

texts_with_word_counts as (
    select
        *,
        len(string_split(normalized_text, ' ')) as n_words
    from normalized_texts
    where normalized_text != ''
),

matchable_quotes as (
    select
        quotes.quote_id,
        quotes.doc_id,
        quotes.speaker,
        texts.normalized_text,
        texts.n_words,
        -- normalized_text has no '|', so the first '|' ends it; a NULL speaker is spelled apart from any name
        md5(texts.normalized_text || '|' || coalesce('speaker:' || quotes.speaker, 'unattributed')) as wording_id
    from quotes
    inner join texts_with_word_counts as texts on quotes.text = texts.text
    where texts.n_words >= {{ var('quote_cluster_min_words') }}
)

select * from matchable_quotes
