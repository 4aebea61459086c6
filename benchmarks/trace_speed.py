"""How long tracing takes: the seed against its related sources, and a larger synthetic load.

Run: ``.venv/bin/python benchmarks/trace_speed.py``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import time
import tracemalloc

from medialit import load_article
from medialit.tracing import Passage, RelatedSource, article_quotes, load_related, trace


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    article = load_article("gaza-truce-blinken")
    sources = load_related(article)
    quotes = article_quotes(article)
    t_load = best_of(5, lambda: load_related(article))
    t_trace = best_of(10, lambda: trace(article, sources, quotes))
    passages = sum(len(s.passages) for s in sources)
    print(f"seed: {len(quotes)} quotes x {passages} passages in {len(sources)} sources")
    print(f"  load related sources: {t_load * 1000:.1f} ms")
    print(f"  trace (both directions): {t_trace * 1000:.1f} ms")

    # Ten times the sources: every passage repeated under ten ids.
    many = [RelatedSource(id=f"{s.id}-{i}", outlet=s.outlet, kind=s.kind, via=s.via,
                          passages=tuple(Passage(p.text, p.speaker, p.subject)
                                         for p in s.passages),
                          occasion=s.occasion, audience=s.audience, place=s.place)
            for i in range(10) for s in sources]
    t_many = best_of(3, lambda: trace(article, many, quotes))
    tracemalloc.start()
    trace(article, many, quotes)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"x10 sources ({passages * 10} passages): {t_many * 1000:.1f} ms, "
          f"peak traced memory {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
