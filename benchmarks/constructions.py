"""How many of the everyday ways news reports speech the extractor reads right.

Real articles are a poor guide to coverage: each one has a few constructions, and a rule
written for one article may never fire again. This grid crosses the common shapes of
reported speech (``X said that Y``, ``Y, X said``, ``According to X, Y`` …) with the kinds
of speaker news names (a full name, a title and a name, an unknown foreign name, a
description of a body, a possessive, a plural group, a pronoun) and with the common
reporting verbs, all in sentences written for this grid (no article text). A case passes
when ``find_quotes`` reports exactly the reported words ``Y`` as a paraphrase and gives it
to the expected speaker.

A second family adds quotations and their continuations, clauses between speaker and verb,
tenses, acts of speech with objects and speakers named earlier; a third, anonymous sources
and documents as wire copy writes them; a fourth, the discourse family, speakers named in
one sentence and picked up in a later one (by pronoun, surname, role noun or age), with or
without another person named in between or a paragraph break, crossed with five shapes of
quote and paraphrase; a fifth, the names family, fifteen shapes of personal name (unknown
given names, three-word names, particles, hyphens, accents, initials, "Jr", surname first)
crossed with twelve ways of introducing a person (offices with portfolios, courtesy titles,
descriptions before and after the name, age), each read when introduced, when named again
by the short form, and as the speaker of a quotation.

Usage: ``python benchmarks/constructions.py [--failures] [--write-gaps]``: prints the share
of cases read right, by construction, speaker and verb; ``--failures`` lists the cases that
fail; ``--write-gaps`` records their ids in ``tests/data/construction_gaps.txt``, which
``tests/test_constructions.py`` holds the extractor to (a case that starts failing, or a
gap that closes without the list being updated, fails the test).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medialit.article import Article  # noqa: E402
from medialit.attribution import find_quotes  # noqa: E402

GAPS = ROOT / "tests" / "data" / "construction_gaps.txt"
CONTENT = "the plan would cut costs for families"
CONTENT_CAP = "The plan would cut costs for families"
CONTEXT = "Ministers met in the capital on Monday."


@dataclass(frozen=True)
class Speaker:
    label: str
    text: str  # as written at the start of a sentence
    expect: tuple[str, ...]  # the names the extractor may give (compared without case)
    lead: str = ""  # a sentence before, for pronouns


SPEAKERS = [
    Speaker("full name", "John Smith", ("John Smith",)),
    Speaker("foreign name", "Loizos Hadjivasiliou", ("Loizos Hadjivasiliou",)),
    Speaker("title and name", "Foreign Minister Jane Doe", ("Jane Doe",)),
    Speaker("possessive title and name", "Ukraine's ombudsman Dmytro Lubinets",
            ("Dmytro Lubinets",)),
    Speaker("long office and name", "State Chief Electoral Officer Aariz Aftab",
            ("Aariz Aftab",)),
    Speaker("name, role,", "Maria Lopez, a spokeswoman for the ministry,", ("Maria Lopez",)),
    Speaker("organisation", "The New York Times", ("New York Times",)),
    Speaker("body described", "The country's disaster management agency",
            ("country's disaster management agency", "disaster management agency")),
    Speaker("possessive body", "Indonesia's disaster agency",
            ("Indonesia's disaster agency", "disaster agency")),
    Speaker("plural group", "The monitors", ("monitors",)),
    Speaker("group with adjective", "Humanitarian monitors", ("humanitarian monitors",)),
    Speaker("officials of a body", "NASA officials", ("NASA officials",)),
    Speaker("pronoun", "He", ("Tom Baker",), lead="Tom Baker visited the site on Monday."),
    Speaker("pronoun (she)", "She", ("Ana Silva",), lead="Ana Silva visited the site on Monday."),
]


#: Sentence-initial words of the speakers that are common words, written in lower case
#: inside a sentence ("according to the monitors", "…, state Chief Electoral Officer …");
#: names keep their capital ("according to John Smith", "Ukraine's ombudsman").
_COMMON_FIRST = frozenset({"The", "State", "Humanitarian"})


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s.split()[0] in _COMMON_FIRST else s


# Each construction: a template with {X} (speaker as at a sentence start), {x} (speaker
# inside a sentence) and the content.
CONSTRUCTIONS = {
    "X said that Y": "{X} said that {y}.",
    "X said Y": "{X} said {y}.",
    "X said on Monday that Y": "{X} said on Monday that {y}.",
    "X told reporters that Y": "{X} told reporters that {y}.",
    "X said in a statement that Y": "{X} said in a statement that {y}.",
    "Y, X said": "{Y}, {x} said.",
    "Y, X said on Monday": "{Y}, {x} said on Monday.",
    "Y, X said in a statement": "{Y}, {x} said in a statement.",
    "Y, X told reporters": "{Y}, {x} told reporters.",
    "Y, X told a news agency on Monday": "{Y}, {x} told a news agency on Monday.",
    "Y, said X": "{Y}, said {x}.",
    "Y, said X after the talks": "{Y}, said {x} after the talks.",
    "According to X, Y": "According to {x}, {y}.",
    "Y, according to X": "{Y}, according to {x}.",
}

# Reporting verbs in "X <verb> that Y" (past tense), and the ones that also take a clause
# with no "that" ("X admitted the plan would …").
VERBS_THAT = """said added admitted acknowledged alleged announced argued asserted claimed
clarified concluded conceded confirmed contended declared denied disclosed emphasised
emphasized estimated explained hinted indicated insisted maintained mentioned noted
observed predicted recalled remarked replied reported revealed stated stressed suggested
testified warned wrote reiterated reaffirmed underlined affirmed countered""".split()
VERBS_BARE = "said added admitted claimed insisted argued warned believed explained".split()


@dataclass
class Case:
    group: str  # construction / verb
    speaker: str
    text: str
    expect_span: str
    expect_speakers: tuple[str, ...]
    kind: str = "paraphrase"

    @property
    def id(self) -> str:
        return f"{self.group} | {self.speaker}"


def cases() -> list[Case]:
    out: list[Case] = []
    for name, template in CONSTRUCTIONS.items():
        for sp in SPEAKERS:
            if sp.label.startswith("pronoun") and name.startswith(("Y, said", "According")):
                continue  # "said he" and "according to him" are rare shapes
            x = _lower_first(sp.text) if not template.startswith("{X}") else sp.text
            if sp.label.startswith("pronoun"):
                x = sp.text if template.startswith("{X}") else sp.text.lower()
            sentence = template.format(X=sp.text, x=x, y=CONTENT, Y=CONTENT_CAP)
            sentence = sentence.replace(",,", ",").replace(",.", ".")
            span = CONTENT_CAP if template.startswith("{Y}") else CONTENT
            text = " ".join(p for p in (CONTEXT, sp.lead, sentence) if p)
            out.append(Case(name, sp.label, text, span, sp.expect))
    for verb in VERBS_THAT:
        text = f"{CONTEXT} John Smith {verb} that {CONTENT}."
        out.append(Case(f"verb: X {verb} that Y", "full name", text, CONTENT, ("John Smith",)))
    for verb in VERBS_BARE:
        text = f"{CONTEXT} John Smith {verb} {CONTENT}."
        out.append(Case(f"verb: X {verb} Y", "full name", text, CONTENT, ("John Smith",)))
    for group, speaker, sentence, span, expect in SHAPES:
        out.append(Case(f"shape: {group}", speaker, f"{CONTEXT} {sentence}", span, expect))
    return out


_WHILE = "while the army has confirmed the figures, the families have said " + CONTENT
#: Shapes seen in real articles, one case each: (group, speaker kind, sentence, span,
#: speakers accepted).
SHAPES = [
    ("Y, <lower-case title> X said", "long office and name",
     f"{CONTENT_CAP}, state Chief Electoral officer Aariz Aftab said.", CONTENT_CAP,
     ("Aariz Aftab",)),
    ("According to a report in X Y (no comma)", "organisation",
     f"According to a report in The New York Times {CONTENT}.", CONTENT, ("New York Times",)),
    ("X admitted Y (no that; subject with of)", "full name",
     "John Smith admitted this course of action would cut costs for families.",
     "this course of action would cut costs for families", ("John Smith",)),
    ("X noted that while Z, W have said Y (outer)", "organisation",
     f"The New York Times noted that {_WHILE}.", _WHILE, ("New York Times",)),
    ("X noted that while Z, W have said Y (inner)", "plural group",
     f"The New York Times noted that {_WHILE}.", CONTENT, ("families",)),
]


# The second family: quotations, continuations, clauses between speaker and verb, tenses,
# acts of speech with objects, and speakers named earlier. Each entry: the text (with {X}
# or {x} for the speaker, written as at a sentence start or inside one) and the quotes
# expected in it as (suffix of the case id, span, kind).
C1, C2 = CONTENT_CAP, "It would also create jobs in the north"
SPEAKERS2 = [s for s in SPEAKERS if s.label in ("full name", "title and name", "pronoun")] + [
    Speaker("body", "The ministry", ("ministry",)),
    Speaker("group", "Local residents", ("local residents", "residents")),
]
MORE: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    '"Y," X said': (f'"{C1}," {{x}} said.', [("", C1 + ",", "direct")]),
    '"Y," said X': (f'"{C1}," said {{x}}.', [("", C1 + ",", "direct")]),
    'X said: "Y."': (f'{{X}} said: "{C1}."', [("", C1 + ".", "direct")]),
    '"Y1," X said. "Y2."': (f'"{C1}," {{x}} said. "{C2}."',
                            [(" (first)", C1 + ",", "direct"), (" (second)", C2 + ".", "direct")]),
    '"Y1," X said, "Y2."': (f'"{C1}," {{x}} said, "{C2[0].lower() + C2[1:]}."',
                            [(" (first)", C1 + ",", "direct"),
                             (" (second)", C2[0].lower() + C2[1:] + ".", "direct")]),
    '"Y," X said in a statement': (f'"{C1}," {{x}} said in a statement.',
                                   [("", C1 + ",", "direct")]),
    "X, who ..., said Y": (f"{{X}}, who has led the talks since May, said {CONTENT}.",
                           [("", CONTENT, "paraphrase")]),
    "X, speaking to reporters, said Y": (
        f"{{X}}, speaking to reporters on Monday, said {CONTENT}.", [("", CONTENT, "paraphrase")]),
    "In a statement, X said Y": (f"In a statement, {{x}} said {CONTENT}.",
                                 [("", CONTENT, "paraphrase")]),
    "X told the BBC that Y": (f"{{X}} told the BBC that {CONTENT}.",
                              [("", CONTENT, "paraphrase")]),
    "X said in an interview with the BBC that Y": (
        f"{{X}} said in an interview with the BBC that {CONTENT}.",
        [("", CONTENT, "paraphrase")]),
    "X was quoted as saying Y": (f"{{X}} was quoted as saying {CONTENT}.",
                                 [("", CONTENT, "paraphrase")]),
    "X has said Y": (f"{{X}} has said {CONTENT}.", [("", CONTENT, "paraphrase")]),
    "X says Y": (f"{{X}} says {CONTENT}.", [("", CONTENT, "paraphrase")]),
    "Y, X wrote on social media": (f"{C1}, {{x}} wrote on social media.",
                                   [("", C1, "paraphrase")]),
    "Y, X said, adding that Z": (f"{C1}, {{x}} said, adding that it would also create jobs.",
                                 [(" (first)", C1, "paraphrase"),
                                  (" (second)", "it would also create jobs", "paraphrase")]),
    "X called for Z": ("{X} called for a ban on new coal mines.",
                       [("", "a ban on new coal mines", "paraphrase")]),
    "X urged Z to W": ("{X} urged the government to ban new coal mines.",
                       [("", "the government to ban new coal mines", "paraphrase")]),
    "X accused Z of W": ("{X} accused the government of hiding the costs.",
                         [("", "the government of hiding the costs", "paraphrase")]),
    "X denied that Y": (f"{{X}} denied that {CONTENT}.", [("", CONTENT, "paraphrase")]),
    "X warned that Y": (f"{{X}} warned that {CONTENT}.", [("", CONTENT, "paraphrase")]),
}
#: Speakers named earlier and picked up again: (group, text, span, kind, speakers).
LATER = [
    ('"Y," he said (next paragraph)',
     f'John Smith spoke on Monday.\n\n"{C1}," he said.', C1 + ",", "direct", ("John Smith",)),
    ("the minister said Y (role named before)",
     f"Foreign Minister Jane Doe spoke on Monday. The minister said {CONTENT}.", CONTENT,
     "paraphrase", ("Jane Doe",)),
    ("Smith said Y (surname after the full name)",
     f"John Smith spoke on Monday. Smith said {CONTENT}.", CONTENT, "paraphrase",
     ("John Smith",)),
    ("she said Y (after another person)",
     f"Ana Silva met John Smith on Monday. She said {CONTENT}.", CONTENT, "paraphrase",
     ("Ana Silva",)),
    ("the spokeswoman said Y (named with her role)",
     f"Maria Lopez, a spokeswoman for the ministry, spoke on Monday. The spokeswoman said "
     f"{CONTENT}.", CONTENT, "paraphrase", ("Maria Lopez",)),
    ('"Y2." (a quotation continuing the speaker\'s)',
     f'"{C1}," John Smith said.\n\n"{C2}."', C2 + ".", "direct", ("John Smith",)),
]


#: The third family: anonymous sources and documents, as wire copy writes them: (group,
#: sentence, span, kind, speakers accepted).
SOURCES_AND_DOCUMENTS = [
    ("officials said Y", f"Officials said {CONTENT}.", CONTENT, "paraphrase", ("officials",)),
    ("Y, sources said", f"{C1}, sources said.", C1, "paraphrase", ("sources",)),
    ("a source close to X said Y", f"A source close to the ministry said {CONTENT}.", CONTENT,
     "paraphrase", ("source close to the ministry", "a source close to the ministry")),
    ("Y, a senior official said on condition of anonymity",
     f"{C1}, a senior official said on condition of anonymity.", C1, "paraphrase",
     ("senior official", "a senior official")),
    ("X, speaking on condition of anonymity, said Y",
     f"Two officials, speaking on condition of anonymity, said {CONTENT}.", CONTENT,
     "paraphrase", ("two officials", "officials")),
    ("Y, officials told a news agency", f"{C1}, officials told a news agency.", C1,
     "paraphrase", ("officials",)),
    ("the report found that Y", f"The report found that {CONTENT}.", CONTENT, "paraphrase",
     ("report",)),
    ("the investigation found that Y", f"The investigation found that {CONTENT}.", CONTENT,
     "paraphrase", ("investigation",)),
    ("an inquiry concluded that Y", f"An inquiry concluded that {CONTENT}.", CONTENT,
     "paraphrase", ("inquiry", "an inquiry")),
    ("the study, published in X, found that Y",
     f"The study, published in a medical journal, found that {CONTENT}.", CONTENT,
     "paraphrase", ("study",)),
    ("Y, the statement said", f"{C1}, the statement said.", C1, "paraphrase", ("statement",)),
    ("In a letter to X, the school said Y",
     f"In a letter to parents, the school said {CONTENT}.", CONTENT, "paraphrase", ("school",)),
    ("the company said in its annual report that Y",
     f"The company said in its annual report that {CONTENT}.", CONTENT, "paraphrase",
     ("company",)),
    ("critics say Y", f"Critics say {CONTENT}.", CONTENT, "paraphrase", ("critics",)),
    ("Y, said an official who asked not to be named",
     f"{C1}, said an official who asked not to be named.", C1, "paraphrase",
     ("official", "an official")),
    ("Y, X said on condition that they not be identified",
     f"{C1}, two diplomats said on condition that they not be identified.", C1, "paraphrase",
     ("two diplomats", "diplomats")),
    ("Y, X told a news agency on condition of anonymity because ...",
     f"{C1}, an official told a news agency on condition of anonymity because he was not "
     "authorised to speak publicly.", C1, "paraphrase", ("official", "an official")),
    ("X said on condition of anonymity that Y",
     f"A senior official said on condition of anonymity that {CONTENT}.", CONTENT,
     "paraphrase", ("senior official", "a senior official")),
    ("Y, the report found", f"{C1}, the report found.", C1, "paraphrase", ("report",)),
    ("the report, published on X, also found Y",
     f"The report, published on Monday, also found {CONTENT}.", CONTENT, "paraphrase",
     ("report",)),
    ("the report concluded Y", f"The report concluded {CONTENT}.", CONTENT, "paraphrase",
     ("report",)),
]


# The fourth family: a person introduced in one sentence (in one of the ways news introduces
# people) and picked up in a later one. Each introduction: (label, sentence, role given).
INTRODUCTIONS = [
    ("title and name", "Foreign Minister Jane Doe met envoys in the capital on Monday.",
     "foreign minister"),
    ("name, role,", "Jane Doe, the foreign minister, met envoys in the capital on Monday.",
     "foreign minister"),
    ("name, a role of a body,",
     "Jane Doe, a spokeswoman for the ministry, met reporters on Monday.", "spokeswoman"),
    ("nationality, title and name",
     "Estonian Foreign Minister Jane Doe met envoys in the capital on Monday.",
     "foreign minister"),
    ("courtesy title, name, role,",
     "Dr Jane Doe, the foreign minister, met envoys in the capital on Monday.",
     "foreign minister"),
    ("possessive role, name,",
     "Estonia's foreign minister, Jane Doe, met envoys in the capital on Monday.",
     "foreign minister"),
    ("name, age,", "Jane Doe, 52, lost her home in the floods.", "age"),
    ("name, who …,", "Jane Doe, who has led the talks since May, met envoys on Monday.", ""),
]
#: How the later sentence names her, and which introductions make that possible.
ANAPHORS = [
    ("she", "she", ()),
    ("surname", "Doe", ()),
    ("Ms surname", "Ms Doe", ()),
    ("the minister", "the minister", ("foreign minister",)),
    ("the foreign minister", "the foreign minister", ("foreign minister",)),
    ("the Estonian foreign minister", "the Estonian foreign minister", ("foreign minister",)),
    ("the spokeswoman", "the spokeswoman", ("spokeswoman",)),
    ("the 52-year-old", "the 52-year-old", ("age",)),
]
#: What comes between the two sentences.
BETWEEN = [
    ("next sentence", " "),
    ("another person between", " Opposition leader John Smith criticised the plan. "),
    ("a paragraph break", "\n\n"),
]
#: The later sentence: (label, template with {r}/{R} for the anaphor, span, kind).
DISCOURSE_SHAPES = [
    ('"Y," r said', f'"{C1}," {{r}} said.', C1 + ",", "direct"),
    ('R said: "Y."', f'{{R}} said: "{C1}."', C1 + ".", "direct"),
    ("R said Y", f"{{R}} said {CONTENT}.", CONTENT, "paraphrase"),
    ('"Y1," r said. "Y2." (second)', f'"{C1}," {{r}} said. "{C2}."', C2 + ".", "direct"),
    ("R added that Y", f"{{R}} added that {CONTENT}.", CONTENT, "paraphrase"),
]


def discourse_cases() -> list[Case]:
    out: list[Case] = []
    for intro, sentence, role in INTRODUCTIONS:
        for ana, r, needs in ANAPHORS:
            if needs and role not in needs:
                continue
            for between, gap in BETWEEN:
                for shape, template, span, kind in DISCOURSE_SHAPES:
                    later = template.format(r=r, R=r[:1].upper() + r[1:])
                    out.append(Case(f"discourse: {shape} | {ana} | {between}", intro,
                                    sentence + gap + later, span, ("Jane Doe",), kind))
    return out


# The fifth family: names. (label, full name, the short form a later sentence uses.)
NAMES = [
    ("two words, known given name", "Maria Lopez", "Lopez"),
    ("two words, unknown given name", "Kwabena Mensah", "Mensah"),
    ("three words, unknown first", "Pushpa Kamal Dahal", "Dahal"),
    ("three words, unknown all", "Kojo Oppong Nkrumah", "Nkrumah"),
    ("accented", "José Tijerino", "Tijerino"),
    ("initial", "Shane P. O'Reilly", "O'Reilly"),
    ("particle bin", "Faisal bin Farhan", "Faisal"),
    ("particle van", "Anna van Dijk", "van Dijk"),
    ("hyphenated surname", "Jean Dupont-Moretti", "Dupont-Moretti"),
    ("hyphenated given", "Jean-Pierre Raffarin", "Raffarin"),
    ("Jr", "Sixto Brillantes Jr", "Brillantes"),
    ("al-", "Ahmed al-Tayeb", "al-Tayeb"),
    ("surname first", "Park Jin", "Park"),
    ("O'", "Sean O'Brien", "O'Brien"),
    ("Mc", "Stephen McHugh", "McHugh"),
]
#: Ways of introducing the person ({N} is the full name).
INTRODUCED_AS = [
    ("bare", "{N}"),
    ("office", "Foreign Minister {N}"),
    ("party office", "Opposition leader {N}"),
    ("office of a body", "UN envoy {N}"),
    ("office with a portfolio", "Minister for Health {N}"),
    ("office with two portfolios", "Minister for Information and Broadcasting {N}"),
    ("nationality and office", "Ghanaian Information Minister {N}"),
    ("courtesy title", "Dr {N}"),
    ("name, role,", "{N}, a spokesman for the ministry,"),
    ("role, name,", "The ministry's spokesman, {N},"),
    ("how one stands", "Independent councillor {N}"),
    ("name, age,", "{N}, 52,"),
]


def name_cases() -> list[Case]:
    out: list[Case] = []
    cap = CONTENT[0].upper() + CONTENT[1:]
    for label, full, short in NAMES:
        for how, template in INTRODUCED_AS:
            intro = template.format(N=full)
            again = short if short[0].isupper() else f"Later, {short}"
            for suffix, text, span, kind in (
                    ("introduced", f"{intro} said {CONTENT}.", CONTENT, "paraphrase"),
                    ("named again", f"{intro} met envoys on Monday. {again} said {CONTENT}.",
                     CONTENT, "paraphrase"),
                    ("quoted", f'{intro} met envoys on Monday. "{cap}," {short} said.',
                     cap + ",", "direct")):
                out.append(Case(f"names: {how} | {suffix}", label, text, span, (full,), kind))
    return out


def more_cases() -> list[Case]:
    out: list[Case] = []
    for name, (template, quotes) in MORE.items():
        for sp in SPEAKERS2:
            if sp.label == "pronoun" and ("said {x}" in template or template.startswith("In")):
                continue  # "said he" and "In a statement, he" are rare shapes
            x = sp.text if sp.label != "pronoun" else sp.text.lower()
            if sp.label != "pronoun":
                x = _lower_first(sp.text)
            sentence = template.format(X=sp.text, x=x)
            text = " ".join(p for p in (CONTEXT, sp.lead, sentence) if p)
            for suffix, span, kind in quotes:
                out.append(Case(name + suffix, sp.label, text, span, sp.expect, kind))
    for group, text, span, kind, expect in LATER:
        out.append(Case(f"later: {group}", "named earlier", f"{CONTEXT} {text}", span, expect,
                        kind))
    for group, text, span, kind, expect in SOURCES_AND_DOCUMENTS:
        out.append(Case(f"anonymous or document: {group}", "anonymous or document",
                        f"{CONTEXT} {text}", span, expect, kind))
    return out


def check(case: Case) -> tuple[bool, str]:
    """Whether the extractor reads ``case`` right, and what it found."""
    article = Article.from_text("Talks in the capital\n\n" + case.text)
    text = article.text
    found = [(text[q.span.start:q.span.end], q.kind, q.speaker) for q in find_quotes(article)]
    names = {n.lower() for n in case.expect_speakers}
    ok = any(span == case.expect_span and kind == case.kind and speaker is not None and
             speaker.lower().removeprefix("the ") in names
             for span, kind, speaker in found)
    return ok, "; ".join(f"{k} {s!r} by {sp!r}" for s, k, sp in found) or "nothing"


def run() -> list[tuple[Case, bool, str]]:
    return [(c, *check(c))
            for c in cases() + more_cases() + discourse_cases() + name_cases()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    parser.add_argument("--write-gaps", action="store_true",
                        help=f"write the ids of the failing cases to {GAPS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    results = run()
    if args.write_gaps:
        failing = sorted(c.id for c, ok, _ in results if not ok)
        GAPS.write_text("# Construction-grid cases the extractor does not read right yet "
                        "(benchmarks/constructions.py --write-gaps).\n" +
                        "".join(f"{i}\n" for i in failing), encoding="utf-8")
    passed = sum(ok for _, ok, _ in results)
    print(f"construction grid: {passed} of {len(results)} cases read right "
          f"({100 * passed / len(results):.1f}%)")
    def construction(c: Case) -> str:
        if c.group.startswith("verb:"):
            return "X <verb> (that) Y"
        if c.group.startswith("shape:"):
            return "real-text shapes"
        if c.group.startswith("discourse:"):
            return "discourse, by anaphor: " + c.group.split(" | ")[1]
        if c.group.startswith("names:"):
            return "names, introduced as: " + c.group.split(" | ")[0].removeprefix("names: ")
        return c.group

    for title, key in (("by construction", construction), ("by speaker", lambda c: c.speaker)):
        groups: dict[str, list[bool]] = defaultdict(list)
        for c, ok, _ in results:
            groups[key(c)].append(ok)
        print(f"\n{title}:")
        for g, oks in groups.items():
            print(f"  {g:<40} {sum(oks):3d} of {len(oks):3d}")
    if args.failures:
        print("\nfailing cases:")
        for c, ok, got in results:
            if not ok:
                print(f"  [{c.group} | {c.speaker}] {c.text}\n      found: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
