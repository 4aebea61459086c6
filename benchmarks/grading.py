"""How long grading a class takes: 500 made-up submissions on the seed article.

Run: ``.venv/bin/python benchmarks/grading.py [N]``. Prints the time to collect and grade,
the time to write every report (gradebook, N feedback pages, class summary with charts),
and the total. The target is under 5 s for 500 submissions.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from medialit import load_article
from medialit.grading import read_grading_key
from medialit.reports import grade_folder, write_reports
from medialit.sample_class import write_class


def main(n: int = 500) -> None:
    article = load_article("gaza-truce-blinken")
    key = read_grading_key(article)
    t = time.perf_counter()
    import matplotlib.figure  # noqa: F401  (the charts need it; loading it is a fixed cost)

    import_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submissions"
        paths = write_class(article, key.key, folder, n, seed=1)
        size = sum(p.stat().st_size for p in paths)
        tags = 0
        t0 = time.perf_counter()
        result = grade_folder(folder, article, key)
        t1 = time.perf_counter()
        write_reports(result, Path(tmp) / "reports")
        t2 = time.perf_counter()
        tags = sum(e.tags for g in result.grades for e in g.exercises.values())
    print(f"submissions: {n} ({size / 1e6:.1f} MB, {tags} graded tags, "
          f"exercises {', '.join(result.exercises)})")
    print(f"collect + grade + agreement: {t1 - t0:.2f} s")
    print(f"write reports:               {t2 - t1:.2f} s")
    print(f"total:                       {t2 - t0:.2f} s (target < 5 s)")
    cached = "off" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    print(f"(loading matplotlib beforehand: {import_s:.2f} s, byte-code cache {cached}; "
          f"with it: {t2 - t0 + import_s:.2f} s)")
    print(f"median score {sorted(g.score for g in result.grades)[n // 2]:.1f}; agreement "
          + ", ".join(f"{k} {v:.3f}" for k, v in result.agreement.items() if v is not None))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
