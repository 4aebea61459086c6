"""The article model: one text, and spans that point into it.

An :class:`Article` owns its text once. Everything else in medialit (the parts of the
page, paragraphs, sentences, quotes, sources, framing findings and student tags) is a
:class:`Span` of Python string indices into ``article.text``, plus a few fields.

Articles are data: they are read as UTF-8 text and never executed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import ArticleError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "Span",
    "Part",
    "Metadata",
    "Article",
    "PART_LABELS",
    "parse_parts",
    "split_sentences",
    "load_article",
    "read_text_file",
    "articles_dir",
]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        """``[start, end]``, the form used in JSON files."""
        return [self.start, self.end]


#: What each part label means, in words a student can read.
PART_LABELS: dict[str, str] = {
    "headline": "Headline: the title the outlet gave the story",
    "dateline": "Dateline: where the story was reported from",
    "byline": "Byline: who wrote or edited the story",
    "timestamp": "Timestamp: when the story was published or updated",
    "caption": "Photo caption: the words under the picture",
    "credit": "Photo credit: who took or supplied the picture",
    "highlights": "Highlights: a summary box the outlet added",
    "paragraph": "Body paragraph: the story itself",
    "subheading": "Subheading: a short title inside the story",
    "promo": "Promo: a link to another story or video",
    "agency_note": "Agency note: material came from news agencies",
    "furniture": "Page furniture: leftover bits of the web page, not part of the story",
}


@dataclass(frozen=True)
class Part:
    """A labelled block of the page, such as the headline or a body paragraph."""

    label: str
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@dataclass(frozen=True)
class Metadata:
    """What we know about an article besides its text. ``None`` means unknown."""

    slug: str = ""
    headline: str | None = None
    outlet: str | None = None
    editor: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    time_shown: str | None = None
    url: str | None = None
    language: str = "en"
    provenance: str | None = None
    licence: str | None = None
    text_file: str | None = None
    related: tuple[str, ...] = ()


_META_FIELDS: dict[str, type | tuple[type, ...]] = {
    "slug": str,
    "headline": str,
    "outlet": str,
    "editor": str,
    "author": str,
    "dateline": str,
    "published": (dt.datetime, dt.date),
    "updated": (dt.datetime, dt.date),
    "time_shown": str,
    "url": str,
    "language": str,
    "provenance": str,
    "licence": str,
    "text_file": str,
    "related": list,
}

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


# --------------------------------------------------------------------------------------
# Recognising the parts of a news page
# --------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]+")
_FURNITURE = re.compile(
    r"^(?:[a-z]+(?:_[a-z]+)+|main img|image|advertisement|story highlights|highlights|"
    r"key points|share|share this|share this article|follow us|read more|comments?|"
    r"listen to this article|skip to content|top stories|trending|loading\.*|"
    # audio-player notes: "NEW You can now listen to Harbour Courier articles!"
    r"(?:new\s+)?you can now listen to [\w ]{1,40} articles!?|"
    r"this audio is (?:created|generated) with ai(?: assistance)?)$",
    re.IGNORECASE,
)
_HIGHLIGHT_HEADING = re.compile(r"^(?:story highlights|highlights|key points)$", re.IGNORECASE)
_PROMO = re.compile(
    r"^(?:watch|read|also read|read more|see also|listen|video|related|must read|"
    r"also see|more)\s*[|:]\s*\S",
    re.IGNORECASE,
)
_AGENCY_NOTE = re.compile(
    r"^\(?\s*(?:with inputs from\b|with agency inputs|reporting by\b|additional reporting by\b|"
    r"writing by\b|editing by\b|compiled by\b|\(?this story has been|"
    r"(?:[\w.]+\s+){1,6}(?:writers?|correspondents?|reporters?)\s+(?:[\w.'’-]+\s+){1,4}"
    r"contributed\b)[^\n]*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:(?:photograph|photo|image|picture|credit|photo credit|image credit|source)\s*:\s*"
    r"(?:\([^()\n]{1,80}\)|[^()\n.]{1,80}?)"
    r"|\((?:AP|AFP|Reuters|Getty Images|EPA|file)?\s*(?:photo|image)s?\s*(?:/|by)\s*"
    r"[^()\n]{1,80}\))"
    r"\s*$",
    re.IGNORECASE,
)
_EDITOR_LINE = re.compile(
    r"^(?P<dateline>[^\W\d_][\w .,'’-]*?)?\s*"
    r"(?P<byline>(?:edited|written|reported|compiled)\s+by\s*:?\s*.+?)\s*"
    r"(?P<timestamp>(?:last\s+)?(?:updated|published|posted|first published)\s*:?\s*.+)?$",
    re.IGNORECASE,
)
# Cheap tests that a line could hold a credit or an editor line at all: both full patterns
# try a match at every position of a long paragraph, so most lines skip them this way.
_CREDIT_WORDS = ("photo", "image", "picture", "credit", "source")
_EDITOR_WORDS = ("edited", "written", "reported", "compiled")
_BY_LINE = re.compile(r"^by\s+\S.{0,120}$", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIMESTAMP = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|first published)\b\s*:?\s*.{0,60}"
    r"|(?:\w+day,?\s+)?" + _MONTH + r"\s+\d{1,2},?\s+\d{4}\b.{0,30}"
    r"|\d{1,2}\s+" + _MONTH + r"\s+\d{4}\b.{0,30}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.{0,20})?)$",
    re.IGNORECASE,
)
_WIRE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30}?)?"
    r"(?:\s+\((?:AP|Reuters|AFP|UPI|PTI|ANI|IANS|dpa|Xinhua|The Canadian Press)\))?"
    r"(?:,\s*" + _MONTH + r"\s+\d{1,2}(?:\s+\((?:Reuters|AFP)\))?)?)"
    r"\s*(?:[—–]|--|-)\s+",
)
_BULLET = re.compile(r"^[•*\-–]\s+\S")
_END_PUNCT = re.compile(r"[.!?;:,…]['\"’”)\]]*$")


def _lines(text: str) -> Iterator[Span]:
    """Non-blank lines, trimmed of surrounding white space (including no-break spaces)."""
    for m in _LINE.finditer(text):
        raw = m.group()
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            yield Span(m.start() + left, m.start() + right)


def _word_count(s: str) -> int:
    return len(s.split())


def _looks_like_heading(s: str) -> bool:
    return 0 < _word_count(s) <= 14 and len(s) <= 110 and not _END_PUNCT.search(s)


def parse_parts(text: str) -> tuple[Part, ...]:
    """Label each block of a news page: headline, byline, body paragraphs and the rest.

    Each non-blank line is one block. A line that packs several parts (WION's
    ``JerusalemEdited By: …Updated: …``, a caption ending in a photo credit, a wire
    dateline opening the first paragraph) gives one part for each piece.
    """
    lines = list(_lines(text))
    parts: list[Part] = []
    headline_seen = False
    body_started = False
    paragraphs_seen = 0
    dateline_seen = False
    in_highlights = False

    def add(label: str, start: int, end: int) -> None:
        parts.append(Part(label, Span(start, end)))

    for i, line in enumerate(lines):
        s = line.text(text)
        nxt = lines[i + 1].text(text) if i + 1 < len(lines) else ""

        if _HIGHLIGHT_HEADING.match(s):
            add("furniture", line.start, line.end)
            in_highlights = True
            continue
        if _FURNITURE.match(s):
            add("furniture", line.start, line.end)
            continue
        if _PROMO.match(s):
            add("promo", line.start, line.end)
            continue
        if _AGENCY_NOTE.match(s):
            add("agency_note", line.start, line.end)
            continue

        low = s.lower()
        m = _EDITOR_LINE.match(s) if "by" in low and any(w in low for w in _EDITOR_WORDS) \
            else None
        if m and _word_count(s) <= 30:
            for label in ("dateline", "byline", "timestamp"):
                if m.group(label):
                    a, b = m.span(label)
                    piece = s[a:b]
                    b = a + len(piece.rstrip())
                    add(label, line.start + a, line.start + b)
            continue
        if _BY_LINE.match(s) and _word_count(s) <= 16 and not _END_PUNCT.search(s):
            add("byline", line.start, line.end)
            continue
        if _TIMESTAMP.match(s) and _word_count(s) <= 14:
            add("timestamp", line.start, line.end)
            continue

        credit = _CREDIT.search(s) if any(w in low for w in _CREDIT_WORDS) else None
        # A caption with a credit at its end, before the story starts; or a bare short credit.
        if credit and (
            (_word_count(s) <= 60 and not body_started)
            or (credit.start() == 0 and _word_count(s) <= 12)
        ):
            a = credit.start()
            caption = s[:a].rstrip()
            if caption:
                add("caption", line.start, line.start + len(caption))
            add("credit", line.start + a, line.end)
            continue

        if not headline_seen and not body_started:
            headline_seen = True
            words = _word_count(s)
            if (words <= 30 and not re.search(r"[.!?]['\"’”]?$", s)) or \
                    (words <= 20 and re.search(r"[!?]['\"’”]?$", s) and nxt):
                # "Is the truce holding?": a short first line that asks or exclaims is a
                # headline too, when the story follows.
                add("headline", line.start, line.end)
                continue

        if in_highlights and not body_started:
            add("highlights", line.start, line.end)
            # A highlights box is one paragraph, or a run of bullets.
            if not (_BULLET.match(nxt)):
                in_highlights = False
            continue
        if _BULLET.match(s) and not body_started:
            add("highlights", line.start, line.end)
            continue

        if (body_started or headline_seen) and _looks_like_heading(s) and nxt and not (
            _looks_like_heading(nxt)
        ):
            add("subheading", line.start, line.end)
            continue

        # (a wire dateline opens the story, which may come after a photo caption or two:
        # "NEW YORK - The 2011-12 NBA season is in jeopardy.")
        wire = _WIRE_DATELINE.match(s) if paragraphs_seen < 3 and not dateline_seen else None
        if wire:
            d = wire.group("dateline").rstrip()
            add("dateline", line.start, line.start + len(d))
            dateline_seen = True
        add("paragraph", line.start, line.end)
        paragraphs_seen += 1
        body_started = True

    return tuple(parts)


# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st gen lt col sgt capt cmdr adm rep sen gov pres prof jr sr inc corp ltd co
    vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m
    mt ft ave blvd dept est approx fig vol rev hon maj brig""".split()
)
_BOUNDARY = re.compile(r"[.!?…]+['\"’”)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+['\"‘“(\[]*[A-Z0-9]")


