"""The student edition of the notebooks, made from the instructor's source notebooks.

Notebooks are written once, with what only the instructor should see marked the way
nbgrader marks it:

* a cell tagged ``instructor`` is left out of the student edition;
* a cell tagged ``solution`` keeps its place but its content becomes a placeholder;
* inside any cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION`` become a
  placeholder (in code, each ``name = …`` in the region becomes ``name = ...`` so later
  cells still run; in Markdown, "*Write your answer here.*").

:func:`release` also sets the ``ARTICLE = …`` parameter to the chosen article's copy in
the edition, copies the article files (and the answer key unless it is withheld),
clears the outputs and regenerates them by executing each notebook, so the edition passes
``pytest --nbval`` as shipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .article import articles_dir, load_article
from .errors import MedialitError
from .instructor import check_slug
from .keys import load_key
from .work import atomic_write_text

__all__ = [
    "INSTRUCTOR_TAG",
    "SOLUTION_TAG",
    "BEGIN_SOLUTION",
    "END_SOLUTION",
    "ReleaseError",
    "Release",
    "strip_solutions",
    "student_notebook",
    "source_notebooks",
    "release",
]

INSTRUCTOR_TAG = "instructor"
SOLUTION_TAG = "solution"
BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
CODE_PLACEHOLDER = "# YOUR ANSWER HERE"
MARKDOWN_PLACEHOLDER = "*Write your answer here.*"
WITHHELD_NOTE = (
    "**Feedback comes after grading.** Your teacher kept the answer key for this article, so "
    "the *Check* buttons cannot tell you yet what you found. Tag as well as you can, export "
    "your work at the end, and hand it in: your teacher will send your feedback."
)
_ARTICLE_LINE = re.compile(r"^ARTICLE\s*=.*$", re.MULTILINE)
_ASSIGNED = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*=[^=]")


class ReleaseError(MedialitError):
    """A release that cannot be made, and why."""


@dataclass
class Release:
    """What :func:`release` wrote."""

    out: Path
    slug: str
    notebooks: list[Path]
    key_bundled: bool
    warnings: list[str] = field(default_factory=list)


def _placeholder(region: list[str], cell_type: str) -> list[str]:
    if cell_type != "code":
        return [MARKDOWN_PLACEHOLDER]
    indent = re.match(r"\s*", next((ln for ln in region if ln.strip()), "")).group()
    out = [f"{indent}{CODE_PLACEHOLDER}"]
    for line in region:
        m = _ASSIGNED.match(line)
        if m and m.group(1) == indent:
            names = [n.strip() for n in m.group(2).split(",")]
            value = ", ".join("..." for _ in names) if len(names) > 1 else "..."
            out.append(f"{indent}{', '.join(names)} = {value}")
    return out


def strip_solutions(source: str, cell_type: str = "code", where: str = "cell") -> str:
    """``source`` with every ``### BEGIN SOLUTION`` … ``### END SOLUTION`` region replaced."""
    lines = source.split("\n")
    out: list[str] = []
    region: list[str] | None = None
    for line in lines:
        marker = line.strip()
        if marker.startswith(BEGIN_SOLUTION):
            if region is not None:
                raise ReleaseError(f"{where}: '{BEGIN_SOLUTION}' inside another solution region")
            region = []
        elif marker.startswith(END_SOLUTION):
            if region is None:
                raise ReleaseError(f"{where}: '{END_SOLUTION}' without '{BEGIN_SOLUTION}'")
            out.extend(_placeholder(region, cell_type))
            region = None
        elif region is not None:
            region.append(line)
        else:
            out.append(line)
    if region is not None:
        raise ReleaseError(f"{where}: '{BEGIN_SOLUTION}' is never closed by '{END_SOLUTION}'")
    return "\n".join(out)


