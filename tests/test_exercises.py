"""Feedback against the key: span matching, found/missed/extra, speakers, hints and reveal."""

from __future__ import annotations

import pytest

from medialit import Span
from medialit.exercises import (
    FRAMING_RULE_LABELS,
    LABEL_SETS,
    OKABE_ITO,
    REVEAL_AFTER,
    GoldItem,
    SpanMatch,
    check,
    gold_items,
    label_set,
    match_spans,
    overlap,
    trim_span,
)
from medialit.keys import find_key
from medialit.work import Tag


def tag(article, tag_id: str, span: Span, label: str, link: str | None = None, **attrs) -> Tag:
    return Tag(tag_id, span.start, span.end, label, article[span], link, dict(attrs))


@pytest.fixture(scope="module")
def key(seed):
    return find_key(seed)


@pytest.fixture(scope="module")
def quote_gold(seed, key):
    return gold_items("quotes", seed, key)


def test_overlap_is_shared_over_covered():
    assert overlap(Span(0, 10), Span(0, 10)) == 1.0
    assert overlap(Span(0, 10), Span(5, 15)) == 5 / 15
    assert overlap(Span(0, 10), Span(10, 20)) == 0.0


def test_match_spans_pairs_best_overlaps_one_to_one():
    gold = [Span(0, 10), Span(20, 30)]
    predicted = [Span(22, 30), Span(0, 10), Span(40, 50), Span(0, 4)]
    assert match_spans(gold, predicted) == [SpanMatch(0, 1, 1.0), SpanMatch(1, 0, 0.8)]
    assert match_spans(gold, predicted, allowed=[(0, 3)]) == [SpanMatch(0, 3, 0.4)]
    assert match_spans([], predicted) == []


def test_trim_span_drops_quotation_marks_and_punctuation(seed):
    line = seed.span('"So this process is producing results. It\'s important, and we hope that '
                     'it can continue."')
    trimmed = trim_span(seed.text, line)
    assert (trimmed.start, trimmed.end) == (line.start + 1, line.end - 2)
    assert seed[trimmed].endswith("it can continue")
    # Spans with quotation marks and without match fully.
    assert match_spans([line], [trimmed], seed.text) == [SpanMatch(0, 0, 1.0)]


def test_gold_items_for_each_exercise(seed, key):
    anatomy = gold_items("anatomy", seed)
    assert [(g.label, g.span) for g in anatomy[:3]] == [
        ("furniture", Span(0, 10)), ("headline", Span(12, 80)), ("dateline", Span(82, 91))]
    assert len(anatomy) == 23
    quotes = gold_items("quotes", seed, key)
    assert [g.label for g in quotes].count("direct") == 4
    assert [g.label for g in quotes].count("partial") == 5
    assert [g.label for g in quotes].count("speaker") == 6
    sources = gold_items("sources", seed, key)
    assert len(sources) == 34
    assert sources[2] == GoldItem(seed.span("Reuters"), "media", "Reuters", attrs=(("use",
                                  "mentioned"),))
    framing = gold_items("framing", seed, key)
    assert {g.label for g in framing} <= set(label_set("framing").names)
    expected = sorted((s, FRAMING_RULE_LABELS[f.rule]) for f in key.findings
                      if f.rule in FRAMING_RULE_LABELS for s in f.spans)
    assert sorted((g.span, g.label) for g in framing) == expected
    with pytest.raises(ValueError, match="needs an answer key"):
        gold_items("quotes", seed, None)
    with pytest.raises(ValueError, match="unknown exercise 'spelling'"):
        gold_items("spelling", seed, key)


def test_label_sets_use_okabe_ito_and_number_keys():
    for ls in LABEL_SETS.values():
        assert all(lb.colour in OKABE_ITO for lb in ls.labels)
        assert [lb.to_json(i + 1)["key"] for i, lb in enumerate(ls.labels)][:3] == ["1", "2", "3"]
    assert label_set("quotes").get("direct").links_to == "speaker"
    assert label_set("sources").get("person").attrs == (
        ("use", ("quoted", "paraphrased", "mentioned")),)


def _we_have_seen(seed) -> tuple[Span, Span]:
    quote = Span(seed.span("We have seen").start, seed.span("with their families").end)
    blinken = seed.span("Blinken said in his meeting")
    return quote, Span(blinken.start, blinken.start + 7)


