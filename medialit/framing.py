"""Framing checks: the words a report chooses, and whether its quotes hang together.

:func:`check` reads one :class:`~medialit.article.Article` and returns
:class:`~medialit.results.Finding` objects. Each finding has a rule id, one sentence a
15-year-old can follow that quotes the exact words, and spans into the article text.
Everything is decided by rules and by the word lists shipped in ``medialit/data/``
(``framing_contested_terms.json`` and ``framing_words.json``): no network, no model.

Rules
-----
``framing.loaded-verb``
    a speech verb that says more than "said" (claimed, admitted, insisted, denied ...),
    except in fixed phrases such as "claims responsibility".
``framing.contested-term``
    a word that the sides of a conflict use differently (hostages, truce, occupied ...),
    with who uses it, why others reject it, named sources and style-guide notes in
    ``details``.
``framing.comparable-groups``
    different words for two groups of people on opposite sides ("hostages" and
    "prisoners"), with the reasons given for each word and their sources.
``framing.agentless-passive``
    "was extended", "are protected": an action with nobody named as doing it.
``framing.vague-quantity``
    a vague amount for one group ("many hostages") against an exact number for a
    comparable group ("more than 200 Palestinian prisoners").
``framing.emotive`` and ``framing.hedge``
    words that push feelings, and words that show doubt or pass on a claim.
``framing.headline-quote-mismatch``
    the headline's quoted words missing from the story, unquoted there, or given to
    someone else.
``framing.quote-context-conflict``
    the same quoted words reported as said on two different occasions or to two audiences.
``framing.repeated-passage``
    a passage printed twice, almost word for word.

Words inside quotation marks are the speaker's, not the reporter's: findings on them say
so, using the quote spans (from :mod:`medialit.attribution` when it is available, and
from the quotation marks themselves in any case).

All scanning is over word tokens with dictionary look-ups, so the time grows in step
with the length of the text.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .article import Article, Span
from .results import Finding, Quote

__all__ = [
    "RULES",
    "check",
    "contested_terms",
    "contested_terms_markdown",
    "quoted_regions",
]

#: Rule id -> what the rule looks for, in one line.
RULES: dict[str, str] = {
    "framing.loaded-verb": "A speech verb that suggests more than 'said'.",
    "framing.contested-term": "A word that the sides of a conflict use differently.",
    "framing.comparable-groups": "Different words for two groups of people on opposite sides.",
    "framing.agentless-passive": "An action told without saying who did it.",
    "framing.vague-quantity": "A vague amount for one group against an exact number for another.",
    "framing.emotive": "A word that pushes readers to feel something.",
    "framing.hedge": "A word that shows doubt or passes on someone else's claim.",
    "framing.headline-quote-mismatch": "The headline's quote is missing, unquoted or "
    "given to someone else in the story.",
    "framing.quote-context-conflict": "The same quoted words placed on two different occasions.",
    "framing.repeated-passage": "A passage printed twice, almost word for word.",
}

#: Parts of the page whose words are checked (not bylines, credits or page furniture).
SCANNED_PARTS = ("headline", "highlights", "paragraph", "subheading", "caption", "promo")
#: Parts that make up the story itself, for the consistency checks.
STORY_PARTS = ("highlights", "paragraph")

NO_STYLE_GUIDE = "no style-guide note found"

# --------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------


def _load_json(name: str) -> dict[str, Any]:
    data = resources.files("medialit").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(data)


@cache
def _terms_data() -> dict[str, Any]:
    return _load_json("framing_contested_terms.json")


@cache
def _words_data() -> dict[str, Any]:
    return _load_json("framing_words.json")


def contested_terms() -> list[dict[str, Any]]:
    """The contested-terms lexicon: one dict per term (a copy, safe to change)."""
    return json.loads(json.dumps(_terms_data()["terms"]))


def _kept(cache: dict[int, tuple[Any, Any]], piece: Any, make: Callable[[], Any]) -> Any:
    """``make()`` for a piece of the (never changed) lexicon, made once and kept with the
    piece (so its id is never reused for another object). Bounded all the same."""
    kept = cache.get(id(piece))
    if kept is None or kept[0] is not piece:
        if len(cache) > 5000:
            cache.clear()
        kept = cache[id(piece)] = (piece, make())
    return kept[1]


_DUMPED: dict[int, tuple[Any, Any]] = {}
_SOURCES_OF: dict[int, tuple[Any, Any]] = {}


def _copy(value: Any) -> Any:
    """A fresh copy of a piece of the lexicon, for a finding's details (from its JSON text)."""
    return json.loads(_kept(_DUMPED, value, lambda: json.dumps(value)))


def _all_sources(entry: dict[str, Any]) -> list[dict[str, str]]:
    """Every named source of a term or group entry (meaning, then perspectives), once each."""

    def collect() -> list[dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for source in entry.get("meaning_sources", []):
            found.setdefault(source["url"], source)
        for view in entry["perspectives"]:
            for source in view["sources"]:
                found.setdefault(source["url"], source)
        return list(found.values())

    return _copy(_kept(_SOURCES_OF, entry, collect))


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_norm(m.group()) for m in _TOKEN.finditer(text))


class _PhraseIndex:
    """Word sequences keyed by their first word; the longest match wins."""

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for text, payload in items:
            words = _phrase(text)
            if words:
                by_first.setdefault(words[0], []).append((words, payload))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.by_first = by_first

    def match(self, toks: _Tokens, i: int) -> tuple[int, Any] | None:
        """``(number of tokens, payload)`` of the longest phrase starting at token ``i``."""
        entries = self.by_first.get(toks.low[i])
        if not entries:
            return None
        low = toks.low
        for words, payload in entries:
            n = len(words)
            if n == 1:
                return 1, payload
            if i + n > len(low) or low[i + 1] != words[1]:
                continue
            if tuple(low[i + 1 : i + n]) == words[1:] and all(
                toks.joined(i + k) for k in range(1, n)
            ):
                return n, payload
        return None


