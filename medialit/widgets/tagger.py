"""The span tagger: students mark words in the article and label them.

The browser draws the state and reports gestures ("create a tag from this UTF-16 range",
"delete", "undo", "link A to B", "set label"); this class validates them, snaps them to
whole words, saves the work and updates the state. Offsets in saved work are Python
string indices into the article text; the browser counts UTF-16 code units, so every
offset crossing the boundary is converted here (an emoji is 2 UTF-16 units, 1 character).
"""

from __future__ import annotations

import copy
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..article import Article, Span
from ..exercises import REVEAL_AFTER, GoldItem, check, gold_items, label_set
from ..keys import AnswerKey, find_key
from ..work import ExerciseWork, Tag, WorkStore

__all__ = ["Tagger", "utf16_offsets", "tokenize", "snap_to_tokens"]

_HERE = Path(__file__).parent
_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")
_HISTORY = 200


def utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of each character of ``text``, plus one for the end (length ``n + 1``)."""
    out = [0] * (len(text) + 1)
    u = 0
    for i, ch in enumerate(text):
        out[i] = u
        u += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = u
    return out


def tokenize(text: str) -> list[Span]:
    """Words (with inner apostrophes, dots and hyphens) and single punctuation marks."""
    return [Span(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def snap_to_tokens(tokens: Sequence[Span], start: int, end: int) -> Span | None:
    """Grow ``[start, end)`` to whole tokens; ``None`` if it touches no token."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    first = bisect_right(ends, start)  # first token ending after start
    last = bisect_left(starts, end) - 1  # last token starting before end
    if first > last or first >= len(tokens) or last < 0:
        return None
    return Span(tokens[first].start, tokens[last].end)


TagSink = Callable[[list[Tag]], None]


