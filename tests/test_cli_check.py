"""``medialit check``: the readable report, ``--json`` and errors for bad files."""

from __future__ import annotations

import json

from medialit.cli import main

SEED = "gaza-truce-blinken"


def test_check_json_on_a_slug(capsys, seed):
    assert main(["check", SEED, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["quotes", "sources", "findings"]
    first = data["quotes"][0]
    assert first == {"text": "Gaza truce should continue as it's 'producing results,'",
                     "start": 12, "end": 67, "speaker": "Antony Blinken", "cue": "says",
                     "kind": "paraphrase"}
    miller = next(s for s in data["sources"] if s["name"] == "Matthew Miller")
    assert miller == {"name": "Matthew Miller", "type": "person",
                      "affiliation": "US government", "use": "quoted",
                      "mentions": [[2001, 2015], [2474, 2476]]}
    for f in data["findings"]:
        assert set(f) == {"rule", "message", "spans"}


def test_check_json_on_a_pasted_txt_uses_its_exact_text(tmp_path, capsys):
    text = "Headline here\n\n\"We will win,\" said Jo Park, a coach.\n"
    p = tmp_path / "paste.txt"
    p.write_text(text, encoding="utf-8")
    assert main(["check", str(p), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    q = data["quotes"][0]
    assert (q["text"], q["speaker"], q["cue"], q["kind"]) == (
        "We will win,", "Jo Park", "said", "direct")
    assert text[q["start"]:q["end"]] == q["text"]


def test_check_readable_report(capsys):
    assert main(["check", SEED]) == 0
    out = capsys.readouterr().out
    assert "QUOTES (13)" in out
    assert "[direct] 2203-2472  Matthew Miller — cue: added" in out
    assert "SOURCES (13)" in out
    assert "FINDINGS" in out


def test_check_bad_file_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert "no such article file" in capsys.readouterr().err


def test_check_accepts_a_meta_toml_path(capsys):
    from medialit.article import articles_dir

    meta = articles_dir() / f"{SEED}.meta.toml"
    assert main(["check", str(meta), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["quotes"]) == 13 and len(data["sources"]) == 13
