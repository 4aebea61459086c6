"""Students' saved work: one JSON file per student, article and exercise.

Work lives outside the package, in ``$MEDIALIT_WORK`` or ``~/medialit-work``::

    <work>/<student>/<article-slug>/<exercise>.json      saved on every change
    <work>/<student>/<student>--<article-slug>.medialit.json   the file to hand in

Every write is atomic (a temporary file in the same folder, flushed, then renamed over
the old one), so a crash never leaves half a file. A saved file that cannot be read is
moved aside (never deleted) and the student starts afresh with a warning.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import re
import tempfile
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .article import Article
from .errors import WorkFileError

WORK_FORMAT = "medialit-work/1"
SUBMISSION_FORMAT = "medialit-submission/1"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def work_dir() -> Path:
    """Where students' work is saved: ``$MEDIALIT_WORK`` or ``~/medialit-work``."""
    env = os.environ.get("MEDIALIT_WORK")
    return Path(env) if env else Path.home() / "medialit-work"


def work_dir_in_words() -> str:
    """Where work is saved, in words for a notebook (no machine-specific path)."""
    if os.environ.get("MEDIALIT_WORK"):
        return "the work folder your teacher set up (its location is in MEDIALIT_WORK)"
    return "a folder called medialit-work in your home folder"


def safe_name(name: str) -> str:
    """A name that is safe as one path component (no slashes, no ``..``)."""
    cleaned = _SAFE.sub("-", name.strip()).strip(".-")
    return cleaned[:64] or "student"


def student_name(name: str | None = None) -> str:
    """The student's name: given, else ``$MEDIALIT_STUDENT``, else the login name."""
    if name:
        return safe_name(name)
    env = os.environ.get("MEDIALIT_STUDENT")
    if env:
        return safe_name(env)
    try:
        return safe_name(getpass.getuser())
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "student"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@dataclass
class Tag:
    """A span a student (or instructor) marked, with a label and an optional link.

    ``link`` is the ``id`` of another tag: a quote links to its speaker. ``attrs`` holds
    extra choices, such as ``{"use": "quoted"}`` for a source.
    """

    id: str
    start: int
    end: int
    label: str
    text: str
    link: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, d: Any) -> Tag:
        if not isinstance(d, dict):
            raise ValueError("a tag must be a JSON object")
        try:
            start, end = d["start"], d["end"]
            if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
                raise ValueError("start and end must be whole numbers")
            link = d.get("link")
            attrs = d.get("attrs") or {}
            if not isinstance(attrs, dict):
                raise ValueError("attrs must be an object")
            return cls(
                id=str(d["id"]),
                start=start,
                end=end,
                label=str(d["label"]),
                text=str(d.get("text", "")),
                link=None if link is None else str(link),
                attrs={str(k): str(v) for k, v in attrs.items()},
            )
        except KeyError as e:
            raise ValueError(f"a tag is missing the field {e.args[0]!r}") from None


@dataclass
class ExerciseWork:
    """One student's work on one exercise of one article."""

    student: str
    article: str
    exercise: str
    text_sha256: str
    tags: list[Tag] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0
    revealed: bool = False
    updated: str = ""

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["format"] = WORK_FORMAT
        return d

    @classmethod
    def from_json(cls, d: Any) -> ExerciseWork:
        if not isinstance(d, dict):
            raise ValueError("the file must hold a JSON object")
        tags = d.get("tags", [])
        if not isinstance(tags, list):
            raise ValueError("'tags' must be a list")
        answers = d.get("answers", {})
        if not isinstance(answers, dict):
            raise ValueError("'answers' must be an object")
        return cls(
            student=str(d.get("student", "")),
            article=str(d.get("article", "")),
            exercise=str(d.get("exercise", "")),
            text_sha256=str(d.get("text_sha256", "")),
            tags=[Tag.from_json(t) for t in tags],
            answers=answers,
            attempts=int(d.get("attempts", 0)),
            revealed=bool(d.get("revealed", False)),
            updated=str(d.get("updated", "")),
        )


class WorkStore:
    """Load, save and export one student's work on one article."""

    def __init__(self, article: Article, student: str | None = None, root: Path | None = None):
        self.article = article
        self.student = student_name(student)
        self.root = Path(root) if root is not None else work_dir()
        self.slug = safe_name(article.slug or "article")
        self.sha = text_sha256(article.text)

    @property
    def folder(self) -> Path:
        return self.root / self.student / self.slug

    def path(self, exercise: str) -> Path:
        return self.folder / f"{safe_name(exercise)}.json"

    def load(self, exercise: str) -> ExerciseWork:
        """The saved work, or a fresh record when there is none yet."""
        path = self.path(exercise)
        fresh = ExerciseWork(self.student, self.slug, exercise, self.sha)
        if not path.exists():
            return fresh
        try:
            work = ExerciseWork.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, UnicodeDecodeError, OSError) as e:
            aside = path.with_name(f"{path.name}.unreadable-{dt.datetime.now():%Y%m%d%H%M%S}")
            os.replace(path, aside)
            warnings.warn(f"{path}: could not be read ({e}); kept it as {aside.name}", stacklevel=2)
            return fresh
        if work.text_sha256 and work.text_sha256 != self.sha:
            warnings.warn(
                f"{path}: this work was done on a different version of the article text; "
                "tags whose words no longer match were dropped",
                stacklevel=2,
            )
            work.tags = [t for t in work.tags if self.article.text[t.start : t.end] == t.text]
            work.text_sha256 = self.sha
        return work

    def save(self, work: ExerciseWork) -> Path:
        work.updated = now_iso()
        path = self.path(work.exercise)
        atomic_write_text(path, json.dumps(work.to_json(), ensure_ascii=False, indent=1))
        return path

    def exercises(self) -> list[str]:
        if not self.folder.exists():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json"))

    def export(self, dest: Path | None = None) -> Path:
        """Write all of this student's work on the article into one file to hand in."""
        exercises = {}
        for name in self.exercises():
            w = self.load(name).to_json()
            exercises[name] = {k: w[k] for k in ("tags", "answers", "attempts", "revealed")}
        data = {
            "format": SUBMISSION_FORMAT,
            "student": self.student,
            "article": self.slug,
            "text_sha256": self.sha,
            "exported": now_iso(),
            "exercises": exercises,
        }
        dest = dest or self.root / self.student / f"{self.student}--{self.slug}.medialit.json"
        atomic_write_text(dest, json.dumps(data, ensure_ascii=False, indent=1))
        return dest


def read_json_file(path: Path, max_bytes: int = 5_000_000) -> Any:
    """Read a JSON file, refusing empty, huge, binary or malformed ones with a clear reason."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise WorkFileError(path, f"cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise WorkFileError(path, "the file is empty")
    if size > max_bytes:
        raise WorkFileError(path, f"the file is too large ({size:,} bytes; the limit is "
                                  f"{max_bytes:,})")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise WorkFileError(path, "is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise WorkFileError(path, f"is not valid JSON (line {e.lineno}: {e.msg})") from None
