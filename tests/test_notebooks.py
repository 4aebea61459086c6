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
DISCUSSION_NOTEBOOKS = [*STUDENT_NOTEBOOKS, ROOT / "notebooks" / "05-trace-the-quote.ipynb"]
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


@pytest.mark.parametrize("path", DISCUSSION_NOTEBOOKS,
                         ids=lambda p: p.stem)
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


SEED_LINE = 'SEED = article.slug == "gaza-truce-blinken"'


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_seed_specifics_are_guarded(path: Path) -> None:
    """Below the parameters cell, code names the seed only to guard seed-specific notes.

    ``SEED`` comes from the loaded article, not from ``ARTICLE``: a released edition sets
    ``ARTICLE = "articles/<slug>.meta.toml"``, and the notes must still show there.
    """
    cells = _code_cells(_read(path))[1:]
    assert any(SEED_LINE in c.source for c in cells)
    for cell in cells:
        for line in cell.source.splitlines():
            if "gaza-truce-blinken" in line:
                assert line.strip() == SEED_LINE, line
        if re.search(r"Blinken|Herzog|Netanyahu|WION|Manas Joshi", cell.source):
            assert cell.source.lstrip().startswith("if SEED:"), cell.source[:120]


def test_seed_notes_show_when_the_seed_is_named_by_its_file(tmp_path: Path) -> None:
    """As in a released edition: ARTICLE is the path of the seed's metadata file."""
    path = ROOT / "notebooks" / "03-attribution.ipynb"
    nb = _run(path, str(ROOT / "articles" / "gaza-truce-blinken.meta.toml"),
              "print(SEED, article.slug)")
    texts = "\n".join(_output_texts(nb))
    assert "<b>About this article.</b> The last two paragraphs come from a statement" in texts
    assert nb.cells[-1].outputs[-1].text == "True gaza-truce-blinken\n"


def test_a_wrong_article_name_is_one_plain_line() -> None:
    nb = _run(ROOT / "notebooks" / "00-start-here.ipynb", "no-such-article", allow_errors=True)
    error = next(o for c in _code_cells(nb) for o in c.outputs if o.output_type == "error")
    assert error.ename == "ArticleError"
    (line,) = error.traceback
    assert line == (f"{ROOT / 'articles' / 'no-such-article.txt'}: no article with slug "
                    f"'no-such-article' in {ROOT / 'articles'}")
    assert "Traceback" not in line and "\n" not in line


def _run(path: Path, article: str, extra: str | None = None,
         allow_errors: bool = False) -> nbformat.NotebookNode:
    nb = copy.deepcopy(_read(path))
    params = _code_cells(nb)[0]
    params.source = f"ARTICLE = {article!r}\nSTUDENT = 'tester'"
    if extra:
        nb.cells.append(nbformat.v4.new_code_cell(extra))
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


#: The figures each notebook draws for the other article.
FIGURES_ON_THE_OTHER_ARTICLE = {"00": 0, "01": 1, "02": 2, "03": 2, "04": 2, "05": 0}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_another_article_with_a_key(path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A dev-set article with an answer key but no related sources: every notebook runs."""
    other = load_article(OTHER_ARTICLE)
    key = find_key(other)
    assert key is not None and key.sources, "the other article needs an answer key"
    assert not (OTHER_ARTICLE.parent / f"{other.slug}.related").exists()
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = _run(path, str(OTHER_ARTICLE))
    texts = "\n".join(_output_texts(nb))
    assert "United States military kills Qasem Soleimani" in texts  # its headline
    assert "About this article" not in texts  # no notes about the seed
    for seed_word in ("Blinken", "Herzog", "WION", "Manas Joshi", "producing results"):
        assert seed_word not in texts, seed_word
    pngs = [o for c in _code_cells(nb) for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == FIGURES_ON_THE_OTHER_ARTICLE[path.name[:2]]
    if path.name == "05-trace-the-quote.ipynb":
        assert ("<b>No related sources are stored for this article yet</b>, so there is "
                "nothing to trace its quotes to.") in texts
        assert ("in a folder named <code>wn-soleimani-airstrike.related</code> beside the "
                "article, one file per source, as the section “Related sources” of "
                "<code>articles/README.md</code> explains.") in texts
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_long_code_cells_are_folded_for_students(path):
    """Students assume no programming: code longer than a few lines is folded (source_hidden)."""
    nb = _read(path)
    for cell in nb.cells:
        if cell["cell_type"] != "code" or "parameters" in cell["metadata"].get("tags", []):
            continue
        lines = [line for line in "".join(cell["source"]).splitlines() if line.strip()]
        if len(lines) > 4:
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, lines[0]
