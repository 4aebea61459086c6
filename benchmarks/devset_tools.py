"""Build and check the hand-made answer keys of the development and held-out sets.

Offsets are never counted by hand. Each article has an annotation file
``<slug>.annot.toml`` beside it that names every quote, speaker, cue and source
mention by a piece of the article's own text (a *locator*); this script finds each
locator in the text and writes ``<slug>.key.json`` in the format of
``articles/README.md``.

A locator is a string of the article. If it contains ``[[`` and ``]]``, the whole
string (without the brackets) is the context to find and the bracketed part is the
span: ``'[[he]] said, "We'`` points at that ``he``. The context must occur exactly
once, unless ``n`` (1-based occurrence) is given as ``["locator", n]``.

Usage::

    python benchmarks/devset_tools.py build [SLUG_OR_DIR ...]   # write keys
    python benchmarks/devset_tools.py check                     # verify keys
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SET_DIRS = {"devset": ROOT / "articles" / "devset", "heldout": ROOT / "articles" / "heldout"}
QUOTE_KINDS = ("direct", "partial", "scare", "paraphrase")
SOURCE_TYPES = ("person", "organisation", "anonymous", "document", "media")
SOURCE_USES = ("quoted", "paraphrased", "mentioned")
KEY_FORMAT = "medialit-key/1"


class AnnotationError(Exception):
    """A locator or field in an annotation file that does not fit the article."""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locate(text: str, locator: str | list[Any]) -> tuple[int, int]:
    """The ``(start, end)`` offsets a locator points at (see the module docstring)."""
    n: int | None = None
    if isinstance(locator, list):
        locator, n = locator[0], int(locator[1])
    if "[[" in locator:
        before, rest = locator.split("[[", 1)
        target, after = rest.rsplit("]]", 1)  # the last ]] closes: "[[…[.]]]"
        context = before + target + after
        inner = len(before)
    else:
        context, target, inner = locator, locator, 0
    if not target:
        raise AnnotationError(f"empty target in locator {locator!r}")
    starts = [m.start() for m in re.finditer(re.escape(context), text)]
    if not starts:
        raise AnnotationError(f"locator not found: {locator!r}")
    if n is None:
        if len(starts) > 1:
            raise AnnotationError(
                f"locator occurs {len(starts)} times, give an occurrence: {locator!r}"
            )
        n = 1
    if not 1 <= n <= len(starts):
        raise AnnotationError(f"locator has no occurrence {n}: {locator!r}")
    start = starts[n - 1] + inner
    return start, start + len(target)


def all_word_occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Every occurrence of ``word`` that is not part of a longer word."""
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _drop_contained(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted unique spans, without spans that lie inside another span."""
    unique = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s in unique:
        if any(o[0] <= s[0] and s[1] <= o[1] for o in out):
            continue
        out.append(s)
    return out


def build_key(text: str, slug: str, annot: dict[str, Any]) -> dict[str, Any]:
    """The answer key for one article from its parsed annotation file."""
    quotes: list[dict[str, Any]] = []
    for i, q in enumerate(annot.get("quote", []), 1):
        where = f"quote {i}"
        kind = q.get("kind")
        if kind not in QUOTE_KINDS:
            raise AnnotationError(f"{where}: kind {kind!r} is not one of {QUOTE_KINDS}")
        start, end = locate(text, q["at"])
        speaker = q.get("speaker")
        if kind == "scare" and speaker is not None:
            raise AnnotationError(f"{where}: a scare quote has no speaker")
        speaker_spans = [list(locate(text, s)) for s in q.get("speaker_at", [])]
        if speaker is None and speaker_spans:
            raise AnnotationError(f"{where}: speaker spans without a speaker")
        cue_span = list(locate(text, q["cue_at"])) if q.get("cue_at") else None
        entry: dict[str, Any] = {
            "text": text[start:end],
            "start": start,
            "end": end,
            "kind": kind,
            "speaker": speaker,
            "speaker_spans": speaker_spans,
            "cue": text[cue_span[0] : cue_span[1]] if cue_span else None,
            "cue_span": cue_span,
        }
        if q.get("note"):
            entry["note"] = q["note"]
        quotes.append(entry)
    quotes.sort(key=lambda q: (q["start"], q["end"]))

    sources: list[dict[str, Any]] = []
    names = set()
    for s in annot.get("source", []):
        name = s["name"]
        where = f"source {name!r}"
        if name in names:
            raise AnnotationError(f"{where}: listed twice")
        names.add(name)
        if s.get("type") not in SOURCE_TYPES:
            raise AnnotationError(f"{where}: type {s.get('type')!r} is not one of {SOURCE_TYPES}")
        spans = [locate(text, m) for m in s.get("mentions", [])]
        for word in s.get("all", []):
            found = all_word_occurrences(text, word)
            if not found:
                raise AnnotationError(f"{where}: {word!r} does not occur")
            spans.extend(found)
        kinds = set()
        for q in quotes:
            if q["speaker"] == name:
                spans.extend(tuple(sp) for sp in q["speaker_spans"])
                kinds.add(q["kind"])
        if "direct" in kinds or "partial" in kinds:
            use = "quoted"
        elif "paraphrase" in kinds:
            use = "paraphrased"
        else:
            use = "mentioned"
        if s.get("use") and s["use"] != use:
            raise AnnotationError(f"{where}: use {s['use']!r} but its quotes make it {use!r}")
        mentions = _drop_contained([tuple(sp) for sp in spans])
        if not mentions:
            raise AnnotationError(f"{where}: no mentions")
        sources.append(
            {
                "name": name,
                "type": s["type"],
                "role": s.get("role"),
                "affiliation": s.get("affiliation"),
                "use": use,
                "mentions": [list(m) for m in mentions],
            }
        )
    for q in quotes:
        if q["speaker"] is not None and q["speaker"] not in names:
            raise AnnotationError(
                f"quote {q['text'][:40]!r}: speaker {q['speaker']!r} has no source"
            )

    return {
        "format": KEY_FORMAT,
        "article": slug,
        "text_sha256": text_sha256(text),
        "quotes": quotes,
        "sources": sources,
        "findings": [],
        "notes": list(annot.get("notes", [])),
    }


def annotation_paths(targets: list[str]) -> list[Path]:
    """The annotation files named by slugs or directories (default: both sets)."""
    if not targets:
        targets = [str(d) for d in SET_DIRS.values()]
    out: list[Path] = []
    for t in targets:
        p = Path(t).resolve()
        if p.is_dir():
            out.extend(sorted(p.glob("*.annot.toml")))
        else:
            for d in SET_DIRS.values():
                if (d / f"{t}.annot.toml").exists():
                    out.append(d / f"{t}.annot.toml")
    return out


def build(annot_path: Path) -> Path:
    slug = annot_path.name.removesuffix(".annot.toml")
    text = (annot_path.parent / f"{slug}.txt").read_text(encoding="utf-8")
    try:
        with annot_path.open("rb") as f:
            annot = tomllib.load(f)
        key = build_key(text, slug, annot)
    except (AnnotationError, KeyError, tomllib.TOMLDecodeError) as e:
        raise SystemExit(f"{annot_path}: {e}") from None
    key_path = annot_path.parent / f"{slug}.key.json"
    key_path.write_text(json.dumps(key, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return key_path


def check_key(key: dict[str, Any], text: str) -> list[str]:
    """Problems in one key: slices that differ, a wrong hash, bad values, duplicates."""
    problems: list[str] = []
    if key.get("format") != KEY_FORMAT:
        problems.append(f"format is {key.get('format')!r}")
    if key.get("text_sha256") != text_sha256(text):
        problems.append("text_sha256 does not match the article")
    seen = set()
    for q in key["quotes"]:
        if text[q["start"] : q["end"]] != q["text"]:
            problems.append(f"quote text differs from slice at {q['start']}")
        if q["kind"] not in QUOTE_KINDS:
            problems.append(f"bad kind {q['kind']!r}")
        if (q["start"], q["end"]) in seen:
            problems.append(f"duplicate quote span {q['start']}-{q['end']}")
        seen.add((q["start"], q["end"]))
        if q["cue_span"] and text[q["cue_span"][0] : q["cue_span"][1]] != q["cue"]:
            problems.append(f"cue differs from slice at {q['cue_span']}")
    for s in key["sources"]:
        if s["type"] not in SOURCE_TYPES or s["use"] not in SOURCE_USES:
            problems.append(f"source {s['name']!r}: bad type or use")
        if len({tuple(m) for m in s["mentions"]}) != len(s["mentions"]):
            problems.append(f"source {s['name']!r}: duplicate mentions")
    return problems


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("build", "check"):
        print(__doc__)
        return 2
    if argv[0] == "build":
        for p in annotation_paths(argv[1:]):
            key_path = build(p)
            key = json.loads(key_path.read_text(encoding="utf-8"))
            print(f"{key_path.relative_to(ROOT)}: {len(key['quotes'])} quotes, "
                  f"{len(key['sources'])} sources")
        return 0
    bad = 0
    for d in SET_DIRS.values():
        for key_path in sorted(d.glob("*.key.json")):
            slug = key_path.name.removesuffix(".key.json")
            text = (d / f"{slug}.txt").read_text(encoding="utf-8")
            problems = check_key(json.loads(key_path.read_text(encoding="utf-8")), text)
            for prob in problems:
                print(f"{key_path.relative_to(ROOT)}: {prob}")
            bad += bool(problems)
    print("all keys check out" if not bad else f"{bad} key file(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