def split_sentences(text: str, span: Span | None = None) -> list[Span]:
    """Split ``text`` (or the part of it that ``span`` covers) into sentence spans.

    A rule-based splitter: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any
    closing quotation marks) followed by white space and a capital letter, digit or an
    opening quotation mark, except after common abbreviations and initials.
    """
    start = span.start if span else 0
    end = span.end if span else len(text)
    out: list[Span] = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = _NEXT_START.match(text, m.end(), end)
        if not nxt:
            continue
        if text[m.start()] == ".":
            w = re.search(r"([\w.]+)$", text[max(sent_start, m.start() - 12) : m.start()])
            word = w.group(1).lower() if w else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if word in ("no", "nos") and text[nxt.end() - 1].isdigit():
                continue
        out.append(Span(sent_start, m.end()))
        sent_start = nxt.start()
        while sent_start < end and text[sent_start].isspace():
            sent_start += 1
    tail = text[sent_start:end].rstrip()
    if tail:
        out.append(Span(sent_start, sent_start + len(tail)))
    return out


# --------------------------------------------------------------------------------------
# The Article
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Article:
    """A news article: its text, held once, and what we know about it.

    ``parts``, ``paragraphs`` and ``sentences`` are computed on first use and point into
    ``text`` with :class:`Span` offsets (Python string indices).
    """

    text: str
    meta: Metadata = field(default_factory=Metadata)
    path: Path | None = None

    @property
    def slug(self) -> str:
        return self.meta.slug

    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def __repr__(self) -> str:
        name = self.slug or (self.path.name if self.path else "text")
        return f"<Article {name!r}: {len(self.text)} characters>"

    @classmethod
    def from_text(cls, text: str, slug: str = "", **meta: object) -> Article:
        """An article from a pasted text, with optional metadata fields."""
        return cls(text=text, meta=Metadata(slug=slug, **meta))  # type: ignore[arg-type]

    @cached_property
    def parts(self) -> tuple[Part, ...]:
        return parse_parts(self.text)

    def parts_labelled(self, label: str) -> list[Part]:
        return [p for p in self.parts if p.label == label]

    @cached_property
    def headline(self) -> Span | None:
        found = self.parts_labelled("headline")
        return found[0].span if found else None

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Body paragraphs, in order (not the headline, captions or furniture)."""
        return tuple(p.span for p in self.parts if p.label == "paragraph")

    @cached_property
    def body(self) -> tuple[Part, ...]:
        """Body paragraphs and subheadings, in order."""
        return tuple(p for p in self.parts if p.label in ("paragraph", "subheading"))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences of every textual part: headline, highlights, subheadings, body."""
        out: list[Span] = []
        for p in self.parts:
            if p.label in ("headline", "highlights", "subheading", "paragraph", "caption"):
                out.extend(split_sentences(self.text, p.span))
        return tuple(out)

    def part_at(self, offset: int) -> Part | None:
        """The part that contains the character at ``offset``, if any."""
        for p in self.parts:
            if p.start <= offset < p.end:
                return p
        return None

    def paragraph_index(self, offset: int) -> int | None:
        """Index into :attr:`paragraphs` of the paragraph holding ``offset``."""
        for i, p in enumerate(self.paragraphs):
            if p.start <= offset < p.end:
                return i
        return None

    def span(self, needle: str, occurrence: int = 0, after: int = 0) -> Span:
        """The span of the ``occurrence``-th exact match of ``needle`` at or after ``after``."""
        pos = after - 1
        for _ in range(occurrence + 1):
            pos = self.text.find(needle, pos + 1)
            if pos < 0:
                raise ValueError(f"{needle!r} not found in article")
        return Span(pos, pos + len(needle))


