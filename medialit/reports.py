"""What grading writes: a CSV gradebook, a feedback page per student and a class summary.

Every page is one self-contained HTML file (styles inline, charts as PNG data URIs), so it
opens offline and can be mailed. All text from submissions and articles is escaped, and
files are written only inside the report folder, under sanitized names.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .agreement import word_level_alpha, word_spans
from .article import Article, Span
from .errors import WorkFileError
from .exercises import LABEL_SETS, GoldItem
from .grading import (
    Grade,
    GradingKey,
    Rejection,
    Submission,
    collect_submissions,
    explain_item,
    grade_all,
    item_status,
)
from .work import atomic_write_text, safe_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ClassResult",
    "grade_folder",
    "agreement",
    "item_counts",
    "most_missed",
    "missed_figure",
    "score_figure",
    "png_bytes",
    "write_reports",
    "gradebook_csv",
    "feedback_html",
    "summary_html",
]

STATUSES = ("found", "partly found", "wrong label", "missed")


@dataclass
class ClassResult:
    """Everything one grading run produced."""

    article: Article
    key: GradingKey
    exercises: list[str]
    gold: dict[str, list[GoldItem]]
    grades: list[Grade]
    rejected: list[Rejection]
    submissions_dir: Path
    agreement: dict[str, float | None]


def agreement(
    article: Article, subs: Sequence[Submission], exercises: Sequence[str]
) -> dict[str, float | None]:
    """Krippendorff's alpha (word level, nominal over labels) among students, per exercise."""
    words = word_spans(article.text)
    out: dict[str, float | None] = {}
    for name in exercises:
        names = LABEL_SETS[name].names
        coders = [[(Span(t.start, t.end), t.label) for t in s.tags.get(name, [])
                   if t.label in names] for s in subs]
        out[name] = word_level_alpha(words, coders)
    return out


def grade_folder(
    submissions_dir: Path, article: Article, key: GradingKey,
    exercises: Sequence[str] | None = None, pattern: str = "*.json",
) -> ClassResult:
    """Collect and grade every submission (file matching ``pattern``) in ``submissions_dir``."""
    subs, rejected = collect_submissions(submissions_dir, article, pattern=pattern)
    grades = grade_all(article, key, subs, exercises)
    chosen = list(grades[0].exercises) if grades else list(exercises or [])
    return ClassResult(article, key, chosen, key.gold(article), grades, rejected,
                       Path(submissions_dir), agreement(article, subs, chosen))


def item_counts(result: ClassResult) -> list[tuple[str, GoldItem, dict[str, int]]]:
    """For each right answer: (exercise, item, how many students found, partly found … it)."""
    rows = []
    for name in result.exercises:
        for i, g in enumerate(result.gold[name]):
            counts = dict.fromkeys(STATUSES, 0)
            for grade in result.grades:
                counts[item_status(grade.exercises[name].results[i])] += 1
            rows.append((name, g, counts))
    return rows


def most_missed(result: ClassResult) -> list[tuple[str, float]]:
    """Quotes and sources, with the share of students who missed them, most missed first.

    A source counts as the average over its mentions; a partly found item counts half.
    """
    n = len(result.grades)
    if not n:
        return []
    by_name: dict[str, list[float]] = {}
    for name, g, counts in item_counts(result):
        if name == "quotes" and g.label in ("direct", "partial", "scare"):
            label = f"{g.label} quote: {_short(result.article[g.span])}"
        elif name == "sources":
            label = f"source: {g.speaker or _short(result.article[g.span])}"
        else:
            continue
        missed = counts["missed"] + 0.5 * (counts["partly found"] + counts["wrong label"])
        by_name.setdefault(label, []).append(missed / n)
    rows = [(label, sum(v) / len(v)) for label, v in by_name.items()]
    return sorted(rows, key=lambda r: r[1], reverse=True)


# --------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def gradebook_csv(result: ClassResult) -> str:
    """One row per graded student: score, precision, recall, F1 (overall and per exercise)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["student", "score", "precision", "recall", "f1",
                *(f"{e}_f1" for e in result.exercises),
                "speakers_right", "speakers_judged", "labels_right", "labels_judged",
                "notes", "file"])
    for g in sorted(result.grades, key=lambda g: g.student):
        sr, sj = g.speakers
        lr, lj = g.labels
        row = [g.student, f"{g.score:.1f}", g.precision(), g.recall(), g.f1(),
               *(g.f1(e) for e in result.exercises),
               sr, sj, lr, lj, "; ".join(g.warnings), _rel(g.path, result)]
        w.writerow([_cell(v) for v in row])
    return buf.getvalue()


def _rejected_csv(result: ClassResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "reason"])
    for r in result.rejected:
        w.writerow([_cell(_rel(r.path, result)), _cell(r.reason)])
    return buf.getvalue()


def _rel(path: Path, result: ClassResult) -> str:
    try:
        return str(path.relative_to(result.submissions_dir))
    except ValueError:
        return path.name


# --------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------


def png_bytes(fig: Figure) -> bytes:
    """A matplotlib figure as PNG bytes (no timestamp, so the same chart gives the same bytes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, metadata={"Software": None})
    return buf.getvalue()


