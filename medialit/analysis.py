"""``analyze(article)``: attribution, sourcing and framing in one report."""

from __future__ import annotations

import importlib
from typing import Any

from . import attribution, sourcing
from .article import Article
from .results import Finding, Quote, Report

__all__ = ["analyze"]


def _framing_check() -> Any | None:
    """``medialit.framing.check`` if the framing module is installed, else ``None``."""
    try:
        module = importlib.import_module("medialit.framing")
    except ModuleNotFoundError as e:
        if e.name in ("medialit.framing",):
            return None
        raise
    return getattr(module, "check", None)


def analyze(article: Article) -> Report:
    """Find the quotes, sources and framing findings of ``article``.

    Quotes come from :func:`medialit.attribution.find_quotes`, sources from
    :func:`medialit.sourcing.find_sources`, findings from ``medialit.framing.check``
    (which gets the quotes, so it can compare them).
    """
    check = _framing_check()
    with sourcing.gc_paused():
        quotes: list[Quote] = attribution.find_quotes(article)
        sources = sourcing.find_sources(article, quotes)
        findings: list[Finding] = list(check(article, quotes)) if check is not None else []
    return Report(article=article, quotes=tuple(quotes), sources=tuple(sources),
                  findings=tuple(findings))
