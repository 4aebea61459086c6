"""The hand-made development and held-out sets, and the metrics of benchmarks/accuracy.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from medialit import load_article
from medialit.article import Span
from medialit.results import Quote, Source

ROOT = Path(__file__).resolve().parent.parent
SET_DIRS = [ROOT / "articles" / "devset", ROOT / "articles" / "heldout"]
KEYS = sorted(p for d in SET_DIRS for p in d.glob("*.key.json"))


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


tools = _module("devset_tools")
accuracy = _module("accuracy")


def test_set_sizes() -> None:
    dev = list((ROOT / "articles" / "devset").glob("*.key.json"))
    held = list((ROOT / "articles" / "heldout").glob("*.key.json"))
    assert len(dev) >= 20
    assert len(held) >= 15
    for d in SET_DIRS:
        assert (d / "SOURCES.md").exists()
        assert len(list(d.glob("*.txt"))) == len(list(d.glob("*.key.json")))


@pytest.mark.parametrize("key_path", KEYS, ids=lambda p: p.name.removesuffix(".key.json"))
def test_key_matches_its_article(key_path: Path) -> None:
    slug = key_path.name.removesuffix(".key.json")
    article = load_article(key_path.with_name(f"{slug}.txt"))  # metadata is checked too
    key = json.loads(key_path.read_text(encoding="utf-8"))
    text = article.text
    assert key["article"] == slug == article.slug
    assert key["text_sha256"] == tools.text_sha256(text)
    assert tools.check_key(key, text) == []
    assert key["quotes"], "every set article has at least one quote"
    names = {s["name"] for s in key["sources"]}
    for q in key["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["kind"] in ("direct", "partial", "scare", "paraphrase")
        if q["kind"] == "scare":
            assert q["speaker"] is None
        if q["speaker"] is not None:
            assert q["speaker"] in names
        for a, b in q["speaker_spans"]:
            assert 0 <= a < b <= len(text)
    for s in key["sources"]:
        assert s["type"] in ("person", "organisation", "anonymous", "document", "media")
        assert s["use"] in ("quoted", "paraphrased", "mentioned")
        assert s["mentions"] == sorted(s["mentions"])
        assert len({tuple(m) for m in s["mentions"]}) == len(s["mentions"])
    spans = [(q["start"], q["end"]) for q in key["quotes"]]
    assert len(spans) == len(set(spans))


def test_keys_are_up_to_date_with_annotations() -> None:
    for annot in tools.annotation_paths([]):
        slug = annot.name.removesuffix(".annot.toml")
        text = annot.with_name(f"{slug}.txt").read_text(encoding="utf-8")
        with annot.open("rb") as f:
            built = tools.build_key(text, slug, tools.tomllib.load(f))
        stored = json.loads(annot.with_name(f"{slug}.key.json").read_text(encoding="utf-8"))
        assert built == stored, f"{slug}: run benchmarks/devset_tools.py build"


def test_known_annotations_of_one_article() -> None:
    key = json.loads((ROOT / "articles/devset/wn-streatham-attack.key.json").read_text())
    text = load_article(ROOT / "articles/devset/wn-streatham-attack.txt").text
    by_text = {q["text"]: q for q in key["quotes"]}
    first = by_text["Terrorists seek to divide us and to destroy our way of life,"]
    second = by_text["here in London we will never let them succeed."]
    assert first["speaker"] == second["speaker"] == "Sadiq Khan"
    assert first["cue_span"] == second["cue_span"]
    assert text[slice(*first["cue_span"])] == "said"
    assert by_text["kuffar"]["kind"] == "scare" and by_text["kuffar"]["speaker"] is None
    khan = next(s for s in key["sources"] if s["name"] == "Sadiq Khan")
    assert khan["use"] == "quoted"
    assert [text[a:b] for a, b in khan["mentions"]] == ["Sadiq Khan", "Sadiq Khan", "Khan"]


def test_locate() -> None:
    text = 'He said, "We go." She said, "We stay."'
    assert tools.locate(text, '"[[We stay.]]"') == (29, 37)
    assert tools.locate(text, ["[[said]]", 2]) == (22, 26)
    bracketed = 'It is "incurable[.]" now.'
    assert tools.locate(bracketed, '"[[incurable[.]]]"') == (7, 19)  # the last ]] closes
    with pytest.raises(tools.AnnotationError, match="occurs 2 times"):
        tools.locate(text, "said")
    with pytest.raises(tools.AnnotationError, match="not found"):
        tools.locate(text, "shouted")


def test_build_key_rejects_inconsistent_use() -> None:
    text = 'Ann Lee said "yes".'
    annot = {
        "quote": [{"at": '"[[yes]]"', "kind": "partial", "speaker": "Ann Lee",
                   "speaker_at": ["Ann Lee"]}],
        "source": [{"name": "Ann Lee", "type": "person", "use": "mentioned"}],
    }
    with pytest.raises(tools.AnnotationError, match="its quotes make it 'quoted'"):
        tools.build_key(text, "t", annot)
    annot["source"][0]["use"] = "quoted"
    key = tools.build_key(text, "t", annot)
    assert key["sources"][0]["mentions"] == [[0, 7]]
    assert key["quotes"][0]["text"] == "yes"


# ----------------------------------------------------------------------------------------
# Metrics
# ----------------------------------------------------------------------------------------


def test_jaccard_and_threshold() -> None:
    a = frozenset(range(10))
    assert accuracy.jaccard(a, frozenset(range(8))) == 0.8
    assert accuracy.jaccard(a, frozenset(range(5, 15))) == pytest.approx(5 / 15)
    pairs = accuracy.greedy_match([a], [frozenset(range(8))])
    assert pairs == [(0, 0, 0.8)]
    assert accuracy.greedy_match([a], [frozenset(range(7))]) == []


def test_greedy_matching_is_one_to_one_best_first() -> None:
    gold = [frozenset(range(10)), frozenset(range(10, 20))]
    pred = [frozenset(range(9)), frozenset(range(10)), frozenset(range(10, 19))]
    # pred 1 equals gold 0 exactly and wins it; pred 0 is left over.
    assert accuracy.greedy_match(gold, pred) == [(0, 1, 1.0), (1, 2, 0.9)]


def test_counts_precision_recall_f1() -> None:
    c = accuracy.Counts(tp=3, fp=1, fn=2)
    assert c.precision == 0.75
    assert c.recall == 0.6
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert accuracy.Counts().precision is None
    assert accuracy.Counts(tp=0, fp=2, fn=1).f1 == 0.0


def test_name_matching() -> None:
    assert accuracy.normalise_name("Mr. Antony  Blinken") == "antony blinken"
    assert accuracy.same_name("Antony Blinken", "Blinken")
    assert accuracy.same_name("Secretary Antony Blinken", "antony blinken")
    assert accuracy.same_name("Dame Angela Eagle", "Angela Eagle")
    assert not accuracy.same_name("Antony Blinken", "Antony")
    assert not accuracy.same_name("Antony Blinken", None)
    assert accuracy.same_name(None, None)
    assert accuracy.same_name("Democratic United Party (DUP)", "Democratic United Party")
    assert not accuracy.same_name("Democratic United Party (DUP)", "DUP (party)")
    # A surname shared by two sources in the key is ambiguous.
    assert not accuracy.same_name("Boris Johnson", "Johnson", ["Boris Johnson", "Jo Johnson"])
    assert accuracy.same_name("Taoiseach Leo Varadkar", "Leo Varadkar")
    assert accuracy.same_name("Sixto Brillantes Jr", "Sixto Brillantes")
    assert accuracy.same_name("Martin Luther King Jr.", "Martin Luther King")
    assert not accuracy.same_name("Henry VIII", "Henry")  # a regnal number is no suffix
    assert accuracy.same_name("Judge Ann Lee", "Lee")
    assert accuracy.match_names(["Boris Johnson", "Sadiq Khan"], ["Khan", "BBC"]) == (
        accuracy.Counts(tp=1, fp=1, fn=1)
    )


def test_score_article_on_a_small_case() -> None:
    text = 'Ann Lee said "we will win the final game" and Bo Park said the team was "tired".'
    key = {
        "quotes": [
            {"start": 14, "end": 40, "kind": "direct", "speaker": "Ann Lee"},
            {"start": 73, "end": 78, "kind": "partial", "speaker": "Bo Park"},
            {"start": 60, "end": 79, "kind": "paraphrase", "speaker": "Bo Park"},
        ],
        "sources": [{"name": "Ann Lee", "use": "quoted"}, {"name": "Bo Park", "use": "quoted"}],
    }
    assert text[14:40] == "we will win the final game"
    quotes = [
        Quote(Span(14, 40), "direct", speaker="Lee"),        # right, surname only
        Quote(Span(73, 78), "partial", speaker="Ann Lee"),   # right span, wrong speaker
        Quote(Span(0, 7), "scare"),                          # not in the key
    ]
    sources = [Source("Ann Lee", "person", "quoted", (Span(0, 7),))]
    s = accuracy.score_article("t", text, key, quotes, sources)
    assert s.quotes["all quotes"] == accuracy.Counts(tp=2, fp=1, fn=1)
    assert s.quotes["direct+partial"] == accuracy.Counts(tp=2, fp=0, fn=0)
    assert s.quotes["paraphrase"] == accuracy.Counts(tp=0, fp=0, fn=1)
    assert s.quotes["scare"] == accuracy.Counts(tp=0, fp=1, fn=0)
    assert (s.speakers.correct, s.speakers.total) == (1, 2)
    assert s.sources == accuracy.Counts(tp=1, fp=0, fn=1)


def test_regex_baseline_on_a_set_article() -> None:
    article = load_article(ROOT / "articles/devset/ap-rumsfeld-briefing.txt")
    report = accuracy.regex_baseline(article)
    texts = [article[q.span] for q in report.quotes]
    assert texts[0] == "we do know he no longer runs much of Iraq."
    assert texts[1] == "The circle is closing, their options are running out,"
    assert [q.kind for q in report.quotes][:2] == ["partial", "direct"]
    assert all(q.speaker is None for q in report.quotes)


def test_accuracy_script_runs_on_the_sets(capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--baseline", "regex", "--set", "devset", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    dev = figures["sets"]["devset"]
    keys = [json.loads(p.read_text(encoding="utf-8"))
            for p in (ROOT / "articles" / "devset").glob("*.key.json")]
    assert dev["articles"] == len(keys) >= 20
    dp = dev["quotes"]["direct+partial"]
    assert dp["tp"] + dp["fn"] == sum(q["kind"] in ("direct", "partial")
                                      for k in keys for q in k["quotes"])
    assert dev["quotes"]["paraphrase"]["tp"] == 0


def test_errors_are_listed_for_the_dev_set_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        accuracy.main(["--errors", "--set", "heldout"])
    assert "development-set errors only" in capsys.readouterr().err
    assert accuracy.main(["--errors", "--set", "devset", "--baseline", "regex"]) == 0
    out = capsys.readouterr().out
    assert "MISSED   paraphrase" in out and "heldout" not in out


def test_a_key_read_as_a_report_agrees_with_itself_and_a_changed_one_does_not() -> None:
    slug = "wn-pelosi-speaker"
    article = load_article(ROOT / "articles" / "devset" / f"{slug}.txt")
    key = json.loads((ROOT / "articles" / "devset" / f"{slug}.key.json").read_text("utf-8"))
    same = accuracy.key_report(article, key)
    s = accuracy.score_article(slug, article.text, key, same.quotes, same.sources)
    assert s.quotes["all quotes"].f1 == 1.0 and s.speakers.value == 1.0
    assert s.cited_sources.f1 == 1.0
    other = json.loads(json.dumps(key))
    other["quotes"][0]["speaker"] = "Nobody Else"
    del other["quotes"][-1]
    changed = accuracy.key_report(article, other)
    s2 = accuracy.score_article(slug, article.text, key, changed.quotes, changed.sources)
    assert s2.quotes["all quotes"].fn == 1 and s2.speakers.value < 1.0


@pytest.mark.parametrize("set_dir", SET_DIRS, ids=lambda d: d.name)
def test_second_annotations_are_of_articles_of_their_set(set_dir: Path) -> None:
    for path in sorted((set_dir / "second").glob("*.key.json")):
        slug = path.name.removesuffix(".key.json")
        first = json.loads((set_dir / f"{slug}.key.json").read_text("utf-8"))
        assert json.loads(path.read_text("utf-8"))["text_sha256"] == first["text_sha256"], slug
        assert not (set_dir / "second" / f"{slug}.txt").exists()  # one copy of each text


def test_a_batch_list_names_development_articles_only() -> None:
    # articles/devset/batches/*.txt list the slugs of a batch; accuracy.py --only scores them
    for path in sorted((ROOT / "articles" / "devset" / "batches").glob("*.txt")):
        slugs = accuracy.read_slugs(path)
        assert slugs, path
        chosen = accuracy.articles_of("devset", slugs)
        assert {p.name.removesuffix(".txt") for _, p, _ in chosen} == slugs, path
