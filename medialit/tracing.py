"""Trace the quote: compare an article's quotes with the primary sources and other reports.

SIFT's last move is to trace claims and quotes to their original context. This module
reads an article's *related sources* (``<slug>.related/*.toml``: transcripts, readouts,
other outlets' reports, posts; format in ``articles/README.md``) and pairs each quote in
the article with the passages that carry the same words or the same idea, saying what
changed on the way:

``exact``            the same words
``trimmed``          the article quotes only part of the passage
``altered``          the same idea, but different words inside the quotation marks
``paraphrase``       the same idea in someone's own words, not as a quote
``reattributed``     a readout's description of what someone did, given as his own words
``context-changed``  the article places the words on a different occasion or audience
``left-out``         a passage with no counterpart in the article

Alignment is word-level, with :mod:`difflib` on word lists and a small list of synonyms for
the "same idea" test. Nothing is downloaded and no model is used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path
from typing import Any

from .article import Article, Span, articles_dir, key_line, read_toml_file
from .errors import ArticleError
from .results import Quote

__all__ = [
    "SOURCE_KINDS",
    "MATCH_KINDS",
    "Passage",
    "RelatedSource",
    "TraceMatch",
    "TraceReport",
    "related_dir",
    "has_related",
    "load_source",
    "load_sources",
    "load_related",
    "article_quotes",
    "trace_quotes",
    "trace_sources",
    "trace",
    "TRAVEL_KINDS",
    "travel_counts",
    "TraceKey",
    "TraceKeyQuote",
    "load_trace_key",
]

#: What kind of document a related source is.
SOURCE_KINDS = ("primary transcript", "official readout", "outlet report", "social post")

#: The classes of a match, from the article's side, in the order a report lists them.
MATCH_KINDS = (
    "exact",
    "trimmed",
    "altered",
    "paraphrase",
    "reattributed",
    "context-changed",
    "left-out",
)

#: What each class means, in words a student can read.
MATCH_LABELS: dict[str, str] = {
    "exact": "same words",
    "trimmed": "part of a longer quote",
    "altered": "different words in quotation marks",
    "paraphrase": "same idea, other words",
    "reattributed": "someone else's words given as the speaker's own",
    "context-changed": "different occasion or audience",
    "left-out": "not in the article",
}


# --------------------------------------------------------------------------------------
# Related sources: files
# --------------------------------------------------------------------------------------

_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘(.+?)’(?![A-Za-z])")


@dataclass(frozen=True)
class Passage:
    """A short excerpt of a related source, copied exactly, with whose words it holds.

    ``speaker`` is who spoke or wrote the words inside the quotation marks (or the whole
    text, when it has none), as this source gives it. ``subject`` is set when those words
    describe what someone else said or did, as a readout describes the Secretary.
    """

    text: str
    speaker: str | None = None
    subject: str | None = None
    note: str = ""
    line: int | None = None

    @cached_property
    def segments(self) -> tuple[tuple[Span, bool], ...]:
        """``(span, quoted)`` pieces: words in quotation marks, and the source's own words.

        A passage without quotation marks (a transcript) is one quoted piece: all of it is
        the speaker's words.
        """
        quoted: list[Span] = []
        for m in _QUOTED.finditer(self.text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            a, b = m.span(g)
            if _tokens(self.text[a:b]):
                quoted.append(Span(a, b))
        if not quoted:
            return ((Span(0, len(self.text)), True),)
        out: list[tuple[Span, bool]] = []
        pos = 0
        for s in quoted:
            gap = Span(pos, s.start - 1)
            if len(_content(self.text[gap.start : gap.end])) >= 3:
                out.append((gap, False))
            out.append((s, True))
            pos = s.end + 1
        tail = Span(min(pos, len(self.text)), len(self.text))
        if len(_content(self.text[tail.start : tail.end])) >= 3:
            out.append((tail, False))
        return tuple(out)


@dataclass(frozen=True)
class RelatedSource:
    """A primary source or another outlet's report that an article can be traced to."""

    id: str
    outlet: str
    kind: str
    via: str
    passages: tuple[Passage, ...]
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    speaker: str | None = None
    subject: str | None = None
    occasion: str | None = None
    audience: str | None = None
    place: str | None = None
    licence: str | None = None
    note: str | None = None
    path: Path | None = None

    @property
    def label(self) -> str:
        """How explanations name the source: the outlet and how the words reached us."""
        return f"{self.outlet} ({self.via})"

    def context_words(self) -> set[str]:
        """Lower-case words of the recorded occasion, audience and place."""
        words: set[str] = set()
        for value in (self.occasion, self.audience, self.place):
            if value:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", value))
        return words