class Tagger(anywidget.AnyWidget):
    """Tag spans of an article with one exercise's labels; saved on every change.

    ``Tagger(article, "quotes")`` saves to the student's work folder through
    :class:`~medialit.work.WorkStore`. Pass ``sink`` (a function taking the list of tags)
    and ``tags`` to save somewhere else instead, as the instructor's key editor does.
    ``span`` (or ``part="body"``, ``part="headline"``) limits the tagger to a piece of the
    article, and only the answers inside it are checked. ``name`` saves the work under
    another exercise name (for a practice round with the same labels).
    """

    _esm = _HERE / "tagger.js"
    _css = _HERE / "tagger.css"

    title = traitlets.Unicode("").tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)
    tokens = traitlets.List([]).tag(sync=True)
    labels = traitlets.List([]).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    tags = traitlets.List([]).tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    feedback = traitlets.Dict({}).tag(sync=True)
    can_check = traitlets.Bool(False).tag(sync=True)
    can_undo = traitlets.Bool(False).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    saves = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        article: Article,
        exercise: str,
        *,
        student: str | None = None,
        store: WorkStore | None = None,
        span: Span | None = None,
        part: str | None = None,
        key: AnswerKey | None = None,
        gold: Sequence[GoldItem] | None = None,
        sink: TagSink | None = None,
        tags: Sequence[Tag] | None = None,
        title: str | None = None,
        name: str | None = None,
    ) -> None:
        ls = label_set(exercise)
        self.article = article
        self.exercise = exercise
        self.name = name or exercise
        self.label_set = ls
        if part == "body":
            body = article.body
            span = Span(body[0].start, body[-1].end) if body else None
        elif part is not None:
            found = article.parts_labelled(part)
            span = found[0].span if found else None
        self.view = span or Span(0, len(article.text))
        view_text = article.text[self.view.start : self.view.end]
        self._u16 = utf16_offsets(view_text)
        self._tokens = [Span(t.start + self.view.start, t.end + self.view.start)
                        for t in tokenize(view_text)]
        self._token_starts = [t.start for t in self._tokens]  # for bisecting offsets
        self.sink = sink
        self.store = None if sink is not None else (store or WorkStore(article, student))
        if self.store is not None:
            self.work = self.store.load(self.name)
        else:
            self.work = ExerciseWork("instructor", article.slug, self.name, "")
            self.work.tags = [copy.deepcopy(t) for t in (tags or [])]
        if gold is None and sink is None:
            try:
                gold = gold_items(exercise, article, key or find_key(article))
            except ValueError:
                gold = None
        self.gold = None if gold is None else [g for g in gold if self.view.contains(g.span)]
        self._history: list[list[Tag]] = []
        self.last_feedback = None
        super().__init__(
            title=title or ls.title,
            text=view_text,
            tokens=[[self._to16(t.start), self._to16(t.end)] for t in self._tokens],
            labels=[lb.to_json(i + 1) for i, lb in enumerate(ls.labels)],
            label=ls.labels[0].name,
            can_check=self.gold is not None,
        )
        self._publish()
        if self.work.attempts and self.gold is not None:
            self._show_feedback(count=False)
        self.on_msg(self._on_msg)

    def __repr__(self) -> str:
        named = f", name={self.name!r}" if self.name != self.exercise else ""
        return f"Tagger(exercise={self.exercise!r}, article={self.article.slug!r}{named})"

    # ----------------------------------------------------------------------------------
    # Offsets
    # ----------------------------------------------------------------------------------

    def _to16(self, index: int) -> int:
        """Python index into the article → UTF-16 offset into the shown text."""
        return self._u16[index - self.view.start]

    def _from16(self, u16: int) -> int:
        """UTF-16 offset into the shown text → Python index into the article.

        An offset that falls between the two halves of a surrogate pair is moved to the
        start of that character.
        """
        u16 = max(0, min(int(u16), self._u16[-1]))
        i = bisect_right(self._u16, u16) - 1
        return self.view.start + i

    # ----------------------------------------------------------------------------------
    # Operations (the browser's gestures call these; so can tests and notebooks)
    # ----------------------------------------------------------------------------------

    @property
    def current_tags(self) -> list[Tag]:
        return list(self.work.tags)

    def add(self, start: int, end: int, label: str | None = None) -> Tag | None:
        """Tag the words covering Python indices ``[start, end)``; ``None`` if no word."""
        label = label or self.label
        if self.label_set.get(label) is None:
            self.status = f"There is no label called {label!r} here."
            return None
        start = max(start, self.view.start)
        end = min(end, self.view.end)
        span = snap_to_tokens(self._tokens, start, end)
        if span is None:
            self.status = "Select at least one word to tag."
            return None
        for t in self.work.tags:
            if (t.start, t.end, t.label) == (span.start, span.end, label):
                self.selected = t.id
                self.status = "That tag is already there."
                return t
        self._remember()
        tag = Tag(self._next_id(), span.start, span.end, label, self.article[span])
        self.work.tags.append(tag)
        self.work.tags.sort(key=lambda t: (t.start, -t.end))
        self.selected = tag.id
        self._commit(f"Tagged '{_short(tag.text)}' as {self.label_set.get(label).text}.")  # type: ignore[union-attr]
        return tag

    def add_utf16(self, start16: int, end16: int, label: str | None = None) -> Tag | None:
        """Tag from a browser selection given in UTF-16 units of the shown text."""
        return self.add(self._from16(start16), self._from16(end16), label)

    def delete(self, tag_id: str) -> bool:
        tag = self._get(tag_id)
        if tag is None:
            return False
        self._remember()
        self.work.tags = [t for t in self.work.tags if t.id != tag_id]
        for t in self.work.tags:
            if t.link == tag_id:
                t.link = None
        if self.selected == tag_id:
            self.selected = ""
        self._commit(f"Removed the tag on '{_short(tag.text)}'.")
        return True

    def link(self, from_id: str, to_id: str | None) -> bool:
        """Link a quote to its speaker (``to_id=None`` removes the link)."""
        source = self._get(from_id)
        if source is None:
            return False
        lb = self.label_set.get(source.label)
        if to_id is None:
            self._remember()
            source.link = None
            self._commit(f"Unlinked '{_short(source.text)}'.")
            return True
        target = self._get(to_id)
        if target is None or target.id == source.id:
            return False
        if lb is None or lb.links_to is None:
            self.status = f"A {lb.text if lb else source.label} tag cannot be linked."
            return False
        if target.label != lb.links_to:
            self.status = f"Link a {lb.text} to a {self.label_set.get(lb.links_to).text} tag."  # type: ignore[union-attr]
            return False
        self._remember()
        source.link = target.id
        self._commit(f"Linked '{_short(source.text)}' to '{_short(target.text)}'.")
        return True

    def set_label(self, tag_id: str, label: str) -> bool:
        tag = self._get(tag_id)
        if tag is None or self.label_set.get(label) is None:
            return False
        self._remember()
        tag.label = label
        if tag.link and self.label_set.get(label).links_to is None:  # type: ignore[union-attr]
            tag.link = None
        for t in self.work.tags:
            if t.link == tag.id and self.label_set.get(t.label).links_to != label:  # type: ignore[union-attr]
                t.link = None
        self._commit(f"'{_short(tag.text)}' is now {self.label_set.get(label).text}.")  # type: ignore[union-attr]
        return True

    def set_attr(self, tag_id: str, name: str, value: str) -> bool:
        tag = self._get(tag_id)
        lb = self.label_set.get(tag.label) if tag else None
        if tag is None or lb is None:
            return False
        choices = dict(lb.attrs).get(name)
        if choices is None or (value and value not in choices):
            return False
        self._remember()
        if value:
            tag.attrs[name] = value
        else:
            tag.attrs.pop(name, None)
        self._commit(f"'{_short(tag.text)}': {name} is {value or 'not set'}.")
        return True

    def undo(self) -> bool:
        if not self._history:
            self.status = "Nothing to undo."
            return False
        self.work.tags = self._history.pop()
        if self._get(self.selected) is None:
            self.selected = ""
        self._commit("Undone.")
        return True

    def check(self) -> str:
        """Check the work against the answers; returns (and shows) the feedback text."""
        if self.gold is None:
            self.status = "There is no answer key for this article yet."
            return self.status
        self.work.attempts += 1
        self._save()
        return str(self._show_feedback())

    def reveal(self) -> str:
        if self.gold is None or self.work.attempts < REVEAL_AFTER:
            self.status = f"You can reveal the answers after {REVEAL_AFTER} checks."
            return self.status
        self.work.revealed = True
        self._save()
        return str(self._show_feedback(count=False))

    def export(self) -> Path | None:
        """Write the hand-in file; returns its path (``None`` in instructor mode)."""
        if self.store is None:
            return None
        path = self.store.export()
        self.status = f"Exported your work to {path}"
        return path

    # ----------------------------------------------------------------------------------
    # Internals
    # ----------------------------------------------------------------------------------

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        try:
            if kind == "create":
                self.add_utf16(int(content["start"]), int(content["end"]), content.get("label"))
            elif kind == "delete":
                self.delete(str(content["id"]))
            elif kind == "undo":
                self.undo()
            elif kind == "link":
                to = content.get("to")
                self.link(str(content["from"]), None if to in (None, "") else str(to))
            elif kind == "set_label":
                self.set_label(str(content["id"]), str(content["label"]))
            elif kind == "set_attr":
                self.set_attr(str(content["id"]), str(content["name"]), str(content["value"]))
            elif kind == "check":
                self.check()
            elif kind == "reveal":
                self.reveal()
            elif kind == "export":
                self.export()
        except (KeyError, TypeError, ValueError):
            self.status = "That action could not be understood."

    def _get(self, tag_id: str) -> Tag | None:
        return next((t for t in self.work.tags if t.id == tag_id), None)

    def _next_id(self) -> str:
        nums = [int(t.id[1:]) for t in self.work.tags if re.fullmatch(r"t\d+", t.id)]
        return f"t{max(nums, default=0) + 1}"

    def _remember(self) -> None:
        self._history.append(copy.deepcopy(self.work.tags))
        del self._history[:-_HISTORY]

    def _commit(self, message: str) -> None:
        self._save()
        self._publish()
        self.status = message

    def _save(self) -> None:
        started = time.perf_counter()
        if self.store is not None:
            self.store.save(self.work)
        elif self.sink is not None:
            self.sink(copy.deepcopy(self.work.tags))
        self.last_save_ms = (time.perf_counter() - started) * 1000
        self.saves += 1

    def _in_view(self, start: int, end: int) -> tuple[int, int] | None:
        """The part of ``start``–``end`` inside the view, or ``None`` if none is."""
        if end <= self.view.start or start >= self.view.end:
            return None
        return max(start, self.view.start), min(end, self.view.end)

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the first token at or after ``start`` and at or after ``end``."""
        return bisect_left(self._token_starts, start), bisect_left(self._token_starts, end)

    def _publish(self) -> None:
        """Send the tags to the browser, in UTF-16 offsets and token indices."""
        out = []
        for t in self.work.tags:
            shown = self._in_view(t.start, t.end)
            if shown is None:
                continue
            s, e = shown
            t0, t1 = self._token_range(s, e)
            out.append({
                "id": t.id,
                "label": t.label,
                "text": t.text,
                "start": self._to16(s),
                "end": self._to16(e),
                "t0": t0,
                "t1": t1,
                "link": t.link,
                "attrs": dict(t.attrs),
            })
        self.tags = out
        self.can_undo = bool(self._history)

    def _show_feedback(self, count: bool = True) -> Any:
        assert self.gold is not None
        fb = check(self.exercise, self.article, self.gold, self.work.tags,
                   attempts=max(self.work.attempts, 1), reveal=self.work.revealed)
        self.last_feedback = fb
        marks = []  # the answers, shown in place in the article
        for a, b, label in fb.answer_spans:
            shown = self._in_view(a, b)
            if shown is not None:
                t0, t1 = self._token_range(*shown)
                marks.append({"t0": t0, "t1": t1, "label": label})
        self.feedback = {**fb.to_json(), "revealed": self.work.revealed, "answer_marks": marks}
        if count:
            self.status = f"Checked ({self.work.attempts} so far)."
        return fb


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
