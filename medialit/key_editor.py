"""The instructor's key editor: the students' tagger, in instructor mode, saving to the key.

:class:`KeyEditor` turns an answer key into tags for each exercise (``quotes``,
``sources``, ``framing``), shows them in the same :class:`~medialit.widgets.Tagger`
students use, and on every change turns the tags back into the key and saves it
atomically (after checking it against the article). What the tagger cannot show is kept
as it was: paraphrases, notes, roles and affiliations, the key's general notes.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .article import Article, Span, load_article
from .errors import ArticleError
from .exercises import FRAMING_RULE_LABELS, LABEL_SETS
from .instructor import draft_key, save_key
from .keys import KEY_FORMAT, key_path, parse_key
from .work import Tag, text_sha256

__all__ = ["EDITABLE", "key_to_tags", "tags_to_key", "KeyEditor"]

#: The exercises whose answers the editor shows, in order.
EDITABLE = ("quotes", "sources", "framing")
_TAGGED_KINDS = ("direct", "partial", "scare")


def _span(pair: Any) -> Span:
    return Span(int(pair[0]), int(pair[1]))


_LABEL_RULES = {label: rule for rule, label in FRAMING_RULE_LABELS.items()}


def _rule_label(rule: str) -> str:
    """The framing exercise's label for a key's rule id (``framing.emotive`` → ``emotive_word``)."""
    return FRAMING_RULE_LABELS.get(rule, rule.removeprefix("framing.").replace("-", "_"))


def _label_rule(label: str) -> str:
    return _LABEL_RULES.get(label, "framing." + label.replace("_", "-"))


def key_to_tags(raw: dict[str, Any], article: Article, exercise: str) -> list[Tag]:
    """The key's answers for ``exercise`` as tags (quotes linked to their speaker's tag)."""
    text = article.text
    tags: list[Tag] = []

    def add(span: Span, label: str, link: str | None = None, **attrs: str) -> Tag:
        tag = Tag(f"t{len(tags) + 1}", span.start, span.end, label, text[span.start:span.end],
                  link, {k: v for k, v in attrs.items() if v})
        tags.append(tag)
        return tag

    if exercise == "quotes":
        speakers: dict[Span, Tag] = {}
        cues: set[Span] = set()
        for q in raw.get("quotes", []):
            for s in q.get("speaker_spans") or []:
                if _span(s) not in speakers:
                    speakers[_span(s)] = add(_span(s), "speaker", name=q.get("speaker") or "")
            if q.get("cue_span") and _span(q["cue_span"]) not in cues:
                cues.add(_span(q["cue_span"]))
                add(_span(q["cue_span"]), "cue")
        for q in raw.get("quotes", []):
            if q.get("kind") in _TAGGED_KINDS:
                first = (q.get("speaker_spans") or [None])[0]
                link = speakers[_span(first)].id if first else None
                add(Span(q["start"], q["end"]), q["kind"], link)
    elif exercise == "sources":
        for s in raw.get("sources", []):
            for m in s.get("mentions", []):
                add(_span(m), s["type"], use=s.get("use", ""), name=s.get("name", ""))
    elif exercise == "framing":
        names = LABEL_SETS["framing"].names
        for f in raw.get("findings", []):
            label = _rule_label(f.get("rule", ""))
            if label in names:
                for s in f.get("spans", []):
                    add(_span(s), label, rule=f["rule"])
    else:
        raise ValueError(f"the key editor edits {', '.join(EDITABLE)}, not {exercise!r}")
    return sorted(tags, key=lambda t: (t.start, t.end))


def _speaker_name(raw: dict[str, Any], tag: Tag) -> str:
    """Who a speaker tag names: its ``name``, else the key's source with that mention."""
    if tag.attrs.get("name"):
        return tag.attrs["name"]
    span = Span(tag.start, tag.end)
    for s in raw.get("sources", []):
        if any(span.overlaps(_span(m)) for m in s.get("mentions", [])):
            return s["name"]
    return tag.text


