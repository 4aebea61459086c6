"""Attribution: which words an article quotes or reports, and who is said to have said them.

Conventions (the answer keys follow them too):

* A quote's span covers everything **between** the quotation marks; the marks are not
  included (a comma or full stop inside the marks is).
* A quote that runs over several paragraphs (the opening mark repeated at the start of
  each paragraph, no closing mark until the end) gives one quote per paragraph, all with
  the same speaker; only the paragraph with the attribution carries the speaker span and
  cue. A quote with no attribution of its own right after a paraphrase in the same
  paragraph goes to that paraphrase's speaker (with no cue).
* ``"X," he said, "Y."`` is two quotes with one speaker and cue.
* A **paraphrase** span covers the reported content (what comes after ``said that``, or
  before ``, says Blinken``) without the final full stop. Partial quotes inside it are
  reported on their own as well.
* Kinds: ``direct`` (a quote that stands as the speaker's sentence), ``partial`` (quoted
  words inside the reporter's own sentence), ``scare`` (quoted words nobody is reported
  as saying) and ``paraphrase`` (reported speech without quotation marks).

Quotation marks: straight and curly, double and single. An apostrophe between letters
(``it's``) or after a plural (``students'``) is not a quotation mark. Every step is a
single left-to-right pass, so time grows linearly with the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import sourcing
from .article import Article, Span
from .results import Quote

__all__ = ["find_quotes", "scan_quotes", "Segment", "QUOTED_PARTS"]

#: Parts of the page searched for quotation marks.
QUOTED_PARTS = ("headline", "highlights", "caption", "subheading", "paragraph", "promo")
#: The lead of a promo line ("READ MORE: …", "More:…", "Watch | …"): what follows is the
#: headline of another story, read as a headline.
_PROMO_LEAD = re.compile(r"\s*(?:[a-z]+\s+){0,2}[a-z]+\s*[|:]\s*", re.IGNORECASE)

_MARK = re.compile(r"[\"'“”‘’«»„]")
_OPEN_BEFORE = frozenset("([{—–-/\u00a0")
_ELISION = re.compile(r"(?:em|tis|twas|n|cause|til|\d0s|\d\d)\b", re.IGNORECASE)


@dataclass
class Segment:
    """Text between a pair of quotation marks (or up to the paragraph end, if unclosed)."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the block end when there is none
    start: int  # inner span, trimmed of white space
    end: int
    block: int  # index of the part (block) that holds it
    closed: bool = True
    continues: bool = False  # runs on into the next paragraph
    continued: bool = False  # carries on from the previous paragraph

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _blocks(article: Article) -> list[tuple[str, Span]]:
    return [(p.label, p.span) for p in article.parts if p.label in QUOTED_PARTS]


def scan_quotes(article: Article) -> list[Segment]:
    """Every stretch of quoted text, in order, found in one pass over the quotable parts."""
    text = article.text
    blocks = _blocks(article)
    out: list[Segment] = []
    carry = False  # the previous block ended inside a quote that continues
    for bi, (_label, span) in enumerate(blocks):
        bs, be = span.start, span.end
        segs = _scan_block(text, bs, be, bi)
        if carry and segs and segs[0].open == bs:
            segs[0].continued = True
        carry = False
        # A quote left open at the end of a paragraph goes on in the next one, if that one
        # opens with the same kind of mark: also when it opened after an attribution
        # (`She said: “It worries me …` then `“It has also been raised …`).
        if segs and not segs[-1].closed and bi + 1 < len(blocks):
            nlabel, nspan = blocks[bi + 1]
            first = text[nspan.start] if nspan.end > nspan.start else ""
            if nlabel == "paragraph" and first in "\"“'‘«" and first_kind(first) == \
                    first_kind(text[segs[-1].open]):
                segs[-1].continues = True
                carry = True
        out.extend(segs)
    return out


def first_kind(c: str) -> str:
    return "double" if c in "\"“”«»„" else "single"


_LATER_CLOSE = re.compile(r"([^\s])['’](?![\w])")
_LATER_OPEN = re.compile(r"(?<=\s)['‘](?=\w)")


def _proper_possessive(text: str, last: int) -> bool:
    """Whether the mark after ``text[last]`` is a name's plural possessive (``Hollis' plan``)."""
    if text[last] not in "sS" or not re.match(r"['’] [a-z]", text[last + 1:last + 4]):
        return False
    k = last
    while k > 0 and text[k - 1].isalpha() and last - k < 30:
        k -= 1
    return text[k].isupper()


def _scan_block(text: str, bs: int, be: int, bi: int) -> list[Segment]:
    segs: list[Segment] = []
    open_pos: int | None = None
    open_kind = ""

    def emit(o: int, c: int, closed: bool) -> None:
        a, b = o + 1, c
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            segs.append(Segment(o, c, a, b, bi, closed=closed))

    for m in _MARK.finditer(text, bs, be):
        p = m.start()
        c = text[p]
        prev = text[p - 1] if p > bs else " "
        nxt = text[p + 1] if p + 1 < be else " "
        kind = first_kind(c)
        opener_context = p == bs or prev.isspace() or prev in _OPEN_BEFORE or prev in "\"“‘'"
        if open_pos is not None and kind != open_kind:
            continue  # a quote inside a quote belongs to the outer one
        if kind == "double":
            if open_pos is None:
                if c in "“„«" or (opener_context and not nxt.isspace() and c != "»"):
                    open_pos, open_kind = p, kind
            elif c in "“„«":
                emit(open_pos, p, False)
                open_pos, open_kind = p, kind
            else:
                emit(open_pos, p, True)
                open_pos = None
            continue
        # Single marks: quotation marks or apostrophes.
        if prev.isalnum() and nxt.isalnum():
            continue  # it's, don't, Blinken's
        if open_pos is None:
            if opener_context and (nxt.isalnum() or nxt in "…") and \
                    not _ELISION.match(text, p + 1, min(be, p + 8)):
                open_pos, open_kind = p, kind
            continue
        if c == "‘" and opener_context:
            continue  # a nested opening mark inside single quotes
        if prev.isspace() or nxt.isalnum():
            continue
        if prev in "sS" and nxt == " " and p + 2 < be and text[p + 2].islower():
            # "the students' work": an apostrophe if another closing mark follows soon.
            later = _LATER_CLOSE.search(text, p + 1, min(be, p + 600))
            while later and _proper_possessive(text, later.start(1)):
                # "… 'reckless and unfair' this week. Cllr Anna Hollis' comments": the
                # name's apostrophe is the possessive one, so this mark closes the quote.
                later = _LATER_CLOSE.search(text, later.end(), min(be, p + 600))
            if later and not _LATER_OPEN.search(text, p + 1, later.start()):
                continue  # (a later mark that closes a new quote does not count)
        emit(open_pos, p, True)
        open_pos = None
    if open_pos is not None:
        words = len(text[open_pos + 1:be].split())
        if open_pos == bs or words >= 3:
            emit(open_pos, be, False)
    return segs


# --------------------------------------------------------------------------------------
# Cues: speech verbs and their speakers
# --------------------------------------------------------------------------------------


@dataclass
class Cue:
    """A speech verb (or ``according to``) with the mention of who spoke."""

    tok: int  # index of the verb token
    tok_end: int  # index after the last token of the cue phrase
    span: Span
    text: str
    verb_class: str
    speaker: sourcing.Mention
    speaker_after: bool  # "said Blinken" rather than "Blinken said"

    @property
    def first_tok(self) -> int:
        return self.tok if self.speaker_after else self.speaker.chunk_tok_start

    @property
    def last_tok(self) -> int:
        return self.speaker.tok_end if self.speaker_after else self.tok_end