@dataclass(frozen=True)
class _Lexicon:
    """The word lists, compiled into look-up tables once."""

    terms: dict[str, dict[str, Any]]
    term_index: _PhraseIndex
    scope_re: dict[str, re.Pattern[str]]
    pair_indexes: list[tuple[dict[str, Any], _PhraseIndex, _PhraseIndex]]
    pair_first_words: dict[str, list[tuple[int, _PhraseIndex]]]
    verb_index: _PhraseIndex
    verbs: dict[str, dict[str, Any]]
    verb_after: dict[str, _PhraseIndex]
    verb_speech_objects: frozenset[str]
    refuse_speech: frozenset[str]
    slam_objects: frozenset[str]
    emotive: frozenset[str]
    intensifiers: frozenset[str]
    not_after_intensifier: frozenset[str]
    hedge_index: _PhraseIndex
    hedge_case_sensitive: frozenset[str]
    vague_index: _PhraseIndex
    approx_index: _PhraseIndex
    number_words: frozenset[str]
    noun_class: dict[str, str]
    max_between: int
    be_forms: frozenset[str]
    skippable: frozenset[str]
    irregular: frozenset[str]
    not_participles: frozenset[str]
    adjectival: frozenset[str]
    by_not_agent: _PhraseIndex
    window: int
    told_verbs: frozenset[str]
    told_stop: frozenset[str]
    occasion_index: _PhraseIndex
    occasion_openers: frozenset[str]
    determiners: frozenset[str]
    speaking_index: _PhraseIndex


@cache
def _lexicon() -> _Lexicon:
    terms = _terms_data()
    words = _words_data()
    term_by_id = {t["id"]: t for t in terms["terms"]}
    scope_re = {
        name: re.compile(
            r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in scope) + r")\b",
            re.IGNORECASE,
        )
        for name, scope in terms["scope_words"].items()
    }
    verbs = {v["lemma"]: v for v in words["loaded_verbs"]}
    exc = words["loaded_verb_exceptions"]
    qty = words["quantities"]
    pas = words["passives"]
    occ = words["occasions"]
    noun_class = {n: cls for cls, nouns in qty["noun_classes"].items() for n in nouns}
    pair_indexes = [
        (pair, _PhraseIndex((f, "a") for f in pair["a"]["forms"]),
         _PhraseIndex((f, "b") for f in pair["b"]["forms"]))
        for pair in terms["comparable_groups"]
    ]
    return _Lexicon(
        terms=term_by_id,
        term_index=_PhraseIndex((f, t["id"]) for t in terms["terms"] for f in t["forms"]),
        scope_re=scope_re,
        pair_indexes=pair_indexes,
        pair_first_words=_pair_first_words(pair_indexes),
        verb_index=_PhraseIndex((f, v["lemma"]) for v in words["loaded_verbs"] for f in v["forms"]),
        verbs=verbs,
        verb_after={
            lemma: _PhraseIndex((p, p) for p in after) for lemma, after in exc["after"].items()
        },
        verb_speech_objects=frozenset(exc["speech_objects_after_ambiguous"]),
        refuse_speech=frozenset(exc["refuse_speech"]),
        slam_objects=frozenset(exc["slam_objects"]),
        emotive=frozenset(words["emotive"]["words"]),
        intensifiers=frozenset(words["emotive"]["intensifiers"]),
        not_after_intensifier=frozenset(words["emotive"]["not_after_intensifier"]),
        hedge_index=_PhraseIndex((p, p) for p in words["hedges"]["phrases"]),
        hedge_case_sensitive=frozenset(words["hedges"]["case_sensitive"]),
        vague_index=_PhraseIndex((p, p) for p in qty["vague"]),
        approx_index=_PhraseIndex((p, p) for p in qty["approximators"]),
        number_words=frozenset(qty["number_words"] + qty["multipliers"]),
        noun_class=noun_class,
        max_between=int(qty["max_words_between"]),
        be_forms=frozenset(pas["be_forms"]),
        skippable=frozenset(pas["skippable"]),
        irregular=frozenset(pas["irregular"]),
        not_participles=frozenset(pas["not_participles"]),
        adjectival=frozenset(pas["adjectival"]),
        by_not_agent=_PhraseIndex((p, p) for p in pas["by_not_agent"]),
        window=int(pas["window"]),
        told_verbs=frozenset(occ["told_verbs"]),
        told_stop=frozenset(occ["told_stop"]),
        occasion_index=_PhraseIndex((p, p) for p in occ["occasion_nouns"]),
        occasion_openers=frozenset(occ["occasion_openers"]),
        determiners=frozenset(occ["determiners"]),
        speaking_index=_PhraseIndex((p, p) for p in occ["speaking_verbs"]),
    )


# --------------------------------------------------------------------------------------
# Tokens and quotation marks
# --------------------------------------------------------------------------------------

# Numbers (with thousands separators), or words joined by hyphens and apostrophes.
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\"“”—–]")
_QUOTE_CHARS = re.compile(r"[\"“”'‘’]")


