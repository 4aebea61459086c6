"""Accuracy of medialit's quote and source extraction against hand-made answer keys.

Runs ``medialit.analyze`` (or, with ``--baseline regex``, a naive quotation-mark
matcher written here) on every article of the development set (``articles/devset``),
the held-out set (``articles/heldout``) and the seed article, and prints precision,
recall and F1 for quotes, speakers and sources.

How predictions are matched to the key:

* quotes: word-token Jaccard overlap of the two spans (tokens are counted by their
  position in the article, so equal words elsewhere do not count) of at least 0.8,
  paired one-to-one greedily, best overlap first. ``all quotes`` ignores the kind;
  ``direct+partial``, ``paraphrase`` and ``scare`` compare only quotes of those kinds
  on both sides (so for scare quotes the kind must match);
* speakers: on the matched quotes of ``all quotes``, names compared after
  normalising case, punctuation and titles; a surname alone equals the full name when
  no other source in the key has that surname;
* sources: one-to-one by the same name rule, for all sources and for sources the key
  marks quoted or paraphrased (against predictions marked quoted or paraphrased).

Usage: ``python benchmarks/accuracy.py [--set devset|heldout|all] [-v] [--json]
[--baseline regex] [--errors] [--agreement] [--only FILE]``; ``--only`` scores the development
articles a file lists (``articles/devset/batches/batch-13.txt``: a batch as it was added).
Exit status 1 when ``medialit.analyze`` is not available. ``--errors`` lists every missed and
spurious quote, wrong speaker and
missed or spurious cited source of the development set (and the seed); it refuses the
held-out set, whose errors extractor authors must not see.

``--agreement`` measures how far two people agree: articles annotated a second time,
independently and by the same guidelines (``articles/devset/second/``,
``articles/heldout/second/``), are scored against the first key exactly as the extractor
is, and the extractor is scored on the same articles beside them. It shows how close to
the human ceiling the figures are (for the held-out set, as totals only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medialit.article import Article, Span, load_article  # noqa: E402
from medialit.keys import parse_key  # noqa: E402
from medialit.results import Quote, Report, Source  # noqa: E402

SET_DIRS = {"devset": ROOT / "articles" / "devset", "heldout": ROOT / "articles" / "heldout"}
SEED_KEY = ROOT / "articles" / "gaza-truce-blinken.key.json"
MATCH_THRESHOLD = 0.8
QUOTE_GROUPS: dict[str, tuple[str, ...]] = {
    "all quotes": ("direct", "partial", "scare", "paraphrase"),
    "direct+partial": ("direct", "partial"),
    "paraphrase": ("paraphrase",),
    "scare": ("scare",),
}
# Speaker accuracy is also shown by the key's kind of quote.
SPEAKER_GROUPS = ("direct+partial", "paraphrase")
TITLES = frozenset(
    """mr mrs ms miss dr sir dame lord lady prof professor president vice prime minister
    secretary senator sen rep representative gov governor gen general col lt sgt capt
    chancellor speaker mayor king queen prince princess pope sheikh sayyid the
    st saint hon rev taoiseach tanaiste tánaiste cllr councillor judge ambassador commissioner
    rabbi imam bishop archbishop cardinal""".split()
)
# Generational suffixes after a name of two or more words: "Sixto Brillantes Jr" is
# "Sixto Brillantes".
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())

_WORD = re.compile(r"\w+(?:['’]\w+)*")


# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    """Correct out of total (speaker accuracy)."""

    correct: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


def word_tokens(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word token of ``text``."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def span_tokens(tokens: Sequence[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    """Indices of the tokens that lie inside ``[start, end)``."""
    return frozenset(i for i, (a, b) in enumerate(tokens) if a >= start and b <= end)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def greedy_match(
    gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]],
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, predicted index, overlap)``, best overlap first."""
    candidates = [
        (jaccard(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if g & p
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, gi, pi in candidates:
        if score < threshold:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, score))
    return sorted(pairs)


_TRAILING_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z0-9&.]{1,9}\)\s*$")


