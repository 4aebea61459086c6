"""``medialit trace`` as a user runs it: a real subprocess, exit codes, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELATED = ROOT / "articles" / "gaza-truce-blinken.related"


def medialit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "medialit.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_trace_json_on_the_seed():
    r = medialit("trace", "gaza-truce-blinken", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    text = (ROOT / "articles" / "gaza-truce-blinken.txt").read_text(encoding="utf-8")
    assert data["article"] == "gaza-truce-blinken" and len(data["sources"]) == 9
    by_start = {q["start"]: q for q in data["quotes"]}
    lede = by_start[647]
    assert text[647:664] == "producing results" == lede["text"]
    assert [(m["kind"], m["source"]) for m in lede["matches"]] == [
        ("context-changed", "bbc-via-rediff")]
    assert {(m["kind"], m["source"]) for m in by_start[814]["matches"]} == {
        ("reattributed", "state-dept-readout-via-lbc"), ("reattributed", "times-of-israel"),
        ("exact", "afp-via-nna")}
    assert {(m["kind"], m["source"]) for m in by_start[1471]["matches"]} == {
        ("exact", "bbc-via-rediff"), ("altered", "i24news")}
    for q in data["quotes"]:
        for m in q["matches"]:
            assert text[m["article_span"][0]:m["article_span"][1]] == m["article_text"]
    left_out = [m for m in data["reverse"] if m["kind"] == "left-out"]
    assert any("Palestinian state" in m["passage_text"] for m in left_out)
    right = next(m for m in data["reverse"] if m["dropped"])
    assert right["article_text"] == "Israel's right to defend itself"
    assert right["article_span"] == [2060, 2091]


def test_trace_text_output_on_the_seed():
    r = medialit("trace", "articles/gaza-truce-blinken.txt",
                 "--sources", "articles/gaza-truce-blinken.related")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "context-changed  BBC (via Rediff's live report), passage 2 [138-155]" in out
    assert "(\u201ctold Israeli soldiers\u201d)" in out
    assert ("leave out \u201cfrom terrorist violence in compliance with international "
            "humanitarian law\u201d") in out
    assert "https://www.state.gov/secretary-antony-j-blinken-and-israeli-president-isaac-herzog" \
           "-before-their-meeting-7/" in out


def test_bad_source_file_exits_2_with_one_line(tmp_path):
    folder = tmp_path / "related"
    shutil.copytree(RELATED, folder)
    bad = folder / "i24news.toml"
    bad.write_text(bad.read_text(encoding="utf-8").replace(
        'kind = "outlet report"', 'kind = "rumour"'), encoding="utf-8")
    r = medialit("trace", "gaza-truce-blinken", "--sources", str(folder))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"medialit: error: {bad}, line 4: field 'kind' is 'rumour'")


def test_missing_sources_folder_exits_2(tmp_path):
    r = medialit("trace", "gaza-truce-blinken", "--sources", str(tmp_path / "nope"))
    assert r.returncode == 2
    assert r.stderr == f"medialit: error: {tmp_path / 'nope'}: no such folder of related sources\n"


def test_article_without_related_folder_exits_2(tmp_path):
    (tmp_path / "note.txt").write_text("A headline\n\nRuiz said \"yes\".\n", encoding="utf-8")
    r = medialit("trace", str(tmp_path / "note.txt"))
    assert r.returncode == 2
    assert r.stderr == (f"medialit: error: {tmp_path / 'note.related'}: no such folder of "
                        "related sources\n")