class _Tokens:
    """The word tokens of one part of the page: offsets, lower-case forms and the text."""

    __slots__ = ("text", "start", "end", "low", "raw")

    def __init__(self, text: str, span: Span | None) -> None:
        self.text = text
        self.start: list[int] = []
        self.end: list[int] = []
        self.low: list[str] = []
        self.raw: list[str] = []
        if span is None:
            return
        found = list(_TOKEN.finditer(text, span.start, span.end))
        self.start = [m.start() for m in found]
        self.end = [m.end() for m in found]
        self.raw = [m.group() for m in found]
        self.low = [w.lower() for w in self.raw]
        for i, low in enumerate(self.low):
            if "'" in low or "’" in low:
                low = low.replace("’", "'")
                if low.endswith("'s") and len(low) > 2:  # possessive: Israel's -> israel
                    low = low[:-2]
                    self.raw[i] = self.raw[i][:-2]
                    self.end[i] -= 2
                self.low[i] = low

    def within(self, span: Span) -> _Tokens:
        """The tokens that lie inside ``span`` (a view made by slicing, not re-reading)."""
        a = bisect.bisect_left(self.start, span.start)
        b = bisect.bisect_right(self.start, span.end - 1)
        while b > a and self.end[b - 1] > span.end:
            b -= 1
        view = _Tokens.__new__(_Tokens)
        view.text = self.text
        view.start, view.end = self.start[a:b], self.end[a:b]
        view.low, view.raw = self.low[a:b], self.raw[a:b]
        return view

    def __len__(self) -> int:
        return len(self.low)

    def gap(self, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return self.text[self.end[i - 1] : self.start[i]]

    def joined(self, i: int) -> bool:
        """True if only white space separates token ``i`` from the one before."""
        return i > 0 and not self.gap(i).strip()

    def span(self, i: int, j: int) -> Span:
        """The span from the start of token ``i`` to the end of token ``j - 1``."""
        return Span(self.start[i], self.end[j - 1])


def _part_regions(text: str, span: Span) -> list[Span]:
    """Words between quotation marks in one part; an unclosed double quote runs to its end."""
    regions: list[Span] = []
    double_open: int | None = None
    single_open: int | None = None
    for m in _QUOTE_CHARS.finditer(text, span.start, span.end):
        i = m.start()
        ch = m.group()
        before = text[i - 1] if i > span.start else " "
        after = text[i + 1] if i + 1 < span.end else " "
        if ch == '"':
            if double_open is None:
                double_open = i + 1
            else:
                regions.append(Span(double_open, i))
                double_open = None
        elif ch == "“":
            if double_open is None:
                double_open = i + 1
        elif ch == "”":
            if double_open is not None:
                regions.append(Span(double_open, i))
                double_open = None
        else:
            # ' ‘ ’: an apostrophe has letters on both sides; an opening mark follows a
            # space or bracket and precedes a letter; a closing mark does the reverse.
            opening = after.isalnum() and (before.isspace() or before in "([{“\"—–-/")
            closing = not before.isspace() and not after.isalnum()
            if single_open is None and opening and ch != "’":
                single_open = i + 1
            elif single_open is None and opening and ch == "’" and before.isspace():
                single_open = i + 1
            elif single_open is not None and closing:
                regions.append(Span(single_open, i))
                single_open = None
    if double_open is not None and double_open < span.end:
        regions.append(Span(double_open, span.end))
    return regions


def quoted_regions(article: Article) -> list[Span]:
    """Spans of words inside quotation marks, in the parts of the page that are checked.

    The marks themselves are left out, as in answer keys. A double quotation mark left
    open at the end of a paragraph (the convention for a quote that goes on into the
    next paragraph) runs to the end of that paragraph.
    """
    out: list[Span] = []
    for part in article.parts:
        if part.label in SCANNED_PARTS:
            out.extend(_part_regions(article.text, part.span))
    out.sort(key=lambda r: (r.start, r.end))
    return out


class _Voice:
    """Tells the reporter's words from quoted words, and names the speaker when known."""

    def __init__(self, regions: Sequence[Span], quotes: Sequence[Quote]) -> None:
        marked = sorted(set(regions) | {q.span for q in quotes if q.kind != "paraphrase"},
                        key=lambda r: (r.start, r.end))
        merged: list[list[int]] = []
        for r in marked:  # nested or overlapping quotes merge into one stretch
            if merged and r.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], r.end)
            else:
                merged.append([r.start, r.end])
        self.merged = merged
        self.merged_starts = [m[0] for m in merged]
        self.quotes = sorted(
            (q for q in quotes if q.kind != "paraphrase" and q.speaker),
            key=lambda q: (q.span.start, -q.span.end),
        )
        self.quote_starts = [q.span.start for q in self.quotes]

    def quoted(self, span: Span) -> bool:
        k = bisect.bisect_right(self.merged_starts, span.start) - 1
        return k >= 0 and self.merged[k][1] >= span.end

    def speaker(self, span: Span) -> str | None:
        """The speaker of the shortest attributed quote around ``span``, if any."""
        k = bisect.bisect_right(self.quote_starts, span.start) - 1
        best: Quote | None = None
        for q in self.quotes[max(0, k - 20) : k + 1]:
            if q.span.contains(span) and (best is None or len(q.span) < len(best.span)):
                best = q
        return best.speaker if best else None

    def describe(self, span: Span) -> dict[str, Any]:
        if not self.quoted(span):
            return {"voice": "reporter", "speaker": None}
        return {"voice": "quoted", "speaker": self.speaker(span)}


def _whose(speaker: str | None) -> str:
    return f"{speaker}'s" if speaker else "the speaker's"


def _quoted_clause(voice: dict[str, Any], what: str = "word") -> str:
    """'; it is inside quotation marks, so it is X's word, not the reporter's' or ''."""
    if voice["voice"] != "quoted":
        return ""
    it, be = ("they", "are") if what == "words" else ("it", "is")
    return (
        f"; {it} {be} inside quotation marks, so {it} {be} "
        f"{_whose(voice['speaker'])} {what}, not the reporter's"
    )


def _w(text: str) -> str:
    """Exact words for a message, in curly quotes, on one line."""
    return "“" + " ".join(text.split()) + "”"


# --------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------


@dataclass
class _Context:
    article: Article
    lex: _Lexicon
    parts: list[tuple[str, Span, _Tokens]]
    voice: _Voice
    quotes: list[Quote]
    regions: list[Span]
    scopes: frozenset[str]
    part_starts: list[int]

    def tokens(self, span: Span) -> _Tokens:
        """Tokens inside ``span``, taken from the part of the page that holds it."""
        k = bisect.bisect_right(self.part_starts, span.start) - 1
        if k >= 0 and self.parts[k][1].contains(span):
            return self.parts[k][2].within(span)
        return _Tokens(self.article.text, span)


def _finding(rule: str, message: str, spans: Iterable[Span], **details: Any) -> Finding:
    return Finding(rule=rule, message=message, spans=tuple(sorted(spans)), details=details)


def _check_loaded_verbs(cx: _Context) -> list[Finding]:
    lex = cx.lex
    out: list[Finding] = []
    for _label, _span, toks in cx.parts:
        n = len(toks)
        verb_first = lex.verb_index.by_first
        for i in range(n):
            if toks.low[i] not in verb_first:
                continue
            m = lex.verb_index.match(toks, i)
            if not m:
                continue
            size, lemma = m
            j = i + size  # first token after the verb
            nxt = toks.low[j] if j < n and toks.joined(j) else None
            after_gap = toks.gap(j) if j < n else ""
            punct_after = j >= n or bool(_CLAUSE_BREAK.search(after_gap)) or bool(
                _QUOTE_CHARS.search(after_gap)
            )
            exceptions = lex.verb_after.get(lemma)
            if exceptions and j < n and toks.joined(j) and exceptions.match(toks, j):
                continue
            word = toks.low[i]
            info = lex.verbs[lemma]
            ambiguous = word in info["ambiguous_forms"]
            prev = toks.low[i - 1] if i > 0 and toks.joined(i) else None
            if lemma == "refuse":
                if not (nxt == "to" and j + 1 < n and toks.low[j + 1] in lex.refuse_speech):
                    continue
                size += 2
            elif lemma == "slam":
                if nxt not in lex.slam_objects:
                    continue
            elif lemma == "allege":
                # "the alleged attack" is a hedge; "Hamas alleged that ..." is a verb.
                if ambiguous and not (nxt == "that" or punct_after):
                    continue
            elif ambiguous:
                if prev in lex.determiners or prev in ("of", "such", "these", "those", "no"):
                    continue
                if lemma in ("claim", "boast"):
                    if not (nxt in ("that", "to", "of") or bool(_QUOTE_CHARS.search(after_gap))):
                        continue
                elif not (nxt in lex.verb_speech_objects or punct_after):
                    continue
            span = toks.span(i, i + size)
            voice = cx.voice.describe(span)
            words = cx.article[span]
            message = (
                f"The verb {_w(words)} {info['suggests']}, where the neutral word would be "
                f"“said”{_quoted_clause(voice)}."
            )
            out.append(
                _finding("framing.loaded-verb", message, [span], verb=lemma,
                         suggests=info["suggests"], neutral="said", **voice)
            )
    return out


