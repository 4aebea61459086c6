"""Sourcing: people with titles and roles, organisations, anonymous sources, media
credits, every mention, and the aggregates the charts use."""

from __future__ import annotations

import json

import pytest

from medialit.article import Article
from medialit.attribution import find_quotes
from medialit.keys import key_path
from medialit.sourcing import (
    find_mentions,
    find_sources,
    lexicon,
    quoted_words_by_affiliation,
    quoted_words_by_source,
    voices_heard,
)


def _quotes_of(text: str) -> tuple[Article, list]:
    article = Article.from_text(text)
    return article, find_quotes(article)


def _sources(article: Article):
    return {s.name: s for s in find_sources(article, find_quotes(article))}


def test_seed_sources_match_the_key_exactly(seed):
    key = json.loads(key_path(seed).read_text(encoding="utf-8"))
    got = {
        s.name: (s.type, s.use, s.role, s.organisation, s.affiliation,
                 [m.as_list() for m in s.mentions])
        for s in find_sources(seed, find_quotes(seed))
    }
    want = {
        s["name"]: (s["type"], s["use"], s["role"], s["organisation"], s["affiliation"],
                    s["mentions"])
        for s in key["sources"]
    }
    assert got == want


def test_seed_titles_and_roles_are_split_out(seed):
    s = _sources(seed)
    miller = s["Matthew Miller"]
    assert (miller.role, miller.organisation, miller.affiliation) == (
        "spokesman", "State Department", "US government")
    assert [seed[m] for m in miller.mentions] == ["Matthew Miller", "he"]
    blinken = s["Antony Blinken"]
    assert blinken.role == "secretary of state"
    texts = [seed[m] for m in blinken.mentions]
    assert texts.count("Blinken") == 6 and texts.count("He") == 3
    assert "The secretary" in texts  # a role noun inside Miller's quote
    assert (s["Reuters"].type, s["Reuters"].role) == ("media", "photo credit")
    assert (s["agencies"].type, s["agencies"].role) == ("media", "news agencies")
    assert s["Israeli soldiers"].type == "anonymous"
    # The promo line "Watch | Hamas claims ..." is not part of the article.
    promo = seed.text.index("Watch |")
    assert all(not (promo <= m.start < promo + 60) for m in s["Hamas"].mentions)


def test_seed_aggregates(seed):
    quotes = find_quotes(seed)
    sources = find_sources(seed, quotes)
    heard = voices_heard(sources)
    assert heard["heard"] == ["Antony Blinken", "Matthew Miller"]
    assert "Isaac Herzog" in heard["mentioned"] and "Hamas" in heard["mentioned"]
    words = quoted_words_by_source(seed, quotes)
    # Blinken: 2 + 2 + 1 + 4 + 20 + 19 + 15 words; Miller: 9 + 38 words.
    assert words == {"Antony Blinken": 63, "Matthew Miller": 47}
    assert quoted_words_by_affiliation(seed, quotes, sources) == {"US government": 110}


def test_person_with_appositive_role_and_surname_mentions():
    text = ("Port strike ends\n\n"
            "Dockworkers returned to work on Friday, said Lena Berg, a spokeswoman for the "
            "union.\n\n"
            "Berg said the deal raised pay by 4%. She added that talks would resume in May.\n")
    a = Article.from_text(text)
    s = _sources(a)
    berg = s["Lena Berg"]
    assert (berg.type, berg.use, berg.role) == ("person", "paraphrased", "spokeswoman")
    # the role set off after the name is her too, not an unnamed spokeswoman
    assert [a[m] for m in berg.mentions] == ["Lena Berg", "a spokeswoman", "Berg", "She"]
    assert "a spokeswoman" not in s


def test_anonymous_groups_count_only_when_heard_unless_affiliated():
    text = ("Storm damage\n\n"
            "Officials said the storm destroyed 300 homes.\n\n"
            "Residents cleared roads while French soldiers delivered water.\n")
    a = Article.from_text(text)
    s = _sources(a)
    assert s["Officials"].use == "paraphrased"
    assert s["Officials"].type == "anonymous"
    assert "Residents" not in s  # a group that is neither heard nor affiliated
    assert (s["French soldiers"].use, s["French soldiers"].affiliation) == (
        "mentioned", "French military")


def test_mentions_have_exact_spans(seed):
    for m in find_mentions(seed):
        assert seed.text[m.span.start:m.span.end] == m.text or m.kind in ("org", "country",
                                                                           "media")


def test_organisations_acronyms_and_us_variants_are_one_source():
    text = ("Quake report\n\n"
            "The United States Geological Survey (USGS) said the quake was shallow.\n\n"
            "USGS said more tremors were likely. The U.S. Geological Survey also said "
            "the Joint Chiefs of Staff were informed.\n")
    a = Article.from_text(text)
    s = _sources(a)
    usgs = s["United States Geological Survey"]
    assert (usgs.type, usgs.use) == ("organisation", "paraphrased")
    assert [a[m] for m in usgs.mentions] == [
        "United States Geological Survey", "USGS", "USGS", "U.S. Geological Survey"]
    assert s["Joint Chiefs of Staff"].use == "mentioned"


def test_people_named_without_titles_and_places_that_are_not_people():
    text = ("Talks in Cairo\n\n"
            "Nikos Dendias and Luigi Di Maio met in Cairo on Wednesday. Ships crossed the "
            "Yellow Sea.\n")
    s = _sources(Article.from_text(text))
    assert {"Nikos Dendias", "Luigi Di Maio"} <= set(s)
    assert s["Luigi Di Maio"].type == "person"
    assert "Yellow Sea" not in s and "Cairo" not in s


def test_documents_count_when_they_are_quoted():
    text = ("Rocket report\n\n"
            "A state media report said the engine had failed. The report was short.\n\n"
            "Officials gave no statement.\n")
    a = Article.from_text(text)
    s = _sources(a)
    doc = s["state media report"]
    assert (doc.type, doc.use) == ("document", "paraphrased")
    assert [a[m] for m in doc.mentions] == ["state media report"]
    assert "statement" not in s  # a document nobody quotes is not a source


def test_company_short_name_and_department_of_justice():
    from medialit.article import Article
    from medialit.sourcing import find_mentions
    a = Article.from_text(
        "Probe\n\nFord Motor Company said the US Department of Justice was investigating. "
        "Ford said in a financial filing to the U.S. Securities and Exchange Commission that "
        "it was cooperating.\n")
    names = [(m.text, m.entity.name) for m in find_mentions(a) if m.entity is not None]
    assert ("US Department of Justice", "US Department of Justice") in names
    assert ("Ford", "Ford Motor Company") in names
    from medialit.attribution import find_quotes
    qs = find_quotes(a)
    assert [(a[q.span], q.speaker, q.cue) for q in qs][-1] == (
        "it was cooperating", "Ford Motor Company",
        "said in a financial filing to the U.S. Securities and Exchange Commission")


