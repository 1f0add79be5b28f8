{{ config(materialized="table") }}

-- Scored pairs of wordings that report the same statement: the edges the clusters are built from.
-- 1. similarity = token-set ratio, or for fragments (shorter side under quote_cluster_fragment_words words)
--    the mean of token-set and partial ratio, so two scattered common words don't make a match.
-- 2. same speaker: similarity >= quote_cluster_min_similarity; one side unattributed: the stricter
--    quote_cluster_unattributed_min_similarity, and the unattributed wording takes the speaker of its best
--    attributed match (is_speaker_inferred); only pairs whose (inferred) speakers agree are kept.
-- 3. a fragment wording keeps only its best match among the other wordings, so a short phrase can't bridge
--    two different statements. (Its own identical copies in other documents are not a competing match: they
--    join its cluster in int_quotes_clustered without an edge.)
with

scored_pairs as (
    select * from {{ ref('int_quote_pairs_scored') }}
),

wordings as (
    select * from {{ ref('int_quote_wordings') }}
),

pairs_with_similarity as (
    select
        scored_pairs.wording_id_a,
        scored_pairs.wording_id_b,
        wording_a.speaker as speaker_a,
        wording_b.speaker as speaker_b,
        scored_pairs.token_set_score,
        scored_pairs.partial_score,
        case
            when least(wording_a.n_words, wording_b.n_words) < {{ var('quote_cluster_fragment_words') }}
                then (scored_pairs.token_set_score + scored_pairs.partial_score) / 2
            else scored_pairs.token_set_score
        end as similarity
    from scored_pairs
    inner join wordings as wording_a on scored_pairs.wording_id_a = wording_a.wording_id
    inner join wordings as wording_b on scored_pairs.wording_id_b = wording_b.wording_id
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
    select wording_id_a as wording_id, wording_id_b as other_wording_id, speaker_a as speaker,
        speaker_b as other_speaker, similarity
    from passing_pairs
    union all
    select wording_id_b, wording_id_a, speaker_b, speaker_a, similarity
    from passing_pairs
),

inferred_speakers as (
    select
        wording_id,
        arg_max(other_speaker, (similarity, other_speaker)) as inferred_speaker
    from directed_pairs
    where speaker is null and other_speaker is not null
    group by wording_id
),

wordings_with_effective_speaker as (
    select
        wordings.wording_id,
        wordings.n_words,
        wordings.n_chars,
        coalesce(wordings.speaker, inferred_speakers.inferred_speaker) as effective_speaker,
        wordings.speaker is null and inferred_speakers.inferred_speaker is not null as is_speaker_inferred
    from wordings
    left join inferred_speakers on wordings.wording_id = inferred_speakers.wording_id
),

same_speaker_directed_pairs as (
    select
        directed_pairs.wording_id,
        directed_pairs.other_wording_id,
        directed_pairs.similarity,
        this_wording.n_words < {{ var('quote_cluster_fragment_words') }} as is_fragment,
        other_wording.n_words < {{ var('quote_cluster_fragment_words') }} as is_other_fragment,
        row_number() over (
            partition by directed_pairs.wording_id
            order by directed_pairs.similarity desc, other_wording.n_chars desc, directed_pairs.other_wording_id
        ) as match_rank
    from directed_pairs
    inner join wordings_with_effective_speaker as this_wording
        on directed_pairs.wording_id = this_wording.wording_id
    inner join wordings_with_effective_speaker as other_wording
        on directed_pairs.other_wording_id = other_wording.wording_id
    where this_wording.effective_speaker is not distinct from other_wording.effective_speaker
),

kept_pairs as (
    select
        least(wording_id, other_wording_id) as wording_id_a,
        greatest(wording_id, other_wording_id) as wording_id_b,
        similarity
    from same_speaker_directed_pairs
    where (not is_fragment and not is_other_fragment) or (is_fragment and match_rank = 1)
),

matched_pairs as (
    select distinct
        kept_pairs.wording_id_a,
        kept_pairs.wording_id_b,
        kept_pairs.similarity,
        wording_a.effective_speaker as speaker,
        wording_a.is_speaker_inferred or wording_b.is_speaker_inferred as has_inferred_speaker
    from kept_pairs
    inner join wordings_with_effective_speaker as wording_a on kept_pairs.wording_id_a = wording_a.wording_id
    inner join wordings_with_effective_speaker as wording_b on kept_pairs.wording_id_b = wording_b.wording_id
)

select * from matched_pairs
