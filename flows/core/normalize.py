"""The single normalization point: raw article text in, clean paragraphs plus header metadata out.

Passes, in order: repair (mojibake, NFC, invisible characters) → split into blocks → join hard-wrapped
lines → drop boilerplate lines (kept in `removed_lines`) → pull out title, byline and dateline.
The output `text` has one paragraph per line group separated by exactly one blank line, and starts with
the headline when there is one, so headline quotes and figures are extracted like any other.
"""

from __future__ import annotations

import re
import unicodedata

import dateutil.parser
import ftfy

from flows.core.quote_patterns import SPEECH_FORMS
from flows.core.records import NormalizedDocument, RawDocument

# Sequences that only appear when UTF-8 was decoded as cp1252/latin-1; ftfy runs only when one is present
# because it costs far more than the check.
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]|â€|Ã.|\ufffd")
# Every _MOJIBAKE match starts with one of these; `in` tests for them are far cheaper than the regex scan.
_MOJIBAKE_LEADS = ("Ã", "Â", "â", "\ufffd")
# Deleted characters, in one pass: invisible ones (zero-width, BOM, soft hyphen) and the C0/C1 control
# characters other than tab and newline (tab is turned into a space below).
_DELETE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Runs of horizontal space become one " ". Only runs that change are matched (a run starting with a space
# character other than " ", or " " followed by more space), so the common single space costs no substitution.
_SPACE_CHARS = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(f"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]{_SPACE_CHARS}*| {_SPACE_CHARS}+")
# The space characters other than " ", each tested with `in` (a fast C scan) before paying for _SPACES; text
# without them only needs runs of plain spaces collapsed.
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_DOUBLE_SPACES = re.compile(" {2,}")
# After _SPACES at most one space sits on either side of a newline; only newlines with a space are matched.
_LINE_EDGES = re.compile(r" \n ?|\n ")
_BLANK_RUN = re.compile(r"\n\s*\n")

# A line that ends a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…:][\"”’»)\]]*$")
_STARTS_PARAGRAPH = re.compile(r"^[\"“‘«(\[]?[A-Z0-9]")
# "Anchorage, Alaska — President …": a place name, a dash, then the story.
# Wire style too: "SPRINGFIELD, March 3 (Reuters) - …" (a date and an agency in brackets may follow the place; an
# ASCII hyphen counts only with spaces around it).
_DATELINE = re.compile(
    r"^((?:[A-Z][\w.’'-]*\s?){1,4}(?:,\s(?:[A-Z][\w.’'-]*\s?){1,3})?)"
    r"(?:,?\s?[A-Z][a-z]{2,8}\.?\s\d{1,2}\b)?(?:\s?\([A-Z][\w .&-]{0,30}\))?\s?(?:[—–]|(?<=\s)-\s)\s?"
)

# Hard-wrapped blocks: many lines, all of them short.
WRAP_MIN_LINES = 4
WRAP_MAX_WIDTH = 100
# Headlines are short and do not end like a sentence.
TITLE_MAX_CHARS = 200

# Whole-line page furniture, one alternative per kind, tried in a single match (IGNORECASE does not change
# the dash/bullet class).
_BOILERPLATE = re.compile(
    r"^\d+\s*min(ute)?s?\s+read$"
    r"|^(share|share (this )?(article|story|via|on \w+)|tweet|email|print|copy link|save)$"
    r"|^(advertisement|related( articles?)?|read more|subscribe( now)?|sign up.*newsletter.*)$"
    r"|^[-–—|•·*_=~]+$"
    r"|^(source|sources|photo|image)s?:?$"
    r"|^[\w .&]{1,60} contributed (reporting )?to this (report|story)\.?$",
    re.I,
)
# "By Jane Doe", alone or before furniture after a bar or dot ("By Jane Doe | 3 Min Read")
_BYLINE = re.compile(
    r"^by(?:\s+(?P<name>(?-i:[A-Z][\w.’'-]+(?:\s+(?:and\s+)?[A-Z][\w.’'-]+){0,4})))?(?:\s*[|·•]\s*[^|·•]{1,40}){0,3}$",
    re.I,
)
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3}) (?:is|was|has been) (?:an?|the) "
    r"(?:[\w-]+\s){0,4}(?:writer|reporter|journalist|editor|correspondent|contributor|columnist|analyst at)\b"
)
_LONE_NAME = re.compile(r"^[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+){0,2}$")
_TRAILING_SOURCE = re.compile(r"(?<=[.!?”\"])\s+(source|Source)$")
_TRAILING_SOURCE_ENDS = ("source", "Source", "source\n", "Source\n")  # cheap pre-check: what `$` can end with


def repair_text(text: str) -> str:
    """Fix mojibake (only when present), normalize to NFC, unify spaces and newlines."""
    if any(lead in text for lead in _MOJIBAKE_LEADS) and _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _DELETE.sub("", text)
    if any(ch in text for ch in _ODD_SPACES):
        text = _SPACES.sub(" ", text)
    elif "  " in text:
        text = _DOUBLE_SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    return text.strip(" ")


