"""Tests for medialit.tracing: the seed article against its related sources, and short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.article import Article, Span, load_article
from medialit.errors import ArticleError
from medialit.results import Quote
from medialit.tracing import (
    MATCH_KINDS,
    Passage,
    RelatedSource,
    has_related,
    load_related,
    load_source,
    load_sources,
    trace,
    trace_quotes,
    trace_sources,
)

BLINKEN = "Antony Blinken"
MILLER = "Matthew Miller"


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article("gaza-truce-blinken")


@pytest.fixture(scope="module")
def sources(seed: Article) -> list[RelatedSource]:
    return load_related(seed)


def _q(article: Article, needle: str, kind: str, speaker: str | None, cue: str | None = None,
       cue_needle: str | None = None, after: int = 0) -> Quote:
    span = article.span(needle, after=after)
    cue_span = article.span(cue_needle) if cue_needle else None
    return Quote(span=span, kind=kind, speaker=speaker, cue=cue, cue_span=cue_span)


@pytest.fixture(scope="module")
def seed_quotes(seed: Article) -> dict[str, Quote]:
    """The seed's quotes, built by hand with their exact offsets."""
    a = seed
    qs = {
        "headline": _q(a, "producing results", "partial", BLINKEN, "says", "says Blinken"),
        "lede": _q(a, "producing results", "partial", BLINKEN, "told", "told Israeli", after=600),
        "imperative": _q(a, "imperative", "partial", BLINKEN, "said", "He said"),
        "subheading": _q(a, "process is producing results", "partial", BLINKEN),
        "we-have-seen": _q(a, "We have seen over the last week the very positive development of "
                              "hostages coming home, being reunited with their families,",
                           "direct", BLINKEN, "said", "said in his meeting"),
        "enabled": _q(a, "It's also enabled an increase in humanitarian assistance to go to "
                         "innocent civilians in Gaza who need it desperately.",
                      "direct", BLINKEN, "said", "said in his meeting"),
        "so-this": _q(a, "So this process is producing results. It's important, and we hope "
                         "that it can continue.", "direct", BLINKEN, "said", "said in his meeting"),
        "measure": _q(a, "to take every possible measure to avoid civilian harm", "partial",
                      MILLER, "said in a statement", "said in a statement"),
        "stressed": _q(a, "The secretary stressed the imperative", "direct", MILLER, "added",
                       "he added"),
    }
    s = qs["stressed"].span
    qs["stressed"] = Quote(Span(s.start, a.text.index("West Bank,\"", s.start) + 10), "direct",
                           MILLER, cue="added", cue_span=a.span("he added"))
    return qs


def _pairs(matches, quote: Quote) -> dict[tuple[str, int], str]:
    return {(m.source_id, m.passage): m.kind for m in matches if m.article_span == quote.span}


def test_seed_quote_offsets(seed, seed_quotes):
    spans = {k: q.span.as_list() for k, q in seed_quotes.items()}
    assert spans == {
        "headline": [48, 65], "lede": [647, 664], "imperative": [814, 824],
        "subheading": [1439, 1467], "we-have-seen": [1471, 1593], "enabled": [1638, 1755],
        "so-this": [1758, 1845], "measure": [2145, 2198], "stressed": [2203, 2472],
    }


def test_related_sources_of_the_seed(sources):
    assert [s.id for s in sources] == [
        "bbc-via-rediff", "i24news", "state-dept-herzog-transcript", "state-dept-readout-via-lbc",
        "times-of-israel", "afp-via-nna", "blinken-x-post-via-ani",
        "state-dept-press-availability", "blinken-gallant-remarks-yahoo",
    ]
    by_id = {s.id: s for s in sources}
    assert {s.kind for s in sources} == {"primary transcript", "official readout",
                                         "outlet report", "social post"}
    assert all(s.url and s.url.startswith("https://") and s.licence for s in sources)
    lbc = by_id["state-dept-readout-via-lbc"]
    assert lbc.via == "as quoted by LBC Group" and lbc.speaker == MILLER
    assert lbc.passages[2].text == (
        'a Palestinian state "living in peace, freedom, and security alongside Israel."')
    # Segments: the words in quotation marks, and the source's own words around them.
    bbc = by_id["bbc-via-rediff"].passages[0]
    (q_span, quoted), (narr, own) = bbc.segments
    assert quoted and not own
    assert q_span.text(bbc.text).endswith("being reunited with their families,")
    assert narr.text(bbc.text).strip() == "Blinken said during the meeting, says the BBC."
    afp = by_id["afp-via-nna"].passages[0]
    assert [s.text(afp.text) for s, q in afp.segments if q] == ["imperative"]


