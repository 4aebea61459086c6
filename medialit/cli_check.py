"""``medialit check PATH [--json]``: quotes, sources and findings of one article."""

from __future__ import annotations

import argparse
import json

from .analysis import analyze
from .article import load_article
from .results import Report


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="find quotes, speakers, sources and framing findings in an article"
    )
    p.add_argument("path", help="an article .txt or .meta.toml file, or the slug of a shipped one")
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = analyze(load_article(args.path))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(report))
    return 0


def _clip(s: str, width: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def render_text(report: Report) -> str:
    """The report as plain text for a terminal: quotes, a sources table, findings."""
    a = report.article
    lines = [f"{a.path or a.slug}  ({len(a.text)} characters)", ""]
    lines.append(f"QUOTES ({len(report.quotes)})")
    for q in report.quotes:
        who = q.speaker or "(no speaker)"
        cue = f" — cue: {q.cue}" if q.cue else ""
        lines.append(f"  [{q.kind}] {q.span.start}-{q.span.end}  {who}{cue}")
        lines.append(f"      “{_clip(a[q.span])}”")
    lines += ["", f"SOURCES ({len(report.sources)})"]
    rows = [("name", "type", "use", "role", "affiliation", "mentions")]
    for s in report.sources:
        rows.append((s.name, s.type, s.use, s.role or "", s.affiliation or "",
                     str(len(s.mentions))))
    widths = [min(30, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    for r in rows:
        cells = (_clip(c, w).ljust(w) for c, w in zip(r, widths, strict=True))
        lines.append(("  " + "  ".join(cells)).rstrip())
    lines += ["", f"FINDINGS ({len(report.findings)})"]
    for f in report.findings:
        lines.append(f"  [{f.rule}] {f.message}")
        for s in f.spans:
            lines.append(f"      {s.start}-{s.end}: “{_clip(a[s], 80)}”")
    return "\n".join(lines)
