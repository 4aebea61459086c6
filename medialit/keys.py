"""Answer keys: ``articles/<slug>.key.json``, loaded and checked against the article text.

The format is described in ``articles/README.md``. Every span in a key is a pair of Python
string indices into the article text, and every ``text`` field repeats the characters it
covers, so a key made for another version of the text is caught at once. A key that
cannot be used raises :class:`~medialit.errors.ArticleError` naming the file, the item
(``quotes[2].speaker_spans[0]``) and the problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article, Span, articles_dir
from .errors import ArticleError
from .results import QUOTE_KINDS, SOURCE_TYPES, SOURCE_USES, Quote, Source
from .work import text_sha256

__all__ = [
    "KEY_FORMAT",
    "KeyQuote",
    "KeySource",
    "KeyFinding",
    "AnswerKey",
    "key_path",
    "find_key",
    "load_key",
    "parse_key",
    "key_to_json",
]

KEY_FORMAT = "medialit-key/1"


@dataclass(frozen=True)
class KeyQuote:
    """A quote in the key: its words, kind, speaker mention(s) and speech cue."""

    span: Span
    kind: str
    speaker: str | None = None
    speaker_spans: tuple[Span, ...] = ()
    cue: str | None = None
    cue_span: Span | None = None
    note: str = ""

    def as_quote(self) -> Quote:
        """This answer as the analysis would report it (its first speaker mention)."""
        return Quote(span=self.span, kind=self.kind, speaker=self.speaker,
                     speaker_span=self.speaker_spans[0] if self.speaker_spans else None,
                     cue=self.cue, cue_span=self.cue_span)


@dataclass(frozen=True)
class KeySource:
    """A source the article names: who or what, how it is used, and where it is mentioned."""

    name: str
    type: str
    use: str
    mentions: tuple[Span, ...]
    role: str | None = None
    affiliation: str | None = None

    def as_source(self) -> Source:
        """This answer as the analysis would report it."""
        return Source(name=self.name, type=self.type, use=self.use, mentions=self.mentions,
                      role=self.role, affiliation=self.affiliation)


@dataclass(frozen=True)
class KeyFinding:
    """A framing item the instructor marked: a rule id and the words it applies to."""

    rule: str
    spans: tuple[Span, ...]
    note: str = ""


@dataclass(frozen=True)
class AnswerKey:
    """The instructor's answers for one article."""

    article: str
    quotes: tuple[KeyQuote, ...] = ()
    sources: tuple[KeySource, ...] = ()
    findings: tuple[KeyFinding, ...] = ()
    notes: tuple[str, ...] = ()
    path: Path | None = None


def key_path(article: Article) -> Path:
    """Where the key of ``article`` lives: ``<slug>.key.json`` beside its text file."""
    folder = article.path.parent if article.path is not None else articles_dir()
    return folder / f"{article.slug}.key.json"


def find_key(article: Article) -> AnswerKey | None:
    """The article's answer key, or ``None`` when it has none yet."""
    path = key_path(article)
    return load_key(article, path) if path.exists() else None


def load_key(article: Article, path: str | Path | None = None) -> AnswerKey:
    """Read and check the answer key of ``article`` (from ``path`` or beside the article)."""
    p = Path(path) if path is not None else key_path(article)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ArticleError(p, "no such answer key file") from None
    except IsADirectoryError:
        raise ArticleError(p, "is a folder, not an answer key file") from None
    except OSError as e:
        raise ArticleError(p, f"cannot be read ({e.strerror or e})") from None
    if not data.strip():
        raise ArticleError(p, "the answer key file is empty")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(p, f"is not UTF-8 text (bad byte at offset {e.start})") from None
    try:
        raw = json.loads(source)
    except json.JSONDecodeError as e:
        raise ArticleError(p, f"is not valid JSON: {e.msg}", line=e.lineno) from None
    return parse_key(raw, article, p)


class _Checker:
    """Reads fields out of the parsed JSON, raising ArticleError with the item's path."""

    def __init__(self, article: Article, path: Path | None) -> None:
        self.article = article
        self.path = path

    def fail(self, where: str, problem: str) -> ArticleError:
        return ArticleError(self.path, f"{where}: {problem}" if where else problem)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "should be a JSON object")
        return value

    def items(self, raw: dict[str, Any], name: str) -> list[Any]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            raise self.fail(name, "should be a list")
        return value

    def string(self, d: dict[str, Any], name: str, where: str, *, optional: bool = False,
               choices: tuple[str, ...] | None = None) -> str | None:
        if name not in d or d[name] is None:
            if optional:
                return None
            raise self.fail(where, f"the field {name!r} is missing")
        value = d[name]
        if not isinstance(value, str):
            raise self.fail(f"{where}.{name}", "should be text")
        if choices is not None and value not in choices:
            raise self.fail(f"{where}.{name}", f"{value!r} is not one of {', '.join(choices)}")
        return value

    def span(self, value: Any, where: str) -> Span:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self.fail(where, "a span should be two whole numbers, like [512, 530]")
        start, end = value
        n = len(self.article.text)
        if not 0 <= start < end <= n:
            raise self.fail(
                where, f"span [{start}, {end}] is not inside the article text (0 to {n}) "
                "or is empty or backwards"
            )
        return Span(start, end)

    def spans(self, d: dict[str, Any], name: str, where: str) -> tuple[Span, ...]:
        value = d.get(name) or []
        if not isinstance(value, list):
            raise self.fail(f"{where}.{name}", "should be a list of spans")
        return tuple(self.span(v, f"{where}.{name}[{i}]") for i, v in enumerate(value))

    def text_span(self, d: dict[str, Any], where: str) -> Span:
        span = self.span([d.get("start"), d.get("end")], f"{where} (start, end)")
        text = d.get("text")
        if text is not None:
            actual = self.article[span]
            if text != actual:
                raise self.fail(
                    where, f"'text' is {text!r} but the article has {actual!r} at "
                    f"[{span.start}, {span.end}]"
                )
        return span