def test_letters_after_a_name_are_not_part_of_it():
    a = Article.from_text(
        "Court\n\nJohn Brown SC said the ruling was wrong. Jane Smith MP "
        "said the bill was late. Ruth Green OBE attended.\n")
    s = _sources(a)
    assert (s["John Brown"].role, s["John Brown"].use) == ("senior counsel", "paraphrased")
    assert (s["Jane Smith"].type, s["Jane Smith"].role) == ("person", "mp")
    assert [a[m] for m in s["Ruth Green"].mentions] == ["Ruth Green"]
    assert not any(n.endswith(("SC", "MP", "OBE")) for n in s)


def test_an_occupation_opening_a_sentence_is_a_role():
    a = Article.from_text(
        "Rain\n\nBotanist Helen Vonow says the rain brought new plants. Geologist Tom Reyes "
        "said the rocks were old.\n")
    s = _sources(a)
    assert (s["Helen Vonow"].role, s["Helen Vonow"].use) == ("botanist", "paraphrased")
    assert s["Tom Reyes"].role == "geologist"
    assert [a[m] for m in s["Helen Vonow"].mentions] == ["Helen Vonow"]


def test_a_camel_case_word_is_not_a_person_and_a_role_before_its_verb_is_a_subject():
    a = Article.from_text(
        "Count\n\nAsked about the council's new TrolleyWatch, a union spokesperson said the "
        "figures were right. The spokesperson said the count was fair.\n")
    quotes = find_quotes(a)
    assert "TrolleyWatch" not in {q.speaker for q in quotes}
    s = _sources(a)
    assert "TrolleyWatch" not in s  # not heard, so not a source
    assert [m.kind for m in find_mentions(a) if a[m.span] == "TrolleyWatch"] == ["brand"]


def test_organisation_names_with_plural_possessives_and_group_nouns():
    a = Article.from_text(
        "Plans\n\nThe Poulton Residents' Committee said the plans were poor. The Irish Nurses "
        "and Midwives Organisation (INMO) said the count was right. INMO said more.\n")
    s = _sources(a)
    assert s["Poulton Residents' Committee"].use == "paraphrased"
    inmo = s["Irish Nurses and Midwives Organisation"]
    assert [a[m] for m in inmo.mentions] == [
        "Irish Nurses and Midwives Organisation", "INMO", "INMO"]
    assert not {"Poulton", "Residents", "Irish Nurses"} & set(s)


def test_organisation_names_end_before_dates_and_keep_the_place_of_an_embassy():
    a = Article.from_text(
        "Truce\n\nThe Russian Defense Ministry on Sunday accused Ukraine of violating the "
        "truce. The United States Embassy in Iraq advised citizens to leave. The Senate "
        "Committee on Foreign Relations met.\n")
    names = [m.text for m in find_mentions(a) if m.kind == "org"]
    assert names == ["Russian Defense Ministry", "United States Embassy in Iraq",
                     "Senate Committee on Foreign Relations"]


def test_a_state_and_its_generic_body_are_one_name():
    a = Article.from_text(
        "Drones\n\nRussia launched 108 drones, Ukraine’s Air Force said. Russia's Wagner "
        "Group said no.\n")
    s = _sources(a)
    assert s["Ukraine’s Air Force"].use == "paraphrased"
    assert "Air Force" not in s and "Wagner Group" in s  # a name of its own keeps no state


def test_a_name_joined_to_a_participle_is_the_actor_and_the_group_is_it():
    a = Article.from_text(
        "Border\n\nHezbollah-led forces have attacked posts, with the group saying it is "
        "doing so to support Gaza. A group of residents watched.\n")
    quotes = find_quotes(a)
    assert [(a[q.span], q.speaker) for q in quotes] == [
        ("it is doing so to support Gaza", "Hezbollah")]
    assert "Hezbollah-led" not in {m.text for m in find_mentions(a)}


def test_a_nationality_and_embassy_is_an_organisation():
    a = Article.from_text(
        "Fire\n\nThe Myanma embassy confirmed two pilgrims died. The French consulate said it "
        "was helping.\n")
    s = _sources(a)
    assert (s["Myanma embassy"].type, s["Myanma embassy"].use) == ("organisation",
                                                                    "paraphrased")
    assert s["French consulate"].affiliation == "French government"
    assert "Myanma" not in s


def test_a_role_owned_by_an_organisation_is_named_with_it():
    a = Article.from_text(
        "Pigs\n\nAccording to the United Nations' Food and Agriculture Organization's chief "
        "veterinary officer, the cull was unnecessary.\n")
    quotes = find_quotes(a)
    name = "Food and Agriculture Organization's chief veterinary officer"
    assert [(a[q.span], q.speaker) for q in quotes] == [("the cull was unnecessary", name)]
    s = _sources(a)
    assert (s[name].role, s[name].organisation) == (
        "chief veterinary officer", "Food and Agriculture Organization")


def test_the_government_of_a_state_and_the_government_later():
    a = Article.from_text(
        "Measles\n\nA government order made vaccination free. On Friday the government of "
        "Samoa closed schools.\n\nThe government said 128 teams took part.\n")
    s = _sources(a)
    gov = s["government of Samoa"]
    assert (gov.use, gov.affiliation) == ("paraphrased", "Samoan government")
    assert [a[m] for m in gov.mentions] == ["government of Samoa", "government"]


def test_documents_owned_by_a_name_and_websites():
    a = Article.from_text(
        "Fire\n\nThe hotel's website estimated 120 people were inside. The Internal Revenue "
        "Service website advises citizens to keep paying taxes. Deaths averaged 50% according "
        "to WHO's statistics.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == [
        "hotel's website", "Internal Revenue Service website", "WHO's statistics"]
    assert {s.type for s in find_sources(a, quotes) if s.use == "paraphrased"} == {"document"}


def test_a_web_address_is_a_news_site_and_the_website_is_it():
    a = Article.from_text(
        "Blast\n\nOne news site, Znak.com, said the blast was deliberate. The website further "
        "reported that three men were killed.\n")
    s = _sources(a)
    znak = s["Znak.com"]
    assert (znak.type, znak.use, znak.role) == ("media", "paraphrased", "website")
    assert [a[m] for m in znak.mentions] == ["Znak.com", "website"]


def test_its_source_is_the_source_named_before():
    a = Article.from_text(
        "Blast\n\nThe paper claimed an anonymous source said the blast was deliberate. It "
        "later reported its anonymous source said three men fled.\n")
    names = [m.entity.name for m in find_mentions(a)
             if m.entity is not None and "source" in a[m.span]]
    assert names == ["an anonymous source", "an anonymous source"]


def test_the_nationality_picks_which_president_a_role_noun_means():
    a = Article.from_text(
        "Talks\n\nUkrainian President Volodymyr Zelenskyy welcomed the offer of Russian "
        "President Vladimir Putin.\n\nThe Ukrainian president said a ceasefire must come first.\n")
    s = _sources(a)
    assert "The Ukrainian president" not in s
    assert "The Ukrainian president" in [a[m] for m in s["Volodymyr Zelenskyy"].mentions]


