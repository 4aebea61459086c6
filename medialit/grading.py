"""Grading students' handed-in work against an article's answer key.

:func:`collect_submissions` reads a folder of ``medialit-submission/1`` files (never
executing anything, checking sizes before reading) and sorts them into valid ones and
rejected ones, each with a reason. :func:`grade_all` scores every student item by item,
with the same matcher the notebooks use for instant feedback
(:func:`medialit.exercises.check`), so a student sees the same verdicts in both places:

* **span overlap** — each right answer is paired with at most one of the student's tags
  (best overlap first; spans trimmed of edge punctuation). A pair earns its overlap
  (shared characters over all characters the two cover, 0 to 1) as partial credit.
  Recall is the credit over the number of right answers, precision the credit over the
  number of tags, F1 their harmonic mean.
* **speaker accuracy** — of the quotes the student found, the share linked to a mention
  of the right speaker.
* **label accuracy** — of the right answers the student tagged, the share with the right
  label (a direct quote tagged "partial" has the right span but the wrong label).

The score (0–100) is ``60·F1 + 20·speaker accuracy + 20·label accuracy``; a part with
nothing to judge is left out and the weights of the others are scaled up.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .article import Article, Span
from .errors import WorkFileError
from .exercises import FOUND_AT, LABEL_SETS, GoldItem, ItemResult, Label, check, gold_items
from .keys import AnswerKey, load_key
from .work import SUBMISSION_FORMAT, Tag, read_json_file, safe_name, text_sha256

__all__ = [
    "MAX_SUBMISSION_BYTES",
    "WEIGHTS",
    "GradingKey",
    "read_grading_key",
    "Submission",
    "Rejection",
    "collect_submissions",
    "ExerciseGrade",
    "Grade",
    "grade_submission",
    "grade_all",
    "graded_exercises",
    "item_status",
    "explain_item",
]

#: A submission larger than this is refused without being read.
MAX_SUBMISSION_BYTES = 2_000_000
WEIGHTS = {"f1": 60.0, "speaker": 20.0, "label": 20.0}


@dataclass(frozen=True)
class GradingKey:
    """An answer key (``None`` for an article with none yet) and whether it is a draft."""

    key: AnswerKey | None
    draft: bool = False

    def gold(self, article: Article) -> dict[str, list[GoldItem]]:
        """The right answers of every exercise this key (or the article alone) can grade."""
        out: dict[str, list[GoldItem]] = {}
        for name in LABEL_SETS:
            try:
                items = gold_items(name, article, self.key)
            except ValueError:
                continue
            if items:
                out[name] = items
        return out


def read_grading_key(article: Article, path: Path | None = None) -> GradingKey:
    """Load and check the article's key (beside it, or ``path``), noting a ``draft`` flag."""
    key = load_key(article, path)
    draft = False
    if key.path is not None:
        try:
            raw = json.loads(key.path.read_text(encoding="utf-8"))
            draft = bool(isinstance(raw, dict) and raw.get("draft"))
        except (OSError, ValueError):
            draft = False
    return GradingKey(key, draft)


# --------------------------------------------------------------------------------------
# Collecting submissions
# --------------------------------------------------------------------------------------


@dataclass
class Submission:
    """One student's valid handed-in work, with the problems that did not stop grading."""

    path: Path
    student: str
    exported: str
    tags: dict[str, list[Tag]]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejection:
    """A file that could not be graded, and why (in words the instructor can act on)."""

    path: Path
    reason: str


def _check_submission(path: Path, data: Any, article: Article, sha: str) -> Submission:
    """Validate one parsed submission; raise :class:`WorkFileError` saying what is wrong."""
    if not isinstance(data, dict):
        raise WorkFileError(path, "is not a medialit submission (not a JSON object)")
    if data.get("format") != SUBMISSION_FORMAT:
        raise WorkFileError(
            path, f"is not a medialit submission (format is {data.get('format')!r}, "
            f"expected {SUBMISSION_FORMAT!r})"
        )
    student = data.get("student")
    if not isinstance(student, str) or not student.strip():
        raise WorkFileError(path, "names no student")
    if safe_name(student) != student:
        raise WorkFileError(
            path, f"the student name {student!r} is not a plain name (only letters, digits, "
            "'.', '_' and '-' are allowed; no slashes or '..')"
        )
    if data.get("article") != article.slug:
        raise WorkFileError(
            path, f"is work on a different article ({data.get('article')!r}, "
            f"not {article.slug!r})"
        )
    if data.get("text_sha256") != sha:
        raise WorkFileError(
            path, "is work on a different version of the article text (text_sha256 differs)"
        )
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        raise WorkFileError(path, "has no 'exercises' object")
    n = len(article.text)
    tags: dict[str, list[Tag]] = {}
    warnings: list[str] = []
    seen_spans: set[tuple[str, int, int, str]] = set()
    for name, ex in exercises.items():
        ex_tags = tags.setdefault(str(name), [])
        if not isinstance(ex, dict) or not isinstance(ex.get("tags", []), list):
            raise WorkFileError(path, f"exercise {name!r} is not an object with a 'tags' list")
        for i, raw in enumerate(ex.get("tags", []), 1):
            try:
                tag = Tag.from_json(raw)
            except ValueError as e:
                raise WorkFileError(path, f"exercise {name!r}, tag {i}: {e}") from None
            if not 0 <= tag.start < tag.end <= n:
                raise WorkFileError(
                    path, f"exercise {name!r}, tag {i}: offsets [{tag.start}, {tag.end}] are "
                    f"out of range (the article has {n} characters)"
                )
            if article.text[tag.start : tag.end] != tag.text:
                raise WorkFileError(
                    path, f"exercise {name!r}, tag {i}: its text {tag.text[:40]!r} does not "
                    f"match the article at [{tag.start}, {tag.end}]"
                )
            key = (tag.start, tag.end, tag.label)
            if (name, *key) in seen_spans:
                warnings.append(
                    f"duplicate tag {tag.label!r} on {tag.text[:40]!r} in exercise {name!r} "
                    "was counted once"
                )
                continue
            seen_spans.add((name, *key))
            ex_tags.append(tag)
    exported = data.get("exported")
    return Submission(path, student, str(exported or ""), tags, warnings)


