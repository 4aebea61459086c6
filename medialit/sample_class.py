"""Made-up classes of students, for demonstrations, tests and benchmarks.

:func:`simulate_submission` builds the hand-in file a student of a given skill might
produce on a real article with a real key: some right answers found exactly, some with a
word too many or too few, some with the wrong label, quotes linked (or not) to their
speaker, and a few tags on words that are not answers at all. Nothing here is real
student work; every tag's offsets and text are taken from the article itself.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from .article import Article, Span
from .exercises import LABEL_SETS, GoldItem, gold_items
from .keys import AnswerKey
from .widgets.tagger import snap_to_tokens, tokenize
from .work import SUBMISSION_FORMAT, atomic_write_text, text_sha256

__all__ = ["simulate_submission", "write_class"]



def _jitter(rng: random.Random, tokens: list[Span], span: Span, text: str) -> Span:
    """The span, or one a word longer or shorter at one end (as students often tag)."""
    roll = rng.random()
    if roll < 0.7:
        return span
    words = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    if roll < 0.85 and len(words) > 2:  # one word short
        return Span(words[1].start, span.end) if rng.random() < 0.5 else \
            Span(span.start, words[-2].end)
    grown = snap_to_tokens(tokens, max(0, span.start - 12), span.end)
    return grown or span


def simulate_submission(
    article: Article, key: AnswerKey, student: str, skill: float, seed: int,
    exercises: tuple[str, ...] = ("quotes", "sources"),
) -> dict[str, Any]:
    """A ``medialit-submission/1`` dict for a made-up student (``skill`` from 0 to 1)."""
    rng = random.Random(seed)
    tokens = tokenize(article.text)
    text = article.text
    out: dict[str, Any] = {}
    for name in exercises:
        labels = LABEL_SETS[name].names
        gold: list[GoldItem] = gold_items(name, article, key)
        tags: list[dict[str, Any]] = []
        speaker_ids: dict[Span, str] = {}

        def add(span: Span, label: str, link: str | None = None,
                attrs: dict[str, str] | None = None, tags: list[dict[str, Any]] = tags) -> str:
            tag_id = f"t{len(tags) + 1}"
            tags.append({"id": tag_id, "start": span.start, "end": span.end, "label": label,
                         "text": text[span.start : span.end], "link": link,
                         "attrs": attrs or {}})
            return tag_id

        for g in gold:
            if g.label == "speaker" or rng.random() > skill:
                continue
            span = _jitter(rng, tokens, g.span, text)
            label = g.label if rng.random() < 0.6 + 0.4 * skill else rng.choice(labels)
            link = None
            if g.speaker_spans and rng.random() < skill:
                target = g.speaker_spans[0] if rng.random() < 0.9 else rng.choice(tokens)
                if target not in speaker_ids:
                    speaker_ids[target] = add(target, "speaker")
                link = speaker_ids[target]
            attrs = {k: v for k, v in g.attrs if rng.random() < skill}
            add(span, label, link, attrs)
        for _ in range(rng.randint(0, 3)):  # tags on words that are not answers
            t = rng.choice(tokens)
            add(Span(t.start, t.end), rng.choice(labels))
        out[name] = {"tags": tags, "answers": {}, "attempts": rng.randint(1, 4),
                     "revealed": False}
    return {
        "format": SUBMISSION_FORMAT,
        "student": student,
        "article": article.slug,
        "text_sha256": text_sha256(text),
        "exported": "2026-01-15T10:00:00+00:00",
        "exercises": out,
    }


def write_class(article: Article, key: AnswerKey, folder: Path, n: int,
                seed: int = 0) -> list[Path]:
    """Write ``n`` made-up submissions into ``folder``; returns their paths."""
    rng = random.Random(seed)
    paths = []
    for i in range(1, n + 1):
        student = f"student-{i:03d}"
        skill = min(1.0, max(0.05, rng.gauss(0.65, 0.2)))
        data = simulate_submission(article, key, student, skill, seed * 100_003 + i)
        path = Path(folder) / f"{student}--{article.slug}.medialit.json"
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))
        paths.append(path)
    return paths