def normalise_name(name: str) -> str:
    """Lower-case words of a name without titles or punctuation ("Mr. Blinken" → "blinken"),
    without an acronym in brackets after it ("Democratic United Party (DUP)") and without a
    generational suffix ("Sixto Brillantes Jr")."""
    name = _TRAILING_ACRONYM.sub("", name)
    words = [w for w in re.findall(r"\w+", name.lower().replace("’", "'")) if w not in TITLES]
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def same_name(a: str | None, b: str | None, known: Iterable[str] = ()) -> bool:
    """Whether two names denote the same source (see the module docstring)."""
    if a is None or b is None:
        return a is None and b is None
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=lambda s: len(s.split()))
    if len(short.split()) != 1 or len(long_.split()) < 2 or long_.split()[-1] != short:
        return False
    others = {normalise_name(k) for k in known} - {long_}
    return not any(o.split() and o.split()[-1] == short and len(o.split()) > 1 for o in others)


# --------------------------------------------------------------------------------------
# Scoring one article
# --------------------------------------------------------------------------------------


@dataclass
class ArticleScore:
    """The counts for one article; summed into a set's figures."""

    slug: str
    quotes: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in QUOTE_GROUPS})
    speakers: Ratio = field(default_factory=Ratio)
    speakers_by_kind: dict[str, Ratio] = field(
        default_factory=lambda: {g: Ratio() for g in SPEAKER_GROUPS})
    kinds: Ratio = field(default_factory=Ratio)
    sources: Counts = field(default_factory=Counts)
    cited_sources: Counts = field(default_factory=Counts)

    def add(self, other: ArticleScore) -> None:
        for g in QUOTE_GROUPS:
            self.quotes[g].add(other.quotes[g])
        self.speakers.add(other.speakers)
        for g in SPEAKER_GROUPS:
            self.speakers_by_kind[g].add(other.speakers_by_kind[g])
        self.kinds.add(other.kinds)
        self.sources.add(other.sources)
        self.cited_sources.add(other.cited_sources)

    def as_dict(self) -> dict[str, Any]:
        return {
            "quotes": {g: c.as_dict() for g, c in self.quotes.items()},
            "speaker_accuracy": self.speakers.as_dict(),
            "speaker_accuracy_by_kind": {g: r.as_dict() for g, r in self.speakers_by_kind.items()},
            "kind_accuracy": self.kinds.as_dict(),
            "sources": self.sources.as_dict(),
            "quoted_or_paraphrased_sources": self.cited_sources.as_dict(),
        }


def match_names(gold: Sequence[str], pred: Sequence[str]) -> Counts:
    """One-to-one matching of source names by :func:`same_name`."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for pi, p in enumerate(pred):
            if pi not in used and same_name(g, p, gold):
                used.add(pi)
                tp += 1
                break
    return Counts(tp=tp, fp=len(pred) - len(used), fn=len(gold) - tp)


def score_article(slug: str, text: str, key: dict[str, Any],
                  quotes: Sequence[Quote], sources: Sequence[Source]) -> ArticleScore:
    """Compare one article's predicted quotes and sources with its key."""
    tokens = word_tokens(text)
    score = ArticleScore(slug)
    gold_q = key["quotes"]
    known = [s["name"] for s in key["sources"]]
    for group, kinds in QUOTE_GROUPS.items():
        g_sel = [q for q in gold_q if q["kind"] in kinds]
        p_sel = [q for q in quotes if q.kind in kinds]
        pairs = greedy_match(
            [span_tokens(tokens, q["start"], q["end"]) for q in g_sel],
            [span_tokens(tokens, q.span.start, q.span.end) for q in p_sel],
        )
        score.quotes[group] = Counts(
            tp=len(pairs), fp=len(p_sel) - len(pairs), fn=len(g_sel) - len(pairs)
        )
        if group == "all quotes":
            for gi, pi, _ in pairs:
                g, p = g_sel[gi], p_sel[pi]
                score.kinds.add(Ratio(int(g["kind"] == p.kind), 1))
                if g["speaker"] is None and p.speaker is None:
                    continue
                right = Ratio(int(same_name(g["speaker"], p.speaker, known)), 1)
                score.speakers.add(right)
                for sg in SPEAKER_GROUPS:
                    if g["kind"] in QUOTE_GROUPS[sg]:
                        score.speakers_by_kind[sg].add(right)
    score.sources = match_names(known, [s.name for s in sources])
    cited = ("quoted", "paraphrased")
    score.cited_sources = match_names(
        [s["name"] for s in key["sources"] if s["use"] in cited],
        [s.name for s in sources if s.use in cited],
    )
    return score