_BETWEEN = frozenset(
    """also later earlier then previously repeatedly again has have had would will could
    did does is was were are quickly recently separately further publicly privately
    reportedly once on last this week month year today yesterday tonight not never
    subsequently initially finally first himself herself themselves only just already
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun jul
    aug sep sept oct nov dec january february march april june july august september
    october november december morning afternoon evening night told""".split()
)
_OWNER_LINKS = frozenset({"of", "at", "for", "from", "with"})
_TIME_WORDS = frozenset(
    """on last earlier later previously repeatedly again recently publicly privately also
    yesterday today tonight week month year morning afternoon evening night monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
_AUXILIARIES = frozenset("was were is are has have had been being be also".split())
_NOT_VERB_BEFORE = frozenset(
    """the a an these those this his her their its our my your some any many no whose by of
    from""".split()
)
_PREPOSITIONS = frozenset(
    """in at on to during after before with of for from by about into onto over under
    between among against despite since until while as via through across around near
    when where if because although though but and or nor so yet than who which what""".split()
)


def _gap(text: str, toks: Sequence[sourcing.Token], i: int) -> str:
    """The characters between token ``i - 1`` and token ``i`` (none at either end)."""
    return text[toks[i - 1].end:toks[i].start] if 0 < i < len(toks) else ""


def _gap_has(text: str, toks: Sequence[sourcing.Token], i: int, chars: str) -> bool:
    """Whether the characters before token ``i`` hold one of ``chars`` (read once)."""
    gap = _gap(text, toks, i)
    return any(ch in gap for ch in chars)


def _find_cues(idx: sourcing.TextIndex, a: int, b: int,
               it_means: sourcing.Mention | None = None) -> list[Cue]:
    """Speech cues with a speaker among the reporter's words of tokens ``[a, b)``;
    ``it_means`` is the organisation or document a sentence-opening ``It`` stands for."""
    toks = idx.tokens
    text = idx.article.text
    lex = sourcing.lexicon()
    cues: list[Cue] = []
    i = a
    while i < b:
        t = toks[i]
        if t.in_quote:
            i += 1
            continue
        if t.lower == "according" and i + 1 < b and toks[i + 1].lower == "to":
            j = i + 2
            while j < b and j - i < 7 and toks[j].lower in _ACCORDING_SKIP and \
                    idx.mention_at.get(j) is None:
                j += 1
            m = idx.mention_at.get(j) if j < b else None
            if m is None and j < b and toks[j].lower in ("him", "her") and \
                    (j + 1 >= b or "," in _gap(text, toks, j + 1)):
                m = _person_named_before(idx, j)  # "According to him, …"
            k = j
            while m is None and k + 1 < b and toks[k].text.islower() and (
                    k - j < 2 or (k - j < 6 and any(_role_word(toks[x].lower)
                                                    for x in range(j, k)))) and \
                    toks[k + 1].joined and (toks[k].lower not in _PREPOSITIONS or (
                        # "according to deputy secretary of the transport ministry
                        # Petra Lund": an office of a body, then the name.
                        toks[k].lower == "of" and k > j and
                        _role_word(toks[k - 1].lower))) and \
                    (toks[k].lower not in lex.verbs or (
                        # "according to state Chief Returning Officer …": no verb can
                        # follow "to" here; a word before a title is its modifier.
                        k == j and toks[k + 1].text[:1].isupper())) and \
                    not toks[k].in_quote:
                # "according to the fisheries ministry": a word that says which one.
                k += 1
                m = idx.mention_at.get(k)
            if m is not None and m.entity is not None:
                m = _according_source(idx, m, b)
                span = Span(t.start, toks[i + 1].end)
                cues.append(Cue(i, i + 2, span, text[span.start:span.end], "say", m, True))
                i = m.tok_end
                continue
        cls = lex.verbs.get(t.lower)
        if cls is None and t.lower in _FINDS and i > a and _document_finds(idx, a, i, b):
            # "The report found (that) the ship carried no arms": a document's finding is
            # what it says. Only after a document ("police found a body" is no report),
            # which may be described between commas ("The study, published in a journal,
            # found that …") or by what it covers ("A survey of parents found …"), also
            # past a word ("The report also found …") or closing the sentence ("…, the
            # report found.").
            cls = "say"
        if cls is None or (i > a and toks[i - 1].lower in _NOT_VERB_BEFORE and
                           toks[i].joined):
            i += 1
            continue
        if i + 1 < b and toks[i + 1].lower in _NOUN_FOLLOWERS and toks[i + 1].joined and \
                not t.lower.endswith("ed") and t.lower not in _SAY_TELL and \
                not toks[i + 1].in_quote:
            # "the flood damage report did not list …", "a two-week notice is given": a
            # speech word with a verb of its own right after it is a noun, the subject.
            i += 1
            continue
        if _phrase_missing(toks, i, b):
            i += 1
            continue  # "took the bus", "spoke to reporters": not "took issue with"
        if _modifier_before_title(text, toks, i, a, b):
            i += 1
            continue  # "…, state Chief Returning officer Tomas Varga said.": not "state"
        if t.lower in _DENY and _refused_next(text, toks, i, b):
            i += 1
            continue  # "denied the spokesman access to hospitals": refused, not a claim
        if (t.lower in _THAT_ONLY and not _that_next(text, toks, i, b)) or (
                t.lower in _FEELING_VERBS and not _feeling_next(text, toks, i, b)):
            # "they considered that the strike was massive" reports a claim; "the council
            # considered the plan" does not. "expressed grave concern over X" puts a view
            # into words; "the views expressed" or "Voice of America" do not.
            i += 1
            continue
        if t.lower in _HEAR and not _hearing_body_heard(idx, a, i, b):
            # "The court heard that she received a text", "Court heard the girl died of
            # blunt force trauma": what a court, jury or inquest is told in evidence. Not
            # "residents heard gunshots" nor "the trial heard evidence from a garda".
            i += 1
            continue
        if t.lower in _WON_OVER and i > a and (toks[i - 1].lower in _PASSIVE_AUX or
                                               toks[i - 1].lower in ("not", "never")):
            # "Tom was convinced that the plan would fail": a belief held, not a claim
            # someone made ("Prosecutors convinced the jury that …" is one).
            i += 1
            continue
        if t.lower in _BELIEFS and (
                (i + 1 < b and toks[i + 1].lower in ("tank", "tanks")) or
                (i > a and _negation(toks[i - 1].lower))):
            # "the think tank said": a noun. "They didn't think it would happen": a
            # belief denied is not a claim reported.
            i += 1
            continue
        # The cue may go on: "said in a statement", "called on".
        end = i + 1
        if end < b and toks[end].joined and toks[end].lower in _PARTICLE_VERBS.get(t.lower, ()):
            end += 1
        for phrase in lex.cue_phrases.get(toks[end].lower if end < b else "", ()):
            n = len(phrase)
            if end + n <= b and all(toks[end + k].lower == phrase[k] and toks[end + k].joined
                                    for k in range(n)):
                end += n
                break
        else:
            end = _medium_after(text, toks, end, b) if cls == "say" else end
        back = i - 1
        while back > a and toks[back].lower in _AUXILIARIES:
            back -= 1
        if i > a and toks[back].text in ("who", "which", "whom") and toks[i].joined:
            antecedent = _mention_before(idx, a, back) if (
                toks[back].text == "who" and back == i - 1 and cls in ("say", "act", "tell")
                and
                "," in _gap(text, toks, back)) else None
            if antecedent is None or _etype(antecedent) != "person":
                i += 1
                continue  # "the official, who asked not to be named, …": not a cue
            # "Coun Brannock, who said the policy would be reviewed, said …": her claim.
            span = Span(t.start, toks[end - 1].end)
            cues.append(Cue(i, end, span, text[span.start:span.end], cls, antecedent, False))
            i = end
            continue
        if t.text[:1].isupper() and i > a and toks[i - 1].end > toks[i].start - 3 and \
                not any(ch in text[toks[i - 1].end:t.start] for ch in ".!?\"“”:") and not (
                    # '"…," Lal Singh Said.': the verb printed with a capital
                    t.text in ("Said", "Says", "Added", "Told") and
                    _etype(idx.mention_ending.get(i - 1)) == "person"):
            i += 1
            continue  # "United States", not a verb
        speaker: sourcing.Mention | None = None
        after = False
        obj = idx.mention_ending.get(i - 1) if t.lower.endswith("ing") and i > a else None
        after_object = obj is not None and obj.chunk_tok_start > a and \
            toks[obj.chunk_tok_start - 1].lower in ("to", "with", "at") and \
            "," not in _gap(text, toks, i)
        if after_object and toks[obj.chunk_tok_start - 1].lower == "with" and \
                "," in _gap(text, toks, obj.chunk_tok_start - 1):
            # "…, with the foreign minister calling it a farce": the minister calls it.
            after_object = False
            speaker = obj
        if (t.lower.endswith("ing") and i > a and "," in _gap(text, toks, i)) or after_object \
                or (t.lower.endswith("ing") and cls == "say" and cues and
                    cues[-1].verb_class == "act" and not cues[-1].speaker_after) \
                or (i - 1 > a and toks[i - 1].lower in ("and", "but") and cues):
            # "wrote to Miss Ferrand accusing …": the writer accuses, not Miss Ferrand.
            # ", adding that ...": the speaker is the subject of the main clause.
            speaker = cues[0].speaker if cues else _first_mention(idx, a, i)
            if speaker is not None and not cues and speaker.kind == "document" and \
                    speaker.chunk_tok_start > a and \
                    toks[speaker.chunk_tok_start - 1].lower in ("in", "via", "through"):
                # "In the letter itself Norvik also made this point, writing …": the
                # document is where it was written; the writer comes after it.
                speaker = _first_mention(idx, speaker.tok_end, i) or speaker
        elif i > a and speaker is None:
            inverted = _inverted_speaker(idx, i, b, end) if cls != "tell" and \
                t.lower not in _OBJECT_VERBS and t.lower not in _PHRASE_ONLY and \
                "," in _gap(text, toks, i) else None
            if inverted is not None:
                # "Israel's freedom to act is guaranteed, said the official." / "…, reported
                # Iran's state media Press TV.": the source after the verb said it.
                span = Span(t.start, toks[end - 1].end)
                cues.append(Cue(i, end, span, text[span.start:span.end], cls, inverted, True))
                i = max(end, inverted.tok_end)
                continue
            speaker = _speaker_before(idx, a, i) or _subject_before(idx, a, i)
            it = a + 1 if a + 1 < i and toks[a].lower in _CONNECTIVES and \
                "," in _gap(text, toks, a + 1) else a  # "Furthermore, it said …"
            if speaker is None and it_means is not None and toks[it].lower == "it" and \
                    (it == a + 1 or toks[it].text == "It") and all(
                    toks[x].lower in _BETWEEN and toks[x].lower not in _PASSIVE_AUX
                    for x in range(it + 1, i)) and toks[i].joined:
                # "Norland's Coast Guard said on Sunday. It said 12 boats were turned back":
                # "It" is the organisation that spoke just before (not "It was reported").
                speaker = _as_pronoun(it_means, toks, it)
        if t.lower in _HEAR:
            speaker = _hearing_body(idx, i)
            if speaker is None:
                i += 1
                continue
        if t.lower == "asked" and i > a and "," in _gap(text, toks, i) and i + 1 < b and \
                toks[i + 1].lower in _QUESTION_WORDS:
            i += 1
            continue  # "Paul, asked whether he would …, said": asked, not asking
        if speaker is None and i == a and t.lower.endswith("ing") and t.text[:1].isupper() \
                and cls in ("say", "act"):
            # "Criticising the report published in the daily, the minister said …": an
            # opening participle is the act of the main clause's subject, after the comma;
            # what follows the participle is its object, not its speaker.
            k = i + 1
            while k < b and k - i < 16 and not toks[k].in_quote and \
                    "," not in _gap(text, toks, k):
                k += 1
            m = idx.mention_at.get(k) or (idx.mention_at.get(k + 1) if k + 1 < b and
                                          toks[k].lower in ("the", "a", "an") else None)
            if k - i > 2 and k < b and "," in _gap(text, toks, k) and _usable(m) and \
                    _etype(m) not in (None, "document") and m.tok_end < b and \
                    toks[m.tok_end].joined and toks[m.tok_end].lower in lex.verbs:
                speaker = m
        if speaker is None and cls != "tell" and t.lower not in _OBJECT_VERBS and \
                i + 1 < b and toks[i + 1].joined:
            m = idx.mention_at.get(i + 1)
            if _usable(m) and (m.tok_end >= b or  # type: ignore[union-attr]
                               toks[m.tok_end].lower not in _CLAUSE_AUX):  # type: ignore
                speaker, after = m, True  # "said Blinken", not "said negotiators were"
        if speaker is not None and t.lower.endswith("ing") and not after and \
                speaker.kind == "document" and speaker.chunk_tok_start > a + 1 and \
                speaker.tok_end <= i and \
                toks[speaker.chunk_tok_start - 1].lower in _ISSUE_VERBS:
            # "the Trust released a statement partly questioning the total", "Ferrand issued
            # a statement on Thursday saying …": whoever put the statement out says it.
            speaker = _first_mention(idx, a, speaker.chunk_tok_start - 1) or speaker
        if speaker is not None and _usable(speaker):
            span = Span(t.start, toks[end - 1].end)
            cues.append(Cue(i, end, span, text[span.start:span.end], cls, speaker, after))
        i = end
    return cues


_HEAR = frozenset("heard hears hear".split())
#: Bodies that hear evidence: "the court heard that …".
_HEARING_BODIES = frozenset(
    "court courts jury trial tribunal inquest hearing inquiry committee".split())


def _person_named_before(idx: sourcing.TextIndex, j: int) -> sourcing.Mention | None:
    """"him", "his" or "her" at token ``j`` (``According to him, …``, ``His comment …``) as a
    mention of the person of that gender named last in the words just before (at most 60),
    outside quotations."""
    toks = idx.tokens
    g = sourcing.word_gender(toks[j].lower)
    for x in range(j - 1, max(-1, j - 60), -1):
        p = idx.mention_ending.get(x)
        if p is not None and p.entity is not None and not p.in_quote and \
                p.entity.type == "person" and p.entity.gender in (None, g):
            return _as_pronoun(p, toks, j)
    return None


def _as_pronoun(m: sourcing.Mention, toks: Sequence[sourcing.Token],
                j: int) -> sourcing.Mention:
    """Mention ``m`` (its entity and role) pointed at the pronoun at token ``j`` that
    stands for it."""
    span = Span(toks[j].start, toks[j].end)
    return replace(m, span=span, chunk=span, kind="pronoun", text=toks[j].text,
                   tok_start=j, tok_end=j + 1, chunk_tok_start=j)


def _adverbs_back(toks: Sequence[sourcing.Token], a: int, i: int) -> int:
    """The first of the adverbs and time words just before the verb at ``i`` (``also``,
    ``later``, ``on Monday``), or ``i`` when there are none."""
    v = i
    while v - 1 > a and i - v < 3 and toks[v - 1].lower in _TIME_WORDS and toks[v].joined:
        v -= 1
    return v


def _document_finds(idx: sourcing.TextIndex, a: int, i: int, b: int) -> bool:
    """Whether ``found``/``concluded`` at ``i`` (not inside quotation marks) reports what a
    document says: a document before it, and a clause after it or the sentence's end."""
    toks = idx.tokens
    clause = _that_next(idx.article.text, toks, i, b) or \
        _clause_follows(idx, i + 1, b, past=True)
    if clause and _etype(_speaker_before_verb(idx, a, i)) == "document":
        return True
    return (clause or i + 1 == b) and _etype(idx.mention_ending.get(i - 1) or _speaker_before(
        idx, a, _adverbs_back(toks, a, i))) == "document"


def _hearing_body_heard(idx: sourcing.TextIndex, a: int, i: int, b: int) -> bool:
    """Whether ``heard`` at ``i`` has a court-like subject just before it (past time words)
    and a that-clause or a clause after it."""
    toks = idx.tokens
    text = idx.article.text
    k = i - 1
    while k > a and (toks[k].lower in _TIME_WORDS or toks[k].lower in ("has", "have")):
        k -= 1
    if k < a or toks[k].lower not in _HEARING_BODIES:
        return False
    q = k - (k > a and toks[k - 1].lower in ("a", "an", "the"))
    if q > a and "," in _gap(text, toks, q) and i + 1 >= b:
        # "A woman told police it was for protection, a court has heard.": the court's
        # attribution closing the sentence; the claim comes before it.
        return True
    j = i + 1  # ("heard that …" is the first case below, with no time words)
    while j < b and toks[j].lower in _TIME_WORDS and toks[j].joined:
        j += 1
    if j < b and toks[j].lower == "that" and toks[j].joined:
        return True  # "The court heard on Wednesday that …"
    if j < b and toks[j].lower in ("on", "in", "at") and \
            _that_after_phrase(text, toks, j, b) is not None:
        return True  # "The court heard on Wednesday that …"
    return _clause_follows(idx, i + 1, b, past=True)


def _hearing_body(idx: sourcing.TextIndex, i: int) -> sourcing.Mention | None:
    """The court (jury, inquest) before ``heard`` at ``i``: its own mention ("Court
    heard"), or the one named earlier ("at Ashford Circuit Court … The court heard"),
    at the words "the court"."""
    toks = idx.tokens
    k = i - 1
    while k > 0 and (toks[k].lower in _TIME_WORDS or toks[k].lower in ("has", "have")):
        k -= 1
    own = idx.mention_ending.get(k)
    if _usable(own):
        return own
    word = toks[k].lower
    first = k - 1 if k > 0 and toks[k - 1].lower in ("the", "a") else k
    n = bisect.bisect_left(idx.mentions, toks[first].start, key=lambda m: m.span.start)

    def names_it(m: sourcing.Mention) -> bool:
        return m.entity is not None and m.kind in ("org", "name") and \
            m.text.lower().endswith(word)

    named = (m for m in reversed(idx.mentions[max(0, n - 300):n]) if names_it(m))
    # "…, a court has heard." in the opening sentence: the court is named further on
    # ("Doyle appeared at Kelbrook Sheriff Court"), the first one after it.
    later = (m for m in idx.mentions[n:n + 300] if names_it(m) and m.span.start > toks[k].end)
    body = next(named, None) or next(later, None)
    if body is None:
        return None
    span = Span(toks[first].start, toks[k].end)
    return replace(body, span=span, chunk=span, kind="role", text=idx.article.text[
        span.start:span.end], tok_start=first, tok_end=k + 1, chunk_tok_start=first,
        in_quote=False)


def _modifier_before_title(text: str, toks: Sequence[sourcing.Token], i: int, a: int,
                           b: int) -> bool:
    """Whether the bare speech word at ``i`` (``state``, ``report``) opens the subject of a
    later speech verb, as a modifier of the title after it: ``…, state Chief Returning
    officer Tomas Varga said.`` A bare form after a comma or at the sentence start cannot
    be the verb of the capitalised name that follows it and then says something."""
    t = toks[i]
    # At the sentence start the word is capitalised: "State Chief Returning Officer Tomas
    # Varga said in a statement that …".
    bare = t.text.islower() or (i == a and t.text[:1].isupper() and t.text[1:].islower())
    if not bare or t.lower.endswith(("s", "ed", "ing")) or \
            not (i == a or "," in _gap(text, toks, i)):
        return False
    lex = sourcing.lexicon()
    k = i + 1
    if k >= b or not toks[k].joined or not toks[k].text[:1].isupper():
        return False
    while k < b and k - i <= 8 and toks[k].joined and not toks[k].in_quote:
        w = toks[k]
        if w.text.islower() and lex.verbs.get(w.lower) in ("say", "tell"):
            return k > i + 1
        if not (w.text[:1].isupper() or _role_word(w.lower) or w.lower in _SOURCE_LINKS):
            return False
        k += 1
    return False


#: Verbs of winning someone over to a claim: a cue only in the active voice.
_WON_OVER = frozenset(
    "convince convinces convinced convincing persuade persuades persuaded persuading".split())
_PASSIVE_AUX = frozenset("is was were are been be being".split())
_REQUESTS = frozenset(
    """ask asks asked asking urge urges urged urging demand demands demanded demanding
    propose proposes proposed proposing""".split())
_DENY = frozenset("deny denies denied denying".split())
#: What one is denied when "deny" means "refuse to give" ("denied him bail").
_REFUSED = frozenset("access entry bail permission visa visas admission entrance".split())


def _refused_next(text: str, toks: Sequence[sourcing.Token], i: int, b: int) -> bool:
    """Whether ``deny`` at ``i`` has a thing refused among its next few words, before any
    punctuation: ``denies Peter Lyle access to the port``, ``was denied bail``."""
    for k in range(i + 1, min(b, i + 7)):
        if toks[k].in_quote or _gap_has(text, toks, k, ",.;:\"“”"):
            return False
        if toks[k].lower in _REFUSED:
            return True
        if toks[k].lower in _PREPOSITIONS:
            return False  # "denied the claims about hospital access": a claim denied
    return False
_NOUN_FOLLOWERS = frozenset(
    "is was were are has had did does will would could can should may might must".split())
#: "what they said were army-run depots", "what officials say will be …": these
#: forms take a verb right after them inside a what-clause.
_SAY_TELL = frozenset("say says said tell tells told".split())

#: Verbs that report a claim only when "that" follows them at once: "From the CGT, they
#: considered that the strike was 'massive'", "the official ratified that …", "wrote to
#: both requesting that they send officials".
_THAT_ONLY = frozenset(
    """considered considers ratified ratifies request requests requested requesting""".split()
)
#: Everyday verbs that report a view only in a fixed phrase: "Ruth Keller took issue
#: with claims that …", "Varga spoke out against plans to close the library".
_PHRASE_ONLY: dict[str, tuple[tuple[str, ...], ...]] = {
    **dict.fromkeys(("took", "takes", "take", "taking"), (("issue", "with"),)),
    # "Sgt Lowry gave evidence of seeing the van at 90km/h", "he gave evidence that
    # he saw nothing": a witness's account in court.
    **dict.fromkeys(("gave", "gives", "give", "giving"),
                    (("evidence", "of"), ("evidence", "that"))),
    **dict.fromkeys(("spoke", "speaks", "speak", "speaking"),
                    (("out", "against"), ("out", "for"), ("out", "in", "favour", "of"),
                     ("out", "in", "favor", "of"))),
}

def _phrase_missing(toks: Sequence[sourcing.Token], i: int, b: int) -> bool:
    """Whether token ``i`` is a verb of ``_PHRASE_ONLY`` without its phrase after it."""
    phrases = _PHRASE_ONLY.get(toks[i].lower)
    return phrases is not None and not any(
        i + len(ph) < b and all(toks[i + 1 + k].lower == w and toks[i + 1 + k].joined
                                for k, w in enumerate(ph))
        for ph in phrases)


#: Verbs that put a feeling into words: a cue only before "that" or a noun of feeling
#: ("expressed grave concern over …", "voiced their disappointment that …").
_FEELING_VERBS = frozenset(
    "express expresses expressed expressing voice voices voiced raise raises raised raising"
    .split())
#: Nouns of a stance taken on something: "expressed disapproval of the parking fees" judges the
#: contracts as "disapproved of" would, so the span is the object after the preposition.
_STANCES = frozenset(
    """disapproval approval satisfaction dissatisfaction opposition""".split())
_STANCE_LINKS = frozenset("of with for over to".split())
_FEELINGS = frozenset(
    """concern concerns disappointment regret regrets dismay frustration anger displeasure
    outrage alarm doubt doubts fear fears hope hopes optimism confidence""".split()
) | _STANCES


def _that_next(text: str, toks: Sequence[sourcing.Token], i: int, b: int) -> bool:
    return i + 1 < b and toks[i + 1].lower == "that" and toks[i + 1].joined and \
        not toks[i + 1].in_quote


def _feeling_next(text: str, toks: Sequence[sourcing.Token], i: int, b: int) -> bool:
    """``expressed (their) (grave) concern``, or ``expressed that``, right after the verb."""
    if _that_next(text, toks, i, b):
        return True
    for k in range(i + 1, min(b, i + 4)):
        if not toks[k].joined or toks[k].in_quote:
            return False
        if toks[k].lower in _FEELINGS:
            return True
    return False

#: Verbs of belief and hope: a claim only when not denied ("doesn't believe").
_BELIEFS = frozenset(
    '''think thinks believe believes believed hope hopes hoped envision envisions envisage
    envisages'''.split()
)


def _negation(word: str) -> bool:
    return word in ("not", "never") or word.endswith("n't") or word.endswith("n’t")


#: Words that open an addition after an attribution, not the rest of the reported
#: sentence: "…, according to officials, some of whom …", "…, he said, adding …".
_NOT_CONTINUATION = frozenset(
    """who whom whose which where when some many most all none one both each after before
    as while but and or nor although though because since with without following amid
    despite during in on at citing per according so yet than whereas until unless if
    then also""".split()
)


def _continues_after(idx: sourcing.TextIndex, j: int, b: int) -> bool:
    """Whether the sentence goes on after an attribution ending before token ``j`` with
    more of the reported sentence (``she was attacked …``, ``among the dead``), rather
    than ending or adding a clause about the source (``, who …``, ``, adding …``)."""
    toks = idx.tokens
    text = idx.article.text
    if j + 1 >= b or toks[j].in_quote:
        return False
    gap = _gap(text, toks, j)
    if any(ch in gap for ch in ".;:!?\"“”()—–") or (gap.strip() and gap.strip() != ","):
        return False
    w = toks[j].lower
    if not gap.strip() and sourcing.lexicon().is_role_word(w):
        # "…, according to Dunmore Police spokesman Sgt. Alan Brody.": the source's
        # role goes on after the organisation named, still inside the attribution.
        return False
    if w in _NOT_CONTINUATION or w in sourcing.lexicon().verbs or (
            w.endswith("ing") and w not in _NOT_PARTICIPLE):
        return False
    if w in _APPOSITION_OPENERS and _apposition(idx, j, b):
        return False  # "…, according to Maria Lopez, a spokeswoman for the ministry."
    return toks[j].text[:1].islower() or toks[j].lower in _SUBJECT_PRONOUNS


def _apposition(idx: sourcing.TextIndex, j: int, b: int) -> bool:
    """Whether tokens from ``j`` up to the next comma or the sentence end describe the
    source just named (``a spokeswoman for the ministry``): a role word within the first
    four words and no verb."""
    toks = idx.tokens
    text = idx.article.text
    lex = sourcing.lexicon()
    role = False
    for k in range(j, b):
        if k > j and _gap_has(text, toks, k, ",.;:\"“”()—–"):
            break
        if toks[k].in_quote or toks[k].lower in _FINITE or toks[k].lower in lex.verbs or (
                k > j + 1 and toks[k].lower.endswith("ed")):  # ("a man attacked …")
            return False
        role = role or (k - j < 4 and _role_word(toks[k].lower))
    return role


def _role_word(w: str) -> bool:
    """A word of an office or a group (``spokeswoman``, ``secretary``), not a determiner."""
    return w not in _ATTRIBUTION_LEAD and sourcing.lexicon().is_role_word(w)


_SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
#: Words that open an adjunct of time, place or occasion after an inverted attribution
#: ("…, said the minister after the talks / at a news conference / on Monday").
_ADJUNCT_STARTS = frozenset(
    "after before during following at on outside ahead amid when while as".split())


def _inverted_speaker(idx: sourcing.TextIndex, v: int, b: int,
                      start: int | None = None) -> sourcing.Mention | None:
    """After ``, said`` at the end of a sentence, the source named up to the end (or up to
    a comma before a description of it): ``…, said the official.``; ``start`` is the token
    after the whole cue, so that the medium of ``…, Maria Lopez said in a statement.`` is
    not taken for a source named after the verb."""
    toks = idx.tokens
    text = idx.article.text
    if start is not None and start > v + 1:
        v = start - 1
    if v + 1 >= b or not toks[v + 1].joined or toks[v + 1].in_quote:
        return None
    k = v + 1
    while k < b and k - v <= 7 and toks[k].joined and not toks[k].in_quote and \
            toks[k].lower not in _FINITE and toks[k].lower not in _SUBJECT_PRONOUNS:
        m = idx.mention_ending.get(k)
        if _usable(m) and m.kind != "pronoun" and m.chunk_tok_start >= v + 1 and (  # type: ignore
                k + 1 == b or "," in _gap(text, toks, k + 1) or (
                    # "…, said John Smith after the talks.": an adjunct of time or place
                    # closes the attribution.
                    toks[k + 1].lower in _ADJUNCT_STARTS and toks[k + 1].joined and
                    not toks[k + 1].in_quote) or
                # "…, said a senior official who asked not to be named.": how the
                # source spoke closes it too.
                _manner_end(idx, k + 1, b) is not None) and m.entity is not None:  # type: ignore
            return m
        k += 1
    return None


_MEDIUM_NOUNS = frozenset(
    """statement statements filing filings interview speech post letter report briefing
    conference address message email tweet video release note call remarks column article
    hearing documents submission broadcast podcast affidavit testimony appearance
    newsletter memo op-ed blog account page channel feed programme program show""".split()
)
_MEDIUM_LINKS = frozenset({"in", "on", "at", "during"})
_THAT_PREPOSITIONS = frozenset({"in", "on", "at", "during", "to", "before", "after"})
#: Media of speech that name a partner with "with" ("in an interview with the BBC").
_WITH_MEDIA = frozenset("interview interviews conversation call meeting talks chat".split())


def _medium_after(text: str, toks: Sequence[sourcing.Token], end: int, b: int) -> int:
    """``said in a financial filing to the U.S. Securities and Exchange Commission``: the
    medium (and its addressee) joins the cue; ``end`` unchanged when there is none."""
    if end >= b or toks[end].lower not in _MEDIUM_LINKS or not toks[end].joined:
        return end
    for k in range(end + 1, min(b, end + 6)):
        if not toks[k].joined or toks[k].in_quote or _gap_has(text, toks, k, ",.;:!?\"“”"):
            return end
        if toks[k].lower in _MEDIUM_NOUNS:
            out = k + 1
            if out + 1 < b and toks[out].lower in ("to", "with") and toks[out].joined and \
                    toks[out + 1].joined:
                m = out + 1
                if toks[m].lower == "the":
                    m += 1
                n = m
                while n < b and n - m < 9 and toks[n].joined and not toks[n].in_quote and (
                        toks[n].text[:1].isupper() or (
                            toks[n].lower in ("of", "and", "for") and n + 1 < b and
                            toks[n + 1].text[:1].isupper())):
                    n += 1
                if n > m:
                    out = n  # "… to the U.S. Securities and Exchange Commission"
            return out
    return end


_SOURCE_LINKS = frozenset({"of", "in", "by", "for", "at", "from"})
_PLAIN_GAP = re.compile(r"(?:['’]s?)?[ \u00a0]+")


def _according_source(idx: sourcing.TextIndex, m: sourcing.Mention,
                      b: int) -> sourcing.Mention:
    """The source named after ``according to``, when the first mention only opens its
    noun phrase: ``Moldova's ombudsman Petru Lazar`` (the person named after the
    country and the office), ``state Chief Returning Officer Tomas Varga`` (after the
    title), ``a report in the Harbour Gazette`` (the outlet that carried the document). The chain
    goes on over titles, role words and a linking preposition (``John Smith of the
    ministry`` keeps John Smith: the last person named wins, else the body behind a
    document)."""
    toks = idx.tokens
    text = idx.article.text
    chain = [m]
    owners: set[int] = set()  # links of the chain that only own the next one ("X's")
    cur = m
    while len(chain) < 4:
        nxt = None
        k = cur.tok_end
        q = k
        while q < b and q - k < 5:
            if not _PLAIN_GAP.fullmatch(_gap(text, toks, q)) or toks[q].in_quote:
                break
            m2 = idx.mention_at.get(q)
            if m2 is not None and m2.entity is not None and not m2.in_quote and \
                    m2.tok_end > q:
                nxt = m2
                break
            w = toks[q]
            if w.lower == "the" and q > k and toks[q - 1].lower in _SOURCE_LINKS:
                q += 1
                continue
            possessed = q - k < 2 and w.text.isalpha() and w.text.islower() and (
                "'" in _gap(text, toks, k) or "’" in _gap(text, toks, k))
            if not (w.text[:1].isupper() or _role_word(w.lower) or possessed or
                    w.lower in _SOURCE_LINKS):
                break  # ("Moldova's ombudsman Petru Lazar": an office after "'s")
            q += 1
        if nxt is None:
            break
        if nxt.tok_start == k and (nxt.kind in ("group", "org", "role") or _etype(nxt) in (
                "organisation", "anonymous", "document")) and \
                toks[k].text.islower() and _gap(text, toks, k).startswith(("'", "’")):
            # "according to Indonesia's disaster agency": a body or office right after
            # "X's" speaks; X only says whose it is.
            owners.add(len(chain) - 1)
        chain.append(nxt)
        cur = nxt
    if len(chain) == 1:
        return m
    if 0 in owners:
        chain = chain[1:]
        m = chain[0]
    people = [c for c in chain if _etype(c) == "person"]
    if people:
        return people[-1]
    if _etype(m) == "document":
        return chain[-1]
    return m


_APPOSITION_OPENERS = frozenset("a an the his her its their".split())


def _after_according(idx: sourcing.TextIndex, cue: Cue, b: int, sent_end: int) -> int | None:
    """Where the claim starts after a sentence-opening ``According to X``: after the comma
    that closes X, and after a description of X set off by commas (``According to Maria
    Lopez, a spokeswoman for the ministry, the plan …``); with no comma, at a clause that
    follows X at once (``According to a report in the Harbour Gazette the planning office archived
    …``)."""
    toks = idx.tokens
    text = idx.article.text
    j = cue.speaker.tok_end
    if j < b and "," in _gap(text, toks, j) and not toks[j].in_quote:
        if (toks[j].lower in _APPOSITION_OPENERS or _role_word(toks[j].lower)) and \
                _apposition(idx, j, b):
            for k in range(j + 1, min(b, j + 12)):
                if "," in _gap(text, toks, k):
                    return toks[k].start
        return toks[j].start
    if j < b and _PLAIN_GAP.fullmatch(_gap(text, toks, j)) and \
            toks[j].lower in _ATTRIBUTION_LEAD and _clause_follows(idx, j, b, past=True):
        return toks[j].start
    start = text.find(",", cue.speaker.span.end, sent_end)
    return start + 1 if start >= 0 else None


def _first_mention(idx: sourcing.TextIndex, a: int, b: int) -> sourcing.Mention | None:
    """The first mention of a source among tokens ``[a, b)``, outside quotation marks
    (``Norvik's president, Lena Hart, …``: the name after the role)."""
    for j in range(a, min(b, a + 40)):
        m = idx.mention_at.get(j)
        if m is not None and not m.in_quote and m.entity is not None:
            return _name_after_role(idx, m, b)
    return None


def _name_after_role(idx: sourcing.TextIndex, m: sourcing.Mention, b: int) -> sourcing.Mention:
    """``Norvik's president of the Americas, Lena Hart, …``: the name that follows a role."""
    if m.kind != "role":
        return m
    j = bisect.bisect_left(idx.tok_starts, m.span.end)
    if j < b and "," in _gap(idx.article.text, idx.tokens, j):
        nxt = idx.mention_at.get(j)
        if nxt is not None and _etype(nxt) == "person" and nxt.kind != "pronoun":
            return nxt
    return m


def _etype(m: sourcing.Mention | None) -> str | None:
    """The type of source a mention stands for (``None`` for an unresolved pronoun)."""
    return m.entity.type if m is not None and m.entity is not None else None


def _usable(m: sourcing.Mention | None) -> bool:
    """A mention outside quotation marks that can name a speaker (a pronoun we could not
    resolve still marks where the speaker is; its name is then unknown)."""
    return m is not None and not m.in_quote and (m.entity is not None or m.kind == "pronoun")


def _mention_before(idx: sourcing.TextIndex, a: int, k: int) -> sourcing.Mention | None:
    """The mention ending at token ``k - 1``, or just before a parenthesis there
    (``the Revolutionary Guard Corps (IRGC), which …``)."""
    m = idx.mention_ending.get(k - 1)
    if _usable(m):
        return m
    text = idx.article.text
    toks = idx.tokens
    if k - 2 >= a and toks[k - 1].text in sourcing.POST_NOMINALS and toks[k - 1].joined:
        m = idx.mention_ending.get(k - 2)  # "Sixto Brillantes Jr, a spokesman …, said"
        if _usable(m):
            return m
    if k - 1 > a and ")" in _gap(text, toks, k):
        j = k - 1
        while j > a and "(" not in _gap(text, toks, j) and k - j < 6:
            j -= 1
        m = idx.mention_ending.get(j - 1)
        if _usable(m):
            return m
    return None


_DESCRIBED_BY = re.compile(
    r"(?:,\s*(?:[\w'’-]+\s+){0,6}?|\s+)(?:of|at|for|from|with)\s+(?:the\s+)?")


def _speaker_before(idx: sourcing.TextIndex, a: int, v: int) -> sourcing.Mention | None:
    """The mention just before the verb at ``v`` (``Blinken on Thursday said``); an
    organisation there that only describes the person named before it gives way to that
    person (``Ana Ruiz, executive director of the WHO (WHO) told``, ``Owen Marsh of
    the NIAID (NIAID), announced``)."""
    m = _speaker_before_verb(idx, a, v)
    toks = idx.tokens
    c = m.chunk_tok_start if m is not None else 0
    if m is not None and c - 2 > a and toks[c - 1].lower == "by" and toks[c].joined:
        # "an official from the Danish Embassy when contacted by the Tribune, confirmed":
        # the agent after "by" is no subject; the speaker comes before its clause.
        x = c - 2
        while x > a and c - x < 5 and toks[x].text.islower() and \
                toks[x].lower not in ("when", "after", "once", "if", "as", "while", "before") \
                and "," not in _gap(idx.article.text, toks, x + 1):
            x -= 1
        if toks[x].lower in ("when", "after", "once", "if", "as", "while", "before"):
            before = _speaker_before_verb(idx, a, x)
            if before is not None:
                m = before
    if m is not None and m.kind != "pronoun" and m.entity is not None and \
            m.chunk_tok_start - 1 > a:
        # "RTN, KTV and Nordradio all condemned": words said jointly go to the
        # first named.
        m = idx.first_of_list(m, a)
    if m is not None and m.kind == "document" and m.chunk_tok_start - 1 > a and \
            idx.tokens[m.chunk_tok_start - 1].lower in ("in", "via", "through"):
        # "Tomas Varga, in a statement on Friday said": the statement is how he spoke.
        before = _speaker_before_verb(idx, a, m.chunk_tok_start - 1)
        if before is not None:
            return before
    if m is None or _etype(m) not in ("organisation",) or m.kind == "pronoun":
        return m
    text = idx.article.text
    org_start = m.chunk.start
    for k in range(m.chunk_tok_start - 1, max(a, m.chunk_tok_start - 16) - 1, -1):
        p = idx.mention_ending.get(k)
        if p is None or p is m or p.kind == "role":
            continue  # the description's own role words ("executive director")
        if p.entity is m.entity:
            org_start = p.chunk.start  # the full name before "(WHO)"
            continue
        if _usable(p) and _etype(p) == "person" and p.kind in ("person", "name") and \
                _DESCRIBED_BY.fullmatch(text, idx.tokens[k].end, org_start):
            return p
        break
    return m


def _speaker_before_verb(idx: sourcing.TextIndex, a: int, v: int) -> sourcing.Mention | None:
    """The mention just before the verb at ``v`` (``Blinken on Thursday said``)."""
    toks = idx.tokens
    text = idx.article.text
    x = v
    while x - 1 > a and toks[x - 1].lower in _APPOSITION_ADVERBS and toks[x].joined:
        x -= 1
    if x < v and "," in _gap(text, toks, x):
        v = x  # "Mr McHugh, Tory candidate for Woodhouse Park, then questioned"
    j = v - 1
    steps = 0
    while j >= a and steps < 14:
        t = toks[j]
        if t.in_quote:
            return None
        m = idx.mention_ending.get(j)
        gap_after = _gap(text, toks, j + 1)
        if "," in gap_after and j + 1 == v:
            # "The minister, who is from the Different Socialist Party, sp.a, admitted":
            # the relative clause (with whatever is set off inside it) describes the
            # mention before "who"
            for w in range(j, max(a, v - 30) - 1, -1):
                if toks[w].lower in ("who", "which") and "," in _gap(text, toks, w):
                    head = _mention_before(idx, a, w)
                    if head is not None and _etype(head) in ("person", "anonymous") and \
                            head.kind in ("person", "name", "role", "group", "pronoun"):
                        return _owner(idx, a, head)
                    break
            # "Smith, a spokesman for the ministry, said": skip back over the appositive
            # (or two: "Walter Brisk, 81, who lives in Hollowfield, said").
            k = j + 1
            for _ in range(3):
                k -= 1
                while k > a and "," not in _gap(text, toks, k) and v - k < 24:
                    k -= 1
                if not (k > a and "," in _gap(text, toks, k)):
                    break
                if toks[k].lower == "including":
                    head = _subject_before(idx, a, k)
                    if head is not None:
                        return head  # "Critics, including Tom Green, said": the critics
                prev = _mention_before(idx, a, k)
                if _usable(m) and m.chunk_tok_start == k and \
                        _etype(m) == "person":
                    if prev is not None and prev is not m and prev.kind in ("person", "name") \
                            and _etype(prev) == "person" and len(prev.text.split()) >= 2 and \
                            prev.tok_end == k:
                        # "Bridgette Moore, Mayor Pro Tem, said": a full name, then words
                        # set off after it, which describe her
                        return prev
                    return m  # "The prime minister, Marta Kessel, tweeted"
                if prev is not None and prev is not m:
                    return _owner(idx, a, prev)
        if _usable(m) and ")" in gap_after and m.chunk_tok_start - 1 >= a and \
                "(" in _gap(text, toks, m.chunk_tok_start):
            # "Ines Marlow (Green Party) spoke out", "Jane Smith (Bristol West) said": the
            # brackets give the person's party or seat; the person speaks.
            p = idx.mention_ending.get(m.chunk_tok_start - 1)
            if _usable(p) and p is not m and _etype(p) == "person" and \
                    p.kind in ("person", "name", "role"):
                return p  # type: ignore[return-value]
        if _usable(m):
            if "," in gap_after and j + 1 < v:
                # "Mr Varga, on Thursday told": a name set off before time words speaks.
                return m if _etype(m) == "person" and m.kind != "pronoun" else None
            return _owner(idx, a, m)  # type: ignore[arg-type]
        if ")" in gap_after:
            # Skip a parenthesis: "(Nov 30)".
            k = j
            while k >= a and "(" not in _gap(text, toks, k) and v - k < 12:
                k -= 1
            j = k - 1
            steps += 1
            continue
        if "," in gap_after and j + 1 == v:
            return None
        if any(ch in gap_after for ch in ".;:!?\"“”"):
            return None
        if t.lower not in _BETWEEN and not t.text.isdigit() and not (
                t.lower in ("there", "here") and j + 1 == v) and not (
                # "Lindqvist on Friday strongly condemned": an adverb between subject and verb.
                len(t.lower) > 5 and t.lower.endswith("ly") and t.text.islower() and
                    t.lower not in _NOT_ADVERBS):
            if t.lower in ("all", "both") and j > a:
                # "RTN, KTV and Nordradio all condemned", "Carl Benning and … Rosa
                # Pike both questioned": a list speaks, and the first named is given it.
                m = _speaker_before_verb(idx, a, j)
                if m is not None and m.kind != "pronoun" and m.entity is not None:
                    first = idx.first_of_list(m, a)
                    return first if first is not m else _subject_before(idx, a, j) or m
                return m
            # "Residents there told the press": the residents of that place speak.
            return _head_before_link(idx, a, j) if steps == 0 else None
        j -= 1
        steps += 1
    return None


#: Words in -ly that are not adverbs ("the Smith family said").
_NOT_ADVERBS = frozenset(
    """family assembly supply reply rally ally anomaly monopoly homily daily weekly monthly
    quarterly yearly fortnightly italy""".split()
)


#: What the speaker did next, after the claim: ", then thanked his family", "and then left
#: the room", ", before leaving the room" (not "and then the driver left", part of it).
_AFTER_THE_ACT = re.compile(
    r"(?:,\s*(?:and\s+)?then|\s+and\s+then)\s+(?!(?:the|a|an|it|he|she|they|we|i|you|"
    r"there|this|that|his|her|their)\b)[a-z]+\b|,\s+(?:before|after)\s+[a-z]+ing\b")
#: Words that may open the claim right after "said": a condition or a contrast that is part
#: of what was said ("said if Halvorsen did not quit, …", "said despite the downward trend,
#: …", "said while the police are relentless, …").
_CLAIM_OPENERS = frozenset(
    "if when unless while although though despite because since once".split())
#: Words that open a sentence before a comma and link it to the one before.
_CONNECTIVES = frozenset(
    """furthermore however meanwhile moreover separately additionally also later earlier
    still yet instead""".split())
#: Adverbs between a set-off description and its verb ("…, then questioned").
_APPOSITION_ADVERBS = frozenset(
    "then also later earlier further again now previously subsequently separately".split())


def _head_before_link(idx: sourcing.TextIndex, a: int, j: int) -> sourcing.Mention | None:
    """``executives at the nation's second-largest automaker said``: the group or person
    before ``at``/``of``/``from``, a few plain words back."""
    toks = idx.tokens
    text = idx.article.text
    for q in range(j, max(a, j - 7), -1):
        if _gap_has(text, toks, q + 1, ",.;:!?\"“”()—–"):
            return None
        if toks[q].lower in ("at", "of", "from") and q - 1 >= a:
            p = idx.mention_ending.get(q - 1)
            # "a survey of parents found": the document speaks, not what it covers.
            if _usable(p) and p.kind in ("group", "role", "person", "document"):  # type: ignore
                return p
            return None
        if toks[q].lower in sourcing.lexicon().verbs or toks[q].in_quote:
            return None
    return None


def _owner(idx: sourcing.TextIndex, a: int, m: sourcing.Mention) -> sourcing.Mention:
    """``Mara Quist of USGS said``: the person, not the organisation after ``of``;
    ``a spokesperson for Cogat said``: the spokesperson."""
    c = m.chunk_tok_start
    toks = idx.tokens
    if m.entity is None or (m.entity.type == "person" and not m.entity.needs_speech):
        if m.entity is not None and m.kind == "name" and c - 2 >= a and \
                toks[c - 1].lower in ("at", "from") and toks[c].joined and toks[c - 1].joined:
            p = idx.mention_ending.get(c - 2)
            if _usable(p) and p.kind == "group":  # type: ignore[union-attr]
                return p  # "Analysts at Goldman Sachs wrote": the analysts
        return m  # a person, or a pronoun we could not resolve
    verbs = sourcing.lexicon().verbs
    while c - 1 > a and c > m.chunk_tok_start - 4 and toks[c].joined and (
            toks[c - 1].text[:1].isupper() or (
                toks[c - 1].lower not in _OWNER_LINKS and toks[c - 1].lower not in verbs and
                toks[c - 1].text.replace("-", "").isalpha() and c > m.chunk_tok_start - 3)):
        c -= 1  # "of Norland's National Space Research Administration", "from union
        # Unitas", "at the nation's second-largest automaker"
    if c - 2 >= a and toks[c - 1].lower in _OWNER_LINKS and \
            toks[c].joined and toks[c - 1].joined:
        p = idx.mention_ending.get(c - 2)
        if _usable(p) and (_etype(p) == "person" or
                           p.kind in ("role", "group") or (
                               # "a statement from the Ministry of Foreign Affairs said":
                               # the statement speaks, named with the body it came from;
                               # "a survey of parents found": with the people it asked.
                               p.kind == "document" and toks[c - 1].lower in ("from", "of"))):
            return p  # type: ignore[return-value]
    return m


def _subject_before(idx: sourcing.TextIndex, a: int, v: int) -> sourcing.Mention | None:
    """The first person (or pronoun) of the sentence before token ``v``: its subject."""
    for j in range(a, min(v, a + 40)):  # a subject comes early in its sentence
        m = idx.mention_at.get(j)
        if _usable(m) and m.tok_end <= v and (
                _etype(m) in ("person", "anonymous") or
                (m.chunk_tok_start <= a + 1 and m.kind in ("org", "country")) or
                # "Jane Doe's affidavit was seeking to clarify …": a document that opens
                # the sentence is its subject.
                (m.chunk_tok_start == a and m.kind == "document")):
            if any(ch in idx.article.text[toks_end(idx, m):idx.tokens[v - 1].end]
                   for ch in ".;!?\"“”"):
                return None
            return _name_after_role(idx, m, v)  # type: ignore[arg-type]
    return None


def toks_end(idx: sourcing.TextIndex, m: sourcing.Mention) -> int:
    return idx.tokens[m.tok_end - 1].end


def toks_end_tok(idx: sourcing.TextIndex, c: Cue) -> int:
    return idx.tokens[c.last_tok - 1].end


def _attribution_start(idx: sourcing.TextIndex, start: int, end: int,
                       in_sent: Sequence[Segment]) -> int:
    """Where the claim stops before an attribution at the end of a sentence: at the comma
    before the speaker and any descriptions of them (``…, the army's chief of staff, Lt Gen
    Herzi Halevi, said``)."""
    text = idx.article.text

    def comma_before(pos: int) -> int:
        lo = max(start, pos - 300)  # an attribution is short: look back a little only
        c = text.rfind(",", lo, pos)
        while c > lo and any(q.open < c < q.close for q in in_sent):
            c = text.rfind(",", lo, c)
        return c if c > lo or c == start else -1

    comma = comma_before(end)
    if comma <= start or len(text[comma:end].split()) > 10:
        return end
    lex = sourcing.lexicon()
    for _ in range(3):
        prev = comma_before(comma)
        if prev <= start:
            return comma
        segment = text[prev + 1:comma]
        words = segment.split()
        if not (0 < len(words) <= 6):
            return comma
        a, b = idx.token_range(prev + 1, comma)
        if not any(lex.is_role_word(idx.tokens[j].lower) for j in range(a, b)):
            return comma
        comma = prev
    return comma


#: "said later in the day", "said at the weekend": a time phrase after the verb.
_TIME_LINKS = frozenset({"in", "at", "during", "over"})
_DAY_PARTS = frozenset("day morning afternoon evening night weekend week".split())


#: How an anonymous source spoke, after the verb of an attribution: "…, a senior official
#: said on condition of anonymity.", "…, said an official who asked not to be named.",
#: "…, two diplomats said, speaking on condition that they not be identified." The words
#: say how the source spoke, not what was said.
_MANNER = re.compile(
    r"(?:(?:speaking|talking)\s+)?on\s+(?:the\s+)?condition\s+(?:of\s+(?:anonymity\b|"
    r"not\s+being\s+(?:named|identified)\b)|(?P<that>that\b))|"
    r"(?:who\s+)?(?:asked|asking|declined|declining|requested|requesting)\s+"
    r"(?:not\s+to\s+be\s+(?:named|identified)\b|to\s+remain\s+anonymous\b|anonymity\b)|"
    r"anonymously\b|"
    r"(?P<reason>(?:because|as|since)\s+(?:he|she|they|I|we)\s+(?:was|were|is|are|had|has|"
    r"have)\s+not\s+(?:been\s+)?(?:authori[sz]ed|allowed|permitted|cleared)\s+to\b)",
    re.IGNORECASE)
_REASONS = frozenset("because as since".split())


def _manner_end(idx: sourcing.TextIndex, j: int, b: int) -> int | None:
    """The token after a phrase at ``j`` that says how an anonymous source spoke
    (``on condition of anonymity``, ``who asked not to be named``) and the reason given
    for it (``because they were not authorised to speak publicly``); None when there is
    none. A condition (``on condition that he not be named``) or a reason runs to the
    next comma or the end of the sentence."""
    toks = idx.tokens
    text = idx.article.text
    if j >= b or toks[j].in_quote:
        return None
    m = _MANNER.match(text, toks[j].start, toks[b - 1].end)
    if m is None:
        return None
    k = bisect.bisect_left(idx.tok_starts, m.end(), j + 1, b)
    if m.group("that") or m.group("reason") or (
            k < b and toks[k].lower in _REASONS and toks[k].joined):
        # "… on condition that they not be named", "… because he was not authorised to
        # speak to the media": the rest of the clause.
        while k < b and not any(c in _gap(text, toks, k) for c in ",;—–"):
            k += 1
    return k


def _manner_after(idx: sourcing.TextIndex, cue: Cue, j: int, b: int) -> int | None:
    """The token after a phrase of how the source spoke (``_manner_end``) that follows the
    cue ending before token ``j``, past time words (``said on Monday on condition of
    anonymity``) and the person told (``told Reuters on condition of anonymity``)."""
    toks = idx.tokens
    text = idx.article.text
    if cue.verb_class == "tell" and j < b:
        m = idx.mention_at.get(j)
        if m is not None:
            j = m.tok_end
    for _ in range(4):
        if j >= b or any(c in _gap(text, toks, j) for c in ",;:\"“”—–"):
            return None
        manner = _manner_end(idx, j, b)
        if manner is not None or toks[j].lower not in _TIME_WORDS:
            return manner
        j += 1
    return None


def _ends_clause(idx: sourcing.TextIndex, cue: Cue, b: int) -> bool:
    """Whether only time words, the person told (``told Reuters``) or a new clause after a
    comma follow the cue: ``…, an official said on Friday, after …``."""
    toks = idx.tokens
    text = idx.article.text
    j = cue.last_tok
    if cue.verb_class == "tell" and j < b:
        m = idx.mention_at.get(j)
        if m is not None:
            j = m.tok_end
        else:  # "told reporters", "told state media"
            k = j
            while k < b and k - j < 3 and "," not in _gap(text, toks, k) and \
                    toks[k].lower not in _BETWEEN:
                k += 1
            j = k
    while j < b:
        if "," in _gap(text, toks, j) or any(c in _gap(text, toks, j) for c in ";—–"):
            return True
        manner = _manner_end(idx, j, b)
        if manner is not None:
            j = manner  # "…, an official said on condition of anonymity."
            continue
        if j + 2 < b and toks[j].lower in _TIME_LINKS and toks[j + 1].lower == "the" and \
                toks[j + 2].lower in _DAY_PARTS and toks[j + 1].joined and toks[j + 2].joined:
            j += 3  # "…, Brody said later in the day.": a time phrase, like "on Monday"
            continue
        if toks[j].lower not in _BETWEEN and not toks[j].text.isdigit():
            # "…, said a senior official in the alliance supporting X.": after an inverted
            # speaker, the rest of the sentence describes them.
            # "…, said John Smith after the talks.": when and where it was said.
            return cue.speaker_after and (toks[j].lower in _MODIFIER_STARTS or
                                          toks[j].lower in _ADJUNCT_STARTS) and not any(
                toks[x].in_quote for x in range(j, b))
        j += 1
    tail = text[toks[j - 1].end:idx.tokens[b - 1].end] if j > cue.last_tok else ""
    return not tail.strip(" .!?\"'”’")


def _set_off(idx: sourcing.TextIndex, cue: Cue, a: int) -> bool:
    """Whether a cue at the end of a sentence is set off by a comma or a closing quotation
    mark (``…, the ministry said.``), as attributions are."""
    text = idx.article.text
    toks = idx.tokens
    f0 = cue.first_tok
    while f0 > a + 1 and cue.first_tok - f0 < 8 and (
            toks[f0 - 1].lower in _ATTRIBUTION_LEAD or toks[f0 - 1].text[:1].isupper() or
            toks[f0 - 1].lower in ("of", "for", "and")) \
            and not any(c in _gap(text, toks, f0) for c in ",'’\"”"):
        f0 -= 1  # back over titles and names: "the South's Joint Chiefs of Staff (JCS)"
    if f0 > a + 1 and toks[f0 - 1].text.isalpha() and toks[f0 - 1].text.islower() and \
            toks[f0].text[:1].isupper() and toks[f0 - 1].lower not in _PREPOSITIONS and \
            "," in _gap(text, toks, f0 - 1) and not any(
                c in _gap(text, toks, f0) for c in ",'’\"”"):
        f0 -= 1  # "…, state Chief Returning officer Tomas Varga said": a word before a title
    lead = _gap(text, toks, f0)
    return "," in lead or any(c in lead for c in "'’\"”")


def _colon_frame(idx: sourcing.TextIndex, s: Segment, sent: Span) -> Cue | None:
    """``In his message, he praised the general: "…"``: the subject before the colon
    speaks, and the word after the subject is the cue."""
    if _colon_before(idx.article.text, s, sent, 40) is None:
        return None
    a, v = idx.token_range(sent.start, s.open)
    m = _subject_before(idx, a, v)
    if m is None or m.tok_end >= v or m.entity is None or m.entity.type != "person":
        return None
    t = idx.tokens[m.tok_end]
    if not t.lower.isalpha() or not t.text.islower() or not t.joined:
        return None
    return Cue(m.tok_end, m.tok_end + 1, Span(t.start, t.end), t.text, "act", m, False)


def _colon_before(text: str, s: Segment, sent: Span, reach: int) -> int | None:
    """Where the colon that brings in quote ``s`` stands (only spaces between it and the
    opening mark, at most ``reach`` characters back, inside sentence ``sent``), or None."""
    p = s.open - 1
    while p > sent.start and p > s.open - reach and text[p].isspace():
        p -= 1
    return p if p >= sent.start and text[p] == ":" else None


# --------------------------------------------------------------------------------------
# Sentences of a block, aware of quotation marks
# --------------------------------------------------------------------------------------

#: A sentence end: the next sentence may open with a mark and an ellipsis in brackets
#: ('finish line. "[...] I always knew …').
_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(]?(?:\[(?:\.\.\.|…|\.)\]\s*)?[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = frozenset(
    """mr mrs ms dr st gen lt col sgt capt cmdr adm rep sen gov pres prof jr sr inc corp ltd co
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m
    mt ft ave maj brig rev hon""".split()
)


def _sentences(text: str, bs: int, be: int, segs: Sequence[Segment]) -> list[Span]:
    """Sentence spans of one block; full stops inside a quotation do not end a sentence,
    unless they end the quotation too."""
    inside = [(s.open, s.close) for s in segs]
    opens = [o for o, _ in inside]
    cuts: list[int] = []
    for m in _END.finditer(text, bs, be):
        p = m.start()
        k = bisect.bisect_right(opens, p) - 1
        end = m.end()
        if k >= 0 and inside[k][0] < p < inside[k][1]:
            if not (p < inside[k][1] < end):
                continue
        elif k >= 0 and inside[k][0] < p and inside[k][1] >= end:
            continue
        if text[p] == ".":
            w = re.search(r"([\w.]+)$", text[max(bs, p - 12):p])
            word = w.group(1).lower() if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        cuts.append(end)
    out: list[Span] = []
    start = bs
    for c in cuts:
        if c > start:
            out.append(Span(start, c))
        start = c
        while start < be and text[start].isspace():
            start += 1
    if start < be:
        out.append(Span(start, be))
    return out


# --------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------


@dataclass
class _Found:
    seg: Segment
    kind: str
    cue: Cue | None = None
    reason: str = ""
    source: _Found | None = None  # the quote whose speaker this one takes over
    echo: bool = False
    subject: sourcing.Mention | None = None  # "Mr Hale 'apologised'": speaker, no cue
    claim: Quote | None = None  # the paraphrase just before, whose speaker this one takes
    title: bool = False  # in a headline or subheading
    reported: bool = False  # inside a clause that reports someone's words (speaker unknown)
    led: bool = False  # direct after a speech verb of its own sentence ('said "…"')


def _speaker_name(m: sourcing.Mention) -> str | None:
    return m.entity.name if m.entity is not None else None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    b = min(b, len(text))  # (an unclosed quotation runs to the end of the text)
    while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–-"):
        b -= 1
    return a, b


def find_quotes(article: Article) -> list[Quote]:
    """Every direct, partial, scare and paraphrase attribution in ``article``, in order."""
    idx = sourcing.text_index(article)
    text = article.text
    blocks = _blocks(article)
    segs_by_block: dict[int, list[Segment]] = {}
    for s in idx.segments:
        segs_by_block.setdefault(s.block, []).append(s)
    found: list[_Found] = []
    paraphrases: list[Quote] = []
    prev_block_last: _Found | None = None
    prev_block_colon_cue: Cue | None = None
    prev_block_claim: Quote | None = None
    datelines = {p.span.start: p.span.end for p in article.parts if p.label == "dateline"}
    it_means: sourcing.Mention | None = None
    for bi, (label, span) in enumerate(blocks):
        n_before = len(paraphrases)
        segs = segs_by_block.get(bi, [])
        seg_opens = [g.open for g in segs]
        block_found: list[_Found] = []
        block_colon_cue: Cue | None = None
        prev_claim = prev_block_claim if label == "paragraph" else None
        body_start = span.start
        if span.start in datelines:
            # "WASHINGTON (AP) — ": the dateline is not part of the first sentence.
            m = re.compile(r"\s*(?:[—–]|--|-)?\s*").match(text, datelines[span.start])
            body_start = m.end() if m else datelines[span.start]
        if label == "promo":
            # "READ MORE: Cuts will 'not be the last', Treasury Secretary says": a link to
            # another story; its headline reports speech as any headline does.
            m = _PROMO_LEAD.match(text, span.start, span.end)
            body_start = m.end() if m else span.start
            label, span = "headline", Span(body_start, span.end)
        for sent in _sentences(text, body_start, span.end, segs):
            a, b = idx.token_range(sent.start, sent.end)
            cues = _find_cues(idx, a, b, it_means)
            it_means = None
            if cues and _etype(cues[-1].speaker) in ("organisation", "document", "media"):
                it_means = cues[-1].speaker  # "It added that …" in the next sentence
            lo = bisect.bisect_left(seg_opens, sent.start)
            hi = bisect.bisect_left(seg_opens, sent.end)
            in_sent = segs[lo:hi]
            used: set[int] = set()
            cue_toks = [c.tok for c in cues]
            for k_seg, s in enumerate(in_sent):
                f = _classify(idx, s, sent, in_sent, k_seg)
                f.title = label in ("headline", "subheading")
                # (a quote led by its own speech verb is not the next sentence's, nor one
                # a colon brings in: 'Khan said: "We have no gauze." Nurses said that …')
                led = f.led or _colon_led(text, s, sent, cues) or (
                    s.open == span.start and prev_block_colon_cue is not None)
                cue = _cue_after(idx, s, cues, cue_toks, span.end,
                                 f.kind == "direct" and not led)
                if cue is not None:
                    if f.kind == "direct":
                        used.add(id(cue))
                    f.reason = _reason_after(cue)
                else:
                    before = [c for c in cues[:3] if c.span.end <= s.open and
                              c.speaker.span.end <= s.open]
                    if len(before) > 1 and before[0].text.lower().endswith("ing") and \
                            not before[-1].text.lower().endswith("ing"):
                        # "Responding to the Minister questioning X, a spokesperson said:"
                        before = before[1:]
                    sent_a, sent_b = idx.token_range(sent.start, sent.end)
                    first_after = bisect.bisect_left(cue_toks, bisect.bisect_left(
                        idx.tok_starts, s.close))
                    after = [c for c in cues[first_after:first_after + 3]
                             if c.span.start > s.close and _ends_clause(idx, c, sent_b) and
                             _set_off(idx, c, sent_a)]
                    if before:
                        cue = before[0]
                        upto = bisect.bisect_left(cue_toks, bisect.bisect_left(
                            idx.tok_starts, s.open))
                        near = [c for c in cues[max(0, upto - 3):upto]
                                if c.span.end <= s.open and c.speaker.span.end <= s.open and
                                c.text.lower() in _NESTING_CUES]
                        if near and near[-1].speaker.entity is not cue.speaker.entity:
                            cue = near[-1]  # "Korvo.net reported its source said "…""
                        elif upto > 0 and cues[upto - 1] is not cue and \
                                cues[upto - 1].span.end <= s.open and \
                                _cut_at_next_cue(idx, cue.span.end, s.open) < s.open:
                            # "they considered that the walkout was "historic" and one of its
                            # leaders, Pablo Ferro, urged the council to "listen now"": the
                            # first claim ends before the quote, so the nearer cue governs it.
                            cue = cues[upto - 1]
                        f.reason = (f"'{cue.text}' comes before the quote in the same sentence, "
                                    f"with the speaker '{article[cue.speaker.span]}'.")
                    elif after:
                        cue = after[0]
                        f.reason = (f"The sentence ends with '{article[cue.speaker.span]} "
                                    f"{cue.text}', which tells us who said the quoted words.")
                    else:
                        cue = _colon_frame(idx, s, sent)
                        if cue is not None:
                            f.reason = (f"The words before the colon name the speaker "
                                        f"('{article[cue.speaker.span]}').")
                        else:
                            subject = _subject_just_before(idx, s) or _agent_after(
                                idx, s) or _name_colon(idx, s, sent) or (
                                    _headline_speaker(idx, span) or
                                    _quote_colon_name(idx, s, span)
                                    if label in ("headline", "subheading") or bi == 0
                                    else None)
                            if subject is not None:
                                f.subject = subject
                                f.reason = (f"The quoted words follow '{subject.text}' "
                                            "directly: they are that person's own words.")
                            elif f.kind == "partial" and label not in ("headline",
                                                                       "subheading"):
                                # "Varga called it "a dead end"", "Marsh referred to
                                # "a rude letter"": the subject's words.
                                cue, f.reported = _reporting_verb_before(idx, s, sent)
                                if cue is not None:
                                    f.reason = (f"The quoted words sit in a clause where "
                                                f"'{article[cue.speaker.span]}' "
                                                f"{cue.text} them.")
                                elif f.reported:
                                    f.reason = ("The quoted words sit in a clause that "
                                                "reports someone's words, but the article "
                                                "does not say clearly whose.")
                            elif k_seg == 0 and f.kind == "direct" and s.open <= sent.start \
                                    and prev_claim is not None and not _verb_after(idx, s) \
                                    and not s.continues:
                                # "Lund also condemned the fare rise. “When fares are
                                # falling across the region, our council does the
                                # opposite.”": a quote with no attribution of its own, right
                                # after a paraphrase in the same paragraph, is that speaker's.
                                f.claim = prev_claim
                                f.reason = (f"The quote follows what {prev_claim.speaker} is "
                                            "reported as saying in the sentence before, in the "
                                            "same paragraph, and has no attribution of its own.")
                f.cue = cue
                block_found.append(f)
            claims = _paraphrase(idx, sent, cues, used, in_sent)
            paraphrases.extend(claims)
            prev_claim = claims[-1] if claims and claims[-1].speaker else None
            if text[sent.start:sent.end].rstrip().endswith(":"):
                block_colon_cue = cues[0] if cues else _owner_of_words(idx, a, b)
        if label == "headline" and not block_found and len(paraphrases) == n_before:
            paraphrases.extend(_headline_paraphrase(idx, span))
        # Speakers carried over from an earlier quote.
        for k, f in enumerate(block_found):
            if f.cue is not None or f.claim is not None or f.title:
                continue  # (a headline does not go on with the quote before it)
            s = f.seg
            if s.continued and prev_block_last is not None:
                f.source, f.reason = prev_block_last, (
                    "The quote goes on from the paragraph before (it opens with a quotation "
                    "mark that was never closed), so the speaker is the same.")
            elif f.kind == "direct" and k > 0 and _root(block_found[k - 1])[1] is not None:
                f.source, f.reason = block_found[k - 1], (
                    "This quote follows another quote of the same speaker in the same "
                    "paragraph.")
            elif f.kind == "direct" and s.open == span.start and (
                    prev_block_last is not None and (
                        _root(prev_block_last)[1] is not None or
                        # (also a paragraph that was all quote, given to the speaker of the
                        # paraphrase paragraph before it)
                        _claim_before_block(_root(prev_block_last)[0], blocks, bi - 1))
                    ) and not _verb_after(idx, s):
                f.source, f.reason = prev_block_last, (
                    "A paragraph that is all quote, right after a quote with a speaker, "
                    "goes on with the same speaker.")
            elif f.kind == "direct" and s.open == span.start and prev_block_colon_cue:
                f.cue = prev_block_colon_cue
                f.reason = "The paragraph before ends with a colon that introduces this quote."
        found.extend(block_found)
        if label == "paragraph":
            prev_block_claim = prev_claim
            prev_block_last = block_found[-1] if block_found else None
            prev_block_colon_cue = block_colon_cue
    # Quotes whose chain has a speaker further on (attribution in a later paragraph).
    for k in range(len(found) - 1, -1, -1):
        f = found[k]
        if _speaker_of(f) is None and f.seg.continues and k + 1 < len(found) and \
                found[k + 1].seg.continued and _speaker_of(found[k + 1]):
            f.source = found[k + 1]
            f.reason = "The quote runs on into the next paragraph, where its speaker is named."
    # Echoes: quoted words that repeat words someone is quoted as saying elsewhere.
    echo_index: dict[tuple[str, ...], _Found] = {}
    for f in found:
        if _speaker_of(f) is None:
            continue
        words = _norm_words(text[f.seg.start:f.seg.end])
        for i in range(len(words)):
            for n in range(1, min(_ECHO_MAX, len(words) - i) + 1):
                echo_index.setdefault(words[i:i + n], f)
    for f in found:
        if _speaker_of(f) is not None:
            continue
        words = _norm_words(text[f.seg.start:f.seg.end])
        if f.title and len(words) < 4:
            # "'SERIOUS DOUBTS'" as a subheading is the editor's pick of a phrase and
            # is given to nobody; "The 'process is producing results'" repeats a whole
            # clause of one speaker's quote and is theirs.
            continue
        g = echo_index.get(words) if 1 < len(words) <= _ECHO_MAX else None
        if g is not None and g is not f:
            f.source, f.echo = g, True
            f.reason = (f"No one is named next to these words, but {_speaker_of(g)} is quoted "
                        "saying them elsewhere in the article.")
    quotes: list[Quote] = [*(_to_quote(article, f) for f in found), *paraphrases]
    quotes.sort(key=lambda q: (q.span.start, -q.span.end))
    return quotes


#: Verbs that report, name or judge words without being speech verbs of the lexicon:
#: "Marsh referred to "a rude letter"", "protesters chanted "…"", "she mocked his
#: "grand plan"". Some need their particle ("referred to", "spoke of").
_WORD_VERBS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("refer refers referred referring allude alludes alluded".split(),
                    ("to",)),
    **dict.fromkeys("speak speaks spoke".split(), ("of", "about", "out")),
    **dict.fromkeys(
        """chant chants chanted chanting yell yells yelled scream screams screamed quote
        quotes quoted lambast lambasts lambasted blast blasts blasted mock mocks mocked
        ridicule ridicules ridiculed deride derides derided boast boasts boasted bemoan
        bemoans bemoaned characterise characterises characterised characterize
        characterizes characterized portray portrays portrayed tout touts touted laud
        lauds lauded applaud applauds applauded dispute disputes disputed attack attacks
        attacked""".split(), ()),
}


def _reporting_verb_before(idx: sourcing.TextIndex, s: Segment,
                           sent: Span) -> tuple[Cue | None, bool]:
    """A quoted fragment with no speech cue found for it, in a clause whose verb reports or
    names words (``Varga called it "a dead end"``, ``Marsh referred to "a rude
    e-mail"``, ``A LEADING councillor branded the objections as 'stupid'``): the words
    are the subject's, so the quote is partial, not a scare quote. Returns a cue when the
    subject names a source, and whether such a verb was found at all. A passive (``was
    commonly called "swine flu"``) or a verb used as a noun or gerund (``consider naming it
    a "foreign agent"``) names a term, not anyone's words."""
    toks = idx.tokens
    text = idx.article.text
    lex = sourcing.lexicon()
    a, _b = idx.token_range(sent.start, sent.end)
    q = bisect.bisect_left(idx.tok_starts, s.open)
    for j in range(q - 1, max(a, q - 25) - 1, -1):
        t = toks[j]
        if _gap_has(text, toks, j + 1, ";:()") or t.in_quote:
            return None, False
        w = t.lower
        particles = _WORD_VERBS.get(w)
        word_verb = particles is not None and (not particles or (
            j + 1 < q and toks[j + 1].lower in particles))
        speech = (w in lex.verbs and not _phrase_missing(toks, j, q)) or w in _NAMING_VERBS
        if not (speech or word_verb) or w.startswith("nam"):
            continue  # ("named the virus "…"" gives it its name: a term)
        if j == a or t.text[:1].isupper():
            return None, False  # "Asked about …", "Called …": no subject before it
        back = j - 1
        while back > a and toks[back].lower.endswith("ly") and toks[back].lower not in _BETWEEN:
            back -= 1  # "was commonly called"
        before = toks[back].lower
        if before in _PASSIVE_AUX or before in _NOT_VERB_BEFORE or (
                w.endswith("ing") and "," not in _gap(text, toks, j)):
            return None, False
        m = _speaker_before(idx, a, j) or _subject_before(idx, a, j)
        if m is not None and _usable(m):
            return Cue(j, j + 1, Span(t.start, t.end), t.text, lex.verbs.get(w, "act"), m,
                       False), True
        return None, True
    return None, False


def _verb_after(idx: sourcing.TextIndex, s: Segment) -> bool:
    """A speech verb right after the closing mark (``"…," said one docker``): the quote
    has its own speaker, even when we cannot name them."""
    if not s.closed:
        return False
    a = bisect.bisect_left(idx.tok_starts, s.close + 1)
    return a < len(idx.tokens) and idx.tokens[a].start - s.close <= 4 and \
        idx.tokens[a].lower in sourcing.lexicon().verbs


def _headline_speaker(idx: sourcing.TextIndex, span: Span) -> sourcing.Mention | None:
    """``Blinken: Truce 'producing results'``: a headline that opens with a name and a
    colon gives the words after the colon to that person."""
    a, b = idx.token_range(span.start, span.end)
    m = idx.mention_at.get(a)
    if not _usable(m) or _etype(m) != "person":
        return None
    rest = idx.article.text[idx.tokens[m.tok_end - 1].end:span.end]  # type: ignore[union-attr]
    return m if rest.lstrip().startswith(":") else None


def _name_colon(idx: sourcing.TextIndex, s: Segment, sent: Span) -> sourcing.Mention | None:
    """``Union chief Billy Hunter: "We have arrived at …"``: a sentence that is only a
    person's name (with titles) and a colon gives the quote after it to that person."""
    p = _colon_before(idx.article.text, s, sent, 10)
    if p is None or p == sent.start:
        return None
    a, v = idx.token_range(sent.start, p)
    m = idx.mention_ending.get(v - 1) if v > a else None
    if not _usable(m) or m.kind not in ("person", "name") or \
            _etype(m) != "person" or m.chunk_tok_start - a > 5:  # type: ignore[union-attr]
        return None
    toks = idx.tokens
    verbs = sourcing.lexicon().verbs
    for x in range(a, m.chunk_tok_start + 1):  # type: ignore[union-attr]
        # ("Players union executive director Billy Hunter:": words of a title only)
        if (x > a and not toks[x].joined) or toks[x].lower in verbs or toks[x].in_quote:
            return None
    return m


def _quote_colon_name(idx: sourcing.TextIndex, s: Segment,
                     span: Span) -> sourcing.Mention | None:
    """``'The best day of my career': Skipper Nina Holt leads the home side``:
    a headline that opens with a quote and a colon, then names a person (maybe after a role
    word), gives the quote to that person, as ``Name: …`` headlines do the other way round.
    Not an organisation or country (``'Are they scared?': Government berated …`` is about
    the government, not by it)."""
    text = idx.article.text
    if s.open != span.start or not s.closed or text[s.close + 1:s.close + 2] != ":":
        return None
    a = bisect.bisect_left(idx.tok_starts, s.close + 2)
    for j in range(a, min(a + 3, len(idx.tokens))):
        if idx.tokens[j].start >= span.end or not idx.tokens[j].text[:1].isupper():
            return None
        m = idx.mention_at.get(j)
        if m is not None:
            # (a full name or a group, not a lone capitalised word: in "Kelbrook councillors"
            # the place only describes the councillors)
            return m if _usable(m) and m.kind in ("person", "group") and \
                _etype(m) in ("person", "anonymous") else None
    return None


def _headline_paraphrase(idx: sourcing.TextIndex, span: Span) -> list[Quote]:
    """``Diplomats: Iran talks move toward extension`` / ``Norland condemns attack:
    Foreign ministry statement``: a headline that names a source (not a country, which is
    more often the topic) before or after a colon, with no speech verb, is that source's
    claim, with no cue."""
    text = idx.article.text
    toks = idx.tokens
    colon = text.find(":", span.start, span.end)
    if colon < 0 or text.find(":", colon + 1, span.end) >= 0:
        return []
    a, b = idx.token_range(span.start, span.end)
    c = bisect.bisect_left(idx.tok_starts, colon)
    if not a < c < b or any(t.in_quote for t in toks[a:b]):
        return []
    m = idx.mention_at.get(a)
    if _usable(m) and m.tok_end == c:  # type: ignore[union-attr]
        s, e = toks[c].start, span.end  # "Diplomats: …"
    else:
        last = b - 1 if toks[b - 1].lower not in _MEDIUM_NOUNS else b - 2
        m = idx.mention_ending.get(last)
        if not (_usable(m) and m.chunk_tok_start == c):  # type: ignore[union-attr]
            return []
        s, e = span.start, colon  # "…: Foreign ministry statement"
    assert m is not None
    if m.kind in ("pronoun", "country") or m.entity is None:
        return []
    s, e = _trim(text, s, e)
    if len(text[s:e].split()) < 3 or text[s:e].rstrip().endswith("?"):
        # "Plain Talk: Is the plan still the best deal?": a question after the
        # colon is the headline's own (a show or column asking it), not a claim.
        return []
    return [Quote(Span(s, e), "paraphrase", m.entity.name, m.span, None, None,
                  f"A headline that sets '{m.text}' and a claim apart with a colon gives the "
                  f"claim to {m.entity.name} (headline style, no speech verb).")]


def _subject_just_before(idx: sourcing.TextIndex, s: Segment) -> sourcing.Mention | None:
    """A person named right before the opening mark: ``Mr Hale 'sincerely apologised'``."""
    a = bisect.bisect_left(idx.tok_starts, s.open) - 1
    if a < 0:
        return None
    m = idx.mention_ending.get(a)
    between = idx.article.text[idx.tokens[a].end:s.open]
    if _usable(m) and between.strip() == "" and _etype(m) == "person" and \
            m.kind != "pronoun" and not m.entity.needs_speech:  # type: ignore[union-attr]
        return m
    return None


_PASSIVE_LABEL = re.compile(
    r"\b(?:described|called|branded|labell?ed|dubbed|termed|criticised|criticized|condemned)"
    r"\s+(?:it\s+|him\s+|her\s+|them\s+)?(?:as\s+)?(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _agent_after(idx: sourcing.TextIndex, s: Segment) -> sourcing.Mention | None:
    """``was described as "knife-obsessed" by the police``: the agent after ``by`` said it."""
    if not s.closed:
        return None
    text = idx.article.text
    if not _PASSIVE_LABEL.search(text, max(0, s.open - 40), s.open):
        return None
    a = bisect.bisect_left(idx.tok_starts, s.close + 1)
    toks = idx.tokens
    if a + 1 >= len(toks) or toks[a].lower != "by" or toks[a].start - s.close > 3:
        return None
    m = idx.mention_at.get(a + 1) or (idx.mention_at.get(a + 2) if toks[a + 1].lower == "the"
                                      else None)
    return m if _usable(m) and m.kind != "pronoun" else None  # type: ignore[union-attr]


def _speaker_of(f: _Found) -> str | None:
    seen = 0
    while f is not None and seen < 1000:
        if f.claim is not None:
            return f.claim.speaker
        if f.subject is not None:
            return _speaker_name(f.subject)
        if f.cue is not None:
            return _speaker_name(f.cue.speaker)
        f = f.source  # type: ignore[assignment]
        seen += 1
    return None


def _root(f: _Found) -> tuple[_Found, Cue | None]:
    seen = 0
    while f.cue is None and f.subject is None and f.claim is None and f.source is not None \
            and seen < 1000:
        f = f.source
        seen += 1
    if f.cue is None and f.subject is not None:
        m = f.subject
        return f, Cue(m.tok_start, m.tok_end, m.span, m.text, "act", m, False)
    return f, f.cue


def _claim_before_block(f: _Found, blocks: Sequence[tuple[str, Span]], k: int) -> bool:
    """Whether ``f`` (a quote in block ``k``) is given to a paraphrase in a block before."""
    return f.claim is not None and k >= 0 and f.claim.span.start < blocks[k][1].start


def _one_quote_over_paragraphs(f: _Found) -> bool:
    """Whether ``f`` takes its speaker only through the other paragraphs of the same
    quotation (a mark left open at the end of a paragraph and opened again at the next)."""
    seen = 0
    while f.cue is None and f.subject is None and f.claim is None and f.source is not None \
            and seen < 1000:
        g = f.source
        back = f.seg.continued and g.seg.continues and g.seg.block == f.seg.block - 1
        ahead = f.seg.continues and g.seg.continued and g.seg.block == f.seg.block + 1
        if not (back or ahead) or f.echo:
            return False
        f = g
        seen += 1
    return f.cue is not None


def _to_quote(article: Article, f: _Found) -> Quote:
    root, cue = _root(f)
    kind = f.kind
    reason = f.reason
    words = article[f.seg.span].strip(" .,;:!?").split()
    if len(words) == 1 and any(ch.isdigit() for ch in words[0]):
        # "COVID-19", "2019-nCoV": a name or code in quotation marks, not speech.
        return Quote(f.seg.span, "scare", reason=(
            "A name or code in quotation marks: the marks show it is a label, not "
            "something a person is reported as saying."))
    if len(words) == 1 and f.kind == "partial" and f.seg.closed and \
            article.text[f.seg.close + 1:f.seg.close + 3].lstrip().startswith("("):
        return Quote(f.seg.span, "scare", reason=(
            "One word in quotation marks, explained in brackets right after: the writer is "
            "naming a term, not quoting anyone (a scare quote)."))
    label = _label_reason(article.text, f)
    if label:
        return Quote(f.seg.span, "scare", reason=label)
    if _SO_CALLED.search(article.text, max(0, f.seg.open - 12), f.seg.open):
        return Quote(f.seg.span, "scare", reason=(
            "'So-called' before the quotation marks says the writer is only naming a term "
            "others use, not quoting anyone (a scare quote)."))
    if cue is None and root.claim is not None:
        return Quote(f.seg.span, kind, root.claim.speaker, reason=reason)
    if cue is None:
        inner = article[f.seg.span]
        words = len(inner.split())
        if f.title:
            # "'Shaken'" as a subheading, "Rovers 'not sharp enough' but won't panic": a
            # headline quote is given to nobody; it is direct only when it reads as a
            # sentence ("'Are they afraid of questions?': Council criticised …").
            whole = inner.rstrip()[-1:] in ".!?" or words >= 4
            return Quote(f.seg.span, "direct" if kind == "direct" and whole else "partial",
                         reason="A quote in a headline, given to nobody: the headline does "
                         "not say who said these words.")
        sentence = kind == "direct" and inner[:1].isupper() and inner.rstrip()[-1:] in ".!?"
        if f.reported and kind == "partial":
            return Quote(f.seg.span, kind, reason=reason)
        if kind == "partial" or (words <= 3 and not sentence):
            return Quote(f.seg.span, "scare", reason=(
                "Quotation marks around words that nobody in the article is reported as "
                "saying: the writer is keeping a distance from the term (a scare quote)."))
        return Quote(f.seg.span, kind, reason=(
            "Quotation marks, but the article does not say who said these words."))
    m = cue.speaker
    if root is not f and _one_quote_over_paragraphs(f):
        # "She said: “It worries me …\n\n“It has also been raised at every meeting.”": the
        # paragraphs of one quote share its speaker, but only the paragraph with the
        # attribution carries the cue and the speaker's mention.
        return Quote(f.seg.span, kind, _speaker_name(m), reason=reason)
    if f.echo or root.subject is not None:
        return Quote(f.seg.span, kind, _speaker_name(m), m.span, None, None, reason)
    return Quote(f.seg.span, kind, _speaker_name(m), m.span, cue.text, cue.span, reason)


_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:\w['’]s|\ws['’]|\b(?:his|her|their|its|our|my|your))\s*$",
                         re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that)\s*$", re.IGNORECASE)
