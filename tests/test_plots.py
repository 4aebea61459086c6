"""Charts: exact counts from the seed article, and figures that draw those counts."""

from __future__ import annotations

import io

import pytest
from matplotlib.figure import Figure

from medialit.article import Article, Span
from medialit.exercises import check, gold_items
from medialit.keys import load_key
from medialit.plots import (
    NOT_STATED,
    Tally,
    Voices,
    feedback_tallies,
    findings_chart,
    findings_per_rule,
    quoted_words_by_speaker,
    quoted_words_chart,
    tally_chart,
    voices_by_affiliation,
    voices_chart,
    word_count,
)
from medialit.results import Finding, Quote, Source
from medialit.work import Tag


def _bars(fig: Figure) -> list[float]:
    return [p.get_width() for p in fig.axes[0].patches]


def _ylabels(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


@pytest.fixture(scope="module")
def seed_sources(seed: Article) -> list[Source]:
    """The sources of the seed article as a key would list them (spans found in the text)."""
    t = seed.text
    return [
        Source("Antony Blinken", "person", "quoted", (seed.span("Antony Blinken", 1),),
               role="US Secretary of State", affiliation="US government"),
        Source("Matthew Miller", "person", "quoted", (seed.span("Matthew Miller"),),
               role="State Department spokesman", affiliation="US government"),
        Source("Isaac Herzog", "person", "mentioned", (seed.span("Isaac Herzog", 1),),
               affiliation="Israeli government"),
        Source("Benjamin Netanyahu", "person", "mentioned",
               (seed.span("Benjamin Netanyahu", 1),), affiliation="Israeli government"),
        Source("Mahmud Abbas", "person", "mentioned", (seed.span("Mahmud Abbas", 1),),
               affiliation="Palestinian Authority"),
        Source("Hamas", "organisation", "mentioned",
               (Span(t.index("Hamas was"), t.index("Hamas was") + 5),), affiliation="Hamas"),
        Source("Reuters", "media", "mentioned", (seed.span("Reuters"),), affiliation=None),
        # the same person listed twice (as a key might, once per use) counts once
        Source("Antony Blinken", "person", "paraphrased", (seed.span("Blinken", 3),),
               affiliation="US government"),
    ]


@pytest.fixture(scope="module")
def seed_quotes(seed: Article) -> list[Quote]:
    t = seed.text
    second = t.index('"It\'s also enabled')
    end_second = t.index('continue."') + len('continue."')
    secretary = t.index('"The secretary stressed')
    end_secretary = t.index('West Bank,"') + len('West Bank,"')
    return [
        Quote(seed.span("'producing results'"), "partial", "Antony Blinken"),
        Quote(seed.span('"imperative"'), "partial", "Antony Blinken"),
        Quote(Span(1470, 1594), "direct", "Antony Blinken"),
        Quote(Span(second, end_second), "direct", "Antony Blinken"),
        Quote(seed.span('"to take every possible measure to avoid civilian harm"'), "partial",
              "Matthew Miller"),
        Quote(Span(secretary, end_secretary), "direct", "Matthew Miller"),
        # a paraphrase, and a quote with no speaker named: not counted as anyone's words
        Quote(seed.span("reaffirmed Israel's right to defend itself"), "paraphrase",
              "Matthew Miller"),
        Quote(seed.span("'process is producing results'"), "partial", None),
        # an overlapping duplicate of Blinken's first quote is counted once
        Quote(Span(1471, 1500), "direct", "Antony Blinken"),
    ]


def test_word_count_counts_contractions_as_one_word() -> None:
    assert word_count("\"It's also enabled an increase,\" he said.") == 7
    assert word_count("  ") == 0


def test_seed_quote_spans_are_the_words_expected(seed: Article, seed_quotes: list[Quote]) -> None:
    assert seed[seed_quotes[2].span] == (
        '"We have seen over the last week the very positive development of hostages coming '
        'home, being reunited with their families,"'
    )
    assert seed_quotes[3].span == Span(1637, 1846)
    assert seed_quotes[5].span == Span(2202, 2473)


def test_voices_by_affiliation_on_the_seed(seed_sources: list[Source]) -> None:
    assert voices_by_affiliation(seed_sources) == [
        Voices("US government", ("Antony Blinken", "Matthew Miller"), ()),
        Voices("Israeli government", (), ("Isaac Herzog", "Benjamin Netanyahu")),
        Voices("Palestinian Authority", (), ("Mahmud Abbas",)),
        Voices("Hamas", (), ("Hamas",)),
        Voices(NOT_STATED, (), ("Reuters",)),
    ]


def test_a_source_heard_once_is_not_also_only_mentioned() -> None:
    sources = [
        Source("A", "person", "mentioned", (Span(0, 1),), affiliation="X"),
        Source("A", "person", "quoted", (Span(2, 3),), affiliation="X"),
    ]
    assert voices_by_affiliation(sources) == [Voices("X", ("A",), ())]


def test_voices_chart_draws_heard_then_mentioned(seed_sources: list[Source]) -> None:
    fig = voices_chart(seed_sources)
    assert _ylabels(fig) == [
        "US government", "Israeli government", "Palestinian Authority", "Hamas", NOT_STATED,
    ]
    # first the five "heard" bars, then the five "only mentioned" bars
    assert _bars(fig) == [2, 0, 0, 0, 0, 0, 2, 1, 1, 1]
    assert fig.axes[0].get_legend().get_texts()[1].get_text() == "only mentioned"
    assert _png(fig).startswith(b"\x89PNG")


def test_quoted_words_by_speaker_on_the_seed(seed: Article, seed_quotes: list[Quote]) -> None:
    # Blinken: 2 ('producing results') + 1 ("imperative") + 20 + 34 words;
    # Miller: 9 (the partial quote) + 38 (the secretary's statement).
    assert quoted_words_by_speaker(seed_quotes, seed) == {
        "Antony Blinken": 57,
        "Matthew Miller": 47,
    }
    assert quoted_words_by_speaker(seed_quotes, seed, kinds=("paraphrase",)) == {
        "Matthew Miller": 6,  # reaffirmed Israel's right to defend itself
    }


def test_quoted_words_chart(seed: Article, seed_quotes: list[Quote]) -> None:
    fig = quoted_words_chart(seed_quotes, seed)
    assert _ylabels(fig) == ["Antony Blinken", "Matthew Miller"]
    assert _bars(fig) == [57, 47]
    assert [t.get_text() for t in fig.axes[0].texts] == ["57", "47"]


def test_tally_chart_stacks_found_partial_missed_extra() -> None:
    fig = tally_chart({"quotes": Tally(3, 1, 2, partial=1), "speakers": Tally(2, 0, 0)})
    assert _ylabels(fig) == ["quotes", "speakers"]
    patches = fig.axes[0].patches
    assert [(p.get_x(), p.get_width()) for p in patches] == [
        (0, 3), (0, 2),  # found
        (3, 1), (2, 0),  # almost, after found
        (4, 1), (2, 0),  # missed
        (5, 2), (2, 0),  # extra, last
    ]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "found", "almost (fix the edges or the label)", "missed", "extra (not in the key)",
    ]


