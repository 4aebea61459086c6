"""Answer keys: the seed's key loads; broken keys are refused with the file and the item."""

from __future__ import annotations

import json

import pytest

from medialit import ArticleError, Span
from medialit.keys import find_key, key_path, key_to_json, load_key, parse_key


def test_seed_key_loads_with_exact_spans(seed):
    key = find_key(seed)
    assert key is not None
    assert key.path == key_path(seed)
    assert (len(key.quotes), len(key.sources)) == (13, 13)
    assert all(f.rule.startswith("framing.") and f.spans for f in key.findings)
    first_partial = key.quotes[1]
    assert (first_partial.kind, first_partial.span) == ("partial", Span(48, 66))
    assert seed[first_partial.span] == "producing results,"
    assert first_partial.speaker == "Antony Blinken"
    assert first_partial.speaker_spans == (Span(73, 80),)
    assert first_partial.cue_span == Span(68, 72)
    miller = next(s for s in key.sources if s.name == "Matthew Miller")
    assert (miller.type, miller.use) == ("person", "quoted")


def test_key_round_trips_through_json(seed):
    key = find_key(seed)
    again = parse_key(key_to_json(key, seed), seed, key.path)
    assert again == key


def _write(tmp_path, data) -> object:
    p = tmp_path / "k.key.json"
    p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return p


def _seed_json(seed):
    return json.loads(key_path(seed).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["quotes"][0].update(text="something else"),
         "quotes[0]: 'text' is 'something else' but the article has "),
        (lambda d: d["quotes"][2].update(kind="rumour"),
         "quotes[2].kind: 'rumour' is not one of direct, partial, scare, paraphrase"),
        (lambda d: d["quotes"][1].update(speaker_spans=[[80, 73]]),
         "quotes[1].speaker_spans[0]: span [80, 73] is not inside the article text"),
        (lambda d: d["quotes"][1].update(cue_span=[68]),
         "quotes[1].cue_span: a span should be two whole numbers"),
        (lambda d: d["sources"][0].update(use="cited"),
         "sources[0].use: 'cited' is not one of quoted, paraphrased, mentioned"),
        (lambda d: d["sources"][0].pop("name"), "sources[0]: the field 'name' is missing"),
        (lambda d: d.update(article="another-story"),
         "article: this key is for 'another-story', not 'gaza-truce-blinken'"),
        (lambda d: d.update(text_sha256="0" * 64),
         "text_sha256: the key was made for a different version of the article text"),
        (lambda d: d.update(format="medialit-key/9"), "format: 'medialit-key/9' is not a format"),
        (lambda d: d.update(quotes={}), "quotes: should be a list"),
        (lambda d: d.update(findings=[{"rule": "framing.vague-number", "spans": []}]),
         "findings[0].spans: a finding needs at least one span"),
    ],
)
def test_broken_keys_name_the_file_and_the_item(seed, tmp_path, change, message):
    data = _seed_json(seed)
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(ArticleError) as e:
        load_key(seed, path)
    assert str(e.value).startswith(f"{path}: {message}")


def test_bad_json_gives_the_line(seed, tmp_path):
    path = _write(tmp_path, '{\n "format": "medialit-key/1",\n "quotes": [\n}\n')
    with pytest.raises(ArticleError) as e:
        load_key(seed, path)
    assert e.value.line == 4
    assert str(e.value).startswith(f"{path}, line 4: is not valid JSON")


def test_missing_empty_and_non_object_keys(seed, tmp_path):
    with pytest.raises(ArticleError, match="no such answer key file"):
        load_key(seed, tmp_path / "nope.key.json")
    with pytest.raises(ArticleError, match="the answer key file is empty"):
        load_key(seed, _write(tmp_path, "  \n"))
    with pytest.raises(ArticleError, match="should be a JSON object"):
        load_key(seed, _write(tmp_path, "[1, 2]"))


def test_article_without_key_has_none(tmp_path):
    from medialit import load_article

    p = tmp_path / "paste.txt"
    p.write_text("Headline\n\nA paragraph said by nobody.\n", encoding="utf-8")
    assert find_key(load_article(p)) is None
