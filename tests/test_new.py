"""``medialit new``: article files copied exactly, metadata checked, a draft key written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from medialit import analyze, load_article
from medialit.article import Span
from medialit.cli import main
from medialit.instructor import new_article, parse_published, report_to_key
from medialit.keys import load_key, parse_key
from medialit.results import Finding, Quote, Report, Source
from medialit.work import text_sha256

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "articles" / "gaza-truce-blinken.txt"
CRLF_TXT = ROOT / "tests" / "data" / "layouts" / "crlf.txt"


def test_new_copies_text_writes_metadata_and_drafts_key(tmp_path, capsys):
    arts = tmp_path / "arts"
    assert main(["new", str(SEED_TXT), "--slug", "blinken-copy", "--outlet", "WION",
                 "--published", "2023-12-01T09:58:00+05:30", "--articles-dir", str(arts)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {arts / 'blinken-copy.txt'} (2512 characters)" in out
    assert sorted(p.name for p in arts.iterdir()) == [
        "blinken-copy.key.json", "blinken-copy.meta.toml", "blinken-copy.txt"]
    assert (arts / "blinken-copy.txt").read_bytes() == SEED_TXT.read_bytes()
    article = load_article(arts / "blinken-copy.meta.toml")
    assert article.slug == "blinken-copy"
    assert article.meta.outlet == "WION"
    assert article.meta.headline == (
        "Gaza truce should continue as it's 'producing results,' says Blinken")
    assert article.meta.published == dt.datetime(
        2023, 12, 1, 9, 58, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    raw = json.loads((arts / "blinken-copy.key.json").read_text(encoding="utf-8"))
    assert raw["draft"] is True
    assert raw["text_sha256"] == text_sha256(article.text)
    key = load_key(article)  # the draft passes the same checks as a finished key
    # Drafted by medialit's analysis: the same quotes, sources and findings.
    report = analyze(article)
    assert [q.span for q in key.quotes] == [q.span for q in report.quotes]
    assert [s.name for s in key.sources] == [s.name for s in report.sources]
    assert [f.rule for f in key.findings] == [f.rule for f in report.findings]
    assert len(key.quotes) > 0 and len(key.sources) > 0


def test_new_copies_crlf_text_byte_for_byte(tmp_path):
    made = new_article(CRLF_TXT, "crlf-paste", folder=tmp_path)
    assert made.text_path.read_bytes() == CRLF_TXT.read_bytes()
    assert b"\r\n" in made.text_path.read_bytes()
    assert load_article(made.meta_path).text == CRLF_TXT.read_bytes().decode("utf-8")


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    args = ["new", str(SEED_TXT), "--slug", "same", "--articles-dir", str(tmp_path)]
    assert main(args) == 0
    (tmp_path / "same.key.json").write_text('{"edited": "by hand"}')
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "an article with slug 'same' already exists; choose another slug or add --force" in err
    assert (tmp_path / "same.key.json").read_text() == '{"edited": "by hand"}'
    assert main([*args, "--force"]) == 0
    assert json.loads((tmp_path / "same.key.json").read_text())["draft"] is True


@pytest.mark.parametrize(("args", "message"), [
    (["--slug", "Bad_Slug"], "the slug 'Bad_Slug' should be 1 to 80 lower-case letters"),
    (["--slug=dash-"], "the slug 'dash-' should be"),
    (["--slug", "ok", "--published", "2023-12-01T09:58"],
     "--published '2023-12-01T09:58' needs a time-zone offset, like +05:30"),
    (["--slug", "ok", "--published", "1 Dec 2023"],
     "--published '1 Dec 2023' is not an ISO date-time"),
])
def test_new_bad_options(tmp_path, capsys, args, message):
    assert main(["new", str(SEED_TXT), *args, "--articles-dir", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_bad_text_files(tmp_path, capsys):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 owner said".encode("latin-1"))
    arts = tmp_path / "arts"
    for path, message in ((tmp_path / "missing.txt", "no such article file"),
                          (binary, "looks like a binary file"),
                          (empty, "the article file is empty"),
                          (latin1, "is not UTF-8 text")):
        assert main(["new", str(path), "--slug", "x", "--articles-dir", str(arts)]) == 2
        assert f"{path}" in (err := capsys.readouterr().err) and message in err
    assert not arts.exists()


def test_parse_published_accepts_z():
    assert parse_published("2023-12-01T03:28:00Z") == dt.datetime(
        2023, 12, 1, 3, 28, tzinfo=dt.timezone.utc)


def test_report_to_key_round_trips(seed):
    said = seed.span("Blinken said")
    report = Report(
        seed,
        quotes=(Quote(Span(1471, 1593), "direct", "Antony Blinken", Span(1595, 1602), "said",
                      Span(1603, 1607), "Quote first, then the speaker."),
                Quote(Span(647, 664), "scare")),
        sources=(Source("Antony Blinken", "person", "quoted", (Span(534, 548), Span(said.start,
                        said.start + 7)), role="secretary of state", affiliation="US government"),),
        findings=(Finding("framing.contested-term", "A word people use differently.",
                          (seed.span("truce"),)),),
    )
    raw = report_to_key(report, "drafted in a test")
    assert raw["draft"] is True and raw["notes"] == ["drafted in a test"]
    assert raw["quotes"][0] == {
        "text": seed.text[1471:1593], "start": 1471, "end": 1593, "kind": "direct",
        "speaker": "Antony Blinken", "speaker_spans": [[1595, 1602]], "cue": "said",
        "cue_span": [1603, 1607], "note": "Quote first, then the speaker."}
    assert raw["quotes"][1]["speaker_spans"] == [] and raw["quotes"][1]["cue_span"] is None
    key = parse_key(raw, seed)
    assert key.sources[0].mentions == (Span(534, 548), Span(1595, 1602))
    assert key.findings[0].spans == (Span(17, 22),)


# --------------------------------------------------------------------------------------
# Correcting the draft: the key editor (the students' tagger in instructor mode)
# --------------------------------------------------------------------------------------


def test_key_round_trips_through_the_editor_tags(seed):
    from medialit.key_editor import EDITABLE, key_to_tags, tags_to_key

    frozen = ROOT / "tests" / "data" / "sample-class" / "gaza-truce-blinken.key.json"
    raw = json.loads(frozen.read_text("utf-8"))
    counts = {}
    for exercise in EDITABLE:
        tags = key_to_tags(raw, seed, exercise)
        counts[exercise] = len(tags)
        assert tags_to_key(raw, seed, exercise, tags) == raw
    # quotes: 9 tagged quotes + 6 speaker mentions + 6 cues; sources: 34 mentions.
    assert counts["quotes"] == 21 and counts["sources"] == 34


def test_key_editor_saves_every_change_to_the_key(tmp_path):
    from medialit.key_editor import KeyEditor

    made = new_article(SEED_TXT, "editing", folder=tmp_path)
    editor = KeyEditor(made.meta_path)
    assert editor.draft and editor.path == made.key_path
    quotes = editor.tagger("quotes")

    def saved_quotes() -> dict[tuple[int, int], dict]:
        saved = json.loads(made.key_path.read_text("utf-8"))
        return {(q["start"], q["end"]): q for q in saved["quotes"]}

    # The draft (from medialit's analysis) has the last paragraph of Blinken's quote.
    last = (1758, 1845)
    assert saved_quotes()[last]["kind"] == "direct"
    [tag] = [t for t in quotes.work.tags if (t.start, t.end) == last]
    assert quotes.delete(tag.id)
    assert last not in saved_quotes()
    # Tag it again, as a partial quote, and link it to the "Blinken" of "Blinken said".
    again = quotes.add(*last, "partial")
    [speaker] = [t for t in quotes.work.tags if (t.start, t.end) == (1595, 1602)]
    assert quotes.link(again.id, speaker.id)
    q = saved_quotes()[last]
    assert (q["kind"], q["speaker"], q["speaker_spans"]) == (
        "partial", "Antony Blinken", [[1595, 1602]])
    assert json.loads(made.key_path.read_text("utf-8"))["draft"] is True
    load_key(made.article)  # every save is a valid key
    editor.mark_checked()
    assert json.loads(made.key_path.read_text("utf-8"))["draft"] is False
    assert not list(tmp_path.glob(".*.tmp"))  # atomic saves leave no temporary files
