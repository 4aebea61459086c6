"""How much students agree with each other: Krippendorff's alpha, nominal, at word level.

Units are the article's words and each student is a coder. Within one exercise, a
student's value for a word is the label of their tag covering it (``direct``, ``speaker``,
``person`` …) or "untagged". Alpha is Krippendorff's nominal alpha over those values: ``1``
means perfect agreement, ``0`` agreement no better than chance, and negative values
systematic disagreement. Words nobody tagged count too (as agreement on "untagged"), so
alpha rewards agreeing on what is *not* a quote as well as on what is.

Reference: Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*.
Annenberg School for Communication, University of Pennsylvania.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

from .article import Span

__all__ = ["alpha_nominal", "alpha_from_counts", "word_spans", "word_level_alpha"]

_WORD = re.compile(r"\w+")


def alpha_from_counts(units: Iterable[Mapping[Hashable, int]]) -> float | None:
    """Nominal alpha from, for each unit, how many coders gave each value.

    Units coded by fewer than two coders carry no information and are skipped. Returns
    ``None`` when alpha is undefined (fewer than two pairable values, or every value the same
    so that no disagreement is even expected).
    """
    coincidence_diag = 0.0  # sum over units and values of n_uc (n_uc - 1) / (m_u - 1)
    totals: Counter[Hashable] = Counter()  # n_c: pairable values of each kind
    n = 0
    for counts in units:
        m = sum(counts.values())
        if m < 2:
            continue
        n += m
        for value, k in counts.items():
            totals[value] += k
            coincidence_diag += k * (k - 1) / (m - 1)
    if n < 2:
        return None
    # Off-diagonal coincidences: every pairable value is in n coincidences in total.
    observed_disagreement = n - coincidence_diag
    expected_disagreement = (n * n - sum(c * c for c in totals.values())) / (n - 1)
    if expected_disagreement == 0:
        return None
    return 1.0 - observed_disagreement / expected_disagreement


def alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Nominal alpha of a reliability table: one row per coder, one column per unit.

    ``None`` marks a missing value (the coder did not code that unit).
    """
    if not data:
        return None
    width = max(len(row) for row in data)
    units = []
    for u in range(width):
        counts: Counter[Hashable] = Counter()
        for row in data:
            if u < len(row) and row[u] is not None:
                counts[row[u]] += 1
        units.append(counts)
    return alpha_from_counts(units)


def word_spans(text: str) -> list[Span]:
    """The words of ``text`` (runs of letters, digits and underscores), in order."""
    return [Span(m.start(), m.end()) for m in _WORD.finditer(text)]


def word_level_alpha(
    words: Sequence[Span], coders: Sequence[Sequence[tuple[Span, str]]]
) -> float | None:
    """Nominal alpha over words; each coder is the ``(span, label)`` tags of one student.

    A word's value is the label of a tag that overlaps it (the shortest, if several do) or
    ``""`` (untagged). Every student codes every word, so a student who tagged nothing
    says "untagged" everywhere.
    """
    m = len(coders)
    if m < 2 or not words:
        return None
    starts = [w.start for w in words]
    ends = [w.end for w in words]
    units: list[Counter[Hashable]] = [Counter() for _ in words]
    for tags in coders:
        value: dict[int, str] = {}
        for span, label in sorted(tags, key=lambda t: len(t[0]), reverse=True):
            # Words overlapping [start, end): word.end > start and word.start < end.
            for i in range(bisect_right(ends, span.start), bisect_left(starts, span.end)):
                value[i] = label  # shorter tags, applied last, win
        for i, label in value.items():
            units[i][label] += 1
    for counts in units:
        counts[""] += m - sum(counts.values())
    return alpha_from_counts(units)