def test_seed_quotes_classified(seed, sources, seed_quotes):
    m = trace_quotes(seed, sources, quotes=list(seed_quotes.values()))
    q = seed_quotes
    assert _pairs(m, q["headline"]) == {("bbc-via-rediff", 1): "trimmed"}
    assert _pairs(m, q["lede"]) == {("bbc-via-rediff", 1): "context-changed"}
    assert _pairs(m, q["imperative"]) == {
        ("afp-via-nna", 0): "exact",
        ("state-dept-readout-via-lbc", 1): "reattributed",
        ("times-of-israel", 0): "reattributed",
    }
    assert _pairs(m, q["subheading"]) == {("bbc-via-rediff", 1): "trimmed"}
    assert _pairs(m, q["we-have-seen"]) == {("bbc-via-rediff", 0): "exact",
                                            ("i24news", 0): "altered"}
    assert _pairs(m, q["enabled"]) == {("bbc-via-rediff", 1): "exact", ("i24news", 0): "altered"}
    assert _pairs(m, q["so-this"]) == {("bbc-via-rediff", 1): "exact"}
    assert _pairs(m, q["measure"]) == {("times-of-israel", 0): "trimmed"}
    assert _pairs(m, q["stressed"]) == {
        ("afp-via-nna", 0): "paraphrase",
        ("state-dept-readout-via-lbc", 1): "exact",
        ("times-of-israel", 0): "exact",
    }


def test_seed_match_details(seed, sources, seed_quotes):
    m = trace_quotes(seed, sources, quotes=list(seed_quotes.values()))
    by = {(x.article_span, x.source_id): x for x in m}
    texts = {s.id: s for s in sources}

    lede = by[(seed_quotes["lede"].span, "bbc-via-rediff")]
    assert lede.rule == "trace.context-changed"
    assert lede.changes == ("context-changed", "trimmed")
    p = texts["bbc-via-rediff"].passages[1].text
    assert lede.passage_span.text(p) == "producing results"
    assert lede.passage_span == Span(p.index("producing results"), p.index("producing results")
                                     + len("producing results"))
    assert "told Israeli soldiers" in lede.explanation
    assert "meeting with Israeli President Isaac Herzog" in lede.explanation

    imp = by[(seed_quotes["imperative"].span, "state-dept-readout-via-lbc")]
    assert imp.changes == ("reattributed", "trimmed")
    assert imp.passage_span.text(texts["state-dept-readout-via-lbc"].passages[1].text) == (
        "imperative")
    assert imp.explanation == (
        "In US Department of State (as quoted by LBC Group) these words are Matthew Miller's "
        "description of what Antony Blinken did; the article presents them as Antony Blinken's "
        "own words.")

    alt = by[(seed_quotes["we-have-seen"].span, "i24news")]
    assert alt.score == pytest.approx(8 / 20)
    assert "only 8 of the article's 20 words appear in the same order" in alt.explanation
    exact = by[(seed_quotes["we-have-seen"].span, "bbc-via-rediff")]
    assert exact.score == 1.0 and exact.passage_span == Span(1, 122)  # words, not the comma

    shorter = by[(seed_quotes["stressed"].span, "times-of-israel")]
    assert "shorter part" in shorter.explanation
    assert all(x.explanation.endswith(".") and x.kind in MATCH_KINDS for x in m)