def is_hard_wrapped(lines: list[str]) -> bool:
    """A block whose many lines are all short and mostly end mid-sentence was wrapped by a tool."""
    if len(lines) < WRAP_MIN_LINES or max(len(line) for line in lines) > WRAP_MAX_WIDTH:
        return False
    open_ends = sum(1 for line in lines if not _SENTENCE_END.search(line))
    return open_ends * 2 >= len(lines)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs; a sentence end followed by a capitalized line breaks."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line, nxt in zip(lines, [*lines[1:], None]):
        if current and _DATELINE.match(line) and not _SENTENCE_END.search(current[-1]):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
        if nxt is None or (_SENTENCE_END.search(line) and _STARTS_PARAGRAPH.match(nxt)):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def split_paragraphs(text: str) -> tuple[list[str], int]:
    """Split repaired text into paragraphs, joining hard-wrapped blocks; return them and the lines joined."""
    paragraphs: list[str] = []
    joined_total = 0
    for block in _BLANK_RUN.split(text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        joined = join_wrapped_lines(lines) if is_hard_wrapped(lines) else join_broken_lines(lines)
        paragraphs.extend(joined)
        joined_total += len(lines) - len(joined)
    return paragraphs, joined_total


def join_broken_lines(lines: list[str]) -> list[str]:
    """In a block too small to look hard-wrapped, join a short line that stops mid-sentence to a next line that
    goes on in lower case (“… Mayor Linda Park⏎said at …”, “It is a⏎once-in-a-century event.”), or that stops
    inside the speech tag after a quote (““We lost four,” said Fire Chief⏎Maria Okonkwo.”): a line break cannot
    fall there between paragraphs."""
    if len(lines) == 1:
        return lines
    out = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        if len(prev) <= WRAP_MAX_WIDTH and not _SENTENCE_END.search(prev) and (
                line[:1].islower() or _ends_in_speech_tag(prev)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


# a closing quote mark, then the start of a speech tag running to the end of the line ("…,” said Fire Chief")
_OPEN_SPEECH_TAG = re.compile(r"[”\"»]\s*,?\s+((?:[\w’'.,-]+\s+){0,5}[\w’'.-]+)\s*,?$")
_TAG_VERBS = SPEECH_FORMS | {"according"}


def _ends_in_speech_tag(line: str) -> bool:
    """Whether a line ends in the speech tag of a quote it closes, cut before the speaker's name."""
    match = _OPEN_SPEECH_TAG.search(line)
    return match is not None and any(word.lower() in _TAG_VERBS for word in match[1].split())


def _is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    return _BOILERPLATE.match(line) is not None


def strip_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str], str | None]:
    """Drop furniture, bylines and author bios; return kept paragraphs, removed lines and the byline."""
    kept: list[str] = []
    removed: list[str] = []
    byline: str | None = None
    for i, para in enumerate(paragraphs):
        by = _BYLINE.match(para)
        bio = _BIO.match(para)
        if by and len(para) < 80:
            byline = byline or by.group("name")
        elif bio:
            byline = bio.group("name") if not byline or bio.group("name").startswith(byline) else byline
        elif _is_boilerplate(para) or _is_header_name(paragraphs, i):
            pass
        else:
            trailing = _TRAILING_SOURCE.search(para) if para.endswith(_TRAILING_SOURCE_ENDS) else None
            if trailing:
                removed.append(trailing.group(1))
                para = para[: trailing.start()]
            kept.append(para)
            continue
        removed.append(para)
    return kept, removed, byline


def _is_header_name(paragraphs: list[str], i: int) -> bool:
    """A lone name right next to a "By" line is part of the byline block."""
    if not _LONE_NAME.match(paragraphs[i]):
        return False
    neighbours = paragraphs[max(0, i - 1) : i] + paragraphs[i + 1 : i + 2]
    return any(_BYLINE.match(p) for p in neighbours)


def _looks_like_title(para: str, has_more: bool) -> bool:
    """Headlines are short, single-line and do not end with a full stop."""
    return has_more and len(para) <= TITLE_MAX_CHARS and not re.search(r"[.,;:]$", para)


def normalize_document(raw: RawDocument) -> NormalizedDocument:
    """Normalize one raw document into paragraphs plus title, byline and dateline."""
    paragraphs, joined = split_paragraphs(repair_text(raw.raw_text))
    paragraphs, removed, byline = strip_boilerplate(paragraphs)
    # Repair before testing for emptiness: a title of only invisible characters is no title.
    title = (repair_text(raw.title).replace("\n", " ").strip() or None) if raw.title else None
    if title:
        if not paragraphs or paragraphs[0] != title:
            paragraphs.insert(0, title)
    elif paragraphs and _looks_like_title(paragraphs[0], len(paragraphs) > 1):
        title = paragraphs[0]
    body_start = 1 if title else 0
    dateline = None
    if len(paragraphs) > body_start:
        match = _DATELINE.match(paragraphs[body_start])
        dateline = match.group(1).strip() if match else None
    return NormalizedDocument(
        doc_id=raw.doc_id,
        text="\n\n".join(paragraphs),
        title=title,
        byline=raw.author or byline,
        dateline=dateline,
        outlet=raw.outlet,
        removed_lines=tuple(removed),
        joined_wrapped_lines=joined,
    )


_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}.*)?$")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_SMALL_NUMBER = re.compile(r"(?<![\d:])\d{1,2}(?![\d:])")


def iso_published_at(value: str | None) -> str | None:
    """A publication date as ISO 8601 ("Dec 5, 2026" → "2026-12-05"; with a time, "2026-12-05T10:30:00"), so SQL
    can compare dates. ISO input and anything that cannot be read safely are kept as given: no year, or a
    numeric day and month that could be either ("05/12/2026": May 12 or 5 December?)."""
    if not value or _ISO_DATE.match(value) or not _YEAR.search(value):
        return value
    numbers = [int(n) for n in _SMALL_NUMBER.findall(value)]
    if not re.search(r"[A-Za-z]{3}", value) and len(numbers) >= 2 and numbers[0] != numbers[1] \
            and max(numbers[:2]) <= 12:
        return value
    try:
        parsed = dateutil.parser.parse(value)
    except (ValueError, OverflowError):
        return value
    return parsed.isoformat() if re.search(r"\d:\d", value) else parsed.date().isoformat()