# --------------------------------------------------------------------------------------
# Loading from files
# --------------------------------------------------------------------------------------


def articles_dir() -> Path:
    """The folder of shipped articles: ``$MEDIALIT_ARTICLES`` or the repository's ``articles/``."""
    env = os.environ.get("MEDIALIT_ARTICLES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "articles"


def read_text_file(path: Path, what: str = "article") -> str:
    """Read a UTF-8 text file exactly, or raise :class:`ArticleError` saying what is wrong."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, f"no such {what} file") from None
    except IsADirectoryError:
        raise ArticleError(path, f"is a folder, not an {what} file") from None
    except PermissionError:
        raise ArticleError(path, "cannot be read (permission denied)") from None
    except OSError as e:
        raise ArticleError(path, f"cannot be read ({e.strerror or e})") from None
    if not data.strip():
        raise ArticleError(path, f"the {what} file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ArticleError(path, "is UTF-16 text, not UTF-8; save it as UTF-8 and try again")
    if b"\x00" in data[:65536]:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ArticleError(
            path,
            f"is not UTF-8 text (byte 0x{data[e.start]:02x} at byte offset {e.start}); "
            "save it as UTF-8 and try again",
            line=line,
        ) from None


def key_line(source: str, key: str, after_line: int = 0) -> int | None:
    """The 1-based line of ``key = …`` in a TOML ``source``, at or after ``after_line``."""
    lines = source.splitlines()
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=")
    for i in range(after_line, len(lines)):
        if pattern.match(lines[i]):
            return i + 1
    return None


def read_toml_file(path: Path, what: str) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; return its data and its source text (to find lines for errors)."""
    source = read_text_file(path, what=what)
    try:
        return tomllib.loads(source), source
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        line = int(m.group(1)) if m else None
        raise ArticleError(path, f"not valid TOML: {msg}", line=line) from None


def read_metadata(path: Path) -> Metadata:
    """Read and check a ``.meta.toml`` file."""
    raw, source = read_toml_file(path, what="metadata")
    values: dict[str, object] = {}
    for key, value in raw.items():
        line = key_line(source, key)
        if key not in _META_FIELDS:
            known = ", ".join(sorted(_META_FIELDS))
            raise ArticleError(path, f"unknown field {key!r} (known fields: {known})", line=line)
        expected = _META_FIELDS[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            want = "a date-time like 2023-12-01T09:58:00+05:30" if key in (
                "published", "updated") else ("a list of slugs" if key == "related" else "text")
            raise ArticleError(path, f"field {key!r} should be {want}", line=line)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            raise ArticleError(
                path, f"field {key!r} needs a time zone offset, like +05:30 for IST", line=line
            )
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
        if key == "slug" and not _SLUG.match(str(value)):
            raise ArticleError(
                path, "field 'slug' should be lower-case letters, digits and dashes", line=line
            )
        if key == "related":
            value = tuple(str(v) for v in value)  # type: ignore[union-attr]
        values[key] = value
    if "slug" not in values:
        values["slug"] = path.name.removesuffix(".meta.toml")
    return Metadata(**values)  # type: ignore[arg-type]


def load_article(path_or_slug: str | os.PathLike[str]) -> Article:
    """Load an article from a ``.txt`` file, a ``.meta.toml`` file or a shipped slug.

    A ``.txt`` file is the article text exactly. If a ``<name>.meta.toml`` file lies beside
    it, its metadata is read and checked too. A plain paste with no metadata loads as well.
    """
    p = Path(path_or_slug)
    if not p.suffix and not p.exists() and _SLUG.match(str(path_or_slug)):
        candidate = articles_dir() / f"{path_or_slug}.meta.toml"
        if not candidate.exists():
            candidate = articles_dir() / f"{path_or_slug}.txt"
        if not candidate.exists():
            raise ArticleError(
                articles_dir() / f"{path_or_slug}.txt",
                f"no article with slug {str(path_or_slug)!r} in {articles_dir()}",
            )
        p = candidate
    if p.name.endswith(".meta.toml"):
        meta = read_metadata(p)
        text_path = p.parent / (meta.text_file or f"{meta.slug}.txt")
        text = read_text_file(text_path)
        return Article(text=text, meta=meta, path=text_path)
    text = read_text_file(p)
    meta_path = p.with_name(p.stem + ".meta.toml")
    if p.suffix == ".txt" and meta_path.exists():
        meta = read_metadata(meta_path)
    else:
        slug = re.sub(r"[^a-z0-9-]+", "-", p.stem.lower()).strip("-")[:80] or "article"
        meta = Metadata(slug=slug)
    return Article(text=text, meta=meta, path=p)
