"""Bringing a new article into the kit: its files, checked metadata and a draft answer key.

:func:`new_article` copies the text exactly, writes ``<slug>.meta.toml`` (and reads it back
through the same checks ``medialit show`` uses), and drafts ``<slug>.key.json`` from the
library's own analysis, marked ``"draft": true`` until the instructor has corrected it in
``notebooks/instructor/key-editor.ipynb``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article, articles_dir, load_article, read_text_file
from .errors import ArticleError, MedialitError
from .keys import KEY_FORMAT, parse_key
from .results import Report
from .work import atomic_write_text, text_sha256

__all__ = [
    "NewArticleError",
    "SLUG_PATTERN",
    "NewArticle",
    "check_slug",
    "parse_published",
    "meta_toml",
    "report_to_key",
    "draft_key",
    "new_article",
    "save_key",
]

class NewArticleError(MedialitError):
    """A slug or option of ``medialit new`` that cannot be used, and why."""


SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


@dataclass(frozen=True)
class NewArticle:
    """What :func:`new_article` wrote."""

    article: Article
    text_path: Path
    meta_path: Path
    key_path: Path
    drafted_items: int
    draft_note: str


def check_slug(slug: str) -> str:
    """The slug, if it is lower-case letters, digits and inner dashes (at most 80)."""
    if not SLUG_PATTERN.match(slug or ""):
        raise NewArticleError(
            f"the slug {slug!r} should be 1 to 80 lower-case letters, digits and dashes, "
            "starting and ending with a letter or digit (for example 'gaza-truce-blinken')"
        )
    return slug


def parse_published(value: str) -> dt.datetime:
    """An ISO 8601 date-time with a time-zone offset, such as ``2023-12-01T09:58:00+05:30``."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise NewArticleError(
            f"--published {value!r} is not an ISO date-time; write it like "
            "2023-12-01T09:58:00+05:30"
        ) from None
    if when.tzinfo is None:
        raise NewArticleError(
            f"--published {value!r} needs a time-zone offset, like +05:30 for IST or "
            "+00:00 for UTC"
        )
    return when


def _toml_string(value: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def meta_toml(slug: str, text_file: str, *, headline: str | None = None,
              outlet: str | None = None, published: dt.datetime | None = None,
              url: str | None = None, author: str | None = None,
              provenance: str | None = None, licence: str | None = None) -> str:
    """The text of a ``<slug>.meta.toml`` file (fields left out are unknown)."""
    lines = [
        "# Metadata written by `medialit new`. Edit by hand; `medialit show` checks it.",
        "# Fields left out are unknown. Times need a time-zone offset.",
        f"slug = {_toml_string(slug)}",
    ]
    for name, value in (("headline", headline), ("outlet", outlet), ("author", author)):
        if value:
            lines.append(f"{name} = {_toml_string(value)}")
    if published is not None:
        lines.append(f"published = {published.isoformat()}")
    if url:
        lines.append(f"url = {_toml_string(url)}")
    lines.append('language = "en"')
    lines.append(f"text_file = {_toml_string(text_file)}")
    lines.append(
        f"provenance = {_toml_string(provenance or 'Brought in by the instructor with medialit new; say where and when the text was captured.')}"  # noqa: E501
    )
    if licence:
        lines.append(f"licence = {_toml_string(licence)}")
    return "\n".join(lines) + "\n"


def report_to_key(report: Report, note: str) -> dict[str, Any]:
    """A draft key (``medialit-key/1`` plus ``"draft": true``) from the library's analysis."""
    art = report.article
    quotes = []
    for q in report.quotes:
        quotes.append({
            "text": art[q.span], "start": q.span.start, "end": q.span.end,
            "kind": q.kind, "speaker": q.speaker,
            "speaker_spans": [q.speaker_span.as_list()] if q.speaker_span else [],
            "cue": q.cue, "cue_span": q.cue_span.as_list() if q.cue_span else None,
            **({"note": q.reason} if q.reason else {}),
        })
    sources = [{
        "name": s.name, "type": s.type, "role": s.role, "affiliation": s.affiliation,
        "use": s.use, "mentions": [m.as_list() for m in s.mentions],
    } for s in report.sources]
    findings = [{"rule": f.rule, "spans": [s.as_list() for s in f.spans], "note": f.message}
                for f in report.findings]
    return {
        "format": KEY_FORMAT,
        "article": art.slug,
        "text_sha256": text_sha256(art.text),
        "draft": True,
        "quotes": quotes,
        "sources": sources,
        "findings": findings,
        "notes": [note],
    }


def draft_key(article: Article) -> dict[str, Any]:
    """Draft a key from :func:`medialit.analyze` (an empty draft if the analysis is missing)."""
    stamp = dt.date.today().isoformat()
    try:
        from .analysis import analyze  # the analysis module may not be installed yet
    except ImportError:
        empty = Report(article, (), (), ())
        return report_to_key(empty, (
            f"Draft of {stamp}: medialit's analysis is not available in this installation, so "
            "this key is empty. Add the quotes, sources and framing items in "
            "notebooks/instructor/key-editor.ipynb, then set \"draft\" to false."
        ))
    report = analyze(article)
    return report_to_key(report, (
        f"Draft of {stamp} made by medialit's own analysis: it misses things and gets some "
        "wrong. Check every item in notebooks/instructor/key-editor.ipynb, then set \"draft\" "
        "to false."
    ))


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_key(key: dict[str, Any], article: Article, path: Path) -> Path:
    """Check ``key`` against the article, then write it atomically (never half a file)."""
    parse_key(key, article, path)
    atomic_write_text(path, json.dumps(key, ensure_ascii=False, indent=1) + "\n")
    return path


def new_article(
    source: str | os.PathLike[str], slug: str, *, folder: Path | None = None,
    headline: str | None = None, outlet: str | None = None, published: str | None = None,
    url: str | None = None, author: str | None = None, provenance: str | None = None,
    licence: str | None = None, force: bool = False,
) -> NewArticle:
    """Create ``<slug>.txt``, ``<slug>.meta.toml`` and a draft ``<slug>.key.json`` in ``folder``.

    The text is copied byte for byte. Nothing is overwritten unless ``force`` is given.
    """
    check_slug(slug)
    when = parse_published(published) if published else None
    src = Path(source)
    text = read_text_file(src)
    folder = Path(folder) if folder is not None else articles_dir()
    if folder.exists() and not folder.is_dir():
        raise ArticleError(folder, "is a file, not a folder for articles")
    folder.mkdir(parents=True, exist_ok=True)
    text_path = folder / f"{slug}.txt"
    meta_path = folder / f"{slug}.meta.toml"
    key_path = folder / f"{slug}.key.json"
    if not force:
        for p in (text_path, meta_path, key_path):
            if p.exists():
                raise ArticleError(
                    p, f"an article with slug {slug!r} already exists; choose another slug or "
                    "add --force to replace it"
                )
    if headline is None:
        parsed = Article.from_text(text, slug)
        headline = parsed[parsed.headline] if parsed.headline else None
    meta = meta_toml(slug, text_path.name, headline=headline, outlet=outlet, published=when,
                     url=url, author=author, provenance=provenance, licence=licence)
    if src.resolve() != text_path.resolve():
        _write_bytes_atomic(text_path, src.read_bytes())
    atomic_write_text(meta_path, meta)
    article = load_article(meta_path)
    key = draft_key(article)
    save_key(key, article, key_path)
    items = len(key["quotes"]) + len(key["sources"]) + len(key["findings"])
    return NewArticle(article, text_path, meta_path, key_path, items, key["notes"][0])
