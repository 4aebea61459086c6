"""The article model: loading, parts of the page with exact spans, sentences, bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from medialit import Article, ArticleError, Span, load_article
from medialit.article import parse_parts, split_sentences

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "data" / "layouts"
SEED_SHA256 = "8ba05c671c7a80f66faa1a1ec051a0c75920bb95aa302078138882e786fe6f7d"
CAPTURED = ROOT.parent / "shared" / "seeds" / "000_3424fce151638cda.txt"

SEED_PARTS = [
    ("furniture", 0, 10, "ugc_banner"),
    ("headline", 12, 80, "Gaza truce should continue as it's 'producing results,' says Blinken"),
    ("dateline", 82, 91, "Jerusalem"),
    ("byline", 91, 113, "Edited By: Manas Joshi"),
    ("timestamp", 113, 148, "Updated: Dec 01, 2023, 09:58 AM IST"),
    ("furniture", 149, 157, "main img"),
    ("caption", 159, 203, "(File) US Secretary of State Antony Blinken."),
    ("credit", 204, 224, "Photograph:(Reuters)"),
    ("furniture", 226, 242, "Story highlights"),
    ("highlights", 244, 510, None),
    ("paragraph", 512, 701, None),
    ("paragraph", 703, 892, None),
    ("paragraph", 894, 1161, None),
    ("promo", 1164, 1222, "Watch | Hamas claims responsibility for Jerusalem shooting"),
    ("paragraph", 1224, 1432, None),
    ("subheading", 1434, 1468, "The 'process is producing results'"),
    ("paragraph", 1470, 1635, None),
    ("paragraph", 1637, 1755, None),
    ("paragraph", 1757, 1846, None),
    ("paragraph", 1848, 1972, None),
    ("paragraph", 1974, 2200, None),
    ("paragraph", 2202, 2483, None),
    ("agency_note", 2485, 2512, "(With inputs from agencies)"),
]


def parts_of(article: Article) -> list[tuple[str, int, int]]:
    return [(p.label, p.start, p.end) for p in article.parts]


def test_seed_text_is_the_captured_file_byte_for_byte():
    stored = (ROOT / "articles" / "gaza-truce-blinken.txt").read_bytes()
    assert hashlib.sha256(stored).hexdigest() == SEED_SHA256
    if CAPTURED.exists():
        assert stored == CAPTURED.read_bytes()
    assert "\u00a0" in stored.decode("utf-8")  # the non-breaking spaces survive
    assert len(stored) == 2514


def test_seed_metadata(seed: Article):
    m = seed.meta
    assert (m.slug, m.outlet, m.editor, m.dateline) == (
        "gaza-truce-blinken", "WION", "Manas Joshi", "Jerusalem")
    assert m.headline == seed[seed.headline]
    assert m.updated.isoformat() == "2023-12-01T09:58:00+05:30"
    assert m.time_shown == "Updated: Dec 01, 2023, 09:58 AM IST"
    assert m.url is None
    assert m.provenance and m.licence


def test_seed_parts_exact_spans(seed: Article):
    assert parts_of(seed) == [(label, a, b) for label, a, b, _ in SEED_PARTS]
    for label, a, b, text in SEED_PARTS:
        if text is not None:
            assert seed.text[a:b] == text, label
    assert seed[Span(512, 701)].startswith("US Secretary of State Antony Blinken on Thursday")
    assert seed[Span(2202, 2483)].endswith('in the West Bank," he added.')


def test_seed_paragraphs_and_sentences(seed: Article):
    assert len(seed.paragraphs) == 10
    assert seed.paragraph_index(seed.text.index("So this process")) == 6
    sentences = [seed[s] for s in seed.sentences]
    assert "The pause in fighting is now in its seventh day." in sentences
    assert '"So this process is producing results.' in sentences
    assert "It's important, and we hope that it can continue.\"" in sentences
    third = ("It was Blinken's third visit to the region since the outbreak of the war "
             "eight weeks ago.")
    assert third in sentences
    # The sentence holding the non-breaking space is not cut at it.
    assert any(s.startswith('He said that it was "imperative"\u00a0that') for s in sentences)
    assert len(sentences) == 21


def test_wire_story_layout():
    a = load_article(LAYOUTS / "wire.txt")
    t = a.text
    expected = [
        ("headline", "Storm knocks out power to thousands across the region"),
        ("byline", "By JANE DOE and SAM ROE Associated Press"),
        ("timestamp", "Published 6:41 AM EST, November 28, 2023"),
        ("dateline", "PORTLAND, Maine (AP)"),
        ("paragraph", "PORTLAND, Maine (AP) — A powerful storm"),
        ("paragraph", '"Crews will work through the night,"'),
        ("paragraph", "Schools in three counties closed early."),
        ("agency_note", "Associated Press writer Ann Poe contributed from Boston."),
    ]
    assert [p.label for p in a.parts] == [label for label, _ in expected]
    for part, (_, start_text) in zip(a.parts, expected, strict=True):
        assert part.start == t.index(start_text)
        assert a[part.span].startswith(start_text)
    assert parts_of(a)[:4] == [("headline", 0, 53), ("byline", 55, 95), ("timestamp", 97, 137),
                               ("dateline", 139, 159)]


def test_plain_paste_without_furniture():
    a = load_article(LAYOUTS / "plain.txt")
    assert parts_of(a) == [("paragraph", 0, 137), ("paragraph", 139, 235), ("paragraph", 237, 267)]
    assert a.headline is None
    assert a.meta.slug == "plain" and a.meta.outlet is None
    assert [a[s] for s in a.sentences][1:3] == [
        "Council member Tom Ng said the plan was overdue.",
        "Opponents said the cost had not been explained.",
    ]


def test_subheadings_and_multi_paragraph_quote():
    a = load_article(LAYOUTS / "feature.txt")
    assert parts_of(a) == [
        ("headline", 0, 49),
        ("subheading", 51, 63),
        ("paragraph", 65, 110),
        ("paragraph", 112, 157),
        ("paragraph", 159, 212),
        ("paragraph", 214, 278),
        ("subheading", 280, 295),
        ("paragraph", 297, 342),
    ]
    assert a[Span(280, 295)] == "What comes next"
    # Each paragraph of the quote opens with a quotation mark; only the last one closes it.
    assert [a.text[p.start] for p in a.paragraphs[1:4]] == ['"', '"', '"']


def test_crlf_and_emoji_offsets_are_python_indices():
    a = load_article(LAYOUTS / "crlf.txt")
    assert "\r\n" in a.text
    assert parts_of(a) == [("headline", 0, 21), ("paragraph", 25, 51), ("paragraph", 53, 72)]
    assert a[Span(53, 72)] == "Second line 😀 here."


def test_from_text_and_span_lookup():
    a = Article.from_text('He said "yes." Then he left.', slug="tiny")
    s = a.span("yes")
    assert (s.start, s.end) == (9, 12) and a[s] == "yes"
    assert a.span("he", occurrence=0, after=19) == Span(20, 22)
    with pytest.raises(ValueError):
        a.span("absent")
    assert repr(a) == "<Article 'tiny': 28 characters>"


def test_sentence_splitter_keeps_abbreviations_and_initials():
    text = "Mr. Smith met U.S. officials at 9 a.m. on Nov. 30. J. R. Doe said no. It ended."
    got = [text[s.start:s.end] for s in split_sentences(text)]
    assert got == ["Mr. Smith met U.S. officials at 9 a.m. on Nov. 30.", "J. R. Doe said no.",
                   "It ended."]


def test_parse_parts_on_empty_and_blank_text():
    assert parse_parts("") == ()
    assert parse_parts(" \n\u00a0\n") == ()


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "the article file is empty"),
        (b"  \n\n", "the article file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file"),
        (b"caf\xe9 au lait\n", "is not UTF-8 text (byte 0xe9"),
    ],
)
def test_bad_article_files_give_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert str(err.value).startswith(str(path))
    assert problem in str(err.value)


def test_missing_file_and_unknown_slug(tmp_path):
    with pytest.raises(ArticleError, match="no such article file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="no article with slug 'no-such-slug'"):
        load_article("no-such-slug")


@pytest.mark.parametrize(
    "meta, problem, line",
    [
        ('headline = "A"\noutlet = \n', "not valid TOML", 2),
        ('headline = "A"\ncolour = "red"\n', "unknown field 'colour'", 2),
        ('outlet = "X"\n\nupdated = 2023-12-01T09:58:00\n', "needs a time zone offset", 3),
        ('published = "yesterday"\n', "should be a date-time", 1),
        ('slug = "Bad Slug!"\n', "lower-case letters", 1),
        ('headline = 42\n', "should be text", 1),
    ],
)
def test_malformed_metadata_names_file_and_line(tmp_path, meta, problem, line):
    (tmp_path / "story.txt").write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    meta_path = tmp_path / "story.meta.toml"
    meta_path.write_text(meta, encoding="utf-8")
    with pytest.raises(ArticleError) as err:
        load_article(tmp_path / "story.txt")
    assert err.value.path == str(meta_path)
    assert err.value.line == line
    assert problem in err.value.problem
    assert f"{meta_path}, line {line}: " in str(err.value)


def test_meta_file_points_at_its_text(tmp_path):
    (tmp_path / "body.txt").write_text("Title\n\nOne paragraph.\n", encoding="utf-8")
    (tmp_path / "story.meta.toml").write_text(
        'slug = "story"\ntext_file = "body.txt"\npublished = 2023-11-30\n', encoding="utf-8")
    a = load_article(tmp_path / "story.meta.toml")
    assert a.slug == "story" and a.text.startswith("Title")
    assert a.meta.published.isoformat() == "2023-11-30T00:00:00+00:00"


def test_span_rejects_bad_ranges():
    with pytest.raises(ValueError):
        Span(5, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)
    assert Span(1, 4).overlaps(Span(3, 9)) and not Span(1, 3).overlaps(Span(3, 9))


def test_a_question_headline_and_audio_player_notes():
    a = Article.from_text("Is the truce holding?\n\nOfficials said it was.")
    assert [p.label for p in a.parts] == ["headline", "paragraph"]
    assert [p.label for p in Article.from_text("Is the truce holding?").parts] == ["paragraph"]
    b = Article.from_text("NEW You can now listen to Fox News articles!\n\nTalks ended\n\n"
                          "This audio is created with AI assistance\n\nOfficials said so.")
    assert [p.label for p in b.parts] == ["furniture", "headline", "furniture", "paragraph"]
