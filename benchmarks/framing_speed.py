"""How fast medialit.framing.check runs: the seed article, and inputs of 1, 2.5 and 5 MB.

Run: .venv/bin/python benchmarks/framing_speed.py
Prints milliseconds per check on the seed (best of several runs, article already parsed,
quotes given so only the framing rules are timed) and seconds for large inputs, so that
growth with size can be read off (linear time: 5 MB should take about 5x as long as 1 MB).
"""

from __future__ import annotations

import statistics
import time

from medialit.article import Article, load_article
from medialit.attribution import find_quotes
from medialit.framing import check


def _seed_ms(runs: int = 300) -> tuple[float, float]:
    seed = load_article("gaza-truce-blinken")
    quotes = find_quotes(seed)
    seed.parts, seed.sentences  # noqa: B018 - parse once, outside the timing
    check(seed, quotes=quotes)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        check(seed, quotes=quotes)
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times)


def _large(name: str, unit: str, size: int) -> tuple[int, float, int]:
    text = (unit * (size // len(unit) + 1))[:size]
    article = Article.from_text(text)
    article.parts, article.sentences  # noqa: B018
    t = time.perf_counter()
    findings = check(article, quotes=[])
    return len(text), time.perf_counter() - t, len(findings)


def main() -> None:
    best, median = _seed_ms()
    print(f"seed article: check() best {best:.2f} ms, median {median:.2f} ms per run")
    seed_text = load_article("gaza-truce-blinken").text
    inputs = {
        "seed text repeated": seed_text + "\n\n",
        "quote marks": "'‘’\"“” ",
        "quoted words": '"a b" said ',
        "passive sentences": "The truce was extended by a day and many hostages were freed.\n\n",
    }
    for name, unit in inputs.items():
        row = []
        for mb in (1, 2.5, 5):
            n, secs, found = _large(name, unit, int(mb * 1_000_000))
            row.append(f"{n / 1e6:.1f} MB {secs:.2f} s ({found} findings)")
        print(f"{name}: " + "; ".join(row))


if __name__ == "__main__":
    main()