def student_notebook(
    nb: nbformat.NotebookNode, article_ref: str, where: str = "notebook",
    withheld_key: bool = False,
) -> tuple[nbformat.NotebookNode, bool]:
    """The student version of ``nb`` (a copy) and whether an ``ARTICLE =`` line was set."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    cells = []
    article_set = False
    for i, cell in enumerate(nb.cells, 1):
        tags = list(cell.get("metadata", {}).get("tags", []))
        if INSTRUCTOR_TAG in tags:
            continue
        if SOLUTION_TAG in tags:
            region = cell.source.split("\n")
            cell.source = "\n".join(_placeholder(region, cell.cell_type))
        cell.source = strip_solutions(cell.source, cell.cell_type, f"{where}, cell {i}")
        if cell.cell_type == "code" and _ARTICLE_LINE.search(cell.source) and not article_set:
            cell.source = _ARTICLE_LINE.sub(f"ARTICLE = {json.dumps(article_ref)}", cell.source,
                                            count=1)
            article_set = True
        kept = [t for t in tags if t not in (INSTRUCTOR_TAG, SOLUTION_TAG)]
        if "tags" in cell.get("metadata", {}):
            if kept:
                cell.metadata["tags"] = kept
            else:
                del cell.metadata["tags"]
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    if withheld_key:
        note = nbformat.v4.new_markdown_cell(WITHHELD_NOTE)
        note.metadata["tags"] = ["withheld-key-note"]
        cells.insert(1 if cells and cells[0].cell_type == "markdown" else 0, note)
    nb.cells = cells
    # Cell ids must be unique and stable; the inserted note gets a fixed one.
    for n, cell in enumerate(nb.cells):
        if cell.get("metadata", {}).get("tags") == ["withheld-key-note"]:
            cell["id"] = "withheld-key-note"
        elif "id" not in cell:
            cell["id"] = f"cell-{n}"
    return nb, article_set


def source_notebooks(folder: Path) -> list[Path]:
    """The student notebooks among the sources: ``NN-*.ipynb`` at the top of ``folder``."""
    return sorted(p for p in Path(folder).glob("[0-9]*.ipynb") if p.is_file())


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _execute(nb: nbformat.NotebookNode, cwd: Path, where: Path, timeout: int) -> None:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    try:
        client.execute()
    except CellExecutionError as e:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(e)).strip()  # no terminal colours
        first = plain.splitlines()[-1] if plain else "an error"
        raise ReleaseError(f"{where}: a cell failed when the student edition was run: {first}"
                           ) from None


def release(
    slug: str, out: Path, *, notebooks_dir: Path | None = None,
    notebooks: Sequence[str] | None = None, folder: Path | None = None,
    withhold_key: bool = False, execute: bool = True, force: bool = False,
    timeout: int = 300,
) -> Release:
    """Make the student edition of the notebooks for article ``slug`` in ``out``.

    ``notebooks_dir`` holds the source notebooks (default: the repository's ``notebooks/``);
    ``notebooks`` picks some of them by file name. ``folder`` is where the article lives
    (default: the shipped ``articles/``).
    """
    check_slug(slug)
    folder = Path(folder) if folder is not None else articles_dir()
    meta_path = folder / f"{slug}.meta.toml"
    article = load_article(meta_path if meta_path.exists() else folder / f"{slug}.txt")
    src_dir = Path(notebooks_dir) if notebooks_dir is not None else (
        Path(__file__).resolve().parent.parent / "notebooks")
    sources = source_notebooks(src_dir)
    if notebooks:
        wanted = set(notebooks)
        sources = [p for p in sources if p.name in wanted or p.stem in wanted]
        unknown = wanted - {p.name for p in sources} - {p.stem for p in sources}
        if unknown:
            raise ReleaseError(f"{src_dir}: no notebook named {', '.join(sorted(unknown))}")
    if not sources:
        raise ReleaseError(f"{src_dir}: no student notebooks (NN-name.ipynb) to release")
    out = Path(out)
    if out.resolve() == src_dir.resolve() or src_dir.resolve() in out.resolve().parents:
        raise ReleaseError(f"{out}: the edition must go outside the source notebooks folder")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise ReleaseError(f"{out}: the folder is not empty; choose a new one or add --force")
        if not (out / "release.json").exists():
            raise ReleaseError(f"{out}: not emptied, because it does not hold a medialit release")
        shutil.rmtree(out)

    warnings: list[str] = []
    key_file = folder / f"{slug}.key.json"
    key_bundled = False
    if not withhold_key:
        if not key_file.exists():
            warnings.append(f"{key_file}: no answer key, so the edition gives no instant "
                            "feedback (as with --withhold-key)")
        else:
            load_key(article, key_file)  # refuse to ship a key that does not fit the text
            if json.loads(key_file.read_text(encoding="utf-8")).get("draft"):
                warnings.append(f"{key_file}: the answer key is still a draft")
            key_bundled = True

    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        arts = out / "articles"
        arts.mkdir()
        text_name = article.path.name if article.path else f"{slug}.txt"
        shutil.copyfile(folder / text_name, arts / text_name)
        if meta_path.exists():
            shutil.copyfile(meta_path, arts / meta_path.name)
        related = folder / f"{slug}.related"
        if related.is_dir():
            # Related sources travel with the article, trace-key.json included: the
            # trace-the-quote notebook builds its questions from it, so it cannot be withheld.
            shutil.copytree(related, arts / related.name, symlinks=False)
        if key_bundled:
            shutil.copyfile(key_file, arts / key_file.name)
        ref = f"articles/{meta_path.name if meta_path.exists() else text_name}"
        written = []
        work = Path(tempfile.mkdtemp(prefix="medialit-release-work-"))
        try:
            for src in sources:
                nb = nbformat.read(src, as_version=4)
                student, article_set = student_notebook(nb, ref, str(src),
                                                        withheld_key=not key_bundled)
                if not article_set:
                    warnings.append(f"{src.name}: has no 'ARTICLE = …' line, so it was not "
                                    "pointed at the article")
                if execute:
                    # Run where the edition lives, so printed paths match a student's re-run.
                    with _environment(MEDIALIT_WORK=str(work), MEDIALIT_STUDENT="student"):
                        _execute(student, out, src, timeout)
                nbformat.validate(student)
                atomic_write_text(out / src.name, nbformat.writes(student) + "\n")
                written.append(out / src.name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        manifest = {
            "format": "medialit-release/1",
            "article": slug,
            "key": "bundled" if key_bundled else "withheld",
            "notebooks": [p.name for p in written],
            "made": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        }
        atomic_write_text(out / "release.json", json.dumps(manifest, indent=1) + "\n")
    except BaseException:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise
    return Release(out, slug, written, key_bundled, warnings)
