"""Score candidate pairs of wordings with rapidfuzz: token-set ratio (word order and extra words don't matter,
so a shortened or reworded quote still scores high) and partial ratio (best matching contiguous stretch, which
keeps two-word fragments honest). Pairs are streamed in batches.

Only pairs that can still reach the lowest clustering threshold (config min_score_kept, from the dbt vars) are
stored, and a score is only computed where int_quote_pairs_matched needs it, which lets rapidfuzz stop early
(score_cutoff):
* a pair of two full wordings matches on token-set ratio alone, so it needs token_set_score >= min_score_kept,
  and its partial_score is not computed (NULL);
* a fragment pair (is_fragment_pair) matches on the mean of both scores, so it needs both >= 2 * min_score_kept
  - 100 and a mean >= min_score_kept.
int_quote_pairs_matched applies the thresholds themselves."""

import polars as pl
from rapidfuzz import fuzz, process

SCHEMA = {"wording_id_a": pl.String, "wording_id_b": pl.String, "token_set_score": pl.Float64,
          "partial_score": pl.Float64}
BATCH_ROWS = 200_000


def scores(left: list[str], right: list[str], scorer, cutoff: float) -> pl.Series:
    """scorer(left[i], right[i]) for every i; under `cutoff` the score is 0 (rapidfuzz stops early)."""
    return pl.Series(process.cpdist(left, right, scorer=scorer, score_cutoff=cutoff, workers=-1), dtype=pl.Float64)


def score_batch(batch: pl.DataFrame, min_score: float) -> pl.DataFrame:
    """The scores (0-100) of one batch of pairs, keeping the pairs that can reach min_score.

    Identical texts (one text under two speakers, one of them NULL) score 100 without rapidfuzz.
    """
    fragment_min = max(2 * min_score - 100, 0)
    identical = pl.col("normalized_text_a") == pl.col("normalized_text_b")
    same = batch.filter(identical).with_columns(token_set_score=pl.lit(100.0), partial_score=pl.lit(100.0))

    full = batch.filter(~identical & ~pl.col("is_fragment_pair"))
    full = full.with_columns(
        token_set_score=scores(full["normalized_text_a"].to_list(), full["normalized_text_b"].to_list(),
                               fuzz.token_set_ratio, min_score),
        partial_score=pl.lit(None, dtype=pl.Float64),
    ).filter(pl.col("token_set_score") >= min_score)

    fragments = batch.filter(~identical & pl.col("is_fragment_pair"))
    fragments = fragments.with_columns(
        token_set_score=scores(fragments["normalized_text_a"].to_list(), fragments["normalized_text_b"].to_list(),
                               fuzz.token_set_ratio, fragment_min),
    ).filter(pl.col("token_set_score") >= fragment_min)
    fragments = fragments.with_columns(
        partial_score=scores(fragments["normalized_text_a"].to_list(), fragments["normalized_text_b"].to_list(),
                             fuzz.partial_ratio, fragment_min),
    ).filter((pl.col("token_set_score") + pl.col("partial_score")) / 2 >= min_score)

    return pl.concat([frame.select(list(SCHEMA)).cast(SCHEMA) for frame in (same, full, fragments)])


def model(dbt, session):
    dbt.config(materialized="table")
    min_score = float(dbt.config.get("min_score_kept"))
    reader = dbt.ref("int_quote_pairs_blocked").to_arrow_reader(BATCH_ROWS)
    batches = [score_batch(pl.from_arrow(batch), min_score) for batch in reader if batch.num_rows]
    return pl.concat(batches) if batches else pl.DataFrame(schema=SCHEMA)