def test_feedback_tallies_from_a_real_check_on_the_seed(seed: Article) -> None:
    key = load_key(seed)
    gold = gold_items("sources", seed, key)
    miller = seed.span("Matthew Miller")
    herzog = seed.span("Herzog", 2)  # "in his meeting with Herzog"
    tags = [
        Tag("t1", miller.start, miller.end, "person", seed[miller], attrs={"use": "quoted"}),
        # "Her" of "meeting with Herzog", with the right label: almost found
        Tag("t2", herzog.start, herzog.end - 3, "person", seed[Span(herzog.start,
                                                                    herzog.end - 3)]),
        # "Gaza" in the headline is a place, not a source: extra
        Tag("t3", 12, 16, "organisation", seed[Span(12, 16)]),
    ]
    fb = check("sources", seed, gold, tags)
    tallies = feedback_tallies(fb, names={"person": "people"})
    assert seed[Span(12, 16)] == "Gaza"
    assert tallies["people"] == Tally(found=1, missed=20, extra=0, partial=1)  # of 22
    assert tallies["organisation"].extra == 1
    assert list(tallies) == ["people", "media", "organisation", "anonymous"]  # text order


def test_findings_per_rule_orders_by_count_then_rule(seed: Article) -> None:
    spans = (seed.span("hostages"),)
    findings = [
        Finding("framing.contested-term", "m", spans),
        Finding("framing.agentless-passive", "m", spans),
        Finding("framing.contested-term", "m", spans),
        Finding("framing.vague-number", "m", spans),
    ]
    assert findings_per_rule(findings) == {
        "framing.contested-term": 2,
        "framing.agentless-passive": 1,
        "framing.vague-number": 1,
    }
    fig = findings_chart(findings, rule_names={"framing.vague-number": "vague numbers"})
    assert _ylabels(fig) == ["framing.contested-term", "framing.agentless-passive",
                             "vague numbers"]
    assert _bars(fig) == [2, 1, 1]


@pytest.mark.parametrize(
    ("draw", "message"),
    [
        (lambda a: voices_chart([]), "No sources to show yet."),
        (lambda a: quoted_words_chart([], a), "Nobody's own words are quoted."),
        (lambda a: findings_chart([]), "No framing findings."),
    ],
)
def test_empty_charts_say_so_instead_of_failing(seed: Article, draw, message: str) -> None:
    fig = draw(seed)
    assert [t.get_text() for t in fig.axes[0].texts] == [message]
    assert _png(fig).startswith(b"\x89PNG")
