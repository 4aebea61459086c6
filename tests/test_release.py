"""The student edition: solutions out, ARTICLE set, article files in, outputs regenerated."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from medialit.cli import main
from medialit.release import (
    WITHHELD_NOTE,
    ReleaseError,
    release,
    strip_solutions,
    student_notebook,
)

ROOT = Path(__file__).resolve().parent.parent
SLUG = "gaza-truce-blinken"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def source_notebook() -> nbformat.NotebookNode:
    """A small source notebook marked the nbgrader way."""
    cells = [
        new_markdown_cell("# Practice\n\nWho said it?"),
        new_code_cell('ARTICLE = "gaza-truce-blinken"\nSTUDENT = None',
                      metadata={"tags": ["parameters"]}),
        new_code_cell(
            "from medialit import load_article\n"
            "from medialit.keys import find_key\n"
            "article = load_article(ARTICLE)\n"
            "key = find_key(article)\n"
            "print(article.slug, len(article.text))\n"
            "print('answer key:', 'bundled' if key else 'withheld: feedback after grading')"
        ),
        new_code_cell("print('for the instructor only')", metadata={"tags": ["instructor"]}),
        new_code_cell(
            "speaker = None\n"
            "### BEGIN SOLUTION\n"
            "speaker = 'Antony Blinken'\n"
            "first, last = 'Antony', 'Blinken'\n"
            "### END SOLUTION\n"
            "print('answered' if speaker not in (None, ...) else 'not answered yet')"
        ),
        new_markdown_cell("Blinken said it.", metadata={"tags": ["solution"]}),
        new_markdown_cell("Why?\n\n### BEGIN SOLUTION\nBecause of the cue.\n### END SOLUTION"),
    ]
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def nbval(path: Path, work: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MEDIALIT_WORK": str(work)}
    env.pop("MPLBACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval",
         "--nbval-sanitize-with", str(SANITIZE), path.name],
        cwd=path.parent, env=env, capture_output=True, text=True, timeout=600,
    )


def test_strip_solutions_code_and_markdown():
    code = ("x = 1\n### BEGIN SOLUTION\nanswer = 'Blinken'\nfirst, last = 1, 2\nif x:\n"
            "    y = 2\n### END SOLUTION\nprint(answer)")
    assert strip_solutions(code) == (
        "x = 1\n# YOUR ANSWER HERE\nanswer = ...\nfirst, last = ..., ...\nprint(answer)")
    indented = "def f():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION"
    assert strip_solutions(indented) == "def f():\n    # YOUR ANSWER HERE"
    md = "Question\n### BEGIN SOLUTION\nThe answer.\n### END SOLUTION\nMore."
    assert strip_solutions(md, "markdown") == "Question\n*Write your answer here.*\nMore."
    with pytest.raises(ReleaseError, match="cell 3: '### BEGIN SOLUTION' is never closed"):
        strip_solutions("### BEGIN SOLUTION\nx = 1", where="cell 3")
    with pytest.raises(ReleaseError, match="without '### BEGIN SOLUTION'"):
        strip_solutions("x = 1\n### END SOLUTION")


def test_student_notebook_cells():
    nb, article_set = student_notebook(source_notebook(), "articles/x.meta.toml")
    assert article_set
    assert [c.source for c in nb.cells] == [
        "# Practice\n\nWho said it?",
        'ARTICLE = "articles/x.meta.toml"\nSTUDENT = None',
        source_notebook().cells[2].source,
        "speaker = None\n# YOUR ANSWER HERE\nspeaker = ...\nfirst, last = ..., ...\n"
        "print('answered' if speaker not in (None, ...) else 'not answered yet')",
        "*Write your answer here.*",
        "Why?\n\n*Write your answer here.*",
    ]
    assert nb.cells[1].metadata["tags"] == ["parameters"]
    assert "tags" not in nb.cells[4].metadata
    withheld, _ = student_notebook(source_notebook(), "a", withheld_key=True)
    assert withheld.cells[1].source == WITHHELD_NOTE
    assert withheld.cells[1].id == "withheld-key-note"


@pytest.mark.parametrize("withhold", [False, True])
def test_release_runs_and_passes_nbval(tmp_path, withhold):
    src = tmp_path / "src"
    src.mkdir()
    nbformat.write(source_notebook(), src / "01-practice.ipynb")
    nbformat.write(source_notebook(), src / "not-a-student-notebook.ipynb")
    out = tmp_path / "edition"
    made = release(SLUG, out, notebooks_dir=src, withhold_key=withhold)
    assert made.notebooks == [out / "01-practice.ipynb"]
    assert made.key_bundled is not withhold
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    related = sorted(f"articles/{SLUG}.related/{p.name}"
                     for p in (ROOT / "articles" / f"{SLUG}.related").iterdir())
    assert files == sorted([
        "01-practice.ipynb", f"articles/{SLUG}.meta.toml", f"articles/{SLUG}.txt",
        *([] if withhold else [f"articles/{SLUG}.key.json"]), "release.json", *related])
    assert (out / f"articles/{SLUG}.txt").read_bytes() == (
        ROOT / f"articles/{SLUG}.txt").read_bytes()
    manifest = json.loads((out / "release.json").read_text())
    assert manifest["key"] == ("withheld" if withhold else "bundled")
    nb = nbformat.read(out / "01-practice.ipynb", as_version=4)
    text = nbformat.writes(nb)
    assert "BEGIN SOLUTION" not in text and "instructor only" not in text
    assert "Blinken said it" not in text and "Antony Blinken" not in text
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source.startswith(f'ARTICLE = "articles/{SLUG}.meta.toml"')
    assert code[1].outputs[0]["text"] == (
        f"{SLUG} 2512\nanswer key: "
        + ("withheld: feedback after grading\n" if withhold else "bundled\n"))
    assert code[2].outputs[0]["text"] == "not answered yet\n"
    run = nbval(out / "01-practice.ipynb", tmp_path / "work")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout


@pytest.mark.slow
def test_release_of_every_student_notebook_passes_strict_nbval(tmp_path):
    out = tmp_path / "edition"
    assert main(["release", "--article", SLUG, "--out", str(out), "--withhold-key"]) == 0
    sources = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    assert sorted(p.name for p in out.glob("*.ipynb")) == sources
    assert "02-sourcing.ipynb" in sources
    assert not (out / "articles" / f"{SLUG}.key.json").exists()
    for name in sources:
        nb = nbformat.read(out / name, as_version=4)
        assert WITHHELD_NOTE in [c.source for c in nb.cells[:2]]
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type == "error"]
        assert errors == [], name
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval",
         "--nbval-sanitize-with", str(SANITIZE), "."],
        cwd=out, env={k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
        | {"MEDIALIT_WORK": str(tmp_path / "work")},
        capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout


def test_release_errors(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    bad = source_notebook()
    bad.cells[4].source = "### BEGIN SOLUTION\nx = 1"
    nbformat.write(bad, src / "01-bad.ipynb")
    assert main(["release", "--article", SLUG, "--out", str(tmp_path / "o1"), "--notebooks",
                 str(src), "--no-execute"]) == 2
    err = capsys.readouterr().err
    assert "01-bad.ipynb, cell 5: '### BEGIN SOLUTION' is never closed" in err
    assert not (tmp_path / "o1").exists()  # nothing half-made is left behind

    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("keep me")
    assert main(["release", "--article", SLUG, "--out", str(tmp_path / "full"),
                 "--notebooks", str(src), "--force"]) == 2
    assert "does not hold a medialit release" in capsys.readouterr().err
    assert (tmp_path / "full" / "mine.txt").read_text() == "keep me"

    assert main(["release", "--article", "no-such-slug", "--out", str(tmp_path / "o2"),
                 "--notebooks", str(src)]) == 2
    assert "no-such-slug" in capsys.readouterr().err
    assert main(["release", "--article", SLUG, "--out", str(tmp_path / "o3"), "--notebooks",
                 str(tmp_path / "empty")]) == 2
    assert "no student notebooks" in capsys.readouterr().err


def test_release_a_new_article_with_a_draft_key(tmp_path):
    from medialit.instructor import new_article

    arts = tmp_path / "arts"
    new_article(ROOT / "articles" / f"{SLUG}.txt", "my-article", folder=arts)
    src = tmp_path / "src"
    src.mkdir()
    nbformat.write(source_notebook(), src / "01-practice.ipynb")
    made = release("my-article", tmp_path / "edition", notebooks_dir=src, folder=arts)
    assert made.key_bundled
    assert made.warnings == [f"{arts / 'my-article.key.json'}: the answer key is still a draft"]
    nb = nbformat.read(made.notebooks[0], as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source.startswith('ARTICLE = "articles/my-article.meta.toml"')
    assert code[1].outputs[0]["text"] == "my-article 2512\nanswer key: bundled\n"
