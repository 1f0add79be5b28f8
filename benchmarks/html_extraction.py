"""Token-level body-extraction benchmark for flows.core.html.extract_html.

Scores each page of benchmarks/data/html_bodies (``<name>.html`` + gold ``<name>.body.txt``) the way
boilerplate-removal benchmarks do: tokens are lowercased ``\\w+`` word tokens, overlap is the multiset
intersection of extracted and gold tokens; precision = overlap/extracted, recall = overlap/gold.
Micro scores pool the token counts of all pages; macro scores average the per-page scores.

Usage:
    python benchmarks/html_extraction.py            # extract_html, per-page table + totals + pages/second
    python benchmarks/html_extraction.py --sweep    # also compare trafilatura option sets (inside extract_html
                                                    # as its first pass, and as raw trafilatura.extract)
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA_DIR = ROOT / "benchmarks" / "data" / "html_bodies"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageScore:
    """Token overlap counts and scores for one page."""

    name: str
    extracted: int  # tokens in the extraction
    gold: int  # tokens in the gold body
    overlap: int  # multiset intersection size
    method: str

    @property
    def precision(self) -> float:
        """Share of extracted tokens that are in the gold body (1.0 when nothing was extracted and gold is empty)."""
        return self.overlap / self.extracted if self.extracted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """Share of gold tokens that were extracted."""
        return self.overlap / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Summary:
    """Micro and macro precision/recall/F1 over a set of pages, plus throughput."""

    micro_p: float
    micro_r: float
    micro_f1: float
    macro_p: float
    macro_r: float
    macro_f1: float
    pages: int
    pages_per_second: float


def tokens(text: str) -> Counter[str]:
    """Lowercased word-token multiset of `text`."""
    return Counter(_TOKEN.findall(text.lower()))


def score_page(name: str, extracted: str, gold: str, method: str = "") -> PageScore:
    """Token overlap of one extraction against its gold body."""
    ext, ref = tokens(extracted), tokens(gold)
    return PageScore(name, sum(ext.values()), sum(ref.values()), sum((ext & ref).values()), method)


def load_pages(data_dir: Path = DATA_DIR) -> list[tuple[str, str, str]]:
    """(name, html, gold body) for every page with a gold file, sorted by name."""
    pages = []
    for html_path in sorted(data_dir.glob("*.html")):
        gold_path = html_path.with_name(html_path.stem + ".body.txt")
        if gold_path.exists():
            pages.append((html_path.stem, html_path.read_text(encoding="utf-8"), gold_path.read_text(encoding="utf-8")))
    return pages


def summarize(scores: list[PageScore], seconds: float) -> Summary:
    """Pool per-page scores into micro and macro averages."""
    ext = sum(s.extracted for s in scores)
    gold = sum(s.gold for s in scores)
    ovl = sum(s.overlap for s in scores)
    mp, mr = (ovl / ext if ext else 0.0), (ovl / gold if gold else 0.0)
    n = len(scores) or 1
    return Summary(
        micro_p=mp,
        micro_r=mr,
        micro_f1=2 * mp * mr / (mp + mr) if mp + mr else 0.0,
        macro_p=sum(s.precision for s in scores) / n,
        macro_r=sum(s.recall for s in scores) / n,
        macro_f1=sum(s.f1 for s in scores) / n,
        pages=len(scores),
        pages_per_second=len(scores) / seconds if seconds > 0 else float("inf"),
    )


Extractor = Callable[[str], tuple[str, str]]


def extract_html_text(html: str) -> tuple[str, str]:
    """(body text, method) from the project's extract_html ('' and 'none' when it returns None)."""
    from flows.core.html import extract_html

    art = extract_html(html)
    return (art.text, art.method) if art is not None else ("", "none")


def evaluate(extractor: Extractor, pages: Iterable[tuple[str, str, str]]) -> tuple[list[PageScore], Summary]:
    """Run `extractor` on every page and score it; timing covers extraction only."""
    scores, seconds = [], 0.0
    for name, html, gold in pages:
        start = time.perf_counter()
        text, method = extractor(html)
        seconds += time.perf_counter() - start
        scores.append(score_page(name, text, gold, method))
    return scores, summarize(scores, seconds)


def format_table(scores: list[PageScore], summary: Summary) -> str:
    """Plain-text table: one row per page, then micro and macro rows."""
    width = max([len(s.name) for s in scores] + [10])
    head = f"{'page':<{width}}  {'method':<18} {'gold':>5} {'ext':>5}   {'P':>5}  {'R':>5}  {'F1':>5}"
    rows = [head, "-" * len(head)]
    for s in scores:
        rows.append(
            f"{s.name:<{width}}  {s.method:<18} {s.gold:>5} {s.extracted:>5}   "
            f"{s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f}"
        )
    rows.append("-" * len(head))
    rows.append(f"{'micro':<{width}}  {'':<18} {'':>5} {'':>5}   {summary.micro_p:5.3f}  {summary.micro_r:5.3f}  {summary.micro_f1:5.3f}")
    rows.append(f"{'macro':<{width}}  {'':<18} {'':>5} {'':>5}   {summary.macro_p:5.3f}  {summary.macro_r:5.3f}  {summary.macro_f1:5.3f}")
    rows.append(f"{summary.pages} pages, {summary.pages_per_second:.1f} pages/second (extraction time only)")
    return "\n".join(rows)


