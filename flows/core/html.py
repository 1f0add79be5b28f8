"""HTML article extraction: body text and metadata from one HTML page, via trafilatura, offline and pure.

Chain (first step that yields text wins; `HtmlArticle.method` records which):

1. ``trafilatura``         -- `trafilatura.bare_extraction` with PRIMARY_OPTIONS (favor_precision, tables kept,
                              comments/images/links dropped). Chosen by measuring token F1 on
                              benchmarks/data/html_bodies after the pre-pruning below (docs/benchmarks.md):
                              precision > balanced = recall; include_tables=False loses data tables.
2. ``trafilatura:recall``  -- the same call with favor_recall, for pages the precision pass rejects.
3. ``baseline``            -- `trafilatura.baseline`: JSON-LD ``articleBody``, then ``<article>``, then all ``<p>``,
                              then the cleaned page text (script/style/aside/footer removed by trafilatura).

Before extraction (after metadata is read), elements that never hold body text are removed: script (JSON-LD
excepted), style, template, noscript, iframe, svg, nav, role=navigation/contentinfo and aria-hidden elements;
trafilatura otherwise leaks <template> text and, on short articles, pulls in the menu. Layout tables (cells
with long text or block markup) are turned into divs, so trafilatura
keeps their paragraphs instead of flattening the page into one table row, and their mostly-link cells (menus,
headline columns) are emptied. After it, each line becomes one paragraph; short "Read more: ..." cross-promotion
lines and leading paragraphs that merely repeat the title or author are dropped (trafilatura's convention, which
the gold bodies follow, is "body without title"). A result without a single letter counts as no body.

No network I/O: the HTML string is parsed in memory; `url` is only recorded (and used as metadata fallback).
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Final

import trafilatura
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

# trafilatura logs every rejected page at WARNING ("discarding data: None"); expected here, not news.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

PRIMARY_OPTIONS: Final[dict[str, Any]] = {
    "favor_precision": True,
    "favor_recall": False,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}
RECALL_OPTIONS: Final[dict[str, Any]] = {**PRIMARY_OPTIONS, "favor_precision": False, "favor_recall": True}

# a layout-table cell is "navigation" when it has this many links and links carry this share of its text
_NAV_CELL_MIN_LINKS: Final = 3
_NAV_CELL_LINK_SHARE: Final = 0.6
# a cell longer than this (characters) is page layout, not tabular data
_LAYOUT_CELL_CHARS: Final = 400
_LAYOUT_CELL_BRS: Final = 4
# cross-promotion lines ("Read more: ...") longer than this are kept: they may be real prose
_PROMO_MAX_CHARS: Final = 200
# how many leading paragraphs may be a repeated title/byline
_HEADER_SCAN: Final = 3
# never body text: executable/hidden markup and navigation landmarks (JSON-LD stays: baseline reads articleBody)
_NON_CONTENT: Final = XPath(
    "//script[not(@type='application/ld+json')] | //style | //template | //noscript | //iframe | //svg"
    " | //nav | //*[@role='navigation'] | //*[@role='contentinfo'] | //*[@aria-hidden='true']"
)
_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")
_LETTER = re.compile(r"[^\W\d_]")  # a body must contain at least one letter


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """Body text and metadata of one HTML news page."""

    text: str  # body without the headline; paragraphs separated by exactly "\n\n"
    title: str | None
    author: str | None
    published_at: str | None  # ISO date (YYYY-MM-DD) as found by trafilatura/htmldate
    outlet: str | None  # site name, else host name
    url: str | None
    method: str  # "trafilatura" | "trafilatura:recall" | "baseline"


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Extract the article body and metadata from `html`; None when the page has no body text."""
    if not html or not html.strip():
        return None
    tree = _parse(html)
    if tree is None:
        return None
    meta = _metadata(tree, url)
    _prune_non_content(tree)
    _unwrap_layout_tables(tree)
    text, method = _body(tree, url)
    text = _drop_header_lines(text, meta["title"], meta["author"])
    if not _LETTER.search(text):
        return None
    return HtmlArticle(
        text=text,
        title=meta["title"],
        author=meta["author"],
        published_at=meta["published_at"],
        outlet=meta["outlet"],
        url=url or meta["url"],
        method=method,
    )


def _parse(html: str) -> HtmlElement | None:
    """Parse `html` into an lxml tree (None for input lxml cannot read as a document)."""
    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


