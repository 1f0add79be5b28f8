-- Candidate quote pairs worth scoring: from different documents, said by the same canonical speaker (or with
-- no speaker on one side), and sharing a "signature" word. A quote's signature is its
-- quote_block_signature_words rarest words of 3+ letters (rarest among its speaker's quotes); a pair is a
-- candidate when one quote's signature word occurs anywhere in the other. Quotes of one statement share their
-- rare words, and a fragment's signature lies inside the longer quote it was cut from, so this keeps them
-- while the work stays near linear: never a cross join, and a word used by more than
-- quote_block_max_quotes_per_word quotes of one speaker (overall, for unattributed quotes) proposes nothing.
with

quotes as (
    select * from {{ ref('int_quotes_normalized_for_matching') }}
),

quote_words as (
    select distinct
        quote_id,
        doc_id,
        speaker,
        unnest(string_split(normalized_text, ' ')) as word
    from quotes
),

blocking_words as (
    select
        *,
        count(*) over (partition by speaker, word) as n_speaker_quotes_with_word,
        count(*) over (partition by word) as n_quotes_with_word
    from quote_words
    where length(word) >= 3
),

speaker_words as (
    select * from blocking_words
    where speaker is not null and n_speaker_quotes_with_word <= {{ var('quote_block_max_quotes_per_word') }}
),

speaker_signatures as (
    select * from speaker_words
    qualify row_number() over (partition by quote_id order by n_speaker_quotes_with_word, word)
        <= {{ var('quote_block_signature_words') }}
),

overall_words as (
    select * from blocking_words
    where n_quotes_with_word <= {{ var('quote_block_max_quotes_per_word') }}
),

overall_signatures as (
    select * from overall_words
    qualify row_number() over (partition by quote_id order by n_quotes_with_word, word)
        <= {{ var('quote_block_signature_words') }}
),

same_speaker_pairs as (
    select
        least(signatures.quote_id, words.quote_id) as quote_id_a,
        greatest(signatures.quote_id, words.quote_id) as quote_id_b
    from speaker_signatures as signatures
    inner join speaker_words as words
        on signatures.speaker = words.speaker
        and signatures.word = words.word
        and signatures.doc_id != words.doc_id
),

unattributed_signature_pairs as (
    select
        least(signatures.quote_id, words.quote_id) as quote_id_a,
        greatest(signatures.quote_id, words.quote_id) as quote_id_b
    from overall_signatures as signatures
    inner join overall_words as words
        on signatures.word = words.word
        and signatures.doc_id != words.doc_id
    where signatures.speaker is null
),

attributed_signature_pairs as (
    select
        least(signatures.quote_id, words.quote_id) as quote_id_a,
        greatest(signatures.quote_id, words.quote_id) as quote_id_b
    from overall_signatures as signatures
    inner join overall_words as words
        on signatures.word = words.word
        and signatures.doc_id != words.doc_id
    where signatures.speaker is not null and words.speaker is null
),

candidate_pairs as (
    select quote_id_a, quote_id_b from same_speaker_pairs
    union
    select quote_id_a, quote_id_b from unattributed_signature_pairs
    union
    select quote_id_a, quote_id_b from attributed_signature_pairs
),

candidate_pairs_with_text as (
    select
        candidate_pairs.quote_id_a,
        candidate_pairs.quote_id_b,
        quote_a.normalized_text as normalized_text_a,
        quote_b.normalized_text as normalized_text_b
    from candidate_pairs
    inner join quotes as quote_a on candidate_pairs.quote_id_a = quote_a.quote_id
    inner join quotes as quote_b on candidate_pairs.quote_id_b = quote_b.quote_id
)

select * from candidate_pairs_with_text