def collect_submissions(
    folder: Path, article: Article, max_bytes: int = MAX_SUBMISSION_BYTES,
    pattern: str = "*.json",
) -> tuple[list[Submission], list[Rejection]]:
    """Read every file matching ``pattern`` under ``folder`` (sub-folders too) as a submission.

    Nothing is executed and nothing is followed outside ``folder``: links are refused, and
    each file's size is checked before it is read. When one student handed in twice, the
    latest export is graded and the others are listed as rejected.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise WorkFileError(folder, "is not a folder of submissions")
    sha = text_sha256(article.text)
    valid: list[Submission] = []
    rejected: list[Rejection] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if not fnmatch.fnmatchcase(fname, pattern):
                continue
            path = Path(dirpath) / fname
            try:
                st = path.lstat()
                if stat.S_ISLNK(st.st_mode):
                    raise WorkFileError(path, "is a link; hand in the file itself")
                if not stat.S_ISREG(st.st_mode):
                    raise WorkFileError(path, "is not a regular file")
                data = read_json_file(path, max_bytes=max_bytes)
                valid.append(_check_submission(path, data, article, sha))
            except WorkFileError as e:
                rejected.append(Rejection(path, e.problem))
    by_student: dict[str, list[Submission]] = {}
    for sub in valid:
        by_student.setdefault(sub.student, []).append(sub)
    kept: list[Submission] = []
    for student, subs in sorted(by_student.items()):
        subs.sort(key=lambda s: (s.exported, str(s.path)), reverse=True)
        kept.append(subs[0])
        for other in subs[1:]:
            rejected.append(Rejection(
                other.path, f"duplicate: {student} also handed in {subs[0].path.name} "
                f"(exported {subs[0].exported or 'at an unknown time'}), which was graded"
            ))
    rejected.sort(key=lambda r: str(r.path))
    return kept, rejected


# --------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------


def item_status(r: ItemResult) -> str:
    """``found``, ``partly found``, ``wrong label`` or ``missed``."""
    if r.tag is None:
        return "missed"
    if not r.label_ok:
        return "wrong label"
    return "found" if r.overlap >= FOUND_AT else "partly found"


def _quoted(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _where(article: Article, span: Span) -> str:
    p = article.paragraph_index(span.start)
    if p is not None:
        return f"paragraph {p + 1}"
    part = article.part_at(span.start)
    return f"the {part.label}" if part else "the article"


def explain_item(article: Article, exercise: str, r: ItemResult) -> str:
    """One or two plain sentences on how the student did on one right answer."""
    ls = LABEL_SETS[exercise]
    g = r.gold
    label = ls.get(g.label)
    what = label.text if label else g.label
    shown = _quoted(article[g.span])
    where = _where(article, g.span)
    status = item_status(r)
    if status == "missed":
        return f"You missed this {what} in {where}: {shown}."
    assert r.tag is not None
    if status == "wrong label":
        given = ls.get(r.tag.label)
        return (f"You tagged {shown} in {where} as {given.text if given else r.tag.label}, "
                f"but it is a {what}.")
    if status == "found":
        text = f"You found this {what} in {where}: {shown}."
    else:
        t, gs = Span(r.tag.start, r.tag.end), g.span
        how = ("covers more than it" if t.contains(gs) else
               "covers only part of it" if gs.contains(t) else "starts or ends elsewhere")
        text = (f"You found this {what} in {where}, {shown}, but your tag "
                f"{_quoted(r.tag.text, 40)} {how} ({round(100 * r.overlap)}% overlap).")
    if r.speaker_ok is True:
        text += f" You linked it to the right speaker ({g.speaker})."
    elif r.speaker_ok is False:
        text += (f" You did not link it to its speaker ({g.speaker})." if not r.tag.link
                 else f" It is linked to the wrong person: the article credits {g.speaker}.")
    if r.attrs_ok is False:
        want = ", ".join(v for _, v in g.attrs)
        text += f" The story uses this source as: {want}."
    return text


@dataclass
class ExerciseGrade:
    """One student's results on one exercise."""

    exercise: str
    results: list[ItemResult]
    extra: list[Tag]
    tags: int

    @cached_property
    def credit(self) -> float:
        return sum(r.overlap for r in self.results if r.tag is not None)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class Grade:
    """One student's grade: exercise by exercise, item by item, and the totals."""

    student: str
    path: Path
    exercises: dict[str, ExerciseGrade]
    warnings: list[str] = field(default_factory=list)

    def _parts(self, exercise: str | None) -> list[ExerciseGrade]:
        if exercise is None:
            return list(self.exercises.values())
        return [self.exercises[exercise]] if exercise in self.exercises else []

    def recall(self, exercise: str | None = None) -> float | None:
        parts = self._parts(exercise)
        return _ratio(sum(p.credit for p in parts), sum(len(p.results) for p in parts))

    def precision(self, exercise: str | None = None) -> float | None:
        parts = self._parts(exercise)
        return _ratio(sum(p.credit for p in parts), sum(p.tags for p in parts))

    def f1(self, exercise: str | None = None) -> float | None:
        r = self.recall(exercise)
        if r is None:
            return None
        p = self.precision(exercise) or 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def results(self) -> list[ItemResult]:
        return [r for p in self.exercises.values() for r in p.results]

    @property
    def speakers(self) -> tuple[int, int]:
        """(right, judged): found quotes linked to a mention of the right speaker."""
        judged = [r.speaker_ok for r in self.results if r.speaker_ok is not None]
        return sum(judged), len(judged)

    @property
    def labels(self) -> tuple[int, int]:
        """(right, judged): tagged right answers that carry the right label."""
        judged = [r.label_ok for r in self.results if r.tag is not None]
        return sum(judged), len(judged)

    @property
    def speaker_accuracy(self) -> float | None:
        return _ratio(*self.speakers)

    @property
    def label_accuracy(self) -> float | None:
        return _ratio(*self.labels)

    @property
    def score(self) -> float:
        parts = {"f1": self.f1(), "speaker": self.speaker_accuracy, "label": self.label_accuracy}
        used = {k: v for k, v in parts.items() if v is not None}
        if not used:
            return 0.0
        weight = sum(WEIGHTS[k] for k in used)
        return round(100 * sum(WEIGHTS[k] * v for k, v in used.items()) / weight, 1)


