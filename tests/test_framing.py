"""Tests for medialit.framing: exact spans on the seed, short sentences for each rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Span
from medialit.article import Article
from medialit.framing import (
    NO_STYLE_GUIDE,
    RULES,
    check,
    contested_terms,
    contested_terms_markdown,
    quoted_regions,
)
from medialit.keys import load_key
from medialit.results import Quote

ROOT = Path(__file__).resolve().parent.parent


def _key_quotes(seed) -> list[Quote]:
    key = load_key(seed)
    return [
        Quote(q.span, q.kind, q.speaker, q.speaker_spans[0] if q.speaker_spans else None,
              q.cue, q.cue_span)
        for q in key.quotes
    ]


def _pairs(findings) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    return [(f.rule, tuple((s.start, s.end) for s in f.spans)) for f in findings]


def _rules(text: str, rule: str) -> list[str]:
    """The exact words of each finding of ``rule`` on ``text`` (first span of each)."""
    article = Article.from_text(text)
    return [article[f.spans[0]] for f in check(article, quotes=[]) if f.rule == rule]


# --------------------------------------------------------------------------------------
# The seed article
# --------------------------------------------------------------------------------------

SEED_FINDINGS = [
    ("framing.contested-term", ((17, 22), (601, 616), (679, 684), (1865, 1870))),
    ("framing.repeated-passage", ((244, 510), (894, 1161))),
    ("framing.contested-term", ((439, 457), (1089, 1107))),
    ("framing.quote-context-conflict", ((570, 591), (647, 664), (1608, 1634), (1758, 1794))),
    ("framing.contested-term", ((772, 775),)),
    ("framing.agentless-passive", ((849, 862),)),
    ("framing.contested-term", ((1228, 1245),)),
    ("framing.vague-quantity", ((1312, 1325), (1396, 1431))),
    ("framing.comparable-groups", ((1317, 1325), (1422, 1431))),
    ("framing.contested-term", ((1317, 1325),)),
    ("framing.contested-term", ((1345, 1361),)),
    ("framing.contested-term", ((1422, 1431),)),
    ("framing.emotive", ((1507, 1520),)),
    ("framing.contested-term", ((1536, 1544),)),
    ("framing.emotive", ((1704, 1712),)),
    ("framing.emotive", ((1743, 1754),)),
    ("framing.agentless-passive", ((1871, 1883),)),
    ("framing.agentless-passive", ((1910, 1924),)),
    ("framing.contested-term", ((2069, 2091),)),
    ("framing.contested-term", ((2330, 2349),)),
    ("framing.contested-term", ((2390, 2408),)),
    ("framing.contested-term", ((2462, 2471),)),
]


def test_seed_findings_exact_spans(seed):
    findings = check(seed, quotes=_key_quotes(seed))
    assert _pairs(findings) == SEED_FINDINGS
    words = {seed[f.spans[0]] for f in findings}
    assert {"truce", "occupied West Bank", "pause in fighting",
            "many hostages", "was extended", "is not reached", "are protected",
            "very positive", "desperately", "innocent", "settler extremists",
            "right to defend itself", "October 7 attack"} <= words


def test_seed_key_findings_are_reproduced(seed):
    key = load_key(seed)
    expected = [(f.rule, tuple((s.start, s.end) for s in f.spans)) for f in key.findings]
    assert sorted(_pairs(check(seed))) == sorted(expected)
    assert sorted(_pairs(check(seed, quotes=_key_quotes(seed)))) == sorted(expected)


def test_seed_messages_quote_the_words_and_the_speaker(seed):
    findings = {(f.rule, f.spans[0].start): f for f in check(seed, quotes=_key_quotes(seed))}
    desperately = findings[("framing.emotive", 1743)]
    assert desperately.message == (
        "“desperately” is an emotional word that makes readers feel something, not only "
        "know something; it is inside quotation marks, so it is Antony Blinken's word, "
        "not the reporter's."
    )
    assert desperately.details["voice"] == "quoted"
    extended = findings[("framing.agentless-passive", 1871)]
    assert extended.message == (
        "“was extended” does not say who did it, so the reader is not told who is "
        "responsible for this action."
    )
    assert extended.details["voice"] == "reporter"
    context = findings[("framing.quote-context-conflict", 570)]
    assert context.message == (
        "The same quoted words, “producing results”, are placed in two different settings, "
        "“told Israeli soldiers” and “in his meeting with Herzog”, so readers cannot tell "
        "when or to whom they were said."
    )
    pair = findings[("framing.comparable-groups", 1317)]
    assert pair.message == (
        "The article describes two groups of people held by the other side with different "
        "words, “hostages” for people held by Palestinian groups and “prisoners” for people "
        "held by Israel; different words can shape how readers see each group, and the notes "
        "say why each word is used."
    )
    assert "comparable" not in pair.message
    assert [v["side"] for v in pair.details["perspectives"]] == ["israeli", "palestinian",
                                                                  "other"]
    assert [s["name"].split(",")[0] for s in pair.details["sources"]] == [
        "Middle East Eye opinion", "The New Indian Express live report"]
    vague = findings[("framing.vague-quantity", 1312)]
    assert vague.details["vague"] == "many hostages"
    assert vague.details["exact"] == "more than 200 Palestinian prisoners"


def test_seed_contested_term_details(seed):
    findings = check(seed, quotes=_key_quotes(seed))
    by_term = {
        (f.details["term"], f.details["voice"]): f
        for f in findings
        if f.rule == "framing.contested-term"
    }
    hostages = by_term[("hostages", "reporter")]
    assert hostages.details["group"] == "people held by the other side"
    assert "captives" in hostages.details["alternatives"]
    assert hostages.details["style_guides"] == []
    assert hostages.details["style_guide_note"] == NO_STYLE_GUIDE
    views = hostages.details["perspectives"]
    assert [v["side"] for v in views] == ["israeli", "palestinian", "palestinian"]
    assert "7 October 2023" in views[0]["text"]
    assert views[0]["sources"][0]["url"] == (
        "https://attachments.apstylebook.com/topical_most_recent")
    assert views[1]["sources"] == []
    assert [s["url"] for s in hostages.details["sources"]] == [
        views[0]["sources"][0]["url"], views[2]["sources"][0]["url"]]
    quoted = by_term[("hostages", "quoted")]
    assert quoted.details["speaker"] == "Antony Blinken"
    assert quoted.message.startswith("“hostages” is inside quotation marks, so it is Antony "
                                     "Blinken's word")
    occupied = by_term[("occupied", "reporter")]
    assert occupied.details["words"] == ["occupied West Bank", "occupied West Bank"]
    assert [g["entry"] for g in occupied.details["style_guides"]] == ["East Jerusalem",
                                                                     "introduction"]
    truce = by_term[("truce", "reporter")]
    assert truce.message.startswith("The article says “truce” (and 3 more times)")


def test_seed_has_no_loaded_verbs_or_hedges(seed):
    rules = {f.rule for f in check(seed)}
    assert "framing.loaded-verb" not in rules  # "claims responsibility" is the set phrase
    assert "framing.hedge" not in rules
    assert "framing.headline-quote-mismatch" not in rules


def test_quoted_regions_on_the_seed(seed):
    regions = [(r.start, r.end) for r in quoted_regions(seed)]
    assert regions == [(48, 66), (647, 664), (814, 824), (1439, 1467), (1471, 1593),
                       (1638, 1755), (1758, 1845), (2145, 2198), (2203, 2472)]


# --------------------------------------------------------------------------------------
# Each rule on short sentences
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("The minister claimed that the talks had failed.", ["claimed"]),
        ("Hamas denied that its fighters were involved.", ["denied"]),
        ("The army admitted it had hit the wrong house.", ["admitted"]),
        ("She insisted the deal was fair.", ["insisted"]),
        ("A spokesman refused to comment on the report.", ["refused to comment"]),
        ("He boasted that nobody could stop him.", ["boasted"]),
        ("The group alleged that soldiers opened fire.", ["alleged"]),
        ("Hamas claims responsibility for Jerusalem shooting.", []),
        ("The group claimed responsibility for the attack.", []),
        ("The reporters were denied entry to the city.", []),
        ("Their claims were checked by the court.", []),
        ("The minister said the talks had failed.", []),
        ("The alleged attack happened at night.", []),
        ("Israel refused to allow the convoy through.", []),
    ],
)
def test_loaded_verbs(text, words):
    assert _rules(text, "framing.loaded-verb") == words


def test_loaded_verb_message():
    article = Article.from_text("The minister claimed that the talks had failed.")
    (finding,) = check(article, quotes=[])
    assert finding.message == (
        "The verb “claimed” hints that the statement may not be true, where the neutral word "
        "would be “said”."
    )
    assert finding.spans == (Span(13, 20),)


@pytest.mark.parametrize(
    "text, words",
    [
        ("Militants fired rockets at the town.", ["Militants"]),
        ("Officials called the attackers terrorists.", ["attackers", "terrorists"]),
        ("Gaza talks: hostages and detainees were freed.", ["hostages", "detainees"]),
        ("Israel and Hamas agreed to a humanitarian pause.", ["humanitarian pause"]),
        ("Settlers moved into the area.", []),  # no Israel-Palestine scope word
        ("In the West Bank, settlers moved into the area.", ["West Bank", "settlers"]),
        ("Police said the gunman acted alone.", ["gunman"]),
        ("The company paused production for a day.", []),
    ],
)
def test_contested_terms(text, words):
    assert _rules(text, "framing.contested-term") == words


def test_contested_term_quoted_by_speaker():
    text = 'The minister said: "These terrorists must be stopped."'
    article = Article.from_text(text)
    quote = Quote(Span(20, 52), "direct", "Jane Doe")
    (finding,) = [f for f in check(article, quotes=[quote]) if f.rule == "framing.contested-term"]
    assert finding.spans == (Span(26, 36),)
    assert finding.details["voice"] == "quoted"
    assert "so it is Jane Doe's word, not the reporter's" in finding.message
    assert [g["guide"].split(",")[0] for g in finding.details["style_guides"]] == [
        "AP Stylebook", "Reuters Handbook of Journalism", "BBC Editorial Guidelines"]


def test_comparable_groups():
    text = "Hamas freed 12 hostages. Israel released 30 Palestinian prisoners."
    assert _rules(text, "framing.comparable-groups") == ["hostages"]
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.comparable-groups"]
    assert [article[s] for s in f.spans] == ["hostages", "prisoners"]
    assert _rules("Israel released 30 Palestinian prisoners.", "framing.comparable-groups") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("On Thursday, the truce was extended by a day.", ["was extended"]),
        ("The truce was extended by the mediators.", []),
        ("Three houses were destroyed overnight.", ["were destroyed"]),
        ("The hostages have been taken to Gaza.", ["been taken"]),
        ("The talks were being held in secret.", ["were being held"]),
        ("The office is located in Ramallah.", []),
        ("He was then due to travel to Ramallah.", []),
        ("The leader is said to be ill.", []),  # a hedge, not a passive
        ("The deal was signed by Friday.", ["was signed"]),
        ("She was worried about the talks.", []),
    ],
)
def test_agentless_passives(text, words):
    assert _rules(text, "framing.agentless-passive") == words


def test_vague_quantities():
    text = "Many hostages were freed. In exchange, Israel released 39 Palestinian prisoners."
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.vague-quantity"]
    assert [article[s] for s in f.spans] == ["Many hostages", "39 Palestinian prisoners"]
    assert _rules("Many hostages were freed.", "framing.vague-quantity") == []
    later = Article.from_text("Some 250 people were taken. Many people fled.")
    (f,) = [f for f in check(later, quotes=[]) if f.rule == "framing.vague-quantity"]
    assert (f.details["vague"], f.details["exact"]) == ("Many people", "Some 250 people")
    assert _rules("Dozens of trucks arrived. Many hostages were freed.",
                  "framing.vague-quantity") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("It was a brutal attack on the village.", ["brutal"]),
        ("The talks were very positive.", ["very positive"]),
        ("The aid is desperately needed.", ["desperately"]),
        ("Very many people came.", []),
        ("The talks were positive.", []),
    ],
)
def test_emotive(text, words):
    assert _rules(text, "framing.emotive") == words


@pytest.mark.parametrize(
    "text, words",
    [
        ("The commander was reportedly killed.", ["reportedly"]),
        ("The leader is said to be ill.", ["is said to"]),
        ("The fighting may resume on Friday.", ["may"]),
        ("The truce ends in May.", []),
        ("The alleged attack happened at night.", ["alleged"]),
        ("The group alleged that soldiers opened fire.", []),
        ("The fighting resumed on Friday.", []),
    ],
)
def test_hedges(text, words):
    assert _rules(text, "framing.hedge") == words


def test_emotive_inside_quote_is_the_speakers():
    text = '"It was a brutal attack," the mayor said.'
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.emotive"]
    assert f.details["voice"] == "quoted"
    assert f.message.endswith("so it is the speaker's word, not the reporter's.")


# --------------------------------------------------------------------------------------
# Consistency
# --------------------------------------------------------------------------------------


def test_headline_quote_missing_from_story():
    text = ("Talks 'near collapse', says minister\n\n"
            "The minister told reporters on Monday that the talks were going well.\n")
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.headline-quote-mismatch"]
    assert [article[s] for s in f.spans] == ["near collapse"]
    assert f.details["problem"] == "not in story"


def test_headline_quote_unquoted_in_story():
    text = ("Talks 'near collapse', says minister\n\n"
            "The minister said on Monday that the talks were near collapse after a row.\n")
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.headline-quote-mismatch"]
    assert [article[s] for s in f.spans] == ["near collapse", "near collapse"]
    assert f.details["problem"] == "not quoted in story"


def test_headline_quote_given_to_someone_else():
    text = ("Talks 'near collapse', says Smith\n\n"
            'The talks were "near collapse", Jones said on Monday after a long meeting.\n')
    article = Article.from_text(text)
    body = article.span("near collapse", occurrence=1)
    quotes = [Quote(body, "partial", "Ann Jones")]
    (f,) = [f for f in check(article, quotes=quotes)
            if f.rule == "framing.headline-quote-mismatch"]
    assert f.details["problem"] == "different speaker"
    assert f.message == ("The headline gives “near collapse” to Smith, but the story gives "
                         "these words to Ann Jones.")
    quotes_same = [Quote(body, "partial", "Tom Smith")]
    assert not [f for f in check(article, quotes=quotes_same)
                if f.rule == "framing.headline-quote-mismatch"]


def test_quote_context_conflict_and_agreement():
    conflict = ("The minister told farmers that the plan was 'a real success' for everyone.\n\n"
                '"This plan is a real success," the minister said in an interview with the BBC.\n')
    article = Article.from_text(conflict)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.quote-context-conflict"]
    assert [article[s] for s in f.spans] == [
        "told farmers", "a real success", "This plan is a real success",
        "in an interview with the BBC"]
    same = conflict.replace("in an interview with the BBC", "after he told farmers")
    assert _rules(same, "framing.quote-context-conflict") == []


def test_repeated_passage():
    para = ("The minister met the mayor in the city on Monday to talk about roads, schools "
            "and the new hospital.")
    text = f"{para}\n\nSomething else happened later in the week, as expected.\n\n{para}\n"
    article = Article.from_text(text)
    (f,) = [f for f in check(article, quotes=[]) if f.rule == "framing.repeated-passage"]
    second = text.rindex(para)
    assert [(s.start, s.end) for s in f.spans] == [(0, len(para)), (second, second + len(para))]
    assert _rules(f"{para}\n\nA different paragraph about a different meeting with other "
                  "people in another city on Tuesday.\n", "framing.repeated-passage") == []


# --------------------------------------------------------------------------------------
# Every finding is well formed; the time grows in step with the text
# --------------------------------------------------------------------------------------

_VOCAB = ["the", "truce", "was", "extended", "by", "a", "day", "many", "hostages", "200",
          "prisoners", "claimed", "claims", "responsibility", "very", "brutal", "reportedly",
          "Israel", "Hamas", "Gaza", "told", "soldiers", "in", "his", "meeting", "with",
          "Herzog", "'", '"', "“", "”", "’", ",", ".", "\n\n", "occupied", "West", "Bank",
          "more", "than", "said", "terrorists", "may", "is", "are", "protected", "’s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=120))
def test_every_finding_is_well_formed(words):
    text = " ".join(words)
    if not text.strip():
        return
    article = Article.from_text(text)
    for f in check(article, quotes=[]):
        assert f.rule in RULES
        assert f.message.strip() and f.message.endswith(".")
        assert f.spans
        for s in f.spans:
            assert 0 <= s.start < s.end <= len(text)
        assert "“" in f.message  # the message quotes the exact words


def test_megabyte_inputs_finish():
    """Pathological 1 MB inputs: quote marks, hyphen chains, digit runs, long lines. (A
    quadratic path would take hours at this size; benchmarks/speed.py times 5 MB texts.)"""
    line = "The truce was extended by a day and many hostages were freed.\n\n"
    size = 1_000_000
    texts = [
        "Title\n\n" + "'‘’\"“” " * (size // 7),
        "Title\n\n" + "a-" * (size // 2) + "\n",
        "Title\n\n" + "1," * (size // 2) + "x\n",
        "Title\n\n" + "was " * (size // 4) + "\n",
        line * (size // len(line)),
    ]
    counts = []
    for text in texts:
        assert len(text) >= 0.98 * size
        counts.append(len(check(Article.from_text(text), quotes=[])))
    assert counts[:4] == [0, 0, 0, 0]
    n = size // len(line)
    assert counts[4] == 3 * n - 1  # two passives per paragraph, and each repeat after the first


# --------------------------------------------------------------------------------------
# The lexicon and its page
# --------------------------------------------------------------------------------------


def test_lexicon_entries_are_complete():
    terms = contested_terms()
    assert len({t["id"] for t in terms}) == len(terms) >= 30
    for t in terms:
        assert t["forms"] and t["alternatives"] and t["meaning"]
        assert len(t["perspectives"]) >= 2
        assert t["scope"] in ("general", "israel-palestine")
        for g in t["style_guides"]:
            assert g["guide"] and g["entry"] and g["note"] and g["url"].startswith("http")


_DATED = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)


def _check_sources(sources, where):
    for s in sources:
        assert set(s) == {"name", "url", "note"}, where
        assert s["name"].strip() and s["note"].strip(), where
        assert s["url"].startswith(("https://", "http://")), where


def _entries():
    data = json.loads((ROOT / "medialit" / "data" / "framing_contested_terms.json")
                      .read_text(encoding="utf-8"))
    return data["terms"] + data["comparable_groups"]


def test_every_number_or_date_names_a_source():
    """A meaning or perspective that states a number or a date names a checkable source."""
    unsourced = []
    for entry in _entries():
        if "meaning" in entry:
            _check_sources(entry["meaning_sources"], entry["id"])
            if _DATED.search(entry["meaning"]) and not entry["meaning_sources"]:
                unsourced.append((entry["id"], entry["meaning"]))
        for view in entry["perspectives"]:
            _check_sources(view["sources"], entry["id"])
            if _DATED.search(view["text"]) and not view["sources"]:
                unsourced.append((entry["id"], view["text"]))
    assert unsourced == []
    # The figure the review found, and the judgement word, are gone.
    page = contested_terms_markdown()
    assert "1,200" not in page
    assert "comparable" not in " ".join(
        v["text"] for e in _entries() for v in e["perspectives"])


def test_every_term_has_views_from_both_sides():
    """Each entry explains the word from Israeli and Palestinian positions; neither always first."""
    sides = {"israeli", "palestinian", "outlets", "other"}
    first = []
    for entry in _entries():
        seen = [v["side"] for v in entry["perspectives"]]
        assert set(seen) <= sides, entry["id"]
        assert len(entry["perspectives"]) >= 2 and len(set(seen)) >= 2, entry["id"]
        assert {"israeli", "palestinian"} <= set(seen), entry["id"]
        first.append(next(s for s in seen if s in ("israeli", "palestinian")))
    # Neither side is always presented first.
    assert 0.4 < first.count("israeli") / len(first) < 0.6


def test_docs_page_matches_the_lexicon():
    page = (ROOT / "docs" / "contested-terms.md").read_text(encoding="utf-8")
    assert page == contested_terms_markdown()
