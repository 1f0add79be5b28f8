"""Score candidate quote pairs with rapidfuzz: token-set ratio (word order and extra words don't matter, so a
shortened or reworded quote still scores high) and partial ratio (best matching contiguous stretch, which keeps
two-word fragments honest). Pairs are streamed in batches; a pair whose better score is under the lowest
clustering threshold (config min_score_kept, from the dbt vars) can never match and is not stored."""

import polars as pl
from rapidfuzz import fuzz, process

SCHEMA = {"quote_id_a": pl.String, "quote_id_b": pl.String, "token_set_score": pl.Float64,
          "partial_score": pl.Float64}
BATCH_ROWS = 200_000


def score_batch(batch: pl.DataFrame, min_score: float) -> pl.DataFrame:
    """Both scores (0-100) for one batch of pairs, keeping pairs where either reaches min_score.

    The same statement is often printed word for word by many outlets, so a batch holds the same pair of
    wordings many times: each distinct pair of texts is scored once (identical texts score 100 without
    rapidfuzz) and the scores are joined back to the quote pairs.
    """
    texts = batch.select("normalized_text_a", "normalized_text_b").unique()
    same = texts.filter(pl.col("normalized_text_a") == pl.col("normalized_text_b"))
    differ = texts.filter(pl.col("normalized_text_a") != pl.col("normalized_text_b"))
    left, right = differ["normalized_text_a"].to_list(), differ["normalized_text_b"].to_list()
    scores = pl.concat([
        same.with_columns(token_set_score=pl.lit(100.0), partial_score=pl.lit(100.0)),
        differ.with_columns(
            token_set_score=pl.Series(process.cpdist(left, right, scorer=fuzz.token_set_ratio, workers=-1),
                                      dtype=pl.Float64),
            partial_score=pl.Series(process.cpdist(left, right, scorer=fuzz.partial_ratio, workers=-1),
                                    dtype=pl.Float64),
        ),
    ])
    scored = batch.join(scores, on=["normalized_text_a", "normalized_text_b"], how="inner")
    return scored.select(list(SCHEMA)).cast(SCHEMA).filter(
        pl.max_horizontal("token_set_score", "partial_score") >= min_score)


def model(dbt, session):
    dbt.config(materialized="table")
    min_score = float(dbt.config.get("min_score_kept"))
    reader = dbt.ref("int_quote_pairs_blocked").to_arrow_reader(BATCH_ROWS)
    batches = [score_batch(pl.from_arrow(batch), min_score) for batch in reader if batch.num_rows]
    return pl.concat(batches) if batches else pl.DataFrame(schema=SCHEMA)
