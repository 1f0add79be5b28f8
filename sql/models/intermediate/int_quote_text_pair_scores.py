"""rapidfuzz scores of candidate pairs of normalized quote texts, computed once per pair of texts and kept.

A pair's scores depend on its two texts alone, so this model is incremental: each run scores only the text pairs
of int_quote_pairs_blocked it has not scored before and appends them (the same statement keeps being reprinted
and re-blocked; its pairs are never scored twice). int_quote_pairs_scored joins the current candidates to it.

Scores (0-100): token-set ratio (word order and extra words don't matter, so a shortened or reworded quote still
scores high) and, for fragment pairs only, partial ratio (best matching contiguous stretch, which keeps two-word
fragments honest). rapidfuzz stops early under the lowest clustering threshold (config min_score_kept), so a
stored 0 means "under that cutoff"; identical texts score 100 without rapidfuzz. Changing the clustering
thresholds or quote_cluster_fragment_words needs `--full-refresh` (dbt build --full-refresh) to re-score.

Speed: the texts come from DuckDB once each (numbered in text order), the pairs as pairs of numbers, so no text
is copied per pair; the pairs are scored grouped by their first text, which rapidfuzz then prepares once for
all its partners (process.cdist with one query) instead of once per pair (cpdist): the same scores, ~40 % less
CPU on the 100k benchmark.
"""

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process

SCHEMA = {"text_pair_key": pl.String, "token_set_score": pl.Float64, "partial_score": pl.Float64}


def grouped_scores(texts: list[str], left: np.ndarray, right: np.ndarray, scorer, cutoff: float) -> np.ndarray:
    """scorer(texts[left[i]], texts[right[i]]) for every i (float32, as rapidfuzz returns it); under `cutoff` 0.

    The pairs are grouped by their left text: one rapidfuzz call per distinct left text, which caches it.
    """
    out = np.zeros(len(left), dtype=np.float32)
    if not len(left):
        return out
    order = np.argsort(left, kind="stable")
    lefts = left[order]
    starts = np.flatnonzero(np.r_[True, lefts[1:] != lefts[:-1]])
    ends = np.r_[starts[1:], len(lefts)]
    for start, end in zip(starts.tolist(), ends.tolist()):
        rows = order[start:end]
        choices = [texts[j] for j in right[rows].tolist()]
        out[rows] = process.cdist([texts[int(lefts[start])]], choices, scorer=scorer, score_cutoff=cutoff,
                                  dtype=np.float32, workers=1)[0]
    return out


def score_pairs(texts: list[str], pairs: pl.DataFrame, min_score: float) -> pl.DataFrame:
    """Scores for text pairs (text_pair_key, text_a, text_b: numbers into `texts`, is_fragment_pair).

    A full pair only needs its token-set ratio (partial_score NULL); a fragment pair is judged on the mean of
    both scores, so each must reach 2 * min_score - 100, and partial ratio is computed only where it can.
    """
    fragment_min = max(2 * min_score - 100, 0)
    left = pairs["text_a"].to_numpy()
    right = pairs["text_b"].to_numpy()
    fragment = pairs["is_fragment_pair"].to_numpy()
    identical = left == right
    token_set = np.full(len(pairs), 100.0, dtype=np.float32)
    partial = np.full(len(pairs), 100.0, dtype=np.float32)
    partial_null = np.zeros(len(pairs), dtype=bool)

    full = ~identical & ~fragment
    token_set[full] = grouped_scores(texts, left[full], right[full], fuzz.token_set_ratio, min_score)
    partial_null[full] = True

    fragments = np.flatnonzero(~identical & fragment)
    token_set[fragments] = grouped_scores(texts, left[fragments], right[fragments], fuzz.token_set_ratio,
                                          fragment_min)
    reachable = fragments[token_set[fragments] >= fragment_min]
    partial[fragments] = 0.0
    partial[reachable] = grouped_scores(texts, left[reachable], right[reachable], fuzz.partial_ratio, fragment_min)

    return pl.DataFrame({
        "text_pair_key": pairs["text_pair_key"],
        "token_set_score": pl.Series(token_set, dtype=pl.Float64),
        "partial_score": pl.Series(partial, dtype=pl.Float64),
        "partial_null": pl.Series(partial_null),
    }).select(
        "text_pair_key", "token_set_score",
        pl.when(pl.col("partial_null")).then(None).otherwise(pl.col("partial_score")).alias("partial_score"),
    ).cast(SCHEMA)


def model(dbt, session):
    dbt.config(materialized="incremental")
    min_score = float(dbt.config.get("min_score_kept"))
    blocked = dbt.ref("int_quote_pairs_blocked").sql_query()
    wordings = dbt.ref("int_quote_wordings").sql_query()
    already_scored = f"anti join {dbt.this} as scored using (text_pair_key)" if dbt.is_incremental else ""
    # every normalized text once, numbered in text order, so the smaller number is the smaller text
    session.execute(f"""
        create or replace temp table __text_pair_score_texts as
        select normalized_text, row_number() over (order by normalized_text) - 1 as text_no
        from (select distinct normalized_text from ({wordings}))
    """)
    try:
        texts = [row[0] for row in session.sql(
            "select normalized_text from __text_pair_score_texts order by text_no").fetchall()]
        pairs = session.sql(f"""
            with wording_texts as (
                select wordings.wording_id, texts.text_no
                from ({wordings}) as wordings
                inner join __text_pair_score_texts as texts on wordings.normalized_text = texts.normalized_text
            ),
            pairs as (
                select
                    blocked.text_pair_key,
                    blocked.is_fragment_pair,
                    least(wording_a.text_no, wording_b.text_no) as text_a,
                    greatest(wording_a.text_no, wording_b.text_no) as text_b
                from ({blocked}) as blocked
                inner join wording_texts as wording_a on blocked.wording_id_a = wording_a.wording_id
                inner join wording_texts as wording_b on blocked.wording_id_b = wording_b.wording_id
            )
            select text_pair_key, any_value(is_fragment_pair) as is_fragment_pair, any_value(text_a) as text_a,
                any_value(text_b) as text_b
            from pairs
            {already_scored}
            group by text_pair_key
        """).pl()
    finally:
        session.execute("drop table if exists __text_pair_score_texts")
    return score_pairs(texts, pairs, min_score) if len(pairs) else pl.DataFrame(schema=SCHEMA)