_SOURCE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "title": str,
    "outlet": str,
    "kind": str,
    "via": str,
    "url": str,
    "date": (dt.date, dt.datetime),
    "speaker": str,
    "subject": str,
    "occasion": str,
    "audience": str,
    "place": str,
    "licence": str,
    "note": str,
    "passages": list,
}
_PASSAGE_FIELDS = {"text": str, "speaker": str, "subject": str, "note": str}
_REQUIRED = ("outlet", "kind", "via", "passages")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _passage_lines(source: str) -> list[int]:
    return [i + 1 for i, line in enumerate(source.splitlines()) if line.strip() == "[[passages]]"]


def load_source(path: str | Path) -> RelatedSource:
    """Read and check one related-source ``.toml`` file."""
    p = Path(path)
    raw, source = read_toml_file(p, what="related source")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = key_line(source, key) or (_passage_lines(source) or [None])[0]
        if key not in _SOURCE_FIELDS:
            known = ", ".join(sorted(_SOURCE_FIELDS))
            raise ArticleError(p, f"unknown field {key!r} (known fields: {known})", line=line)
        if not isinstance(value, _SOURCE_FIELDS[key]) or isinstance(value, bool):
            want = {"date": "a date like 2023-11-30", "passages": "[[passages]] tables"}.get(
                key, "text")
            raise ArticleError(p, f"field {key!r} should be {want}", line=line)
        values[key] = value
    for key in _REQUIRED:
        if key not in values:
            raise ArticleError(p, f"the field {key!r} is missing (needed: {', '.join(_REQUIRED)})")
    if values["kind"] not in SOURCE_KINDS:
        raise ArticleError(
            p,
            f"field 'kind' is {values['kind']!r}; it should be one of: {', '.join(SOURCE_KINDS)}",
            line=key_line(source, "kind"),
        )
    sid = values.pop("id", p.name.removesuffix(".toml"))
    if not _ID.match(sid):
        raise ArticleError(p, f"the source id {sid!r} should be lower-case letters, digits and "
                              "dashes (rename the file or set id = \"…\")",
                           line=key_line(source, "id"))
    if isinstance(values.get("date"), dt.datetime):
        values["date"] = values["date"].date()
    headers = _passage_lines(source)
    passages: list[Passage] = []
    raw_passages = values.pop("passages")
    if not raw_passages:
        raise ArticleError(p, "has no passages: add at least one [[passages]] table with text")
    for i, item in enumerate(raw_passages):
        line = headers[i] if i < len(headers) else key_line(source, "passages")
        if not isinstance(item, dict):
            raise ArticleError(p, f"passage {i + 1} should be a [[passages]] table", line=line)
        for key, value in item.items():
            kline = key_line(source, key, (line or 1) - 1) or line
            if key not in _PASSAGE_FIELDS:
                known = ", ".join(sorted(_PASSAGE_FIELDS))
                raise ArticleError(
                    p, f"passage {i + 1}: unknown field {key!r} (known fields: {known})",
                    line=kline)
            if not isinstance(value, str):
                raise ArticleError(p, f"passage {i + 1}: field {key!r} should be text", line=kline)
        text = item.get("text", "")
        if not text.strip():
            raise ArticleError(p, f"passage {i + 1} has no text", line=line)
        if len(text) > 1500:
            raise ArticleError(
                p, f"passage {i + 1} is {len(text)} characters long; keep passages to short "
                   "excerpts (at most 1500 characters)", line=line)
        passages.append(
            Passage(
                text=text,
                speaker=item.get("speaker", values.get("speaker")),
                subject=item.get("subject", values.get("subject")),
                note=item.get("note", ""),
                line=line,
            )
        )
    return RelatedSource(id=sid, passages=tuple(passages), path=p, **values)


def related_dir(article: Article) -> Path:
    """Where ``article``'s related sources live: ``<slug>.related/`` beside its text."""
    folder = article.path.parent if article.path is not None else articles_dir()
    return folder / f"{article.slug}.related"


def has_related(article: Article) -> bool:
    """Whether ``article`` has a folder of related sources with at least one ``*.toml`` file."""
    folder = related_dir(article)
    return folder.is_dir() and any(folder.glob("*.toml"))