def _check_contested_terms(cx: _Context) -> list[Finding]:
    lex = cx.lex
    hits: dict[tuple[str, str, str | None], list[Span]] = {}
    occurrences: dict[str, list[Span]] = {}
    for _label, _span, toks in cx.parts:
        i = 0
        n = len(toks)
        term_first = lex.term_index.by_first
        while i < n:
            m = lex.term_index.match(toks, i) if toks.low[i] in term_first else None
            if not m:
                i += 1
                continue
            size, term_id = m
            term = lex.terms[term_id]
            if term["scope"] == "general" or term["scope"] in cx.scopes:
                span = toks.span(i, i + size)
                voice = cx.voice.describe(span)
                hits.setdefault((term_id, voice["voice"], voice["speaker"]), []).append(span)
                occurrences.setdefault(term_id, []).append(span)
            i += size
    out: list[Finding] = []
    for (term_id, voice_name, speaker), spans in hits.items():
        term = lex.terms[term_id]
        first = _w(cx.article[spans[0]])
        more = len(spans) - 1
        times = f" (and {more} more time{'s' if more > 1 else ''})" if more else ""
        alts = " or ".join(_w(a) for a in term["alternatives"][:2])
        if voice_name == "reporter":
            message = (
                f"The article says {first}{times}, a term that people on different sides use "
                f"differently; others might say {alts}, and each choice suggests something "
                "different."
            )
        else:
            message = (
                f"{first}{times} is inside quotation marks, so it is {_whose(speaker)} word, "
                f"not the reporter's, and it is a contested term; others might say {alts}."
            )
        guides = term["style_guides"]
        out.append(
            _finding(
                "framing.contested-term", message, spans,
                term=term["label"], term_id=term_id, group=term["group"],
                words=[cx.article[s] for s in spans], meaning=term["meaning"],
                alternatives=list(term["alternatives"]),
                meaning_sources=_copy(term["meaning_sources"]),
                perspectives=_copy(term["perspectives"]),
                sources=_all_sources(term),
                style_guides=[dict(g) for g in guides],
                style_guide_note=None if guides else NO_STYLE_GUIDE,
                voice=voice_name, speaker=speaker,
            )
        )
    return out


def _pair_first_words(
    pair_indexes: list[tuple[dict[str, Any], _PhraseIndex, _PhraseIndex]],
) -> dict[str, list[tuple[int, _PhraseIndex]]]:
    """For each first word of a comparable-groups phrase: the pairs and indexes to try, in
    the order of the pairs, side a before side b."""
    out: dict[str, list[tuple[int, _PhraseIndex]]] = {}
    for n, (_pair, index_a, index_b) in enumerate(pair_indexes):
        for index in (index_a, index_b):
            for word in index.by_first:
                out.setdefault(word, []).append((n, index))
    return out


def _check_comparable_groups(cx: _Context) -> list[Finding]:
    if "israel-palestine" not in cx.scopes:
        return []
    out: list[Finding] = []
    # One pass over the words finds every pair's words (not one pass for each pair).
    firsts = cx.lex.pair_first_words
    founds: list[dict[str, list[Span]]] = [{"a": [], "b": []} for _ in cx.lex.pair_indexes]
    for _label, _span, toks in cx.parts:
        for i, low in enumerate(toks.low):
            for n, index in firsts.get(low, ()):
                m = index.match(toks, i)
                if m:
                    founds[n][m[1]].append(toks.span(i, i + m[0]))
    for (pair, _a, _b), found in zip(cx.lex.pair_indexes, founds, strict=True):
        if not found["a"] or not found["b"]:
            continue
        best = min(
            ((a, b) for a in found["a"] for b in found["b"][:50]),
            key=lambda ab: abs(ab[0].start - ab[1].start),
        )
        a, b = best
        message = (
            f"The article describes {pair['intro']} with different words, "
            f"{_w(cx.article[a])} for {pair['a']['side']} and {_w(cx.article[b])} for "
            f"{pair['b']['side']}; different words can shape how readers see each group, "
            "and the notes say why each word is used."
        )
        out.append(
            _finding("framing.comparable-groups", message, [a, b], pair=pair["label"],
                     words=[cx.article[a], cx.article[b]], sides=[pair["a"]["side"],
                     pair["b"]["side"]], perspectives=_copy(pair["perspectives"]),
                     sources=_all_sources(pair))
        )
    return out


def _is_participle(lex: _Lexicon, low: str) -> bool:
    if low in lex.adjectival or low in lex.not_participles:
        return False
    if low in lex.irregular:
        return True
    return len(low) > 4 and low.endswith("ed") and low.isalpha()


def _has_agent(lex: _Lexicon, toks: _Tokens, j: int) -> bool:
    """True if a 'by' + doer follows the participle at token ``j`` in the same clause."""
    n = len(toks)
    k = j + 1
    while k < n and k <= j + lex.window:
        if _CLAUSE_BREAK.search(toks.gap(k)):
            return False
        if toks.low[k] == "by":
            if k + 1 >= n or _CLAUSE_BREAK.search(toks.gap(k + 1)):
                return False
            nxt = toks.low[k + 1]
            if lex.by_not_agent.match(toks, k + 1) or _NUMBER.fullmatch(nxt):
                k += 2  # "by a day", "by Friday": a measure or a time, not a doer
                continue
            return True
        k += 1
    return False


