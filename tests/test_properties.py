"""Property-based tests: any text, however odd, gives spans that lie inside it and
report exactly the characters they cover."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import analyze
from medialit.article import Article, split_sentences
from medialit.attribution import scan_quotes

QUOTE_HEAVY = st.lists(
    st.sampled_from(list("\"'“”‘’«» \n.,:;—abcHeSaid") + ["said", " he ", "Smith", "told "]),
    max_size=200,
).map("".join)
ANY_TEXT = st.text(max_size=400)
NEWSY = st.lists(
    st.sampled_from([
        "Headline words\n\n", "\"We will win,\" he said. ", "'Partial' words ", "“curly ",
        "” closes ", "officials said ", "Jane Doe, a nurse, said ", "according to the UN, ",
        "\n\n\"Run on\n\n", "students' union ", "it's ", "Mr Doe ", "(AP) — ", "\u00a0",
        "WASHINGTON (AP) — ", "Photograph:(Reuters)\n", "(With inputs from agencies)\n",
    ]),
    max_size=40,
).map("".join)

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    article = Article.from_text(text)
    report = analyze(article)
    n = len(text)
    data = report.to_json()
    for q, qj in zip(report.quotes, data["quotes"], strict=True):
        assert 0 <= q.span.start <= q.span.end <= n
        assert qj["text"] == text[q.span.start:q.span.end]
        assert q.kind in ("direct", "partial", "scare", "paraphrase")
        for s in (q.speaker_span, q.cue_span):
            if s is not None:
                assert 0 <= s.start <= s.end <= n
        if q.cue_span is not None:
            assert text[q.cue_span.start:q.cue_span.end] == q.cue
    for s in report.sources:
        for m in s.mentions:
            assert 0 <= m.start < m.end <= n
    for f in report.findings:
        for s in f.spans:
            assert 0 <= s.start <= s.end <= n
    for p in article.parts:
        assert 0 <= p.start <= p.end <= n
        assert article[p.span] == text[p.start:p.end]
    for s in article.sentences:
        assert 0 <= s.start <= s.end <= n
        assert article[s] == text[s.start:s.end]
    for seg in scan_quotes(article):
        assert seg.open < seg.start <= seg.end <= seg.close <= n


@SETTINGS
@given(ANY_TEXT)
def test_arbitrary_unicode_never_crashes(text):
    _check(text)


@SETTINGS
@given(QUOTE_HEAVY)
def test_unbalanced_quotation_marks_never_crash(text):
    _check(text)


@SETTINGS
@given(NEWSY)
def test_news_like_fragments_give_exact_spans(text):
    _check(text)


def test_empty_and_blank_inputs():
    for text in ("", " ", "\n\n\n", "\"", "“", "'"):
        _check(text)
    assert split_sentences("") == []


def test_huge_input_is_handled(seed):
    text = (seed.text + "\n\n") * 200 + "\"" * 5000 + "'" * 5000
    _check(text)


def test_a_quote_after_the_last_word_does_not_crash():
    # found by hypothesis: a partial quote with no word after it (' he "."')
    report = analyze(Article.from_text(' he "."'))
    assert all(q.span.end <= len(' he "."') for q in report.quotes)


def test_an_unclosed_quote_at_the_end_of_the_text_does_not_crash():
    # found by fuzzing: an opening mark whose quotation runs to the end of the text
    text = "Information added MLA “ he . Information ’"
    report = analyze(Article.from_text(text))
    assert all(q.span.end <= len(text) for q in report.quotes)
