-- Quotes that may report a statement also reported elsewhere, with the text normalized for fuzzy matching.
-- Scare quotes are not statements; quotes under quote_cluster_min_words words ("end") match too easily.
with

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

quotes_normalized as (
    select
        quote_id,
        doc_id,
        speaker,
        text,
        kind,
        -- the same folding as rapidfuzz.utils.default_process: lowercase, non-alphanumerics to one space
        trim(regexp_replace(lower(text), '[^\p{L}\p{N}]+', ' ', 'g')) as normalized_text
    from quotes
    where kind != 'scare'
),

quotes_with_word_counts as (
    select
        *,
        len(string_split(normalized_text, ' ')) as n_words
    from quotes_normalized
    where normalized_text != ''
),

matchable_quotes as (
    select * from quotes_with_word_counts
    where n_words >= {{ var('quote_cluster_min_words') }}
)

select * from matchable_quotes
