-- Scored pairs that report the same statement: the edges the clusters are built from.
-- 1. similarity = token-set ratio, or for fragments (shorter side under quote_cluster_fragment_words words)
--    the mean of token-set and partial ratio, so two scattered common words don't make a match.
-- 2. same speaker: similarity >= quote_cluster_min_similarity; one side unattributed: the stricter
--    quote_cluster_unattributed_min_similarity, and the unattributed quote takes the speaker of its best
--    attributed match (is_speaker_inferred); only pairs whose (inferred) speakers agree are kept.
-- 3. a fragment keeps only its best match, so a short phrase can't bridge two different statements.
with

scored_pairs as (
    select * from {{ ref('int_quote_pairs_scored') }}
),

quotes as (
    select * from {{ ref('int_quotes_normalized_for_matching') }}
),

pairs_with_similarity as (
    select
        scored_pairs.quote_id_a,
        scored_pairs.quote_id_b,
        quote_a.speaker as speaker_a,
        quote_b.speaker as speaker_b,
        scored_pairs.token_set_score,
        scored_pairs.partial_score,
        least(quote_a.n_words, quote_b.n_words) < {{ var('quote_cluster_fragment_words') }} as is_fragment_pair,
        case
            when least(quote_a.n_words, quote_b.n_words) < {{ var('quote_cluster_fragment_words') }}
                then (scored_pairs.token_set_score + scored_pairs.partial_score) / 2
            else scored_pairs.token_set_score
        end as similarity
    from scored_pairs
    inner join quotes as quote_a on scored_pairs.quote_id_a = quote_a.quote_id
    inner join quotes as quote_b on scored_pairs.quote_id_b = quote_b.quote_id
),

passing_pairs as (
    select *
    from pairs_with_similarity
    where similarity >= case
        when speaker_a is not null and speaker_b is not null then {{ var('quote_cluster_min_similarity') }}
        else {{ var('quote_cluster_unattributed_min_similarity') }}
    end
),

directed_pairs as (
    select quote_id_a as quote_id, quote_id_b as other_quote_id, speaker_a as speaker,
        speaker_b as other_speaker, similarity
    from passing_pairs
    union all
    select quote_id_b, quote_id_a, speaker_b, speaker_a, similarity
    from passing_pairs
),

inferred_speakers as (
    select
        quote_id,
        arg_max(other_speaker, (similarity, other_speaker)) as inferred_speaker
    from directed_pairs
    where speaker is null and other_speaker is not null
    group by quote_id
),

quotes_with_effective_speaker as (
    select
        quotes.quote_id,
        quotes.n_words,
        length(quotes.normalized_text) as n_chars,
        coalesce(quotes.speaker, inferred_speakers.inferred_speaker) as effective_speaker,
        quotes.speaker is null and inferred_speakers.inferred_speaker is not null as is_speaker_inferred
    from quotes
    left join inferred_speakers on quotes.quote_id = inferred_speakers.quote_id
),

same_speaker_directed_pairs as (
    select
        directed_pairs.quote_id,
        directed_pairs.other_quote_id,
        directed_pairs.similarity,
        this_quote.n_words < {{ var('quote_cluster_fragment_words') }} as is_fragment,
        other_quote.n_words < {{ var('quote_cluster_fragment_words') }} as is_other_fragment,
        row_number() over (
            partition by directed_pairs.quote_id
            order by directed_pairs.similarity desc, other_quote.n_chars desc, directed_pairs.other_quote_id
        ) as match_rank
    from directed_pairs
    inner join quotes_with_effective_speaker as this_quote on directed_pairs.quote_id = this_quote.quote_id
    inner join quotes_with_effective_speaker as other_quote
        on directed_pairs.other_quote_id = other_quote.quote_id
    where this_quote.effective_speaker is not distinct from other_quote.effective_speaker
),

kept_pairs as (
    select
        least(quote_id, other_quote_id) as quote_id_a,
        greatest(quote_id, other_quote_id) as quote_id_b,
        similarity
    from same_speaker_directed_pairs
    where (not is_fragment and not is_other_fragment) or (is_fragment and match_rank = 1)
),

matched_pairs as (
    select distinct
        kept_pairs.quote_id_a,
        kept_pairs.quote_id_b,
        kept_pairs.similarity,
        quote_a.effective_speaker as speaker,
        quote_a.is_speaker_inferred or quote_b.is_speaker_inferred as has_inferred_speaker
    from kept_pairs
    inner join quotes_with_effective_speaker as quote_a on kept_pairs.quote_id_a = quote_a.quote_id
    inner join quotes_with_effective_speaker as quote_b on kept_pairs.quote_id_b = quote_b.quote_id
)

select * from matched_pairs
