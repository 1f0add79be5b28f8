"""The static report: escaping, failing soft, speed, the Prefect artifact, and a real headless-Chromium render.

The end-to-end tests build a warehouse through the real pipeline (`newsdesk run`, in a subprocess) from the
seeds plus one hostile article whose title, outlet and quotes carry `<script>` and `<img onerror>` payloads, and
a dump whose broken records are quarantined with a hostile doc_id. The browser test skips, saying why, when no
Chromium is installed (.ci/run installs Debian's chromium).
"""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from flows import report as rpt

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SCREENSHOT_COPY = REPO / "docs" / "report-screenshot.png"

PWN_IMG = "<img src=x onerror=\"document.title='PWNED';document.body.setAttribute('data-pwned','1')\">"
PWN_SCRIPT = "<script>window.__pwned=1;document.title='PWNED'</script>"
HOSTILE_TITLE = f"Summit {PWN_SCRIPT} ends {PWN_IMG}"
HOSTILE_OUTLET = f"Evil {PWN_IMG} Times"
HOSTILE_DOC_ID = f"bad{PWN_IMG}"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def hostile_records() -> str:
    """A JSONL dump: one article full of markup, one record with no body (quarantined), one broken line."""
    text = "\n\n".join([
        f"Donald Trump met Vladimir Putin in Alaska for talks that lasted three hours. {PWN_SCRIPT}",
        f"“We didn’t get there, but we have a very good chance {PWN_IMG} of getting there,” Trump told reporters.",
        f"“{PWN_SCRIPT}There’s no deal until there’s a deal,” Trump said on Saturday.",
        "Putin said the talks were “extremely productive” and added that Russia wants peace.",
        f"The talks lasted 5 hours, according to a Kremlin aide, who called the summit {PWN_IMG} “a success”.",
    ])
    article = {"id": "hostile-1", "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "text": text}
    no_body = {"id": HOSTILE_DOC_ID, "title": PWN_SCRIPT}
    return (json.dumps(article, ensure_ascii=False) + "\n" + json.dumps(no_body, ensure_ascii=False) + "\n"
            + '{"text": "<script>window.__pwned=1</script> broken\n')


def newsdesk(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the CLI as a user would (its own process, its own Prefect server)."""
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory) -> Path:
    """Seeds + the hostile dump, through the real pipeline."""
    folder = tmp_path_factory.mktemp("hostile")
    sources = folder / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "hostile.jsonl").write_text(hostile_records(), encoding="utf-8")
    path = folder / "newsdesk.duckdb"
    done = newsdesk("run", "--source", str(sources), "--warehouse", str(path))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with duckdb.connect(str(path), read_only=True) as con:  # the payloads made it into the marts
        assert con.execute("select count(*) from main.documents where title = ?", [HOSTILE_TITLE]).fetchone()[0] == 1
        assert con.execute("select count(*) from main.quote_clusters where outlet = ?",
                           [HOSTILE_OUTLET]).fetchone()[0] >= 1
        assert con.execute("select count(*) from main.quarantine where doc_id = ?", [HOSTILE_DOC_ID]).fetchone()[0]
    return path


@pytest.fixture(scope="module")
def hostile_report(hostile_warehouse, tmp_path_factory) -> Path:
    """The report of the hostile warehouse, written by `newsdesk report`."""
    out = tmp_path_factory.mktemp("report")
    done = newsdesk("report", "--warehouse", str(hostile_warehouse), "--out", str(out), timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    index = out / "index.html"
    assert index.is_file()
    return index


# ---------------------------------------------------------------------------------------------- units


def test_a_run_writes_its_report_beside_its_warehouse_without_clobbering_another(tmp_path):
    """The default warehouse keeps `report/`; any other warehouse file gets `<name>-report/` beside it."""
    from flows.report_flow import default_out_dir

    assert default_out_dir(tmp_path / "newsdesk.duckdb") == (tmp_path / "report").resolve()
    assert default_out_dir(tmp_path / "archive.duckdb") == (tmp_path / "archive-report").resolve()
    assert default_out_dir(tmp_path / "w2.duckdb") != default_out_dir(tmp_path / "w.duckdb")


def test_diff_marks_changed_words_and_ignores_unquoted_stretches():
    reference = "I’ve consistently stated that the events in Ukraine pose fundamental threats to Russia’s national security,"
    assert rpt.diff_words(reference, "fundamental threats to our national security.") == [
        {"op": "same", "text": "fundamental threats to"}, {"op": "del", "text": "Russia’s"},
        {"op": "ins", "text": "our"}, {"op": "same", "text": "national security."}]
    assert rpt.diff_words(reference, "Fundamental threats") == [{"op": "same", "text": "Fundamental threats"}]
    assert rpt.diff_words(reference, "nothing alike") == [{"op": "ins", "text": "nothing alike"}]


def test_diff_keeps_markup_as_plain_text_for_the_template():
    segments = rpt.diff_words("we have a very good chance of getting there", f"a very good chance {PWN_IMG} of getting")
    assert {"op": "ins", "text": PWN_IMG} in segments  # raw text; only the template turns it into HTML, escaped
    html = rpt.environment().from_string(
        "{% for s in segs %}<{{ s.op }}>{{ s.text }}</{{ s.op }}>{% endfor %}", ).render(segs=segments)
    assert "<img" not in html and "&lt;img src=x onerror=" in html


def test_svg_charts_escape_every_label():
    chart = rpt.bar_chart([(PWN_SCRIPT, 3), ("Plain", 1)], "quotes", f"title {PWN_IMG}", "c")
    assert "<script" not in chart and "<img" not in chart
    assert chart.count('class="bar"') == 2
    point = {"outlet": HOSTILE_OUTLET, "x": 3.0, "x_low": None, "x_high": None, "band_low": 2.5, "band_high": 3.5,
             "band": 1, "surfaces": [PWN_SCRIPT], "axis_unit": "hour"}
    chart = rpt.range_chart([point, {**point, "x": 12.0, "band": 2}], "hour", "t", "c")
    assert "<script" not in chart and "<img" not in chart
    assert chart.count('class="mark') == 2


def test_open_ended_intervals_chart_to_the_axis_edge():
    """"At least four" allows up to infinity: its tolerance band runs to the axis edge, never to NaN or inf."""
    at_least = {"outlet": "Wire", "x": 4.0, "x_low": None, "x_high": None, "band_low": 4.0,
                "band_high": float("inf"), "band": 1, "surfaces": ["At least four"], "axis_unit": ""}
    under = {**at_least, "outlet": "Daily", "x": 3.0, "band_low": float("-inf"), "band_high": 3.0,
             "surfaces": ["under 3"]}
    chart = str(rpt.range_chart([at_least, under, {**at_least, "outlet": "Post", "x": 6.0, "band_low": 5.7,
                                                    "band_high": 6.3}], "", "t", "c"))
    assert "nan" not in chart and "inf" not in chart
    assert chart.count('class="tolerance"') == 3


def test_a_quote_whose_numbers_changed_says_so(tmp_path):
    """quote_spread's changed_numbers reach the page, escaped, under the cluster they belong to."""
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table main.quote_spread as select 'c1' as cluster_id, 'X' as speaker, 2 as n_quotes, "
                    "2 as n_outlets, 2 as n_documents, 'within two years' as canonical_text, "
                    "['two years', 'three <b>years</b>'] as changed_numbers")
    html = rpt.write_report(path, tmp_path / "out").read_text(encoding="utf-8")
    assert "Numbers differ between wordings:" in html and "two years · three &lt;b&gt;years&lt;/b&gt;" in html


def test_missing_or_unfinished_marts_fail_soft(tmp_path):
    """A warehouse with half-built marts still gets a report, each broken section saying why."""
    path = tmp_path / "partial.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table main.speakers (speaker varchar, n_quotes bigint)")  # no n_outlets yet
        con.execute("insert into main.speakers values ('A', 2)")
        con.execute("create table main.outlets (outlet varchar, n_documents bigint)")  # optional columns missing
        con.execute("insert into main.outlets values ('Daily <b>Planet</b>', 3)")
        con.execute("create view main.figure_conflicts as select 1 / 0 as conflict_id")  # errors when queried
    index = rpt.write_report(path, tmp_path / "out")
    html = index.read_text(encoding="utf-8")
    assert html.count("Not available:") >= 4
    assert "main.speakers has no column n_outlets" in html
    assert "the mart main.quote_spread does not exist" in html
    assert "Daily &lt;b&gt;Planet&lt;/b&gt;" in html  # the outlets section still rendered, escaped


