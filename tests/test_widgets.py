"""The tagger's Python side: UTF-16 offsets, snapping, saving, undo, links, feedback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit import Article, Span
from medialit.widgets import AnswerBox, Choice, Tagger
from medialit.widgets.tagger import snap_to_tokens, tokenize, utf16_offsets
from medialit.work import WorkStore, work_dir

EMOJI_TEXT = "Fans 😀\u00a0cheered: \"We won,\" said Ana. 𝐁old 😀😀 end."


def test_utf16_offsets_count_astral_characters_twice():
    offs = utf16_offsets("a😀\u00a0b")
    assert offs == [0, 1, 3, 4, 5]


def test_tokens_keep_inner_apostrophes_and_split_punctuation():
    text = "It's the U.S. \"pause\"."
    assert [text[t.start:t.end] for t in tokenize(text)] == ["It's", "the", "U.S", ".", '"',
                                                             "pause", '"', "."]


def test_snap_grows_to_whole_words_and_refuses_blank():
    text = "The pause in fighting"
    toks = tokenize(text)
    assert snap_to_tokens(toks, 5, 7) == Span(4, 9)  # "au" → "pause"
    assert snap_to_tokens(toks, 6, 14) == Span(4, 21)  # "use in f" → "pause in fighting"
    assert snap_to_tokens(toks, 9, 10) is None  # a space only


def test_tagger_converts_browser_offsets_with_emoji_and_nbsp():
    article = Article.from_text(EMOJI_TEXT, slug="emoji")
    tagger = Tagger(article, "quotes", sink=lambda tags: None)
    u16 = utf16_offsets(EMOJI_TEXT)
    start = EMOJI_TEXT.index("cheered")
    tag = tagger.add_utf16(u16[start], u16[start + 3])  # part of "cheered", in UTF-16
    assert (tag.start, tag.end, tag.text) == (start, start + 7, "cheered")
    # After the astral characters, UTF-16 and Python offsets differ by 4.
    end_word = EMOJI_TEXT.index("end")
    assert u16[end_word] - end_word == 4
    tag = tagger.add_utf16(u16[end_word] + 1, u16[end_word] + 2, "cue")
    assert (tag.start, tag.end, tag.text) == (end_word, end_word + 3, "end")
    sent = {t["id"]: t for t in tagger.tags}[tag.id]
    assert (sent["start"], sent["end"]) == (u16[end_word], u16[end_word + 3])
    # A selection that ends inside a surrogate pair snaps to the whole character.
    bold = EMOJI_TEXT.index("𝐁old")
    tag = tagger.add_utf16(u16[bold] + 1, u16[bold] + 3, "cue")
    assert tag.text == "𝐁old"
    # The no-break space is white space: "😀\u00a0cheered" is two tokens.
    tag = tagger.add_utf16(u16[start] - 1, u16[start], "cue")  # just the no-break space
    assert tag is None
    assert tagger.status == "Select at least one word to tag."


def test_seed_nbsp_offsets_in_the_body_view(seed):
    tagger = Tagger(seed, "quotes", part="body")
    assert tagger.view == Span(512, 2483)
    nbsp = seed.text.index("\u00a0")
    assert tagger.text[nbsp - 512] == "\u00a0"
    imperative = seed.span("imperative")
    tag = tagger.add_utf16(imperative.start - 512, imperative.end - 512, "partial")
    assert (tag.start, tag.end) == (imperative.start, imperative.end)
    assert tagger.tags[0]["t1"] - tagger.tags[0]["t0"] == 1


def test_tags_are_saved_and_come_back_after_a_restart(seed):
    tagger = Tagger(seed, "quotes", student="ana")
    quote = seed.span("So this process is producing results")
    blinken = seed.span("Blinken said in his meeting")
    q = tagger.add(quote.start, quote.end, "direct")
    s = tagger.add(blinken.start, blinken.start + 7, "speaker")
    assert tagger.link(q.id, s.id)
    path = work_dir() / "ana" / "gaza-truce-blinken" / "quotes.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [(t["id"], t["start"], t["end"], t["label"], t["link"]) for t in saved["tags"]] == [
        ("t2", blinken.start, blinken.start + 7, "speaker", None),
        ("t1", quote.start, quote.end, "direct", "t2"),
    ]
    again = Tagger(seed, "quotes", student="ana")  # a re-run cell or a new kernel
    assert [(t["id"], t["link"]) for t in again.tags] == [("t2", None), ("t1", "t2")]
    assert again.tags[1]["text"] == "So this process is producing results"
    assert tagger.saves == 3


def test_messages_from_the_browser_drive_the_same_operations(seed):
    tagger = Tagger(seed, "quotes", student="ben")
    q = seed.span("imperative")
    tagger._on_msg(tagger, {"type": "create", "start": q.start + 2, "end": q.end - 2,
                            "label": "partial"}, [])
    assert [(t["label"], t["text"]) for t in tagger.tags] == [("partial", "imperative")]
    he = seed.span("He said that")
    tagger._on_msg(tagger, {"type": "create", "start": he.start, "end": he.start + 2,
                            "label": "speaker"}, [])
    tagger._on_msg(tagger, {"type": "link", "from": "t1", "to": "t2"}, [])
    assert tagger.tags[1]["link"] == "t2"
    tagger._on_msg(tagger, {"type": "set_label", "id": "t1", "label": "scare"}, [])
    assert (tagger.tags[1]["label"], tagger.tags[1]["link"]) == ("scare", None)
    tagger._on_msg(tagger, {"type": "undo"}, [])
    assert (tagger.tags[1]["label"], tagger.tags[1]["link"]) == ("partial", "t2")
    tagger._on_msg(tagger, {"type": "delete", "id": "t2"}, [])
    assert [t["id"] for t in tagger.tags] == ["t1"]
    assert tagger.tags[0]["link"] is None  # the link to a deleted tag goes too
    tagger._on_msg(tagger, {"type": "create", "start": "x"}, [])
    assert tagger.status == "That action could not be understood."
    tagger._on_msg(tagger, {"type": "undo"}, [])
    assert [t["id"] for t in tagger.tags] == ["t2", "t1"]  # in text order


def test_links_only_from_quotes_to_speakers(seed):
    tagger = Tagger(seed, "quotes", sink=lambda tags: None)
    q = tagger.add(*seed.span("imperative").as_list(), "scare")
    s = tagger.add(*seed.span("Matthew Miller").as_list(), "speaker")
    assert not tagger.link(q.id, s.id)
    assert tagger.status == "A scare quote tag cannot be linked."
    tagger.set_label(q.id, "partial")
    c = tagger.add(*seed.span("added").as_list(), "cue")
    assert not tagger.link(q.id, c.id)
    assert tagger.status == "Link a partial quote to a speaker tag."
    assert tagger.link(q.id, s.id)


def test_source_use_attribute(seed):
    tagger = Tagger(seed, "sources", sink=lambda tags: None)
    t = tagger.add(*seed.span("Matthew Miller").as_list(), "person")
    assert tagger.set_attr(t.id, "use", "quoted")
    assert not tagger.set_attr(t.id, "use", "shouted")
    assert [x["attrs"] for x in tagger.tags] == [{"use": "quoted"}]
    assert tagger.set_attr(t.id, "use", "")
    assert [x["attrs"] for x in tagger.tags] == [{}]


def test_sink_receives_every_change_and_nothing_is_written(seed):
    received = []
    tagger = Tagger(seed, "quotes", sink=received.append, tags=[])
    tagger.add(*seed.span("Matthew Miller").as_list(), "speaker")
    tagger.undo()
    assert [[t.text for t in tags] for tags in received] == [["Matthew Miller"], []]
    assert not tagger.can_check
    assert tagger.check() == "There is no answer key for this article yet."
    assert tagger.export() is None
    assert list(work_dir().rglob("*.json")) == []


def test_check_reveal_and_export(seed):
    tagger = Tagger(seed, "anatomy", student="cleo")
    tagger.add(*seed.headline.as_list(), "headline")
    first = tagger.check()
    assert first.splitlines()[0] == "You found 1 of 23 blocks. Score: 4 out of 100."
    assert tagger.reveal() == "You can reveal the answers after 3 checks."
    tagger.check()
    tagger.check()
    assert tagger.feedback["can_reveal"] is True
    text = tagger.reveal()
    assert "dateline: 'Jerusalem'" in text
    assert tagger.feedback["revealed"] is True
    # Each revealed answer is also marked in the article, by token range and label.
    marks = tagger.feedback["answer_marks"]
    assert len(marks) == len(tagger.feedback["answers"]) == 22
    dateline = next(m for m in marks if m["label"] == "dateline")
    toks = tagger.tokens  # (the capture runs "Jerusalem" into "Edited": one token)
    marked = tagger.text[toks[dateline["t0"]][0]:toks[dateline["t1"] - 1][1]]
    assert marked.startswith("Jerusalem") and dateline["t1"] - dateline["t0"] == 1
    saved = WorkStore(seed, "cleo").load("anatomy")
    assert (saved.attempts, saved.revealed) == (3, True)
    path = tagger.export()
    assert path == work_dir() / "cleo" / "cleo--gaza-truce-blinken.medialit.json"
    assert json.loads(path.read_text())["exercises"]["anatomy"]["attempts"] == 3
    # Feedback comes back with the tags after a restart.
    assert Tagger(seed, "anatomy", student="cleo").feedback["revealed"] is True


def test_repr_has_no_memory_address(seed):
    assert repr(Tagger(seed, "framing", sink=print)) == \
        "Tagger(exercise='framing', article='gaza-truce-blinken')"


def test_unknown_label_and_exercise(seed):
    tagger = Tagger(seed, "quotes", sink=lambda tags: None)
    assert tagger.add(0, 10, "headline") is None
    assert tagger.status == "There is no label called 'headline' here."
    with pytest.raises(ValueError, match="unknown exercise"):
        Tagger(seed, "spelling")


def test_javascript_never_uses_inner_html():
    js = (Path(__file__).parent.parent / "medialit" / "widgets" / "tagger.js").read_text()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js
    assert "textContent" in js


def test_answers_persist_across_restarts(seed):
    store = WorkStore(seed, "dana")
    box = AnswerBox(store, "anatomy-questions", "timestamp", "What does the timestamp say?")
    box.box.value = "It was updated at 09:58 IST."
    choice = Choice(store, "anatomy-questions", "ist", "IST is…", ["a", "b"], "b",
                    {"a": "No.", "b": "Indian time."})
    choice.buttons.value = "a"
    assert choice.result.value == "Not quite. No."
    choice.buttons.value = "b"
    assert choice.result.value == "Right. Indian time."
    again = AnswerBox(store, "anatomy-questions", "timestamp", "What does the timestamp say?")
    assert again.value == "It was updated at 09:58 IST."
    again_choice = Choice(store, "anatomy-questions", "ist", "IST is…", ["a", "b"], "b", {})
    assert again_choice.value == "b"
    assert store.load("anatomy-questions").answers == {
        "timestamp": "It was updated at 09:58 IST.", "ist": "b"}
    assert repr(again) == "AnswerBox(question='timestamp')"
