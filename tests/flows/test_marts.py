"""The reporting marts on the seeds: quote clusters, spread, speakers, figure conflicts/agreements, summaries.

The warehouse is the session's real pipeline run (tests/flows/conftest.py: seed_run), built with dbt.
"""

import duckdb

from flows.pipeline import pipeline


def _query(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _cluster_of(path, speaker, text_like):
    """Doc-id prefixes of the cluster holding `speaker`'s quote matching `text_like`, or an empty set."""
    rows = _query(path, """
        select distinct left(members.doc_id, 3)
        from quote_clusters as members
        where members.cluster_id in (
            select cluster_id from quote_clusters where speaker = ? and text ilike ?)""", [speaker, text_like])
    return {row[0] for row in rows}


def test_marts_build_green(seed_run):
    """dbt built every new mart and all tests passed in the pipeline run."""
    summary, path, _ = seed_run
    assert summary["dbt_status"] == "success", summary["dbt_failures"]
    tables = {row[0] for row in _query(path, "select table_name from information_schema.tables "
                                             "where table_schema = 'main'")}
    assert {"speakers", "quote_clusters", "quote_spread", "figure_conflicts", "figure_agreements",
            "outlets", "documents_summary"} <= tables


def test_fundamental_threats_is_one_cluster(seed_run):
    """Putin's "fundamental threats" remark, worded four ways (000, 001, 003, 004), is one cluster."""
    _, path, _ = seed_run
    docs = _cluster_of(path, "Vladimir Putin", "%fundamental%threats%")
    assert len(docs) >= 3, docs
    assert docs == {"000", "001", "003", "004"}
    variants = _query(path, """
        select variants from quote_spread where cluster_id in (
            select cluster_id from quote_clusters where text ilike '%fundamental security threats%')""")[0][0]
    assert {"fundamental threats to our national security", "fundamental threats to our security",
            "fundamental security threats"} <= set(variants)


def test_very_good_chance_is_one_cluster(seed_run):
    """Trump's "We didn't get there, but we have a very good chance..." spans 001 (cut short), 003 and 004."""
    _, path, _ = seed_run
    assert _cluster_of(path, "Donald Trump", "%very good chance of getting there%") == {"001", "003", "004"}
    spread = _query(path, """
        select n_documents, canonical_text from quote_spread
        where cluster_id in (select cluster_id from quote_clusters where text ilike '%very good chance%')""")
    assert len(spread) == 1
    assert spread[0][0] == 3
    assert "very good chance of getting there" in spread[0][1]


def test_identical_copies_cluster_as_one_wording(seed_run):
    """Trump's "extremely productive", printed word for word in 000, 003 and 004, is one cluster: copies of a
    wording score 100 and all of them count as one match."""
    _, path, _ = seed_run
    rows = _query(path, """
        select left(doc_id, 3), similarity, n_matches from quote_clusters
        where cluster_id in (select cluster_id from quote_clusters where text = 'extremely productive')
        order by doc_id""")
    assert [row[0] for row in rows] == ["000", "003", "004"]
    assert {(row[1], row[2]) for row in rows} == {(100.0, 1)}


def test_quotes_of_one_wording_share_a_cluster(seed_run):
    """Clusters are built on wordings (speaker, normalized text): the 'root causes' fragment of 000 and 001 and
    the longer wordings it was cut from are one cluster, and no wording is split over two clusters."""
    _, path, _ = seed_run
    assert _cluster_of(path, "Vladimir Putin", "root causes") >= {"000", "001", "002"}
    assert _query(path, """
        select count(*) from (
            select speaker, trim(regexp_replace(lower(text), '[^\\p{L}\\p{N}]+', ' ', 'g')) as wording
            from quote_clusters where not is_speaker_inferred
            group by all having count(distinct cluster_id) > 1)""") == [(0,)]


def test_clusters_never_mix_speakers(seed_run):
    """Every quote_spread row has one speaker and at least two documents."""
    _, path, _ = seed_run
    assert _query(path, "select count(*) from quote_spread where n_documents < 2") == [(0,)]
    assert _query(path, """select count(*) from (select cluster_id from quote_clusters group by cluster_id
                           having count(distinct speaker) > 1)""") == [(0,)]


def test_summit_length_is_a_conflict(seed_run):
    """'three-hour' (000), 'roughly three hours' (004 body) and '12-hour talks' (004 headline) conflict."""
    _, path, _ = seed_run
    rows = _query(path, """
        select left(doc_id, 3), surface, value_band from figure_conflicts
        where conflict_id in (select conflict_id from figure_conflicts where surface = '12-hour')
        order by doc_id, start_char""")
    members = {(doc, surface) for doc, surface, _ in rows}
    assert {("000", "three-hour"), ("004", "12-hour"), ("004", "three hours")} <= members, rows
    bands = {surface: band for _, surface, band in rows}
    assert bands["12-hour"] != bands["three hours"] == bands["three-hour"]


def test_twelve_minute_appearance_is_an_agreement(seed_run):
    """The 12-minute press appearance in 000 and 003 agrees, and is no conflict."""
    _, path, _ = seed_run
    rows = _query(path, """
        select left(doc_id, 3), surface from figure_agreements
        where agreement_id in (select agreement_id from figure_agreements where surface = '12-minute')""")
    assert {doc for doc, _ in rows} >= {"000", "003"}, rows
    assert _query(path, "select count(*) from figure_conflicts where surface = '12-minute'") == [(0,)]
    assert _query(path, "select count(*) from figure_conflicts where kind in ('date', 'year')") == [(0,)]


def test_people_killed_and_people_injured_are_different_quantities(tmp_path):
    """Two outlets on one blast: the death tolls (4 vs five) conflict; the injured (31 vs 30) agree; a death toll is
    never set against an injury count, though both count people."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(
        "Blast in Springfield\n\nA blast killing 4 people left 31 people injured, police said on Monday.\n")
    (tmp_path / "in" / "daily.txt").write_text(
        "Springfield blast\n\nFive people died and 30 people were hurt in the blast, officials said.\n")
    path = tmp_path / "w.duckdb"
    summary = pipeline(sources=[str(tmp_path / "in")], warehouse_path=str(path))
    assert summary["dbt_status"] == "success", summary["dbt_failures"]
    conflicts = _query(path, "select doc_id, value, measure_event from figure_conflicts order by value")
    assert conflicts == [("wire", 4.0, "killed"), ("daily", 5.0, "killed")], conflicts
    agreements = _query(path, "select doc_id, value, measure_event from figure_agreements order by value")
    assert agreements == [("daily", 30.0, "injured"), ("wire", 31.0, "injured")], agreements
    # a third outlet joins the death-toll conflict: the conflict keeps its id (it names the quantity, not the members)
    conflict_id = _query(path, "select distinct conflict_id from figure_conflicts")
    (tmp_path / "in" / "late.txt").write_text("Update\n\nThe blast killed 6 people, the mayor said.\n")
    pipeline(sources=[str(tmp_path / "in")], warehouse_path=str(path))
    assert _query(path, "select distinct conflict_id from figure_conflicts") == conflict_id
    assert _query(path, "select doc_id from figure_conflicts where value = 6") == [("late",)]


def test_figures_compare_within_a_story(tmp_path):
    """Records filed under different stories (a dump's `story` field) never conflict: two blasts in one dump, each
    with its own death toll, give one conflict, inside the story where the outlets disagree."""
    import json

    records = [
        {"id": "a", "story": "springfield-blast", "outlet": "Wire", "text": "Blast\n\nThe blast killed 4 people."},
        {"id": "b", "story": "springfield-blast", "outlet": "Daily", "text": "Blast\n\nFive people died in the blast."},
        {"id": "c", "story": "shelbyville-fire", "outlet": "Daily", "text": "Fire\n\nThe fire killed 9 people."},
    ]
    dump = tmp_path / "coverage.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records))
    path = tmp_path / "w.duckdb"
    summary = pipeline(sources=[str(dump)], warehouse_path=str(path))
    assert summary["dbt_status"] == "success", summary["dbt_failures"]
    assert _query(path, "select doc_id, story from documents order by doc_id") == [
        ("a", "springfield-blast"), ("b", "springfield-blast"), ("c", "shelbyville-fire")]
    assert _query(path, "select doc_id, story, measure_event from figure_conflicts order by doc_id") == [
        ("a", "springfield-blast", "killed"), ("b", "springfield-blast", "killed")]


def test_a_verbatim_copy_is_not_corroboration(tmp_path):
    """A wire story run word for word by a second outlet does not make its figures agree with themselves; a third
    outlet's own text giving the same figure does."""
    (tmp_path / "in").mkdir()
    story = "Summit\n\nThe leaders met for three hours of talks on Friday.\n"
    (tmp_path / "in" / "wire.txt").write_text(story)
    (tmp_path / "in" / "reprint.txt").write_text(story)
    path = tmp_path / "w.duckdb"
    pipeline(sources=[str(tmp_path / "in")], warehouse_path=str(path))
    assert _query(path, "select count(*) from figure_agreements") == [(0,)]
    (tmp_path / "in" / "daily.txt").write_text("Summit ends\n\nTheir talks lasted 3 hours, aides said.\n")
    pipeline(sources=[str(tmp_path / "in")], warehouse_path=str(path))
    assert _query(path, "select distinct n_documents, n_independent_documents from figure_agreements") == [(3, 2)]


def test_fire_story_conflicts_are_the_real_ones(tmp_path):
    """A fictional factory-fire story, 11 articles from 5 outlets as text files, a JSONL and a CSV dump (written by a
    first-time user to try the product): the conflicts are exactly the quantities the outlets disagree on, and the
    fire chief's quote is hers in every outlet."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "fire_story", tmp_path / "in")
    path = tmp_path / "w.duckdb"
    summary = pipeline(sources=[str(tmp_path / "in")], warehouse_path=str(path))
    assert summary["documents"] == 11 and summary["quarantined"] == 0, summary
    conflicts = dict(_query(path, """
        select measure_concept || coalesce(' ' || measure_event, ''), list(distinct value order by value)
        from figure_conflicts group by all"""))
    assert conflicts == {
        "person killed": [4.0, 5.0, 6.0],
        "person evacuated": [1200.0, 1500.0, 2000.0],
        "firefighter": [85.0, 120.0],
        "damage": [4e6, 40e6],
        "fire": [12.0, 13.0, 14.0],  # hours: "burned for nearly 12 hours" / 13 / 14 hours
    }, conflicts
    chief = _query(path, "select distinct speaker from quotes where text ilike 'We lost four people%'")
    assert chief == [("Maria Okonkwo",)]


def test_speakers_putin_and_trump(seed_run):
    """Putin and Trump are canonical speakers quoted by at least three outlets, with their aliases."""
    _, path, _ = seed_run
    rows = dict((speaker, (n_outlets, aliases)) for speaker, n_outlets, aliases in _query(
        path, "select speaker, n_outlets, aliases from speakers where speaker in ('Vladimir Putin', 'Donald Trump')"))
    assert rows["Vladimir Putin"][0] >= 3
    assert rows["Donald Trump"][0] >= 3
    assert {"Vladimir Putin", "Putin"} <= set(rows["Vladimir Putin"][1])


def test_speaker_descriptions_from_appositions(seed_run):
    """Titles and appositions in the attributions become descriptions."""
    _, path, _ = seed_run
    descriptions = dict(_query(path, "select speaker, descriptions from speakers"))
    assert "former Russian diplomat" in descriptions["Boris Bondarev"]
    assert any(d.startswith("independent Russian analyst") for d in descriptions["Alexandra Filippenko"])


def test_documents_summary_and_outlets(seed_run):
    """One summary row per document and per outlet (doc_id stands in for the unknown outlet); counts add up."""
    _, path, _ = seed_run
    assert _query(path, "select count(*), sum(n_quotes) from documents_summary") == \
        _query(path, "select count(*), sum(n_quotes) from documents")
    assert _query(path, "select count(*) from outlets") == [(5,)]
    row = _query(path, """select n_removed_lines, quoted_word_share, n_full_quotes + n_partial_quotes + n_scare_quotes,
                          n_quotes from documents_summary where doc_id like '003%'""")[0]
    assert row[0] >= 1
    assert 0 < row[1] < 1
    assert row[2] == row[3]


def test_text_pair_scores_are_computed_once_and_kept(seed_run, tmp_path):
    """A later build scores only text pairs it has not scored before: a kept score is not recomputed (a marked
    row keeps its mark) and a missing one is computed again, with the same value as the first time."""
    import shutil

    from flows.dbt import run_dbt

    _, built, _ = seed_run
    path = tmp_path / "copy.duckdb"
    shutil.copy(built, path)
    table = "staging.int_quote_text_pair_scores"
    with duckdb.connect(str(path)) as con:
        rows = con.execute(f"select text_pair_key, token_set_score from {table} order by 1").fetchall()
        assert len(rows) >= 2
        (dropped, dropped_score), (marked, _) = rows[0], rows[1]
        con.execute(f"delete from {table} where text_pair_key = ?", [dropped])
        con.execute(f"update {table} set token_set_score = -1 where text_pair_key = ?", [marked])
    outcome = run_dbt(path, ["run", "--select", "int_quote_text_pair_scores"])
    assert outcome.success, outcome.failures
    after = dict(_query(path, f"select text_pair_key, token_set_score from {table}"))
    assert len(after) == len(rows)
    assert after[dropped] == dropped_score and after[marked] == -1
    # the incremental Python model's temporary table does not stay behind (dropped on-run-end)
    assert _query(path, "select table_name from information_schema.tables where contains(table_name, '__dbt_tmp')") == []
