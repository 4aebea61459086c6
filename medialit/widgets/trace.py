"""Trace-the-quote widgets: passages side by side with the differences marked, a recorder
for what the student found, and the chart of how each quote travelled.

All text is HTML-escaped before it is drawn. Answers are saved to the student's work
(exercise ``"trace"``) on every change.
"""

from __future__ import annotations

import html
from difflib import SequenceMatcher
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..tracing import (
    MATCH_LABELS,
    TRACE_QUESTIONS,
    TRAVEL_KINDS,
    TraceKey,
    TraceKeyQuote,
    TraceMatch,
    TraceReport,
    _tokens,
    travel_counts,
)
from ..work import WorkStore

__all__ = ["compare_html", "side_by_side_html", "TraceRecorder", "travel_chart", "EXERCISE"]

EXERCISE = "trace"
_QUESTION_PROMPTS = {
    "words": "Same words? Compare the article's words with the closest source.",
    "speaker": "Same speaker? Are these the speaker's own words in the source?",
    "occasion": "Same occasion? Does the article place them where the source does?",
}
_STYLE = ("<style>.ml-trace td{vertical-align:top;padding:4px 8px;border-top:1px solid #ccc}"
          ".ml-trace .same{background:#d9f0e3}.ml-trace .diff{background:#fde2c8;"
          "text-decoration:underline}.ml-trace .kind{font-weight:bold}</style>")