def test_seed_reverse_left_out_and_dropped_qualifier(seed, sources, seed_quotes):
    rev = trace_sources(seed, sources, quotes=list(seed_quotes.values()))
    got = {(x.source_id, x.passage, x.kind) for x in rev}
    assert got == {
        ("state-dept-readout-via-lbc", 0, "paraphrase"),
        ("state-dept-readout-via-lbc", 2, "left-out"),
        ("state-dept-herzog-transcript", 0, "left-out"),
        ("state-dept-herzog-transcript", 1, "left-out"),
        ("blinken-x-post-via-ani", 0, "paraphrase"),
        ("blinken-x-post-via-ani", 0, "left-out"),
        ("state-dept-press-availability", 0, "paraphrase"),
        ("blinken-gallant-remarks-yahoo", 0, "paraphrase"),
    }
    lbc = next(s for s in sources if s.id == "state-dept-readout-via-lbc")
    right = next(x for x in rev if x.source_id == lbc.id and x.passage == 0)
    assert seed[right.article_span] == "Israel's right to defend itself"
    assert right.article_span == Span(2060, 2091)
    ptext = lbc.passages[0].text
    assert right.passage_span.text(ptext) == "Israel's right to protect itself"
    assert [d.text(ptext) for d in right.dropped] == [
        "from terrorist violence in compliance with international humanitarian law"]
    assert right.changes == ("paraphrase", "qualifier-dropped")
    state = next(x for x in rev if x.source_id == lbc.id and x.passage == 2)
    assert state.article_span is None and state.passage_span == Span(0, len(ptext := lbc.passages[
        2].text)) and "Palestinian state" in ptext
    post = next(x for x in rev if x.source_id == "blinken-x-post-via-ani" and x.kind == "left-out")
    ptext = next(s for s in sources if s.id == "blinken-x-post-via-ani").passages[0].text
    assert post.passage_span.text(ptext) == (
        "I am heartened to see another American included among the hostages released in Gaza.")
    pause = next(x for x in rev if x.source_id == "state-dept-press-availability")
    assert seed[pause.article_span] == "The pause in fighting is now in its seventh day"
    herzog = next(x for x in rev if x.source_id == "state-dept-herzog-transcript")
    assert herzog.explanation == (  # the speaker whose words are left out, not the publisher
        "No sentence in the article carries Isaac Herzog's words in US Department of State "
        "(its own transcript), or their main words.")


def test_trace_report_json(seed, sources, seed_quotes):
    r = trace(seed, sources, quotes=list(seed_quotes.values()))
    j = r.to_json()
    assert j["article"] == "gaza-truce-blinken"
    assert len(j["sources"]) == 9 and len(j["quotes"]) == 9
    lede = next(q for q in j["quotes"] if q["start"] == 647)
    assert lede["matches"][0]["kind"] == "context-changed"
    assert lede["matches"][0]["passage_text"] == "producing results"
    assert lede["matches"][0]["source"] == "bbc-via-rediff"
    dropped = [d for m in j["reverse"] for d in m["dropped"]]
    assert dropped[0]["text"].startswith("from terrorist violence")


# --- Short texts written for these tests, one per class -------------------------------------

def _src(text: str, speaker: str = "Ana Ruiz", subject: str | None = None,
         occasion: str | None = "speech to the city council", audience: str | None = "city council",
         sid: str = "council-transcript") -> RelatedSource:
    return RelatedSource(id=sid, outlet="City Hall", kind="primary transcript", via="its minutes",
                         passages=(Passage(text, speaker=speaker, subject=subject),),
                         occasion=occasion, audience=audience)


def _one(article_text: str, needle: str, source: RelatedSource, speaker: str = "Ana Ruiz",
         kind: str = "direct", cue_needle: str | None = None):
    a = Article.from_text(article_text, slug="t")
    q = Quote(a.span(needle), kind, speaker, cue_span=a.span(cue_needle) if cue_needle else None)
    return a, trace_quotes(a, [source], quotes=[q])


