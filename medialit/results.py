"""What the checks report: quotes, sources and findings, all pointing into one article.

These are plain frozen dataclasses. Analysis modules (``attribution``, ``sourcing``,
``framing``) produce them; widgets, plots, the command line and graders only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .article import Article, Span

QUOTE_KINDS = ("direct", "partial", "scare", "paraphrase")
SOURCE_TYPES = ("person", "organisation", "anonymous", "document", "media")
SOURCE_USES = ("quoted", "paraphrased", "mentioned")


@dataclass(frozen=True)
class Quote:
    """Words attributed to someone (or, for a scare quote, to nobody)."""

    span: Span
    kind: str
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    reason: str = ""

    def text(self, article: Article) -> str:
        return article[self.span]


@dataclass(frozen=True)
class Source:
    """A person, organisation, document or credit the article names or quotes."""

    name: str
    type: str
    use: str
    mentions: tuple[Span, ...]
    role: str | None = None
    organisation: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Finding:
    """One framing observation: a rule that fired, why, and the exact words.

    ``message`` is one sentence a 15-year-old understands. ``details`` holds extra,
    JSON-able facts for teaching (for a contested term: the perspectives behind each word
    and style-guide notes).
    """

    rule: str
    message: str
    spans: tuple[Span, ...]
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Report:
    """Everything :func:`medialit.analyze` found in one article."""

    article: Article
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``medialit check --json``."""
        return {
            "quotes": [
                {
                    "text": self.article[q.span],
                    "start": q.span.start,
                    "end": q.span.end,
                    "speaker": q.speaker,
                    "cue": q.cue,
                    "kind": q.kind,
                }
                for q in self.quotes
            ],
            "sources": [
                {
                    "name": s.name,
                    "type": s.type,
                    "affiliation": s.affiliation,
                    "use": s.use,
                    "mentions": [m.as_list() for m in s.mentions],
                }
                for s in self.sources
            ],
            "findings": [
                {"rule": f.rule, "message": f.message, "spans": [s.as_list() for s in f.spans]}
                for f in self.findings
            ],
        }