def _check_passives(cx: _Context, hedged: set[tuple[int, int]]) -> list[Finding]:
    lex = cx.lex
    out: list[Finding] = []
    for _label, _span, toks in cx.parts:
        n = len(toks)
        taken: set[int] = set()
        for i in range(n):
            if toks.low[i] not in lex.be_forms:
                continue
            j = i + 1
            while j < n and j <= i + 3 and toks.joined(j) and toks.low[j] in lex.skippable:
                j += 1
            if j >= n or not toks.joined(j) or j in taken:
                continue
            low = toks.low[j]
            if not _is_participle(lex, low):
                continue
            if (toks.start[j], toks.end[j]) in hedged:
                continue
            if _has_agent(lex, toks, j):
                continue
            taken.add(j)
            span = toks.span(i, j + 1)
            voice = cx.voice.describe(span)
            message = (
                f"{_w(cx.article[span])} does not say who did it, so the reader is not told "
                f"who is responsible for this action{_quoted_clause(voice, 'words')}."
            )
            out.append(
                _finding("framing.agentless-passive", message, [span], participle=toks.raw[j],
                         missing="who did it", **voice)
            )
    return out


@dataclass(frozen=True)
class _Amount:
    span: Span
    noun_class: str
    vague: bool
    part: int


def _noun_after(lex: _Lexicon, toks: _Tokens, j: int) -> int | None:
    """Index of a counted noun at ``j`` or up to ``max_between`` words later."""
    stop = {"who", "that", "which", "and", "or", "but", "of", "to", "in", "on", "at", "from"}
    for k in range(j, min(len(toks), j + lex.max_between + 1)):
        if not toks.joined(k):
            return None
        low = toks.low[k]
        if low in lex.noun_class:
            return k
        if low in stop or low in lex.be_forms or not low.isalpha():
            return None
    return None


def _check_quantities(cx: _Context) -> list[Finding]:
    lex = cx.lex
    amounts: list[_Amount] = []
    approx_first = lex.approx_index.by_first
    vague_first = lex.vague_index.by_first

    def is_number(low: str) -> bool:
        return low in lex.number_words or (low[0].isdigit() and bool(_NUMBER.fullmatch(low)))

    for p, (_label, _span, toks) in enumerate(cx.parts):
        n = len(toks)
        low = toks.low
        i = 0
        while i < n:
            word = low[i]
            if word not in approx_first and word not in vague_first and not is_number(word):
                i += 1
                continue
            j = i
            approx = lex.approx_index.match(toks, i) if word in approx_first else None
            if approx:
                j = i + approx[0]
            k = j
            while k < n and (k == j or toks.joined(k)) and is_number(low[k]):
                k += 1
            if k > j and (j == i or toks.joined(j)):
                noun = _noun_after(lex, toks, k)
                if noun is not None:
                    amounts.append(_Amount(toks.span(i, noun + 1),
                                           lex.noun_class[low[noun]], False, p))
                    i = noun + 1
                    continue
            vague = lex.vague_index.match(toks, i) if word in vague_first else None
            if vague:
                noun = _noun_after(lex, toks, i + vague[0])
                if noun is not None:
                    amounts.append(_Amount(toks.span(i, noun + 1),
                                           lex.noun_class[low[noun]], True, p))
                    i = noun + 1
                    continue
            i += 1
    exact_by_class: dict[str, list[_Amount]] = {}
    for a in amounts:
        if not a.vague:
            exact_by_class.setdefault(a.noun_class, []).append(a)
    exact_starts = {cls: [c.span.start for c in cs] for cls, cs in exact_by_class.items()}
    out: list[Finding] = []
    for a in amounts:
        if not a.vague or a.noun_class not in exact_by_class:
            continue
        candidates = exact_by_class[a.noun_class]
        k = bisect.bisect_left(exact_starts[a.noun_class], a.span.start)
        near = candidates[max(0, k - 2) : k + 2]
        best = min(near, key=lambda c: (c.part != a.part, abs(c.span.start - a.span.start)))
        vague_words, exact_words = cx.article[a.span], cx.article[best.span]
        message = (
            f"The article gives an exact number for one group ({_w(exact_words)}) but only "
            f"a vague amount for a comparable group ({_w(vague_words)}), so readers cannot "
            "compare the two."
        )
        out.append(
            _finding("framing.vague-quantity", message, [a.span, best.span],
                     vague=vague_words, exact=exact_words, noun_class=a.noun_class,
                     **cx.voice.describe(a.span))
        )
    return out


def _check_emotive(cx: _Context) -> list[Finding]:
    lex = cx.lex
    out: list[Finding] = []
    for _label, _span, toks in cx.parts:
        n = len(toks)
        for i in range(n):
            low = toks.low[i]
            if low in lex.intensifiers and i + 1 < n and toks.joined(i + 1):
                nxt = toks.low[i + 1]
                if nxt.isalpha() and nxt not in lex.not_after_intensifier:
                    span = toks.span(i, i + 2)
                    voice = cx.voice.describe(span)
                    message = (
                        f"{_w(cx.article[span])} uses {_w(toks.raw[i])} to make the point "
                        "stronger, which pushes readers to feel it"
                        f"{_quoted_clause(voice, 'words')}."
                    )
                    out.append(_finding("framing.emotive", message, [span], kind="intensifier",
                                        word=toks.raw[i], **voice))
            elif low in lex.emotive:
                span = toks.span(i, i + 1)
                voice = cx.voice.describe(span)
                message = (
                    f"{_w(cx.article[span])} is an emotional word that makes readers feel "
                    f"something, not only know something{_quoted_clause(voice)}."
                )
                out.append(_finding("framing.emotive", message, [span], kind="emotive",
                                    word=toks.raw[i], **voice))
    return out


def _check_hedges(cx: _Context, used_verbs: set[tuple[int, int]]) -> list[Finding]:
    lex = cx.lex
    out: list[Finding] = []
    for _label, _span, toks in cx.parts:
        n = len(toks)
        i = 0
        hedge_first = lex.hedge_index.by_first
        while i < n:
            m = lex.hedge_index.match(toks, i) if toks.low[i] in hedge_first else None
            if not m:
                i += 1
                continue
            size, phrase = m
            span = toks.span(i, i + size)
            if (phrase in lex.hedge_case_sensitive and toks.raw[i] != phrase) or (
                (span.start, span.end) in used_verbs
            ):
                i += size
                continue
            voice = cx.voice.describe(span)
            message = (
                f"{_w(cx.article[span])} shows that the writer is not sure or is passing on "
                f"someone else's claim, so look for who the claim comes from"
                f"{_quoted_clause(voice)}."
            )
            out.append(_finding("framing.hedge", message, [span], hedge=phrase, **voice))
            i += size
    return out