def test_found_quote_with_the_right_speaker(seed, quote_gold):
    quote, speaker = _we_have_seen(seed)
    tags = [tag(seed, "t1", quote, "direct", link="t2"), tag(seed, "t2", speaker, "speaker")]
    fb = check("quotes", seed, quote_gold, tags, attempts=1)
    assert [r.gold.span for r in fb.found] == [Span(1471, 1593), speaker]
    # The key's span ends with a comma; trimmed, the two spans are the same words.
    assert fb.found[0].overlap == 1.0
    assert fb.found[0].speaker_ok is True
    assert len(fb.missed) == 19
    assert fb.extra == []
    assert (fb.points, fb.max_points, fb.score) == (3.0, 30.0, 10)
    assert fb.lines == [
        "You found 2 of 21: 1 of 9 quotes, 1 of 6 speakers, 0 of 6 cues. Score: 10 out of 100."
    ]
    assert fb.hints == ["One quote is still missing in the headline ('Gaza truce should "
                        "continue…')."]
    assert not fb.can_reveal


def test_other_mention_of_the_same_speaker_counts(seed, quote_gold):
    quote, _ = _we_have_seen(seed)
    antony = seed.span("Antony Blinken on Thursday")
    antony = Span(antony.start, antony.start + len("Antony Blinken"))
    tags = [tag(seed, "t1", quote, "direct", link="t2"), tag(seed, "t2", antony, "speaker")]
    fb = check("quotes", seed, quote_gold, tags)
    assert fb.results[[r.gold.span for r in fb.results].index(Span(1471, 1593))].speaker_ok


def test_wrong_and_missing_speaker(seed, quote_gold):
    quote, _ = _we_have_seen(seed)
    herzog = seed.span("with Herzog.")
    herzog = Span(herzog.start + 5, herzog.end - 1)
    tags = [tag(seed, "t1", quote, "direct", link="t2"), tag(seed, "t2", herzog, "speaker")]
    fb = check("quotes", seed, quote_gold, tags)
    assert [r.gold.span for r in fb.speaker_wrong] == [Span(1471, 1593)]
    assert "The quote 'We have seen over the last…' is linked to the wrong person: check who " \
           "said it." in fb.lines
    assert "'Herzog' is not a speaker in the answer key." in fb.lines
    fb = check("quotes", seed, quote_gold, [tag(seed, "t1", quote, "direct")])
    assert "The quote 'We have seen over the last…' is not linked to a speaker yet." in fb.lines


def test_partial_overlap_and_wrong_label_earn_partial_credit(seed, quote_gold):
    short = seed.span("We have seen over the last week")
    fb = check("quotes", seed, quote_gold, [tag(seed, "t1", short, "direct")])
    (r,) = fb.partial
    assert r.overlap == pytest.approx(31 / 121, abs=1e-4)
    assert "Your tag on 'We have seen over the last…' covers only part of it: make it longer." \
        in fb.lines
    imperative = seed.span("imperative")
    fb = check("quotes", seed, quote_gold, [tag(seed, "t1", imperative, "scare")])
    (r,) = fb.partial
    assert (r.label_ok, r.credit) == (False, 0.5)
    assert fb.lines[1] == "You labelled 'imperative' as scare quote: look again at which " \
        "label fits."


def test_hints_narrow_with_each_check_then_reveal(seed, quote_gold):
    hints = [check("quotes", seed, quote_gold, [], attempts=n).hints[0] for n in (1, 2, 3)]
    assert hints == [
        "One quote is still missing in the headline ('Gaza truce should continue…').",
        "Look again at the sentence that begins 'Gaza truce should continue as…'.",
        "The missing quote starts with the word 'producing'.",
    ]
    assert not check("quotes", seed, quote_gold, [], attempts=REVEAL_AFTER - 1).can_reveal
    fb = check("quotes", seed, quote_gold, [], attempts=REVEAL_AFTER, reveal=True)
    assert fb.can_reveal
    assert fb.answers[0] == "partial quote: 'producing results,' (said by Antony Blinken)"
    assert len(fb.answers) == 21