_DEFINED = re.compile(r"\s*,\s+(?:a|an)\s+[a-z]+\s+(?:of|for|that|used)\b")
_NEXT_WORD = re.compile(r"\s*([a-z]+)\b")
#: A noun for a named work, show or campaign right before its quoted title.
_WORK_BEFORE = re.compile(
    r"\b(?:programme|program|show|series|podcast|documentary|film|movie|feature|book|"
    r"novel|memoir|album|song|single|play|opera|musical|exhibition|column|newsletter|"
    r"campaign|operation|slogan|hashtag|group|initiative|project|platform|app|game)s? $",
    re.IGNORECASE)


def _label_reason(text: str, f: _Found) -> str:
    """Quoted words that the sentence uses as a name or a label, whoever is speaking
    (guidelines: scare quotes are names, nicknames, labels, terms):

    * ``Varga's "bombshell" presser``: after a possessive and before the noun they
      describe, the quoted words are a label for it;
    * ``Varga's 'Roads For All Tour' in Kelbrook``: words all capitalised after a possessive
      or an article are the name of something;
    * ``the calculation of "dwell time", a measurement of ordinary stops``: a term the
      writer goes on to define (only when no speech verb governs the quote)."""
    s = f.seg
    if not s.closed or f.title:
        return ""
    before = text[max(0, s.open - 12):s.open]
    inner = text[s.start:s.end]
    words = inner.strip(" .,;:!?").split()
    if _POSSESSIVE.search(before) and inner.rstrip()[-1:] not in ".,;:!?":
        m = _NEXT_WORD.match(text, s.close + 1)
        if m and text[s.close + 1:m.start(1)].strip() == "" and _noun_like(m.group(1)):
            return ("Quoted words between a possessive and the noun they describe "
                    f"('{m.group(1)}'): a label, not words anyone is reported as saying.")
    if len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words) and \
            (_POSSESSIVE.search(before) or _DETERMINER.search(before)):
        return ("Capitalised words in quotation marks after a possessive or an article: the "
                "name of something, not words anyone is reported as saying.")
    capitals = bool(words) and all(w[:1].isupper() and not w.isupper() for w in words)
    if capitals and len(words) <= 6 and _WORK_BEFORE.search(text, max(0, s.open - 40), s.open):
        # 'the current affairs programme "Plain Talk," she said', 'his feature
        # "Silver Lanterns"': capitalised words right after a noun for a show, book, film or
        # campaign are its title.
        return ("Capitalised words in quotation marks right after a noun for a programme, "
                "film, book or campaign: its title, not words anyone is reported as saying.")
    if capitals and len(words) <= 2 and re.search(r"[A-Z][\w.-]* $", before) and \
            re.match(r" [A-Z][\w-]*\b", text[s.close + 1:s.close + 30]) and \
            inner.rstrip()[-1:] not in ".,;:!?":
        # 'President Ramon "Monchi" Alvaro': a nickname inside a name.
        return ("A capitalised word in quotation marks inside a name: a nickname, not "
                "words anyone is reported as saying.")
    if (f.cue is None or f.echo) and _DEFINED.match(text, s.close + 1):
        return ("A term in quotation marks that the writer goes on to define: a label, not "
                "words anyone is reported as saying.")
    return ""