def test_exact_and_trimmed_on_own_text():
    src = _src("The new bridge will open in May. It will carry buses and bicycles.")
    _, m = _one('Mayor Ana Ruiz said: "The new bridge will open in May."',
                "The new bridge will open in May.", src)
    assert [(x.kind, x.passage_span, x.score) for x in m] == [("exact", Span(0, 31), 1.0)]
    _, m = _one("Ruiz said the bridge would 'carry buses' soon.", "carry buses", src,
                kind="partial")
    assert [(x.kind, x.passage_span) for x in m] == [("trimmed", Span(41, 52))]


def test_altered_on_own_text():
    src = _src('"We will open the new bridge to buses in May," Ruiz said.', sid="daily-report")
    _, m = _one('"The new bridge opens for buses in May, as we promised," Ruiz said.',
                "The new bridge opens for buses in May, as we promised,", src)
    assert [x.kind for x in m] == ["altered"]
    assert m[0].passage_span == Span(1, 45)
    assert "the words differ" in m[0].explanation


def test_paraphrase_in_quote_direction_on_own_text():
    # The gazette quotes Ruiz only for "was pleased"; the promise is in its own words.
    src2 = RelatedSource(
        id="gazette", outlet="Gazette", kind="outlet report", via="its report",
        passages=(Passage('Ruiz "was pleased": the mayor promised buses would use the new '
                          'bridge starting in May', speaker="Ana Ruiz"),))
    _, m = _one('"Buses will use the new bridge from May," Ruiz said.',
                "Buses will use the new bridge from May,", src2)
    assert [x.kind for x in m] == ["paraphrase"]
    assert m[0].explanation == "Gazette (its report) gives the same idea in its own words, not " \
                               "as a quote."


def test_reattributed_on_own_text():
    src = _src("The Mayor stressed the urgency of repairing the old bridge.", speaker="Li Chen",
               subject="Ana Ruiz", occasion="meeting with engineers", audience="engineers")
    a, m = _one('Ruiz said it was an "urgency" to repair the old bridge.', "urgency", src,
                kind="partial")
    assert [x.kind for x in m] == ["reattributed"]
    assert m[0].article_span == a.span("urgency")
    # Naming the spokesman or his statement in the same sentence credits the readout.
    _, m = _one('Ruiz\'s spokesman Li Chen said it was an "urgency" to repair the old bridge.',
                "urgency", src, kind="partial")
    assert [x.kind for x in m] == ["trimmed"]


def test_context_changed_on_own_text():
    src = _src("The new bridge will open in May.")
    _, m = _one('Ruiz told reporters that "the new bridge will open in May."',
                "the new bridge will open in May.", src, cue_needle="told")
    assert [x.kind for x in m] == ["context-changed"]
    assert m[0].changes == ("context-changed", "exact")
    assert "\u201ctold reporters\u201d" in m[0].explanation
    _, m = _one('Ruiz told the city council that "the new bridge will open in May."',
                "the new bridge will open in May.", src)
    assert [x.kind for x in m] == ["exact"]


def test_unrelated_passage_gives_no_match_and_is_left_out():
    src = _src("Taxes on parking will rise next year.")
    a, m = _one('"The new bridge will open in May," Ruiz said.',
                "The new bridge will open in May,", src)
    assert m == []
    rev = trace_sources(a, [src], quotes=[Quote(a.span("The new bridge will open in May,"),
                                                "direct", "Ana Ruiz")])
    assert [(x.kind, x.article_span, x.passage_span) for x in rev] == [
        ("left-out", None, Span(0, 37))]


def test_single_word_quote_needs_shared_context():
    src = _src("The plan is historic for the harbour district.")
    _, m = _one("Ruiz called the football result 'historic'.", "historic", src, kind="partial")
    assert m == []
    _, m = _one("Ruiz called the harbour plan 'historic'.", "historic", src, kind="partial")
    assert [x.kind for x in m] == ["trimmed"]


