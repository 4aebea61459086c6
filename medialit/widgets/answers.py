"""Answer boxes for notebook questions, saved to the student's work on every change.

Each box reads the saved work, changes one answer and writes it back atomically, so several
boxes can share one exercise file. The answers come back when the cell is re-run or the
kernel restarts.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ..work import WorkStore

__all__ = ["AnswerBox", "Choice"]


def _save_answer(store: WorkStore, exercise: str, question: str, value: object) -> None:
    work = store.load(exercise)
    if work.answers.get(question) == value:
        return
    work.answers[question] = value
    store.save(work)


class AnswerBox(widgets.VBox):
    """A question and a text box for a written answer."""

    def __init__(self, store: WorkStore, exercise: str, question: str, prompt: str,
                 placeholder: str = "Type your answer here. It is saved as you type.") -> None:
        self.store = store
        self.exercise = exercise
        self.question = question
        saved = store.load(exercise).answers.get(question, "")
        self.box = widgets.Textarea(
            value=saved if isinstance(saved, str) else "",
            placeholder=placeholder,
            layout=widgets.Layout(width="100%", height="6em"),
        )
        self.box.observe(self._changed, names="value")
        label = widgets.Label(prompt)
        label.layout = widgets.Layout(width="100%")
        super().__init__([label, self.box])

    @property
    def value(self) -> str:
        return self.box.value

    def _changed(self, change: dict) -> None:
        _save_answer(self.store, self.exercise, self.question, change["new"])

    def __repr__(self) -> str:
        return f"AnswerBox(question={self.question!r})"


class Choice(widgets.VBox):
    """A multiple-choice question with immediate feedback on the chosen answer."""

    def __init__(self, store: WorkStore, exercise: str, question: str, prompt: str,
                 options: Sequence[str], correct: str, explanations: dict[str, str]) -> None:
        if correct not in options:
            raise ValueError(f"the right answer {correct!r} is not one of the options")
        self.store = store
        self.exercise = exercise
        self.question = question
        self.correct = correct
        self.explanations = dict(explanations)
        saved = store.load(exercise).answers.get(question)
        self.buttons = widgets.RadioButtons(
            options=list(options), value=saved if saved in options else None,
            layout=widgets.Layout(width="100%"),
        )
        self.result = widgets.Label("")
        self.buttons.observe(self._changed, names="value")
        label = widgets.Label(prompt)
        super().__init__([label, self.buttons, self.result])
        self._show(self.buttons.value)

    @property
    def value(self) -> str | None:
        return self.buttons.value

    def verdict(self, value: str | None) -> str:
        """The feedback for choosing ``value``."""
        if value is None:
            return ""
        why = self.explanations.get(value, "")
        head = "Right." if value == self.correct else "Not quite."
        return f"{head} {why}".strip()

    def _show(self, value: str | None) -> None:
        self.result.value = self.verdict(value)

    def _changed(self, change: dict) -> None:
        _save_answer(self.store, self.exercise, self.question, change["new"])
        self._show(change["new"])

    def __repr__(self) -> str:
        return f"Choice(question={self.question!r})"