def _noun_like(word: str) -> bool:
    """Whether a lower-case word after a quote can be the noun the quote describes (not a
    verb, preposition, conjunction or adverb)."""
    return word not in _PREPOSITIONS and word not in _FINITE and \
        word not in _CLAUSE_AUX and word not in sourcing.lexicon().verbs and \
        word not in ("and", "or", "but", "nor", "that", "this", "to", "not") and \
        not word.endswith(("ly", "ed"))


def _classify(idx: sourcing.TextIndex, s: Segment, sent: Span,
              in_sent: Sequence[Segment], k: int) -> _Found:
    """Direct (stands as the speaker's sentence) or partial (inside the reporter's)."""
    text = idx.article.text
    if s.continued:
        return _Found(s, "direct")
    if s.open <= sent.start:
        if s.closed and k + 1 < len(in_sent) and _AND_QUOTE.match(text, s.close + 1) and \
                _AND_QUOTE.match(text, s.close + 1).end() == in_sent[k + 1].open + 1:
            # '"This is a new season" and "a broad refusal …" asserted Ferro':
            # two quotes joined by "and" are pieces of the reporter's sentence.
            return _Found(s, "partial")
        return _Found(s, "direct")
    lead_from = in_sent[k - 1].close + 1 if k > 0 else sent.start
    lead = text[lead_from:s.open].rstrip()
    if lead and lead[-1] == "," and k == 0 and text[s.start:s.start + 1].islower() and \
            _runs_into_quote(lead):
        # 'Varga said Monday that while X may not be known, "we can say …"', 'Hale
        # congratulated Brody, saying, "hopefully we're going to …"': the quote finishes
        # the reporter's sentence of reported speech (a capital would start the speaker's
        # own sentence: 'stating, "I was walking to the shop …"').
        return _Found(s, "partial")
    if not lead or lead[-1] in ":,—–-":
        return _Found(s, "direct")
    if _speech_verb_leads(lead) and _whole_sentences(text, s):
        # 'Trump said on Friday "I can do it. I may do it."'
        return _Found(s, "direct", led=True)
    return _Found(s, "partial")


