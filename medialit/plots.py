"""Charts for the student notebooks: who is heard, how much, what a student found, framing.

Each chart comes in two halves: a pure function that counts (easy to test, exact values)
and a function that draws those counts as a matplotlib :class:`~matplotlib.figure.Figure`.
The functions only read results, keys and saved work; they never change them.

Figures are built without ``pyplot`` so that nothing piles up in global state; show one in
a notebook with ``display(fig)`` (PNG with ``%config InlineBackend.figure_formats = ['png']``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from matplotlib.figure import Figure

from .article import Article, Span

__all__ = [
    "HEARD_USES",
    "NOT_STATED",
    "Voices",
    "Tally",
    "feedback_tallies",
    "voices_by_affiliation",
    "voices_chart",
    "quoted_words_by_speaker",
    "quoted_words_chart",
    "tally_chart",
    "findings_per_rule",
    "findings_chart",
    "word_count",
]

#: Source uses that count as the source's own voice being heard in the story.
HEARD_USES = ("quoted", "paraphrased")
#: The label for sources whose affiliation the article (or key) does not state.
NOT_STATED = "affiliation not stated"

# Colour-blind-safe colours (Okabe–Ito); bars also differ in hatching so print works too.
_BLUE = "#0072B2"
_ORANGE = "#E69F00"
_GREEN = "#009E73"
_VERMILION = "#D55E00"
_GREY = "#999999"

_WORD = re.compile(r"[\w’']+")


class SourceLike(Protocol):
    """A source as :class:`medialit.results.Source` and :class:`medialit.keys.KeySource` hold it."""

    name: str
    use: str
    affiliation: str | None


class QuoteLike(Protocol):
    """A quote as :class:`medialit.results.Quote` and :class:`medialit.keys.KeyQuote` hold it."""

    span: Span
    kind: str
    speaker: str | None


class FindingLike(Protocol):
    """A finding as :class:`~medialit.results.Finding` and :class:`~medialit.keys.KeyFinding`
    hold it."""

    rule: str


def word_count(text: str) -> int:
    """How many words ``text`` has (runs of letters and digits; "It's" is one word)."""
    return len(_WORD.findall(text))


# --------------------------------------------------------------------------------------
# Voices heard against voices only mentioned
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Voices:
    """For one affiliation: the sources heard (quoted or paraphrased) and those only mentioned."""

    affiliation: str
    heard: tuple[str, ...]
    mentioned: tuple[str, ...]


def voices_by_affiliation(sources: Iterable[SourceLike]) -> list[Voices]:
    """Group sources by affiliation, splitting those heard from those only mentioned.

    Affiliations appear in the order the sources first name them; a source with no
    affiliation goes under :data:`NOT_STATED`. A name listed twice counts once.
    """
    heard: dict[str, list[str]] = {}
    mentioned: dict[str, list[str]] = {}
    for s in sources:
        aff = (s.affiliation or "").strip() or NOT_STATED
        heard.setdefault(aff, [])
        mentioned.setdefault(aff, [])
        group = heard if s.use in HEARD_USES else mentioned
        if s.name not in group[aff]:
            group[aff].append(s.name)
    for aff in heard:  # a source both heard and mentioned elsewhere counts as heard
        mentioned[aff] = [n for n in mentioned[aff] if n not in heard[aff]]
    return [Voices(aff, tuple(heard[aff]), tuple(mentioned[aff])) for aff in heard]


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=11)
    return fig


def _new_figure(rows: int, width: float = 7.5) -> Figure:
    return Figure(figsize=(width, 1.4 + 0.45 * max(rows, 1)), layout="constrained", dpi=80)


def voices_chart(sources: Iterable[SourceLike], title: str | None = None) -> Figure:
    """Bars per affiliation: how many sources are heard and how many are only mentioned."""
    groups = voices_by_affiliation(sources)
    fig = _new_figure(len(groups) * 1.6)
    if not groups:
        return _empty(fig, "No sources to show yet.")
    ax = fig.add_subplot()
    labels = [g.affiliation for g in groups]
    y = range(len(groups))
    h = 0.38
    heard = [len(g.heard) for g in groups]
    mentioned = [len(g.mentioned) for g in groups]
    ax.barh([i - h / 2 for i in y], heard, height=h, color=_BLUE, label="heard (quoted or "
            "paraphrased)")
    ax.barh([i + h / 2 for i in y], mentioned, height=h, color=_ORANGE, hatch="//",
            label="only mentioned")
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlabel("number of sources")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(heard + mentioned) + 1)
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(title or "Who is heard, and who is only mentioned?")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return fig


# --------------------------------------------------------------------------------------
# Quoted words per source
# --------------------------------------------------------------------------------------


def _merge(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def quoted_words_by_speaker(
    quotes: Iterable[QuoteLike],
    article: Article,
    kinds: Sequence[str] = ("direct", "partial"),
) -> dict[str, int]:
    """How many of each speaker's own words the article quotes, most first.

    Only quotes of the given ``kinds`` count (by default the speaker's exact words, not
    paraphrases or scare quotes); quotes with no speaker are left out. Overlapping quotes
    of one speaker are counted once.
    """
    spans: dict[str, list[Span]] = {}
    for q in quotes:
        if q.speaker and q.kind in kinds:
            spans.setdefault(q.speaker, []).append(q.span)
    counts = {
        speaker: sum(word_count(article[s]) for s in _merge(ss)) for speaker, ss in spans.items()
    }
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def quoted_words_chart(
    quotes: Iterable[QuoteLike], article: Article, title: str | None = None
) -> Figure:
    """Bars per speaker: how many of their own words the article quotes."""
    counts = quoted_words_by_speaker(quotes, article)
    fig = _new_figure(len(counts))
    if not counts:
        return _empty(fig, "Nobody's own words are quoted.")
    ax = fig.add_subplot()
    names = list(counts)
    values = list(counts.values())
    bars = ax.barh(names, values, color=_BLUE)
    ax.bar_label(bars, padding=3)
    ax.invert_yaxis()
    ax.set_xlabel("words quoted (inside quotation marks)")
    ax.set_xlim(0, max(values) * 1.15 + 1)
    ax.set_title(title or "Whose own words does the reader get?")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return fig


# --------------------------------------------------------------------------------------
# A student's found / missed / extra
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How a student's tags of one kind compare with the key.

    ``found``: right answers tagged well; ``partial``: tagged, but the edges or the label
    need fixing; ``missed``: not tagged at all; ``extra``: tags the key does not have.
    """

    found: int
    missed: int
    extra: int
    partial: int = 0


