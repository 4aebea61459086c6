"""The command line as a user runs it: a real subprocess, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def medialit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "medialit.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_show_prints_the_parts_of_the_seed():
    r = medialit("show", "gaza-truce-blinken")
    assert r.returncode == 0, r.stderr
    assert "headline" in r.stdout and "Edited By: Manas Joshi" in r.stdout
    assert "agency_note   2485-2512   (With inputs from agencies)" in r.stdout


def test_show_json_spans_point_into_the_text():
    r = medialit("show", "articles/gaza-truce-blinken.txt", "--json")
    data = json.loads(r.stdout)
    text = (ROOT / "articles" / "gaza-truce-blinken.txt").read_text(encoding="utf-8")
    assert data["slug"] == "gaza-truce-blinken"
    for part in data["parts"]:
        assert text[part["start"]:part["end"]] == part["text"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the article file is empty"),
        (b"\x00\x01\x02binary", "looks like a binary file"),
        (b"\xff\xfeb\x00a\x00d\x00", "is UTF-16 text, not UTF-8"),
        (b"Headline\n\nTr\xe8s bien.\n", "is not UTF-8 text"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path, content, message):
    path = tmp_path / "bad article.txt"
    path.write_bytes(content)
    r = medialit("show", str(path))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1
    assert str(path) in r.stderr and message in r.stderr


def test_malformed_metadata_names_the_line(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('outlet = "X"\nheadline = "unclosed\n', encoding="utf-8")
    r = medialit("show", str(tmp_path / "a.txt"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{tmp_path / 'a.meta.toml'}, line 2: not valid TOML" in r.stderr


def test_missing_file_and_no_command():
    r = medialit("show", "does/not/exist.txt")
    assert r.returncode == 2 and "does/not/exist.txt: no such article file" in r.stderr
    r = medialit()
    assert r.returncode == 2 and "usage: medialit" in r.stderr
    r = medialit("--help")
    assert r.returncode == 0 and "show" in r.stdout