def test_paragraph_hint_names_its_first_words(seed, quote_gold):
    # Everything found except the direct quote "It's also enabled …".
    target = Span(1638, 1755)
    tags = [tag(seed, f"t{i}", g.span, g.label) for i, g in enumerate(quote_gold)
            if g.span != target]
    fb = check("quotes", seed, quote_gold, tags, attempts=1)
    assert [g.span for g in fb.missed] == [target]
    assert fb.hints == ["One quote is still missing in the paragraph that begins "
                        "'\"It's also enabled an…'."]


def test_anatomy_feedback_against_the_parsed_parts(seed):
    gold = gold_items("anatomy", seed)
    headline = seed.headline
    tags = [tag(seed, "t1", headline, "headline"), tag(seed, "t2", Span(91, 113), "dateline")]
    fb = check("anatomy", seed, gold, tags, attempts=1)
    assert [r.gold.label for r in fb.found] == ["headline"]
    assert fb.lines == [
        "You found 1 of 23 blocks. Score: 7 out of 100.",
        "You labelled 'Edited By: Manas Joshi' as dateline: look again at which label fits.",
    ]
    assert fb.hints == ["One block near the top of the page is still not labelled."]
    assert check("anatomy", seed, gold, tags, attempts=2).hints == [
        "Look at the block that begins 'ugc_banner'."]
    assert check("anatomy", seed, gold, tags, attempts=3).hints == [
        "The block that begins 'ugc_banner' is the furniture."]
    perfect = [tag(seed, f"t{i}", g.span, g.label) for i, g in enumerate(gold)]
    fb = check("anatomy", seed, gold, perfect, attempts=1)
    assert (fb.score, fb.hints, fb.can_reveal) == (100, [], False)


def test_sources_use_is_checked(seed, key):
    gold = gold_items("sources", seed, key)
    miller = seed.span("Matthew Miller")
    fb = check("sources", seed, gold, [tag(seed, "t1", miller, "person", use="paraphrased")])
    (r,) = fb.found
    assert r.attrs_ok is False
    assert "Check how the story uses 'Matthew Miller': quoted, paraphrased or only mentioned?" \
        in fb.lines
    fb = check("sources", seed, gold, [tag(seed, "t1", miller, "person", use="quoted")])
    assert fb.found[0].attrs_ok is True


def test_framing_tags_checked_against_the_key_findings(seed, key):
    gold = gold_items("framing", seed, key)
    first = gold[0]
    fb = check("framing", seed, gold, [tag(seed, "t1", first.span, first.label)])
    assert [r.gold for r in fb.found] == [first]
    assert len(fb.missed) == len(gold) - 1


def test_source_mentions_are_not_judged_for_a_speaker(seed, key):
    """A source's name in the key is not a quote's speaker: no speaker feedback for it."""
    gold = gold_items("sources", seed, key)
    miller = seed.span("Matthew Miller")
    fb = check("sources", seed, gold, [tag(seed, "t1", miller, "person", use="quoted")])
    (r,) = fb.found
    assert (r.gold.speaker, r.speaker_ok, r.attrs_ok) == ("Matthew Miller", None, True)
    assert fb.speaker_wrong == []
    assert not [line for line in fb.lines if "speaker" in line]
    perfect = [tag(seed, f"t{i}", g.span, g.label, **dict(g.attrs)) for i, g in enumerate(gold)]
    fb = check("sources", seed, gold, perfect)
    assert (fb.score, fb.max_points, len(fb.found)) == (100, 51.0, 34)
    assert fb.lines == ["You found 34 of 34 source mentions. Score: 100 out of 100."]


def test_quotes_still_need_their_speaker_link(seed, quote_gold):
    direct = next(g for g in quote_gold if g.label == "direct")
    fb = check("quotes", seed, quote_gold, [tag(seed, "t1", direct.span, "direct")])
    assert fb.found[0].speaker_ok is False
    assert f"The quote '{' '.join(seed[direct.span].split()[:6])}…' is not linked to a " \
           "speaker yet." in fb.lines


def test_nothing_to_find_says_so(seed):
    fb = check("quotes", seed, [], [], attempts=1)
    assert fb.lines == ["There are no quotes to find here, so there is nothing to tag."]
    assert (fb.hints, fb.score) == ([], 0)