_AND_QUOTE = re.compile(r"\s+(?:and|or)\s+[\"“'‘]")
_SAYING_COMMA = re.compile(r"\b(?:saying|adding|stating|noting|insisting|arguing|"
                           r"explaining|declaring|writing)\s*,$", re.IGNORECASE)


def _runs_into_quote(lead: str) -> bool:
    """Whether the reporter's words before a quote leave reported speech open: a speech
    verb with its ``that`` (``said Monday that while …,``), or ``saying,``."""
    if _SAYING_COMMA.search(lead):
        return True
    words = re.findall(r"[\w'’]+", lead.lower())
    verbs = sourcing.lexicon().verbs
    for i, w in enumerate(words):
        if w == "that" and any(verbs.get(v) in ("say", "tell") for v in words[max(0, i - 4):i]):
            return True
    return False


_LEAD_TAIL = re.compile(
    r"(?:\s+(?:on|last|this|early|late|in|at)\s+(?:the\s+)?[\w-]+(?:\s+(?:morning|afternoon|"
    r"evening|night))?)?\s*$", re.IGNORECASE)


def _speech_verb_leads(lead: str) -> bool:
    """Whether the reporter's words before a quote end with a speech verb (maybe followed
    by a time: ``said on Friday``)."""
    head = _LEAD_TAIL.sub("", lead[-80:])
    if _TOLD_TAIL.search(head):
        return True  # 'told the BBC after the hearing "My client is …"'
    last = head.rsplit(None, 1)[-1].lower() if head.split() else ""
    return sourcing.lexicon().verbs.get(last) == "say"


