"""``medialit show PATH``: print the parsed parts of an article."""

from __future__ import annotations

import argparse
import json

from .article import PART_LABELS, load_article


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="print the parts of an article (headline, byline, body …)")
    p.add_argument("path", help="an article .txt or .meta.toml file, or the slug of a shipped one")
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    article = load_article(args.path)
    if args.json:
        out = {
            "slug": article.slug,
            "parts": [
                {"label": p.label, "start": p.start, "end": p.end, "text": article[p.span]}
                for p in article.parts
            ],
            "sentences": [s.as_list() for s in article.sentences],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    m = article.meta
    print(f"{article.path}  ({len(article.text)} characters)")
    for key in ("headline", "outlet", "editor", "author", "dateline", "time_shown", "url"):
        value = getattr(m, key)
        if value:
            print(f"  {key}: {value}")
    print()
    width = max(len(k) for k in PART_LABELS)
    for p in article.parts:
        text = article[p.span]
        if len(text) > 90:
            text = text[:87] + "…"
        print(f"{p.label:<{width}}  {p.start:>5}-{p.end:<5}  {text}")
    print(f"\n{len(article.paragraphs)} body paragraphs, {len(article.sentences)} sentences")
    return 0