def _links(label: Label | None) -> bool:
    return label is not None and label.links_to is not None


def graded_exercises(gold: dict[str, list[GoldItem]], subs: Iterable[Submission]) -> list[str]:
    """Exercises to grade: those with right answers that at least one student handed in."""
    done = {name for s in subs for name in s.tags}
    return [name for name in gold if name in done]


def grade_submission(
    article: Article, gold: dict[str, list[GoldItem]], sub: Submission,
    exercises: Sequence[str] | None = None,
) -> Grade:
    """Grade one submission on ``exercises`` (default: every exercise in ``gold``).

    An exercise the student did not hand in counts as all missed.
    """
    out: dict[str, ExerciseGrade] = {}
    warnings = list(sub.warnings)
    for name in exercises if exercises is not None else list(gold):
        tags = sub.tags.get(name, [])
        fb = check(name, article, gold[name], tags)
        ls = LABEL_SETS[name]
        names = ls.names
        # Only labels that link to a speaker (direct and partial quotes) have one to judge.
        results = [r if r.speaker_ok is None or _links(ls.get(r.gold.label))
                   else replace(r, speaker_ok=None) for r in fb.results]
        out[name] = ExerciseGrade(name, results, fb.extra,
                                  sum(1 for t in tags if t.label in names))
        unknown = sorted({t.label for t in tags if t.label not in names})
        if unknown:
            warnings.append(f"labels not used in the {name!r} exercise were not graded: "
                            + ", ".join(unknown))
    skipped = sorted(set(sub.tags) - set(out))
    if skipped:
        warnings.append("not graded (no answer key for it): " + ", ".join(skipped))
    return Grade(sub.student, sub.path, out, warnings)


def grade_all(
    article: Article, key: GradingKey, subs: Sequence[Submission],
    exercises: Sequence[str] | None = None,
) -> list[Grade]:
    """Grade every submission on the same exercises, in the order given."""
    gold = key.gold(article)
    chosen = list(exercises) if exercises is not None else graded_exercises(gold, subs)
    missing = [e for e in chosen if e not in gold]
    if missing:
        raise WorkFileError(
            key.key.path if key.key and key.key.path else article.slug,
            f"the answer key has no right answers for: {', '.join(missing)}",
        )
    return [grade_submission(article, gold, s, chosen) for s in subs]