def compare_html(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` as escaped HTML, words they share (in order) in ``same`` spans and
    the rest of ``b`` in ``diff`` spans."""
    ta, tb = _tokens(a), _tokens(b)
    sm = SequenceMatcher(None, [w for w, _, _ in ta], [w for w, _, _ in tb], autojunk=False)
    same_a = {i for blk in sm.get_matching_blocks() for i in range(blk.a, blk.a + blk.size)}
    same_b = {i for blk in sm.get_matching_blocks() for i in range(blk.b, blk.b + blk.size)}

    def render(text: str, toks: list[tuple[str, int, int]], same: set[int], mark_diff: bool) -> str:
        out, pos = [], 0
        for i, (_, s, e) in enumerate(toks):
            out.append(html.escape(text[pos:s]))
            cls = "same" if i in same else ("diff" if mark_diff else "")
            word = html.escape(text[s:e])
            out.append(f'<span class="{cls}">{word}</span>' if cls else word)
            pos = e
        out.append(html.escape(text[pos:]))
        return "".join(out)

    return render(a, ta, same_a, False), render(b, tb, same_b, True)


def side_by_side_html(report: TraceReport, matches: list[TraceMatch], article_text: str) -> str:
    """A table: the article's words on the left, each source passage on the right."""
    rows = []
    for m in matches:
        src = report.source(m.source_id)
        passage = report.passage_text(m)
        left, right = compare_html(article_text, passage)
        url = (f'<br><a href="{html.escape(src.url, quote=True)}" target="_blank" '
               f'rel="noopener">{html.escape(src.url)}</a>') if src.url else ""
        rows.append(
            f"<tr><td>{left}</td><td>{right}<br><small>{html.escape(src.label)}, "
            f"{html.escape(src.kind)}{url}</small></td>"
            f'<td><span class="kind">{html.escape(m.kind)}</span><br>'
            f"<small>{html.escape(m.explanation)}</small></td></tr>"
        )
    if not rows:
        rows.append('<tr><td colspan="3">No related source carries these words.</td></tr>')
    head = ("<tr><th>The article</th><th>The source (words shared with the article "
            "in green)</th><th>What changed</th></tr>")
    return f'{_STYLE}<table class="ml-trace">{head}{"".join(rows)}</table>'


class TraceRecorder(widgets.VBox):
    """Pick a quote, see the passages side by side, record what you found, check it."""

    def __init__(self, report: TraceReport, key: TraceKey, store: WorkStore) -> None:
        self.report = report
        self.key = key
        self.store = store
        self.article = report.article
        labels = [(f"{i + 1}. \u201c{self.article[q.span]}\u201d"[:80], i)
                  for i, q in enumerate(key.quotes)]
        self.picker = widgets.Dropdown(options=labels, value=0, description="Quote:",
                                       layout=widgets.Layout(width="100%"))
        self.table = widgets.HTML()
        self.questions = {
            q: widgets.RadioButtons(options=list(key.questions[q]), value=None,
                                    description="", layout=widgets.Layout(width="100%"))
            for q in TRACE_QUESTIONS
        }
        self.note = widgets.Textarea(placeholder="Anything left out or changed? Write it here.",
                                     layout=widgets.Layout(width="100%", height="4em"))
        self.check = widgets.Button(description="Check my answers")
        self.feedback = widgets.HTML()
        self._loading = False
        self.picker.observe(lambda _: self._show(), names="value")
        for box in self.questions.values():
            box.observe(lambda _: self._save(), names="value")
        self.note.observe(lambda _: self._save(), names="value")
        self.check.on_click(lambda _: self._check())
        parts: list[widgets.Widget] = [self.picker, self.table]
        for q in TRACE_QUESTIONS:
            parts += [widgets.Label(_QUESTION_PROMPTS[q]), self.questions[q]]
        super().__init__(parts + [self.note, self.check, self.feedback])
        self._show()

    @property
    def current(self) -> TraceKeyQuote:
        return self.key.quotes[self.picker.value]

    def quote_id(self, kq: TraceKeyQuote) -> str:
        return f"{kq.span.start}-{kq.span.end}"

    def matches_for(self, kq: TraceKeyQuote) -> list[TraceMatch]:
        """The report's matches whose article words overlap this quote."""
        return [m for m in self.report.matches
                if m.article_span is not None and m.article_span.overlaps(kq.span)]

    def answers(self) -> dict[str, Any]:
        """All saved answers of the trace exercise, by quote id."""
        return self.store.load(EXERCISE).answers

    def _show(self) -> None:
        kq = self.current
        self.table.value = side_by_side_html(self.report, self.matches_for(kq),
                                             self.article[kq.span])
        saved = self.answers().get(self.quote_id(kq), {})
        self._loading = True
        for q, box in self.questions.items():
            box.value = saved.get(q) if saved.get(q) in box.options else None
        self.note.value = str(saved.get("note", ""))
        self._loading = False
        self.feedback.value = ""

    def record(self, **answers: str) -> None:
        """Set answers for the current quote, as the student would by clicking."""
        for q, value in answers.items():
            if q == "note":
                self.note.value = value
            else:
                self.questions[q].value = value

    def _save(self) -> None:
        if self._loading:
            return
        work = self.store.load(EXERCISE)
        entry = {q: box.value for q, box in self.questions.items() if box.value}
        if self.note.value:
            entry["note"] = self.note.value
        work.answers[self.quote_id(self.current)] = entry
        self.store.save(work)

    def feedback_lines(self) -> list[str]:
        kq = self.current
        return self.key.feedback(kq, self.answers().get(self.quote_id(kq), {}))

    def _check(self) -> None:
        work = self.store.load(EXERCISE)
        work.attempts += 1
        self.store.save(work)
        self.feedback.value = "<br>".join(html.escape(x) for x in self.feedback_lines())

    def __repr__(self) -> str:
        return f"TraceRecorder(article={self.article.slug!r}, quotes={len(self.key.quotes)})"


_COLOURS = {"exact": "#009E73", "trimmed": "#56B4E9", "altered": "#E69F00",
            "reattributed": "#D55E00", "context-changed": "#CC79A7"}
_HATCH = {"exact": "", "trimmed": "//", "altered": "..", "reattributed": "xx",
          "context-changed": "\\\\"}


def travel_chart(report: TraceReport) -> Figure:
    """Stacked bars: for each quote, how many sources carry it in each class."""
    rows = travel_counts(report)
    fig = Figure(figsize=(8, 0.45 * len(rows) + 1.6))
    ax = fig.add_subplot()
    labels = []
    for q, _ in rows:
        t = " ".join(report.article[q.span].split())
        part = report.article.part_at(q.span.start)
        where = f" ({part.label})" if part and part.label != "paragraph" else ""
        labels.append(f"\u201c{t if len(t) <= 32 else t[:31] + '…'}\u201d{where}")
    y = list(range(len(rows)))
    left = [0] * len(rows)
    for kind in TRAVEL_KINDS:
        widths = [c[kind] for _, c in rows]
        ax.barh(y, widths, left=left, color=_COLOURS[kind], hatch=_HATCH[kind],
                edgecolor="white", label=f"{kind}: {MATCH_LABELS[kind]}")
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("number of related sources")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("How each quote travelled: what the sources show")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / max(len(rows), 1)),
              ncol=2, fontsize="small", frameon=False)
    fig.tight_layout()
    return fig