# --------------------------------------------------------------------------------------
# Consistency: headline, contexts, repeats
# --------------------------------------------------------------------------------------

_HEADLINE_SPEAKER = re.compile(
    r"\b(?:says|said|tells|told|warns|insists)\s+"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$"
)


def _trim(text: str, span: Span) -> Span:
    """``span`` without white space and punctuation at either end."""
    a, b = span.start, span.end
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:!?"):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return Span(a, b)


def _same_person(a: str, b: str) -> bool:
    la, lb = a.lower().split(), b.lower().split()
    if not (la and lb):
        return False
    return la[-1] == lb[-1] or a.lower() in b.lower() or b.lower() in a.lower()


@dataclass
class _QuoteRun:
    """Quoted words in the story, with their tokens, paragraph and occasion."""

    span: Span
    toks: _Tokens
    part: int
    contexts: list[Span]
    speaker: str | None
    context_words: frozenset[str] = frozenset()


def _find_sub(hay: Sequence[str], needle: Sequence[str]) -> int:
    n = len(needle)
    if not n:
        return -1
    first = needle[0]
    for i in range(len(hay) - n + 1):
        if hay[i] == first and list(hay[i : i + n]) == list(needle):
            return i
    return -1


def _occasions(cx: _Context, sentence: Span) -> list[Span]:
    """Phrases saying to whom or where something was said: 'told X', 'in his meeting with Y'."""
    lex = cx.lex
    toks = cx.tokens(sentence)
    n = len(toks)
    found: list[Span] = []
    for i in range(n):
        low = toks.low[i]
        if low in lex.told_verbs:
            j = i + 1
            while j < n and j <= i + 5 and toks.joined(j) and toks.low[j] not in lex.told_stop:
                j += 1
            if j > i + 1:
                found.append(toks.span(i, j))
        elif low in lex.occasion_openers and i + 2 < n and toks.low[i + 1] in lex.determiners:
            m = lex.occasion_index.match(toks, i + 2)
            if m and toks.joined(i + 1) and toks.joined(i + 2):
                j = i + 2 + m[0]
                if j < n and toks.joined(j) and toks.low[j] in ("with", "to", "at", "in"):
                    k = j + 1
                    if k < n and toks.low[k] == "the" and toks.joined(k):
                        k += 1
                    while k < n and k <= j + 4 and toks.joined(k) and toks.raw[k][:1].isupper():
                        k += 1
                    if k > j + 1:
                        j = k
                found.append(toks.span(i, j))
        else:
            m = lex.speaking_index.match(toks, i)
            if m:
                j = i + m[0]
                k = j
                while k < n and k <= j + 4 and toks.joined(k) and toks.low[k] not in lex.told_stop:
                    k += 1
                if k > j:
                    found.append(toks.span(i, k))
    return found


def _quote_runs(cx: _Context) -> list[_QuoteRun]:
    article = cx.article
    sentences = list(article.sentences)
    sent_starts = [s.start for s in sentences]
    story = [(k, span) for k, (label, span, _t) in enumerate(cx.parts) if label in STORY_PARTS]
    part_of = {span: k for k, span in story}
    part_starts = [span.start for _k, span in story]
    runs: list[_QuoteRun] = []
    occasions: dict[Span, list[Span]] = {}
    for region in cx.regions:
        idx = bisect.bisect_right(part_starts, region.start) - 1
        if idx < 0 or not story[idx][1].contains(region):
            continue
        toks = cx.tokens(region)
        if not len(toks):
            continue
        part_span = story[idx][1]
        s = bisect.bisect_right(sent_starts, region.start) - 1
        contexts: list[Span] = []
        if s >= 0 and sentences[s].end >= region.start:
            # The sentence that holds the quote, or for a quote that spans several
            # sentences, the sentence where it ends (where "X said" usually sits).
            e = bisect.bisect_right(sent_starts, max(region.end - 1, region.start)) - 1
            for sent in {sentences[s], sentences[max(e, s)]}:
                if sent not in occasions:
                    occasions[sent] = _occasions(cx, sent)
                contexts.extend(c for c in occasions[sent] if not region.contains(c))
        speaker = cx.voice.speaker(_trim(article.text, region))
        whole_paragraph = region.start <= part_span.start + 1 and region.end >= part_span.end - 2
        if not contexts and whole_paragraph and runs:
            prev = runs[-1]
            # A quote that fills its paragraph carries on the quote before it.
            if prev.part == part_of[part_span] - 1 or prev.part == part_of[part_span]:
                contexts = prev.contexts
                speaker = speaker or prev.speaker
        elif not contexts and runs and runs[-1].part == part_of[part_span] - 1 and (
            whole_paragraph
        ):
            contexts = runs[-1].contexts
        runs.append(_QuoteRun(region, toks, part_of[part_span],
                              contexts, speaker))
    # Quotes that open a paragraph with no attribution inherit from the paragraph before.
    for k in range(1, len(runs)):
        r, prev = runs[k], runs[k - 1]
        if not r.contexts and prev.contexts and r.part == prev.part + 1 and (
            r.span.start <= cx.parts[r.part][1].start + 1
        ):
            r.contexts = prev.contexts
            r.speaker = r.speaker or prev.speaker
    return runs