# --------------------------------------------------------------------------------------
# The naive baseline
# --------------------------------------------------------------------------------------

_DOUBLE_QUOTED = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")


def regex_baseline(article: Article) -> Report:
    """Every pair of double quotation marks is a quote; no speakers, no sources.

    A quotation that starts with a capital letter and follows a colon, a comma, the
    start of a paragraph or a closing quotation is called ``direct``; any other is
    ``partial``.
    """
    text = article.text
    quotes: list[Quote] = []
    for m in _DOUBLE_QUOTED.finditer(text):
        inner = m.group(1)
        if not inner.strip():
            continue
        before = text[: m.start()].rstrip(" ")
        starts_sentence = not before or before[-1] in ":,\n\"”"
        kind = "direct" if inner[0].isupper() and starts_sentence else "partial"
        quotes.append(Quote(span=Span(m.start(1), m.end(1)), kind=kind, reason="regex"))
    return Report(article=article, quotes=tuple(quotes), sources=(), findings=())


def key_report(article: Article, key: dict[str, Any]) -> Report:
    """A key read as if a system had produced it (for scoring one annotator against another)."""
    answers = parse_key(key, article)
    return Report(article=article, quotes=tuple(q.as_quote() for q in answers.quotes),
                  sources=tuple(s.as_source() for s in answers.sources), findings=())


def run_agreement(sets: Sequence[str],
                  analyze: Callable[[Article], Report]) -> dict[str, Any]:
    """The second annotator and the extractor, each scored against the first key, on the
    articles of ``sets`` that have a second annotation (in ``<set>/second/``)."""
    result: dict[str, Any] = {"sets": {}, "articles": {}}
    for set_name in sets:
        _agreement_of(set_name, analyze, result)
    return result


def _agreement_of(set_name: str, analyze: Callable[[Article], Report],
                  result: dict[str, Any]) -> None:
    second = ArticleScore("second annotator")
    system = ArticleScore("medialit")
    n = 0
    for key2_path in sorted((SET_DIRS[set_name] / "second").glob("*.key.json")):
        slug = key2_path.name.removesuffix(".key.json")
        text_path = SET_DIRS[set_name] / f"{slug}.txt"
        article = load_article(text_path)
        key = json.loads((SET_DIRS[set_name] / f"{slug}.key.json").read_text(encoding="utf-8"))
        key2 = json.loads(key2_path.read_text(encoding="utf-8"))
        if key2.get("text_sha256") != key.get("text_sha256"):
            raise SystemExit(f"{key2_path}: annotates another text than {text_path}")
        for total, report in ((second, key_report(article, key2)), (system, analyze(article))):
            s = score_article(slug, article.text, key, report.quotes, report.sources)
            total.add(s)
            if set_name == "devset":  # held-out articles are reported as a whole only
                result["articles"][f"{total.slug}/{slug}"] = s.as_dict()
        n += 1
    if n:
        for total in (second, system):
            result["sets"][f"{set_name}: {total.slug}, against the first key"] = {
                "articles": n, **total.as_dict()}


# --------------------------------------------------------------------------------------
# Running over the sets
# --------------------------------------------------------------------------------------


