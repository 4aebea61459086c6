"""medialit: sourcing, attribution and framing checks on news articles, for teaching."""

from .analysis import analyze
from .article import Article, Metadata, Part, Span, load_article
from .errors import ArticleError, MedialitError, WorkFileError

__all__ = [
    "analyze",
    "Article",
    "Metadata",
    "Part",
    "Span",
    "load_article",
    "ArticleError",
    "MedialitError",
    "WorkFileError",
]
__version__ = "0.1.0"
