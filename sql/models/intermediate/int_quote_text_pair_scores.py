"""rapidfuzz scores of candidate pairs of normalized quote texts, computed once per pair of texts and kept.

A pair's scores depend on its two texts alone, so this model is incremental: each run scores only the text pairs
of int_quote_pairs_blocked it has not scored before and appends them (the same statement keeps being reprinted
and re-blocked; its pairs are never scored twice). int_quote_pairs_scored joins the current candidates to it.

Scores (0-100): token-set ratio (word order and extra words don't matter, so a shortened or reworded quote still
scores high) and, for fragment pairs only, partial ratio (best matching contiguous stretch, which keeps two-word
fragments honest). rapidfuzz stops early under the lowest clustering threshold (config min_score_kept), so a
stored 0 means "under that cutoff"; identical texts score 100 without rapidfuzz. Changing the clustering
thresholds or quote_cluster_fragment_words needs `--full-refresh` (dbt build --full-refresh) to re-score.
"""

import polars as pl
from rapidfuzz import fuzz, process

SCHEMA = {"text_pair_key": pl.String, "token_set_score": pl.Float64, "partial_score": pl.Float64}
BATCH_ROWS = 200_000


def scores(left: list[str], right: list[str], scorer, cutoff: float) -> pl.Series:
    """scorer(left[i], right[i]) for every i; under `cutoff` the score is 0 (rapidfuzz stops early)."""
    return pl.Series(process.cpdist(left, right, scorer=scorer, score_cutoff=cutoff, workers=-1), dtype=pl.Float64)


def score_batch(batch: pl.DataFrame, min_score: float) -> pl.DataFrame:
    """Scores for one batch of text pairs (text_pair_key, text_a, text_b, is_fragment_pair).

    A full pair only needs its token-set ratio (partial_score NULL); a fragment pair is judged on the mean of
    both scores, so each must reach 2 * min_score - 100, and partial ratio is computed only where it can.
    """
    fragment_min = max(2 * min_score - 100, 0)
    identical = pl.col("text_a") == pl.col("text_b")
    same = batch.filter(identical).with_columns(token_set_score=pl.lit(100.0), partial_score=pl.lit(100.0))

    full = batch.filter(~identical & ~pl.col("is_fragment_pair"))
    full = full.with_columns(
        token_set_score=scores(full["text_a"].to_list(), full["text_b"].to_list(), fuzz.token_set_ratio, min_score),
        partial_score=pl.lit(None, dtype=pl.Float64),
    )

    fragments = batch.filter(~identical & pl.col("is_fragment_pair"))
    fragments = fragments.with_columns(
        token_set_score=scores(fragments["text_a"].to_list(), fragments["text_b"].to_list(), fuzz.token_set_ratio,
                               fragment_min),
    )
    reachable = fragments.filter(pl.col("token_set_score") >= fragment_min)
    unreachable = fragments.filter(pl.col("token_set_score") < fragment_min).with_columns(
        partial_score=pl.lit(0.0))
    reachable = reachable.with_columns(
        partial_score=scores(reachable["text_a"].to_list(), reachable["text_b"].to_list(), fuzz.partial_ratio,
                             fragment_min),
    )
    return pl.concat([frame.select(list(SCHEMA)).cast(SCHEMA) for frame in (same, full, reachable, unreachable)])


def model(dbt, session):
    dbt.config(materialized="incremental")
    min_score = float(dbt.config.get("min_score_kept"))
    blocked = dbt.ref("int_quote_pairs_blocked").sql_query()
    wordings = dbt.ref("int_quote_wordings").sql_query()
    already_scored = f"anti join {dbt.this} as scored using (text_pair_key)" if dbt.is_incremental else ""
    new_pairs = session.sql(f"""
        select
            pairs.text_pair_key,
            least(wording_a.normalized_text, wording_b.normalized_text) as text_a,
            greatest(wording_a.normalized_text, wording_b.normalized_text) as text_b,
            pairs.is_fragment_pair
        from (select text_pair_key, is_fragment_pair,
                  first(wording_id_a) as wording_id_a, first(wording_id_b) as wording_id_b
              from ({blocked}) group by all) as pairs
        inner join ({wordings}) as wording_a on pairs.wording_id_a = wording_a.wording_id
        inner join ({wordings}) as wording_b on pairs.wording_id_b = wording_b.wording_id
        {already_scored}
    """)
    batches = [score_batch(pl.from_arrow(batch), min_score) for batch in new_pairs.to_arrow_reader(BATCH_ROWS)
               if batch.num_rows]
    return pl.concat(batches) if batches else pl.DataFrame(schema=SCHEMA)
