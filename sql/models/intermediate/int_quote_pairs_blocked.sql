{{ config(materialized="table") }}

-- Candidate pairs of wordings (int_quote_wordings) worth scoring: with quotes in different documents, said by
-- the same canonical speaker (or with no speaker on one side), and sharing a "signature" word. A wording's
-- signature is its quote_block_signature_words rarest words of 3+ letters (rarest among its speaker's
-- wordings); a pair is a candidate when one wording's signature word occurs anywhere in the other. Wordings of
-- one statement share their rare words, and a fragment's signature lies inside the longer wording it was cut
-- from, so this keeps them while the work stays near linear: never a cross join, and a word used by more than
-- quote_block_max_wordings_per_word wordings of one speaker (overall, for unattributed wordings) proposes
-- nothing. Identical copies of one wording need no pair: int_quotes_clustered clusters them directly.
-- The word index works on numbers (wording_no follows wording_id's order, so the smaller number is the smaller
-- id; speaker_no and only_doc_no are NULL where speaker and only_doc_id are), which keeps its hash tables small.
with

wordings as (
    select * from {{ ref('int_quote_wordings') }}
),

numbered_wordings as (
    select
        wording_id,
        normalized_text,
        n_words,
        row_number() over (order by wording_id) as wording_no,
        case when speaker is not null then dense_rank() over (order by speaker) end as speaker_no,
        case when only_doc_id is not null then dense_rank() over (order by only_doc_id) end as only_doc_no
    from wordings
),

wording_words as (
    select distinct
        wording_no,
        speaker_no,
        only_doc_no,
        unnest(string_split(normalized_text, ' ')) as word
    from numbered_wordings
),

blocking_words as (
    select
        *,
        count(*) over (partition by speaker_no, word) as n_speaker_wordings_with_word,
        count(*) over (partition by word) as n_wordings_with_word
    from wording_words
    where length(word) >= 3
),

speaker_words as (
    select * from blocking_words
    where speaker_no is not null and n_speaker_wordings_with_word <= {{ var('quote_block_max_wordings_per_word') }}
),

speaker_signatures as (
    select * from speaker_words
    qualify row_number() over (partition by wording_no order by n_speaker_wordings_with_word, word)
        <= {{ var('quote_block_signature_words') }}
),

overall_words as (
    select * from blocking_words
    where n_wordings_with_word <= {{ var('quote_block_max_wordings_per_word') }}
),

overall_signatures as (
    select * from overall_words
    qualify row_number() over (partition by wording_no order by n_wordings_with_word, word)
        <= {{ var('quote_block_signature_words') }}
),

-- only_doc_no is set when a wording occurs in one document only: a pair is out when both sit in the same one
same_speaker_pairs as (
    select
        least(signatures.wording_no, words.wording_no) as wording_no_a,
        greatest(signatures.wording_no, words.wording_no) as wording_no_b
    from speaker_signatures as signatures
    inner join speaker_words as words
        on signatures.speaker_no = words.speaker_no
        and signatures.word = words.word
        and signatures.wording_no != words.wording_no
        and coalesce(signatures.only_doc_no != words.only_doc_no, true)
),

-- an unattributed wording's signature proposes any other wording; an attributed one's, unattributed wordings
unattributed_pairs as (
    select
        least(signatures.wording_no, words.wording_no) as wording_no_a,
        greatest(signatures.wording_no, words.wording_no) as wording_no_b
    from overall_signatures as signatures
    inner join overall_words as words
        on signatures.word = words.word
        and coalesce(signatures.only_doc_no != words.only_doc_no, true)
    where (signatures.speaker_no is null and signatures.wording_no != words.wording_no)
        or (signatures.speaker_no is not null and words.speaker_no is null)
),

candidate_pairs as (
    select wording_no_a, wording_no_b from same_speaker_pairs
    union
    select wording_no_a, wording_no_b from unattributed_pairs
),

candidate_pairs_with_text_key as (
    select
        wording_a.wording_id as wording_id_a,
        wording_b.wording_id as wording_id_b,
        -- the pair of normalized texts, in a fixed order: scores are a function of the texts alone, so
        -- int_quote_text_pair_scores computes each text pair once and keeps it for later runs
        md5(least(wording_a.normalized_text, wording_b.normalized_text) || chr(31)
            || greatest(wording_a.normalized_text, wording_b.normalized_text)) as text_pair_key,
        -- the shorter side is a fragment: int_quote_pairs_matched scores the pair with partial ratio too
        least(wording_a.n_words, wording_b.n_words) < {{ var('quote_cluster_fragment_words') }} as is_fragment_pair
    from candidate_pairs
    inner join numbered_wordings as wording_a on candidate_pairs.wording_no_a = wording_a.wording_no
    inner join numbered_wordings as wording_b on candidate_pairs.wording_no_b = wording_b.wording_no
)

select * from candidate_pairs_with_text_key