def load_analyze() -> Callable[[Article], Report] | None:
    """``medialit.analyze`` if it can be imported, else ``None``."""
    try:
        import medialit
        from medialit import analyze  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    return analyze if callable(analyze) else getattr(medialit, "analyze", None)


def articles_of(set_name: str, only: frozenset[str] | None = None
                ) -> list[tuple[str, Path, Path]]:
    """``(set, text path, key path)`` for every keyed article of a set (of the development
    set, only the slugs in ``only`` when given)."""
    d = SET_DIRS[set_name]
    out = []
    for key_path in sorted(d.glob("*.key.json")):
        slug = key_path.name.removesuffix(".key.json")
        if only is not None and set_name == "devset" and slug not in only:
            continue
        out.append((set_name, d / f"{slug}.txt", key_path))
    return out


def read_slugs(path: Path) -> frozenset[str]:
    """The article slugs listed in ``path``, one a line (``#`` starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines for w in line.split("#", 1)[0].split())


def run(sets: Sequence[str], analyze: Callable[[Article], Report],
        only: frozenset[str] | None = None) -> dict[str, Any]:
    """Score every article of ``sets`` (and the seed, if it has a key)."""
    result: dict[str, Any] = {"sets": {}, "articles": {}}
    groups: list[tuple[str, list[tuple[str, Path, Path]]]] = [
        (s, articles_of(s, only)) for s in sets]
    if SEED_KEY.exists():
        groups.append(("seed", [("seed", SEED_KEY.with_name("gaza-truce-blinken.txt"), SEED_KEY)]))
    for name, items in groups:
        total = ArticleScore(name)
        for _, text_path, key_path in items:
            article = load_article(text_path)
            key = json.loads(key_path.read_text(encoding="utf-8"))
            report = analyze(article)
            s = score_article(article.slug, article.text, key, report.quotes, report.sources)
            total.add(s)
            result["articles"][f"{name}/{article.slug}"] = s.as_dict()
        result["sets"][name] = {"articles": len(items), **total.as_dict()}
    return result


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def error_lines(slug: str, text: str, key: dict[str, Any], report: Report) -> list[str]:
    """Human-readable list of one article's quote, speaker and cited-source errors."""
    tokens = word_tokens(text)
    gold = key["quotes"]
    pred = list(report.quotes)
    known = [s["name"] for s in key["sources"]]
    pairs = greedy_match(
        [span_tokens(tokens, q["start"], q["end"]) for q in gold],
        [span_tokens(tokens, q.span.start, q.span.end) for q in pred],
    )
    matched_g = {gi for gi, _, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    out: list[str] = []
    for gi, q in enumerate(gold):
        if gi not in matched_g:
            out.append(f"  MISSED   {q['kind']:<10} [{q['speaker']}] {_clip(q['text'])}")
    for pi, q in enumerate(pred):
        if pi not in matched_p:
            out.append(f"  SPURIOUS {q.kind:<10} [{q.speaker}] {_clip(q.span.text(text))}")
    for gi, pi, _ in pairs:
        g, p = gold[gi], pred[pi]
        if g["kind"] != p.kind:
            out.append(f"  KIND     {g['kind']} -> {p.kind}: {_clip(g['text'], 80)}")
        if (g["speaker"] or p.speaker) and not same_name(g["speaker"], p.speaker, known):
            out.append(f"  SPEAKER  {g['speaker']!r} -> {p.speaker!r}: {_clip(g['text'], 70)}")
    cited = ("quoted", "paraphrased")
    g_names = [s["name"] for s in key["sources"] if s["use"] in cited]
    p_names = [s.name for s in report.sources if s.use in cited]
    for g in g_names:
        if not any(same_name(g, p, g_names) for p in p_names):
            out.append(f"  SOURCE-  {g}")
    for p in p_names:
        if not any(same_name(g, p, g_names) for g in g_names):
            out.append(f"  SOURCE+  {p}")
    return [slug, *out] if out else []


def print_errors(sets: Sequence[str], analyze: Callable[[Article], Report],
                 only: frozenset[str] | None = None) -> None:
    """Print :func:`error_lines` for every article of the development set and the seed."""
    items = [i for s in sets for i in articles_of(s, only)]
    items.append(("seed", SEED_KEY.with_name("gaza-truce-blinken.txt"), SEED_KEY))
    for _, text_path, key_path in items:
        article = load_article(text_path)
        key = json.loads(key_path.read_text(encoding="utf-8"))
        lines = error_lines(article.slug, article.text, key, analyze(article))
        if lines:
            print("\n".join(lines))


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _line(label: str, c: Counts) -> str:
    return (f"  {label:<32} P {_pct(c.precision)}  R {_pct(c.recall)}  F1 {_pct(c.f1)}"
            f"   (tp {c.tp}, fp {c.fp}, fn {c.fn})")


def format_figures(name: str, fig: dict[str, Any]) -> list[str]:
    def counts(d: dict[str, Any]) -> Counts:
        return Counts(d["tp"], d["fp"], d["fn"])

    lines = [f"{name}" + (f" ({fig['articles']} articles)" if "articles" in fig else "")]
    for g in QUOTE_GROUPS:
        lines.append(_line(f"quotes: {g}", counts(fig["quotes"][g])))
    sp, kd = fig["speaker_accuracy"], fig["kind_accuracy"]
    lines.append(f"  {'speaker accuracy (matched)':<32} {_pct(sp['accuracy'])}"
                 f"   ({sp['correct']} of {sp['total']})")
    for g, r in fig.get("speaker_accuracy_by_kind", {}).items():
        lines.append(f"  {'  of which ' + g:<32} {_pct(r['accuracy'])}"
                     f"   ({r['correct']} of {r['total']})")
    lines.append(f"  {'kind accuracy (matched)':<32} {_pct(kd['accuracy'])}"
                 f"   ({kd['correct']} of {kd['total']})")
    lines.append(_line("sources", counts(fig["sources"])))
    cited = counts(fig["quoted_or_paraphrased_sources"])
    lines.append(_line("sources quoted or paraphrased", cited))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("devset", "heldout", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="figures per article")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--baseline", choices=("regex",), help="score a baseline instead")
    parser.add_argument("--errors", action="store_true",
                        help="list the errors on the development set (never the held-out set)")
    parser.add_argument("--agreement", action="store_true",
                        help="a second annotator against the first key, beside medialit")
    parser.add_argument("--only", type=Path, metavar="FILE",
                        help="score only the development articles whose slugs FILE lists "
                             "(a new batch, say, before anyone reads its errors)")
    args = parser.parse_args(argv)
    only = read_slugs(args.only) if args.only else None
    if args.errors and args.set != "devset":
        parser.error("--errors lists development-set errors only: add --set devset "
                     "(the held-out set reports figures, never its errors)")

    if args.baseline == "regex":
        analyze: Callable[[Article], Report] | None = regex_baseline
        system = "baseline: regex (pairs of double quotation marks, no speakers)"
    else:
        analyze = load_analyze()
        system = "medialit.analyze"
        if analyze is None:
            print("medialit.analyze is not available yet (medialit/analysis.py missing or "
                  "not exported); try --baseline regex", file=sys.stderr)
            return 1
    sets = ("devset", "heldout") if args.set == "all" else (args.set,)
    if args.errors:
        print_errors(sets, analyze, only)
        return 0
    if args.agreement:
        result = run_agreement(sets, analyze)
        system = "two annotators and medialit on the doubly annotated articles"
    else:
        result = run(sets, analyze, only)
    result["system"] = system
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"system: {system}; a quote matches at word-token Jaccard >= {MATCH_THRESHOLD}")
    for name, fig in result["sets"].items():
        print()
        print("\n".join(format_figures(name, fig)))
    if args.verbose:
        for name, fig in result["articles"].items():
            print()
            print("\n".join(format_figures(name, fig)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