def load_sources(folder: str | Path) -> list[RelatedSource]:
    """Every ``*.toml`` related source in ``folder``, sorted by id (other files are ignored)."""
    d = Path(folder)
    if not d.exists():
        raise ArticleError(d, "no such folder of related sources")
    if not d.is_dir():
        raise ArticleError(d, "is a file, not a folder of related sources")
    sources = [load_source(f) for f in sorted(d.glob("*.toml"))]
    if not sources:
        raise ArticleError(d, "holds no related sources (*.toml files)")
    seen: dict[str, Path | None] = {}
    for s in sources:
        if s.id in seen:
            raise ArticleError(s.path, f"the id {s.id!r} is already used by {seen[s.id]}")
        seen[s.id] = s.path
    return sources


def load_related(article: Article, folder: str | Path | None = None) -> list[RelatedSource]:
    """The article's related sources, checked against the ``related`` list of its metadata.

    With ``related = [...]`` in ``<slug>.meta.toml``, those ids are loaded, in that order,
    and each must have a file; with an empty or missing list, every file in the folder is.
    """
    d = Path(folder) if folder is not None else related_dir(article)
    sources = load_sources(d)
    wanted = article.meta.related
    if not wanted or folder is not None:
        return sources
    by_id = {s.id: s for s in sources}
    meta_path = article.path.with_name(f"{article.slug}.meta.toml") if article.path else None
    missing = [w for w in wanted if w not in by_id]
    if missing:
        raise ArticleError(
            meta_path, f"'related' names {', '.join(map(repr, missing))}, but {d} has no such "
                       f"file ({missing[0]}.toml)")
    return [by_id[w] for w in wanted]


# --------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------

_WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+(?:['’][0-9A-Za-z]+)*")
_STOP = frozenset(
    """a an the and or but if then so as of to in on at by for with from into onto about over
    under after before during while than that this these those there here it its it's itself
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must i we you he she they me us him her them my our your his
    their who whom whose which what when where why how not no nor also very just only too
    all any some each every more most much many such own same other another up down out
    off again further once said says say told tell stated added""".split()
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ances", "ance", "ings", "ing", "ions", "ion",
             "ies", "ed", "es", "ly", "s")
#: Word pairs treated as the same idea. Kept short and explicit so a teacher can read it.
SYNONYMS: dict[str, str] = {
    "defend": "protect",
    "truce": "pause",
    "ceasefire": "pause",
    "aid": "assistance",
    "help": "assistance",
    "witness": "see",
    "seen": "see",
    "saw": "see",
    "urgently": "desperately",
}


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = re.sub(r"'(s|ve|re|ll|d|m)$", "", w)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


_SYN = {_stem(k): _stem(v) for k, v in SYNONYMS.items()}


def _norm(word: str) -> str:
    """A word reduced to its idea: stem, then synonym."""
    s = _stem(word)
    return _SYN.get(s, s)


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """``(lower-case word, start, end)`` for each word of ``text``."""
    return [(m.group().lower().replace("’", "'"), m.start() + offset, m.end() + offset)
            for m in _WORD.finditer(text)]


def _is_content(word: str) -> bool:
    return word.replace("’", "'") not in _STOP and not word.isdigit() and len(word) > 1


def _content(text: str) -> set[str]:
    """The idea-words of ``text``: stems of the words that are not function words."""
    return {_norm(w) for w, _, _ in _tokens(text) if _is_content(w)}


def _shared(a: set[str], b: set[str]) -> tuple[set[str], float]:
    common = a & b
    return common, (len(common) / min(len(a), len(b)) if a and b else 0.0)


def _same_person(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.split()[-1].lower() == b.split()[-1].lower()


def _last_name(name: str | None) -> str:
    return name.split()[-1] if name else "someone"


# --------------------------------------------------------------------------------------
# Matches
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TraceMatch:
    """One pairing of article words with a source passage, classified and explained.

    ``article_span`` points into the article text (``None`` for a passage the article
    leaves out); ``passage_span`` points into ``source.passages[passage].text``.
    ``score`` is the share of the article's words found, in the same order, in the
    passage (for ``left-out``: 0). ``changes`` lists every difference seen, the main one
    (``kind``) first. ``dropped`` holds passage spans the article leaves out, such as a
    qualifier its paraphrase does not carry.
    """

    kind: str
    article_span: Span | None
    source_id: str
    passage: int
    passage_span: Span
    score: float
    explanation: str
    changes: tuple[str, ...] = ()
    dropped: tuple[Span, ...] = ()
    quote: Quote | None = field(default=None, compare=False, repr=False)

    @property
    def rule(self) -> str:
        return f"trace.{self.kind}"

    def to_json(self, article: Article, sources: Sequence[RelatedSource]) -> dict[str, Any]:
        src = next(s for s in sources if s.id == self.source_id)
        ptext = src.passages[self.passage].text
        return {
            "rule": self.rule,
            "kind": self.kind,
            "article_span": self.article_span.as_list() if self.article_span else None,
            "article_text": article[self.article_span] if self.article_span else None,
            "source": self.source_id,
            "passage": self.passage,
            "passage_span": self.passage_span.as_list(),
            "passage_text": self.passage_span.text(ptext),
            "score": round(self.score, 3),
            "changes": list(self.changes),
            "dropped": [{"span": d.as_list(), "text": d.text(ptext)} for d in self.dropped],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class TraceReport:
    """Both directions of a trace: quotes to sources, and what the sources say besides."""

    article: Article
    sources: tuple[RelatedSource, ...]
    quotes: tuple[Quote, ...]
    matches: tuple[TraceMatch, ...]
    reverse: tuple[TraceMatch, ...]

    def source(self, source_id: str) -> RelatedSource:
        return next(s for s in self.sources if s.id == source_id)

    def passage_text(self, m: TraceMatch) -> str:
        return self.source(m.source_id).passages[m.passage].text

    def for_quote(self, quote: Quote) -> list[TraceMatch]:
        return [m for m in self.matches if m.quote == quote]

    def to_json(self) -> dict[str, Any]:
        srcs = self.sources
        return {
            "article": self.article.slug,
            "sources": [
                {"id": s.id, "outlet": s.outlet, "kind": s.kind, "via": s.via, "url": s.url,
                 "date": s.date.isoformat() if s.date else None, "occasion": s.occasion,
                 "passages": len(s.passages)}
                for s in srcs
            ],
            "quotes": [
                {"text": self.article[q.span], "start": q.span.start, "end": q.span.end,
                 "kind": q.kind, "speaker": q.speaker,
                 "matches": [m.to_json(self.article, srcs) for m in self.for_quote(q)]}
                for q in self.quotes
            ],
            "reverse": [m.to_json(self.article, srcs) for m in self.reverse],
        }


# --------------------------------------------------------------------------------------
# Context of a quote in the article: who heard it, on what occasion
# --------------------------------------------------------------------------------------

_AUDIENCE = re.compile(
    r"\b(?:told|tells|telling|said to|addressing|addressed|speaking to|spoke to)\s+"
    r"((?:the\s+)?(?:[A-Za-z'’-]+\s+){0,3}?[A-Za-z'’-]+)"
    r"(?=\s+(?:that|on|in|at|during|about|how)\b|\s*[,.:;]|$)"
)
_OCCASION = re.compile(
    r"\b(?:in|during|at|after)\s+(?:his|her|their|a|an|the)\s+"
    r"(?:meetings?|talks|press conference|news conference|interview|speech|call|visit|briefing)"
    r"\s+with\s+((?:[A-Z][\w'’.-]*\s?){1,4})"
)


def _context_phrases(article: Article, quote: Quote) -> list[tuple[str, str]]:
    """``(phrase, head word)`` for the audience or occasion the article gives a quote."""
    spans = [quote.span] + ([quote.cue_span] if quote.cue_span else [])
    sentences = {s for s in article.sentences for x in spans if s.start <= x.start < s.end}
    out: list[tuple[str, str]] = []
    for s in sorted(sentences):
        text = article[s]
        for pat in (_AUDIENCE, _OCCASION):
            for m in pat.finditer(text):
                phrase = m.group(0).strip()
                words = re.findall(r"[A-Za-z]+", m.group(1))
                if words:
                    out.append((phrase, words[-1].lower()))
    return out


def _credits(article: Article, quote: Quote, source: RelatedSource, passage: Passage) -> bool:
    """Whether the article's sentence around the quote names the passage's real author."""
    spans = [quote.span] + ([quote.cue_span] if quote.cue_span else [])
    text = " ".join(article[s] for s in article.sentences
                    if any(s.start <= x.start < s.end for x in spans)).lower()
    marks = ["statement", "readout", "spokesman", "spokesperson", "spokeswoman"]
    if passage.speaker:
        marks.append(_last_name(passage.speaker).lower())
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in marks)


# --------------------------------------------------------------------------------------
# Comparing one quote with one passage
# --------------------------------------------------------------------------------------


def _sentence_edges(text: str, a: int, b: int, seg: Span) -> tuple[bool, bool]:
    """Whether ``[a, b)`` in a passage starts a sentence and ends one (within ``seg``)."""
    before = text[seg.start : a]
    after = text[b : seg.end]
    starts = not before.strip() or bool(re.search(r"[.!?]['\"’”]?\s+['\"‘“]?$", before))
    ends = not re.sub(r"^[\W_]*", "", after) or bool(re.match(r"^['\"’”]?[.!?]", after))
    return starts, ends


@dataclass
class _Candidate:
    base: str  # exact, trimmed, shorter, altered, paraphrase
    score: float
    passage_span: Span
    strength: float


def _compare(article: Article, quote: Quote, passage: Passage) -> _Candidate | None:
    """The best way ``quote``'s words relate to ``passage``, or ``None`` when they do not."""
    qtok = _tokens(article[quote.span], quote.span.start)
    if not qtok:
        return None
    qwords = [w for w, _, _ in qtok]
    qcontent = {_norm(w) for w in qwords if _is_content(w)}
    if not qcontent:
        return None
    best: _Candidate | None = None
    for seg, quoted in passage.segments:
        stok = _tokens(seg.text(passage.text), seg.start)
        swords = [w for w, _, _ in stok]
        if not swords:
            continue
        sm = SequenceMatcher(None, qwords, swords, autojunk=False)
        blocks = sm.get_matching_blocks()
        in_order = sum(b.size for b in blocks) / len(qwords)
        longest = max(blocks, key=lambda b: b.size)
        cand: _Candidate | None = None
        if quoted and longest.size == len(qwords):
            a, b = stok[longest.b][1], stok[longest.b + longest.size - 1][2]
            starts, ends = _sentence_edges(passage.text, a, b, seg)
            if len(qwords) < 3 and not _short_quote_fits(article, quote, passage):
                continue
            cand = _Candidate("exact" if starts and ends else "trimmed", 1.0, Span(a, b), 3.0)
        elif quoted and longest.size == len(swords) and len(swords) >= 3:
            cand = _Candidate("shorter", in_order, seg, 2.5)
        else:
            common, ratio = _shared(qcontent, {_norm(w) for w in swords if _is_content(w)})
            if len(common) >= 3 and ratio >= 0.5:
                same = not quote.speaker or not passage.speaker or _same_person(
                    quote.speaker, passage.speaker)
                cand = _Candidate("altered" if quoted and same else "paraphrase", in_order, seg,
                                  1.0 + ratio)
        if cand and (best is None or cand.strength > best.strength):
            best = cand
    return best


def _short_quote_fits(article: Article, quote: Quote, passage: Passage) -> bool:
    """A quote of one or two words matches only if its sentence shares an idea-word too."""
    sent = next((s for s in article.sentences if s.start <= quote.span.start < s.end), quote.span)
    around = _content(article.text[sent.start : quote.span.start]
                      + " " + article.text[quote.span.end : sent.end])
    return bool(around - _content(article[quote.span]) & _content(passage.text))


def _explain(base: str, article: Article, quote: Quote, source: RelatedSource,
             passage: Passage, score: float) -> str:
    who = quote.speaker or "the speaker"
    n = len(_tokens(article[quote.span]))
    if base == "exact":
        return f"{source.label} has these same words, word for word."
    if base == "shorter":
        return f"{source.label} quotes a shorter part of the same words, word for word."
    if base == "trimmed":
        return (f"{source.label} has these words inside a longer quote; the article uses "
                "only part of it.")
    if base == "altered":
        found = round(score * n)
        return (f"{source.label} also puts this idea in quotation marks as "
                f"{_last_name(passage.speaker or who)}'s words, but the words differ: only "
                f"{found} of the article's {n} words appear in the same order.")
    return f"{source.label} gives the same idea in its own words, not as a quote."


def trace_quotes(article: Article, sources: Iterable[RelatedSource],
                 quotes: Sequence[Quote] | None = None) -> list[TraceMatch]:
    """Pair each quote in the article with the source passages that carry it, and classify.

    ``quotes`` defaults to :func:`article_quotes`; quotes of kind ``paraphrase`` are left
    to :func:`trace_sources`. One match per quote and passage, in article order.
    """
    srcs = list(sources)
    qs = [q for q in (article_quotes(article) if quotes is None else quotes)
          if q.kind != "paraphrase"]
    out: list[TraceMatch] = []
    for q in sorted(qs, key=lambda q: q.span):
        context = _context_phrases(article, q)
        for src in srcs:
            for pi, passage in enumerate(src.passages):
                cand = _compare(article, q, passage)
                if cand is None:
                    continue
                base = cand.base
                changes: list[str] = ["exact" if base == "shorter" else base]
                explanation = _explain(base, article, q, src, passage, cand.score)
                kind = changes[0]
                # Whose words? A readout describing the Secretary, given as his own words.
                if (base in ("exact", "trimmed", "shorter") and q.speaker and passage.speaker
                        and not _same_person(q.speaker, passage.speaker)
                        and _same_person(q.speaker, passage.subject)
                        and not _credits(article, q, src, passage)):
                    kind = "reattributed"
                    changes.insert(0, kind)
                    explanation = (
                        f"In {src.label} these words are {passage.speaker}'s description of "
                        f"what {passage.subject} did; the article presents them as "
                        f"{q.speaker}'s own words."
                    )
                # On what occasion, to whom?
                theirs = src.context_words()
                if theirs and kind in ("exact", "trimmed", "altered"):
                    for phrase, head in context:
                        if head not in theirs:
                            kind = "context-changed"
                            changes.insert(0, kind)
                            explanation = (
                                f"The article places these words at a different moment "
                                f"(\u201c{phrase}\u201d); {src.label} places them in the "
                                f"{src.occasion or 'occasion it reports'}."
                            )
                            break
                out.append(TraceMatch(
                    kind=kind, article_span=q.span, source_id=src.id, passage=pi,
                    passage_span=cand.passage_span, score=cand.score, explanation=explanation,
                    changes=tuple(changes), quote=q,
                ))
    return out


# --------------------------------------------------------------------------------------
# The reverse: what the sources say, and what the article does with it
# --------------------------------------------------------------------------------------

_QUALIFIER_START = frozenset(
    "from in under within consistent according subject provided if unless only except "
    "without while".split()
)


def _pieces(passage: Passage) -> list[Span]:
    """Sentences of the quoted segments of a passage."""
    out: list[Span] = []
    for seg, quoted in passage.segments:
        if not quoted:
            continue
        pos = seg.start
        for m in re.finditer(r"[.!?](?=\s+\S)", passage.text[seg.start : seg.end]):
            end = seg.start + m.end()
            out.append(Span(pos, end))
            pos = end
            while pos < seg.end and passage.text[pos].isspace():
                pos += 1
        out.append(Span(pos, seg.end))
    return [p for p in out if _tokens(p.text(passage.text))]


def _outside_quotes(article: Article, sentence: Span, quote_spans: list[Span]) -> list[tuple[
        str, int, int]]:
    """The words of an article sentence that are not inside quotation marks."""
    return [t for t in _tokens(article[sentence], sentence.start)
            if not any(q.start <= t[1] < q.end for q in quote_spans)]


def _paraphrase(article: Article, sentence_tokens: list[tuple[str, int, int]],
                passage: Passage, piece: Span) -> tuple[Span, Span, tuple[Span, ...], float] | None:
    """Whether an article sentence gives a passage piece's idea in other words."""
    ptok = _tokens(piece.text(passage.text), piece.start)
    a = [_norm(w) if _is_content(w) else w for w, _, _ in sentence_tokens]
    b = [_norm(w) if _is_content(w) else w for w, _, _ in ptok]
    if not a or not b:
        return None
    sm = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size >= 2]
    run = max(blocks, key=lambda m: m.size, default=None)
    run_content = sum(1 for w, _, _ in ptok[run.b : run.b + run.size] if _is_content(w)) if run \
        else 0
    common, ratio = _shared(
        {x for x, (w, _, _) in zip(a, sentence_tokens, strict=True) if _is_content(w)},
        {x for x, (w, _, _) in zip(b, ptok, strict=True) if _is_content(w)})
    score = sum(m.size for m in sm.get_matching_blocks()) / len(a)
    if run is None or run_content < 3:
        if len(common) >= 3 and ratio >= 0.5:
            # The same idea-words, not the same phrase: point at the whole sentence and piece.
            whole = Span(sentence_tokens[0][1], sentence_tokens[-1][2])
            return whole, Span(ptok[0][1], ptok[-1][2]), (), score
        return None
    first = last = run
    art = Span(sentence_tokens[first.a][1], sentence_tokens[last.a + last.size - 1][2])
    pas = Span(ptok[first.b][1], ptok[last.b + last.size - 1][2])
    dropped: tuple[Span, ...] = ()
    tail = ptok[last.b + last.size:]
    if len(tail) >= 2 and tail[0][0] in _QUALIFIER_START:
        stop = len(tail)
        for i in range(1, len(tail)):
            if re.search(r"[.;,]", passage.text[tail[i - 1][2] : tail[i][1]]):
                stop = i
                break
        dropped = (Span(tail[0][1], tail[stop - 1][2]),)
    return art, pas, dropped, score


def trace_sources(article: Article, sources: Iterable[RelatedSource],
                  quotes: Sequence[Quote] | None = None,
                  matches: Sequence[TraceMatch] | None = None) -> list[TraceMatch]:
    """What the sources say besides the article's quotes: paraphrases and passages left out.

    Each sentence of each passage that no quote matched is compared with the article's own
    words (outside quotation marks). A close one is a ``paraphrase``, and a qualifier the
    paraphrase drops (``from terrorist violence in compliance with …``) is kept in
    ``dropped``. A passage with no counterpart at all is ``left-out``.
    """
    srcs = list(sources)
    qs = list(article_quotes(article) if quotes is None else quotes)
    if matches is None:
        matches = trace_quotes(article, srcs, qs)
    quote_spans = [q.span for q in qs if q.kind != "paraphrase"]
    sentence_words = [(s, _outside_quotes(article, s, quote_spans)) for s in article.sentences]
    out: list[TraceMatch] = []
    for src in srcs:
        for pi, passage in enumerate(src.passages):
            hit = [m.passage_span for m in matches if m.source_id == src.id and m.passage == pi]
            uncovered: list[Span] = []
            found_any = bool(hit)
            for piece in _pieces(passage):
                if any(h.overlaps(piece) for h in hit):
                    continue
                best = None
                for _, words in sentence_words:
                    got = _paraphrase(article, words, passage, piece)
                    if got and (best is None or got[3] > best[3]):
                        best = got
                if best is None:
                    uncovered.append(piece)
                    continue
                found_any = True
                art, pas, dropped, score = best
                if dropped:
                    explanation = (
                        f"The article's words \u201c{article[art]}\u201d give the idea of "
                        f"\u201c{pas.text(passage.text)}\u201d in {src.label}, but leave out "
                        f"\u201c{dropped[0].text(passage.text)}\u201d."
                    )
                else:
                    explanation = (
                        f"The article's words \u201c{article[art]}\u201d give the same idea as "
                        f"{src.label}, in other words."
                    )
                out.append(TraceMatch(
                    kind="paraphrase", article_span=art, source_id=src.id, passage=pi,
                    passage_span=pas, score=score, explanation=explanation,
                    changes=("paraphrase",) + (("qualifier-dropped",) if dropped else ()),
                    dropped=dropped,
                ))
            if not found_any:
                uncovered = [Span(0, len(passage.text))]
            speaker = passage.speaker or src.speaker
            whose = f"{speaker}'s words in {src.label}" if speaker else f"the words of {src.label}"
            for piece in uncovered:
                out.append(TraceMatch(
                    kind="left-out", article_span=None, source_id=src.id, passage=pi,
                    passage_span=piece, score=0.0,
                    explanation=f"No sentence in the article carries {whose}, or their main words.",
                    changes=("left-out",),
                ))
    return out


def trace(article: Article, sources: Iterable[RelatedSource] | None = None,
          quotes: Sequence[Quote] | None = None) -> TraceReport:
    """Trace every quote of ``article`` to its related sources, and the reverse."""
    srcs = tuple(load_related(article) if sources is None else sources)
    qs = tuple(article_quotes(article) if quotes is None else quotes)
    matches = trace_quotes(article, srcs, qs)
    reverse = trace_sources(article, srcs, qs, matches)
    return TraceReport(article, srcs, tuple(sorted(qs, key=lambda q: q.span)),
                       tuple(matches), tuple(reverse))


# --------------------------------------------------------------------------------------
# Where the article's quotes come from
# --------------------------------------------------------------------------------------


def article_quotes(article: Article) -> list[Quote]:
    """The article's quotes: from :func:`medialit.attribution.find_quotes` when available,
    else from the instructor's answer key beside the article."""
    try:
        from .attribution import find_quotes  # type: ignore[attr-defined]
    except ImportError:
        find_quotes = None
    if find_quotes is not None:
        return list(find_quotes(article))
    from .keys import find_key

    key = find_key(article)
    if key is None:
        raise ArticleError(
            article.path, "cannot find the article's quotes: medialit.attribution is not "
                          "installed and the article has no answer key (<slug>.key.json)")
    return [k.as_quote() for k in key.quotes]


# --------------------------------------------------------------------------------------
# Counting, and the answer key of the tracing exercise
# --------------------------------------------------------------------------------------

#: The classes the "how each quote travelled" chart shows, in order.
TRAVEL_KINDS = ("exact", "trimmed", "altered", "reattributed", "context-changed")


def travel_counts(report: TraceReport) -> list[tuple[Quote, dict[str, int]]]:
    """For each quote with at least one match: how many sources carry it in each class."""
    out: list[tuple[Quote, dict[str, int]]] = []
    for q in report.quotes:
        found = [m for m in report.for_quote(q) if m.kind in TRAVEL_KINDS]
        if found:
            out.append((q, {k: sum(1 for m in found if m.kind == k) for k in TRAVEL_KINDS}))
    return out


TRACE_KEY_FORMAT = "medialit-trace-key/1"
TRACE_QUESTIONS = ("words", "speaker", "occasion")


@dataclass(frozen=True)
class TraceKeyQuote:
    """The instructor's answers for one quote: its span, the three answers, and a hint."""

    span: Span
    answers: dict[str, str]
    hint: str = ""


@dataclass(frozen=True)
class TraceKey:
    """The answer key of the tracing exercise (``<slug>.related/trace-key.json``)."""

    questions: dict[str, tuple[str, ...]]
    quotes: tuple[TraceKeyQuote, ...]
    path: Path | None = None

    def feedback(self, quote: TraceKeyQuote, answers: dict[str, Any]) -> list[str]:
        """One line per question: right, not quite (with the hint), or not answered yet."""
        lines = []
        for q in TRACE_QUESTIONS:
            given = answers.get(q)
            if not given:
                lines.append(f"{q}: not answered yet.")
            elif given == quote.answers[q]:
                lines.append(f"{q}: right.")
            else:
                lines.append(f"{q}: not quite: look again at the passages below.")
        if any(not line.endswith("right.") for line in lines) and quote.hint:
            lines.append(f"Hint: {quote.hint}")
        return lines


def load_trace_key(article: Article, path: str | Path | None = None) -> TraceKey:
    """Read and check the tracing answer key; spans must match the article's text."""
    from .work import read_json_file

    p = Path(path) if path is not None else related_dir(article) / "trace-key.json"
    if not p.exists():
        raise ArticleError(p, "no such trace answer key")
    try:
        raw = read_json_file(p)
    except Exception as e:  # WorkFileError names the file already; keep one error type
        raise ArticleError(p, str(e).removeprefix(f"{p}: ")) from None
    if not isinstance(raw, dict) or raw.get("format") != TRACE_KEY_FORMAT:
        raise ArticleError(p, f"is not a trace key (it needs \"format\": \"{TRACE_KEY_FORMAT}\")")
    questions = raw.get("questions")
    if not isinstance(questions, dict) or set(questions) != set(TRACE_QUESTIONS):
        raise ArticleError(p, f"'questions' must give the options of {', '.join(TRACE_QUESTIONS)}")
    qs = {k: tuple(str(x) for x in v) for k, v in questions.items()}
    out = []
    for i, item in enumerate(raw.get("quotes") or []):
        where = f"quote {i + 1}"
        try:
            span = Span(int(item["start"]), int(item["end"]))
        except (KeyError, TypeError, ValueError):
            raise ArticleError(p, f"{where}: needs whole-number 'start' and 'end'") from None
        if article[span] != item.get("text"):
            raise ArticleError(p, f"{where}: the text at {span.start}-{span.end} is "
                                  f"{article[span]!r}, not {item.get('text')!r}")
        answers = {}
        for q in TRACE_QUESTIONS:
            if item.get(q) not in qs[q]:
                raise ArticleError(p, f"{where}: '{q}' must be one of {', '.join(qs[q])}")
            answers[q] = item[q]
        out.append(TraceKeyQuote(span, answers, str(item.get("hint", ""))))
    if not out:
        raise ArticleError(p, "has no quotes")
    return TraceKey(qs, tuple(out), p)