def _check_headline(cx: _Context, runs: list[_QuoteRun]) -> list[Finding]:
    article = cx.article
    headline = article.headline
    if headline is None:
        return []
    out: list[Finding] = []
    head_regions = [r for r in cx.regions if headline.contains(r)]
    story_toks = [t for label, _s, t in cx.parts if label in STORY_PARTS]
    m = _HEADLINE_SPEAKER.search(article[headline])
    pattern_speaker = m.group(1) if m else None
    for region in head_regions:
        words = cx.tokens(region)
        if not len(words):
            continue
        shown = _trim(article.text, region)
        head_speaker = cx.voice.speaker(shown) or pattern_speaker
        match: tuple[Span, str | None] | None = None
        for run in runs:
            at = _find_sub(run.toks.low, words.low)
            if at >= 0:
                match = (run.toks.span(at, at + len(words)), run.speaker)
                break
        if match is None:
            unquoted = None
            for toks in story_toks:
                at = _find_sub(toks.low, words.low)
                if at >= 0:
                    unquoted = toks.span(at, at + len(words))
                    break
            if unquoted is None:
                message = (
                    f"The headline puts {_w(article[shown])} in quotation marks, but those "
                    "words do not appear in the story, so readers cannot check who said them."
                )
                out.append(_finding("framing.headline-quote-mismatch", message, [shown],
                                    problem="not in story", words=article[shown]))
            else:
                message = (
                    f"The headline puts {_w(article[shown])} in quotation marks, but in the "
                    "story the same words are not quoted, so they are the reporter's words."
                )
                out.append(_finding("framing.headline-quote-mismatch", message,
                                    [shown, unquoted], problem="not quoted in story",
                                    words=article[shown]))
            continue
        body_span, body_speaker = match
        if head_speaker and body_speaker and not _same_person(head_speaker, body_speaker):
            message = (
                f"The headline gives {_w(article[shown])} to {head_speaker}, but the story "
                f"gives these words to {body_speaker}."
            )
            out.append(_finding("framing.headline-quote-mismatch", message, [shown, body_span],
                                problem="different speaker", words=article[shown],
                                headline_speaker=head_speaker, story_speaker=body_speaker))
    return out


def _check_quote_contexts(cx: _Context, runs: list[_QuoteRun]) -> list[Finding]:
    article = cx.article
    sentences = list(article.sentences)
    sent_starts = [s.start for s in sentences]
    by_bigram: dict[tuple[str, str], list[int]] = {}
    for k, run in enumerate(runs):
        low = run.toks.low
        for b in {(low[i], low[i + 1]) for i in range(len(low) - 1)}:
            bucket = by_bigram.setdefault(b, [])
            if len(bucket) < 50:
                bucket.append(k)
    for run in runs:
        run.context_words = frozenset(" ".join(_phrase(article[c])) for c in run.contexts)
    out: list[Finding] = []
    done: set[int] = set()  # each quote takes part in one report at most
    for k, short in enumerate(runs):
        low = short.toks.low
        if len(low) < 2 or not short.contexts or k in done:
            continue
        for other in by_bigram.get((low[0], low[1]), []):
            if other == k or other in done:
                continue
            long_run = runs[other]
            if len(long_run.toks) < len(low) or not long_run.contexts:
                continue
            at = _find_sub(long_run.toks.low, low)
            if at < 0:
                continue
            speakers_differ = bool(short.speaker and long_run.speaker) and not _same_person(
                short.speaker or "", long_run.speaker or ""
            )
            if short.context_words & long_run.context_words and not speakers_differ:
                continue
            done.update((k, other))
            # Show the whole quoted sentence in the longer quote.
            hit = long_run.toks.span(at, at + len(low))
            s = bisect.bisect_right(sent_starts, hit.start) - 1
            sent = sentences[s] if s >= 0 and sentences[s].end >= hit.end else hit
            shown = _trim(article.text, Span(max(sent.start, long_run.span.start),
                                             min(sent.end, long_run.span.end)))
            short_shown = _trim(article.text, short.span)
            ca, cb = short.contexts[0], long_run.contexts[0]
            if speakers_differ:
                message = (
                    f"The same quoted words, {_w(article[short_shown])}, are given to two "
                    f"different people, {short.speaker} and {long_run.speaker}."
                )
            else:
                message = (
                    f"The same quoted words, {_w(article[short_shown])}, are placed in two "
                    f"different settings, {_w(article[ca])} and {_w(article[cb])}, so readers "
                    "cannot tell when or to whom they were said."
                )
            out.append(
                _finding("framing.quote-context-conflict", message,
                         [short_shown, ca, shown, cb], words=article[short_shown],
                         contexts=[article[ca], article[cb]],
                         speakers=[short.speaker, long_run.speaker])
            )
            break
    return out


def _check_repeats(cx: _Context, shingle: int = 5, min_words: int = 12,
                   threshold: float = 0.8) -> list[Finding]:
    article = cx.article
    units: list[tuple[Span, set[tuple[str, ...]]]] = []
    index: dict[tuple[str, ...], list[int]] = {}
    out: list[Finding] = []
    for label, span, toks in cx.parts:
        if label not in ("highlights", "paragraph", "caption", "subheading"):
            continue
        low = toks.low
        if len(low) < min_words:
            continue
        shingles = {tuple(low[i : i + shingle]) for i in range(len(low) - shingle + 1)}
        me = len(units)
        counts: dict[int, int] = {}
        for s in shingles:
            for other in index.get(s, ()):
                counts[other] = counts.get(other, 0) + 1
        units.append((span, shingles))
        for s in shingles:
            bucket = index.setdefault(s, [])
            if len(bucket) < 8:
                bucket.append(me)
        if not counts:
            continue
        best = max(counts, key=lambda o: (counts[o], -o))
        other_span, other_shingles = units[best]
        similarity = counts[best] / min(len(shingles), len(other_shingles))
        if similarity < threshold:
            continue
        opening = " ".join(article[other_span].split()[:8])
        message = (
            f"The passage that begins {_w(opening + ' …')} appears twice, almost word for word, "
            "which gives it extra weight or shows a copy-editing slip."
        )
        out.append(_finding("framing.repeated-passage", message, [other_span, span],
                            similarity=round(similarity, 3)))
    return out


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def _default_quotes(article: Article) -> list[Quote]:
    try:
        from . import attribution  # type: ignore[attr-defined]
    except ImportError:
        return []
    find_quotes = getattr(attribution, "find_quotes", None)
    return list(find_quotes(article)) if find_quotes else []