def _data_uri(fig: Figure | None) -> str | None:
    if fig is None:
        return None
    return "data:image/png;base64," + base64.b64encode(png_bytes(fig)).decode("ascii")


def _short(text: str, limit: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def missed_figure(result: ClassResult, top: int = 12) -> Figure | None:
    """Bar chart of the quotes and sources most students missed (``None`` if no students)."""
    from matplotlib.figure import Figure

    rows = most_missed(result)[:top]
    if not rows:
        return None
    rows.reverse()
    fig = Figure(figsize=(7.5, 0.42 * len(rows) + 1.2))
    ax = fig.add_subplot()
    ax.barh(range(len(rows)), [100 * v for _, v in rows], color="#D55E00")
    ax.set_yticks(range(len(rows)), [label for label, _ in rows], fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of students who missed it (partly found counts half)")
    ax.set_title("Quotes and sources most students missed", fontsize=10)
    fig.tight_layout()
    return fig


def score_figure(result: ClassResult) -> Figure | None:
    """Histogram of the students' scores (``None`` if no students)."""
    from matplotlib.figure import Figure

    if not result.grades:
        return None
    fig = Figure(figsize=(6.5, 2.8))
    ax = fig.add_subplot()
    ax.hist([g.score for g in result.grades], bins=list(range(0, 101, 10)), color="#0072B2",
            edgecolor="white")
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (0–100)")
    ax.set_ylabel("students")
    ax.set_title("Score distribution", fontsize=10)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}
.found{background:#e6f4ea}.partly,.wrong{background:#fff4d6}.missed{background:#fde8e8}
.note{color:#555;font-size:.9rem}.num{text-align:right;font-variant-numeric:tabular-nums}
.draft{background:#fff4d6;border:1px solid #e0b000;padding:.5rem}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        f"{body}\n</body></html>\n"
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def _draft_note(key: GradingKey) -> str:
    if not key.draft:
        return ""
    return ("<p class=\"draft\">The answer key is still a <strong>draft</strong>: the instructor "
            "has not checked it yet, so these results may change.</p>")


def feedback_html(result: ClassResult, grade: Grade) -> str:
    """One student's feedback page."""
    art = result.article
    title = art.meta.headline or art.slug
    sr, sj = grade.speakers
    lr, lj = grade.labels
    parts = [
        f"<h1>Feedback for {escape(grade.student)}</h1>",
        f"<p>Article: <strong>{escape(title)}</strong>"
        + (f" ({escape(art.meta.outlet)})" if art.meta.outlet else "") + "</p>",
        _draft_note(result.key),
        "<table>"
        f"<tr><th>Score</th><td class=num>{grade.score:.1f} / 100</td></tr>"
        f"<tr><th>Found (recall)</th><td class=num>{_pct(grade.recall())}</td></tr>"
        f"<tr><th>On target (precision)</th><td class=num>{_pct(grade.precision())}</td></tr>"
        f"<tr><th>Quotes linked to the right speaker</th><td class=num>{sr} of {sj}</td></tr>"
        f"<tr><th>Labels that match the key</th><td class=num>{lr} of {lj}</td></tr>"
        "</table>",
        "<p class=note>Found: how much of the right answers you tagged. On target: how much "
        "of what you tagged matches a right answer. A tag that covers only part of an answer, "
        "or a bit more, earns part of the credit.</p>",
    ]
    for name, eg in grade.exercises.items():
        ls = LABEL_SETS[name]
        parts.append(
            f"<h2>{escape(ls.title)}</h2><p>Found {_pct(grade.recall(name))}, on target "
            f"{_pct(grade.precision(name))}.</p><table>"
            "<tr><th>right answer</th><th>result</th><th>what to look at</th></tr>"
        )
        for r in eg.results:
            status = item_status(r)
            label = ls.get(r.gold.label)
            parts.append(
                f"<tr class={status.split()[0]}><td>{escape(label.text if label else '')}: "
                f"{escape(_short(art[r.gold.span], 60))}</td><td>{escape(status)}</td>"
                f"<td>{escape(explain_item(art, name, r))}</td></tr>"
            )
        parts.append("</table>")
        extra = [t for t in eg.extra if t.label in ls.names]
        if extra:
            parts.append("<p>Tags that match no right answer in this exercise:</p><ul>")
            for t in extra:
                label = ls.get(t.label)
                parts.append(f"<li>{escape(label.text if label else t.label)}: "
                             f"{escape(_short(t.text, 80))}</li>")
            parts.append("</ul>")
    if grade.warnings:
        parts.append("<h2>Notes about your file</h2><ul>")
        parts.extend(f"<li>{escape(w)}</li>" for w in grade.warnings)
        parts.append("</ul>")
    return _page(f"Feedback: {grade.student}", "\n".join(parts))


def _alpha_words(value: float | None) -> str:
    if value is None:
        return "not defined (too little to compare)"
    if value >= 0.8:
        return "strong agreement"
    if value >= 0.667:
        return "fair agreement"
    if value > 0:
        return "weak agreement"
    return "no agreement beyond chance"


def summary_html(result: ClassResult, feedback_names: dict[str, str]) -> str:
    """The class summary page: scores, charts, most-missed items, agreement, rejected files."""
    art = result.article
    scores = [g.score for g in result.grades]
    parts = [
        f"<h1>Class report: {escape(art.meta.headline or art.slug)}</h1>",
        _draft_note(result.key),
        f"<p>{len(result.grades)} submissions graded, {len(result.rejected)} not graded."
        + (f" Median score {statistics.median(scores):.1f}, mean {statistics.mean(scores):.1f}."
           if scores else "") + "</p>",
    ]
    for uri, alt in ((_data_uri(score_figure(result)), "Histogram of scores"),
                     (_data_uri(missed_figure(result)), "Items most students missed")):
        if uri:
            parts.append(f"<p><img src=\"{uri}\" alt=\"{escape(alt)}\"></p>")
    parts.append("<h2>Right answers</h2><table><tr><th>exercise</th><th>answer</th>"
                 + "".join(f"<th>{escape(st)}</th>" for st in STATUSES) + "</tr>")
    for name, g, counts in item_counts(result):
        label = LABEL_SETS[name].get(g.label)
        parts.append(
            f"<tr><td>{escape(name)}</td><td>{escape(label.text if label else g.label)}: "
            f"{escape(_short(art[g.span], 70))}</td>"
            + "".join(f"<td class=num>{counts[st]}</td>" for st in STATUSES) + "</tr>"
        )
    parts.append("</table>")
    parts.append(
        "<h2>Agreement between students</h2><p class=note>Krippendorff's alpha, nominal, at "
        "word level: each student is a coder and each word of the article a unit, valued by "
        "the label of the student's tag on it (or “untagged”). 1 is perfect agreement, 0 no "
        "better than chance.</p><table><tr><th>exercise</th><th>alpha</th><th>reading</th>"
        "</tr>"
    )
    for cat, value in result.agreement.items():
        shown = "–" if value is None else f"{value:.3f}"
        parts.append(f"<tr><td>{escape(cat)}</td><td class=num>{shown}</td>"
                     f"<td>{escape(_alpha_words(value))}</td></tr>")
    parts.append("</table>")
    parts.append("<h2>Students</h2><table><tr><th>student</th><th>score</th><th>found</th>"
                 "<th>on target</th><th>speakers</th><th>labels</th><th>notes</th></tr>")
    for g in sorted(result.grades, key=lambda g: g.student):
        sr, sj = g.speakers
        lr, lj = g.labels
        link = escape(feedback_names[g.student], quote=True)
        parts.append(
            f"<tr><td><a href=\"feedback/{link}\">{escape(g.student)}</a></td>"
            f"<td class=num>{g.score:.1f}</td><td class=num>{_pct(g.recall())}</td>"
            f"<td class=num>{_pct(g.precision())}</td><td class=num>{sr}/{sj}</td>"
            f"<td class=num>{lr}/{lj}</td><td>{escape('; '.join(g.warnings))}</td></tr>"
        )
    parts.append("</table>")
    if result.rejected:
        parts.append("<h2>Files not graded</h2><table><tr><th>file</th><th>reason</th></tr>")
        for r in result.rejected:
            parts.append(f"<tr><td>{escape(_rel(r.path, result))}</td>"
                         f"<td>{escape(r.reason)}</td></tr>")
        parts.append("</table>")
    return _page(f"Class report: {art.slug}", "\n".join(parts))


def _write_page(path: Path, text: str) -> None:
    """Write a regenerable report file: atomic (temporary file, then rename), no fsync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _inside(out_dir: Path, path: Path) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(out_dir.resolve()):
        raise WorkFileError(path, "would be written outside the report folder")
    return path


def write_reports(result: ClassResult, out_dir: Path) -> dict[str, Path]:
    """Write the gradebook, rejected list, feedback pages and class summary into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    used: set[str] = set()
    for g in result.grades:
        base = safe_name(g.student)
        name, n = f"{base}.html", 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}.html"
        used.add(name.lower())
        names[g.student] = name
    written: dict[str, Path] = {}
    for g in result.grades:
        path = _inside(out_dir, out_dir / "feedback" / names[g.student])
        _write_page(path, feedback_html(result, g))
    for fname, content in (
        ("gradebook.csv", gradebook_csv(result)),
        ("not-graded.csv", _rejected_csv(result)),
        ("index.html", summary_html(result, names)),
    ):
        path = _inside(out_dir, out_dir / fname)
        atomic_write_text(path, content)
        written[fname] = path
    written["feedback"] = out_dir / "feedback"
    return written
