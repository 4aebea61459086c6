"""Grading handed-in work on the seed article: scores, bad files, reports, agreement."""

from __future__ import annotations

import copy
import csv
import json
import os
import re
from pathlib import Path

import pytest

from medialit import load_article
from medialit.agreement import alpha_nominal, word_level_alpha, word_spans
from medialit.article import Article, Span
from medialit.cli import main
from medialit.grading import (
    GradingKey,
    collect_submissions,
    explain_item,
    grade_all,
    item_status,
    read_grading_key,
)
from medialit.keys import parse_key
from medialit.reports import grade_folder, most_missed, write_reports
from medialit.work import SUBMISSION_FORMAT, text_sha256

SLUG = "gaza-truce-blinken"
# The seed key as of the grading tests (kept frozen, so improving the seed key does not
# change the expected scores below).
FROZEN_KEY = Path(__file__).parent / "data" / "sample-class" / f"{SLUG}.key.json"
BLINKEN_SAID = Span(1595, 1602)  # "Blinken" in '… families," Blinken said in his meeting'
HERZOG = Span(1628, 1634)
DIRECT = Span(1471, 1593)  # "We have seen … reunited with their families,"


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(SLUG)


@pytest.fixture(scope="module")
def key(article: Article) -> GradingKey:
    return read_grading_key(article, FROZEN_KEY)


def tag(article: Article, tid: str, span: Span, label: str, link: str | None = None,
        **attrs: str) -> dict:
    return {"id": tid, "start": span.start, "end": span.end, "label": label,
            "text": article[span], "link": link, "attrs": attrs}


def submission(article: Article, student: str, exercises: dict[str, list[dict]],
               exported: str = "2026-01-10T09:00:00+00:00") -> dict:
    return {
        "format": SUBMISSION_FORMAT, "student": student, "article": article.slug,
        "text_sha256": text_sha256(article.text), "exported": exported,
        "exercises": {name: {"tags": tags, "answers": {}, "attempts": 1, "revealed": False}
                      for name, tags in exercises.items()},
    }