def check(article: Article, quotes: Sequence[Quote] | None = None) -> list[Finding]:
    """Run every framing rule on ``article`` and return the findings in text order.

    ``quotes`` tells speakers' words from the reporter's; when it is ``None``,
    :func:`medialit.attribution.find_quotes` is used if that module exists. Quotation
    marks in the text count as quotes in any case.
    """
    lex = _lexicon()
    text = article.text
    quotes = list(_default_quotes(article) if quotes is None else quotes)
    parts = [
        (p.label, p.span, _Tokens(text, p.span)) for p in article.parts if p.label in SCANNED_PARTS
    ]
    regions = quoted_regions(article)
    scopes = frozenset(name for name, rx in lex.scope_re.items() if rx.search(text))
    cx = _Context(article, lex, parts, _Voice(regions, quotes), quotes, regions, scopes,
                  [p[1].start for p in parts])

    verbs = _check_loaded_verbs(cx)
    hedges = _check_hedges(cx, {(f.spans[0].start, f.spans[0].end) for f in verbs})
    # A participle inside a hedge ("is said to") is reported as a hedge only.
    hedged_tokens = _tokens_in(parts, [s for f in hedges for s in f.spans])
    runs = _quote_runs(cx)
    findings = [
        *verbs,
        *_check_contested_terms(cx),
        *_check_comparable_groups(cx),
        *_check_passives(cx, hedged_tokens),
        *_check_quantities(cx),
        *_check_emotive(cx),
        *hedges,
        *_check_headline(cx, runs),
        *_check_quote_contexts(cx, runs),
        *_check_repeats(cx),
    ]
    findings.sort(key=lambda f: (f.spans[0].start, f.rule, f.spans))
    return findings


def _tokens_in(parts: list[tuple[str, Span, _Tokens]], spans: list[Span]) -> set[tuple[int, int]]:
    """(start, end) of every token that lies inside one of ``spans``."""
    if not spans:
        return set()
    out: set[tuple[int, int]] = set()
    ordered = sorted(spans)
    starts = [s.start for s in ordered]
    for _l, _s, toks in parts:
        for i in range(len(toks)):
            k = bisect.bisect_right(starts, toks.start[i]) - 1
            if k >= 0 and ordered[k].end >= toks.end[i]:
                out.add((toks.start[i], toks.end[i]))
    return out


# --------------------------------------------------------------------------------------
# The readable page: docs/contested-terms.md
# --------------------------------------------------------------------------------------


def _source_links(sources: list[dict[str, str]]) -> str:
    """' (sources: name <url>, what it supports; …)' or ''."""
    if not sources:
        return ""
    return " (source" + ("s" if len(sources) > 1 else "") + ": " + "; ".join(
        f"{s['name']} <{s['url']}>: {s['note'].rstrip('.')}" for s in sources) + ")"


def _perspective_lines(views: list[dict[str, Any]]) -> list[str]:
    return [f"- {v['text']}{_source_links(v['sources'])}" for v in views]


def contested_terms_markdown() -> str:
    """The contested-terms lexicon as a Markdown page (``docs/contested-terms.md``)."""
    data = _terms_data()
    lines = [
        "# Contested terms",
        "",
        "<!-- Generated from medialit/data/framing_contested_terms.json by "
        "medialit.framing.contested_terms_markdown(); edit the JSON, not this page. -->",
        "",
        "Words that people on different sides of a conflict use differently. medialit points "
        "them out (rule `framing.contested-term`) so that students can ask why a report chose "
        "one word over another. It never says which word is right: each entry gives the "
        "meaning, who uses the word and why others reject it, and what style guides say "
        "where a note could be checked.",
        "",
        "Every perspective says whose view it is. A perspective that states a number, a date "
        "or a specific statement names its sources in brackets, with what each source "
        "supports; one without sources describes a usage in general terms.",
        "",
        "Terms marked *israel-palestine* are checked only in articles that mention Israel, "
        "Gaza, the West Bank, Hamas or Palestinians; *general* terms are checked in every "
        "article. Words inside quotation marks are reported as the speaker's, not the "
        "reporter's.",
        "",
    ]
    groups: dict[str, list[dict[str, Any]]] = {}
    for t in data["terms"]:
        groups.setdefault(t["group"], []).append(t)
    for group, terms in groups.items():
        lines += [f"## {group[0].upper()}{group[1:]}", ""]
        for t in terms:
            lines += [f"### {t['label']}", ""]
            lines.append(f"*Scope: {t['scope']}.* {t['meaning']}"
                         f"{_source_links(t['meaning_sources'])}")
            lines.append("")
            lines.append("Forms matched: " + ", ".join(f"“{f}”" for f in t["forms"]) + ".")
            lines.append("")
            lines.append("Other words for it: " + ", ".join(f"“{a}”" for a in t["alternatives"]))
            lines.append("")
            lines.append("Perspectives:")
            lines.append("")
            lines += _perspective_lines(t["perspectives"])
            lines.append("")
            if t["style_guides"]:
                lines.append("Style guides:")
                lines.append("")
                for g in t["style_guides"]:
                    lines.append(f"- *{g['guide']}*, entry “{g['entry']}”: {g['note']} "
                                 f"<{g['url']}>")
            else:
                lines.append(f"Style guides: {NO_STYLE_GUIDE}.")
            lines.append("")
    lines += ["## Different words for two groups", "",
              "Rule `framing.comparable-groups` reports an article that uses one word for one "
              "group of people and a different word for a group on the other side, and gives "
              "the reasons each word is used.", ""]
    for pair in data["comparable_groups"]:
        lines += [f"### {pair['label']}", ""]
        lines.append(f"“{pair['a']['side']}”: " + ", ".join(f"“{f}”" for f in pair["a"]["forms"])
                     + f"; “{pair['b']['side']}”: "
                     + ", ".join(f"“{f}”" for f in pair["b"]["forms"]) + ".")
        lines.append("")
        lines += _perspective_lines(pair["perspectives"])
        lines.append("")
    lines += ["## Sources of the style-guide notes", ""]
    seen: dict[str, str] = {}
    for t in data["terms"]:
        for g in t["style_guides"]:
            seen.setdefault(g["guide"], g["url"])
    for guide, url in seen.items():
        lines.append(f"- {guide}: <{url}>")
    lines.append("")
    lines.append(
        "The notes paraphrase each guide in our own words; where a guide could be read only "
        "as quoted by another publication, the note says so. Guides change: check the "
        "current edition before relying on a note."
    )
    lines.append("")
    lines += ["## Other sources", "",
              "Sources named in the meanings and perspectives above:", ""]
    named: dict[str, str] = {}
    for entry in [*data["terms"], *data["comparable_groups"]]:
        for source in _all_sources(entry):
            named.setdefault(source["url"], source["name"])
    for url, name in sorted(named.items(), key=lambda item: item[1].lower()):
        lines.append(f"- {name}: <{url}>")
    lines.append("")
    return "\n".join(lines)
