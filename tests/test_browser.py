"""The tagger in a real JupyterLab, driven with a real mouse in headless Chromium.

Runs on ``notebooks/03-attribution.ipynb`` when it exists, and always on a small notebook
written here that shows the quotes tagger on the seed article's body. In CI (``CI=true``)
a missing Chromium fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from browser.lab import CHROMIUM_ARGS, LabServer, chromium_path

from medialit import Span, load_article

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SEED = "gaza-truce-blinken"
QUOTES_NOTEBOOK = "quotes-tagger.ipynb"
NOTEBOOKS = [QUOTES_NOTEBOOK] + (
    ["03-attribution.ipynb"] if (ROOT / "notebooks" / "03-attribution.ipynb").exists() else []
)

# The seed's first direct quote and the mention it is credited to ("… Blinken said").
seed = load_article(SEED)
QUOTE = Span(seed.span("We have seen").start, seed.span("with their families").end)
SPEAKER = seed.span("Blinken said in his meeting with Herzog")
SPEAKER = Span(SPEAKER.start, SPEAKER.start + len("Blinken"))


def _code(src: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(src)


def write_notebooks(folder: Path) -> None:
    """The quotes tagger on the seed, and a tagger over a hostile article."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [
        _code('ARTICLE = "gaza-truce-blinken"\nSTUDENT = None'),
        _code("from medialit import load_article\nfrom medialit.widgets import Tagger\n"
              "article = load_article(ARTICLE)\n"
              'tagger = Tagger(article, "quotes", student=STUDENT, part="body")\ntagger'),
    ]
    nbformat.write(nb, folder / QUOTES_NOTEBOOK)
    hostile = nbformat.v4.new_notebook()
    hostile.metadata["kernelspec"] = nb.metadata["kernelspec"]
    hostile.cells = [
        _code(
            "from medialit import Article\nfrom medialit.widgets import Tagger\n"
            "text = ('Hostile headline <script>window.__xss = 1</script>\\n\\n'\n"
            "        'A paragraph with <img src=x onerror=\"window.__xss = 2\"> and '\n"
            "        '<b>bold</b> 😀\\u00a0text.')\n"
            "Tagger(Article.from_text(text, slug='hostile'), 'quotes', sink=lambda tags: None)"
        )
    ]
    nbformat.write(hostile, folder / "hostile.ipynb")


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: apt-get install -y chromium")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("lab")
    root = base / "notebooks"
    root.mkdir()
    write_notebooks(root)
    for name in NOTEBOOKS[1:]:
        shutil.copy(ROOT / "notebooks" / name, root / name)
    server = LabServer(root, base)
    yield server
    server.stop()


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()
    lab.delete_sessions()