SWEEP: dict[str, dict[str, bool]] = {
    "balanced (default)": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "balanced, no tables": {"include_tables": False},
    "precision, no tables": {"favor_precision": True, "include_tables": False},
    "recall, no tables": {"favor_recall": True, "include_tables": False},
    "balanced + comments": {"include_comments": True},
    "balanced + deduplicate": {"deduplicate": True},
}
_BASE_OPTIONS: dict[str, bool] = {"favor_precision": False, "favor_recall": False, "include_comments": False}


def pipeline_with(options: dict[str, bool]) -> Extractor:
    """extract_html with its first trafilatura pass run under `options` (fallbacks unchanged)."""
    import flows.core.html as html_mod

    primary = {**html_mod.PRIMARY_OPTIONS, **_BASE_OPTIONS, **options}

    def run(html: str) -> tuple[str, str]:
        """Extract with the captured primary options, restoring the module's own afterwards."""
        saved = html_mod.PRIMARY_OPTIONS
        html_mod.PRIMARY_OPTIONS = primary
        try:
            return extract_html_text(html)
        finally:
            html_mod.PRIMARY_OPTIONS = saved

    return run


def raw_trafilatura(options: dict[str, bool]) -> Extractor:
    """Plain trafilatura.extract (txt output) with `options`: no pre-pruning, no fallbacks."""
    import trafilatura

    def run(html: str) -> tuple[str, str]:
        """Extract with the captured options."""
        return trafilatura.extract(html, output_format="txt", **{**_BASE_OPTIONS, **options}) or "", "raw"

    return run


def sweep(pages: list[tuple[str, str, str]]) -> str:
    """Micro/macro scores per trafilatura option set, inside extract_html and as raw trafilatura.extract."""
    head = f"{'trafilatura options':<24} {'pipeline':>8} {'microP':>6} {'microR':>6} {'microF1':>7} {'macroF1':>7} {'pages/s':>7}"
    rows = [head, "-" * len(head)]
    for kind, make in (("extract", pipeline_with), ("raw", raw_trafilatura)):
        for label, options in SWEEP.items():
            _, s = evaluate(make(options), pages)
            rows.append(
                f"{label:<24} {kind:>8} {s.micro_p:6.3f} {s.micro_r:6.3f} {s.micro_f1:7.3f} {s.macro_f1:7.3f} {s.pages_per_second:7.1f}"
            )
    return "\n".join(rows)


META_FIELDS: tuple[tuple[str, str], ...] = (("title", "title"), ("author", "author"), ("date", "published_at"), ("outlet", "outlet"))


def metadata_accuracy(data_dir: Path = DATA_DIR) -> str:
    """How many pages' title/author/date/outlet match <name>.meta.json exactly (pages without one are skipped)."""
    import json

    from flows.core.html import extract_html

    hits = dict.fromkeys((field for field, _ in META_FIELDS), 0)
    total = 0
    for meta_path in sorted(data_dir.glob("*.meta.json")):
        html_path = meta_path.with_name(meta_path.name.removesuffix(".meta.json") + ".html")
        if not html_path.exists():
            continue
        expected = json.loads(meta_path.read_text(encoding="utf-8"))
        art = extract_html(html_path.read_text(encoding="utf-8"))
        total += 1
        for field, attr in META_FIELDS:
            hits[field] += int(art is not None and getattr(art, attr) == expected.get(field))
    return "metadata exact match: " + ", ".join(f"{field} {n}/{total}" for field, n in hits.items())


def main(argv: list[str] | None = None) -> int:
    """Print the per-page table for extract_html (and, with --sweep, the raw option comparison)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="directory of <name>.html + <name>.body.txt")
    parser.add_argument("--sweep", action="store_true", help="also score trafilatura option sets")
    args = parser.parse_args(argv)
    pages = load_pages(args.data)
    if not pages:
        print(f"no pages in {args.data}", file=sys.stderr)
        return 1
    extract_html_text(pages[0][1])  # warm-up: imports and lazy initialisation are not throughput
    scores, summary = evaluate(extract_html_text, pages)
    print("extract_html on", args.data.relative_to(ROOT) if args.data.is_relative_to(ROOT) else args.data)
    print(format_table(scores, summary))
    print(metadata_accuracy(args.data))
    if args.sweep:
        print()
        print(sweep(pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