def parse_key(raw: Any, article: Article, path: Path | None = None) -> AnswerKey:
    """Check parsed key JSON against ``article`` and build an :class:`AnswerKey`."""
    c = _Checker(article, path)
    d = c.obj(raw, "")
    fmt = d.get("format", KEY_FORMAT)
    if fmt != KEY_FORMAT:
        raise c.fail("format", f"{fmt!r} is not a format medialit reads (expected {KEY_FORMAT!r})")
    slug = d.get("article")
    if slug is not None and article.slug and slug != article.slug:
        raise c.fail("article", f"this key is for {slug!r}, not {article.slug!r}")
    sha = d.get("text_sha256")
    if sha and sha != text_sha256(article.text):
        raise c.fail(
            "text_sha256",
            "the key was made for a different version of the article text; "
            "check the offsets and update text_sha256",
        )

    quotes = []
    for i, q in enumerate(c.items(d, "quotes")):
        where = f"quotes[{i}]"
        q = c.obj(q, where)
        cue_span = q.get("cue_span")
        quotes.append(
            KeyQuote(
                span=c.text_span(q, where),
                kind=c.string(q, "kind", where, choices=QUOTE_KINDS) or "",
                speaker=c.string(q, "speaker", where, optional=True),
                speaker_spans=c.spans(q, "speaker_spans", where),
                cue=c.string(q, "cue", where, optional=True),
                cue_span=None if cue_span is None else c.span(cue_span, f"{where}.cue_span"),
                note=c.string(q, "note", where, optional=True) or "",
            )
        )
    sources = []
    for i, s in enumerate(c.items(d, "sources")):
        where = f"sources[{i}]"
        s = c.obj(s, where)
        sources.append(
            KeySource(
                name=c.string(s, "name", where) or "",
                type=c.string(s, "type", where, choices=SOURCE_TYPES) or "",
                use=c.string(s, "use", where, choices=SOURCE_USES) or "",
                mentions=c.spans(s, "mentions", where),
                role=c.string(s, "role", where, optional=True),
                affiliation=c.string(s, "affiliation", where, optional=True),
            )
        )
    findings = []
    for i, f in enumerate(c.items(d, "findings")):
        where = f"findings[{i}]"
        f = c.obj(f, where)
        spans = c.spans(f, "spans", where)
        if not spans:
            raise c.fail(f"{where}.spans", "a finding needs at least one span")
        findings.append(
            KeyFinding(
                rule=c.string(f, "rule", where) or "",
                spans=spans,
                note=c.string(f, "note", where, optional=True) or "",
            )
        )
    notes = c.items(d, "notes")
    if not all(isinstance(n, str) for n in notes):
        raise c.fail("notes", "should be a list of texts")
    return AnswerKey(
        article=str(slug or article.slug),
        quotes=tuple(quotes),
        sources=tuple(sources),
        findings=tuple(findings),
        notes=tuple(notes),
        path=path,
    )


def key_to_json(key: AnswerKey, article: Article) -> dict[str, Any]:
    """The key as JSON in the ``articles/README.md`` format (for saving an edited key)."""
    return {
        "format": KEY_FORMAT,
        "article": key.article or article.slug,
        "text_sha256": text_sha256(article.text),
        "quotes": [
            {
                "text": article[q.span],
                "start": q.span.start,
                "end": q.span.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_spans": [s.as_list() for s in q.speaker_spans],
                "cue": q.cue,
                "cue_span": q.cue_span.as_list() if q.cue_span else None,
                **({"note": q.note} if q.note else {}),
            }
            for q in key.quotes
        ],
        "sources": [
            {
                "name": s.name,
                "type": s.type,
                "role": s.role,
                "affiliation": s.affiliation,
                "use": s.use,
                "mentions": [m.as_list() for m in s.mentions],
            }
            for s in key.sources
        ],
        "findings": [
            {"rule": f.rule, "spans": [s.as_list() for s in f.spans],
             **({"note": f.note} if f.note else {})}
            for f in key.findings
        ],
        "notes": list(key.notes),
    }
