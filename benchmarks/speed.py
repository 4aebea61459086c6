"""Speed and memory of ``medialit.analyze``: prints figures, asserts nothing.

* median time to analyse the seed article (target: at most 5 ms);
* throughput over the development-set articles (target: at least 200 articles/s per core);
* time on 0.5, 1, 2 and 5 MB synthetic texts (time per MB should stay flat: linear time);
* one endless paragraph of a tricky construction, at two sizes (4x the text, ~4x the time);
* peak memory (tracemalloc) while analysing the 5 MB text.

Usage: ``python benchmarks/speed.py [--quick]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medialit import analyze, load_article  # noqa: E402
from medialit.article import Article  # noqa: E402


def fresh(article: Article) -> Article:
    """A new Article with the same text, so no cached analysis is reused."""
    return Article(text=article.text, meta=article.meta, path=article.path)


def time_once(article: Article) -> float:
    a = fresh(article)
    gc.collect()  # (garbage left by an earlier run is not this run's cost)
    t0 = time.perf_counter()
    analyze(a)
    return time.perf_counter() - t0


def synthetic(size: int, paragraphs: list[str]) -> str:
    """About ``size`` characters: real paragraphs repeated, under one headline."""
    out = ["Synthetic test text for speed", ""]
    total = 0
    i = 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        out.append("")
        total += len(p) + 2
        i += 1
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, sizes up to 1 MB")
    args = parser.parse_args()
    seed = load_article("gaza-truce-blinken")
    analyze(fresh(seed))  # load the word lists once
    runs = 50 if args.quick else 300
    times = [time_once(seed) for _ in range(runs)]
    print(f"seed ({len(seed.text)} chars): median {statistics.median(times) * 1000:.2f} ms, "
          f"min {min(times) * 1000:.2f} ms over {runs} runs (target <= 5 ms)")

    dev = [load_article(p) for p in sorted((ROOT / "articles" / "devset").glob("*.txt"))]
    if dev:
        rounds = 5 if args.quick else 20
        t0 = time.perf_counter()
        for _ in range(rounds):
            for a in dev:
                analyze(fresh(a))
        elapsed = time.perf_counter() - t0
        n = rounds * len(dev)
        chars = sum(len(a.text) for a in dev) / len(dev)
        print(f"devset: {len(dev)} articles (mean {chars:.0f} chars), {n / elapsed:.0f} "
              f"articles/s on one core (target >= 200)")

    paragraphs = [seed.text[p.start:p.end] for p in seed.paragraphs]
    for a in dev:
        paragraphs.extend(a.text[p.start:p.end] for p in a.paragraphs)
    sizes = [0.5, 1.0] if args.quick else [0.5, 1.0, 2.0, 5.0]
    for mb in sizes:
        text = synthetic(int(mb * 1_000_000), paragraphs)
        t = time_once(Article.from_text(text))
        print(f"{mb:>4} MB synthetic: {t:.2f} s ({t / mb:.2f} s per MB)")
    # One endless paragraph of the same construction: every step must stay linear.
    stress = ["Talks went on, the minister, Jo Smith, said, ", "x \"a\" ", "He said \"",
              "according to the UN, ", "“We won,” she said, “and ", "'a' 'b' ",
              "John Smith spoke. She said it rained. ",
              "Jane Fox lives here. The mother-of-two said it rained. ",
              "Pushpa Kamal Dahal, 52, said it rained. The 52-year-old left. "]
    n = 2000 if args.quick else 8000
    for unit in stress:
        small = time_once(Article.from_text("Head line here\n\n" + unit * n))
        big = time_once(Article.from_text("Head line here\n\n" + unit * n * 4))
        print(f"one paragraph of {unit!r}: {small:.2f} s, 4x the text {big:.2f} s "
              f"(x{big / max(small, 1e-9):.1f})")
    # Many analyses in a row must leave nothing behind (a cache keyed by the article once
    # kept every article alive).
    gc.collect()
    before = len(gc.get_objects())
    for k in range(2000):
        analyze(Article.from_text("Head line here\n\n" + paragraphs[k % len(paragraphs)]))
    gc.collect()
    print(f"2000 analyses in a row: {len(gc.get_objects()) - before} objects left behind")
    if not args.quick:
        text = synthetic(5_000_000, paragraphs)
        article = Article.from_text(text)
        tracemalloc.start()
        analyze(article)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"5 MB synthetic: peak traced memory {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