#: "told reporters", "told the court", "told the BBC after the hearing": the person told
#: (and when) between the verb and the quote.
_TOLD_TAIL = re.compile(
    r"\b(?:told|tells|tell)\s+(?:the\s+|a\s+|an\s+)?[\w.'’-]+"
    r"(?:\s+(?:after|before|during|at|in|on)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
    r"[\w'’-]+)?\s*$", re.IGNORECASE)
#: The reporter's sentence going on after a quote: 'tweeted "Very sad news from the
#: harbour" and offered …' (not another quote: 'said "We asked for help …" and "So we …"').
_GOES_ON = re.compile(r"\s+(?:and|but|or|as|while|before|after|to|in|on|for|with|which|"
                      r"who)\s+(?![\"“'‘])", re.IGNORECASE)


def _whole_sentences(text: str, s: Segment) -> bool:
    """A quote that starts with a capital and ends a sentence: the speaker's own sentences
    (a long quote without a full stop counts, unless the reporter's sentence goes on after
    it)."""
    inner = text[s.open + 1:s.close].strip() if s.closed else ""
    return bool(inner) and inner[0].isupper() and (
        inner[-1] in ".!?" or text[s.close + 1:s.close + 2] in (".", "!", "?") or
        (len(inner.split()) >= 5 and not _GOES_ON.match(text, s.close + 1)))


#: Nouns for what someone said or wrote ("His comment is republished in full below:").
_WORDS_NOUNS = frozenset(
    """comment comments statement remarks words message letter post tweet reply response
    speech answer""".split())


def _owner_of_words(idx: sourcing.TextIndex, a: int, b: int) -> Cue | None:
    """A sentence with no speech verb that names someone's words before a colon: "His
    comment is republished in full below:", "Ms Doe's full statement reads:"."""
    toks = idx.tokens
    for j in range(a, min(b, a + 12)):
        if toks[j].lower in ("his", "her") and j + 1 < b and \
                toks[j + 1].lower in _WORDS_NOUNS | {"full"}:
            # "His comment …": the person named last before it (of that gender)
            her = _person_named_before(idx, j)
            k = j + 1 + (toks[j + 1].lower == "full")
            if her is not None and k < b and toks[k].lower in _WORDS_NOUNS:
                span = Span(toks[k].start, toks[k].end)
                return Cue(k, k + 1, span, toks[k].text, "say", her, False)
            continue
        m = idx.mention_at.get(j)
        if m is None or m.entity is None or m.in_quote or m.tok_end >= b:
            continue
        owner = (m.kind == "pronoun" and m.text.lower() in ("his", "her", "their")) or \
            toks[m.tok_end - 1].possessive
        k = m.tok_end
        while k < b and k - m.tok_end < 2 and toks[k].lower in ("full", "latest", "own"):
            k += 1
        if owner and k < b and toks[k].lower in _WORDS_NOUNS:
            span = Span(toks[k].start, toks[k].end)
            return Cue(k, k + 1, span, toks[k].text, "say", m, False)
    return None


def _colon_led(text: str, s: Segment, sent: Span, cues: Sequence[Cue]) -> bool:
    """Whether a colon after a cue of the same sentence brings the quote in
    (``Khan said: "…"``, ``a spokesman told reporters: "…"``)."""
    if not cues or _colon_before(text, s, sent, s.open - sent.start + 1) is None:
        return False
    first = cues[0]  # (cues come in text order: one before the quote means the first is)
    return first.span.end <= s.open and first.speaker.span.end <= s.open


def _cue_after(idx: sourcing.TextIndex, s: Segment, all_cues: Sequence[Cue],
               cue_toks: Sequence[int], block_end: int, direct: bool = True) -> Cue | None:
    """A cue right after the closing mark: ``"…," he said`` or ``"…," said Blinken``."""
    if not s.closed:
        return None
    toks = idx.tokens
    text = idx.article.text
    a = bisect.bisect_left(idx.tok_starts, s.close + 1)
    if a >= len(toks) or toks[a].start >= block_end or toks[a].in_quote:
        return None
    between = text[s.close + 1:toks[a].start]
    if any(ch in between for ch in ".;:!?") or len(between) > 4:
        return None
    lo = bisect.bisect_left(cue_toks, a)
    cues = all_cues[lo:lo + 6]  # only cues just after the quote
    for c in cues:
        if c.first_tok == a:
            return c
    for c in cues:
        # "…," Senate Majority Leader Ruth Calder said: titles before the speaker's name.
        if a < c.first_tok <= a + 6 and not c.speaker_after and \
                toks[a].text[:1].isupper() and all(
                toks[j].joined and toks[j].text[:1].isupper() for j in range(a + 1,
                                                                            c.first_tok + 1)):
            return c  # (not '"…" before Quintana lambasted': a new clause)
    set_off = text[s.close - 1] in ",—–" or any(ch in between for ch in ",—–")
    for c in cues:
        # `"…," a UN spokesperson, Lena Moreau, told reporters`
        if set_off and c.speaker.span.start > s.close and a < c.tok <= a + 14 and not any(
                ch in text[s.close + 1:c.span.start] for ch in ".;!?\"“”"):
            return c
    # A cue in the next sentence fragment: `"Who knows?" Smith asked.` (not for a partial
    # quote that ends its sentence: `is "in a crisis." Brody said …` is someone else).
    m = idx.mention_at.get(a) if direct or text[s.close - 1:s.close] not in ".!?" else None
    if m is not None and not m.in_quote and m.entity is not None:
        b = bisect.bisect_left(idx.tok_starts, block_end)
        more = _find_cues(idx, a, min(b, m.tok_end + 6))
        for c in more:
            if c.speaker is m and not c.speaker_after:
                return c
    lex = sourcing.lexicon()
    if toks[a].lower in lex.verbs and toks[a].lower not in _OBJECT_VERBS and a + 1 < len(toks):
        m = idx.mention_at.get(a + 1)
        if m is not None and m.entity is not None and toks[a + 1].joined:
            span = Span(toks[a].start, toks[a].end)
            return Cue(a, a + 1, span, text[span.start:span.end], lex.verbs[toks[a].lower], m,
                       True)
    return None


def _reason_after(cue: Cue) -> str:
    return (f"The speech verb '{cue.text}' right after the quote, with "
            f"'{cue.speaker.text}', tells us who said it.")


