"""Exercises: label sets, the right answers, and feedback on a student's tags.

Everything here is a pure function of (article, answer key, student tags), so the widget,
the notebooks and the instructor's grader give the same verdicts. Spans are compared after
trimming white space and punctuation at both ends (a quote tagged with or without its
quotation marks is the same quote), and partly overlapping spans earn partial credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .article import PART_LABELS, Article, Span
from .keys import AnswerKey
from .work import Tag

__all__ = [
    "OKABE_ITO",
    "Label",
    "LabelSet",
    "LABEL_SETS",
    "FRAMING_RULE_LABELS",
    "label_set",
    "GoldItem",
    "gold_items",
    "trim_span",
    "overlap",
    "SpanMatch",
    "match_spans",
    "ItemResult",
    "Feedback",
    "check",
    "REVEAL_AFTER",
    "FOUND_AT",
]

#: The Okabe–Ito palette: colours that stay distinct for colour-blind readers.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#999999",  # grey
)

#: A tag that overlaps the right span at least this much (intersection over union) counts
#: as found; less earns partial credit.
FOUND_AT = 0.8
#: The "Reveal" button appears after this many checks.
REVEAL_AFTER = 3


@dataclass(frozen=True)
class Label:
    """One label a student can put on a span."""

    name: str
    text: str
    description: str
    colour: str
    links_to: str | None = None
    attrs: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def to_json(self, number: int) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "description": self.description,
            "colour": self.colour,
            "key": str(number) if number <= 9 else "",
            "links_to": self.links_to,
            "attrs": [{"name": n, "choices": list(c)} for n, c in self.attrs],
        }


@dataclass(frozen=True)
class LabelSet:
    """The labels of one exercise, and what one item of it is called in feedback."""

    name: str
    title: str
    labels: tuple[Label, ...]
    item_word: str = "item"

    def get(self, name: str) -> Label | None:
        return next((lb for lb in self.labels if lb.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(lb.name for lb in self.labels)


def _labels(specs: Sequence[tuple[str, str, str]], **extra: Any) -> tuple[Label, ...]:
    out = []
    for i, (name, text, description) in enumerate(specs):
        kw = {k: v[name] for k, v in extra.items() if name in v}
        out.append(Label(name, text, description, OKABE_ITO[i % len(OKABE_ITO)], **kw))
    return tuple(out)


_USE = (("use", ("quoted", "paraphrased", "mentioned")),)

LABEL_SETS: dict[str, LabelSet] = {
    "anatomy": LabelSet(
        "anatomy",
        "The parts of a news page",
        _labels([(k, k.replace("_", " "), v) for k, v in PART_LABELS.items()]),
        item_word="block",
    ),
    "sources": LabelSet(
        "sources",
        "Who are the sources?",
        _labels(
            [
                ("person", "person", "A named person the story relies on"),
                ("organisation", "organisation", "A government, group, company or agency"),
                ("anonymous", "anonymous", "A source the story does not name"),
                ("document", "document", "A statement, report or other document"),
                ("media", "media credit", "A news agency or outlet credited for material"),
            ],
            attrs={n: _USE for n in ("person", "organisation", "anonymous", "document", "media")},
        ),
        item_word="source mention",
    ),
    "quotes": LabelSet(
        "quotes",
        "Quotes and who said them",
        _labels(
            [
                ("direct", "direct quote", "Someone's exact words, in quotation marks"),
                ("partial", "partial quote", "A few exact words inside the writer's sentence"),
                ("scare", "scare quote", "Quotation marks that distance the writer from a word"),
                ("speaker", "speaker", "The name of the person the words are credited to"),
                ("cue", "cue", "The verb that introduces the words, such as 'said'"),
            ],
            links_to={"direct": "speaker", "partial": "speaker"},
        ),
        item_word="quote",
    ),
    "framing": LabelSet(
        "framing",
        "Framing: how words shape the story",
        _labels(
            [
                ("contested_term", "contested term", "A word people on different sides use "
                 "differently"),
                ("loaded_verb", "loaded verb", "A verb that hints at how to judge what was said"),
                ("agentless_passive", "agentless passive", "A sentence that hides who did it"),
                ("vague_number", "vague number", "An amount that is not given exactly"),
                ("emotive_word", "emotive word", "A word chosen to stir feelings"),
            ]
        ),
        item_word="framing item",
    ),
}


#: Which framing label a key finding's rule id stands for. Rules not listed here (such as
#: ``framing.repeated-passage``) are not part of the tagging exercise.
FRAMING_RULE_LABELS: dict[str, str] = {
    "framing.contested-term": "contested_term",
    "framing.loaded-verb": "loaded_verb",
    "framing.agentless-passive": "agentless_passive",
    "framing.vague-quantity": "vague_number",
    "framing.emotive": "emotive_word",
}


def label_set(name: str) -> LabelSet:
    """The label set of an exercise (``anatomy``, ``sources``, ``quotes``, ``framing``)."""
    try:
        return LABEL_SETS[name]
    except KeyError:
        raise ValueError(
            f"unknown exercise {name!r}; choose one of {', '.join(LABEL_SETS)}"
        ) from None


# --------------------------------------------------------------------------------------
# The right answers
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    """One right answer: a span and its label, plus the speaker mentions for a quote."""

    span: Span
    label: str
    speaker: str | None = None
    speaker_spans: tuple[Span, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()


def gold_items(exercise: str, article: Article, key: AnswerKey | None = None) -> list[GoldItem]:
    """The right answers of ``exercise`` on ``article``, in text order.

    ``anatomy`` comes from ``article.parts``; the others need the article's answer key.
    """
    items: list[GoldItem] = []
    if exercise == "anatomy":
        items = [GoldItem(p.span, p.label) for p in article.parts]
    elif key is None:
        raise ValueError(f"the {exercise!r} exercise needs an answer key")
    elif exercise == "quotes":
        for q in key.quotes:
            if q.kind in ("direct", "partial", "scare"):
                items.append(GoldItem(q.span, q.kind, q.speaker, q.speaker_spans))
        seen: set[tuple[Span, str]] = set()
        for q in key.quotes:
            extra = [(s, "speaker") for s in q.speaker_spans]
            if q.cue_span:
                extra.append((q.cue_span, "cue"))
            for span, label in extra:
                if (span, label) not in seen:
                    seen.add((span, label))
                    items.append(GoldItem(span, label))
    elif exercise == "sources":
        for s in key.sources:
            for m in s.mentions:
                items.append(GoldItem(m, s.type, s.name, attrs=(("use", s.use),)))
    elif exercise == "framing":
        for f in key.findings:
            label = FRAMING_RULE_LABELS.get(f.rule)
            if label is not None:
                items.extend(GoldItem(s, label) for s in f.spans)
    else:
        label_set(exercise)
    return sorted(items, key=lambda g: (g.span.start, g.span.end, g.label))


# --------------------------------------------------------------------------------------
# Matching spans
# --------------------------------------------------------------------------------------

_EDGE = "\"'“”‘’«»()[]{}.,;:!?…-–— \t\r\n\u00a0"


def trim_span(text: str, span: Span) -> Span:
    """``span`` without white space and punctuation at either end (unchanged if all of it is)."""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return Span(start, end) if end > start else span


def overlap(a: Span, b: Span) -> float:
    """How much two spans overlap: shared characters over all characters they cover (0 to 1)."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return 0.0
    return shared / (max(a.end, b.end) - min(a.start, b.start))