def test_a_person_after_a_preposition_is_not_who_he_means():
    a = Article.from_text(
        "Talks\n\nSpeaking after a phone call with Foreign Minister Omar Bakri, Samuel "
        "Otieno said both governments had agreed to talk.\n\nHe also said the border would "
        "stay open.\n")
    quotes = find_quotes(a)
    assert [(a[q.span], q.speaker) for q in quotes][-1] == (
        "the border would stay open", "Samuel Otieno")


def test_a_states_government_is_named_by_its_adjective():
    a = Article.from_text(
        "Unrest\n\nKenya’s government has called on Tanzania to protect its nationals. The "
        "Tanzanian government said order was restored.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["Kenyan government", "Tanzanian government"]
    s = _sources(a)
    assert [a[m] for m in s["Kenyan government"].mentions] == ["Kenya’s government"]


def test_streets_and_dates_are_not_people():
    a = Article.from_text(
        "Rubbish\n\nWaste was dumped in Brook Street and Queen Street.\n\nResident Claire "
        "Hughes lives nearby. She said: “It is dirty.”\n\nLeeds April 18 Council Meeting A man "
        "shouted at the board.\n")
    names = {s.name for s in _sources(a).values()}
    assert not names & {"Brook Street", "Street", "Leeds April", "Council Meeting A"}
    assert [q.speaker for q in find_quotes(a)] == ["Claire Hughes"]


def test_he_can_mean_one_unnamed_person():
    a = Article.from_text(
        "Meeting\n\nMinister Paul Grant opened the session.\n\nA man was escorted out after he "
        "accused the board of lying. Protesters twisted the arm of a ministry official, "
        "though he told them that he works at the ministry.\n")
    quotes = find_quotes(a)
    assert [(a[q.span], q.speaker) for q in quotes] == [
        ("the board of lying", "A man"), ("he works at the ministry", "a ministry official")]


def test_a_hyphenated_given_name_follows_the_family_name():
    a = Article.from_text(
        "Row\n\nThe party criticised President-elect Park Geun-hye's choice of Yoon Chang-jung "
        "as spokesman.\n\nYoon, a former columnist, said he regretted any pain he caused.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes][-1] == "Yoon Chang-jung"
    s = _sources(a)
    assert "Yoon" not in s
    assert [a[m] for m in s["Yoon Chang-jung"].mentions][:2] == ["Yoon Chang-jung", "Yoon"]


def test_a_surname_with_two_letters_swapped_is_the_person_named_before():
    a = Article.from_text(
        "Briefing\n\nDefence Secretary Pete Hegseth spoke on Tuesday.\n\nHegesth told reporters "
        "that the operation was going well.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["Pete Hegseth"]
    assert "Hegesth" not in _sources(a)


def test_the_ministry_is_the_ministry_named_before_even_in_brackets_in_a_quote():
    a = Article.from_text(
        "Strike\n\n“(On Monday, the Ministry of Health and Welfare) ordered doctors back to "
        "work,” Minister Moon Hyung-pyo said. The Korea Medical Association voted to strike.\n\n"
        "The ministry warned that strikers could lose their licences.\n")
    quotes = find_quotes(a)
    assert [(a[q.span], q.speaker) for q in quotes][-1] == (
        "strikers could lose their licences", "Ministry of Health and Welfare")
    s = _sources(a)
    assert [a[m] for m in s["Ministry of Health and Welfare"].mentions] == [
        "Ministry of Health and Welfare", "ministry"]


def test_a_capitalised_name_after_the_is_not_a_person():
    a = Article.from_text(
        "Complaint\n\nSpokeswoman Joanne Lee said the ministry had filed a complaint.\n\nThe "
        "request cited article 135 of the Criminal Code, Lee said. The ministry told the "
        "official to rest, she said.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["Joanne Lee"] * 3
    assert "Criminal Code" not in _sources(a)


def test_an_unnamed_person_is_named_with_the_body_after_from_or_for():
    a = Article.from_text(
        "Advisory\n\nAn official from the Japanese Embassy in Kuala Lumpur confirmed that a "
        "warning was issued.\n\n“We followed an instruction,” the official said. A spokeswoman "
        "for the Alberta Teachers’ Association said a request was received. A resident from "
        "the Hill Farm Residents’ Association said the road was closed.\n")
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == [
        "An official from the Japanese Embassy in Kuala Lumpur",
        "An official from the Japanese Embassy in Kuala Lumpur",
        "A spokeswoman for the Alberta Teachers’ Association",
        "A resident from the Hill Farm Residents’ Association"]


def test_the_place_of_a_dateline_is_not_its_government():
    article = Article.from_text(
        "ISLAMABAD: The government on Thursday said that the talks had failed.\n\n"
        "Tehran, May 23 Foreign Ministry spokesman Ali Rezaei denied the report.\n\n"
        "Officials in Tehran said the talks went well.\n", slug="t")
    names = set(_sources(article))
    assert "Pakistan" not in names and "Iran" not in names
    assert "Ali Rezaei" in names


def test_a_pronoun_subject_keeps_the_sentence_about_its_person():
    # "She began … by praising … Maria Holm": the sentence is about "she" (Anna Berg), so
    # the next "she said" is Berg's, not Holm's.
    article = Article.from_text(
        "Justice Minister Anna Berg spoke at the bar conference.\n\n"
        "She began her speech by praising the head of the judiciary, Chief Justice Maria "
        "Holm.\n\n"
        '"I have the duty to criticise the ruling," she said.\n', slug="t")
    assert [q.speaker for q in find_quotes(article)] == ["Anna Berg"]


def test_with_a_name_and_a_participle_the_name_acts():
    # "…, with Berg describing the danger": Berg is the one acting, whom "She" means next.
    article = Article.from_text(
        "Chief Justice Maria Holm said the court would sit on Monday.\n\n"
        "Rescue work was suspended, with Minister Anna Berg describing the danger. She "
        "estimated this would take a day.\n", slug="t")
    quotes = find_quotes(article)
    assert [(article[q.span], q.speaker) for q in quotes][-1] == (
        "this would take a day", "Anna Berg")


def test_a_role_word_that_opens_a_party_or_union_name_is_no_role():
    # "Justice" opens the party's name: no justice here for "He" to mean.
    article = Article.from_text(
        "The ruling Justice and Development Party (AKP) spokesperson Omar Celik rejected "
        "the claims. He argued that the opposition was attempting to cast doubt on the "
        "election.\n\n"
        "Justice Minister Yilmaz Tunc described the remarks as an effort to deflect.\n\n"
        "The strike was called by the General Confederation of Labor, whose leader Hector "
        "Daer said it was massive.\n\n"
        "Assistant Chief Constable of Devon and Cornwall Police, Richard Stowe, said the "
        "village was dangerous.\n", slug="t")
    quotes = find_quotes(article)
    argued = next(q for q in quotes if q.cue == "argued")
    assert argued.speaker == "Omar Celik"
    names = set(_sources(article))
    assert {"Justice and Development Party", "General Confederation of Labor",
            "Richard Stowe"} <= names
    assert "Confederation" not in names


def test_a_party_or_seat_in_brackets_after_a_name_does_not_speak():
    a = Article.from_text(
        "Court\n\n"
        "Justice Minister Ayelet Shaked (Jewish Home) spoke out against attempts to silence "
        "the court.\n\n"
        "Labour MP Jane Smith (Bristol West) said the plan was wrong.\n", slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("attempts to silence the court", "Ayelet Shaked"),
        ("the plan was wrong", "Jane Smith"),
    ]


def test_a_role_after_a_rank_title_is_the_one_a_later_role_noun_names():
    a = Article.from_text(
        "Protest\n\n"
        "Pol Maj Gen Sam Prasit, deputy chief of the Metropolitan Police Bureau, said the "
        "rally was illegal.\n\n"
        "Police will ask a court to act, the deputy chief said.\n", slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("the rally was illegal", "Sam Prasit"),
        ("Police will ask a court to act", "Sam Prasit"),
    ]
    assert _sources(a)["Sam Prasit"].role == "deputy chief"


def test_a_leader_named_without_a_title_is_the_office_holder_named_next():
    a = Article.from_text(
        "Row\n\n"
        "Tom Harker has been accused of ignoring his aides.\n\n"
        "The prime minister said the claim was false.\n", slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("the claim was false", "Tom Harker"),
    ]
    b = Article.from_text(
        "Row\n\n"
        "Prime Minister Ann Lee met Tom Harker on Monday.\n\n"
        "The prime minister said the talks went well.\n", slug="t")
    assert [q.speaker for q in find_quotes(b)] == ["Ann Lee"]


def test_a_name_after_a_bodys_head_word_is_a_person_even_after_a_misspelt_title():
    a = Article.from_text(
        "Wall\n\n"
        "The chair of the House Intelligence Committee Adam Schiff questioned the plan. "
        "Schiff called it \"a non-starter\".\n\n"
        "The head of the Budget Committee Represenative Jane Roe said it would fail.\n",
        slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("the plan", "Adam Schiff"),
        ("a non-starter", "Adam Schiff"),
        ("it would fail", "Jane Roe"),
    ]
    assert {"House Intelligence Committee", "Budget Committee"} <= set(_sources(a))


def test_a_lead_in_set_in_capitals_makes_no_name():
    a = Article.from_text(
        "Houses\n\n"
        "A LEADING councillor branded the plans 'stupid and ridiculous' this week. "
        "Cllr Jane Yates spoke at the meeting.\n", slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("stupid and ridiculous", "Jane Yates"),
    ]
    assert "A LEADING" not in _sources(a)


def test_plural_office_holders_are_a_group_that_speaks():
    a = Article.from_text(
        "Water\n\n"
        "Councillors have said that the utility refused to attend.\n\n"
        "Senators said the bill would pass.\n", slug="t")
    assert [(a[q.span], q.speaker) for q in find_quotes(a)] == [
        ("the utility refused to attend", "Councillors"),
        ("the bill would pass", "Senators"),
    ]


def test_a_headlines_bare_govt_is_the_government_the_article_names():
    a = Article.from_text(
        "Govt accuses opposition leader of lying\n\n"
        "The Turkish government accused the opposition leader of lying on Monday.\n",
        slug="t")
    assert [q.speaker for q in find_quotes(a)] == ["Turkish government", "Turkish government"]
    assert "Govt" not in _sources(a)


def test_ministers_of_many_portfolios_are_offices():
    a = Article.from_text(
        "Cabinet\n\nEducation Minister Jane Fox said schools would open. The plan was sound, "
        "said Home Minister Tom Hill.\n", slug="t")
    quotes = find_quotes(a)
    assert [(a[q.span], q.speaker) for q in quotes] == [
        ("schools would open", "Jane Fox"),
        ("The plan was sound", "Tom Hill"),
    ]
    roles = {s.name: s.role for s in find_sources(a, quotes)}
    assert (roles["Jane Fox"], roles["Tom Hill"]) == ("education minister", "home minister")


def test_a_bare_surname_shared_by_two_people_goes_to_the_one_named_last():
    a = Article.from_text(
        "Shop\n\nDaniel Richardson, the manager, said the shop would close. His father, Ross "
        "Richardson, opened it in 1970.\n\n\u201cWe never expected this,\u201d Richardson "
        "said.\n\nRichardson said the rent had doubled.\n")
    q = find_quotes(a)
    assert [(a[x.span], x.speaker) for x in q] == [
        ("the shop would close", "Daniel Richardson"),
        ("We never expected this,", "Ross Richardson"),
        ("the rent had doubled", "Ross Richardson")]


def test_generational_suffix_is_part_of_the_name_and_an_unknown_office_is_not():
    a = Article.from_text(
        "Poll\n\nElection chief Sixto Brillantes Jr said the list was final. Brillantes "
        "said more names would follow.\n\nTaoiseach Leo Varadkar said trust must be restored."
        " Mr Varadkar said it would take time.\n")
    q = find_quotes(a)
    assert [x.speaker for x in q] == ["Sixto Brillantes Jr", "Sixto Brillantes Jr",
                                      "Leo Varadkar", "Leo Varadkar"]
    s = _sources(a)
    assert "Taoiseach Leo Varadkar" not in s and "Sixto Brillantes" not in s


def test_one_unnamed_member_of_a_body_and_the_sides_of_a_trial_are_speakers():
    a = Article.from_text(
        "Council\n\n\u201cProtect this chamber,\u201d one delegate said. \u201cIt is too "
        "late,\u201d another delegate said.\n\n\u201cWe will see the rules soon,\u201d a staff "
        "member said.\n\nThe defence argued another man fired the shot.\n")
    q = find_quotes(a)
    assert [(a[x.span], x.speaker) for x in q] == [
        ("Protect this chamber,", "one delegate"),
        ("It is too late,", "another delegate"),
        ("We will see the rules soon,", "a staff member"),
        ("another man fired the shot", "defence")]


def test_a_relative_named_by_a_possessive_is_not_that_person():
    a = Article.from_text(
        "Trial\n\nJames Moore was killed in 2019. Moore was 20.\n\n\u201cHe was my only "
        "son,\u201d the victim\u2019s mother said.\n\n\u201cWe miss him,\u201d Moore\u2019s "
        "father said.\n")
    q = find_quotes(a)
    assert [(a[x.span], x.speaker) for x in q] == [
        ("He was my only son,", "victim\u2019s mother"),
        ("We miss him,", "Moore\u2019s father")]
    assert "James Moore" not in _sources(a) or _sources(a)["James Moore"].use == "mentioned"


def test_a_body_named_only_by_its_acronym_keeps_it_and_a_fuller_written_form_wins():
    text = ("Talks resume\n\nThe IDF said on Monday it was investigating. The US State "
            "Department said talks went on. The State Department later added more.")
    article = Article.from_text(text)
    names = {s.name for s in find_sources(article, find_quotes(article))}
    assert "IDF" in names and "Israeli military" not in names
    assert "US State Department" in names and "State Department" not in names


def _said(text: str) -> list[tuple[str, str | None]]:
    article = Article.from_text("Floods in the north\n\n" + text)
    return [(article.text[q.span.start:q.span.end], q.speaker) for q in find_quotes(article)
            if q.kind == "paraphrase"]


def test_a_described_group_is_named_as_written():
    # Nouns and adjectives before the group noun, a common-noun owner and an acronym stay in
    # the name; a named owner ("Kenya's") is a source of its own, and verbs do not count.
    assert _said("The region's flood relief agency said roads would stay shut.") == [
        ("roads would stay shut", "region's flood relief agency")]
    assert _said("Kenya's weather agency said roads would stay shut.") == [
        ("roads would stay shut", "weather agency")]
    assert _said("WFP officials said roads would stay shut.") == [
        ("roads would stay shut", "WFP officials")]
    assert _said("Roads would stay shut, said opposition party officials.") == [
        ("Roads would stay shut", "opposition party officials")]
    assert _said("Earlier three police sources said roads would stay shut.") == [
        ("roads would stay shut", "three police sources")]


def test_a_plural_noun_for_people_that_speaks_is_a_group():
    # "-ers", "-ors", "-ists", "-ians", "-ents", "-ants": a plural for people, named as
    # written with its adjectives, when a speech verb follows or "according to" comes before.
    assert _said("The inspectors said roads would stay shut.") == [
        ("roads would stay shut", "inspectors")]
    assert _said("Independent observers said roads would stay shut.") == [
        ("roads would stay shut", "Independent observers")]
    assert _said("Roads would stay shut, according to local economists.") == [
        ("Roads would stay shut", "local economists")]
    # A banner "says" too, but it is no group of people.
    assert _said("The banners said roads would stay shut.") == []


def test_a_person_noun_before_a_name_is_a_title_the_lists_lack():
    # "the/<owner>'s <noun for a person> First Last": the noun is the post, not the name
    # ("-man", "-er", "-or", "-ist", "-ian", "-ent", "-ant"); capitalised, only "-sman",
    # "-swoman" and "-sperson" words count (given names end in "-or" and "-ian" too).
    assert _said("Roads would stay shut, Chile's historian Rosa Diaz said.") == [
        ("Roads would stay shut", "Rosa Diaz")]
    assert _said("Roads would stay shut, the curator Rosa Diaz told reporters.") == [
        ("Roads would stay shut", "Rosa Diaz")]
    assert _said("Ombudsperson Rosa Diaz said roads would stay shut.") == [
        ("roads would stay shut", "Rosa Diaz")]
    # "according to" is no infinitive: the words after it still name the group.
    assert _said("According to regional flood observers, roads would stay shut.") == [
        ("roads would stay shut", "regional flood observers")]


def test_a_capitalised_title_the_lists_lack_before_a_given_name_and_surname():
    # "HPA Deputy Administrator Pam Okoro": the unknown title ends in a noun for a
    # person; the name is the given name and surname that close the run of capitals
    a = Article.from_text('HPA Deputy Administrator Pam Okoro said: "The tide '
                          'is early." Okoro added: "We are ready."', slug="t")
    qs = find_quotes(a)
    assert [q.speaker for q in qs] == ["Pam Okoro", "Pam Okoro"]
    assert "Pam Okoro" in _sources(a)


def test_a_country_named_as_a_noun_is_never_a_person():
    # "according to Chile's farm agency": Chile is a government that says nothing here
    a = Article.from_text("Farmers met on Friday. The levy would rise, according to Chile's "
                          "farm agency. Talks with Chile went on.", slug="t")
    srcs = {s.name: s.type for s in _sources(a).values()}
    assert "Chile" not in srcs or srcs["Chile"] == "organisation"
    assert srcs.get("farm agency") is not None
    # given words, the country is an organisation
    a = Article.from_text("Farmers met on Friday. The levy would rise, according to Chile.",
                          slug="t")
    assert {s.name: s.type for s in _sources(a).values()}.get("Chile") == "organisation"


def test_a_place_before_its_area_noun_and_joined_nationalities_are_no_people():
    a = Article.from_text("East Rivo regency was the hardest hit by the storm, with its farms "
                          "ruined, said Tomas Rojas, spokesman for the agency. Tomas Rojas added "
                          "that the Chilean-Peruvian border was closed.", slug="t")
    names = set(_sources(a))
    assert "East Rivo" not in names and "Chilean-Peruvian" not in names
    assert "Tomas Rojas" in names


def test_a_person_later_called_by_the_first_word_of_the_full_name():
    # Malay and Indonesian names (and first names in features) are shortened to the
    # first word on second mention.
    text = ("Quake hits Poso\n\n"
            "Poso disaster agency head Masdian Mentiri said three people were hurt.\n\n"
            "\"We are waiting for data,\" said Masdian.\n\n"
            "Masdian said the quake would not trigger a tsunami.\n")
    a = Article.from_text(text)
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["Masdian Mentiri"] * 3
    s = {x.name: x for x in find_sources(a, quotes)}
    assert list(s) == ["Masdian Mentiri"]
    assert [a[m] for m in s["Masdian Mentiri"].mentions] == ["Masdian Mentiri", "Masdian",
                                                               "Masdian"]


def test_a_country_keeps_the_name_the_article_writes_most():
    # Neither mention writes the list's name ("Turkey"): the country is named as the
    # article writes it most, not as the word list does.
    text = ("Strikes condemned\n\n"
            "Türkiye’s Foreign Ministry condemned the strikes on Monday.\n\n"
            "Ankara warned that such actions threaten the truce.\n\n"
            "Türkiye called on all sides to show restraint.\n")
    a = Article.from_text(text)
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes if q.speaker_span and a[q.speaker_span] in
            ("Ankara", "Türkiye")] == ["Türkiye", "Türkiye"]
    assert "Turkey" not in _sources(a)


def test_an_aide_an_ombudsman_and_an_advocate_are_roles():
    # "a Democratic aide" is named by its description as written; "Advocate" is a
    # barrister's title, not part of the name; "Ombudsman" is an office.
    text = ("Deal stalls\n\n"
            "Republicans \"pulled out of the talks,\" a Democratic aide said.\n\n"
            "\"We want an apology,\" Advocate Wim Trengove told the court.\n\n"
            "Ombudsman Jane Mokoena said the complaint was valid.\n")
    a = Article.from_text(text)
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["a Democratic aide", "a Democratic aide",
                                           "Wim Trengove", "Jane Mokoena"]
    s = _sources(a)
    assert s["Wim Trengove"].role == "advocate"
    assert s["Jane Mokoena"].role == "ombudsman"


def test_a_name_with_an_ampersand_is_one_organisation():
    # "&" joins two capitalised words into one name, which only a firm or a paper has.
    text = ("Firms appeal\n\n"
            "Smith & Jones said it would appeal the ruling.\n\n"
            "The Mail & Guardian reported the story first.\n")
    a = Article.from_text(text)
    s = _sources(a)
    assert s["Smith & Jones"].type == "organisation"
    assert "Mail & Guardian" in s and "Guardian" not in s and "Jones" not in s


def test_an_office_of_two_portfolios_joined_by_and_ends_at_the_name():
    # "Secretary for Asylum and Migration Nicole de Moor": the office runs on past "and";
    # the person is the name from the given name on, and no list of two people speaks.
    text = ("Shelters full\n\n"
            "State Secretary for Asylum and Migration Nicole de Moor regrets the ruling.\n\n"
            "Minister for Housing and Urban Affairs Jane Kelly said the plan was sound.\n\n"
            "Secretary of State for Energy Security and Net Zero Ed Miliband said prices "
            "would fall.\n")
    a = Article.from_text(text)
    quotes = find_quotes(a)
    assert [q.speaker for q in quotes] == ["Nicole de Moor", "Jane Kelly", "Ed Miliband"]
    s = _sources(a)
    assert "Migration Nicole de Moor" not in s and "Urban Affairs Jane Kelly" not in s


def test_forum_caucus_and_chamber_end_the_name_of_a_body():
    # "Forum", "Caucus", "Chamber" close the name of a body, like "Council": the
    # "Hostages and Missing Families Forum" speaks, not "hostages".
    text = ("Hostage row\n\n"
            "The Hostages and Missing Families Forum said the figure was wrong.\n\n"
            "The Congressional Black Caucus said the bill would fail.\n")
    a = Article.from_text(text)
    assert [q.speaker for q in find_quotes(a)] == [
        "Hostages and Missing Families Forum", "Congressional Black Caucus"]
    s = _sources(a)
    assert s["Hostages and Missing Families Forum"].type == "organisation"
    assert "Hostages" not in s


def test_an_office_named_with_its_state_is_the_leader_named_in_the_lede_or_next():
    # "The Polish justice minister" after a lede naming Adam Nowak with no title, and
    # "Jordan's foreign minister" in a lede whose next paragraph names Ayman Safadi: the
    # office is that person, when no one in the article holds it; someone named in the
    # office's own sentence ("met Tom Price") is not the holder.
    text = ("Court row\n\n"
            "\"The law prevails,\" Adam Nowak said on Wednesday.\n\n"
            "The Polish justice minister said the ruling protected the constitution.\n")
    a = Article.from_text(text)
    assert [q.speaker for q in find_quotes(a)] == ["Adam Nowak", "Adam Nowak"]
    text = ("Jordan slams war\n\n"
            "Jordan's foreign minister offered blistering criticism on Saturday, describing "
            "it as \"blatant aggression\" against civilians.\n\n"
            "Ayman Safadi's assessment shows how strained relations are.\n")
    a = Article.from_text(text)
    assert [q.speaker for q in find_quotes(a)] == ["Ayman Safadi"]
    assert "Jordan's foreign minister" not in _sources(a)
    text = ("Talks\n\n"
            "The Polish foreign minister met Tom Price on Monday and said talks would go "
            "on.\n")
    a = Article.from_text(text)
    assert [q.speaker for q in find_quotes(a)] == ["The Polish foreign minister"]


def test_a_role_set_off_before_a_name_is_that_persons():
    # "The company's chief executive, John Smith, said …": "the chief executive" later is
    # Smith, even with someone else named in between; likewise "A spokeswoman for the
    # ministry, Maria Lopez," for a later "she"
    a, qs = _quotes_of("Plant to close\n\nThe company's chief executive, John Smith, said the "
                       "plant would close. Opposition leader Jane Doe criticised the plan. The "
                       "chief executive added that jobs would go.")
    assert [(a[q.span], q.speaker) for q in qs if q.cue != "criticised"] == [
        ("the plant would close", "John Smith"), ("jobs would go", "John Smith")]
    a, qs = _quotes_of('Plant to close\n\nA spokeswoman for the ministry, Maria Lopez, said the '
                       'plant would close. "It is a sad day," she added.')
    assert [q.speaker for q in qs] == ["Maria Lopez", "Maria Lopez"]


def test_a_role_after_a_name_is_not_another_unnamed_person():
    # "Jane Doe, a spokeswoman for the ministry," then a man, then "She said": Doe
    a, qs = _quotes_of("Plant to close\n\nJane Doe, a spokeswoman for the ministry, met "
                       "reporters. Opposition leader John Smith criticised the plan. She said "
                       "the plant would close.")
    assert [(a[q.span], q.speaker) for q in qs][-1] == ("the plant would close", "Jane Doe")


def test_a_kind_of_firm_is_the_firm_named_before():
    # "Ford Motor Company …", then "the carmaker said"; "executives at the nation's
    # second-largest automaker said": the executives
    a, qs = _quotes_of("Jobs cut\n\nFord Motor Company cut 3,000 jobs on Monday. The carmaker "
                       "said the market had changed.")
    assert [(a[q.span], q.speaker) for q in qs] == [("the market had changed",
                                                     "Ford Motor Company")]
    a, qs = _quotes_of("Jobs cut\n\nExecutives at the nation's second-largest automaker said "
                       "prices would rise.")
    assert [q.speaker for q in qs] == ["Executives"]


def test_the_member_for_a_seat_is_a_role():
    # "DUP MLA Christopher Stalford …", later "The South Belfast MLA said": Stalford (the
    # seat is no person's name; "DUP" is the Democratic Unionist Party)
    a, qs = _quotes_of("Talks\n\nDUP MLA Christopher Stalford has branded the claims nonsense. "
                       "Opposition leader John Smith disagreed.\n\nThe South Belfast MLA said "
                       "that the claims were untrue.")
    assert [q.speaker for q in qs] == ["Christopher Stalford"]
    names = [s.name for s in find_sources(a, qs)]
    assert "DUP" in names and "South Belfast" not in names


def test_a_given_name_with_accents_is_a_given_name():
    # "José" is "Jose" of the list: "José Maria Tijerino" keeps his first name
    a, qs = _quotes_of("Talks\n\nJosé Maria Tijerino announced on Monday that he would step "
                       "down.")
    assert [q.speaker for q in qs] == ["José Maria Tijerino"]
    assert "José" in lexicon().given_names and lexicon().given_names.get("José") == "m"


def test_a_participle_opening_a_clause_is_no_part_of_a_group():
    # "…, forcing municipal authorities to call in riot police": the authorities
    names = [m.text for m in find_mentions(Article.from_text(
        "Talks\n\nProtesters blocked the road, forcing municipal authorities to call in "
        "riot police."))]
    assert "municipal authorities" in names
    assert not any(n.startswith("forcing") for n in names)


def test_a_relative_clause_describes_the_mention_before_it():
    # "The minister, who is from the Different Socialist Party, sp.a, admitted …": the
    # minister (Smet, whose office is just "minister", not one of the prime ministers)
    a, qs = _quotes_of("Talks\n\nBrussels Mobility Minister Pascal Smet has apologized, and "
                       "Prime Minister Charles Michel welcomed it.\n\nThe minister, who is "
                       "from the Different Socialist Party, sp.a, admitted that the comparison "
                       "was wrong.")
    assert [q.speaker for q in qs][-1] == "Pascal Smet"


def test_a_dateline_after_a_caption_and_a_photo_credit_are_no_people():
    # a photo caption with its credit "(SETH WENIG / Associated Press)", then the story's
    # dateline "NEW YORK - ": neither is a person in the story
    text = ("Season in doubt\n\nUnion chief Billy Hunter speaks to reporters after the "
            "meeting on Monday. (SETH WENIG / Associated Press)\n\nNEW YORK - The season is "
            "in jeopardy, Billy Hunter said.")
    a = Article.from_text(text)
    assert "dateline" in [p.label for p in a.parts]
    s = _sources(a)
    assert "NEW YORK" not in s
    assert (s["SETH WENIG"].type, s["SETH WENIG"].role) == ("media", "photographer")


def test_news_outlets_by_name_and_by_noun():
    # "The Sunday Times" is one outlet (not "Times" after a day word), "the newspaper" is
    # the outlet named before, and "the newspaper El Sur" is El Sur
    a, qs = _quotes_of("Talks\n\nThe Sunday Times reported that the minister had resigned. The "
                       "newspaper said it had seen the letter.")
    assert [q.speaker for q in qs] == ["The Sunday Times"] * 2
    a, qs = _quotes_of('Talks\n\nMayor Agustín Ricardo Morales spoke on Monday. In an '
                       'interview with the newspaper El Sur, Morales said he had been forced to '
                       'sign. "It is not valid," he said.')
    assert [q.speaker for q in qs] == ["Agustín Ricardo Morales"] * 2
    s = _sources(a)
    assert (s["El Sur"].type, s["El Sur"].role) == ("media", "newspaper")


# Speakers read across names, titles and sentences: (id, text, expected speakers).
SPEAKER_CASES = [
    ("the_n_year_old_is_the_person_given_that_age",
     "Floods\n\nJohn Smith, 52, lost his home. His neighbour, Jane Doe, 47, lost her "
     'car. "We have nothing left," the 52-year-old said.',
     ["John Smith"]),
    # "Minister for Information and Broadcasting Shibli Faraz", "Assistant Commissioner of
    # Police Ealan Powell": the portfolio's words are the office's, not the name's
    ("an_office_with_a_portfolio_ends_before_the_name-1",
     "Talks\n\nFederal Minister for Information and Broadcasting Shibli Faraz on Tuesday "
     "said the opposition was divided.",
     ["Shibli Faraz"]),
    ("an_office_with_a_portfolio_ends_before_the_name-2",
     "Talks\n\nMinister for Information Shibli Faraz said the opposition was divided.",
     ["Shibli Faraz"]),
    ("an_office_with_a_portfolio_ends_before_the_name-3",
     "Talks\n\nAssistant Commissioner of Police Ealan Powell said the opposition was "
     "divided.",
     ["Ealan Powell"]),
    ("an_office_with_a_portfolio_ends_before_the_name-4",
     "Talks\n\nMinister of Foreign Affairs Margus Tsahkna said the opposition was "
     "divided.",
     ["Margus Tsahkna"]),
    ("an_office_with_a_portfolio_ends_before_the_name-5",
     "Talks\n\nMinister of State for Information Technology Anusha Rehman said the "
     "opposition was divided.",
     ["Anusha Rehman"]),
    # "Kojo Oppong Nkrumah …", later "Mr Oppong Nkrumah" and "Mr. Nkrumah": one person,
    # named in full; "Sir Richard" is Sir Richard Leese
    ("a_titled_shorter_name_is_the_person_named_in_full-1",
     "Talks\n\nKojo Oppong Nkrumah has refuted the claims. According to Mr. Nkrumah, the "
     "prosecutor offered documents. Mr Oppong Nkrumah added that the prosecutor had "
     "asked for comments.",
     ["Kojo Oppong Nkrumah", "Kojo Oppong Nkrumah"]),
    ("a_titled_shorter_name_is_the_person_named_in_full-2",
     "Talks\n\nCouncil leader Sir Richard Leese hit back at critics. Sir Richard said "
     "the budget could not be published.",
     ["Richard Leese"]),
    # "Smith, the finance minister, disagreed": a name, whom "he" means next (but "Later,
    # the minister said" has no person "Later")
    ("a_lone_word_described_by_a_role_is_a_name-1",
     "Talks\n\nJane Doe said the plan would cut costs. Smith, the finance minister, "
     'disagreed. "It will cost jobs," he said.',
     ["Jane Doe", "Smith"]),
    ("a_lone_word_described_by_a_role_is_a_name-2",
     "Talks\n\nLater, the minister said the plan would cut costs.",
     ["the minister"]),
    # "Jane Doe's lawyer said …", then "the lawyer said": the same lawyer
    ("the_role_noun_is_the_unnamed_holder_named_before",
     'Talks\n\nJane Doe\'s lawyer said she would appeal. "We will fight this," the '
     "lawyer said.",
     ["Doe's lawyer", "Doe's lawyer"]),
    # how someone stands ("Independent"), an office with hyphens ("Councilman-at-Large",
    # "Editor-in-Chief"); but a first name the lists lack stays ("Chairman Pushpa Kamal
    # Dahal", later "Pushpa Kamal Dahal"), and a surname that is also a trade ("Barry
    # Dancer", later "Dancer")
    ("words_before_a_name_that_are_no_part_of_it-1",
     "Talks\n\nIndependent Shane P. O’Reilly said the raid was wrong.",
     ["Shane P. O’Reilly"]),
    ("words_before_a_name_that_are_no_part_of_it-2",
     "Talks\n\nCouncilman-at-Large Louis Quintana said the raid was wrong.",
     ["Louis Quintana"]),
    ("words_before_a_name_that_are_no_part_of_it-3",
     "Talks\n\nEditor-in-Chief Jane Doe said the raid was wrong.",
     ["Jane Doe"]),
    ("words_before_a_name_that_are_no_part_of_it-4",
     "Talks\n\nClr Scott Wilson said the raid was wrong.",
     ["Scott Wilson"]),
    ("words_before_a_name_that_are_no_part_of_it-5",
     "Talks\n\nParty Chairman Pushpa Kamal Dahal said the raid was wrong. On Monday, "
     "Pushpa Kamal Dahal said the vote would go ahead.",
     ["Pushpa Kamal Dahal", "Pushpa Kamal Dahal"]),
    ("words_before_a_name_that_are_no_part_of_it-6",
     'Talks\n\nAustralian coach Barry Dancer said he was surprised. "It was easy," '
     "Dancer said.",
     ["Barry Dancer", "Barry Dancer"]),
    # "Zahid Hamidi …", then "UMNO leader Zahid, 68, denied …" and "Zahid said"
    ("a_first_name_with_a_title_is_the_person_named_in_full",
     "Talks\n\nParty president Zahid Hamidi met the opposition leader. UMNO leader "
     'Zahid, 68, denied that he was on the phone. "I deny it," Zahid said.',
     ["Zahid Hamidi", "Zahid Hamidi"]),
    # "Police said …" and, later, "the Detroit Police Department": one force; not a unit
    # ("Counter Terrorism Command") and not when two forces are named
    ("police_is_the_one_police_force_the_article_names-1",
     "Arrest\n\nPolice said he may have a mental illness. The Detroit Police Department "
     "thanked the community.",
     ["Detroit Police Department"]),
    ("police_is_the_one_police_force_the_article_names-2",
     "Arrest\n\nThe Metropolitan Police Counter Terrorism Command is leading the "
     "inquiry. Police said the attack was terrorist-related.",
     ["Police"]),
    # "Early lapses cost us the game: Rajinder", then "coach Rajinder Singh said"
    ("a_name_in_the_headline_is_the_person_the_body_names_in_full",
     "Early lapses cost us the game: Rajinder\n\nIndian hockey coach Rajinder Singh said "
     "defence lapses cost the team the match.",
     ["Rajinder Singh", "Rajinder Singh"]),
    # "Brigadier Nabil Abdallah", later "the brigadier"
    ("military_ranks_are_titles",
     "Talks\n\nBrigadier Nabil Abdallah said talks would be held in Jeddah. The "
     "brigadier added that aid would come first.",
     ["Nabil Abdallah", "Nabil Abdallah"]),
    # "A government minister has told Sky News …" then, past a name in that sentence, the
    # Northern Ireland Secretary named in the next paragraph
    ("the_ledes_unnamed_minister_is_the_office_holder_named_next",
     "Talks\n\nA government minister has told Sky News that nobody put pressure on Sue "
     "Gray.\n\nBrandon Lewis, the Northern Ireland Secretary, told the programme that Ms "
     "Gray could not be influenced.",
     ["Brandon Lewis", "Brandon Lewis"]),
    # "Deputy Collins said" (a member of parliament), "The Junior Minister admitted", and
    # "Leader of the Opposition in National Assembly Shahbaz Sharif said"
    ("deputy_and_junior_minister_and_a_name_after_a_bodys_name-1",
     "Talks\n\nMinister of State Niall Collins was at the meeting. Deputy Collins said "
     "he was not interested. The Junior Minister admitted that it would have been better "
     "to leave.",
     ["Niall Collins", "Niall Collins"]),
    ("deputy_and_junior_minister_and_a_name_after_a_bodys_name-2",
     "Talks\n\nLeader of the Opposition in National Assembly Shahbaz Sharif said on "
     "Friday that the prime minister should resign.",
     ["Shahbaz Sharif"]),
    # "Ilocos Norte police director Col. Julius Suriben said …", then "He added …": the
    # colonel (the place before his title only says which police); but "Alan Graham and
    # his family" keeps Alan Graham as the one "he" means
    ("a_name_that_says_which_official_is_not_whom_he_means-1",
     "Talks\n\nIlocos Norte police director Col. Julius Suriben said the task group was "
     "created.\n\nHe added that the slug was sent for examination.",
     ["Julius Suriben", "Julius Suriben"]),
    ("a_name_that_says_which_official_is_not_whom_he_means-2",
     "Talks\n\nAlan Graham and his family, from Benfleet, had been in the centre.\n\nHe "
     "said that the door smashed through.",
     ["Alan Graham"]),
    # "ND said …", "The BNP leader said …": an unknown acronym that speaks (or whose officer
    # does) is a body; "Greenpeace said …", then "The environment advocacy group added":
    # Greenpeace; but "The EEZ covers …" is no source
    ("an_acronym_that_speaks_and_a_group_described_after_its_name-1",
     "Talks\n\nND said it submitted the video to the prosecutor.",
     ["ND"]),
    ("an_acronym_that_speaks_and_a_group_described_after_its_name-2",
     "Talks\n\nThe EEZ covers a large area, the ministry said.",
     ["ministry"]),
    ("an_acronym_that_speaks_and_a_group_described_after_its_name-3",
     "Talks\n\nGreenpeace said on Monday that its activists were held. The environment "
     "advocacy group added that they would appeal.",
     ["Greenpeace", "Greenpeace"]),
    # "Another youth said …", "The common candidate told journalists …" (the candidate named
    # before)
    ("more_people_named_by_what_they_are-1",
     "Talks\n\nAnother youth said that he had not come to join the demonstration.",
     ["Another youth"]),
    ("more_people_named_by_what_they_are-2",
     "Talks\n\nCommon candidate Maithripala Sirisena spoke on Monday. The common "
     "candidate told journalists that the symbol would be revealed shortly.",
     ["Maithripala Sirisena"]),
    # "Guinea's security ministry said …": the ministry of that state, named with it
    ("a_states_ministry_by_its_possessive",
     "Talks\n\nGuinea's security ministry said the arrests were justified.",
     ["Guinea's security ministry"]),
    # "…, the union's general secretary of the NEU said": Courtney, not the NEU (an acronym
    # after "of the" says whose secretary); "Brig-Gen Tar Phone Kyaw"; "state-run media"
    ("acronym_after_of_hyphenated_rank_and_state_run_media-1",
     "Talks\n\nKevin Courtney, the union's joint general secretary of the NEU said: “We "
     "have the strictest laws.”",
     ["Kevin Courtney"]),
    ("acronym_after_of_hyphenated_rank_and_state_run_media-2",
     'Talks\n\n"They traveled to reinforce their troops," Brig-Gen Tar Phone Kyaw said.',
     ["Tar Phone Kyaw"]),
    ("acronym_after_of_hyphenated_rank_and_state_run_media-3",
     "Talks\n\nThe army won a victory, state-run media in Khartoum said.",
     ["state-run media"]),
]


@pytest.mark.parametrize(("text", "speakers"), [c[1:] for c in SPEAKER_CASES],
                         ids=[c[0] for c in SPEAKER_CASES])
def test_speakers_across_names_titles_and_sentences(text: str, speakers: list) -> None:
    a, qs = _quotes_of(text)
    assert [q.speaker for q in qs] == speakers