def _paraphrase(idx: sourcing.TextIndex, sent: Span, cues: Sequence[Cue], used: set[int],
                in_sent: Sequence[Segment]) -> list[Quote]:
    """Reported speech without quotation marks in one sentence.

    A speech verb inside content already reported (``Miller said that Blinken
    reaffirmed …``) does not start another paraphrase."""
    text = idx.article.text
    toks = idx.tokens
    a, b = idx.token_range(sent.start, sent.end)
    out: list[Quote] = []
    floor = sent.start  # a claim before a cue starts after the previous such claim's cue
    ends_with_colon = text[sent.start:sent.end].rstrip().endswith(":")  # (once a sentence)
    cond_end = _conditional_end(idx, a, b)
    for k_cue, cue in enumerate(cues):
        prev_floor = floor
        if cue.tok < cond_end:
            # "If wardens believe they see a fire, Brody said …": a verb inside the
            # opening condition is a supposition, not something anyone is reported saying.
            continue
        nested = bool(out and out[-1].span.start <= cue.span.start < out[-1].span.end)
        if id(cue) in used or (nested and not (
                cue.text.lower() in _NESTING_CUES and cue.speaker.entity is not None and
                cue.speaker.entity.name != out[-1].speaker) and not (
                # "told the court that she explained … and told him a ticket would be
                # issued": what the speaker says she told someone else is a report too.
                cue.text.lower() == "told" and cue.tok_end < b and
                toks[cue.tok_end].lower in _OBJECT_PRONOUNS)):
            continue  # "Miller said that Blinken reaffirmed …": one claim, Miller's
        start = end = None
        how = ""
        shape = ""  # which kind of report the span was read from (steers the cuts below)
        postposed = False
        whole = False  # the whole sentence, around an attribution inside it
        sent_end = sent.end
        if cue.text.lower() == "according to":
            if cue.tok == a or (cue.tok == a + 1 and toks[a].lower in ("but", "and")):
                start, end = _after_according(idx, cue, b, sent_end), sent_end
                how = "after 'according to ...,'"
            elif _continues_after(idx, cue.speaker.tok_end, b):
                lead = _LEAD_IN.match(text, prev_floor, cue.span.start)
                if lead and lead.end() >= cue.span.start:
                    # "On Sunday in London, according to witnesses, a man entered …": after
                    # a lead-in, the claim is what follows the attribution.
                    start, end = cue.speaker.span.end, sent_end
                    how = "after 'according to ...,'"
                else:
                    # "One driver was, according to the ambulance service, among the injured": an
                    # attribution inside the sentence reports all of it.
                    start, end = prev_floor, sent_end
                    how = "the sentence around ', according to ...,'"
                    whole = True
            else:
                start, end = prev_floor, cue.span.start
                how = "before ', according to ...'"
                postposed = True
                floor = cue.speaker.span.end
        elif not cue.speaker_after or cue.tok_end < b:
            j = max(cue.tok_end, cue.speaker.tok_end if cue.speaker_after else cue.tok_end)
            manner = _manner_after(idx, cue, j, b)
            if manner is not None:
                # "…, a senior official said on condition of anonymity.": how the source
                # spoke is not what was said; the claim comes before the attribution. (A
                # that-clause after it is the claim: "said on condition of anonymity
                # that …".)
                j = manner if manner < b and toks[manner].lower == "that" else b
            k = j
            reach = 10 if cue.verb_class == "tell" else 6
            while k < b and k - j <= reach and not toks[k].in_quote and toks[k].lower != "that":
                if _gap_has(text, toks, k, ".;:\"“”") and k > j or (
                        cue.verb_class == "tell" and "," in _gap(text, toks, k) and k > j):
                    # "told state media, adding that …": the "that" is the next verb's.
                    break
                if cue.verb_class != "tell" and toks[k].lower in _BETWEEN and \
                        toks[k].lower in _THAT_PREPOSITIONS and k - j < 3 and k + 1 < b and \
                        toks[k + 1].lower in _ATTRIBUTION_LEAD:
                    # "reported earlier on his website that …" ("on" is also a time
                    # word, as in "said on Monday"): a phrase, then "that".
                    q = _that_after_phrase(text, toks, k, b)
                    if q is not None:
                        k = q
                        break
                if cue.verb_class != "tell" and toks[k].lower not in _BETWEEN and \
                        not toks[k].text.isdigit():
                    if cue.text.lower() in _FEELING_VERBS and k == j:
                        # "expressed their disappointment that both …": the that-clause.
                        q = next((x for x in range(k, min(b, k + 4))
                                  if toks[x].lower == "that"), None)
                        if q is not None and all(toks[x].joined and not toks[x].in_quote
                                                 for x in range(k, q + 1)) and \
                                any(toks[x].lower in _FEELINGS for x in range(k, q)):
                            k = q
                        break
                    if (toks[k].lower in _THAT_PREPOSITIONS or (
                            toks[k].lower == "with" and k > 0 and
                            toks[k - 1].lower in _WITH_MEDIA)) and k - j < 3:
                        # "said in an interview with the BBC that …": the medium's partner,
                        # "argued during a council debate in March that …",
                        # "reported on his Twitter account that …": a phrase, then "that".
                        q = _that_after_phrase(text, toks, k, b)
                        if q is not None:
                            k = q
                    break
                k += 1
            if k < b and toks[k].lower == "that" and k - j <= reach and not toks[k].in_quote and \
                    (cue.verb_class != "act" or (k == j and cue.text.lower() in _REQUESTS)):
                # "Several of the residents asked that warning be given …": a request verb
                # with a that-clause (the other acts take an object: "condemned that
                # decision").
                start, end = toks[k].end, sent_end
                how, shape = f"'{cue.text} ... that'", "that"
                if k + 1 < b and toks[k + 1].lower in _NOUN_FOLLOWERS and toks[k + 1].joined \
                        and k == j:
                    # "he said that must change": "that" is the claim's subject (a
                    # demonstrative), not the conjunction; it stays in the span.
                    start = toks[k].start
            elif cue.verb_class != "tell" and k < b and k > j and toks[k].lower != "that" \
                    and all(toks[x].lower in _TIME_WORDS for x in range(j, k)) \
                    and not any(ch in text[toks[j].start:toks[k].start] for ch in ",;:"):
                j = k  # "indicated on Monday the odds …": skip the time words
            jj = j + 1 if j + 1 < b and toks[j].lower == "the" and \
                toks[j + 1].lower in _ADDRESSEES else j  # "told the press"
            if start is None and cue.verb_class == "tell" and jj + 3 < b and \
                    toks[jj].lower in _ADDRESSEES and toks[jj + 1].joined and \
                    toks[jj + 1].lower not in _TIME_WORDS and \
                    not toks[jj + 1].in_quote and toks[jj + 1].lower not in _PREPOSITIONS:
                start, end = toks[jj + 1].start, sent_end  # "told reporters the plan …"
                how, shape = f"'{cue.text} reporters' followed by what was said", "told"
            if start is None and cue.verb_class == "tell" and j < b:
                # "told the Commons the money would …": the person told, then the claim.
                m = idx.mention_at.get(j) or (idx.mention_at.get(j + 1) if toks[j].lower in (
                    "the", "a", "an") else None)
                k2 = m.tok_end if m is not None else j
                k0 = k2
                while k2 < b and k2 - k0 < 5 and toks[k2].joined and \
                        not toks[k2].in_quote and (toks[k2].text[:1].isupper() or
                                                   toks[k2].text.isdigit() or
                                                   toks[k2].lower in _MEDIA_NOUNS):
                    k2 += 1  # "told BBC Radio 4's Today programme the fine was …"
                if m is None and (k2 == k0 or not toks[k0].text[:1].isupper()):
                    k2 = b
                if k2 + 3 <= b and toks[k2].joined and not toks[k2].in_quote and \
                        toks[k2].lower not in _PREPOSITIONS and \
                        toks[k2].lower not in _TIME_WORDS and \
                        toks[k2].lower not in sourcing.lexicon().verbs and \
                        toks[k2].lower not in ("and", "or", "but", "to", "about", "of"):
                    start, end = toks[k2].start, sent_end
                    told = text[toks[j].start:toks[k2 - 1].end]
                    how, shape = f"'{cue.text} {told}' followed by what was said", "told"
            if start is None and cue.verb_class == "say" and not cue.speaker_after and \
                    j + 3 < b and toks[j].lower in _ASIDES and \
                    _gap(text, toks, j).strip() == "," and \
                    _gap(text, toks, j + 1).strip() == "," and not toks[j + 1].in_quote:
                # "Varga said, however, (that) the council should run the ferry": the
                # reporter's connective set off by commas between the verb and the claim.
                start, end = toks[j + 1].start, sent_end
                if toks[j + 1].lower == "that":
                    start = toks[j + 1].end
                if _OPENS_QUOTE.match(text, start):
                    start = None  # "added, however, that “…”": the quotation only
                how, shape = f"'{cue.text}' followed by what was said", "said"
            if start is None and (_takes_content(cue) or _described_as(idx, cue, j, b)) and \
                    j < b and toks[j].joined and \
                    (toks[j].lower not in _PREPOSITIONS or (
                        toks[j].lower == "to" and _to_verb(idx, cue, a)) or (
                        # "questioned what kind of socialism the government was batting
                        # for", "questioning whether the poll body has become …"
                        cue.text.lower().startswith("question") and
                        toks[j].lower in _QUESTION_WORDS and toks[j].lower != "about") or (
                        # "said if Halvorsen did not quit, the protesters would …"
                        toks[j].lower in _CLAIM_OPENERS and
                        cue.verb_class == "say" and not cue.text.lower().startswith("ask")
                        and not cue.speaker_after  # "…, said Roe when asked": not a claim
                    )) and \
                    not toks[j].in_quote and \
                    b - j >= 2 and not _OPENS_QUOTE.match(text, toks[j - 1].end) and not (
                        # "…, the Kremlin said Thursday, citing officials": a time word
                        # and a comma after the verb; the claim is not after it
                        toks[j].lower in _TIME_WORDS and "," in _gap(text, toks, j + 1)):
                start, end = toks[j].start, sent_end
                how, shape = f"'{cue.text}' followed by what was said", "said"
                if cue.text.lower() in _FEELING_VERBS:
                    # "expressed (his) disapproval of max contracts": the stance's object
                    # (a feeling stays in the span: "grave concern over the fighting").
                    q = next((x for x in range(j, min(b - 1, j + 3))
                              if toks[x].lower in _STANCES), None)
                    if q is not None and toks[q + 1].lower in _STANCE_LINKS and \
                            toks[q + 1].joined and q + 2 < b:
                        start = toks[q + 2].start
                if cue.text.split()[0].lower() not in _CLAUSE_VERBS:
                    end = _object_end(text, start, end, cue.verb_class == "act" or
                                      cue.text.lower().endswith(_DEMAND_ENDINGS))
            if start is None and cue.text.lower().startswith("ask") and j + 2 < b and \
                    toks[j].lower in ("if", "whether") and not toks[j + 1].in_quote:
                start, end = toks[j + 1].start, sent_end  # "asked if the report was true"
                how = f"'{cue.text} {toks[j].text}' followed by the question"
            if start is None and (cue.text.lower() in _FINDING_VERBS or
                                  cue.text.lower() in _FINDS) and \
                    _clause_follows(idx, j, b, past=cue.text.lower() in _FINDS):
                # "The judge accepted the broadcaster did not intend …": a finding, when a
                # clause (a subject and its verb) follows; not "accepted the offer".
                start, end = toks[j].start, sent_end
                how = f"'{cue.text}' followed by a clause"
        if start is None and cue.first_tok > a and _ends_clause(idx, cue, b) and \
                not ends_with_colon:
            # "CLAIM, says Blinken." / "The truce is working, Blinken said on Friday."
            after = cue.last_tok
            while after < b and toks[after].lower in _TIME_WORDS and \
                    "," not in _gap(text, toks, after):
                after += 1
            if _set_off(idx, cue, a) and toks[cue.first_tok].start > prev_floor and \
                    not cue.speaker_after and after < b and "," in _gap(text, toks, after) and \
                    _continues_after(idx, after, b):
                # "In between, she testified, she was attacked by …": an attribution set
                # off inside the sentence reports the whole sentence.
                start, end = prev_floor, sent_end
                floor = sent_end
                how = f"the sentence around ', {cue.text},'"
                whole = True
            elif _set_off(idx, cue, a) and toks[cue.first_tok].start > prev_floor and \
                    not _QUOTE_NEXT.match(text, toks[cue.last_tok - 1].end):
                # (not "After that meeting on 9 May, she said, “Peter …”": what she said
                # is the quotation after the attribution, not the words before it)
                start, end = prev_floor, toks[cue.first_tok].start
                floor = toks[cue.last_tok - 1].end
                end = _attribution_start(idx, start, end, in_sent)
                how = f"the claim comes before ', {cue.text}'"
                postposed = True
        if start is not None and not postposed and not whole and cond_end > a and \
                cue.first_tok == cond_end and not cue.speaker_after:
            # "If wardens believe they see a fire, Brody said they will take steps":
            # the condition belongs to the claim, so the attribution sits inside the
            # reported sentence and the whole sentence is the span.
            start, end = sent.start, sent_end
            how = f"the sentence around '{cue.text}' after its condition"
            whole = True
        if start is None or end is None:
            continue
        if not cue.speaker_after and cue.speaker.chunk_tok_start > cue.tok >= a and \
                toks[cue.speaker.chunk_tok_start - 1].end > start:
            # "Criticising the report, the minister said …": the opening participle's
            # object ends at the comma before its speaker.
            end = min(end, toks[cue.speaker.chunk_tok_start - 1].end)
        if postposed:
            lead = _LEAD_IN.match(text, start, end)
            if lead:
                start = lead.end()
        if start is not None and end is not None and shape == "that":
            # "over Ana Ruiz's comments that Norvik overcharges its customers, Norvik said
            # Ruiz …": a new subject after a comma, with a speech verb of its own and
            # content after it, starts another report; the that-clause ends before it.
            # (not after an opening subordinate clause: "noted that while Z, W have said
            # Y" is one claim around W's report)
            first = bisect.bisect_left(idx.tok_starts, start)
            later = cues[k_cue + 1:k_cue + 6]  # (a few: one pass stays linear)
            for c in later if first < b and toks[first].lower not in _SUBORDINATORS else ():
                if c.tok > cue.tok and not c.speaker_after and \
                        c.speaker.span.start > start and c.speaker.span.end < end and \
                        "," in _gap(text, toks, c.speaker.chunk_tok_start) and \
                        c.tok_end < b and not _ends_clause(idx, c, b) and \
                        c.tok - c.speaker.tok_end <= 2 and \
                        "," not in text[c.speaker.span.end:c.span.start]:
                    # (not a name set off after its role: "one of its leaders, Pablo
                    # Ferro, urged …")
                    end = toks[c.speaker.chunk_tok_start - 1].end
                    break
        pieces = [(start, end)]
        if not postposed and not whole:
            pieces = []
            # "Varga said Brody can do whatever he wants, and that there is nothing
            # Hale can do": a bare claim after a verb of saying, then ", and that" and a
            # second claim, is two claims as after "said that".
            split = shape == "that" or (
                shape in ("told", "said") and cue.verb_class in ("say", "tell")
                and ((verb := cue.text.split()[0].lower()) in _CLAUSE_VERBS or
                     verb in _SAY_TELL))
            for p0, p1 in _that_clauses(idx, start, end, split):
                cut = _cut_at_next_cue(idx, p0, p1)
                if cut < p1 and shape == "said" and \
                        cue.verb_class == "act" and \
                        cue.text.split()[0].lower() not in _CLAUSE_VERBS:
                    # "who described the rule as undemocratic on Sunday, prompting …":
                    # the object cut at the next clause still leaves out when it was said.
                    cut = _object_end(text, p0, cut, True)
                pieces.append((p0, cut))
                if cut < p1:
                    break  # the content stopped before the next "and that"
        first = cue.text.split()[0].lower()
        object_verb = first in _DIRECT_VERBS and first not in _CLAUSE_VERBS and not postposed
        who = _speaker_name(cue.speaker)
        said_by = who or f"'{cue.speaker.text}' (the article does not say who that is)"
        for start, end in pieces:
            after_act = _AFTER_THE_ACT.search(text, start, end)
            if after_act is not None and not postposed and not whole:
                end = after_act.start()  # "said he was sorry, then thanked his family"
            s, e = _trim(text, start, end)
            words = text[s:e].split()
            if e - s < 8 or len(words) < 2 or (len(words) == 2 and not _gerund(words[0]) and
                                                not object_verb):
                continue  # "denied losing one", "announced the decision": short claims
            # Content that is (or opens with) a quotation is a direct quote, not a
            # paraphrase.
            if any(_trim(text, q.open, q.close + 1) == (s, e) or
                   (q.open <= s and q.close + 1 >= e) or s in (q.open, q.start)
                   for q in in_sent):
                continue
            # "called the deal 'null and void'", "dismissed the remarks as 'groundless'":
            # the quoted words are the point, not a claim ("urged them to step back from
            # 'illegal action'" and "accusing 'foreign elements' of …" stay claims).
            if cue.verb_class == "act" and any(
                    s <= q.open < e and (cue.text.lower() in _NAMING_VERBS or
                                         _AS_BEFORE.search(text, max(s, q.open - 4), q.open))
                    for q in in_sent):
                continue
            # "wrote to both schools requesting that they …": the nearer cue governs
            # a that-clause two cues share.
            if out and out[-1].span == Span(s, e):
                out.pop()
            out.append(Quote(Span(s, e), "paraphrase", who, cue.speaker.span, cue.text,
                             cue.span, f"Reported speech without quotation marks ({how}): "
                             f"the reporter's words for what {said_by} said."))
    return out


def _that_clauses(idx: sourcing.TextIndex, start: int, end: int,
                  after_that: bool) -> list[tuple[int, int]]:
    """A that-clause followed by ``, and that …`` reports two claims: ``reported that X had
    created a group, and that two of the advisers were members of other parties`` gives
    one span for each, without the ``and that``. Without the comma (``was 'producing
    results' and that the truce should continue``) the two stay one claim."""
    if not after_that:
        return [(start, end)]
    toks = idx.tokens
    text = idx.article.text
    a, b = idx.token_range(start, end)
    out: list[tuple[int, int]] = []
    s = start
    cuts: list[tuple[int, int]] = []  # (the token that ends a claim, the token "that")
    for j in range(a + 1, b - 2):
        if toks[j].lower == "and" and toks[j + 1].lower == "that" and toks[j + 1].joined and \
                not toks[j].in_quote and not toks[j + 1].in_quote and \
                toks[j + 2].lower not in _NOUN_FOLLOWERS and "," in _gap(text, toks, j) and \
                not _gap_has(text, toks, j, ".;:"):
            cuts.append((j - 1, j + 1))
    if cuts:
        # "said that the claim was untrue, that Pellow was not on holiday, and that she
        # did talk to Jones": a series of that-clauses ending in ", and that" is one claim
        # each; the commas before the earlier "that"s part them too.
        for j in range(a + 1, cuts[-1][0]):
            if toks[j].lower == "that" and not toks[j].in_quote and \
                    _gap(text, toks, j).strip() == "," and \
                    toks[j + 1].lower not in _NOUN_FOLLOWERS:
                cuts.append((j - 1, j))
        cuts.sort()
    for last, that in cuts:
        out.append((s, toks[last].end))
        s = toks[that].end
    out.append((s, end))
    return out


#: Participles by which the reporter tells what a statement led to, or followed.
#: Verbs by which a source puts out a document ("released a statement").
_ISSUE_VERBS = frozenset("released releases issued issues published publishes".split())
_SUBORDINATORS = frozenset(
    "while although though as if when because since after before unless whereas once".split())
_REACTIONS = frozenset("prompting sparking triggering drawing provoking following".split())

_QUOTE_NEXT = re.compile(r"\s*[,:]\s*[\"“‘']")

_CONDITIONS = frozenset({"if", "unless"})


def _conditional_end(idx: sourcing.TextIndex, a: int, b: int) -> int:
    """The token after the comma that closes an opening condition (``If wardens believe
    they see a fire, | Brody said …``); ``a`` when the sentence opens otherwise."""
    toks = idx.tokens
    if a >= b or toks[a].lower not in _CONDITIONS or toks[a].in_quote:
        return a
    text = idx.article.text
    for j in range(a + 2, min(b, a + 30)):
        gap = _gap(text, toks, j)
        if any(ch in gap for ch in ".;:\"“”"):
            return a
        if "," in gap:
            return j
    return a


#: Verbs that name what they quote ("called the deal 'null and void'").
_NAMING_VERBS = frozenset(
    """call calls called calling describe describes described describing brand brands
    branded branding dub dubs dubbed dubbing term terms termed terming label labels
    labelled labeled labelling labeling name names named naming""".split()
)
_AS_BEFORE = re.compile(r"\bas\s*$", re.IGNORECASE)


#: Speech verbs whose content can be an infinitive: "claimed to be looking for a leak",
#: "pledges to act against smugglers".
_TO_VERBS = frozenset(
    """claim claims claimed vow vows vowed pledge pledges pledged promise promises
    promised""".split()
)
def _to_verb(idx: sourcing.TextIndex, cue: Cue, a: int) -> bool:
    """``claimed to be seeking a bomb``, ``but pledges to act``: an infinitive is the
    content of a verb of claiming or promising; ``spending pledges to journalists`` is a
    noun (a present-tense form must follow its subject, an adverb or ``and``/``but``)."""
    verb = cue.text.lower()
    if verb not in _TO_VERBS or cue.speaker_after:
        return False
    if verb.endswith("ed"):
        return True
    toks = idx.tokens
    prev = toks[cue.tok - 1] if cue.tok > a else None
    # "Korolenko, who claims to have been followed": a relative pronoun is a subject.
    return prev is not None and (prev.lower in ("and", "but", "who") or prev.lower in _BETWEEN or
                                 idx.mention_ending.get(cue.tok - 1) is not None)


_DASH_ASIDE = re.compile(r"\s+(?:—|–|--|-)\s+")
_OBJECT_STOP = re.compile(
    r",?\s+(?:amid|when|while|whereas|claiming|saying|arguing|insisting|alleging|stating)\s|"
    r",\s+which\s|\s+(?:before|after)\s+[a-z]+ing\s|\s+after\s", re.IGNORECASE)
#: When it was said, closing an object: "on Monday", "last week", "Friday night"; not a
#: bare "week" that belongs to the claim ("… is not repaid within a week").
#: "… when she had not", "… when it was not": the reporter's contrast with the facts.
_CONTRARY_WHEN = re.compile(
    r",?\s+when\s+(?:he|she|they|it|we|i|you)\s+(?:had|has|have|was|were|did|does|do|is|"
    r"are|could|would)(?:\s+not\b|n't\b)[^,;:]{0,40}?(?=[,;:.]|$)", re.IGNORECASE)
_ASKS = re.compile(r"(?:why|how|whether|if|what)\s", re.IGNORECASE)
_TRAILING_WHEN = re.compile(
    r"\s+(?:(?:on\s+|last\s+|this\s+|that\s+|early\s+|late\s+)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)|"
    r"(?:last|this|that|early|late|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday)\s+(?:night|morning|afternoon|evening|week|month|year))[\s.!?]*$",
    re.IGNORECASE)
_TRAILING_MEDIUM = re.compile(
    r"\s+(?:in|on|at)\s+(?:its|a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?:" +
    "|".join(sorted(_MEDIUM_NOUNS | {"alert", "notice", "advisory", "update"})) +
    r")[\s.!?]*$", re.IGNORECASE)


def _object_end(text: str, start: int, end: int, act: bool = False) -> int:
    """The end of what a verb like *reported* or *advised* takes as its object: ``reported a
    $123 million loss Thursday — disappointing analysts``: the object stops at a dash and
    leaves out when and where it was said (``… in its security alert``)."""
    m = _DASH_ASIDE.search(text, start, end)
    if m:
        end = m.start()
    m = _OBJECT_STOP.search(text, start, end) if act else None
    if m and _CONTRARY_WHEN.match(text, m.start()) and _ASKS.match(text, start):
        m = None  # "asked why she had said X when she had not": all one question
    if m and len(text[start:m.start()].split()) >= 2:
        # "called for change at the town hall amid what he called …", "accused the board
        # of being liars when about 12 speakers were on its side", "urged the board not to
        # agree to the clause, which would …": the reporter's setting; "called for his
        # resignation claiming he is not the right person": the next claim; "demanded his
        # resignation before asking protesters to leave": the speaker's next act;
        # "threaten sanctions on Norland after disputed vote": the occasion.
        end = m.start()
    for _ in range(2):
        m = _TRAILING_MEDIUM.search(text, start, end) or _TRAILING_WHEN.search(
            text, start, end)
        if m is None or len(text[start:m.start()].split()) < 2:
            break
        end = m.start()
    return end


def _gerund(word: str) -> bool:
    w = word.lower()
    return w.endswith("ing") and len(w) > 5 and w not in _NOT_PARTICIPLE


#: Speech-act verbs whose next noun is their object, not an inverted subject: in "The
#: opposition accused ministers of 'spin'" the ministers are accused, not speaking.
_OBJECT_VERBS = frozenset(
    """accused accusing accuses blamed blaming blames called calling calls thanked thanking
    thanks urged urging urges urge described describing describes cited citing cites labelled
    labeled branded dubbed termed questioned questioning advised advises advising advise
    defended defends justified justifies criticised criticized condemned praised accuse
    question instruct instructs instructed instructing rue rues rued lambasted lambasts
    blasted blasts raps rapped""".split()
)

_MODIFIER_STARTS = frozenset("in of at from for with who whose which".split())
_MEDIA_NOUNS = frozenset(
    """programme program show newspaper paper radio television channel website podcast
    broadcaster station agency magazine""".split()
)
_QUESTION_WORDS = frozenset("whether if about what why how when who which".split())
#: The auxiliaries and forms of "be", "have" and "do" that make a clause finite.
_AUX = sourcing.FINITE_AUX
#: Words that make the noun after a verb the subject of a new clause ("said negotiators
#: were …"), so it is not an inverted speaker.
_CLAUSE_AUX = _AUX | {"remain", "remained"}

#: Cues that start a claim of their own inside another one: "Korvo.net reported its source
#: said that …" reports what the source said.
#: Connectives a reporter sets off by commas right after "said" ("Varga said, however, …").
_ASIDES = frozenset("however though meanwhile moreover nevertheless also".split())
_OBJECT_PRONOUNS = frozenset("him her them me us".split())
_NESTING_CUES = frozenset(
    """said says say claimed claims told admitted admits argued argues insisted insists
    alleged alleges reported reports warned warns stated states added adds described
    ascribed""".split()
)
_CONCESSIVE = frozenset({"despite", "although", "though", "whereas"})
_NOT_PARTICIPLE = frozenset("including during bring thing nothing something anything king".split())