def test_no_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        rpt.write_report(tmp_path / "missing.duckdb", tmp_path / "out")


# ---------------------------------------------------------------------------------------------- end to end


@pytest.mark.slow
def test_report_escapes_all_article_text(hostile_report):
    html = hostile_report.read_text(encoding="utf-8")
    assert "<script" not in html.lower()  # the page has no script at all; an injected one would show here
    assert "<img" not in html.lower()
    assert "Content-Security-Policy" in html and "script-src 'none'" in html
    assert "Summit &lt;script&gt;window.__pwned=1;document.title=&#39;PWNED&#39;&lt;/script&gt; ends" in html
    assert "Evil &lt;img src=x onerror=" in html
    assert "http://" not in html and "https://" not in html  # nothing to fetch at view time


@pytest.mark.slow
def test_report_sections_and_speed(hostile_warehouse, tmp_path):
    started = time.perf_counter()
    rpt.write_report(hostile_warehouse, tmp_path)
    seconds = time.perf_counter() - started
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    for section in ("speakers", "spread", "conflicts", "agreements", "outlets", "quality"):
        assert f'id="{section}"' in html
    assert "Not available" not in html
    assert "<ins>" in html and "<del>" in html  # the quote spread marks differences
    assert "2 items quarantined" in html and "missing_text" in html and "invalid_json" in html
    assert seconds < 5, f"report took {seconds:.1f} s"  # ~1 s here; generous for a loaded CI machine


