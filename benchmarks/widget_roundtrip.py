"""How long the tagger's Python side takes per gesture: snap, save (atomic write), publish.

Run: ``.venv/bin/python benchmarks/widget_roundtrip.py``. Prints median and worst times for
creating, linking and undoing tags on the seed article, and the size of the state sent to the
browser. (The full browser round trip is printed by ``pytest -m browser -s``.)
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time

from medialit import load_article
from medialit.widgets import Tagger


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as work:
        os.environ["MEDIALIT_WORK"] = work
        run()


def run() -> None:
    article = load_article("gaza-truce-blinken")
    started = time.perf_counter()
    tagger = Tagger(article, "quotes", student="bench")
    build_ms = (time.perf_counter() - started) * 1000
    sentences = list(article.sentences)
    create, link, undo = [], [], []
    speaker = tagger.add(*article.span("Matthew Miller").as_list(), "speaker")
    for s in sentences:
        t0 = time.perf_counter()
        tag = tagger.add_utf16(tagger._to16(s.start), tagger._to16(s.end), "direct")
        t1 = time.perf_counter()
        tagger.link(tag.id, speaker.id)
        t2 = time.perf_counter()
        create.append((t1 - t0) * 1000)
        link.append((t2 - t1) * 1000)
    for _ in range(10):
        t0 = time.perf_counter()
        tagger.undo()
        undo.append((time.perf_counter() - t0) * 1000)
    state = len(json.dumps({"text": tagger.text, "tokens": tagger.tokens, "tags": tagger.tags}))
    print(f"build tagger on the seed ({len(article.text)} chars, {len(tagger.tokens)} tokens): "
          f"{build_ms:.1f} ms")
    for name, xs in (("create tag", create), ("link", link), ("undo", undo)):
        print(f"{name:>10}: median {statistics.median(xs):.2f} ms, max {max(xs):.2f} ms "
              f"over {len(xs)} gestures (each includes an atomic save)")
    print(f"state sent to the browser with {len(tagger.tags)} tags: {state:,} bytes")


if __name__ == "__main__":
    main()
