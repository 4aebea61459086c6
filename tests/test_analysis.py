"""``analyze``: one report with quotes, sources and framing findings."""

from __future__ import annotations

import importlib.util
import json

import medialit
from medialit import analyze
from medialit.article import Article
from medialit.keys import key_path
from medialit.results import Report


def test_analyze_seed_report_shape(seed):
    report = analyze(seed)
    assert isinstance(report, Report)
    data = report.to_json()
    assert list(data) == ["quotes", "sources", "findings"]
    assert list(data["quotes"][0]) == ["text", "start", "end", "speaker", "cue", "kind"]
    assert list(data["sources"][0]) == ["name", "type", "affiliation", "use", "mentions"]
    for q in data["quotes"]:
        assert seed.text[q["start"]:q["end"]] == q["text"]
    key = json.loads(key_path(seed).read_text(encoding="utf-8"))
    assert [(q["start"], q["end"], q["kind"]) for q in data["quotes"]] == [
        (q["start"], q["end"], q["kind"]) for q in key["quotes"]]
    assert json.loads(json.dumps(data)) == data


def test_analyze_is_exported_and_returns_framing_findings(seed):
    assert medialit.analyze is analyze
    report = analyze(seed)
    if importlib.util.find_spec("medialit.framing") is None:
        assert report.findings == ()
    else:
        for f in report.findings:
            assert f.rule and f.message and f.spans
            for s in f.spans:
                assert 0 <= s.start < s.end <= len(seed.text)


def test_analyze_plain_text_without_parts_to_find():
    report = analyze(Article.from_text("no quotes here, just words"))
    assert report.quotes == () and report.sources == ()


def test_an_analysed_article_is_not_kept_alive():
    # the text index is kept on the article, not in a table that would hold every article
    # ever analysed (memory grew by about 14 kB an article before)
    import gc
    import weakref

    article = Article.from_text("Talks\n\nJane Doe said the plan would cut costs.")
    analyze(article)
    ref = weakref.ref(article)
    del article
    gc.collect()
    assert ref() is None