def run_all(page, wait_for: str) -> None:
    """Run every cell of the open notebook and wait for ``wait_for`` to appear."""
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext.session "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext.session"
                           ".kernel", timeout=60_000)
    page.wait_for_function("window.jupyterapp.shell.currentWidget.sessionContext.session"
                           ".kernel.connectionStatus === 'connected'", timeout=60_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(wait_for, timeout=60_000)


def token_box(page, tagger, u16: int, last: bool = False):
    """The on-screen box of the token that starts (or, with ``last``, ends) at ``u16``."""
    tokens = tagger.locator(".ml-tok")
    if not last:
        return tagger.locator(f'.ml-tok[data-s="{u16}"]').bounding_box()
    index = tokens.evaluate_all(
        "(els, end) => els.findIndex(e => Number(e.dataset.s) + e.textContent.length === end)",
        u16,
    )
    assert index >= 0, f"no token ends at {u16}"
    return tokens.nth(index).bounding_box()


def drag_select(page, tagger, start16: int, end16: int) -> float:
    """Drag the mouse from the start of one word to the end of another; returns round trip ms."""
    tagger.locator(f'.ml-tok[data-s="{start16}"]').evaluate(
        "e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(100)
    a = token_box(page, tagger, start16)
    b = token_box(page, tagger, end16, last=True)
    saves = int(tagger.get_attribute("data-saves"))
    page.mouse.move(a["x"] + 1, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(a["x"] + 30, a["y"] + a["height"] / 2, steps=3)
    page.mouse.move(b["x"] + b["width"] - 1, b["y"] + b["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function(
        f"document.querySelector('.ml-tagger').dataset.saves > {saves} && "
        "document.querySelector('.ml-tagger').dataset.roundtripMs !== undefined"
    )
    ms = float(tagger.get_attribute("data-roundtrip-ms"))
    page.evaluate("delete document.querySelector('.ml-tagger').dataset.roundtripMs")
    return ms


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_tag_a_quote_link_its_speaker_and_survive_a_restart(page, lab, notebook, capsys):
    shutil.rmtree(lab.work / lab.student / SEED, ignore_errors=True)  # start afresh
    page.goto(lab.open_url(notebook))
    run_all(page, ".ml-tagger .ml-tok")
    tagger = page.locator(".ml-tagger").first
    # The tagger may show the whole article or a piece of it: UTF-16 offsets count from
    # its first character. The seed has no characters outside the Basic Multilingual
    # Plane (U+00A0 is one UTF-16 unit), so UTF-16 and Python offsets agree here.
    shown = tagger.locator(".ml-text").text_content()
    base = seed.text.index(shown)
    if notebook == QUOTES_NOTEBOOK:
        assert base == seed.body[0].start
    q0, q1 = QUOTE.start - base, QUOTE.end - base
    s0, s1 = SPEAKER.start - base, SPEAKER.end - base

    tagger.locator('.ml-label[data-label="direct"]').click()
    quote_ms = drag_select(page, tagger, q0, q1)
    tagger.locator('.ml-label[data-label="speaker"]').click()
    speaker_ms = drag_select(page, tagger, s0, s1)

    # Link: click the quote, then "Link by clicking", then the speaker's name.
    tagger.locator(f'.ml-tok[data-s="{q0 + 3}"]').click()
    tagger.locator(".ml-link").click()
    tagger.locator(f'.ml-tok[data-s="{s0}"]').click()
    page.wait_for_function("document.querySelector('.ml-tagger .ml-status').textContent"
                           ".startsWith('Linked')")

    saved = lab.work / lab.student / SEED / "quotes.json"
    work = json.loads(saved.read_text(encoding="utf-8"))
    tags = {t["label"]: t for t in work["tags"]}
    assert sorted(tags) == ["direct", "speaker"]
    assert (tags["direct"]["start"], tags["direct"]["end"]) == (QUOTE.start, QUOTE.end)
    assert tags["direct"]["text"] == seed[QUOTE]
    assert (tags["speaker"]["start"], tags["speaker"]["end"]) == (SPEAKER.start, SPEAKER.end)
    assert tags["speaker"]["text"] == "Blinken"
    assert tags["direct"]["link"] == tags["speaker"]["id"]

    ARTIFACTS.mkdir(exist_ok=True)
    tagger.screenshot(path=str(ARTIFACTS / f"tagger-{Path(notebook).stem}.png"))

    # Restart the kernel, run everything again: the saved tags are drawn again.
    lab.restart_kernels()
    time.sleep(1.0)
    run_all(page, ".ml-tagger .ml-tagged")
    tagger = page.locator(".ml-tagger").first
    items = tagger.locator(".ml-item").all_text_contents()
    assert items == [
        f"direct quote: “{seed[QUOTE]}” → Blinken",
        "speaker: “Blinken”",
    ]
    marked = tagger.locator(f'.ml-tok.ml-tagged[data-s="{q0}"]')
    assert marked.count() == 1
    with capsys.disabled():  # the figure belongs in the test log, even when output is captured
        print(f"\n[{notebook}] round trip, mouse-up to highlighted and saved: "
              f"quote {quote_ms:.1f} ms, speaker {speaker_ms:.1f} ms")


def test_hostile_article_text_renders_as_text(page, lab):
    page.goto(lab.open_url("hostile.ipynb"))
    run_all(page, ".ml-tagger .ml-tok")
    tagger = page.locator(".ml-tagger").first
    text = tagger.locator(".ml-text").text_content()
    assert "<script>window.__xss = 1</script>" in text
    assert '<img src=x onerror="window.__xss = 2">' in text
    assert "😀\u00a0text." in text
    assert tagger.locator(".ml-text img, .ml-text script, .ml-text b").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    # The emoji is two UTF-16 units: tagging the word after it lands on the right characters.
    emoji_text = tagger.locator(".ml-tok", has_text="text").last
    u16 = int(emoji_text.get_attribute("data-s"))
    assert u16 == text.index("text.") + 1  # one more UTF-16 unit than Python characters
    ARTIFACTS.mkdir(exist_ok=True)
    tagger.screenshot(path=str(ARTIFACTS / "tagger-hostile.png"))


def test_keyboard_only_tagging_linking_and_deleting(page, lab):
    """Every action without a mouse: arrows, Shift+arrows, Enter, L, Delete, number keys."""
    shutil.rmtree(lab.work / lab.student / SEED, ignore_errors=True)  # start afresh
    page.goto(lab.open_url(QUOTES_NOTEBOOK))
    run_all(page, ".ml-tagger .ml-tok")
    tagger = page.locator(".ml-tagger").first
    body = seed.body[0].start
    tokens = [int(s) for s in tagger.locator(".ml-tok").evaluate_all(
        "els => els.map(e => e.dataset.s)")]
    text = tagger.locator(".ml-text")
    text.focus()
    page.keyboard.press("Home")

    def go_to(u16: int) -> None:
        page.keyboard.press("Home")
        for _ in range(tokens.index(u16)):
            page.keyboard.press("ArrowRight")

    miller = seed.span("Matthew Miller")
    go_to(miller.start - body)
    page.keyboard.press("4")  # speaker
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.ml-tagger .ml-item').length === 1")
    partial = seed.span("to take every possible measure to avoid civilian harm")
    go_to(partial.start - body)
    page.keyboard.press("2")  # partial quote
    for _ in range(8):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.ml-tagger .ml-item').length === 2")
    # L on the quote, move to the speaker, L again.
    page.keyboard.press("l")
    go_to(miller.start - body)
    page.keyboard.press("l")
    page.wait_for_function("document.querySelector('.ml-tagger .ml-status').textContent"
                           ".startsWith('Linked')")
    saved = lab.work / lab.student / SEED / "quotes.json"
    tags = {t["label"]: t for t in json.loads(saved.read_text(encoding="utf-8"))["tags"]}
    assert (tags["speaker"]["start"], tags["speaker"]["end"]) == (miller.start, miller.end)
    assert (tags["partial"]["start"], tags["partial"]["end"]) == (partial.start, partial.end)
    assert tags["partial"]["link"] == tags["speaker"]["id"]
    # Delete the speaker from the keyboard: the quote's link goes with it.
    page.keyboard.press("Delete")
    page.wait_for_function("document.querySelectorAll('.ml-tagger .ml-item').length === 1")
    tags = json.loads(saved.read_text(encoding="utf-8"))["tags"]
    assert [(t["label"], t["link"]) for t in tags] == [("partial", None)]
    # U undoes the deletion.
    page.keyboard.press("u")
    page.wait_for_function("document.querySelectorAll('.ml-tagger .ml-item').length === 2")
    # The controls are reachable with Tab and have names for screen readers.
    assert tagger.locator(".ml-text").get_attribute("aria-label") == "Article text to tag"
    assert tagger.locator('.ml-label[aria-checked="true"]').inner_text().endswith(
        "partial quote")


def test_revealed_answers_are_marked_in_the_article(page, lab):
    """After three checks, Reveal outlines each missed answer in the text with its label."""
    shutil.rmtree(lab.work / lab.student / SEED, ignore_errors=True)  # start afresh
    page.goto(lab.open_url(QUOTES_NOTEBOOK))
    run_all(page, ".ml-tagger .ml-tok")
    tagger = page.locator(".ml-tagger").first
    assert tagger.locator(".ml-answer").count() == 0
    for n in range(1, 4):
        tagger.locator(".ml-check").click()
        page.wait_for_function("document.querySelector('.ml-tagger .ml-status').textContent"
                               f".startsWith('Checked ({n}')")
    tagger.locator(".ml-reveal").click()
    page.wait_for_selector(".ml-tagger .ml-answer-badge")
    answers = tagger.locator(".ml-answers li").all_text_contents()
    badges = tagger.locator(".ml-answer-badge").all_text_contents()
    assert len(badges) == len(answers) > 0
    assert all(b.startswith("answer: ") for b in badges)
    base = seed.body[0].start  # this notebook's tagger shows the body
    first = tagger.locator(f'.ml-tok[data-s="{QUOTE.start - base}"]')
    assert "ml-answer" in first.get_attribute("class")
    ARTIFACTS.mkdir(exist_ok=True)
    tagger.screenshot(path=str(ARTIFACTS / "tagger-revealed.png"))


def test_arrow_down_and_up_move_by_a_line_on_screen(page, lab):
    page.goto(lab.open_url(QUOTES_NOTEBOOK))
    run_all(page, ".ml-tagger .ml-tok")
    tagger = page.locator(".ml-tagger").first
    tagger.locator(".ml-text").focus()
    page.keyboard.press("Home")

    def cursor_box():
        return tagger.locator(".ml-tok.ml-cursor").bounding_box()

    first = cursor_box()
    page.keyboard.press("ArrowDown")
    below = cursor_box()
    line = first["height"]
    assert line * 0.5 < below["y"] - first["y"] < line * 1.5  # the very next line
    assert abs(below["x"] - first["x"]) < 60  # straight below, not ten words on
    page.keyboard.press("ArrowUp")
    assert cursor_box() == first