class _ResultLike(Protocol):
    gold: Any
    tag: Any
    found: bool


class FeedbackLike(Protocol):
    """What :class:`medialit.exercises.Feedback` holds about one check."""

    results: Sequence[_ResultLike]
    extra: Sequence[Any]


def feedback_tallies(feedback: FeedbackLike, names: Mapping[str, str] | None = None
                     ) -> dict[str, Tally]:
    """Count found, partial, missed and extra tags per label, in the order labels appear.

    ``names`` turns label ids (``"direct"``) into the words shown (``"direct quote"``).
    """
    rows: dict[str, list[int]] = {}
    for r in feedback.results:
        row = rows.setdefault(r.gold.label, [0, 0, 0, 0])
        if r.found:
            row[0] += 1
        elif r.tag is None:
            row[1] += 1
        else:
            row[3] += 1
    for t in feedback.extra:
        rows.setdefault(t.label, [0, 0, 0, 0])[2] += 1
    names = names or {}
    return {names.get(label, label): Tally(*row) for label, row in rows.items()}


def tally_chart(tallies: Mapping[str, Tally], title: str | None = None) -> Figure:
    """Stacked bars per kind of tag: found, almost, missed (out of the key), then extra tags."""
    fig = _new_figure(len(tallies) + 1.5)
    if not tallies:
        return _empty(fig, "Nothing to compare: this exercise has no answers in the key.")
    ax = fig.add_subplot()
    names = list(tallies)
    rows = list(tallies.values())
    segments = [
        ("found", _GREEN, "", [t.found for t in rows]),
        ("almost (fix the edges or the label)", _ORANGE, "\\\\", [t.partial for t in rows]),
        ("missed", _GREY, "..", [t.missed for t in rows]),
        ("extra (not in the key)", _VERMILION, "//", [t.extra for t in rows]),
    ]
    left = [0] * len(names)
    for label, colour, hatch, values in segments:
        ax.barh(names, values, left=left, color=colour, hatch=hatch, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("number of tags")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(left) + 1)
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    ax.set_title(title or "Your tags compared with the answer key")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return fig


# --------------------------------------------------------------------------------------
# Framing findings per rule
# --------------------------------------------------------------------------------------


def findings_per_rule(findings: Iterable[FindingLike]) -> dict[str, int]:
    """How many findings each rule produced, most first (ties by rule id)."""
    counts = Counter(f.rule for f in findings)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def findings_chart(
    findings: Iterable[FindingLike],
    rule_names: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Figure:
    """Bars per framing rule: how many times it fired. ``rule_names`` gives readable labels."""
    counts = findings_per_rule(findings)
    fig = _new_figure(len(counts))
    if not counts:
        return _empty(fig, "No framing findings.")
    ax = fig.add_subplot()
    names = [(rule_names or {}).get(rule, rule) for rule in counts]
    values = list(counts.values())
    bars = ax.barh(names, values, color=_BLUE)
    ax.bar_label(bars, padding=3)
    ax.invert_yaxis()
    ax.set_xlabel("number of findings")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(values) + 1)
    ax.set_title(title or "Framing findings, by rule")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return fig