_ADDRESSEES = frozenset(
    """reporters journalists press lawmakers parliament mps senators supporters crowds
    parliamentarians delegates students soldiers troops them him her us""".split()
)
_OPENS_QUOTE = re.compile(r"\s*[\"“‘'(:,]")
_ACCORDING_SKIP = frozenset(
    """a an the data figures figure report reports statement statistics from by of estimates
    numbers new latest official preliminary""".split()
)
_ATTRIBUTION_LEAD = frozenset(
    "the a an those these this that its his her their both other".split()
)

#: "As of Sunday, …", "On Thursday, …": a short lead-in before the reported claim ("At
#: least nine people died, …" is the claim itself).
_LEAD_IN = re.compile(
    r"\s*(?!at (?:least|most)\b)(?:as of|on|in|at|by|after|before|since|during|last|this|"
    r"earlier|later|meanwhile|"
    r"however|so far|until|overnight|speaking|writing|addressing|responding|commenting|"
    r"asked|interviewed|appearing)\b[^,.;:\"“”]{0,60},\s*",
    re.IGNORECASE,
)


#: Verbs whose cue includes the small word after them.
_PARTICLE_VERBS: dict[str, tuple[str, ...]] = {
    "called": ("on", "for"), "calling": ("on", "for"), "calls": ("on", "for"),
    "call": ("on", "for"), "cautioned": ("against",), "warned": ("against",),
    "pointed": ("out",), "points": ("out",), "went": ("on",), "appealed": ("for", "to"),
    "demanding": ("for",), "demanded": ("for",),
}

#: Speech verbs that can take what was said straight after them, with no "that".
_CLAUSE_VERBS = frozenset(
    """say says said saying add adds added adding claim claims claimed argue argues argued
    insist insists insisted warn warns warned note notes noted state states stated write
    writes wrote believe believes believed think thinks thought estimate estimates
    estimated predict predicts predicted suggest suggests suggested acknowledge
    acknowledged concede conceded confirm confirms confirmed recommend recommended
    recommends indicate indicates indicated promise promises promised deny denies denied
    vow vows vowed pledge pledges pledged believe believes believed think thinks hope
    hopes hoped allege alleges alleged alleging promising heard hears""".split()
)


_DIRECT_VERBS = frozenset(
    """announced announces announce questioned questions proposed proposes testified
    reported reports report urged urges urging advised advises asked asks blamed blames
    accused accuses accusing recommended recommends called calls calling claiming
    cautioned warning denounce denounces denounced denouncing dismiss dismisses dismissed
    dismissing reject rejects rejected rejecting hail hails hailed hailing praise praises
    praised praising criticise criticises criticised criticising criticize criticizes
    criticized criticizing condemn condemns condemned condemning slam slams slammed slamming
    decry decries decried decrying highlighting highlighted highlights invited invites
    inviting demanded demanding demands welcome welcomes welcomed welcoming rue rues rued
    accuse question instruct instructs instructed instructing reaffirm reaffirms reaffirmed
    reaffirming express expresses expressed expressing voice voices voiced threaten
    threatens threatened threatening echo echoes echoed echoing regret regrets regretted
    regretting dispute disputes disputed disputing lambast lambasts lambasted lambasting
    blast blasts blasted blasting raps rapped raise raises raised raising""".split()
)
_DIRECT_PHRASES = frozenset({"called for", "calling for", "calls for", "called on",
                             "calling on", "calls on", "cautioned against", "warned against",
                             # the phrases of _PHRASE_ONLY that take an object, not "that"
                             *(f"{verb} {' '.join(phrase)}"
                               for verb, phrases in _PHRASE_ONLY.items()
                               for phrase in phrases if phrase[-1] != "that")})


#: Verbs of a finding that take a clause without "that" only when one clearly follows.
#: "Lund admitted this course of action is being taken …", "she explained the
#: plan would …" report a claim; "admitted the charges", "explained the rules" do not.
#: A document's finding: "the report found (that) …" (only after a document; "concluded"
#: is a speech verb of its own). A conclusion takes a clause the same way: "the review
#: concluded the scheme failed" (not "concluded the talks").
_FINDS = frozenset("found finds concluded concludes".split())
_FINDING_VERBS = frozenset(
    """accepted accepts admit admits admitted explain explains explained clarified
    clarifies""".split())
#: Signs of a finite verb after a subject: "the broadcaster did not", "RTÉ took".
_FINITE = _AUX | frozenset(
    """took made gave knew went came kept left held brought paid ran sent won lost became saw
    thought told felt meant""".split()
)


_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})


def _clause_follows(idx: sourcing.TextIndex, j: int, b: int, past: bool = False) -> bool:
    """Whether tokens from ``j`` read as a subject and its verb: a name or a noun phrase of
    at most four words, then a finite verb (``RTÉ took``, ``the broadcaster did not``;
    with ``past``, any verb in ``-ed``: ``the asylum service archived``)."""
    toks = idx.tokens
    if j >= b or toks[j].in_quote or not toks[j].joined:
        return False
    for k in range(j + 1, min(b, j + 7)):
        if not toks[k].joined or toks[k].in_quote:
            return False
        if (toks[k].lower in _FINITE or (past and toks[k].lower.endswith("ed"))) and \
                toks[k - 1].lower not in _NOT_VERB_BEFORE:
            return True
        if (toks[k].lower in _PREPOSITIONS and toks[k].lower != "of") or \
                toks[k].lower in _FINDING_VERBS or toks[k].lower in _RELATIVES:
            # ("this course of action is …": "of" stays inside the subject)
            return False
    return False


def _takes_content(cue: Cue) -> bool:
    """Whether what follows the cue, without "that", is what was said: ``said the truce
    held``, ``urged Israel to …``; not ``announced the decision`` or ``declared a state of
    emergency`` (things done, not claims)."""
    verb = cue.text.lower()
    if cue.verb_class == "tell":
        return False
    first = verb.split()[0]
    return first in _CLAUSE_VERBS or first in _DIRECT_VERBS or verb in _DIRECT_PHRASES or \
        verb.endswith(_DEMAND_ENDINGS)


#: "reiterated their demand for X", "renewed its call for X", "demanding for X": a
#: demand put into words, whose object is the paraphrase, as with "called for X".
_DEMAND_ENDINGS = (" demand for", " demands for", " call for", " calls for", "demanding for",
                   "demanded for")


_DESCRIBE = frozenset("describe describes described describing".split())


def _described_as(idx: sourcing.TextIndex, cue: Cue, j: int, b: int) -> bool:
    """``described Varga's rule as undemocratic``: a judgement put into words, when
    ``as`` follows the object within a few words (not ``described the scene``)."""
    if cue.text.lower() not in _DESCRIBE:
        return False
    toks = idx.tokens
    for k in range(j + 1, min(b, j + 8)):
        if toks[k].in_quote or not toks[k].joined:
            return False
        if toks[k].lower == "as":
            return k + 1 < b and not toks[k + 1].in_quote
    return False


def _cut_at_next_cue(idx: sourcing.TextIndex, start: int, end: int) -> int:
    """Reported content stops where a new speech verb joins on: ``…, and mentioned``."""
    text = idx.article.text
    toks = idx.tokens
    verbs = sourcing.lexicon().verbs
    a, b = idx.token_range(start, end)
    for j in range(a + 1, b):
        t = toks[j]
        gap = _gap(text, toks, j)
        if ":" in gap:
            return toks[j - 1].end  # "… part of the solution: "What will stop the outbreak …""
        if t.in_quote:
            continue
        if t.lower == "but" and j + 1 < b and toks[j + 1].lower == "not" and \
                "," in gap and not any(
                    "," in _gap(text, toks, x) or toks[x].lower in verbs
                    for x in range(j + 2, b)):
            # "he would go to Vienna to talk with Hale, but not with Brody": a
            # contrast without a verb of its own finishes the claim, it starts nothing new.
            continue
        if t.lower == "despite" and "," not in gap and \
                any(toks[x].lower in _FINITE for x in range(a, j)) and \
                not any(toks[x].lower in verbs for x in range(j + 1, b)):
            # "its proposals will mean a pay cut despite an 11% rise": without a comma the
            # phrase belongs to the claim's own verb (", despite …" may be the reporter's;
            # so may "criticised the price hike despite …", where the claim has no verb,
            # and "… despite Korvo.net claiming …", another report).
            continue
        if t.lower == "even" and j + 1 < b and toks[j + 1].lower == "as" and \
                "," in gap:
            # "they are drafting the bill, even as they have no deal with Democrats": the
            # reporter's contrast, not the claim.
            return toks[j - 1].end
        if ";" in gap or t.lower in _CONCESSIVE or (
                t.lower in ("but", "while") and "," in gap):
            return toks[j - 1].end
        if t.lower in ("per", "according", "meaning", "pointing", "citing") or (
                t.lower.endswith("ing") and t.lower not in _NOT_PARTICIPLE and (
                    t.lower in verbs or t.lower in _REACTIONS)):
            # ", adding …", ", prompting …": the speaker's next act or the reporter's note
            # on what followed. Another participle goes on with the claim ("had secretly
            # created a group, bypassing the usual processes").
            if "," in gap:
                return toks[j - 1].end
        closed = next((x for x in range(j + 1, b) if "," in _gap(text, toks, x)),
                      None) if t.lower == "which" and j - a <= 4 else None
        if closed is not None and \
                toks[closed].text[:1].islower() and toks[closed].lower not in _JOINING and \
                toks[closed].lower not in _NOT_CONTINUATION:
            # "He added the sanctions, which were announced ahead of the talks, cast
            # doubt on …": a relative clause set off inside the claim's subject, which
            # goes on to its verb after the second comma.
            continue
        if t.lower == "where" and "," in gap and j - a >= 4 and \
                toks[j - 1].text[:1].isupper() and \
                not any("," in _gap(text, toks, x) for x in range(j + 1, b)):
            # "his claim he was tortured in Kyiv, where he was applying for asylum": the
            # reporter's note on the place named, closing the sentence, is not the claim
            # ("soldiers to Libya, where a war is underway, goes against …" is).
            return toks[j - 1].end
        if t.lower == "which" and "," in gap and j + 1 < b and (
                any(toks[x].lower in verbs for x in range(j + 1, min(b, j + 4))) or
                any("," in _gap(text, toks, x) and toks[x].lower in ("but", "while")
                    for x in range(j + 1, b))):
            # "…, which he said would …": the reporter's addition at the end of the
            # sentence; "the wall, which was one of his promises, but Congress …": the
            # reporter's aside before the reporter's own contrast. A relative clause that
            # runs to the end ("the lake, which has remained untouched for a million
            # years") describes the claim's noun and stays in the claim.
            return toks[j - 1].end
        if t.lower in ("a", "an") and "," in gap and j + 2 < b and \
                toks[j + 1].lower in _CLAIM_NOUNS and (
                    toks[j + 2].lower.endswith("ed") or toks[j + 2].lower in (
                        "that", "which", "denied", "rejected", "disputed")):
            # "… was killed by party goons, a charge denied by the ruling party": the
            # reporter's note on the claim as a whole, not part of it.
            return toks[j - 1].end
        if t.lower == "with" and "," in gap and any(
                toks[x].lower.endswith("ing") and toks[x].lower not in verbs and
                toks[x].lower not in _REACTIONS and toks[x].lower not in _NOT_PARTICIPLE
                for x in range(j + 2, min(b, j + 5))) and not any(
                "," in _gap(text, toks, x) or toks[x].lower in verbs
                for x in range(j + 1, b)):
            # "said the best option would be a joint venture, with the government
            # remaining as the majority shareholder": a with-clause whose verb is not one
            # of speaking describes the claim's own state of affairs and stays in it
            # (not ", with the minister calling it a farce").
            continue
        if t.lower == "with" and "," in gap and j + 1 < b and (
                not any("," in _gap(text, toks, x) and toks[x].lower not in ("but", "while")
                        for x in range(j + 1, b)) or
                any(toks[x].lower in verbs for x in range(j + 1, min(b, j + 4)))):
            # "…, which he said would …" / "…, with the minister calling it …": the
            # reporter's addition to the end of the sentence, not the claim ("gas, which
            # leaks often, was the trigger" keeps its relative clause).
            return toks[j - 1].end
        if t.lower == "when" and toks[a].lower not in _QUESTION_WORDS and \
                _CONTRARY_WHEN.match(text, toks[j - 1].end) and j - a >= 3:
            # "claimed that he had paid the bill when he had not": the reporter's contrast
            # with the facts is not part of the claim.
            return toks[j - 1].end
        if t.lower in _HEAR:
            q = j - 1
            while q > a and toks[q].lower in _AUXILIARIES:
                q -= 1
            if q > a and toks[q].lower in _HEARING_BODIES:
                q -= toks[q - 1].lower in ("a", "the")
                if "," in _gap(text, toks, q):
                    # "… told police it was for fishing, a court has heard": the
                    # court's own attribution closes the sentence.
                    return toks[q - 1].end
        if (t.lower not in verbs and t.lower not in _PLEDGES) or _phrase_missing(toks, j, b):
            continue
        if (t.lower in _THAT_ONLY and not _that_next(text, toks, j, b)) or (
                t.lower in _FEELING_VERBS and not _feeling_next(text, toks, j, b)):
            continue  # "… alleging violations and requested “appropriate action.”"
        tail = _trailing_attribution(idx, j, b)
        if tail is not None:
            # "Varga has expressed grave concern over the fighting, his spokesman
            # said Friday": the object of "expressed" stops before the attribution that
            # closes the sentence.
            return toks[tail - 1].end
        new_subject = _new_subject_before(idx, a, j)
        if new_subject is not None:
            # "accused the council of being careless while Petra Lund
            # questioned …", "… was 'historic' and one of its leaders, Pablo Ferro, urged …":
            # another speaker's own claim starts with its subject.
            return toks[new_subject - 1].end
        if "," in gap:
            return toks[j - 1].end
        if toks[j - 1].lower == "and" and "," not in _gap(text, toks, j - 1) and \
                toks[a].lower in _SUBJECT_PRONOUNS and toks[a].lower != "it" and \
                toks[a + 1].lower in verbs and toks[a + 1].lower.endswith("ed") and \
                verbs[t.lower] in ("say", "tell"):
            # "told the court that she explained to the driver why he was stopped and told
            # him a ticket would be issued": the claim's own subject spoke twice; the second
            # speech verb goes on with the claim, not with the outer speaker.
            continue
        if toks[j - 1].lower in ("and", "but") and ("," in _gap(text, toks, j - 1) or
                                                     t.lower in _PLEDGES or (
                verbs[t.lower] in ("say", "act", "tell") and (
                    t.lower.endswith("ed") or t.lower in ("said", "wrote", "told")))):
            # "said the cases were unfair and vowed to go on"; "said he would stay and
            # insisted: …": the speaker's next act, not part of the claim.
            return toks[j - 2].end
    return end


def _trailing_attribution(idx: sourcing.TextIndex, v: int, b: int) -> int | None:
    """The first token of ``, his spokesman said (Friday)`` when the speech verb at ``v``
    closes the sentence after a comma and its subject; ``None`` otherwise."""
    toks = idx.tokens
    text = idx.article.text
    verbs = sourcing.lexicon().verbs
    if verbs.get(toks[v].lower) not in ("say", "tell") or not toks[v].lower.endswith(
            ("said", "says", "added", "adds", "reported", "reports", "told", "stated")):
        return None
    m = idx.mention_ending.get(v - 1)
    if not _usable(m) or "," not in _gap(text, toks, m.chunk_tok_start):  # type: ignore
        return None
    k = v + 1
    while k < b and toks[k].lower in _TIME_WORDS and "," not in _gap(text, toks, k):
        k += 1
    if k < b and toks[k].lower in _TAIL_PREPOSITIONS and "," not in _gap(text, toks, k):
        # ", he said in a letter to the court on Monday": a phrase of place, medium or
        # time that closes the sentence after the attribution (no verb, no comma in it).
        q = k + 1
        while q < b and q - k < 12 and toks[q].lower not in verbs and not toks[q].in_quote \
                and not _gap_has(text, toks, q, ",;:\"“”"):
            q += 1
        if q == b:
            k = b
    if k < b and "," not in _gap(text, toks, k):
        return None
    return m.chunk_tok_start  # type: ignore[union-attr]


#: Prepositions that open a closing phrase after ``, he said``.
_TAIL_PREPOSITIONS = frozenset("in on at during to after before from via through".split())


def _that_after_phrase(text: str, toks: Sequence[sourcing.Token], k: int, b: int) -> int | None:
    """The ``that`` closing a short phrase that starts at token ``k`` (``during a debate in
    September that``), with no punctuation on the way; ``None`` when there is none."""
    q = k + 1
    while q < b and q - k < 9 and toks[q].lower != "that" and not toks[q].in_quote and \
            not _gap_has(text, toks, q, ",.;:\"“”"):
        q += 1
    if q < b and toks[q].lower == "that" and not _gap_has(text, toks, q, ",.;:\"“”"):
        return q
    return None


_JOINING = frozenset("and while but whereas".split())


def _new_subject_before(idx: sourcing.TextIndex, a: int, v: int) -> int | None:
    """The token of ``and``/``while`` that opens a new clause whose subject (a name, a role
    or a pronoun, maybe set off with a description) says something with the verb at
    ``v``: ``while Petra Lund questioned``, ``and one of its leaders, Pablo Ferro,
    urged``."""
    toks = idx.tokens
    text = idx.article.text
    m = idx.mention_ending.get(v - 1)
    if not _usable(m):
        return None
    k = m.chunk_tok_start  # type: ignore[union-attr]
    if "," in _gap(text, toks, v):
        # an appositive name: back over ", one of its leaders," to the word before it
        if "," not in _gap(text, toks, k):
            return None
        q = k - 1
        while q > a and k - q < 8:
            if toks[q].lower in _JOINING:
                return q
            if _gap_has(text, toks, q, ",.;:\"“”"):
                return None
            q -= 1
        return None
    if k - 1 > a and toks[k - 1].lower in _JOINING and not toks[k - 1].in_quote and \
            idx.mention_ending.get(k - 2) is None:
        return k - 1  # (not "in which Norland and Ostria agreed": one subject of two names)
    if k - 1 > a and "," in _gap(text, toks, k) and not toks[k].in_quote and \
            m.kind in ("person", "name") and v + 1 < len(toks) and toks[v + 1].lower == "that" and \
            toks[v + 1].joined:  # type: ignore[union-attr]
        # "Pressed on whether he expected more closures, Mr Hale
        # stressed that …": after the comma a named person's own that-clause starts; the
        # question before it ends there.
        return k
    return None


#: Nouns for a claim as a whole, in a closing ``, a charge denied by …``.
_CLAIM_NOUNS = frozenset(
    "claim charge allegation accusation assertion contention suggestion view".split())

#: Verbs of promising that join a second act to the speaker: "… and vowed to …".
_PLEDGES = frozenset("vowed vows pledged pledges promised promises".split())


_NORM = re.compile(r"\w+")
_ECHO_MAX = 8


def _norm_words(s: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _NORM.findall(s.replace("’", "'")))