def write(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def perfect(article: Article, key: GradingKey) -> dict[str, list[dict]]:
    """Every right answer of the quotes and sources exercises, quotes linked to speakers."""
    gold = key.gold(article)
    out: dict[str, list[dict]] = {}
    for name in ("quotes", "sources"):
        tags: list[dict] = []
        speakers = {}
        for g in gold[name]:
            if g.label == "speaker":
                speakers[g.span] = f"{name}-{len(tags)}"
                tags.append(tag(article, speakers[g.span], g.span, "speaker"))
        for g in gold[name]:
            if g.label == "speaker":
                continue
            link = speakers[g.speaker_spans[0]] if g.speaker_spans else None
            tags.append(tag(article, f"{name}-{len(tags)}", g.span, g.label, link,
                            **dict(g.attrs)))
        out[name] = tags
    return out


# --------------------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------------------


def test_alpha_matches_krippendorffs_published_examples():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": nominal data, four
    # observers, twelve units, some values missing: alpha = 0.743.
    n = None
    table = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert round(alpha_nominal(table), 3) == 0.743
    # Same paper, two observers and binary data: alpha = 0.095.
    assert round(alpha_nominal([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
                                [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]), 3) == 0.095


def test_alpha_hand_computed_small_table():
    # Units (a,a) (a,b) (b,b): n = 6, o_ab + o_ba = 2, n_a = n_b = 3.
    # alpha = 1 - (n - 1) * 2 / (2 * 3 * 3) = 1 - 10/18 = 4/9.
    assert alpha_nominal([["a", "a", "b"], ["a", "b", "b"]]) == pytest.approx(4 / 9)
    assert alpha_nominal([["a", "b"], ["a", "b"]]) == 1.0
    assert alpha_nominal([["a", "a"], ["a", "a"]]) is None  # no variation: undefined
    assert alpha_nominal([[1, None], [None, 2]]) is None  # no unit coded twice


def test_word_level_alpha_hand_computed():
    text = "one two three four"
    words = word_spans(text)
    assert words == [Span(0, 3), Span(4, 7), Span(8, 13), Span(14, 18)]
    # Student 1 tags "one two", student 2 "two three" (same label). Word values:
    # one (x, -), two (x, x), three (-, x), four (-, -): n = 8, 4 off-diagonal coincidences,
    # n_x = n_- = 4, so alpha = 1 - 7 * 4 / (2 * 4 * 4) = 0.125.
    coders = [[(Span(0, 7), "x")], [(Span(4, 13), "x")]]
    assert word_level_alpha(words, coders) == pytest.approx(0.125)
    # A different label on the shared word "two" is a disagreement too:
    # one (x, -), two (x, y), three (-, y), four (-, -): off-diagonal 6, n_x=2, n_y=2, n_-=4.
    # alpha = 1 - 7 * 6 / (64 - 4 - 4 - 16) = 1 - 42/40 = -0.05.
    coders = [[(Span(0, 7), "x")], [(Span(4, 13), "y")]]
    assert word_level_alpha(words, coders) == pytest.approx(-0.05)
    assert word_level_alpha(words, [[(Span(0, 7), "x")]] * 3) == 1.0
    assert word_level_alpha(words, [[(Span(0, 7), "x")]]) is None  # one coder


# --------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------


def test_perfect_submission_scores_100(tmp_path, article, key):
    write(tmp_path, "ana.json", submission(article, "ana", perfect(article, key)))
    subs, rejected = collect_submissions(tmp_path, article)
    assert rejected == []
    [g] = grade_all(article, key, subs)
    assert list(g.exercises) == ["sources", "quotes"]
    assert len(g.exercises["quotes"].results) == 21
    assert len(g.exercises["sources"].results) == 34
    assert (g.precision(), g.recall(), g.f1()) == (1.0, 1.0, 1.0)
    # Quotes with a speaker: 4 direct + 5 partial (the headline's partial quote is one).
    assert g.speakers == (9, 9)
    assert g.labels == (55, 55)
    assert g.score == 100.0
    assert all(item_status(r) == "found" for r in g.results)


def test_one_quote_and_its_speaker(tmp_path, article, key):
    tags = [tag(article, "s1", BLINKEN_SAID, "speaker"),
            tag(article, "q1", DIRECT, "direct", link="s1")]
    write(tmp_path, "ben.json", submission(article, "ben", {"quotes": tags}))
    subs, _ = collect_submissions(tmp_path, article)
    [g] = grade_all(article, key, subs)
    assert list(g.exercises) == ["quotes"]
    # Two right answers found exactly out of 21; both tags are right.
    assert g.recall() == pytest.approx(2 / 21)
    assert g.precision() == 1.0
    assert g.f1() == pytest.approx(4 / 23)
    assert g.speakers == (1, 1) and g.labels == (2, 2)
    # 60 * 4/23 + 20 + 20 = 50.43…
    assert g.score == 50.4
    direct = next(r for r in g.exercises["quotes"].results if r.gold.span == DIRECT)
    assert explain_item(article, "quotes", direct) == (
        # Paragraph 5 of the body: the 'Watch |' promo and the subheading are not paragraphs.
        "You found this direct quote in paragraph 5: “We have seen over the last week the very "
        "positive development of host…”. You linked it to the right speaker (Antony Blinken)."
    )


def test_partial_overlap_earns_partial_credit(tmp_path, article, key):
    short = "We have seen over the last week the very positive development of hostages coming home"
    whole = ("We have seen over the last week the very positive development of hostages coming "
             "home, being reunited with their families")  # the key's span, comma trimmed
    span = article.span(short)
    assert span.start == DIRECT.start
    write(tmp_path, "cy.json", submission(article, "cy", {"quotes": [
        tag(article, "q1", span, "direct")]}))
    [g] = grade_all(article, key, collect_submissions(tmp_path, article)[0])
    [r] = [r for r in g.exercises["quotes"].results if r.tag is not None]
    assert r.overlap == round(len(short) / len(whole), 4) == 0.7025
    assert item_status(r) == "partly found"
    assert r.speaker_ok is False  # not linked
    assert g.recall() == pytest.approx(0.7025 / 21)
    assert g.precision() == pytest.approx(0.7025)
    assert "covers only part of it (70% overlap)" in explain_item(article, "quotes", r)
    assert "You did not link it to its speaker (Antony Blinken)." in explain_item(
        article, "quotes", r)


def test_wrong_label_and_wrong_speaker(tmp_path, article, key):
    tags = [tag(article, "s1", HERZOG, "speaker"),
            tag(article, "q1", DIRECT, "partial", link="s1"),
            tag(article, "q2", Span(1638, 1755), "direct", link="s1")]
    write(tmp_path, "dee.json", submission(article, "dee", {"quotes": tags}))
    [g] = grade_all(article, key, collect_submissions(tmp_path, article)[0])
    by_span = {r.gold.span: r for r in g.exercises["quotes"].results}
    assert item_status(by_span[DIRECT]) == "wrong label"
    assert item_status(by_span[Span(1638, 1755)]) == "found"
    assert by_span[Span(1638, 1755)].speaker_ok is False
    assert g.labels == (1, 2)  # the Herzog speaker tag matched no right answer
    assert g.speakers == (0, 1)
    assert "as partial quote, but it is a direct quote" in explain_item(
        article, "quotes", by_span[DIRECT])
    assert "linked to the wrong person: the article credits Antony Blinken" in explain_item(
        article, "quotes", by_span[Span(1638, 1755)])
    # The Herzog tag is an extra: it counts against precision (3 tags, 2 half-right answers).
    assert g.precision() == pytest.approx(2 / 3)


def test_exercise_not_handed_in_counts_as_missed(tmp_path, article, key):
    write(tmp_path, "a.json", submission(article, "a", perfect(article, key)))
    write(tmp_path, "b.json", submission(article, "b", {"quotes": perfect(article, key)["quotes"]}))
    grades = {g.student: g for g in grade_all(article, key,
                                              collect_submissions(tmp_path, article)[0])}
    b = grades["b"]
    assert b.recall("sources") == 0.0 and b.recall("quotes") == 1.0
    assert b.recall() == pytest.approx(21 / 55)
    assert b.f1("sources") == 0.0


# --------------------------------------------------------------------------------------
# Bad submissions
# --------------------------------------------------------------------------------------


def bad_class(folder: Path, article: Article, key: GradingKey) -> None:
    good = submission(article, "good", perfect(article, key))
    write(folder, "good.json", good)
    write(folder, "malformed.json", '{"format": "medialit-submission/1", "student": ')
    write(folder, "empty.json", "")
    other = copy.deepcopy(good) | {"student": "olga", "article": "another-article"}
    write(folder, "other-article.json", other)
    edited = copy.deepcopy(good) | {"student": "ed", "text_sha256": "0" * 64}
    write(folder, "other-text.json", edited)
    out_of_range = copy.deepcopy(good) | {"student": "oor"}
    out_of_range["exercises"]["quotes"]["tags"][0].update(start=2500, end=2600)
    write(folder, "out-of-range.json", out_of_range)
    mismatch = copy.deepcopy(good) | {"student": "mm"}
    mismatch["exercises"]["quotes"]["tags"][0]["text"] = "Netanyahu"
    write(folder, "mismatch.json", mismatch)
    twice_old = submission(article, "twice", {"quotes": []}, exported="2026-01-09T09:00:00+00:00")
    twice_new = submission(article, "twice", perfect(article, key))
    write(folder, "twice-1.json", twice_new)
    write(folder / "resubmitted", "twice-0.json", twice_old)
    dup = submission(article, "dup", {"quotes": [
        tag(article, "q1", DIRECT, "direct"), tag(article, "q2", DIRECT, "direct")]})
    write(folder, "dup.json", dup)
    traversal = copy.deepcopy(good) | {"student": "../../../tmp/evil"}
    write(folder, "..%2F..%2Fevil.json", traversal)
    write(folder, "=HYPERLINK(1).json", "not json")
    with open(folder / "huge.json", "wb") as f:  # 50 MB, sparse: cheap to make
        f.truncate(50 * 1024 * 1024)
    (folder / "link.json").symlink_to(folder / "good.json")
    write(folder, "notes.txt", "not a submission, ignored")


def test_bad_submissions_are_listed_and_the_rest_graded(tmp_path, article, key):
    subs_dir = tmp_path / "in"
    bad_class(subs_dir, article, key)
    subs, rejected = collect_submissions(subs_dir, article)
    assert sorted(s.student for s in subs) == ["dup", "good", "twice"]
    reasons = {r.path.relative_to(subs_dir).as_posix(): r.reason for r in rejected}
    assert reasons == {
        "..%2F..%2Fevil.json": "the student name '../../../tmp/evil' is not a plain name (only "
        "letters, digits, '.', '_' and '-' are allowed; no slashes or '..')",
        "=HYPERLINK(1).json": "is not valid JSON (line 1: Expecting value)",
        "empty.json": "the file is empty",
        "huge.json": "the file is too large (52,428,800 bytes; the limit is 2,000,000)",
        "link.json": "is a link; hand in the file itself",
        "malformed.json": "is not valid JSON (line 1: Expecting value)",
        "mismatch.json": "exercise 'quotes', tag 1: its text 'Netanyahu' does not match the "
        "article at [73, 80]",
        "other-article.json": "is work on a different article ('another-article', not "
        "'gaza-truce-blinken')",
        "other-text.json": "is work on a different version of the article text (text_sha256 "
        "differs)",
        "out-of-range.json": "exercise 'quotes', tag 1: offsets [2500, 2600] are out of range "
        "(the article has 2512 characters)",
        "resubmitted/twice-0.json": "duplicate: twice also handed in twice-1.json (exported "
        "2026-01-10T09:00:00+00:00), which was graded",
    }
    dup = next(s for s in subs if s.student == "dup")
    assert len(dup.tags["quotes"]) == 1
    assert dup.warnings == ["duplicate tag 'direct' on 'We have seen over the last week the very' "
                            "in exercise 'quotes' was counted once"]


def test_reports_stay_inside_the_report_folder(tmp_path, article, key):
    subs_dir = tmp_path / "in"
    bad_class(subs_dir, article, key)
    out = tmp_path / "reports"
    before = set(tmp_path.parent.iterdir())
    result = grade_folder(subs_dir, article, key)
    write_reports(result, out)
    assert set(tmp_path.parent.iterdir()) == before
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["feedback/dup.html", "feedback/good.html", "feedback/twice.html",
                     "gradebook.csv", "index.html", "not-graded.csv"]
    rows = list(csv.DictReader((out / "gradebook.csv").open(encoding="utf-8")))
    assert [(r["student"], r["score"]) for r in rows] == [
        ("dup", "22.1"), ("good", "100.0"), ("twice", "100.0")]
    # dup: 1 of 55 right answers, its one tag right: F1 = 2/56; speaker 0 of 1, labels 1 of 1.
    # Score = 60 * 2/56 + 20 * 0 + 20 * 1 = 22.14.
    assert rows[0]["notes"].startswith("duplicate tag 'direct'")
    not_graded = list(csv.DictReader((out / "not-graded.csv").open(encoding="utf-8")))
    assert len(not_graded) == 11
    # A file name that looks like a spreadsheet formula is written as text.
    assert "'=HYPERLINK(1).json" in [r["file"] for r in not_graded]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "../../../tmp/evil" in index  # listed (escaped) with its reason
    assert index.count("data:image/png;base64,") == 2
    assert not re.search(r"(src|href)=\"(https?:|//)", index)  # works offline
    assert not Path("/tmp/evil").exists()


def test_html_escapes_article_and_tag_text(tmp_path):
    text = ("A <script>alert('x')</script> headline\n\n"
            "\"We <b>will</b> act,\" said Dr <i>Ray</i> & co.\n")
    art = Article.from_text(text, "escape-test")
    q = art.span("We <b>will</b> act,")
    sp = art.span("Ray")
    raw = {"format": "medialit-key/1", "article": "escape-test", "quotes": [{
        "text": art[q], "start": q.start, "end": q.end, "kind": "direct",
        "speaker": "<i>Ray</i>", "speaker_spans": [sp.as_list()], "cue": "said",
        "cue_span": art.span("said").as_list()}]}
    key = GradingKey(parse_key(raw, art))
    script = art.span("<script>alert('x')</script>")
    write(tmp_path / "in", "s.json", submission(art, "s", {"quotes": [
        tag(art, "q1", script, "direct")]}))
    result = grade_folder(tmp_path / "in", art, key)
    write_reports(result, tmp_path / "out")
    for page in ("feedback/s.html", "index.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert "<script>" not in html and "<b>will" not in html and "<i>Ray" not in html
    feedback = (tmp_path / "out" / "feedback/s.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in feedback
    assert "We &lt;b&gt;will&lt;/b&gt; act" in feedback


def test_class_summary_counts_and_most_missed(tmp_path, article, key):
    full = perfect(article, key)
    write(tmp_path, "a.json", submission(article, "a", full))
    only_quotes = {"quotes": full["quotes"], "sources": []}
    write(tmp_path, "b.json", submission(article, "b", only_quotes))
    result = grade_folder(tmp_path, article, key)
    missed = dict(most_missed(result))
    assert missed["source: Reuters"] == 0.5  # b missed it, a found it
    [direct] = [k for k in missed if k.startswith("direct quote: We have seen")]
    assert missed[direct] == 0.0
    assert result.agreement["quotes"] == 1.0
    assert result.agreement["sources"] < 0.5


def test_draft_key_is_flagged(tmp_path, article):
    raw = json.loads(FROZEN_KEY.read_text("utf-8"))
    raw["draft"] = True
    key_file = tmp_path / "draft.key.json"
    key_file.write_text(json.dumps(raw), encoding="utf-8")
    key = read_grading_key(article, key_file)
    assert key.draft
    write(tmp_path / "in", "a.json", submission(article, "a", {"quotes": []}))
    write_reports(grade_folder(tmp_path / "in", article, key), tmp_path / "out")
    assert "still a <strong>draft</strong>" in (tmp_path / "out/index.html").read_text("utf-8")


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def test_grade_command(tmp_path, article, key, capsys):
    write(tmp_path / "in", "a.json", submission(article, "a", perfect(article, key)))
    write(tmp_path / "in", "bad.json", "{")
    assert main(["grade", str(tmp_path / "in"), "--article", SLUG, "--out",
                 str(tmp_path / "out"), "--key", str(FROZEN_KEY), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["graded"] == [{"student": "a", "score": 100.0}]
    assert out["not_graded"] == [{"file": str(tmp_path / "in" / "bad.json"),
                                  "reason": "is not valid JSON (line 1: Expecting property name "
                                  "enclosed in double quotes)"}]
    assert (tmp_path / "out" / "feedback" / "a.html").exists()


def test_grade_command_errors(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "nowhere"), "--article", SLUG, "--out",
                 str(tmp_path / "out")]) == 2
    assert "is not a folder of submissions" in capsys.readouterr().err
    (tmp_path / "in").mkdir()
    assert main(["grade", str(tmp_path / "in"), "--article", "no-such-article", "--out",
                 str(tmp_path / "out")]) == 2
    assert "no-such-article" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert os.listdir(tmp_path) == ["in"]