def _body(tree: HtmlElement, url: str | None) -> tuple[str, str]:
    """Return (body text, method) from the first extraction step that yields text."""
    for method, options in (("trafilatura", PRIMARY_OPTIONS), ("trafilatura:recall", RECALL_OPTIONS)):
        text = _paragraphs(_trafilatura_text(tree, url, options))
        if text:
            return text, method
    return _paragraphs(_baseline_text(tree)), "baseline"


def _trafilatura_text(tree: HtmlElement, url: str | None, options: dict[str, Any]) -> str:
    """Run trafilatura's main extractor on a copy of `tree` and return its plain text ('' if rejected)."""
    try:
        doc = trafilatura.bare_extraction(deepcopy(tree), url=url, with_metadata=False, **options)
    except (ValueError, TypeError, AttributeError):
        return ""
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _baseline_text(tree: HtmlElement) -> str:
    """Run trafilatura's baseline extractor on a copy of `tree`, one paragraph per line."""
    try:
        body, _text, _length = trafilatura.baseline(deepcopy(tree))
    except (ValueError, TypeError, AttributeError):
        return ""
    return "\n".join(p.text or "" for p in body.iter("p"))


def _paragraphs(text: str) -> str:
    """Collapse whitespace inside each line and join the non-empty lines with blank lines."""
    lines = (_WS.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line and not _is_promo(line))


def _key(text: str | None) -> str:
    """Comparison key: lowercase words only."""
    return _NON_WORD.sub(" ", (text or "").casefold()).strip()


def _drop_header_lines(text: str, title: str | None, author: str | None) -> str:
    """Drop leading paragraphs that only repeat the title or the author (headline/byline leaking into the body)."""
    paras = text.split("\n\n") if text else []
    header_keys = {k for k in (_key(title), _key(author), _key(f"by {author}" if author else None)) if k}
    for _ in range(_HEADER_SCAN):
        if len(paras) < 2 or _key(paras[0]) not in header_keys:
            break
        paras = paras[1:]
    return "\n\n".join(paras)


def _prune_non_content(tree: HtmlElement) -> None:
    """Remove elements that never hold body text (code, hidden templates, navigation), keeping their tails."""
    for elem in _NON_CONTENT(tree):
        elem.drop_tree()


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn layout tables (a cell holding long text or block markup) into divs, in place; data tables stay."""
    for table in list(tree.iter("table")):
        cells = _own_cells(table)
        if not any(_is_layout_cell(cell) for cell in cells):
            continue
        for cell in cells:
            if _is_nav_cell(cell):
                cell.clear()
            cell.tag = "div"
        for part in table.xpath("./thead | ./tbody | ./tfoot | ./tr | ./*/tr"):
            part.tag = "div"
        table.tag = "div"


def _own_cells(table: HtmlElement) -> list[HtmlElement]:
    """Cells of `table` itself, not of tables nested inside it."""
    return table.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")


def _is_layout_cell(cell: HtmlElement) -> bool:
    """A cell carrying page layout: long text, nested blocks, or paragraphs made of <br> runs."""
    if len(cell.text_content()) > _LAYOUT_CELL_CHARS:
        return True
    nested = next(cell.iterdescendants("div", "table", "article", "section"), None)
    return nested is not None or len(cell.findall(".//br")) >= _LAYOUT_CELL_BRS


def _is_nav_cell(cell: HtmlElement) -> bool:
    """A table cell that is mostly links (menus and headline columns of table-layout pages)."""
    links = cell.findall(".//a")
    if len(links) < _NAV_CELL_MIN_LINKS:
        return False
    total = len(_WS.sub("", cell.text_content()))
    linked = sum(len(_WS.sub("", a.text_content())) for a in links)
    return bool(total) and linked / total >= _NAV_CELL_LINK_SHARE


_PROMO_LINE = re.compile(r"^(read more|read also|also read|related|see also|recommended|more on this story)\s*:", re.I)


def _is_promo(paragraph: str) -> bool:
    """A short 'Read more: <headline>' style cross-promotion line."""
    return len(paragraph) <= _PROMO_MAX_CHARS and bool(_PROMO_LINE.match(paragraph))


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Read title, author, date, site name and canonical URL with trafilatura's metadata extractor."""
    try:
        doc = extract_metadata(deepcopy(tree), default_url=url)
    except (ValueError, TypeError, AttributeError):
        return dict.fromkeys(("title", "author", "published_at", "outlet", "url"))
    return {
        "title": doc.title or None,
        "author": doc.author or None,
        "published_at": doc.date or None,
        "outlet": doc.sitename or doc.hostname or None,
        "url": doc.url or None,
    }
