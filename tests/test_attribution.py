"""Attribution: quotes, speakers and cues, on the seed (against its key) and on small
articles written for these tests in several house styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.article import Article, Span, load_article
from medialit.attribution import find_quotes, scan_quotes
from medialit.keys import key_path
from medialit.sourcing import find_sources


def _quotes(text: str) -> tuple[Article, list]:
    article = Article.from_text(text, slug="t")
    return article, find_quotes(article)


def _row(article: Article, q) -> tuple:
    return (article[q.span], q.kind, q.speaker,
            article[q.speaker_span] if q.speaker_span else None, q.cue)


# --------------------------------------------------------------------------------------
# The seed reproduces its hand-made key exactly
# --------------------------------------------------------------------------------------


def test_seed_quotes_match_the_key_exactly(seed):
    key = json.loads(key_path(seed).read_text(encoding="utf-8"))
    got = [
        {
            "start": q.span.start, "end": q.span.end, "kind": q.kind, "speaker": q.speaker,
            "speaker_spans": [q.speaker_span.as_list()] if q.speaker_span else [],
            "cue": q.cue, "cue_span": q.cue_span.as_list() if q.cue_span else None,
        }
        for q in find_quotes(seed)
    ]
    want = [{k: q[k] for k in got[0]} for q in key["quotes"]]
    assert got == want


def test_seed_tricky_items(seed):
    quotes = {(q.span.start, q.kind): q for q in find_quotes(seed)}
    t = seed.text
    headline = quotes[(t.index("producing results,'"), "partial")]
    assert (headline.speaker, headline.cue, seed[headline.speaker_span]) == (
        "Antony Blinken", "says", "Blinken")
    imperative = quotes[(t.index("imperative"), "partial")]
    assert (seed[imperative.span], imperative.cue, seed[imperative.speaker_span]) == (
        "imperative", "said", "He")
    sub = quotes[(t.index("process is producing"), "partial")]
    assert (sub.speaker, sub.cue) == ("Antony Blinken", None)
    herzog = [q for q in find_quotes(seed) if q.kind == "direct" and q.speaker ==
              "Antony Blinken"]
    assert [seed[q.span][:12] for q in herzog] == ["We have seen", "It's also en", "So this proc"]
    assert len({q.speaker_span for q in herzog}) == 1
    last = quotes[(t.index("The secretary stressed"), "direct")]
    assert (last.speaker, seed[last.speaker_span], last.cue) == ("Matthew Miller", "he", "added")
    assert all(q.reason for q in find_quotes(seed))


def test_seed_quote_marks_apostrophes_are_not_quotes(seed):
    segs = scan_quotes(seed)
    inner = [seed.text[s.start:s.end] for s in segs]
    assert not any(x.startswith("s third visit") for x in inner)
    assert [s.continues for s in segs].count(True) == 1
    assert [s.continued for s in segs].count(True) == 1


# --------------------------------------------------------------------------------------
# House styles
# --------------------------------------------------------------------------------------

WIRE = (
    "Ministers agree to extend talks\n\n"
    "WASHINGTON (AP) — Two governments agreed on Tuesday to extend talks on a water treaty, "
    "officials said.\n\n"
    "\"We are not there yet,\" said Maria Lopez, a spokeswoman for the Interior Ministry. "
    "\"But we are closer than we were a week ago.\"\n\n"
    "Lopez said negotiators would meet again in March.\n\n"
    "\"There is goodwill on both sides,\" she added.\n"
)


def test_wire_style_inverted_cue_and_interrupted_quote():
    a, qs = _quotes(WIRE)
    rows = [_row(a, q) for q in qs]
    assert rows == [
        ("Two governments agreed on Tuesday to extend talks on a water treaty", "paraphrase",
         "officials", "officials", "said"),
        ("We are not there yet,", "direct", "Maria Lopez", "Maria Lopez", "said"),
        ("But we are closer than we were a week ago.", "direct", "Maria Lopez",
         "Maria Lopez", "said"),
        ("negotiators would meet again in March", "paraphrase", "Maria Lopez", "Lopez",
         "said"),
        ("There is goodwill on both sides,", "direct", "Maria Lopez", "she", "added"),
    ]


BRITISH = """Council to close library

The council's leader, Sam Okafor, said the decision was 'painful but necessary'.

'We have looked at every option,' Mr Okafor said. 'None of them keeps the doors open.'