@pytest.fixture(scope="module")
def prefect_api():
    """A temporary Prefect API for the artifact test (stopped cleanly at the end of this module)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.mark.slow
def test_publish_report_links_the_artifact(hostile_warehouse, prefect_api, tmp_path):
    from prefect import flow
    from prefect.artifacts import Artifact

    from flows.report_flow import ARTIFACT_KEY, publish_report

    @flow(name="report-artifact-test")
    def publish() -> str | None:
        return publish_report(str(hostile_warehouse), str(tmp_path / "site"))

    index = publish()
    assert index == str((tmp_path / "site" / "index.html").resolve())
    artifact = Artifact.get(ARTIFACT_KEY)
    assert artifact is not None and artifact.type == "markdown"
    assert Path(index).as_uri() in artifact.data


# ---------------------------------------------------------------------------------------------- the browser


class DomSummary(HTMLParser):
    """What the rendered DOM holds: tags, SVG marks per chart, text, and the document title."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[dict[str, str]] = []
        self.marks: dict[str, int] = {}
        self.text: list[str] = []
        self.title = ""
        self._stack: list[dict[str, str]] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.attributes.append(attributes)
        chart = next((a for a in reversed(self._stack) if a.get("_tag") == "svg" and "chart" in a.get("class", "")),
                     None)
        classes = attributes.get("class", "").split()
        if chart is not None and ("bar" in classes or "mark" in classes):
            key = chart.get("id") or chart.get("class")
            self.marks[key] = self.marks.get(key, 0) + 1
        if tag not in ("rect", "circle", "line", "path", "br", "meta", "link", "input", "img"):
            self._stack.append({**attributes, "_tag": tag})
        self._in_title = tag == "title" and not any(a["_tag"] == "svg" for a in self._stack[:-1])

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i]["_tag"] == tag:
                del self._stack[i:]
                break
        self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title:
            self.title += data

    def marks_in(self, prefix: str) -> int:
        return sum(n for key, n in self.marks.items() if prefix in key)


def chromium_binary() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def chromium(binary: str, *args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


def dump_dom(binary: str, page: Path, profile: Path) -> DomSummary:
    done = chromium(binary, "--dump-dom", page.as_uri(), profile=profile)
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    dom = DomSummary()
    dom.feed(done.stdout)
    return dom


def assert_nothing_injected(dom: DomSummary) -> None:
    text = "".join(dom.text)
    assert dom.title.strip() == "newsdesk report", f"the page title changed: {dom.title!r}"
    assert "script" not in dom.tags and "img" not in dom.tags, "an injected element made it into the DOM"
    assert not any("data-pwned" in attrs or any(k.startswith("on") for k in attrs) for attrs in dom.attributes)
    assert HOSTILE_TITLE in text  # the payloads are there, as text
    assert HOSTILE_OUTLET in text
    assert HOSTILE_DOC_ID in text


@pytest.mark.slow
def test_report_in_headless_chromium(hostile_warehouse, hostile_report, tmp_path):
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium found (looked for chromium, chromium-browser, google-chrome): install Debian's "
                    "`chromium` package to run the browser test; .ci/run does")
    dom = dump_dom(binary, hostile_report, tmp_path / "profile")
    assert_nothing_injected(dom)

    with duckdb.connect(str(hostile_warehouse), read_only=True) as con:
        speakers = con.execute("select count(*) from main.speakers").fetchone()[0]
        conflicts = con.execute("select count(*) from (select distinct conflict_id, outlet, value, low, high, unit "
                                "from main.figure_conflicts)").fetchone()[0]
        agreements = con.execute("select count(*) from (select distinct agreement_id, outlet, value, low, high, unit "
                                 "from main.figure_agreements)").fetchone()[0]
        outlets = con.execute("select count(*) from main.outlets").fetchone()[0]
    assert conflicts and agreements, "the fixture should have figure conflicts and agreements to chart"
    assert dom.marks_in("chart-speakers-quotes") == min(speakers, rpt.TOP_SPEAKERS)
    assert dom.marks_in("chart-speakers-outlets") == min(speakers, rpt.TOP_SPEAKERS)
    assert dom.marks_in("chart-figure-conflicts") == conflicts
    assert dom.marks_in("chart-figure-agreements") == agreements
    assert dom.marks_in("chart-outlets-quotes") == min(outlets, rpt.TOP_SPEAKERS)

    # Escaping alone must hold: the same page without its Content-Security-Policy renders nothing injected either.
    no_csp = tmp_path / "no-csp.html"
    no_csp.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                             hostile_report.read_text(encoding="utf-8")), encoding="utf-8")
    assert "Content-Security-Policy" not in no_csp.read_text(encoding="utf-8")
    assert_nothing_injected(dump_dom(binary, no_csp, tmp_path / "profile"))

    shot = tmp_path / "report.png"
    done = chromium(binary, f"--screenshot={shot}", "--window-size=1280,2400", hostile_report.as_uri(),
                    profile=tmp_path / "profile")
    assert done.returncode == 0 and shot.is_file() and shot.stat().st_size > 50_000, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("NEWS_UPDATE_SCREENSHOT"):  # refresh the README's picture on purpose, not on every run
        shutil.copyfile(shot, SCREENSHOT_COPY)