# --- Files ---------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = '''outlet = "City Hall"
kind = "primary transcript"
via = "its minutes"

[[passages]]
text = "The new bridge will open in May."
'''


def test_load_source_good_file(tmp_path):
    s = load_source(_write(tmp_path, "council.toml", GOOD))
    assert s.id == "council" and s.passages[0].text == "The new bridge will open in May."
    assert s.passages[0].line == 5


@pytest.mark.parametrize("text,line,problem", [
    (GOOD.replace('kind = "primary transcript"', 'kind = "blog"'), 2, "field 'kind' is 'blog'"),
    (GOOD.replace('via = "its minutes"', 'via = "its minutes"\nspeakr = "x"'), 4,
     "unknown field 'speakr'"),
    (GOOD.replace('text = "The', 'txt = "The'), 6, "passage 1: unknown field 'txt'"),
    (GOOD.replace('text = "The new bridge will open in May."', 'text = "  "'), 5,
     "passage 1 has no text"),
    (GOOD.replace('outlet = "City Hall"', 'outlet = "City Hall'), 1, "not valid TOML"),
    (GOOD.replace('via = "its minutes"', 'via = 3'), 3, "field 'via' should be text"),
    (GOOD.replace('via = "its minutes"\n', ''), None, "the field 'via' is missing"),
])
def test_load_source_bad_files_name_file_and_line(tmp_path, text, line, problem):
    p = _write(tmp_path, "council.toml", text)
    with pytest.raises(ArticleError) as e:
        load_source(p)
    assert e.value.path == str(p) and e.value.line == line
    assert problem in e.value.problem
    assert str(e.value).startswith(str(p))


def test_load_sources_folder_errors(tmp_path):
    with pytest.raises(ArticleError, match="no such folder"):
        load_sources(tmp_path / "missing")
    with pytest.raises(ArticleError, match="holds no related sources"):
        load_sources(tmp_path)
    _write(tmp_path, "a.toml", GOOD)
    _write(tmp_path, "notes.json", "{}")
    assert [s.id for s in load_sources(tmp_path)] == ["a"]
    _write(tmp_path, "b.toml", 'id = "a"\n' + GOOD)
    with pytest.raises(ArticleError, match="already used"):
        load_sources(tmp_path)


def test_meta_related_names_a_missing_file(tmp_path):
    _write(tmp_path, "t.txt", "Headline\n\nRuiz said the bridge will open.\n")
    _write(tmp_path, "t.meta.toml", 'related = ["council", "gone"]\n')
    (tmp_path / "t.related").mkdir()
    _write(tmp_path / "t.related", "council.toml", GOOD)
    a = load_article(tmp_path / "t.txt")
    with pytest.raises(ArticleError) as e:
        load_related(a)
    assert e.value.path == str(tmp_path / "t.meta.toml") and "'gone'" in e.value.problem



def test_has_related_only_with_a_folder_of_sources(tmp_path, seed):
    assert has_related(seed)
    _write(tmp_path, "t.txt", "Headline\n\nRuiz said the bridge will open.\n")
    a = load_article(tmp_path / "t.txt")
    assert not has_related(a)  # no folder
    (tmp_path / "t.related").mkdir()
    _write(tmp_path / "t.related", "trace-key.json", "{}")
    assert not has_related(a)  # a folder with no sources in it
    _write(tmp_path / "t.related", "council.toml", GOOD)
    assert has_related(a)
    assert not has_related(load_article(Path(__file__).parent.parent / "articles" / "devset"
                                        / "wn-soleimani-airstrike.txt"))


# --- Answer key, chart and widget ------------------------------------------------------

def test_travel_counts_and_trace_key(seed, sources, seed_quotes):
    from medialit.tracing import load_trace_key, travel_counts

    r = trace(seed, sources, quotes=list(seed_quotes.values()))
    counts = {seed[q.span]: c for q, c in travel_counts(r)}
    assert counts["imperative"] == {"exact": 1, "trimmed": 0, "altered": 0, "reattributed": 2,
                                    "context-changed": 0}
    key = load_trace_key(seed)
    assert [k.span.as_list() for k in key.quotes] == [[48, 65], [647, 664], [814, 824],
                                                      [1471, 1593]]
    lede = key.quotes[1]
    assert key.feedback(lede, {"words": "part of a longer quote", "speaker": "the speaker's own "
                                "words", "occasion": "different occasion or audience"}) == [
        "words: right.", "speaker: right.", "occasion: right."]
    lines = key.feedback(lede, {"occasion": "same occasion"})
    assert lines[:3] == ["words: not answered yet.", "speaker: not answered yet.",
                         "occasion: not quite: look again at the passages below."]
    assert lines[3].startswith("Hint: The article says Blinken 'told Israeli soldiers'")


def test_trace_key_with_wrong_text_names_the_file(tmp_path, seed):
    import json

    from medialit.tracing import load_trace_key

    key = json.loads((Path(seed.path).parent / "gaza-truce-blinken.related" / "trace-key.json")
                     .read_text(encoding="utf-8"))
    key["quotes"][0]["start"] += 1
    p = _write(tmp_path, "trace-key.json", json.dumps(key))
    with pytest.raises(ArticleError) as e:
        load_trace_key(seed, p)
    assert e.value.path == str(p)
    assert e.value.problem == "quote 1: the text at 49-65 is 'roducing results', not " \
                              "'producing results'"


def test_compare_html_escapes_and_marks_differences():
    from medialit.widgets.trace import compare_html

    left, right = compare_html('we <b>won</b> "today"', "we <i>lost</i> today")
    assert "<b>" not in left and "&lt;b&gt;" in left
    assert right == ('<span class="same">we</span> &lt;<span class="diff">i</span>&gt;'
                     '<span class="diff">lost</span>&lt;/<span class="diff">i</span>&gt; '
                     '<span class="same">today</span>')


def test_trace_recorder_saves_answers_and_checks(tmp_path, seed, sources, seed_quotes):
    from medialit.tracing import load_trace_key
    from medialit.widgets.trace import TraceRecorder, travel_chart
    from medialit.work import WorkStore

    r = trace(seed, sources, quotes=list(seed_quotes.values()))
    store = WorkStore(seed, "ana", root=tmp_path)
    w = TraceRecorder(r, load_trace_key(seed), store)
    assert repr(w) == "TraceRecorder(article='gaza-truce-blinken', quotes=4)"
    w.picker.value = 1
    assert "context-changed" in w.table.value and "told Israeli soldiers" in w.table.value
    assert 'href="https://news.rediff.com/' in w.table.value
    w.record(words="part of a longer quote", occasion="same occasion", note="soldiers?")
    saved = store.load("trace").answers
    assert saved == {"647-664": {"words": "part of a longer quote", "occasion": "same occasion",
                                 "note": "soldiers?"}}
    w.check.click()
    assert "occasion: not quite" in w.feedback.value and store.load("trace").attempts == 1
    w.picker.value = 0
    assert all(b.value is None for b in w.questions.values())
    w2 = TraceRecorder(r, load_trace_key(seed), WorkStore(seed, "ana", root=tmp_path))
    w2.picker.value = 1
    assert w2.questions["words"].value == "part of a longer quote" and w2.note.value == "soldiers?"
    fig = travel_chart(r)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][2] == "\u201cimperative\u201d"
    assert len(ax.patches) == 5 * 9


def test_trace_with_the_library_quotes(seed):
    """Without ``quotes=``, the article's quotes come from the attribution engine."""
    r = trace(seed)
    kinds = {(m.article_span.as_list()[0], m.source_id): m.kind for m in r.matches}
    assert kinds[(647, "bbc-via-rediff")] == "context-changed"
    assert kinds[(814, "state-dept-readout-via-lbc")] == "reattributed"
    assert kinds[(1471, "i24news")] == "altered"
    assert any(m.dropped for m in r.reverse)