Residents called the plan a 'betrayal' of the town's children, and the students' union \
said it would protest.
"""


def test_british_single_quotes_and_apostrophes():
    a, qs = _quotes(BRITISH)
    rows = [_row(a, q) for q in qs]
    assert ("painful but necessary", "partial", "Sam Okafor", "Sam Okafor", "said") in rows
    assert ("We have looked at every option,", "direct", "Sam Okafor", "Okafor", "said") in rows
    assert ("None of them keeps the doors open.", "direct", "Sam Okafor", "Okafor",
            "said") in rows
    # "council's", "town's" and "students'" are apostrophes, not quotation marks.
    texts = [a[q.span] for q in qs]
    assert not any("union" in t and q.kind != "paraphrase" for t, q in zip(texts, qs,
                                                                          strict=True))
    assert "betrayal" in texts


def test_according_to_and_anonymous_sources():
    text = ("Aid convoy reaches town\n\n"
            "According to the Red Cross, the convoy carried food for 5,000 families.\n\n"
            "The crossing will stay open for three days, two senior officials said.\n")
    a, qs = _quotes(text)
    rows = [_row(a, q) for q in qs]
    assert rows == [
        ("the convoy carried food for 5,000 families", "paraphrase",
         "Red Cross", "Red Cross", "According to"),
        ("The crossing will stay open for three days", "paraphrase", "two senior officials",
         "two senior officials", "said"),
    ]


def test_multi_paragraph_quote_keeps_its_speaker():
    text = ("Mayor speaks\n\n"
            "Mayor Ana Ruiz told the council on Monday: \"The bridge is safe.\n\n"
            "\"We checked every bolt twice.\n\n"
            "\"And we will check again next year.\"\n\n"
            "The council voted 7-2 to reopen it.\n")
    a, qs = _quotes(text)
    rows = [_row(a, q) for q in qs]
    # Only the paragraph with the attribution carries the cue and the speaker's mention
    # (the annotation guidelines for multi-paragraph quotes).
    assert rows == [
        ("The bridge is safe.", "direct", "Ana Ruiz", "Ana Ruiz", "told"),
        ("We checked every bolt twice.", "direct", "Ana Ruiz", None, None),
        ("And we will check again next year.", "direct", "Ana Ruiz", None, None),
    ]


def test_multi_paragraph_quote_opened_after_the_attribution_or_attributed_at_its_end():
    a, qs = _quotes(
        "Bins\n\n"
        "Resident Claire Vaughan said: \u201cIt is dirty and smelly. It brings rats.\n\n"
        "\u201cIt has been reported lots of times.\u201d\n\n"
        "The council replied on Friday.\n\n"
        "\u201cThe council is working on it.\n\n"
        "\u201cWe will act,\u201d the spokesman, John Price, said.\n\n"
        "\"We have seen results,\" Mr Price said at the meeting.\n\n"
        "\"And we hope it goes on.\"\n")
    assert [_row(a, q) for q in qs] == [
        ("It is dirty and smelly. It brings rats.", "direct", "Claire Vaughan",
         "Claire Vaughan", "said"),
        ("It has been reported lots of times.", "direct", "Claire Vaughan", None, None),
        ("The council is working on it.", "direct", "John Price", None, None),
        ("We will act,", "direct", "John Price", "John Price", "said"),
        ("We have seen results,", "direct", "John Price", "Price", "said"),
        # A new quote after a closed one is not a paragraph of the same quotation.
        ("And we hope it goes on.", "direct", "John Price", "Price", "said"),
    ]


def test_a_quote_right_after_a_paraphrase_in_its_paragraph_is_that_speakers():
    a, qs = _quotes(
        "Prices\n\n"
        "Former Chief Justice Sushila Karki also condemned the price hike. \u201cWhen prices "
        "are falling across the world, our government is doing the opposite.\u201d\n\n"
        "\u201cThe leaders are batting for socialism.\u201d\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("the price hike", "paraphrase", "Sushila Karki", "condemned"),
        ("When prices are falling across the world, our government is doing the opposite.",
         "direct", "Sushila Karki", None),
        ("The leaders are batting for socialism.", "direct", None, None),
    ]


def test_scare_quotes_have_no_speaker():
    text = ("Debate on taxes\n\n"
            "The so-called \"sugar tax\" came into force on Monday after years of debate.\n")
    a, qs = _quotes(text)
    assert [_row(a, q) for q in qs] == [("sugar tax", "scare", None, None, None)]
    assert "scare quote" in qs[0].reason


def test_curly_quotes_and_cue_before_colon():
    text = ("School opens\n\n"
            "Head teacher Priya Shah said: “We are ready for the first day.”\n")
    a, qs = _quotes(text)
    assert [_row(a, q) for q in qs] == [
        ("We are ready for the first day.", "direct", "Priya Shah", "Priya Shah", "said"),
    ]
    assert qs[0].span == Span(text.index("We are"), text.index(".”") + 1)


@pytest.mark.parametrize("text", ["", "\"", "'''", "“ ” ‘ ’", "He said.", "\"open\n\n\"still"])
def test_odd_inputs_do_not_crash(text):
    a = Article.from_text(text)
    for q in find_quotes(a):
        assert 0 <= q.span.start <= q.span.end <= len(text)


# --------------------------------------------------------------------------------------
# Longer articles in three house styles (tests/data/styles)
# --------------------------------------------------------------------------------------

STYLES = Path(__file__).resolve().parent / "data" / "styles"


def _style(name: str) -> list[tuple]:
    article = load_article(STYLES / name)
    return [_row(article, q) for q in find_quotes(article)]


def test_bbc_style():
    rows = _style("bbc-style-aid.txt")
    assert rows == [
        ("Gaza hospital running out of fuel", "paraphrase", "World Health Organization", "WHO",
         "says"),
        ("the main hospital in southern Gaza could close within days", "paraphrase",
         "World Health Organization", "WHO", "warned"),
        ("The situation is catastrophic. We are seeing patients on the floor.", "direct",
         "Rik Peeperkorn", "Rik Peeperkorn", "told"),
        ("at least 12 trucks of medical supplies were waiting at the Rafah crossing",
         "paraphrase", "Rik Peeperkorn", "He", "added"),
        ("it was \"facilitating\" aid deliveries", "paraphrase", "Israel's military",
         "Israel's military", "said"),
        ("facilitating", "partial", "Israel's military", "Israel's military", "said"),
        # "… and accused Hamas of …": the speaker's second act is its own paraphrase.
        ("Hamas of using hospitals for military purposes, a claim Hamas denies",
         "paraphrase", "Israel's military", "Israel's military", "accused"),
        ("200 trucks had entered Gaza on Sunday", "paraphrase", "A spokesperson for Cogat",
         "A spokesperson for Cogat", "said"),
        ("We are doing everything we can,", "direct", "Moshe Tetro", "Moshe Tetro", "said"),
        ("But the responsibility lies with Hamas.", "direct", "Moshe Tetro", "Moshe Tetro",
         "said"),
        ("far more is needed", "paraphrase", "Aid agencies", "Aid agencies", "say"),
        ("about 1.7 million people have been displaced", "paraphrase", "UN", "UN",
         "According to"),
    ]


def test_ap_style():
    rows = _style("ap-style-senate.txt")
    assert [(r[0][:30], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("We have avoided a shutdown tha", "direct", "Chuck Schumer", "Chuck Schumer", "said"),
        ("the bill did not go far enough", "paraphrase", "Republicans", "Republicans", "said"),
        ("a betrayal of taxpayers.", "partial", "Rand Paul", "Rand Paul", "called"),
        ("Biden would sign the bill Frid", "paraphrase", "White House", "White House",
         "said in a statement"),
        ("the president was \"grateful\" t", "paraphrase", "Karine Jean-Pierre",
         "Karine Jean-Pierre", "told"),
        ("grateful", "partial", "Karine Jean-Pierre", "Karine Jean-Pierre", "told"),
        ("It's not perfect,", "direct", "Chuck Schumer", "Schumer", "said"),
        ("but it keeps the government op", "direct", "Chuck Schumer", "Schumer", "said"),
        ("negotiations on a longer deal ", "paraphrase", "A senior administration official",
         "A senior administration official", "said"),
    ]


def test_guardian_style():
    rows = _style("guardian-style-strike.txt")
    assert [(r[0][:30], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("Teachers in England have voted", "paraphrase", "National Education Union", "NEU",
         "announced"),
        ("Teachers have had enough. They", "direct", "Daniel Kebede", "Daniel Kebede", "said"),
        ("We did not want to be here,", "direct", "Daniel Kebede", "he", "said"),
        ("But the government has left us", "direct", "Daniel Kebede", "he", "said"),
        ("the strike was 'deeply disappo", "paraphrase", "Gillian Keegan", "Gillian Keegan",
         "said"),
        ("deeply disappointing", "partial", "Gillian Keegan", "Gillian Keegan", "said"),
        ("the union to return to talks", "paraphrase", "Gillian Keegan", "Gillian Keegan",
         "urged"),
        ("they were worried about childr", "paraphrase", "groups", "groups", "said"),
        ("My son has already lost a year", "direct", "One mother", "One mother", "told"),
        ("teachers received a 6.5% pay r", "paraphrase", "Department for Education",
         "Department for Education", "According to"),
    ]


def test_rules_for_speakers_in_one_small_article():
    text = (
        "Quake report\n\n"
        "The United States Geological Survey (USGS) said aftershocks may continue into "
        "February.\n\n"
        "John Geiger of USGS told reporters on Monday: \"We have had hundreds of small "
        "earthquakes.\"\n\n"
        "Mr Geiger 'strongly recommended' that residents stay outdoors, adding that "
        "schools would stay shut.\n\n"
        "Two health officials said the hospital was full. The patients were moved to tents, "
        "those officials said.\n\n"
        "At the time, the prime minister of Samoa called for calm on the islands.\n\n"
        "Scientists named the virus \"COVID-19\" last year.\n"
    )
    a, qs = _quotes(text)
    rows = [_row(a, q) for q in qs]
    assert rows == [
        # "(USGS)" right before "said" is the mention, resolved to the full name.
        ("aftershocks may continue into February", "paraphrase",
         "United States Geological Survey", "USGS", "said"),
        ("We have had hundreds of small earthquakes.", "direct", "John Geiger",
         "John Geiger", "told"),
        ("strongly recommended", "partial", "John Geiger", "Geiger", None),
        ("schools would stay shut", "paraphrase", "John Geiger", "Geiger", "adding"),
        ("the hospital was full", "paraphrase", "Two health officials",
         "Two health officials", "said"),
        ("The patients were moved to tents", "paraphrase", "Two health officials",
         "officials", "said"),
        ("calm on the islands", "paraphrase", "the prime minister of Samoa",
         "the prime minister of Samoa", "called for"),
        ("COVID-19", "scare", None, None, None),
    ]


def test_reuters_style():
    rows = _style("reuters-style-fuel.txt")
    assert [(r[0][:30], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("it will allow more aid into Ga", "paraphrase", "Israel", "Israel", "says"),
        ("Israel will allow two fuel tru", "paraphrase", "an Israeli official",
         "an Israeli official", "said"),
        ("it to ease the restrictions", "paraphrase", "United States", "Washington", "asked"),
        ("The decision was taken at the ", "paraphrase", "an Israeli official",
         "the official", "told"),
        ("This is a humanitarian step th", "direct", "Tzachi Hanegbi", "Tzachi Hanegbi",
         "told"),
        ("the fuel would be used only fo", "paraphrase", "Tzachi Hanegbi", "He", "said"),
        ("the group would not accept \"cr", "paraphrase", "A Hamas official",
         "A Hamas official", "said"),
        ("crumbs", "partial", "A Hamas official", "A Hamas official", "said"),
        ("the decision was \"a step in th", "paraphrase", "Martin Griffiths",
         "Martin Griffiths", "said"),
        ("a step in the right direction", "partial", "Martin Griffiths", "Martin Griffiths",
         "said"),
        ("a full ceasefire", "paraphrase", "Martin Griffiths", "Martin Griffiths",
         "called for"),
        ("more than 11,000 people have b", "paraphrase", "Gaza health ministry",
         "Gaza health ministry", "says"),
    ]


def test_aljazeera_style():
    rows = _style("aljazeera-style-return.txt")
    assert [(r[0][:30], r[1], r[2], r[4]) for r in rows] == [
        ("There is nothing left. Our hou", "direct", "Umm Mohammed", "said"),
        ("he had not found his brother", "paraphrase", "Ahmed Abu Rizq", "said"),
        ("We are still searching under t", "direct", "Ahmed Abu Rizq", "told"),
        ("Every day we find more bodies.", "direct", "Ahmed Abu Rizq", "told"),
        ("its troops had “completed thei", "paraphrase", "Israeli military",
         "said in a statement"),
        ("completed their mission", "partial", "Israeli military", "said in a statement"),
        ("dozens of terrorists", "partial", "Israeli military", "said in a statement"),
        ("its teams had recovered 44 bod", "paraphrase", "Civil Defence", "said"),
        ("the humanitarian situation was", "paraphrase",
         "United Nations Relief and Works Agency for Palestine Refugees", "warned"),
        ("beyond catastrophic", "partial",
         "United Nations Relief and Works Agency for Palestine Refugees", "warned"),
        ("People are living in the stree", "direct", "Juliette Touma", "said"),
    ]


def test_unresolved_pronoun_keeps_cue_and_quote_kind():
    a, qs = _quotes("Head\n\n\"I don't know,\" she said. \"Maybe tomorrow.\"\n")
    assert [_row(a, q) for q in qs] == [
        ("I don't know,", "direct", None, "she", "said"),
        ("Maybe tomorrow.", "direct", None, "she", "said"),
    ]


def test_postposed_attribution_with_titles_and_a_partial_quote():
    a, qs = _quotes("Head\n\nThe ceasefire \"is holding\", the army's chief of staff, "
                    "Lt Gen Herzi Halevi, said on Sunday.\n")
    assert [_row(a, q) for q in qs] == [
        ("The ceasefire \"is holding\"", "paraphrase", "Herzi Halevi", "Herzi Halevi", "said"),
        ("is holding", "partial", "Herzi Halevi", "Herzi Halevi", "said"),
    ]


def test_conflict_wire_attributions():
    rows = _style("wire-style-strikes.txt")
    assert [(r[0][:30], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("32 people were killed overnigh", "paraphrase", "Hamas-run health ministry",
         "Hamas-run health ministry", "said"),
        ("it struck \"terrorist infrastru", "paraphrase", "Israel Defense Forces", "IDF",
         "said"),
        ("terrorist infrastructure", "partial", "Israel Defense Forces", "IDF", "said"),
        ("troops were \"operating with pr", "paraphrase", "Daniel Hagari", "Daniel Hagari",
         "told"),
        ("operating with precision", "partial", "Daniel Hagari", "Daniel Hagari", "told"),
        ("ambulances could not reach the", "paraphrase", "Palestinian Red Crescent",
         "Palestinian Red Crescent", "According to"),
        ("The children are starving,", "direct", "Stéphane Dujarric", "Stéphane Dujarric",
         "told"),
        ("negotiations were continuing", "paraphrase", "Majed al-Ansari", "Majed al-Ansari",
         "said in a post on X"),
        ("the toll was likely to rise", "paraphrase", "Palestinian health officials",
         "Palestinian health officials", "said"),
    ]
    article = load_article(STYLES / "wire-style-strikes.txt")
    sources = {s.name: s for s in find_sources(article, find_quotes(article))}
    assert (sources["Daniel Hagari"].role, sources["Daniel Hagari"].affiliation) == (
        "rear admiral", "Israeli military")
    assert sources["Israeli officials"].use == "mentioned"
    assert sources["Palestinian health officials"].use == "paraphrased"


def test_office_of_a_person_and_short_reported_claims():
    a, qs = _quotes(
        "Talks resume\n\n"
        "Israeli Prime Minister Benjamin Netanyahu's office said a delegation would travel "
        "to Doha.\n\n"
        "White House spokesman John Kirby later said talks were \"constructive\".\n")
    assert [_row(a, q) for q in qs] == [
        ("a delegation would travel to Doha", "paraphrase", "Benjamin Netanyahu's office",
         "Benjamin Netanyahu's office", "said"),
        ("talks were \"constructive\"", "paraphrase", "John Kirby", "John Kirby", "said"),
        ("constructive", "partial", "John Kirby", "John Kirby", "said"),
    ]


# --------------------------------------------------------------------------------------
# General rules: role nouns and pronouns resolve to the person named just before
# --------------------------------------------------------------------------------------


def test_role_noun_speaks_for_the_person_named_just_before():
    a, qs = _quotes(
        "Strike ends\n\n"
        "Transport Secretary Mark Harper welcomed the agreement. The minister said it showed "
        "that talks could work.\n\n"
        "The port's chief executive, Clemence Cheng, said the company was pleased. The "
        "executive added that ships had been diverted.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span], q.cue) for q in qs] == [
        ("the agreement", "Mark Harper", "Mark Harper", "welcomed"),  # a verb of judging
        ("it showed that talks could work", "Mark Harper", "The minister", "said"),
        ("the company was pleased", "Clemence Cheng", "Clemence Cheng", "said"),
        ("ships had been diverted", "Clemence Cheng", "The executive", "added"),
    ]


def test_role_noun_does_not_reach_a_person_of_another_kind_or_far_back():
    a, qs = _quotes(
        "Storm hits coast\n\n"
        "Striker Tom Reed scored twice. The minister said the roads were closed.\n\n"
        "Ann Lee, a nurse, was there. It rained. It rained again. It rained more. "
        "The doctor said the school was shut.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the roads were closed", "The minister"),
        ("the school was shut", "The doctor"),
    ]


def test_role_set_off_before_a_name_is_that_person_and_possessive_is_not_the_subject():
    a, qs = _quotes(
        "Car sales fall\n\n"
        "Ford’s president of the Americas, Mark Fields, was frustrated, saying he wished "
        "he could buy “a better crystal ball.”\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("he wished he could buy “a better crystal ball.”", "paraphrase", "Mark Fields"),
        ("a better crystal ball.", "partial", "Mark Fields"),
    ]


def test_object_of_accused_is_not_the_speaker_and_so_called_marks_a_scare_quote():
    # The accusation reports the opposition's word (a partial quote; "the opposition" is
    # no named source), not the ministers'.
    a, qs = _quotes(
        "Budget row\n\n"
        "The opposition accused ministers of \"spin\".\n\n"
        "The so-called \"flexible rota\" was dropped from the deal, officials said.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("spin", "partial", None),
        ("The so-called \"flexible rota\" was dropped from the deal", "paraphrase",
         "officials"),
        ("flexible rota", "scare", None),
    ]


def test_quote_with_its_own_unnamed_speaker_does_not_inherit_the_paragraph_before():
    a, qs = _quotes(
        "Strike ends\n\n"
        "Union leader Sharon Graham said: \"Our members stood firm.\"\n\n"
        "\"It's a good day,\" said one docker. \"But we'll see.\"\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("Our members stood firm.", "direct", "Sharon Graham"),
        ("It's a good day,", "direct", "one docker"),
        ("But we'll see.", "direct", "one docker"),
    ]


def test_told_someone_then_the_claim_and_a_role_with_a_modifier():
    a, qs = _quotes(
        "Flood money\n\n"
        "Ministers will spend more on flood defences, the environment secretary has said.\n\n"
        "Steve Reed told the Commons the money would protect 50,000 homes.\n\n"
        "Local residents told the BBC they had been waiting for years.\n\n"
        "Critics say the money is not enough.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Ministers will spend more on flood defences", "the environment secretary", "said"),
        ("the money would protect 50,000 homes", "Steve Reed", "told"),
        ("they had been waiting for years", "Local residents", "told"),
        ("the money is not enough", "Critics", "say"),
    ]


def test_the_company_is_the_company_named_before():
    a, qs = _quotes(
        "Car sales fall\n\n"
        "Perhaps Ford Motor Co. can be forgiven. The company said it would cut 2,000 jobs.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span]) for q in qs] == [
        ("it would cut 2,000 jobs", "Ford Motor Co", "company"),
    ]


def test_nationality_noun_is_the_person_named_before():
    a, qs = _quotes(
        "Defeat at Brighton\n\n"
        "Manchester United manager Ruben Amorim said his side lacked energy.\n\n"
        "'We were tired,' said the Portuguese. 'We have to recover.'\n\n"
        "Brighton head coach Fabian Hurzeler praised his team. The German told the BBC that "
        "the club had worked hard all week.\n\n"
        "Iran and the US have been at odds since Amorim said the game was lost.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span]) for q in qs] == [
        ("his side lacked energy", "Ruben Amorim", "Ruben Amorim"),
        ("We were tired,", "Ruben Amorim", "the Portuguese"),
        ("We have to recover.", "Ruben Amorim", "the Portuguese"),
        ("his team", "Fabian Hurzeler", "Fabian Hurzeler"),  # praised: a verb of judging
        ("the club had worked hard all week", "Fabian Hurzeler", "The German"),
        ("the game was lost", "Ruben Amorim", "Amorim"),
    ]


def test_a_noun_that_starts_a_clause_is_not_an_inverted_speaker_and_asked_is_passive():
    a, qs = _quotes(
        "Stopgap bill\n\n"
        "Two congressional aides, speaking on condition of anonymity, said negotiators were "
        "already working on a longer deal.\n\n"
        "Republicans said the measure did too little.\n\n"
        "Sen. Rand Paul, asked whether he would support a longer deal, said: \"Not if it "
        "looks like this one.\"\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("negotiators were already working on a longer deal", "paraphrase", "congressional aides",
         "said"),
        ("the measure did too little", "paraphrase", "Republicans", "said"),
        ("Not if it looks like this one.", "direct", "Rand Paul", "said"),
    ]


def test_who_said_clause_and_deputy_is_not_the_head_role():
    a, qs = _quotes(
        "Care homes\n\n"
        "Councillor Jane Pike, who said the rules would be reviewed in spring, said she would "
        "meet residents.\n\n"
        "Deputy Governor Ivan Petrov visited the site. Governor Boris Orlov was in Moscow. "
        "The governor has promised each family will be paid.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span], q.cue) for q in qs] == [
        ("the rules would be reviewed in spring", "Jane Pike", "Jane Pike", "said"),
        ("she would meet residents", "Jane Pike", "Jane Pike", "said"),
        ("each family will be paid", "Boris Orlov", "The governor", "promised"),
    ]


def test_told_a_programme_then_the_claim_and_a_named_spokesman_speaks_for_an_organisation():
    text = ("Sewage fine\n\n"
            "Campaigner Feargal Sharkey told BBC Radio 4's Today programme the fine was "
            "\"a drop in the ocean\".\n\n"
            "A Southern Water spokesman later said the company had invested £2bn.\n")
    a, qs = _quotes(text)
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("the fine was \"a drop in the ocean\"", "paraphrase", "Feargal Sharkey", "told"),
        ("a drop in the ocean", "partial", "Feargal Sharkey", "told"),
        # the unnamed spokesman of the body speaks (as the dev keys write it)
        ("the company had invested £2bn", "paraphrase", "A Southern Water spokesman", "said"),
    ]
    sources = {s.name: s.type for s in find_sources(a, qs)}
    assert sources["Southern Water"] == "organisation"


def test_a_lead_in_before_said_colon_is_not_a_claim():
    a, qs = _quotes(
        "Aid convoy\n\n"
        "Speaking at a news conference in Geneva, UN spokesman Jens Laerke said:\n\n"
        "\"The needs are enormous.\"\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("The needs are enormous.", "direct", "Jens Laerke"),
    ]


def test_party_union_and_office_speak_and_his_spokesman_is_not_him():
    a, qs = _quotes(
        "Minister quits\n\n"
        "Dock workers ended a two-week strike on Tuesday, their union said.\n\n"
        "Labour said the resignation raised questions about standards.\n\n"
        "The United States Embassy in Iraq suspended operations. The office asked U.S. "
        "citizens to leave the country.\n\n"
        "Company chief executive John Smith resigned. His spokesman said the decision was "
        "final.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span]) for q in qs] == [
        ("Dock workers ended a two-week strike on Tuesday", "union", "union"),
        ("the resignation raised questions about standards", "Labour", "Labour"),
        ("U.S. citizens to leave the country", "United States Embassy in Iraq", "office"),
        ("the decision was final", "His spokesman", "His spokesman"),
    ]


def test_one_capitalised_word_before_said_is_an_organisation_but_not_a_quantifier():
    a, qs = _quotes(
        "Moon ice\n\n"
        "Nasa said it welcomed the new study.\n\n"
        "Many said the data were thin.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [("it welcomed the new study", "Nasa")]
    assert {s.name: s.type for s in find_sources(a, qs)} == {"Nasa": "organisation"}


def test_wire_cue_phrases_traders_and_analysts_at_a_bank():
    a, qs = _quotes(
        "Oil jumps\n\n"
        "LONDON, March 3 (Reuters) - Oil prices rose more than 3% on Monday, traders said.\n\n"
        "Analysts at Goldman Sachs wrote in a note that prices could climb further.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Oil prices rose more than 3% on Monday", "traders", "said"),
        ("prices could climb further", "Analysts", "wrote in a note"),
    ]


def test_the_council_is_the_council_named_before():
    a, qs = _quotes(
        "Homes plan\n\n"
        "Bristol City Council has opened a consultation. The council said it had received "
        "3,000 responses.\n\n"
        "The committee said the plans were flawed.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span]) for q in qs] == [
        ("it had received 3,000 responses", "Bristol City Council", "council"),
        ("the plans were flawed", "committee", "committee"),
    ]


def test_capitalised_institution_noun_starts_a_name():
    a, qs = _quotes(
        "Pay\n\n"
        "According to the Department for Education, teachers received a 6.5% rise.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("teachers received a 6.5% rise", "Department for Education"),
    ]


def test_participle_after_an_object_belongs_to_the_subject():
    a, qs = _quotes(
        "Row\n\n"
        "Dale Jones, an MP, wrote to Mary Booth accusing the minister of misleading MPs.\n\n"
        "The chancellor disclosed that the deficit had grown.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the minister of misleading MPs", "Dale Jones", "accusing"),
        ("the deficit had grown", "The chancellor", "disclosed"),
    ]


def test_group_including_a_named_person_speaks_as_the_group():
    a, qs = _quotes(
        "Funding\n\n"
        "Critics of the plan, including opposition leader Tom Green, said it was too little.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [("it was too little", "Critics")]


def test_group_before_at_a_described_company_is_the_speaker():
    a, qs = _quotes(
        "Losses\n\n"
        "Executives at the nation's second-largest carmaker said they had seen the slump "
        "coming.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("they had seen the slump coming", "Executives"),
    ]


def test_headline_official_without_article_is_the_official_the_report_names():
    a, qs = _quotes(
        "Strike will not lead to war, says pro-Damascus official\n\n"
        "BEIRUT (Reuters) - The strike will raise tensions but is not expected to lead to "
        "war, said a senior official in the alliance supporting President Bashar al-Assad.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span]) for q in qs] == [
        ("Strike will not lead to war", "a senior official", "pro-Damascus official"),
        ("The strike will raise tensions but is not expected to lead to war",
         "a senior official", "a senior official"),
    ]


def test_passive_label_with_an_agent_is_the_agent_s_words():
    a, qs = _quotes(
        "Attack\n\n"
        "Smith, who was described as \"dangerous\" by the police, was released in May.\n\n"
        "The plan was called \"reckless\" in several newspapers.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("dangerous", "partial", "police"),
        ("reckless", "scare", None),
    ]


def test_one_word_explained_in_brackets_is_a_scare_quote():
    a, qs = _quotes(
        "Trial\n\n"
        "Prosecutors said he urged her to shun her \"haram\" (forbidden) friends.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs if q.kind != "paraphrase"] == [
        ("haram", "scare", None),
    ]


def test_lede_role_is_the_person_named_next_but_an_official_stays_anonymous():
    a, qs = _quotes(
        "Harassment\n\n"
        "Parliament needs an independent support team, a Cabinet minister has said.\n\n"
        "Leader of the Commons Andrea Leadsom told MPs the system was inadequate.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("Parliament needs an independent support team", "Andrea Leadsom"),
        ("the system was inadequate", "Andrea Leadsom"),
    ]
    a, qs = _quotes(
        "Talks\n\n"
        "The talks will resume next week, a US official said.\n\n"
        "State Department spokesman Matthew Miller declined to comment on the talks.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("The talks will resume next week", "a US official"),
    ]


def test_told_then_adding_that_keeps_the_claim_before():
    a, qs = _quotes(
        "Collapse\n\n"
        "A total of 39 are confirmed dead, officials told state media, adding that rescuers "
        "ended their work.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("A total of 39 are confirmed dead", "officials", "told"),
        ("rescuers ended their work", "officials", "adding"),
    ]


def test_port_of_a_town_is_an_organisation():
    a, qs = _quotes(
        "Strike\n\n"
        "According to the Port of Felixstowe, about 1,000 workers took part.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("about 1,000 workers took part", "Port of Felixstowe"),
    ]


def test_she_is_not_the_man_named_last_but_the_woman_before():
    a, qs = _quotes(
        "Talks\n\n"
        "Foreign Minister Penny Wong met John Smith on Monday. Smith said talks had gone "
        "well. She said Australia supported a ceasefire.\n\n"
        "Sarah Jones was at home when the water came in. Her neighbour Peter Hall said the "
        "river rose in minutes. \"It was terrifying,\" she said. \"We ran,\" he added.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("talks had gone well", "John Smith"),
        ("Australia supported a ceasefire", "Penny Wong"),
        ("the river rose in minutes", "Peter Hall"),
        ("It was terrifying,", "Sarah Jones"),
        ("We ran,", "Peter Hall"),
    ]


def test_arabic_name_with_particles_title_and_first_name_and_quote_after_said_on_a_day():
    a, qs = _quotes(
        "Talks\n\n"
        "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani says talks are at a "
        "sensitive phase.\n\n"
        "Sheikh Mohammed said Doha had warned of a wider war. Al Thani added that talks go "
        "on.\n\n"
        "Donald Trump said on Friday \"I can do it if I want. I may do it.\"\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("talks are at a sensitive phase", "paraphrase",
         "Mohammed bin Abdulrahman Al Thani"),
        ("Doha had warned of a wider war", "paraphrase", "Mohammed bin Abdulrahman Al Thani"),
        ("talks go on", "paraphrase", "Mohammed bin Abdulrahman Al Thani"),
        ("I can do it if I want. I may do it.", "direct", "Donald Trump"),
    ]


def test_a_plain_description_of_a_person_is_the_person_named_before():
    a, qs = _quotes(
        "Flood\n\n"
        "Jane Fox lives on the street. The mother-of-two said the flood was terrifying.\n\n"
        "Tom Hill, 34, was driving home. The 34-year-old said the road vanished.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the flood was terrifying", "Jane Fox"),
        ("the road vanished", "Tom Hill"),
    ]


def test_claim_stops_at_which_and_with_and_a_partial_quote_keeps_the_speaker_before():
    a, qs = _quotes(
        "Wall\n\n"
        "Donald Trump insists he can declare a national emergency, which he said would let "
        "him act alone.\n\n"
        "Ukraine has accused Russia of violating its own truce, with the Ukrainian foreign "
        "minister calling it a farce.\n\n"
        "The Vice President, Mike Pence, said the country is \"in the midst of a crisis.\" "
        "Nancy Pelosi, the Speaker, said Congress would act. Muhammad Yunus said the cases "
        "were unfair and vowed to go on.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("he can declare a national emergency", "paraphrase", "Donald Trump"),
        ("would let him act alone", "paraphrase", "Donald Trump"),
        ("Russia of violating its own truce", "paraphrase", "Ukraine"),
        ("it a farce", "paraphrase", "the Ukrainian foreign minister"),
        ('the country is "in the midst of a crisis."', "paraphrase", "Mike Pence"),
        ("in the midst of a crisis.", "partial", "Mike Pence"),
        ("Congress would act", "paraphrase", "Nancy Pelosi"),
        ("the cases were unfair", "paraphrase", "Muhammad Yunus"),
        ("to go on", "paraphrase", "Muhammad Yunus"),
    ]


def test_belief_verbs_report_a_claim_unless_denied_and_think_tank_is_a_noun():
    a, qs = _quotes(
        "Survey\n\n"
        "Scientists hope a new survey will find rare frogs.\n\n"
        "The farmers didn't think the river would flood so soon.\n\n"
        "The Hudson think tank called the plan a failure.\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("a new survey will find rare frogs", "paraphrase", "Scientists", "hope"),
        ("the plan a failure", "paraphrase", "Hudson", "called"),
    ]


def test_court_findings_and_orders_are_the_judge_s_reported_speech():
    a, qs = _quotes(
        "Court\n\n"
        "Judge Mary Byrne accepted the station did not intend to breach the rule. She "
        "accepted the apology of the station. Judge Byrne accepted Acme took full "
        "responsibility for the error. She ordered that the station pay costs to the "
        "charity.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the station did not intend to breach the rule", "Mary Byrne", "accepted"),
        ("Acme took full responsibility for the error", "Mary Byrne", "accepted"),
        ("the station pay costs to the charity", "Mary Byrne", "ordered"),
    ]


def test_inverted_attribution_at_the_end_names_the_source_after_the_verb():
    a, qs = _quotes(
        "Truce\n\n"
        "Israel will keep its freedom to act in Lebanon, said the official.\n\n"
        "Ali Rabiei said on Sunday that the talks had stalled, reported Iran's state media "
        "Press TV.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span], q.cue) for q in qs] == [
        ("Israel will keep its freedom to act in Lebanon", "the official", "the official",
         "said"),
        ("Ali Rabiei said on Sunday that the talks had stalled", "Press TV", "Press TV",
         "reported"),
        ("the talks had stalled", "Ali Rabiei", "Ali Rabiei", "said"),
    ]


def test_an_attribution_inside_the_sentence_reports_the_whole_sentence():
    a, qs = _quotes(
        "Trial\n\n"
        "Jane Fox was at the station that night. Later, she testified, she was robbed by "
        "two officers.\n\n"
        "Rescuers, working through the night, according to the fire ministry pulled six "
        "people from the rubble.\n\n"
        "One child was, according to the police, among the injured.\n\n"
        "At least nine people died, according to the health ministry, some of whom were hurt.\n\n"
        "On Sunday in Leeds, according to the police, a man attacked two shoppers.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Later, she testified, she was robbed by two officers", "Jane Fox", "testified"),
        ("Rescuers, working through the night, according to the fire ministry pulled six "
         "people from the rubble", "fire ministry", "according to"),
        ("One child was, according to the police, among the injured", "police",
         "according to"),
        ("At least nine people died", "health ministry", "according to"),
        ("a man attacked two shoppers", "police", "according to"),
    ]


def test_it_opening_the_next_sentence_is_the_organisation_that_spoke_before():
    a, qs = _quotes(
        "Drones\n\n"
        "Russia launched 90 drones overnight, the Ministry of Defence said on Sunday. It said "
        "50 drones were shot down over the sea.\n\n"
        "It added that the damage was light.\n\n"
        "Jane Fox said the roads were closed. It was reported that the bridge had gone.\n")
    assert [(a[q.span], q.speaker, a[q.speaker_span], q.cue) for q in qs] == [
        ("Russia launched 90 drones overnight", "Ministry of Defence", "Ministry of Defence",
         "said"),
        ("50 drones were shot down over the sea", "Ministry of Defence", "It", "said"),
        ("the damage was light", "Ministry of Defence", "It", "added"),
        ("the roads were closed", "Jane Fox", "Jane Fox", "said"),
    ]


def test_headline_source_and_claim_set_apart_by_a_colon_without_a_verb():
    a, qs = _quotes("Diplomats: Iran nuclear talks move toward extension\n\nThe talks went on.\n")
    assert [_row(a, q) for q in qs] == [
        ("Iran nuclear talks move toward extension", "paraphrase", "Diplomats", "Diplomats",
         None),
    ]
    a, qs = _quotes("Kingdom condemns attack on border town: Foreign ministry statement\n\n"
                    "The attack came at night.\n")
    assert [_row(a, q) for q in qs] == [
        ("Kingdom condemns attack on border town", "paraphrase", "Foreign ministry",
         "Foreign ministry", None),
    ]
    a, qs = _quotes("Ukraine: drones hit power plants overnight\n\nThe attack came at night.\n")
    assert qs == []


def test_denied_or_announced_with_a_gerund_and_its_object_is_a_claim():
    a, qs = _quotes(
        "Drone\n\n"
        "Donald Trump said the US shot down a drone, but officials in Tehran denied losing "
        "one.\n\n"
        "In May, Acme announced investigating itself.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the US shot down a drone", "Donald Trump", "said"),
        ("losing one", "officials in Tehran", "denied"),
        ("investigating itself", "Acme", "announced"),
    ]


def test_claim_stops_at_and_a_second_speech_verb_and_at_a_which_clause_before_but():
    a, qs = _quotes(
        "Retailer\n\n"
        "Michael Sharp said he had no plan to step down and insisted: 'We did all the right "
        "things.'\n\n"
        "David Keane said he wished to renew the apology and stressed that there was no "
        "intent.\n\n"
        "Donald Trump insists that the budget include funding for the wall, which was a "
        "campaign promise, but Congress has refused.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("he had no plan to step down", "paraphrase", "Michael Sharp"),
        ("We did all the right things.", "direct", "Michael Sharp"),
        ("he wished to renew the apology", "paraphrase", "David Keane"),
        ("there was no intent", "paraphrase", "David Keane"),
        ("the budget include funding for the wall", "paraphrase", "Donald Trump"),
    ]


def test_object_of_reported_or_advised_stops_at_a_dash_and_leaves_out_when_and_where():
    a, qs = _quotes(
        "Loss\n\n"
        "As Acme reported a $12 million quarterly loss Thursday — disappointing analysts — "
        "shares fell.\n\n"
        "The United States Embassy advised U.S. citizens to leave the country immediately in "
        "its January 3 security alert.\n\n"
        "The Samoan cabinet voted on Saturday, and the National Emergency Operation Centre "
        "announced the decision that night.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("a $12 million quarterly loss", "Acme", "reported"),
        ("U.S. citizens to leave the country immediately", "United States Embassy",
         "advised"),
        ("the decision", "National Emergency Operation Centre", "announced"),
    ]


def test_told_the_press_a_report_within_a_report_and_infinitive_claims():
    a, qs = _quotes(
        "Search\n\n"
        "Residents there told the press the officers claimed to be seeking a bomb.\n\n"
        "Jane Fox told the press last week, \"We have had hundreds of small quakes here.\"\n\n"
        "Furious MPs criticised ministers for revealing spending pledges to journalists.\n\n"
        "Israel will sign the truce, but pledges to act against Hezbollah.\n\n"
        "Mike Ryan told the press the new drugs were only part of the answer: \"What will "
        "stop the virus is good surveillance.\"\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("the officers claimed to be seeking a bomb", "paraphrase", "Residents"),
        ("to be seeking a bomb", "paraphrase", "officers"),
        ("We have had hundreds of small quakes here.", "direct", "Jane Fox"),
        ("ministers for revealing spending pledges to journalists", "paraphrase", "Furious MPs"),
        ("to act against Hezbollah", "paraphrase", "Israel"),
        ("the new drugs were only part of the answer", "paraphrase", "Mike Ryan"),
        ("What will stop the virus is good surveillance.", "direct", "Mike Ryan"),
    ]


def test_verbs_of_judging_report_what_was_said_about_their_object():
    a, qs = _quotes(
        "Blasts\n\n"
        "The United Nations on Friday denounced the device blasts in Lebanon. China's "
        "foreign ministry dismissed the remarks as 'groundless' and urged Japan to reflect.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("the device blasts in Lebanon", "paraphrase", "United Nations"),
        ("groundless", "partial", "China's foreign ministry"),  # as "called X 'Y'"
        ("Japan to reflect", "paraphrase", "China's foreign ministry"),
    ]


def test_a_names_plural_possessive_does_not_swallow_the_closing_mark_before_it():
    article = Article.from_text(
        "Homes\n\nThe councillor called the objections 'stupid and ridiculous' this week. "
        "Cllr Jean Yates' comments were met with shouts of 'shame' from the gallery. The "
        "students' work was praised as 'superb' by all.\n", slug="t")
    assert [article[s.span] for s in scan_quotes(article)] == [
        "stupid and ridiculous", "shame", "superb"]


def test_claims_after_a_phrase_then_that_said_if_asked_if_and_a_relative_who_described():
    a, qs = _quotes(
        "Tweets\n\n"
        "Ilya Yashin reported on his Twitter account that he had been detained.\n\n"
        "Boris Johnson argued during a debate in September that lockdowns were mad.\n\n"
        "Jatupat Boonpatararaksa said if Prayut did not quit, the protesters would march.\n\n"
        "The editor Jane Fox asked if the report was true.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("he had been detained", "Ilya Yashin"),
        ("lockdowns were mad", "Boris Johnson"),
        ("if Prayut did not quit, the protesters would march", "Jatupat Boonpatararaksa"),
        ("the report was true", "Jane Fox"),
    ]


def test_statement_is_the_medium_and_a_title_with_a_given_name_is_the_person():
    a, qs = _quotes(
        "Bandit\n\n"
        "Spokesman for the Command, Wasiu Abiodun, in a statement on Friday said the report "
        "was false.\n\n"
        "The protesters, led by Songpol Sontirak and Jatupat Boonpatararaksa, gathered. Mr "
        "Jatupat said they would march again.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the report was false", "Wasiu Abiodun"),
        ("they would march again", "Jatupat Boonpatararaksa"),
    ]


def test_participles_that_report_claims_and_verbs_that_need_that():
    a, qs = _quotes(
        "Strike\n\n"
        "Maria Lopez sued the firm last year, alleging she was paid less than her colleagues."
        "\n\nThe union considered that the strike was a success.\n\n"
        "The council considered the plan on Monday.\n\n"
        "Members of the board wrote to the ministry requesting that officials attend "
        "meetings.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("she was paid less than her colleagues", "Maria Lopez", "alleging"),
        ("the strike was a success", "union", "considered"),
        ("officials attend meetings", "Members", "requesting"),
    ]


def test_feelings_put_into_words_and_requests_and_rued():
    a, qs = _quotes(
        "Syria\n\n"
        "UN Secretary-General Antonio Guterres has expressed grave concern over the fighting "
        "in the south.\n\n"
        "Cllr Pat Hayes has expressed his disappointment that the health service refused "
        "to attend.\n\n"
        "The views expressed in the letter were shared by many.\n\n"
        "The ministry has also instructed the embassy to stay in close contact with Tokyo."
        "\n\nThe Congress rued the refusal by the commission to meet its delegation.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("grave concern over the fighting in the south", "Antonio Guterres", "expressed"),
        ("the health service refused to attend", "Pat Hayes", "expressed"),
        ("the embassy to stay in close contact with Tokyo", "ministry", "instructed"),
        ("the refusal by the commission to meet its delegation", "Congress", "rued"),
    ]


def test_request_with_quoted_words_is_a_claim_but_naming_with_as_is_not():
    a, qs = _quotes(
        "Doctors\n\n"
        "The minister urged the doctors to step back from \"illegal action.\"\n\n"
        "The minister dismissed the strike as \"groundless\" on Monday.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("the doctors to step back from \"illegal action.\"", "paraphrase", "The minister"),
        ("illegal action.", "partial", "The minister"),
        ("groundless", "partial", "The minister"),
    ]


def test_the_object_of_a_speech_act_stops_at_amid_when_and_while():
    a, qs = _quotes(
        "Board\n\n"
        "Speaker John Bercow also called for change at Westminster amid new allegations.\n\n"
        "Maria Lopez accused the board of lying when the meeting opened.\n")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("change at Westminster", "John Bercow"),
        ("the board of lying", "Maria Lopez"),
    ]


def test_a_second_speakers_clause_ends_the_first_claim_and_governs_its_quote():
    a, qs = _quotes(
        "Strike\n\n"
        "The union said the strike was a success and one of its leaders, Hector Diaz, urged "
        "the government to \"take note\".\n\n"
        "Jane Fox questioned what kind of plan the council had.\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("the strike was a success", "paraphrase", "union", "said"),
        ("the government to \"take note\"", "paraphrase", "Hector Diaz", "urged"),
        ("take note", "partial", "Hector Diaz", "urged"),
        ("what kind of plan the council had", "paraphrase", "Jane Fox", "questioned"),
    ]


def test_a_partial_quote_after_a_second_speech_act_of_the_speaker_takes_that_cue():
    a, qs = _quotes(
        "Claims\n\n"
        "Mayor Ana Ruiz has said that the audit was fair and called the accusations "
        "\u201cmalicious and false.\u201d\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("the audit was fair", "paraphrase", "Ana Ruiz", "said"),
        ("malicious and false.", "partial", "Ana Ruiz", "called"),
    ]


def test_phrase_with_on_before_that_and_objects_ending_at_which_or_a_participle():
    a, qs = _quotes(
        "Rally\n\n"
        "Sergei Udaltsov reported earlier on his Twitter account that he had been detained."
        "\n\nMaria Lopez urged the board not to agree to the clause, which would stop pay "
        "rises.\n\n"
        "The Democratic Party called for the resignation of the spokesman claiming he is "
        "not the right person.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("he had been detained", "Sergei Udaltsov", "reported"),
        ("the board not to agree to the clause", "Maria Lopez", "urged"),
        ("the resignation of the spokesman", "Democratic Party", "called for"),
        ("he is not the right person", "Democratic Party", "claiming"),
    ]


# --------------------------------------------------------------------------------------
# Speakers: joint speakers, adverbs before the verb
# --------------------------------------------------------------------------------------


def test_words_said_jointly_go_to_the_first_named():
    article, quotes = _quotes(
        "Public broadcasters ABC, NBC and Newsradio all condemned the closure, saying it "
        "turned press freedom into a bargaining chip.\n\n"
        '"We are deeply worried," ABC Chairwoman Jane Miller, NBC Director Tom Brown and '
        "Newsradio Editor Sam Green said in a joint statement.\n\n"
        "The Investigative Committee and the Federal Security Service (FSB) said they believe "
        "gas was the cause.\n")
    rows = [_row(article, q) for q in quotes]
    assert ("it turned press freedom into a bargaining chip", "paraphrase", "ABC", "ABC",
            "saying") in rows
    assert ("We are deeply worried,", "direct", "Jane Miller", "Jane Miller",
            "said in a joint statement") in rows
    assert ("they believe gas was the cause", "paraphrase", "Investigative Committee",
            "Investigative Committee", "said") in rows


def test_places_in_a_group_are_not_joint_speakers():
    article, quotes = _quotes(
        "Officials in South Korea and Japan had earlier reported that the launch failed.\n")
    assert [q.speaker for q in quotes] != ["South Korea"]


def test_an_adverb_between_subject_and_verb():
    article, quotes = _quotes(
        "Tehran, May 23 Foreign Ministry spokesman Ali Rezaei on Friday strongly denied that "
        "the talks had failed.\n")
    assert [_row(article, q) for q in quotes] == [
        ("the talks had failed", "paraphrase", "Ali Rezaei", "Ali Rezaei", "denied")]


def test_the_agent_after_by_is_not_the_speaker():
    article, quotes = _quotes(
        "Earlier today, an official from the Japanese Embassy in Kuala Lumpur when contacted "
        "by Bernama, confirmed that a warning had been issued.\n")
    assert [_row(article, q) for q in quotes] == [
        ("a warning had been issued", "paraphrase",
         "an official from the Japanese Embassy in Kuala Lumpur",
         "an official from the Japanese Embassy in Kuala Lumpur", "confirmed")]


def test_quoted_words_in_a_clause_that_reports_or_names_words_are_a_partial_quote():
    # The subject's words, even when the verb is no speech verb of its own ("referred
    # to") or the subject is an unnamed one ("A LEADING councillor"); a passive
    # ("was commonly called") or an official name ("named … '…'") is a term.
    a, qs = _quotes(
        "Council row\n\n"
        "Jane Fox referred to \"a threatening letter\" she had received.\n\n"
        "A LEADING councillor branded the objections as 'stupid and ridiculous' this week."
        "\n\nThe virus was commonly called \"swine flu\" that year.\n\n"
        "The committee named the virus \"acute syndrome virus\" on Tuesday.\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("a threatening letter", "partial", "Jane Fox", "referred"),
        ("stupid and ridiculous", "partial", "A LEADING councillor", "branded"),
        ("swine flu", "scare", None, None),
        ("acute syndrome virus", "scare", None, None),
    ]


def test_headline_and_subheading_quotes_keep_their_kind_and_go_to_nobody():
    a, qs = _quotes(
        "England 'not good enough' but won't panic\n\n"
        "Jane Fox, the manager, said: \"We were not good enough and I was petrified.\"\n\n"
        "'Petrified'\n\n"
        "The team flew home on Sunday.\n")
    rows = [(a[q.span], q.kind, q.speaker) for q in qs]
    assert ("not good enough", "partial", None) in rows
    assert ("Petrified", "partial", None) in rows


def test_quoted_labels_and_names_are_scare_quotes_even_in_a_speakers_sentence():
    # A label between a possessive and its noun, a capitalised name after a possessive,
    # and a term the writer defines are no one's words.
    a, qs = _quotes(
        "Campaign\n\n"
        "The party posted on X about Gandhi's \"atom bomb\" presser.\n\n"
        "The newsletter also highlights Gandhi's 'Vote Rights March' in Bihar.\n\n"
        "Workers were concerned about the calculation of \"road load\", a measurement of "
        "resistance.\n")
    assert [(a[q.span], q.kind) for q in qs if q.kind != "paraphrase"] == [
        ("atom bomb", "scare"), ("Vote Rights March", "scare"), ("road load", "scare")]


def test_writing_after_a_comma_cues_a_quote_and_a_document_lead_in_is_not_the_writer():
    a, qs = _quotes(
        "Filing\n\n"
        "In the filing itself Jane Fox also made this point, writing \"We have told the "
        "agencies. We are cooperating fully.\"\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("We have told the agencies. We are cooperating fully.", "direct", "Jane Fox",
         "writing")]


def test_verbs_that_judge_or_quote_words_give_the_fragment_to_their_subject():
    a, qs = _quotes(
        "Rally\n\n"
        "Jane Fox mocked the council's plan as \"a fantasy\".\n\n"
        "Tom Green spoke of \"a betrayal\" at the meeting.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("a fantasy", "partial", "Jane Fox"), ("a betrayal", "partial", "Tom Green")]


def test_headline_quote_before_a_colon_and_a_full_name_goes_to_that_person():
    a, qs = _quotes(
        "'The proudest moment of my life': Skipper Leah Williamson leads the party\n\n"
        "'Are they scared of scrutiny?': Government berated in Commons\n\n"
        "England won on Sunday.\n")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("The proudest moment of my life", "direct", "Leah Williamson"),
        ("Are they scared of scrutiny?", "direct", None),
    ]


def test_quotes_that_finish_a_reporters_sentence_are_partial():
    a, qs = _quotes(
        "Briefing\n\n"
        "Jane Fox said Monday that while the cause may not be known, \"we do know it was "
        "not the wiring.\"\n\n"
        "Tom Green congratulated her, saying, \"hopefully we will get a lot done "
        "together.\"\n\n"
        "\"There is a change of era\" and \"a wide rejection of the unions\" asserted Ann "
        "Lee.\n\n"
        "Mary Hill tweeted \"Deeply saddened by the loss of lives\" and offered help.\n")
    rows = [(a[q.span], q.kind) for q in qs if q.kind != "paraphrase"]
    assert rows == [
        ("we do know it was not the wiring.", "partial"),
        ("hopefully we will get a lot done together.", "partial"),
        ("There is a change of era", "partial"),
        ("a wide rejection of the unions", "partial"),
        ("Deeply saddened by the loss of lives", "partial"),
    ]


def test_sentences_quoted_after_told_someone_are_direct_and_keep_their_own_speaker():
    a, qs = _quotes(
        "Verdict\n\n"
        "Tom Green, a lawyer, told the BBC after the verdict \"My client is relieved. She "
        "is glad.\" Ann Lee, another lawyer, told reporters \"Women do not have to "
        "justify themselves.\"\n\n"
        "Mary Hill won the race. \"[...] I always knew this time would come\", Jo Bell "
        "said.\n")
    rows = [(a[q.span], q.kind, q.speaker) for q in qs if q.kind != "paraphrase"]
    assert rows == [
        ("My client is relieved. She is glad.", "direct", "Tom Green"),
        ("Women do not have to justify themselves.", "direct", "Ann Lee"),
        ("[...] I always knew this time would come", "direct", "Jo Bell"),
    ]


def test_took_issue_with_and_spoke_out_against_report_a_view_but_took_and_spoke_do_not():
    a, qs = _quotes(
        "Schools\n\n"
        "Annette Potter took issue with assertions that no learning is going on.\n\n"
        "Jane Fox spoke out against attempts to silence criticism of the court.\n\n"
        "Tom Green took a \"hard line\" and spoke to \"everyone\" there.\n")
    assert [(a[q.span], q.kind, q.speaker, q.cue) for q in qs] == [
        ("assertions that no learning is going on", "paraphrase", "Annette Potter",
         "took issue with"),
        ("attempts to silence criticism of the court", "paraphrase", "Jane Fox",
         "spoke out against"),
        ("hard line", "scare", None, None),
        ("everyone", "scare", None, None),
    ]


def test_an_object_stops_before_the_attribution_that_closes_the_sentence():
    a, qs = _quotes(
        "Talks\n\n"
        "Ann Lee has expressed grave concern over the fighting in the south, her "
        "spokesman said Friday.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Ann Lee has expressed grave concern over the fighting in the south",
         "her spokesman", "said"),
        ("grave concern over the fighting in the south", "Ann Lee", "expressed"),
    ]


def test_a_relative_clause_inside_the_claims_subject_does_not_end_the_claim():
    a, qs = _quotes(
        "Sanctions\n\n"
        "Tom Green added the sanctions, which were announced last week, cast doubt on "
        "the talks.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the sanctions, which were announced last week, cast doubt on the talks",
         "Tom Green", "added"),
    ]


def test_described_x_as_y_without_quotation_marks_is_a_paraphrase_of_the_object():
    a, qs = _quotes(
        "Row\n\n"
        "Officials rebuked Tom Green, who described the mayor's plan as reckless on "
        "Sunday, prompting a debate.\n\n"
        "Jane Fox described the scene to reporters.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the mayor's plan as reckless", "Tom Green", "described"),
    ]


def test_a_claim_verb_inside_reported_speech_reports_the_inner_speakers_claim():
    a, qs = _quotes(
        "Plan\n\n"
        "Ann Lee said Tom Green had argued that the plan would fail.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Tom Green had argued that the plan would fail", "Ann Lee", "said"),
        ("the plan would fail", "Tom Green", "argued"),
    ]


def test_reiterated_their_demand_for_x_is_a_paraphrase_of_x_up_to_the_next_act():
    a, qs = _quotes(
        "Rally\n\n"
        "The union leaders reiterated their demand for a pay rise and shorter hours "
        "before leading the crowd to the town hall.\n")
    assert [(a[q.span], q.cue) for q in qs] == [
        ("a pay rise and shorter hours", "reiterated their demand for"),
    ]


def test_who_claims_to_reports_the_infinitive_and_a_closing_where_clause_is_left_out():
    a, qs = _quotes(
        "Rally\n\n"
        "The rally backed Tom Green, who claims to have been taken from his home last "
        "week.\n\n"
        "The banners repeated Green's claim he was beaten in Kyiv, where he was seeking "
        "help.\n\n"
        "Ann Lee said the plan to send troops to Libya, where a war is underway, breaks "
        "the law.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("to have been taken from his home last week", "Tom Green", "claims"),
        ("he was beaten in Kyiv", "Tom Green", "claim"),
        ("the plan to send troops to Libya, where a war is underway, breaks the law",
         "Ann Lee", "said"),
    ]


def test_a_relative_clause_running_to_the_end_of_the_claim_stays_in_it():
    a, qs = _quotes(
        "Lake\n\n"
        "Scientists say the find may reveal more about the lake, which has remained "
        "untouched for a million years.\n\n"
        "Tom Green said he would close the road, which he said would cut traffic.\n")
    assert [(a[q.span], q.cue) for q in qs] == [
        ("the find may reveal more about the lake, which has remained untouched for a "
         "million years", "say"),
        ("he would close the road", "said"),
        ("would cut traffic", "said"),
    ]


def test_an_attribution_after_an_opening_condition_reports_the_whole_sentence():
    # The condition belongs to the claim; a belief inside it is a supposition.
    a, qs = _quotes(
        "Sirens\n\n"
        "If officers believe they hear a gunshot, Sgt. Tom Green said they will take "
        "steps to be safe.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("If officers believe they hear a gunshot, Sgt. Tom Green said they will take "
         "steps to be safe", "Tom Green", "said"),
    ]


def test_a_closing_attribution_with_a_time_phrase_and_a_noun_report():
    # "later in the day" is a time phrase like "on Monday"; "the shots fired report did
    # not find" uses "report" as a noun (a verb follows it), not as a speech verb.
    a, qs = _quotes(
        "Sirens\n\n"
        "Police investigating the shots fired report did not find any evidence the sound "
        "was a gunshot, Tom Green said later in the day.\n\n"
        "Ann Lee said a seven-day warning is given before visits.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Police investigating the shots fired report did not find any evidence the sound "
         "was a gunshot", "Tom Green", "said"),
        ("a seven-day warning is given before visits", "Ann Lee", "said"),
    ]


def test_a_role_after_the_organisation_named_stays_in_the_attribution():
    a, qs = _quotes(
        "Sirens\n\n"
        "No one was hurt, and no officers fired their weapons, according to Evansville "
        "Police spokesman Sgt. Tom Green.\n")
    assert [a[q.span] for q in qs] == [
        "No one was hurt, and no officers fired their weapons"]


def test_and_that_splits_a_that_clause_and_a_participle_stays_in_the_claim():
    # "reported that X, and that Y" reports two claims; ", bypassing …" is part of X
    # (not a speech verb), while ", following …" is the reporter's note.
    a, qs = _quotes(
        "Group\n\n"
        "The Herald reported on Thursday that Tom Green had secretly created a group, "
        "bypassing the usual processes, and that two of the advisers were members of "
        "other parties.\n\n"
        "In May, Acme announced investigating itself, following staff concerns.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Tom Green had secretly created a group, bypassing the usual processes",
         "Herald", "reported"),
        ("two of the advisers were members of other parties", "Herald", "reported"),
        ("investigating itself", "Acme", "announced"),
    ]


def test_said_that_with_a_verb_after_it_keeps_the_demonstrative():
    a, qs = _quotes(
        "Broadcaster\n\n"
        "Ann Lee said that must change immediately.\n\n"
        "Tom Green said that the council would meet.\n")
    assert [a[q.span] for q in qs] == ["that must change immediately",
                                       "the council would meet"]


def test_deny_someone_access_is_a_refusal_not_a_claim_denied():
    a, qs = _quotes(
        "Hospitals\n\n"
        "Tom Green has denied the Opposition health spokesman access to hospitals.\n\n"
        "Ann Lee denied the claims about hospital access.\n")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the claims about hospital access", "Ann Lee", "denied"),
    ]


def test_a_lead_in_before_an_attribution_that_opens_a_quotation_is_no_claim():
    a, qs = _quotes(
        "Group\n\n"
        "After that meeting on 13 April, she said, \"John invited them to form a group.\"\n\n"
        "The plan is dead, the mayor said.\n")
    assert [(a[q.span], q.kind) for q in qs] == [
        ("John invited them to form a group.", "direct"),
        ("The plan is dead", "paraphrase"),
    ]


def test_a_request_verb_takes_a_that_clause():
    a, qs = _quotes(
        "Council\n\n"
        "Many of the delegates asked that notice be given to the public if and when the "
        "power is used.\n\n"
        "Ann Lee condemned that decision by the council.\n")
    assert [(a[q.span], q.cue) for q in qs] == [
        ("notice be given to the public if and when the power is used", "asked"),
        ("that decision by the council", "condemned"),
    ]


def test_a_threat_is_reported_speech_without_its_occasion_or_a_bare_time_noun():
    a, qs = _quotes(
        "Leaders threaten intervention in Niger after military coup\n\n"
        "West African leaders imposed sanctions on the junta, threatening military action "
        "if Tom Green is not reinstated within a week.\n")
    assert [(a[q.span], q.cue) for q in qs] == [
        ("intervention in Niger", "threaten"),
        ("military action if Tom Green is not reinstated within a week", "threatening"),
    ]


# --------------------------------------------------------------------------------------
# Constructions (round 4): inverted attributions with an adjunct, "according to", verbs
# --------------------------------------------------------------------------------------

def _para(text: str) -> list[tuple]:
    a, qs = _quotes("Storm news\n\n" + text + "\n")
    return [(a[q.span], q.speaker, q.cue) for q in qs if q.kind == "paraphrase"]


def test_an_inverted_attribution_may_end_with_when_or_where_it_was_said():
    assert _para("The bridge will reopen in May, said Helen Marsh at a council meeting.") == [
        ("The bridge will reopen in May", "Helen Marsh", "said")]
    assert _para("Flights resumed at noon, said Omar Diallo when asked about the delays.") == [
        ("Flights resumed at noon", "Omar Diallo", "said")]


def test_retort_and_clarify_take_a_that_clause():
    assert _para("Helen Marsh retorted that the budget had never been cut.") == [
        ("the budget had never been cut", "Helen Marsh", "retorted")]
    assert _para("Omar Diallo clarified that the ferries would keep running.") == [
        ("the ferries would keep running", "Omar Diallo", "clarified")]


def test_admit_and_explain_take_a_clause_without_that_but_not_a_plain_object():
    assert _para("Helen Marsh admitted the repair of the pier was running late.") == [
        ("the repair of the pier was running late", "Helen Marsh", "admitted")]
    assert _para("Omar Diallo explained the ferries would keep running.") == [
        ("the ferries would keep running", "Omar Diallo", "explained")]
    assert _para("Helen Marsh admitted two counts of fraud in court.") == []


def test_according_to_names_the_person_after_an_office_or_a_possessive():
    assert _para("According to Kenya's health minister Susan Wafula, the clinics will "
                 "open on Monday.") == [
        ("the clinics will open on Monday", "Susan Wafula", "According to")]
    assert _para("According to director of the water agency Paul Otieno, the dam is "
                 "safe.") == [("the dam is safe", "Paul Otieno", "According to")]
    assert _para("According to state Attorney General Rosa Diaz, the case was closed.") == [
        ("the case was closed", "Rosa Diaz", "According to")]


def test_according_to_skips_a_description_of_the_source_set_off_by_commas():
    assert _para("According to Omar Diallo, a spokesman for the airline, the flights "
                 "resumed at noon.") == [
        ("the flights resumed at noon", "Omar Diallo", "According to")]
    assert _para("The flights resumed at noon, according to Omar Diallo, a spokesman for "
                 "the airline.") == [
        ("The flights resumed at noon", "Omar Diallo", "according to")]


def test_according_to_without_a_comma_before_the_claim():
    assert _para("According to a study by Oxfam the richest households paid less "
                 "tax.") == [("the richest households paid less tax", "Oxfam", "According to")]


def test_a_lower_case_word_before_a_title_is_not_a_speech_verb():
    # "state" before "Governor …" modifies the title; the verb is the "said" after the name
    assert _para("Polling closed on time, state Governor Rosa Diaz said.") == [
        ("Polling closed on time", "Rosa Diaz", "said")]
    assert _para("The count will finish on Friday, state Chief Returning officer Ken Mbeki "
                 "told reporters.") == [
        ("The count will finish on Friday", "Ken Mbeki", "told")]


def test_said_in_an_interview_with_a_partner_then_that():
    text = ("Budget row\n\nThe mayor, Ines Carvalho, said in a phone interview with local radio "
            "that the bridge would reopen in May.")
    a = Article.from_text(text)
    got = [(a.text[q.span.start:q.span.end], q.kind, q.speaker) for q in find_quotes(a)]
    assert ("the bridge would reopen in May", "paraphrase", "Ines Carvalho") in got


def test_trailing_attribution_with_a_closing_phrase_ends_the_reported_clause():
    # ", he said in an affidavit to court on Monday" closes the sentence: the earlier
    # claim stops before it
    got = _para("The minister told the Daily Post in May that the audit would stay private, "
                "he said in an affidavit to court on Monday.")
    assert ("the audit would stay private", "The minister", "told") in [
        (s, sp, c) for s, sp, c in got]


def test_a_named_speakers_that_clause_after_a_comma_ends_the_clause_before_it():
    # "Pressed on whether …, Ms Lund insisted that …": the question stops at the comma and the
    # named person's own claim is reported on its own
    got = _para("Pressed by councillor Mark Doyle on whether he believed there would be more "
                "job cuts at the council, Ms Lund insisted that staff were entitled to a fair "
                "hearing.")
    spans = [s for s, _sp, _c in got]
    assert "staff were entitled to a fair hearing" in spans
    assert not any("Ms Lund" in s for s in spans)


def test_a_closing_a_charge_denied_by_is_the_reporters_note_not_the_claim():
    assert _para("Opposition leaders claimed that the guard was a party member and was beaten "
                 "by police, a charge denied by the interior ministry.") == [
        ("the guard was a party member and was beaten by police", "Opposition leaders",
         "claimed")]


def test_a_quoted_title_after_a_noun_for_a_show_is_a_scare_quote():
    a, qs = _quotes("Talks\n\nSpeaking on the radio programme “Morning Matters,” Dana Ruiz said "
                    "the talks would resume.\n")
    got = {a[q.span]: (q.kind, q.speaker) for q in qs}
    assert got["Morning Matters,"] == ("scare", None)


def test_a_quoted_nickname_inside_a_name_is_a_scare_quote():
    a, qs = _quotes("Visit\n\nThe town will rebuild, Mayor Robert “Bobby” Kane said on "
                    "Friday.\n")
    got = {a[q.span]: (q.kind, q.speaker) for q in qs}
    assert got["Bobby"] == ("scare", None)


def test_a_question_after_a_headline_colon_is_no_claim():
    a, qs = _quotes("Helen Marsh: Is the bypass still worth building?\n\nThe council met on "
                    "Monday.\n")
    assert [q for q in qs if q.kind == "paraphrase"] == []
    a, qs = _quotes("Helen Marsh: The bypass is still worth building\n\nThe council met on "
                    "Monday.\n")
    assert [(a[q.span], q.speaker) for q in qs if q.kind == "paraphrase"] == [
        ("The bypass is still worth building", "Helen Marsh")]


def test_a_spokesperson_of_a_body_named_between_the_article_and_the_role():
    # "an X spokesman": the speaker is the unnamed spokesman, not the body X
    for text, who in (
            ('A Harbour Trust spokesperson said: "The pier stays shut until June."',
             "A Harbour Trust spokesperson"),
            ('An Opposition spokeswoman said: "The pier stays shut until June."',
             "An Opposition spokeswoman"),
            ('A Theatre at Riverside Park spokesman told reporters, "The pier stays shut '
             'until June."', "A Theatre at Riverside Park spokesman")):
        a, qs = _quotes(text)
        assert [(a[q.span], q.speaker) for q in qs] == [("The pier stays shut until June.", who)]
    # a definite role refers back to someone already named: no new speaker is made
    a, qs = _quotes('Defence Secretary Rhys Carter spoke first. "We will stay," the Defence '
                    'secretary said.')
    assert [q.speaker for q in qs] == ["Rhys Carter"]


def test_a_medium_after_the_verb_is_not_a_speaker_named_after_it():
    # "…, X, a spokeswoman for the ministry, said in a statement.": the statement is how
    # she spoke, not a source named after the verb
    a, qs = _quotes("Farmers met on Friday. The levy would rise next year, Ana Perez, a "
                    "spokeswoman for the farm board, said in a statement.")
    assert [(a[q.span], q.speaker) for q in qs] == [("The levy would rise next year",
                                                     "Ana Perez")]


def test_a_body_after_a_possessive_speaks_not_its_owner():
    for text in ("Farmers met on Friday. According to Chile's farm agency, the levy would "
                 "rise next year.",
                 "Farmers met on Friday. The levy would rise next year, according to "
                 "Chile's farm agency."):
        a, qs = _quotes(text)
        assert [(a[q.span], q.speaker) for q in qs] == [("the levy would rise next year"
                                                         if "According" in text else
                                                         "The levy would rise next year",
                                                         "farm agency")]
    # a person named after the owner and the office still speaks
    a, qs = _quotes("Farmers met on Friday. According to Chile's farm minister Tomas Rojas, "
                    "the levy would rise next year.")
    assert [q.speaker for q in qs] == ["Tomas Rojas"]


def test_an_adjective_between_capitalised_title_words_belongs_to_the_title():
    for text in ("Farmers met on Friday. State Chief Financial Officer Tomas Rojas said in a "
                 "statement that the levy would rise next year.",
                 "Farmers met on Friday. The levy would rise next year, according to state "
                 "Chief Financial Officer Tomas Rojas."):
        a, qs = _quotes(text)
        assert [(a[q.span].lower(), q.speaker) for q in qs] == [
            ("the levy would rise next year", "Tomas Rojas")]
        assert "Financial" not in {s.name for s in find_sources(a, qs)}


def test_a_document_from_a_body_speaks_named_with_its_owner():
    a, qs = _quotes("Farmers met on Friday. The levy would rise next year, a statement from the "
                    "Farm Workers Union said on Saturday. The statement said that talks would "
                    "go on.")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("The levy would rise next year", "statement from the Farm Workers Union"),
        ("talks would go on", "statement from the Farm Workers Union")]
    a, qs = _quotes('Farmers met on Friday. "There is no deal," said a statement from Prime '
                    'Minister Ana Perez\'s office.')
    assert [q.speaker for q in qs] == ["statement from Prime Minister Ana Perez's office"]


def test_a_persons_affidavit_that_opens_the_sentence_speaks():
    a, qs = _quotes("Farmers met on Friday. Tomas Rojas's affidavit was seeking to clarify "
                    "\u201ca small error\u201d in the levy.")
    assert [(a[q.span], q.speaker) for q in qs] == [("a small error",
                                                     "Tomas Rojas's affidavit")]


def test_expressed_disapproval_of_reports_the_object():
    # "expressed disapproval of X" judges X as "disapproved of X" would: X is the span
    a, qs = _quotes("Union chief Dana Welch expressed disapproval of the pay cap and the bonus "
                    "scheme.")
    assert [(a[q.span], q.kind, q.speaker) for q in qs] == [
        ("the pay cap and the bonus scheme", "paraphrase", "Dana Welch")]
    a, qs = _quotes("Mayor Tom Reid expressed his satisfaction with the council's new budget.")
    assert [(a[q.span], q.speaker) for q in qs] == [("the council's new budget", "Tom Reid")]


def test_a_series_of_that_clauses_is_one_claim_each():
    # "said that A, that B, and that C": the commas before each "that" part the claims
    a, qs = _quotes("The council said that the road was safe, that the bridge would reopen in "
                    "May, and that no homes were at risk.")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the road was safe", "council"), ("the bridge would reopen in May", "council"),
        ("no homes were at risk", "council")]


def test_a_that_clause_ends_where_a_new_subject_says_something():
    # "over X's comments that Y, Z said …": Z's report starts a new claim after the comma
    a, qs = _quotes("Asked about Mayor Ann Price's comments that the depot was unsafe, the "
                    "council said the site had passed every inspection.")
    got = [(a[q.span], q.speaker) for q in qs]
    assert ("the depot was unsafe", "Ann Price") in got
    assert not any(s.startswith("the depot was unsafe,") for s, _ in got)


def test_more_verbs_of_judging_report_their_object():
    # "echoed X's assessment", "regrets the closures", "disputing the figure" judge the object
    for text, span in (
            ("Deputy director Lena Ruiz echoed Smith's assessment of the results.",
             "Smith's assessment of the results"),
            ("Housing minister Paul Grant regrets the closures of the shelters.",
             "the closures of the shelters"),
            ("Union leader Joan Hale disputed the figure of 40 job losses.",
             "the figure of 40 job losses")):
        a, qs = _quotes(text)
        assert [(a[q.span], q.kind) for q in qs] == [(span, "paraphrase")]


def test_a_statement_put_out_by_a_source_speaks_for_it():
    # "X released a statement saying Y": X says Y, not the statement
    a, qs = _quotes("Mayor Lisa Hart released a statement on Friday saying the pool would "
                    "reopen in June.")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the pool would reopen in June", "Lisa Hart")]


def test_a_promo_line_is_read_as_a_headline():
    # "READ MORE: Y, X says": the linked story's headline is read as a headline
    a, qs = _quotes("Council to sell town hall\n\nThe council met on Monday.\n\n"
                    "READ MORE: Bus fares will rise 'by a lot', Mayor Jane Doe says\n\n"
                    "The vote is next week.")
    # (its quoted words are a partial quote, not a stray mark; promos are not scanned
    # for sources, so no speaker is named)
    assert [(a[q.span], q.kind) for q in qs] == [("by a lot", "partial")]


def test_convinced_someone_that_reports_the_claim_but_not_a_belief():
    # "X convinced the jury that Y" reports Y; "X was convinced that Y" is a belief
    a, qs = _quotes("Prosecutors convinced the jury that Hale was of sound mind when he "
                    "planned the attack.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Hale was of sound mind when he planned the attack", "Prosecutors", "convinced")]
    a, qs = _quotes("Tom Hale was convinced that the plan would fail.")
    assert qs == []


def test_gave_evidence_of_or_that_reports_a_witness_account():
    # "X gave evidence of Y" / "X gave evidence that Y": the witness's account in court
    a, qs = _quotes("Sergeant Mary Lowe, based at Main Street station, gave evidence of "
                    "stopping driver Tom Hale on the motorway.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("stopping driver Tom Hale on the motorway", "Mary Lowe", "gave evidence of")]
    a, qs = _quotes("Mary Lowe gave evidence that she had seen the car.")
    assert [(a[q.span], q.speaker) for q in qs] == [("she had seen the car", "Mary Lowe")]
    a, qs = _quotes("Mary Lowe gave the dog a bone. The doctor will give evidence next week.")
    assert qs == []


def test_the_court_heard_gives_the_evidence_to_the_court_named_before():
    # "The court heard (on Monday) (that) Y": Y was put to the court (the one named)
    a, qs = _quotes("The trial at Leeds Crown Court went on.\n\n"
                    "The court heard on Monday that the man had fled.\n\n"
                    "The court heard Tom Hale had told officers he was afraid.\n\n"
                    "The trial also heard evidence from a doctor. Residents heard gunshots.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the man had fled", "Leeds Crown Court", "heard"),
        ("Tom Hale had told officers he was afraid", "Leeds Crown Court", "heard"),
        ("he was afraid", "Tom Hale", "told")]
    # (", a court has heard" closing the sentence is not part of what was told)
    a, qs = _quotes("The case at Leeds Crown Court went on.\n\n"
                    "Tom Hale told police he was afraid, a court has heard.")
    assert [(a[q.span], q.speaker) for q in qs][-1] == ("he was afraid", "Tom Hale")


def test_span_ends_but_not_despite_and_even_as():
    # ", but not with X" finishes the claim; "despite X" without a comma belongs to the
    # claim's verb; ", even as X" is the reporter's contrast
    a, qs = _quotes("Ana Ruiz said she would meet the mayor, but not with his deputy.")
    assert [a[q.span] for q in qs] == ["she would meet the mayor, but not with his deputy"]
    a, qs = _quotes("The union argues that the plan will mean a pay cut despite a rise in "
                    "basic pay.")
    assert [a[q.span] for q in qs] == ["the plan will mean a pay cut despite a rise in basic pay"]
    a, qs = _quotes("Senate Republicans say they are drafting the bill, even as they have "
                    "no deal with Democrats.")
    assert [a[q.span] for q in qs] == ["they are drafting the bill"]


def test_bare_claim_then_and_that_is_two_claims():
    # "said A, and that B" without a first "that": two claims, as after "said that"
    a, qs = _quotes("Mayor Ana Ruiz said the bridge will reopen in May because the repairs "
                    "are done, and that there is nothing the council can add.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the bridge will reopen in May because the repairs are done", "Ana Ruiz", "said"),
        ("there is nothing the council can add", "Ana Ruiz", "said")]
    # ("and that is why" is the demonstrative: one claim)
    a, qs = _quotes("Mayor Ana Ruiz said the bridge was closed, and that was the end of it.")
    assert [a[q.span] for q in qs] == ["the bridge was closed, and that was the end of it"]


def test_claim_subject_speaking_twice_keeps_the_second_verb():
    # "told the court that she explained … and told him Y": the that-clause's own subject
    # spoke twice; the outer claim runs on, and "told him Y" is an inner report
    a, qs = _quotes("Garda Ann Cole gave evidence.\n\n"
                    "She told the court that she warned the driver about his speed and told "
                    "him a fine would follow.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("she warned the driver about his speed and told him a fine would follow",
         "Ann Cole", "told"),
        ("a fine would follow", "Ann Cole", "told")]


def test_however_after_said_and_with_clause_inside_the_claim():
    # "said, however, (that) Y": the reporter's connective set off by commas before Y
    a, qs = _quotes("Tom Hale said, however, the council should keep the library open.\n\n"
                    "Ana Ruiz added, however, that the budget was tight.")
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("the council should keep the library open", "Tom Hale"),
        ("the budget was tight", "Ana Ruiz")]
    # ", with X remaining …" (not a speech verb) describes the claim's state and stays
    a, qs = _quotes("Ana Ruiz said the best plan was a merger, with the town keeping a "
                    "majority stake.")
    assert [a[q.span] for q in qs] == [
        "the best plan was a merger, with the town keeping a majority stake"]
    # (", with the minister calling it …" is the reporter's addition: cut there)
    a, qs = _quotes("Ana Ruiz said the talks had failed, with the minister calling them "
                    "a waste of time.")
    assert a[qs[0].span] == "the talks had failed"


def test_contrary_when_closes_a_claim_but_not_a_question():
    # "claimed that X when he had not": the reporter's contrast with the facts is cut;
    # "asked why she had said X when she had not" keeps it in the question
    a, qs = _quotes("Tom Hale claimed that he had paid the bill when he had not.")
    assert [a[q.span] for q in qs] == ["he had paid the bill"]
    a, qs = _quotes("Tom Hale said he was at home when the fire started.")
    assert [a[q.span] for q in qs] == ["he was at home when the fire started"]
    a, qs = _quotes("Tom Hale asked why she had said that she paid the bill when she had not.")
    assert a[qs[0].span] == "why she had said that she paid the bill when she had not"


def test_a_court_has_heard_closing_the_lead_gives_the_claim_to_the_court():
    # "CLAIM, a court has heard." in the lead: the court, named further on, heard it
    a, qs = _quotes("Headline\n\n"
                    "A Leeds man found with a knife told police it was for fishing, a court "
                    "has heard.\n\nTom Hale appeared at Leeds Crown Court on Monday.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs][0] == (
        "A Leeds man found with a knife told police it was for fishing",
        "Leeds Crown Court", "heard")


def test_a_document_found_reports_its_finding():
    # "The report found (that) Y": a document's finding is what it says; "found" after
    # anything else is no report
    for text in ("The report found that the ship carried no arms.",
                 "The report found the ship carried no arms."):
        a, qs = _quotes("Ship cleared\n\n" + text)
        assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
            ("the ship carried no arms", "report", "found")]
    a, qs = _quotes("Ship cleared\n\nPolice found the body was in the river.")
    assert qs == []


def test_inquiries_investigations_and_reviews_speak_as_documents():
    # "The investigation found that Y", "An independent review concluded that Y": an inquiry
    # is a document mention, like "the report".
    for text, speaker, cue in (
            ("The investigation found that the ferry was overloaded.", "investigation",
             "found"),
            ("An inquiry concluded that the ferry was overloaded.", "inquiry", "concluded"),
            ("An independent review found that the ferry was overloaded.",
             "independent review", "found"),
            ("A police probe found that the ferry was overloaded.", "police probe", "found")):
        a, qs = _quotes("Ferry report\n\n" + text)
        assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
            ("the ferry was overloaded", speaker, cue)]


def test_a_document_described_before_found_still_reports():
    # "The study, published in a journal, found that Y", "A survey of parents found that
    # Y": the document is the subject, past its description.
    for text, speaker in (
            ("The study, published in a medical journal, found that the ferry was "
             "overloaded.", "study"),
            ("A survey of passengers found that the ferry was overloaded.", "survey")):
        a, qs = _quotes("Ferry report\n\n" + text)
        assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
            ("the ferry was overloaded", speaker, "found")]
    a, qs = _quotes("Ferry report\n\nThe study, published in a journal, found a link "
                    "between sleep and diet.")
    assert qs == []


def test_sources_close_to_a_body_speak_not_the_body():
    # "A source close to the ministry said Y", "people familiar with the talks said": the
    # unnamed people speak, named with the phrase that places them.
    for text, speaker in (
            ("A source close to the ministry said the ferry was overloaded.",
             "A source close to the ministry"),
            ("The ferry was overloaded, people familiar with the inquiry said.",
             "people familiar with the inquiry"),
            ("Sources close to Prime Minister Jane Doe said the ferry was overloaded.",
             "Sources close to Prime Minister Jane Doe")):
        a, qs = _quotes("Ferry report\n\n" + text)
        assert [(a[q.span].lower(), q.speaker) for q in qs] == [
            ("the ferry was overloaded", speaker)]


def test_an_institution_speaks_after_a_letter_to_its_readers():
    # "In a letter to parents, the school said Y": the lead-in names the medium and who it
    # was sent to; the school speaks.
    for body in ("school", "hospital", "club"):
        a, qs = _quotes(f"Ferry report\n\nIn a letter to parents, the {body} said the ferry "
                        "was overloaded.")
        assert [(a[q.span], q.speaker) for q in qs] == [("the ferry was overloaded", body)]


def test_how_an_anonymous_source_spoke_is_not_what_was_said():
    # "Y, an official said on condition of anonymity": the phrase after the verb says how
    # the source spoke; the claim is before the attribution (or the that-clause after it)
    for text, who in (
            ("The ferry will stop in May, a port official said on condition of anonymity.",
             "a port official"),
            ("The ferry will stop in May, two pilots said on condition that they not be "
             "named.", "two pilots"),
            ("The ferry will stop in May, a port official told a radio station on condition "
             "of anonymity because he was not authorised to speak publicly.",
             "a port official"),
            ("The ferry will stop in May, a port official said on Tuesday on the condition of "
             "anonymity.", "a port official"),
            ("The ferry will stop in May, said a port official who asked not to be named.",
             "a port official")):
        a, qs = _quotes("Ferry news\n\nThe island council met. " + text)
        assert [(a[q.span], a[q.speaker_span]) for q in qs] == [
            ("The ferry will stop in May", who)], text
    a, qs = _quotes("Ferry news\n\nA port official said on condition of anonymity that the "
                    "ferry will stop in May.")
    assert [(a[q.span], q.cue) for q in qs] == [("the ferry will stop in May", "said")]


def test_a_document_finding_past_a_phrase_or_at_the_end():
    # "The report, published on Monday, also found Y", "Y, the report found.", "The report
    # concluded Y": a document's finding, past a phrase set off by commas, an adverb, or
    # after the claim; "concluded" takes a clause as "found" does (not "concluded the talks")
    for text, span, cue in (
            ("The report, published on Monday, also found the ship carried no arms.",
             "the ship carried no arms", "found"),
            ("The ship carried no arms, the report found.", "The ship carried no arms",
             "found"),
            ("The report concluded the ship carried no arms.", "the ship carried no arms",
             "concluded")):
        a, qs = _quotes("Ship cleared\n\n" + text)
        assert [(a[q.span], q.speaker, q.cue) for q in qs] == [(span, "report", cue)], text
    a, qs = _quotes("Ship cleared\n\nThe minister concluded the talks on Monday.")
    assert qs == []


def test_an_opening_participle_is_the_main_subjects_act():
    # "Criticising the report published in the daily Gazette, the minister said Y": the
    # participle's object is what the minister criticised; the minister, after the comma,
    # is its speaker (not the report after the participle)
    a, qs = _quotes("Ship cleared\n\nCriticising the report published in the daily Gazette, "
                    "the minister said the ship carried no arms.")
    assert [(a[q.span], a[q.speaker_span], q.cue) for q in qs] == [
        ("the report published in the daily Gazette", "the minister", "Criticising"),
        ("the ship carried no arms", "the minister", "said")]


def test_a_quote_a_colon_brings_in_is_not_the_next_sentences():
    # 'Khan said: "…" Nurses said that …': the colon after "said" gives the quote to Khan;
    # the cue of the next sentence opens a new claim (also when the colon ends the paragraph)
    for text in ('Dr Sarah Khan, the chief surgeon, said: "We have no gauze." Nurses said '
                 "that staff had not been paid.",
                 'Sarah Khan said:\n\n"We have no gauze." Nurses said that staff had not '
                 "been paid."):
        a, qs = _quotes("Hospital short of supplies\n\n" + text)
        assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
            ("We have no gauze.", "Sarah Khan", "said"),
            ("staff had not been paid", "Nurses", "said")], text
    a, qs = _quotes('Hospital short of supplies\n\n"Who has gauze?" John Smith asked.')
    assert [(a[q.span], q.speaker) for q in qs] == [("Who has gauze?", "John Smith")]


def test_a_role_after_a_courtesy_title_and_name_is_that_persons():
    # "Dr Sarah Khan, the chief surgeon,": "the surgeon" later is Dr Khan
    a, qs = _quotes('Hospital short of supplies\n\nDr Sarah Khan, the chief surgeon, said: '
                    '"We have no gauze." The surgeon added that staff had not been paid.')
    assert [(a[q.span], q.speaker) for q in qs] == [
        ("We have no gauze.", "Sarah Khan"), ("staff had not been paid", "Sarah Khan")]


def test_a_news_agency_named_with_its_noun_speaks_by_its_name():
    # "news agency ANP says", "Xinhua news agency reported", "the state news agency SANA
    # said"; "state media said" and "according to local media": the press as a source
    for text, speaker in (
            ("The centre will open, news agency ANP says.", "ANP"),
            ("The centre will open, Xinhua news agency reported.", "Xinhua"),
            ("The centre will open, the state news agency SANA said.", "SANA"),
            ("The centre will open, state media said.", "state media"),
            ("According to local media, the centre will open.", "local media")):
        a, qs = _quotes("Refugee centre\n\n" + text)
        assert [(a[q.span], q.speaker) for q in qs] == [
            ("The centre will open" if text.startswith("The") else "the centre will open",
             speaker)], text


def test_a_full_name_speaks_past_a_description_set_off_after_it():
    # "Bridgette Moore, Mayor Pro Tem, said", "Mr McHugh, Tory candidate for Woodhouse Park,
    # then questioned": the person, not the title's words or the place in the description
    for text, speaker in (
            ("Bridgette Moore, Mayor Pro Tem, said that residents want a vote.",
             "Bridgette Moore"),
            ("Mr McHugh, Tory candidate for Woodhouse Park, then questioned whether the "
             "council had a plan.", "McHugh"),
            ("The prime minister, Marta Kessel, later said that residents want a vote.",
             "Marta Kessel")):
        a, qs = _quotes("Council vote\n\n" + text)
        assert [q.speaker for q in qs] == [speaker], text


def test_he_is_the_owner_named_in_the_sentence_not_a_place():
    # "… condemning Defence Minister Liam Fox's remarks, in which he stated that …": "he"
    # is Fox (named as an owner), never "the Malvinas Islands" named before
    a, qs = _quotes("Islands row\n\nThe dispute over the Malvinas Islands went on.\n\nThe "
                    "ministry issued a statement condemning Defence Minister Liam Fox's "
                    "remarks, in which he stated that the UK would defend the islands.")
    assert ("the UK would defend the islands", "Liam Fox") in [
        (a[q.span], q.speaker) for q in qs]


def test_quote_paragraphs_after_a_paraphrase_paragraph_keep_its_speaker():
    # "Mr Adejobi further stated that …" then two paragraphs that are all quote: both his
    a, qs = _quotes("Release\n\nMr Adejobi further stated that the release came after he met "
                    "his bail conditions.\n\n“He has been released on a surety.”\n\n“His "
                    "release has no link with the protest.”")
    assert [q.speaker for q in qs] == ["Adejobi"] * 3


def test_someones_words_named_before_a_colon_are_theirs():
    # "Her comment is republished in full below:" then the quotation, over two paragraphs
    a, qs = _quotes('Border\n\nJane Doe commented on the situation on Sunday. Her comment is '
                    'republished in full below:\n\n"Reports of tension are exaggerated.\n\n"To '
                    'be clear: nothing acute is happening."')
    assert [(q.speaker, q.cue) for q in qs] == [("Jane Doe", "comment"), ("Jane Doe", None)]


def test_a_name_and_a_colon_give_the_quote_after_it():
    # 'Players union executive director Billy Hunter: "We have …"': his words
    a, qs = _quotes('Strike\n\nPlayers union executive director Billy Hunter: "We have '
                    'reached the end." Union president Derek Fisher said, "This is right."')
    assert [q.speaker for q in qs] == ["Billy Hunter", "Derek Fisher"]
    a, qs = _quotes('Strike\n\nThe message was clear: "We have reached the end."')
    assert [q.speaker for q in qs] == [None]


def test_new_verbs_of_judging_and_a_clause_after_a_quote():
    # "lambasted", "raps", "speculated", "implied"; and 'X added, "…" before Y lambasted
    # …': the quote is X's (the clause after it is a new act of speech)
    for text, span, cue in (
            ("Christopher Stalford lambasted the insiders.", "the insiders", "lambasted"),
            ("The union blasted the decision.", "the decision", "blasted"),
            ("Smith speculated that the vote would be close.", "the vote would be close",
             "speculated"),
            ("Doe implied that the vote was rigged.", "the vote was rigged", "implied")):
        a, qs = _quotes("Vote\n\n" + text)
        assert (span, cue) in [(a[q.span], q.cue) for q in qs], text
    a, qs = _quotes('Vote\n\nCouncilman Anibal Ramos added, "and to say that about a ward …" '
                    "before Quintana again lambasted the use of foul language.")
    assert [q.speaker for q in qs][0] == "Anibal Ramos"


def test_raising_concerns_puts_a_feeling_into_words():
    # "raised concerns about X" as "expressed concern over X" (the feeling stays in the
    # span); "raised taxes" is no speech
    a, qs = _quotes("Talks\n\nJohn Smith raised concerns about the inconsistent responses. "
                    "The council raised taxes.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("concerns about the inconsistent responses", "John Smith", "raised")]


def test_a_time_word_and_a_comma_after_the_verb_leave_the_claim_before_it():
    # "Y, the Kremlin said Thursday, citing officials": Y is the claim, not "Thursday, …"
    a, qs = _quotes("Talks\n\nRussia and Ukraine still have a chance to resume peace talks, "
                    "the Kremlin said Thursday, citing officials.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("Russia and Ukraine still have a chance to resume peace talks", "Kremlin", "said")]


def test_a_claim_may_open_with_a_condition_or_a_contrast():
    # "said despite the downward trend, …", "said while the police are …, …"; and "The
    # Hong Kong-based group said" (a group that speaks, not "a group of residents")
    for text, span in (
            ("Klaas Dijkhoff said despite the downward trend, more beds were needed.",
             "despite the downward trend, more beds were needed"),
            ("Jane Doe said while the police are relentless, help was still needed.",
             "while the police are relentless, help was still needed")):
        a, qs = _quotes("Talks\n\n" + text)
        assert [a[q.span] for q in qs] == [span], text
    a, qs = _quotes("Talks\n\nThe Hong Kong-based group said the crackdown came in March.")
    assert [q.speaker for q in qs] == ["group"]


def test_it_after_a_connective_is_the_body_that_just_spoke():
    # "BlackBerry said … Furthermore, it said …": BlackBerry again
    a, qs = _quotes("Talks\n\nBlackBerry said the report was false. Furthermore, it said it "
                    "would ask the regulator to investigate.")
    assert [q.speaker for q in qs] == ["BlackBerry", "BlackBerry"]


def test_who_told_is_the_person_before_who():
    # "John Smith met Jane Doe, who told him that …": Jane Doe told him
    a, qs = _quotes("Talks\n\nJohn Smith met Jane Doe, who told him that the plan would go "
                    "ahead.")
    assert [(a[q.span], q.speaker, q.cue) for q in qs] == [
        ("the plan would go ahead", "Jane Doe", "told")]


def test_according_to_him_is_the_person_named_before():
    # "Pushpa Kamal Dahal spoke … According to him, …"; "her" takes the woman named before
    for text, speaker in (
            ("Pushpa Kamal Dahal spoke on Monday. According to him, the commission had formed "
             "a taskforce.", "Pushpa Kamal Dahal"),
            ("Jane Doe met John Smith. According to her, the commission had formed a "
             "taskforce.", "Jane Doe")):
        a, qs = _quotes("Talks\n\n" + text)
        assert [(a[q.span], q.speaker) for q in qs] == [
            ("the commission had formed a taskforce", speaker)], text


def test_what_the_speaker_did_next_is_not_the_claim():
    # "said he was sorry, then thanked his family", "… and then left the room", "…, before
    # leaving"; but "the bus stopped and then the driver left" is all the claim
    for text, span in (
            ("George Huguely said he was sorry for their loss, then thanked his family.",
             "he was sorry for their loss"),
            ("The minister said the talks had failed and then left the room.",
             "the talks had failed"),
            ("The minister said the talks had failed, before leaving the room.",
             "the talks had failed"),
            ("The driver said the bus stopped and then the driver left.",
             "the bus stopped and then the driver left")):
        a, qs = _quotes("Talks\n\n" + text)
        assert [a[q.span] for q in qs] == [span], text


def test_a_speech_verb_printed_with_a_capital_after_a_name():
    # '"…," Lal Singh Said.': the verb (but "Edward Said wrote" keeps his name)
    a, qs = _quotes('Talks\n\n"Due replacement has been given," Lal Singh Said. Palestinian '
                    "scholar Edward Said wrote that the peace process had failed.")
    assert [(q.speaker, q.cue) for q in qs] == [("Lal Singh", "Said"), ("Edward Said", "wrote")]
