{{ config(materialized="table") }}

-- The current candidate wording pairs with the scores of their texts (int_quote_text_pair_scores), keeping the
-- pairs that can still reach the lowest clustering threshold (min_score_kept): a full pair on its token-set
-- ratio, a fragment pair on the mean of token-set and partial ratio. int_quote_pairs_matched applies the
-- thresholds for each speaker situation.
with

candidate_pairs as (
    select * from {{ ref('int_quote_pairs_blocked') }}
),

text_pair_scores as (
    select * from {{ ref('int_quote_text_pair_scores') }}
),

scored_pairs as (
    select
        candidate_pairs.wording_id_a,
        candidate_pairs.wording_id_b,
        text_pair_scores.token_set_score,
        text_pair_scores.partial_score,
        candidate_pairs.is_fragment_pair
    from candidate_pairs
    inner join text_pair_scores on candidate_pairs.text_pair_key = text_pair_scores.text_pair_key
),

reachable_pairs as (
    select
        wording_id_a,
        wording_id_b,
        token_set_score,
        partial_score
    from scored_pairs
    where case
        when is_fragment_pair then (token_set_score + partial_score) / 2 >= {{ min_score_kept() }}
        else token_set_score >= {{ min_score_kept() }}
    end
)

select * from reachable_pairs