@dataclass(frozen=True)
class SpanMatch:
    """A right-answer span paired with a student's span, and how much they overlap."""

    gold: int
    predicted: int
    overlap: float


def match_spans(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    text: str | None = None,
    allowed: Sequence[tuple[int, int]] | None = None,
) -> list[SpanMatch]:
    """Pair right-answer spans with predicted spans, one to one, best overlaps first.

    Spans are trimmed of edge punctuation first when ``text`` is given. Only pairs that
    share at least one character are matched; ``allowed`` restricts the pairs that may be
    matched (for example, only pairs with the same label). Returns matches sorted by the
    gold index.
    """
    if text is not None:
        gold = [trim_span(text, s) for s in gold]
        predicted = [trim_span(text, s) for s in predicted]
    ok = set(allowed) if allowed is not None else None
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if ok is not None and (gi, pi) not in ok:
                continue
            ov = overlap(g, p)
            if ov > 0:
                candidates.append((-ov, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append(SpanMatch(gi, pi, round(-neg, 4)))
    return sorted(out, key=lambda m: m.gold)


# --------------------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    """How a student did on one right answer."""

    gold: GoldItem
    tag: Tag | None
    overlap: float
    label_ok: bool
    speaker_ok: bool | None = None
    attrs_ok: bool | None = None

    @property
    def found(self) -> bool:
        return self.tag is not None and self.label_ok and self.overlap >= FOUND_AT

    @property
    def credit(self) -> float:
        """Points for this item: the overlap, halved when the label is wrong."""
        if self.tag is None:
            return 0.0
        return self.overlap if self.label_ok else self.overlap / 2


@dataclass
class Feedback:
    """The verdict on one check: what was found, missed and extra, hints and a score."""

    exercise: str
    results: list[ItemResult]
    extra: list[Tag]
    attempts: int
    score: float
    points: float
    max_points: float
    lines: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    can_reveal: bool = False
    answers: list[str] = field(default_factory=list)
    #: ``(start, end, label)`` of each revealed answer, to mark in the article itself.
    answer_spans: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def found(self) -> list[ItemResult]:
        return [r for r in self.results if r.found]

    @property
    def partial(self) -> list[ItemResult]:
        return [r for r in self.results if r.tag is not None and not r.found]

    @property
    def missed(self) -> list[GoldItem]:
        return [r.gold for r in self.results if r.tag is None]

    @property
    def speaker_right(self) -> list[ItemResult]:
        return [r for r in self.results if r.speaker_ok]

    @property
    def speaker_wrong(self) -> list[ItemResult]:
        return [r for r in self.results if r.speaker_ok is False]

    def to_json(self) -> dict[str, Any]:
        """What the widget shows (all plain text; the widget escapes it)."""
        return {
            "exercise": self.exercise,
            "score": self.score,
            "found": len(self.found),
            "total": len(self.results),
            "attempts": self.attempts,
            "lines": list(self.lines),
            "hints": list(self.hints),
            "can_reveal": self.can_reveal,
            "answers": list(self.answers),
            "answer_spans": [list(a) for a in self.answer_spans],
        }

    def __str__(self) -> str:
        parts = list(self.lines)
        parts += [f"Hint: {h}" for h in self.hints]
        if self.answers:
            parts.append("Answers:")
            parts += [f"  {a}" for a in self.answers]
        return "\n".join(parts)


def _words(text: str, n: int) -> str:
    words = text.split()
    head = " ".join(words[:n])
    return head + ("…" if len(words) > n else "")


def _kind(ls: LabelSet, label: str) -> str:
    """What an item is called in the summary: speakers and cues apart from quotes."""
    return label if label in ("speaker", "cue") else ls.item_word


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _where(article: Article, span: Span) -> str:
    """Coarse: the part of the page the span is in, named by its first words."""
    part = article.part_at(span.start)
    if part is None:
        return "in the article"
    if part.label == "paragraph":
        return f"in the paragraph that begins '{_words(article[part.span], 4)}'"
    if part.label in ("headline", "caption", "highlights", "subheading"):
        name = PART_LABELS[part.label].split(":")[0].lower()
        return f"in the {name} ('{_words(article[part.span], 4)}')"
    return f"in the line that begins '{_words(article[part.span], 3)}'"


def _region(article: Article, span: Span) -> str:
    third = 3 * span.start // max(1, len(article.text))
    return ("near the top of the page", "in the middle of the page", "near the end of the page")[
        min(third, 2)
    ]


def _sentence_start(article: Article, span: Span) -> str | None:
    for s in article.sentences:
        if s.start <= span.start < s.end:
            return _words(article[s], 5)
    return None


def _hint(article: Article, ls: LabelSet, g: GoldItem, level: int) -> str:
    """A hint about a missed item that gets more precise at each level (1, 2, 3)."""
    label = ls.get(g.label)
    label_text = label.text if label else g.label
    if ls.name == "anatomy":
        if level == 1:
            return f"One {ls.item_word} {_region(article, g.span)} is still not labelled."
        if level == 2:
            return f"Look at the {ls.item_word} that begins '{_words(article[g.span], 3)}'."
        return f"The {ls.item_word} that begins '{_words(article[g.span], 3)}' is the {label_text}."
    word = label_text if g.label in ("speaker", "cue") else ls.item_word
    if level == 1:
        return f"One {word} is still missing {_where(article, g.span)}."
    sentence = _sentence_start(article, g.span)
    if level == 2 and sentence:
        return f"Look again at the sentence that begins '{sentence}'."
    first = article[trim_span(article.text, g.span)].split()[0]
    return f"The missing {word} starts with the word '{first.strip(_EDGE) or first}'."


def _links_to_speaker(ls: LabelSet, label: str) -> bool:
    """Whether tags of ``label`` link to a speaker (direct and partial quotes do)."""
    lb = ls.get(label)
    return lb is not None and lb.links_to == "speaker"


def _speaker_ok(article: Article, g: GoldItem, tag: Tag, by_id: dict[str, Tag]) -> bool | None:
    """Whether a quote's tag links to its speaker; None when there is no speaker to judge."""
    if not g.speaker_spans and not g.speaker:
        return None
    linked = by_id.get(tag.link or "")
    if linked is None:
        return False
    lspan = trim_span(article.text, Span(linked.start, linked.end))
    if any(overlap(lspan, trim_span(article.text, s)) > 0 for s in g.speaker_spans):
        return True
    # Another mention of the same person ("Blinken" for "Antony Blinken") is right too.
    name_words = {w.lower() for w in re.findall(r"\w+", g.speaker or "") if len(w) > 2}
    linked_words = {w.lower() for w in re.findall(r"\w+", article[lspan]) if len(w) > 2}
    return bool(name_words & linked_words)


def check(
    exercise: str,
    article: Article,
    gold: Sequence[GoldItem],
    tags: Sequence[Tag],
    attempts: int = 1,
    reveal: bool = False,
) -> Feedback:
    """Compare a student's ``tags`` with the right answers and say what to do next.

    ``attempts`` is the number of checks so far, including this one: hints get more
    precise with each check, and after :data:`REVEAL_AFTER` checks the answers may be
    revealed. With ``reveal`` the answers for everything not yet found are listed.
    """
    ls = label_set(exercise)
    text = article.text
    by_id = {t.id: t for t in tags}
    relevant = [t for t in tags if t.label in ls.names]
    extra_labels = [t for t in tags if t.label not in ls.names]
    gspans = [g.span for g in gold]
    tspans = [Span(t.start, t.end) for t in relevant]
    same = [
        (gi, ti)
        for gi, g in enumerate(gold)
        for ti, t in enumerate(relevant)
        if g.label == t.label
    ]
    matches = match_spans(gspans, tspans, text, allowed=same)
    taken_g = {m.gold for m in matches}
    taken_t = {m.predicted for m in matches}
    rest = [
        (gi, ti)
        for gi in range(len(gold))
        for ti in range(len(relevant))
        if gi not in taken_g and ti not in taken_t
    ]
    matches += match_spans(gspans, tspans, text, allowed=rest)
    by_gold = {m.gold: m for m in matches}

    results: list[ItemResult] = []
    for gi, g in enumerate(gold):
        m = by_gold.get(gi)
        if m is None:
            results.append(ItemResult(g, None, 0.0, False))
            continue
        t = relevant[m.predicted]
        label_ok = t.label == g.label
        # Only quotes link to a speaker: a source mention's name is not a link to judge.
        speaker_ok = (_speaker_ok(article, g, t, by_id)
                      if label_ok and _links_to_speaker(ls, g.label) else None)
        attrs_ok = None
        if g.attrs and label_ok:
            attrs_ok = all(t.attrs.get(k) == v for k, v in g.attrs)
        results.append(ItemResult(g, t, m.overlap, label_ok, speaker_ok, attrs_ok))
    used = {id(r.tag) for r in results if r.tag is not None}
    extra = [t for t in relevant if id(t) not in used] + extra_labels

    points = sum(r.credit for r in results)
    points += sum(1 for r in results if r.speaker_ok) + sum(0.5 for r in results if r.attrs_ok)
    max_points = float(len(gold))
    max_points += sum(1 for g in gold
                      if (g.speaker_spans or g.speaker) and _links_to_speaker(ls, g.label))
    max_points += sum(0.5 for g in gold if g.attrs)
    denominator = max_points + 0.5 * len(extra)
    score = round(100 * points / denominator) if denominator else 0

    fb = Feedback(exercise, results, extra, attempts, score, round(points, 2), max_points)
    word = ls.item_word
    n = len(gold)
    found = fb.found
    groups: dict[str, list[int]] = {}
    for r in results:
        g = groups.setdefault(_kind(ls, r.gold.label), [0, 0])
        g[0] += r.found
        g[1] += 1
    order = [word, "speaker", "cue"]
    groups = dict(sorted(groups.items(), key=lambda kv: order.index(kv[0])))
    if not gold:
        fb.lines.append(f"There are no {ls.item_word}s to find here, so there is nothing to tag.")
    elif not tags:
        if len(groups) > 1:
            what = ", ".join(_count(t, k) for k, (_, t) in groups.items())
            fb.lines.append(f"You have not tagged anything yet. There are {n} to find: {what}.")
        else:
            fb.lines.append(f"You have not tagged anything yet. There are {_count(n, word)} "
                            "to find.")
    elif len(groups) > 1:
        detail = ", ".join(f"{f} of {_count(t, k)}" for k, (f, t) in groups.items())
        fb.lines.append(f"You found {len(found)} of {n}: {detail}. Score: {score} out of 100.")
    else:
        fb.lines.append(f"You found {len(found)} of {_count(n, word)}. Score: {score} out of 100.")
    for r in fb.partial:
        assert r.tag is not None
        shown = _words(r.tag.text, 6)
        if not r.label_ok:
            given = ls.get(r.tag.label)
            fb.lines.append(
                f"You labelled '{shown}' as {given.text if given else r.tag.label}: "
                "look again at which label fits."
            )
        else:
            t_span = trim_span(text, Span(r.tag.start, r.tag.end))
            g_span = trim_span(text, r.gold.span)
            if t_span.contains(g_span):
                how = "covers more than it should: make it shorter"
            elif g_span.contains(t_span):
                how = "covers only part of it: make it longer"
            else:
                how = "is in the right place but starts or ends in the wrong spot"
            fb.lines.append(f"Your tag on '{shown}' {how}.")
    for r in results:
        if r.tag is None or not r.label_ok:
            continue
        shown = _words(r.tag.text, 6)
        if r.speaker_ok is False:
            if by_id.get(r.tag.link or "") is None:
                fb.lines.append(f"The quote '{shown}' is not linked to a speaker yet.")
            else:
                fb.lines.append(f"The quote '{shown}' is linked to the wrong person: "
                                "check who said it.")
        if r.attrs_ok is False:
            fb.lines.append(f"Check how the story uses '{shown}': quoted, paraphrased or "
                            "only mentioned?")
    for t in extra:
        lb = ls.get(t.label)
        what = lb.text if lb else t.label
        fb.lines.append(f"'{_words(t.text, 6)}' is not a {what} in the answer key.")

    missed = fb.missed
    if missed:
        level = min(max(attempts, 1), 3)
        fb.hints.append(_hint(article, ls, missed[0], level))
    fb.can_reveal = attempts >= REVEAL_AFTER and bool(missed or fb.partial or extra)
    if reveal:
        for r in results:
            if r.found and r.speaker_ok is not False:
                continue
            lb = ls.get(r.gold.label)
            line = f"{lb.text if lb else r.gold.label}: '{article[r.gold.span]}'"
            if r.gold.speaker and exercise == "quotes":
                line += f" (said by {r.gold.speaker})"
            fb.answers.append(line)
            fb.answer_spans.append((r.gold.span.start, r.gold.span.end, r.gold.label))
    return fb