def tags_to_key(raw: dict[str, Any], article: Article, exercise: str,
                tags: list[Tag]) -> dict[str, Any]:
    """A copy of the key with ``exercise``'s answers replaced by ``tags``."""
    new = copy.deepcopy(raw)
    by_id = {t.id: t for t in tags}
    if exercise == "quotes":
        old = {(q["start"], q["end"]): q for q in raw.get("quotes", [])}
        cue_tags = sorted((t for t in tags if t.label == "cue"), key=lambda t: t.start)
        quotes = [q for q in raw.get("quotes", []) if q.get("kind") not in _TAGGED_KINDS]
        for t in tags:
            if t.label not in _TAGGED_KINDS:
                continue
            before = old.get((t.start, t.end), {})
            speaker = by_id.get(t.link or "")
            cue_span = before.get("cue_span")
            if not before and cue_tags:  # a new quote: the cue tagged in its paragraph
                para = article.paragraph_index(t.start)
                near = [c for c in cue_tags
                        if para is not None and article.paragraph_index(c.start) == para]
                if near:
                    cue_span = [near[0].start, near[0].end]
            quote = {
                "text": t.text, "start": t.start, "end": t.end, "kind": t.label,
                "speaker": _speaker_name(raw, speaker) if speaker else None,
                "speaker_spans": [[speaker.start, speaker.end]] if speaker else [],
                "cue": article.text[cue_span[0]:cue_span[1]] if cue_span else None,
                "cue_span": cue_span,
            }
            if before.get("note"):
                quote["note"] = before["note"]
            quotes.append(quote)
        new["quotes"] = sorted(quotes, key=lambda q: (q["start"], q["end"]))
    elif exercise == "sources":
        old = {s["name"]: s for s in raw.get("sources", [])}
        grouped: dict[str, dict[str, Any]] = {}
        for t in sorted(tags, key=lambda t: t.start):
            if t.label not in LABEL_SETS["sources"].names:
                continue
            name = t.attrs.get("name") or t.text
            entry = grouped.setdefault(name, {
                **{k: v for k, v in old.get(name, {}).items() if k != "mentions"},
                "name": name, "type": t.label,
                "use": t.attrs.get("use") or old.get(name, {}).get("use", "mentioned"),
                "mentions": [],
            })
            entry["mentions"].append([t.start, t.end])
        order = {s["name"]: i for i, s in enumerate(raw.get("sources", []))}
        new["sources"] = sorted(grouped.values(), key=lambda s: (
            order.get(s["name"], len(order)), s["mentions"][0]))
    elif exercise == "framing":
        names = LABEL_SETS["framing"].names
        tagged = {(t.start, t.end, t.attrs.get("rule") or _label_rule(t.label))
                  for t in tags if t.label in names}
        findings = []
        for f in raw.get("findings", []):
            if _rule_label(f.get("rule", "")) not in names:
                findings.append(f)  # a rule the tagger cannot show: kept as it is
                continue
            spans = [s for s in f.get("spans", []) if (s[0], s[1], f["rule"]) in tagged]
            tagged -= {(s[0], s[1], f["rule"]) for s in spans}
            if spans:
                findings.append({**f, "spans": spans})
        findings += [{"rule": rule, "spans": [[a, b]]} for a, b, rule in sorted(tagged)]
        new["findings"] = findings
    else:
        raise ValueError(f"the key editor edits {', '.join(EDITABLE)}, not {exercise!r}")
    return new


class KeyEditor:
    """Edit an article's answer key with the students' tagger; every change is saved.

    ``KeyEditor("my-article")`` opens ``<slug>.key.json`` beside the article (or drafts one
    from medialit's analysis if there is none yet); ``editor.tagger("quotes")`` is the
    widget to show. :meth:`mark_checked` clears the ``draft`` flag when you are done.
    """

    def __init__(self, article: Article | str | Path, path: Path | None = None,
                 on_save: Callable[[Path], None] | None = None) -> None:
        self.article = article if isinstance(article, Article) else load_article(article)
        self.path = Path(path) if path is not None else key_path(self.article)
        if self.path.exists():
            try:
                self.raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise ArticleError(self.path, f"cannot be read as JSON ({e})") from None
            parse_key(self.raw, self.article, self.path)
        else:
            self.raw = draft_key(self.article)
        self.raw.setdefault("format", KEY_FORMAT)
        self.on_save = on_save
        self.saves = 0

    @property
    def draft(self) -> bool:
        return bool(self.raw.get("draft", False))

    def tags(self, exercise: str) -> list[Tag]:
        return key_to_tags(self.raw, self.article, exercise)

    def update(self, exercise: str, tags: list[Tag]) -> Path:
        """Replace ``exercise``'s answers with ``tags`` and save the key."""
        self.raw = tags_to_key(self.raw, self.article, exercise, tags)
        return self.save()

    def save(self) -> Path:
        self.raw["article"] = self.article.slug
        self.raw["text_sha256"] = text_sha256(self.article.text)
        save_key(self.raw, self.article, self.path)
        self.saves += 1
        if self.on_save:
            self.on_save(self.path)
        return self.path

    def mark_checked(self) -> Path:
        """Record that an instructor has checked the key (``"draft": false``) and save it."""
        self.raw["draft"] = False
        return self.save()

    def tagger(self, exercise: str, **kwargs: Any):
        """The students' tagger showing the key's answers; changes are saved to the key."""
        from .widgets import Tagger

        return Tagger(self.article, exercise, tags=self.tags(exercise),
                      sink=lambda tags: self.update(exercise, tags),
                      title=f"Answer key: {LABEL_SETS[exercise].title}", **kwargs)

    def summary(self) -> dict[str, int]:
        """How many answers each exercise has."""
        return {name: len(self.tags(name)) for name in EDITABLE}
