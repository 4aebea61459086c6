"""Widgets for the notebooks: the span tagger and saved answer boxes."""

from .answers import AnswerBox, Choice
from .tagger import Tagger

__all__ = ["Tagger", "AnswerBox", "Choice"]
