"""The student notebooks: their structure, and that they run on an article other than the seed."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medialit import load_article
from medialit.keys import find_key

ROOT = Path(__file__).resolve().parent.parent

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
STUDENT_NOTEBOOKS = [p for p in NOTEBOOKS if p.name[:2] in ("02", "03", "04")]
OTHER_ARTICLE = ROOT / "articles" / "devset" / "wn-soleimani-airstrike.txt"

_TMP_PATH = re.compile(r"/tmp/|/var/folders/|/home/\w+|/root/")
_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{4,}|0x[0-9a-fA-F]{8,}")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def _output_texts(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for cell in _code_cells(nb):
        for out in cell.get("outputs", []):
            if "text" in out:
                texts.append(out["text"])
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    texts.append(value if isinstance(value, str) else "".join(value))
    return texts


def test_the_three_student_notebooks_are_there() -> None:
    assert [p.name for p in STUDENT_NOTEBOOKS] == [
        "02-sourcing.ipynb", "03-attribution.ipynb", "04-framing.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_opens_with_learning_goals(path: Path) -> None:
    first = _read(path).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# ")
    assert "learn" in first.source.lower()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_code_cell_is_the_parameters_cell(path: Path) -> None:
    cell = _code_cells(_read(path))[0]
    assert "parameters" in cell.metadata.get("tags", [])
    assert re.search(r'^ARTICLE = "gaza-truce-blinken"(\s*#.*)?$', cell.source, re.MULTILINE)
    assert re.search(r"^STUDENT = None(\s*#.*)?$", cell.source, re.MULTILINE)


def _markdown(path: Path) -> str:
    return "\n".join(c.source for c in _read(path).cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_a_summary(path: Path) -> None:
    assert re.search(r"^#+ Summary\b", _markdown(path), re.MULTILINE)


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_student_notebook_has_discussion_questions(path: Path) -> None:
    assert re.search(r"^## Discussion\n(\n\* .+(\n  .+)*){3}", _markdown(path), re.MULTILINE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_with_clean_outputs(path: Path) -> None:
    nb = _read(path)
    cells = _code_cells(nb)
    assert all(c.get("execution_count") for c in cells), "run every cell before committing"
    for cell in cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name}: a cell failed: {out.get('evalue')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
            if "image/svg+xml" in out.get("data", {}):
                pytest.fail(f"{path.name}: figures must be PNG, not SVG")
    for text in _output_texts(nb):
        assert not _TMP_PATH.search(text), f"{path.name}: a file path in an output: {text[:200]}"
        assert not _ADDRESS.search(text), f"{path.name}: a memory address in an output"


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_seed_specifics_are_guarded(path: Path) -> None:
    """Below the parameters cell, code names the seed only to guard seed-specific notes."""
    for cell in _code_cells(_read(path))[1:]:
        for line in cell.source.splitlines():
            if "gaza-truce-blinken" in line:
                assert re.search(r'SEED = ARTICLE == "gaza-truce-blinken"', line), line
        if "Blinken" in cell.source or "Herzog" in cell.source:
            assert cell.source.lstrip().startswith("if SEED:"), cell.source[:120]


def _run(path: Path, article: str, extra: str | None = None) -> nbformat.NotebookNode:
    nb = copy.deepcopy(_read(path))
    params = _code_cells(nb)[0]
    params.source = f"ARTICLE = {article!r}\nSTUDENT = 'tester'"
    if extra:
        nb.cells.append(nbformat.v4.new_code_cell(extra))
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_another_article_with_a_key(path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    other = load_article(OTHER_ARTICLE)
    key = find_key(other)
    assert key is not None and key.sources, "the other article needs an answer key"
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = _run(path, str(OTHER_ARTICLE))
    texts = "\n".join(_output_texts(nb))
    assert "United States military kills Qasem Soleimani" in texts  # its headline
    assert "About this article" not in texts  # no notes about the seed
    assert "Blinken" not in texts
    pngs = [o for c in _code_cells(nb) for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= 2
    if path.name == "02-sourcing.ipynb":
        assert "<td>Iran</td><td>Iranian Revolutionary Guard Corps, Sayyid Ali Hosseini " \
               "Khamenei</td><td>Qasem Soleimani</td>" in texts


def test_headline_rewrites_are_checked_in_place_of_the_headline() -> None:
    path = ROOT / "notebooks" / "04-framing.ipynb"
    extra = (
        "rewrites[0].box.value = 'Hostages freed as pause in fighting holds'\n"
        "rewrites[1].box.value = ''\n"
        "check_headlines(None)\n"
        "print(headline_report(rewrites[0].value))\n"
        "print(store.load('headline').answers)"
    )
    nb = _run(path, "gaza-truce-blinken", extra)
    printed = nb.cells[-1].outputs[-1].text
    assert "<p><i>Hostages freed as pause in fighting holds</i></p>" in printed
    assert "The article says “pause in fighting”" in printed
    assert "The article says “Hostages”" in printed
    assert "{'rewrite 1': 'Hostages freed as pause in fighting holds'}" in printed
