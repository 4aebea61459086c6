"""``medialit trace ARTICLE [--sources DIR] [--json]``: trace the article's quotes to sources."""

from __future__ import annotations

import argparse
import json

from .article import load_article
from .tracing import MATCH_LABELS, TraceMatch, TraceReport, load_related, trace


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "trace",
        help="compare the article's quotes with primary sources and other outlets' reports",
        description="Pair each quote in the article with the passages of its related sources "
                    "that carry the same words or idea, and say what changed (exact, trimmed, "
                    "altered, paraphrase, reattributed, context-changed), then list what the "
                    "sources say that the article leaves out.",
    )
    p.add_argument("article",
                   help="an article .txt or .meta.toml file, or the slug of a shipped one")
    p.add_argument("--sources", metavar="DIR",
                   help="folder of related sources (default: <slug>.related/ beside the article)")
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=run)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(report: TraceReport, m: TraceMatch) -> list[str]:
    src = report.source(m.source_id)
    ptext = report.passage_text(m)
    where = f"{src.label}, passage {m.passage + 1} [{m.passage_span.start}-{m.passage_span.end}]"
    out = [f"  {m.kind:<16} {where}",
           f"  {'':<16} \u201c{_short(m.passage_span.text(ptext))}\u201d"]
    if m.article_span is not None and not m.quote:
        out.append(f"  {'':<16} article [{m.article_span.start}-{m.article_span.end}]: "
                   f"\u201c{_short(report.article[m.article_span])}\u201d")
    out.append(f"  {'':<16} {m.explanation}")
    return out


def run(args: argparse.Namespace) -> int:
    article = load_article(args.article)
    sources = load_related(article, args.sources)
    report = trace(article, sources)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{article.slug}: {len(report.quotes)} quotes, {len(sources)} related sources")
    for s in sources:
        print(f"  {s.id}: {s.outlet}, {s.kind} ({s.via}){' — ' + s.url if s.url else ''}")
    for q in report.quotes:
        if q.kind == "paraphrase":
            continue
        who = q.speaker or "no speaker"
        print(f"\n\u201c{_short(article[q.span])}\u201d  [{q.span.start}-{q.span.end}, {q.kind}, "
              f"{who}]")
        found = report.for_quote(q)
        if not found:
            print("  (no related source carries these words or this idea)")
        for m in found:
            print("\n".join(_line(report, m)))
    print("\nWhat the sources say besides the article's quotes:")
    for m in report.reverse:
        print("\n".join(_line(report, m)))
    counts = {k: sum(1 for m in report.matches + report.reverse if m.kind == k)
              for k in MATCH_LABELS}
    print("\n" + ", ".join(f"{k}: {n}" for k, n in counts.items() if n))
    return 0
