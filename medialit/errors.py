"""Errors a user can cause and fix: each names the file and the problem."""

from __future__ import annotations

from pathlib import Path


class MedialitError(Exception):
    """Base class for errors caused by input, not by a bug in medialit.

    The command line prints the message and exits with status 2; notebooks show it
    as one line instead of a traceback.
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython shows in place of a traceback: the message, on one line."""
        return [" ".join(str(self).split())]


class ArticleError(MedialitError):
    """An article, metadata or key file that cannot be used, and why."""

    def __init__(self, path: str | Path | None, problem: str, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.line = line
        where = self.path or "<text>"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {problem}")


class WorkFileError(MedialitError):
    """A student's work file (saved or handed in) that cannot be read, and why."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
