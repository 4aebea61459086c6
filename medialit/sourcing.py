"""Sourcing: who and what an article names, and how it uses them.

Sources are found with rules and word lists shipped in ``medialit/data/`` (no model, no
network), so every decision can be explained to a student:

* a **person** is a name that follows a title or role (``State Department spokesman
  Matthew Miller``: name ``Matthew Miller``, role ``spokesman``, organisation ``State
  Department``), a name described by a role after a comma (``Jane Doe, a nurse,``), a
  well-known name from ``people.txt``, or a name the article quotes;
* an **organisation** is a name from ``organisations.txt`` (governments named as nouns,
  ``Israel``, count as organisations);
* an **anonymous** source is a group of unnamed people (``Israeli soldiers``,
  ``officials said``);
* **media** are news agencies credited for a photo or for material (``Photograph:(Reuters)``,
  ``With inputs from agencies``), and web addresses (``Korvo.net``);
* a single CamelCase word (``QueueCount``) is a **brand**: an organisation that counts only
  if words are given to it, never a person;
* a **document** is a report or statement that is itself quoted (``the report said``).

Each source lists all its mentions: full names, surnames, ``he``/``she`` and role nouns
(``the secretary``) resolved to one person. Possessive pronouns are not mentions.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import attribution
from .article import Article, Span
from .results import Quote, Source

__all__ = [
    "find_sources",
    "find_mentions",
    "Mention",
    "voices_heard",
    "quoted_words_by_source",
    "quoted_words_by_affiliation",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Parts of the page whose words are scanned for sources (promos, bylines and page
#: furniture are not the article).
SCANNED_PARTS = ("headline", "highlights", "caption", "credit", "subheading", "paragraph",
                 "agency_note")

# --------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")] if "\t" in line else line.split())
    return rows


_ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr st gen lt col sgt capt sen rep gov prof jr sr rev adm maj brig cmdr".split()
)
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-.]\w+)*")


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _WORD_RE.finditer(phrase))


@dataclass(frozen=True)
class Entry:
    """One word-list entry: what kind of thing a phrase names, and facts about it."""

    kind: str  # org, media, country, nation, role, honorific, group, place
    name: str  # canonical name or role
    affiliation: str | None = None
    cls: str | None = None  # role class or group class


class Lexicon:
    """Phrase tables for fast longest-match lookup, keyed by the first word."""

    def __init__(self) -> None:
        self.verbs: dict[str, str] = {}
        for form, cls in _data_lines("speech_verbs.txt"):
            self.verbs[form.lower()] = cls
        self.cue_phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for row in _data_lines("cue_phrases.txt"):
            words = tuple(w.lower() for w in row)
            self.cue_phrases[words[0]].append(words)
        for v in self.cue_phrases.values():
            v.sort(key=len, reverse=True)
        self.pronouns = {row[0]: row[1] for row in _data_lines("pronouns.txt")}
        self.people = {row[0]: row[1] for row in _data_lines("people.txt")}
        self.given_names = _GivenNames(
            (row[0], row[1]) for row in _data_lines("given_names.tsv"))
        # Case-insensitive tables (roles, groups) and case-sensitive ones (names).
        self._lower: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        self._exact: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        self.role_class: dict[str, str] = {}
        for phrase, canonical, cls in _data_lines("roles.txt"):
            kind = "honorific" if cls == "honorific" else "role"
            self.role_class.setdefault(canonical, cls)
            self._add_lower(phrase, Entry(kind, canonical, cls=cls))
        for age in range(1, 111):  # "the 34-year-old said"
            self._add_lower(f"{age}-year-old", Entry("role", "person of that age", cls="person"))
        self.role_class.setdefault("person of that age", "person")
        for phrase, cls in _data_lines("group_nouns.txt"):
            self._add_lower(phrase, Entry("group", phrase, cls=cls))
        self.countries: dict[str, str] = {}  # "Samoa": "Samoan government"
        adjectives: list[str] = []
        for adj, country, gov in _data_lines("nationalities.txt"):
            adjectives.append(adj)
            self._add_exact(adj, Entry("nation", country, affiliation=gov, cls=adj))
            self.countries.setdefault(country, gov)
        for row in _data_lines("organisations.txt"):
            name, kind, aff = row[0], row[1], row[2]
            aliases = [a for a in (row[3].split(";") if len(row) > 3 else []) if a]
            kind = {"government": "country", "organisation": "org"}.get(kind, kind)
            for alias in [name, *aliases]:
                entry = Entry(kind, name, affiliation=aff)
                if alias.isupper() or alias[0].islower():
                    self._add_exact(alias, entry)
                else:
                    self._add_lower(alias, entry, capitalised=True)
        # "Estonian", "Russian" and the compass points ("the Estonian-Russian border").
        self.nationality_adjectives = frozenset(
            adjectives + "North South East West Central".split())
        self.org_names = {row[0] for row in _data_lines("organisations.txt")}
        self.government_labels = {g for g in self.countries.values()
                                  if g.endswith(" government")}
        for row in _data_lines("non_names.txt"):
            self._add_exact(" ".join(row), Entry("place", " ".join(row)))
        for table in (self._lower, self._exact):
            for v in table.values():
                v.sort(key=lambda e: len(e[0]), reverse=True)
        self.capitalised_lower: set[tuple[str, ...]] = set()

    def is_role_word(self, word: str) -> bool:
        """Whether a lower-case word starts a role or group phrase (``chief``, ``officials``)."""
        return any(e.kind in ("role", "group", "honorific") for _, e in self._lower.get(word, ()))

    def _add_lower(self, phrase: str, entry: Entry, capitalised: bool = False) -> None:
        words = tuple(w.lower() for w in _words(phrase))
        if words:
            self._lower[words[0]].append((words, entry if not capitalised else
                                          Entry(entry.kind, entry.name, entry.affiliation,
                                                "capitalised")))

    def _add_exact(self, phrase: str, entry: Entry) -> None:
        words = _words(phrase)
        if words:
            self._exact[words[0]].append((words, entry))

    def match_word(self, word: str) -> str | None:
        """The kind of the entry a single lower-case word is (``brig`` is a role), if any."""
        for words, entry in self._lower.get(word, ()):
            if words == (word,):
                return entry.kind
        return None

    def match(self, toks: Sequence[Token], i: int, end: int) -> tuple[int, Entry] | None:
        """The longest phrase starting at token ``i`` (tokens joined by plain spaces only)."""
        t0 = toks[i]
        if t0.text not in self._exact and t0.lower not in self._lower:
            return None
        best: tuple[int, Entry] | None = None
        for table, key in ((self._exact, t0.text), (self._lower, t0.lower)):
            for words, entry in table.get(key, ()):
                n = len(words)
                if best and n <= best[0] and not (
                        n == best[0] and best[1].kind == "honorific" and
                        entry.kind != "honorific" and t0.text[:1].islower()):
                    # "Father Brown" is a title; "Varga's father said", lower-case, the kin
                    # noun the same word also is.
                    break
                if i + n > end:
                    continue
                ok = True
                for k in range(1, n):
                    t = toks[i + k]
                    if not t.joined or toks[i + k - 1].possessive:
                        ok = False
                        break
                    if table is self._exact:
                        if t.text != words[k]:
                            ok = False
                            break
                    elif t.lower != words[k]:
                        ok = False
                        break
                if not ok:
                    continue
                if entry.cls == "capitalised" and not (t0.text[0].isupper() or
                                                       t0.text[0].isdigit()):
                    continue
                if entry.kind == "group" and entry.name in _LOWER_ONLY_GROUPS and \
                        t0.text[:1].isupper():
                    continue  # "Ministry of Foreign Affairs" is a name, "the ministry" is not
                best = (n, entry)
        return best


_PLACE_WORDS = frozenset(
    """Sea River Mountains Mountain Island Islands Strip Bank City Valley Gulf Ocean Lake
    Desert Coast Street Road Avenue Square Airport Bay Peninsula Province Region State
    County District Heights Park Bridge Station Port Harbour Harbor Canal Plain Plains
    Hills Hill Camp Crossing Border Square Mall Stadium Hotel Hospital Church Mosque
    Synagogue Cathedral Palace Castle Tower Temple""".split()
)
#: Last words of street names, which are never people ("Queen Street", "Ashgrove Terrace").
_STREET_WORDS = frozenset(
    "Street Road Avenue Terrace Boulevard Crescent Highway Motorway".split()
)
#: Lower-case nouns for an area that follow its name ("East Kelawi regency").
_AREA_WORDS = frozenset("Regency Municipality Prefecture Township Borough Governorate".split())
_PLACE_OR_AREA_WORDS = _PLACE_WORDS | _AREA_WORDS


#: Small words that join a name to what follows rather than modify it.
_LINK_WORDS = frozenset(
    "and or but his her their its the a an of with for to in on at from by as".split())
#: Words before "news agency" that say whose or what kind it is.
_AGENCY_MODIFIERS = frozenset(
    """the a an state official semi-official state-run state-owned government national
    private independent local""".split())
#: Last words of a police force's name ("Detroit Police Department", "Nigeria Police
#: Force"), not of a unit's ("Counter Terrorism Command").
_FORCE_WORDS = frozenset("police department force service".split())
_LOWER_ONLY_GROUPS = frozenset({"ministry", "government", "cabinet", "administration"})
#: Nouns for a news outlet: "the newspaper" is the outlet named before.
_OUTLET_NOUNS = frozenset("newspaper tabloid magazine broadcaster".split())
#: Nouns by which "the …" means the body named just before ("the company", "the group",
#: and kinds of firm: "Ford Motor Company …", then "the carmaker said").
_SAME_BODY_NOUNS = frozenset(
    """company firm office union group carmaker automaker airline retailer supermarket
    insurer lender chipmaker drugmaker manufacturer broadcaster publisher""".split())
_GOVT = {"govt": "government"}  # headline abbreviations of a body's noun


class _GivenNames(dict):  # type: ignore[type-arg]
    """Given names and their gender; a name written with accents the list spells without
    them is known too ("José" as "Jose", "Zoë" as "Zoe")."""

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or (
            isinstance(name, str) and not name.isascii() and
            dict.__contains__(self, _unaccented(name)))

    def __getitem__(self, name: str) -> str:
        if not dict.__contains__(self, name) and not name.isascii():
            name = _unaccented(name)
        return dict.__getitem__(self, name)  # type: ignore[no-any-return]

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore
        return self[name] if name in self else default


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped word lists, loaded once."""
    return Lexicon()


# --------------------------------------------------------------------------------------
# Tokens and mentions
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Token:
    """A word: its offsets (without a possessive ``'s``) and how it joins the word before."""

    start: int
    end: int
    text: str
    lower: str
    possessive: bool
    joined: bool  # only spaces (no punctuation, no line break) since the previous word
    in_quote: bool = False


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of ``text[start:end]``; ``Blinken's`` gives ``Blinken`` (possessive)."""
    out: list[Token] = []
    append = out.append
    prev_end = -1
    for m in _WORD_RE.finditer(text, start, end):
        a, b = m.span()
        word = m.group()
        possessive = False
        last = word[-1]
        if len(word) > 2 and ((word[-2] in "’'" and last == "s") or
                              (last in "’'" and word[-2] == "s")):
            cut = 2 if last == "s" else 1
            word = word[:-cut]
            b -= cut
            possessive = True
        elif last == "." and not (len(word) >= 4 and word[-3] == "." and word[0].isupper()):
            word = word[:-1]
            b -= 1
        if prev_end < 0:
            joined = False
        elif a - prev_end == 1:
            joined = text[prev_end] in " \u00a0"
        else:
            gap = text[prev_end:a]
            joined = gap != "" and gap.strip(" \u00a0") == ""
            if not joined and gap.rstrip(" \u00a0") == "." and out and (
                    len(out[-1].text) == 1 and out[-1].text.isupper() or
                    out[-1].lower in _ABBREVIATED_TITLES):
                joined = True  # "Peter J. Hale", "Mr. Blinken"
            elif not joined and gap.strip(" \u00a0") == "&" and out and \
                    out[-1].text[:1].isupper() and word[:1].isupper():
                joined = True  # "Marks & Spencer", "Procter & Gamble": one name
        lower = word.lower()
        cut_at = word.rfind("-")
        if cut_at > 0 and word[:1].isupper() and word[cut_at + 1:] in _LINKED_ADJECTIVES and \
                word not in lexicon()._exact and lower not in lexicon()._lower:
            # "Hezbollah-led forces", "Iran-backed militias": the name before the hyphen is
            # a word of its own (an actor), the participle after it no part of a name.
            head = word[:cut_at]
            append(Token(a, a + cut_at, head, head.lower(), False, joined))
            tail = word[cut_at + 1:]
            append(Token(a + cut_at + 1, b, tail, tail.lower(), possessive, False))
            prev_end = m.end()
            continue
        append(Token(a, b, word, word if lower == word else lower, possessive, joined))
        prev_end = m.end()
    return out


def _lead_in(toks: list[Token], a: int) -> None:
    """``A LEADING councillor branded …``: a paragraph that opens with words set in capitals
    (a newspaper's lead-in) before lower-case ones is read as ordinary words, so that the
    capitals make no name. Known acronyms (``UN``, ``NATO``) keep their capitals."""
    k = a
    while k < len(toks) and k - a < 6 and toks[k].text.isupper() and toks[k].text.isalpha() \
            and (k == a or toks[k].joined):
        k += 1
    if k - a < 2 or k >= len(toks) or not toks[k].joined or not toks[k].text[:1].islower() \
            or not any(len(toks[x].text) >= 4 for x in range(a, k)):
        return
    exact = lexicon()._exact
    for x in range(a, k):
        t = toks[x]
        if t.text in exact or (len(t.text) <= 3 and t.lower not in ("a", "an", "the")):
            continue
        t.text = t.lower if x > a else t.text[:1] + t.lower[1:]


#: Participles and adjectives joined to a name by a hyphen ("Hezbollah-led", "US-backed").
_LINKED_ADJECTIVES = frozenset(
    """led backed based run owned linked aligned affiliated allied funded sponsored
    controlled held supported dominated inspired occupied administered appointed installed
    armed trained brokered mediated influenced organised organized""".split()
)


@dataclass
class Mention:
    """A word or phrase that refers to a source.

    ``span`` is what the mention list shows (the name, the pronoun, ``the secretary``);
    ``chunk`` also covers titles before the name; ``kind`` is ``person``, ``name``
    (a capitalised name not yet known to be a person), ``pronoun``, ``role``, ``org``,
    ``country``, ``media`` or ``group``.
    """

    span: Span
    chunk: Span
    kind: str
    text: str
    tok_start: int
    tok_end: int
    chunk_tok_start: int
    in_quote: bool = False
    role: str | None = None
    role_class: str | None = None
    organisation: str | None = None
    nation: str | None = None
    affiliation: str | None = None
    group_class: str | None = None
    entity: Entity | None = None
    part: str = ""


@dataclass(eq=False)
class Entity:
    """One source and every mention of it."""

    name: str
    type: str
    role: str | None = None
    organisation: str | None = None
    affiliation: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    needs_speech: bool = False  # only a source if it is quoted (bare groups, plain names)
    country: bool = False  # a state named as a noun ("Israel")
    gender: str | None = None  # "f"/"m" when a title, role or given name marks it


_FEMININE = frozenset(
    """mrs ms miss dame lady madam queen princess duchess baroness countess she her hers
    spokeswoman chairwoman congresswoman businesswoman sportswoman policewoman councilwoman
    woman girl mother grandmother wife widow daughter sister aunt niece actress mum mom
    granddaughter""".split()
)
_MASCULINE = frozenset(
    """mr sir lord king prince duke baron count he him his spokesman chairman congressman
    businessman sportsman policeman councilman man boy father grandfather husband widower
    son brother uncle nephew actor dad grandson""".split()
)


def word_gender(word: str) -> str | None:
    """``f`` or ``m`` when a title, noun or pronoun marks a person's gender, else None."""
    w = word.lower().rstrip(".")
    return "f" if w in _FEMININE else "m" if w in _MASCULINE else None


#: Titles used with a given name: "Sheikh Faisal"; and, when no one has that surname,
#: "Mr Somsak", "Gen Chaiwat" (Thai and other naming customs use the given name).
#: Words of an office's portfolio ("Minister for Information and Broadcasting",
#: "Commissioner of Police"), never a person's name.
_PORTFOLIO_WORDS = frozenset(
    """information broadcasting health education finance defence defense justice police
    foreign affairs home interior trade industry commerce energy environment transport
    agriculture labour labor housing culture sport sports tourism communications security
    planning economy development water works mines petroleum fisheries immigration
    children women youth welfare employment treasury revenue customs intelligence
    infrastructure aviation railways roads highways science technology research lands
    forestry heritage arts media tourism""".split()
)
_FIRST_NAME_TITLES = frozenset(
    """sheikh sheik shaikh emir prince princess king queen sultan sayyid crown prince mr mr.
    mrs mrs. ms ms. miss dr dr. gen gen. general khun sir dame""".split()
)
_PARTICLES = frozenset(
    "al el bin ibn bint abu de del della da di van von der den le la du dos".split()
)
_GROUP_MODIFIERS = frozenset(
    """senior top former local unnamed anonymous security military government western
    regional foreign health hospital rescue aid other two three four several some many
    defense defence intelligence administration state federal police army navy medical
    industry company party opposition rebel coalition election emergency palace
    diplomatic western arab european iraqi iranian""".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "one", "another"})
_DOC_NOUNS = frozenset(
    """report statement study survey document letter memo filing indictment ruling
    resolution readout guidelines communique communiqué declaration bulletin website
    statistics audit assessment advisory transcript census dossier verdict affidavit
    judgment judgement lawsuit petition investigation inquiry review probe""".split()
)
_DOC_MODIFIERS = frozenset(
    """state media new latest joint official initial preliminary final internal written
    annual weekly daily separate brief short court police military army government
    intelligence independent public external parliamentary criminal""".split()
)
#: Documents a person files or swears, named with the person ("Jane Doe's affidavit").
_PERSONAL_DOCS = frozenset("affidavit affidavits lawsuit petition testimony statement".split())
_DOC_DETERMINERS = frozenset("the a an its his her their this that these".split())
_PERSONAL_BODIES = frozenset(
    "office spokesman spokeswoman spokesperson aides government cabinet campaign party lawyers"
    " lawyer representatives team".split()
)
_NAMED_BODIES = frozenset("administration government campaign cabinet camp".split())
_LOCATIVE = frozenset(
    "in to from at near into outside inside around across via toward towards".split()
)
_QUANTIFIERS = frozenset({"several", "some", "many", "both", "all", "most"})
#: Words that never start the name of a group ("Yesterday officials said", "When officials
#: met"), besides verbs, prepositions and determiners.
_GROUP_STOP = frozenset(
    """yesterday today tonight meanwhile monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december when while where whether if as because since after before though although
    but and or nor so then also not only even just still there here what which who whom
    whose how why this that these those such other others more less few no every each any
    i we you they he she it us them its his her their our your my earlier later now
    instead separately previously last first next""".split()
)
_PREPOSITIONS = frozenset(
    """of for to in on at by with from into onto upon over under about against among
    amongst between through during without within toward towards across behind beyond
    near despite including like unlike per via amid along around""".split()
)
#: Endings of plural nouns for people ("monitors", "observers", "economists", "residents",
#: "civilians"), and plurals with those endings that are no people (a banner "says" too).
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ents", "ants")
_NOT_PEOPLE = frozenset(
    """numbers papers letters orders matters answers others figures headquarters waters
    computers centers centres markets powers layers borders errors factors sectors floors
    doors events incidents accidents contents percents comments elements statements
    documents plants grants variants banners posters placards stickers flyers
    filters""".split()
)
#: Endings of singular nouns for a person's post ("ombudsman", "curator", "historian").
_ROLE_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "ian", "ent", "ant")
#: Endings of adjectives that open a sentence before a group noun ("Humanitarian monitors",
#: "Local residents", "Angry protesters"), unlike a name ("Xinhua news agency").
_ADJECTIVE_ENDINGS = ("an", "al", "ic", "ive", "ary", "ous", "ful", "ish", "ese", "ent", "ant",
                      "ing", "ry")
#: Words that end (or sit inside) the name of an organisation.
_ORG_HEADS = frozenset(
    """Ministry Department Agency Centre Center Survey Administration Staff Chiefs Council
    Committee Commission Office Organisation Organization Organizations Force Forces Corps
    Guard Guards Army Navy Police Service Services Team Authority Authorities Institute
    University Bank Fund Party Union Association Embassy Consulate Court Parliament Cabinet
    Government Assembly Movement Front Brigades Brigade Group Network Foundation Society
    Company Corporation Inc Corp Ltd Times Post News Press Television Radio Media Hospital
    School College Board Bureau Directorate Command Secretariat Tribunal Coalition Alliance
    League Federation Programme Program Mission Watch International Observatory Trust
    Institution Unit Squad Division Regiment Battalion Federation Congress Senate Houses
    Council Ministries Departments Agencies Laboratory Laboratories Lab Appeal Clinic Centres
    Initiative Project Fund Charity Trust Partnership Consortium Institute Academy Co Plc PLC
    LLC Holdings Motors Airlines Airways Industries Technologies Systems Labs Port Airport
    Museum Prison Confederation Forum Caucus Chamber Collective Syndicate""".split()
)
_PARTICLE_NAME = re.compile(
    r"(?:al|el|ad|as|an|ash|at|az|ar|bin|ibn|abu|de|di|da|du|van|von)-[A-Z]"
)
_STATE_BODIES = frozenset(
    "military army forces troops government police foreign defence defense health interior"
    .split()
)
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][a-z]{0,3}$")  # "R-Ky."
#: Letters written after a person's name: honours, degrees, "Jr"/"Sr", and the offices and
#: ranks of the bar and of parliaments ("Ruth Hanlon SC", "Jane Smith MP", "Sammy Davis Jr").
#: They are not part of the name, but show that the name is a person's; those that are
#: roles (SC, MP) are in roles.txt.
_CAMEL_CASE = re.compile(
    r"(?!(?:Mc|Mac|Fitz|De|Di|Da|Du|Del|Des|Della|La|Le|Van|Von|Ja|St)[A-Z])[A-Z][a-z]+[A-Z]"
)
_WEB_ADDRESS = re.compile(r"[A-Z][\w-]*(?:\.[a-z]{2,4})?\.(?:com|org|net|ru|in|co|uk|io|info|"
                          r"news|tv|de|fr|au|ie|ca)")
#: Letters and words after a name that are not the name ("Jane Smith MP", "Sixto
#: Brillantes Jr").
POST_NOMINALS = frozenset(
    """SC QC KC MP MEP MSP MLA TD Jr Sr Snr Jnr OBE MBE CBE KBE DBE GBE CH OM KCMG PhD FRS
    II III IV""".split()
)
#: Post-nominal letters of a member for a seat ("the South Belfast MLA").
_SEAT_HOLDERS = frozenset("MP MLA MSP TD MEP".split())
_KIN_NOUNS = frozenset(
    """mother father parent son daughter wife husband brother sister grandmother grandfather
    uncle aunt cousin nephew niece widow widower partner fiancée fiance fiancé""".split()
)
_GENERATIONS = frozenset("Jr Sr Snr Jnr II III IV".split())
_ORG_LINKS = frozenset({"of", "for", "on", "in", "and"})
#: Days and months: "the Russian Defense Ministry on Sunday" ends before "on Sunday"
#: ("Committee on Foreign Relations" goes on).
_DATE_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December""".split()
)
#: Words of organisation names that every state has ("Air Force", "Supreme Court").
_GENERIC_ORG_WORDS = frozenset(
    """Air Foreign Defence Defense Health Interior Supreme Central National Federal State
    Security Intelligence Armed Special Border Coast Constitutional High Electoral Finance
    Justice Education Agriculture Energy Trade Economy Economic Environment Transport
    Emergency Emergencies Public General Joint Naval Military Nuclear Atomic Space Ground Land
    Information Culture Statistics Statistical Prosecution Customs Immigration Tax Revenue
    Meteorological Geological Election Elections Police Army Navy""".split()
)
#: Bodies posted abroad, named with the place they are in ("Embassy in Iraq").
_POSTED_BODIES = frozenset("Embassy Consulate Mission Delegation Legation".split())
_POSTED_BODIES_LOWER = frozenset({"embassy", "consulate"})
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,9})\)")
_GOV_ROLE_CLASSES = frozenset({"gov", "military"})
_MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,6}")


class TextIndex:
    """Tokens, quotation segments and mentions of one article, computed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        text = article.text
        self.regions: list[tuple[str, Span]] = [
            (p.label, p.span) for p in article.parts if p.label in SCANNED_PARTS
        ]
        self.segments = attribution.scan_quotes(article)
        self.tokens: list[Token] = []
        self.region_tok: list[tuple[int, int]] = []
        for label, span in self.regions:
            a = len(self.tokens)
            self.tokens.extend(tokenize(text, span.start, span.end))
            if label == "paragraph":
                _lead_in(self.tokens, a)
            self.region_tok.append((a, len(self.tokens)))
        self.tok_starts = [t.start for t in self.tokens]
        self._region_end = dict(self.region_tok)  # a region's first token -> its end
        # Mark tokens inside quotation marks.
        for seg in self.segments:
            i = bisect.bisect_left(self.tok_starts, seg.start)
            while i < len(self.tokens) and self.tokens[i].start < seg.end:
                self.tokens[i].in_quote = True
                i += 1
            # "(Earlier this week, the Ministry of Health) issued an order," the minister
            # said: words in brackets inside a quote are the reporter's, who names the actor.
            for br in _BRACKETED.finditer(text, seg.start, seg.end):
                i = bisect.bisect_left(self.tok_starts, br.start())
                while i < len(self.tokens) and self.tokens[i].start < br.end():
                    self.tokens[i].in_quote = False
                    i += 1
        self.mentions: list[Mention] = []
        self.aliases: dict[str, str] = {}
        self._surnames: set[str] = set()
        self._generational: dict[int, str] = {}  # name start -> the name with "Jr"
        self._apposed: dict[int, Mention] = {}  # id of "the chief executive," -> "John Smith"
        self._long_names: set[str] = set()  # people named with three words or more
        # "Jane Doe, 52,": for each age, the people given it, in text order (start, name)
        self._ages: dict[str, list[tuple[int, Mention]]] = {}
        self._word_counts: tuple[Counter[str], Counter[tuple[str, str]]] | None = None
        self._title_from: dict[int, int] = {}  # a title's last words -> its first token
        self._label = ""
        self._described_groups: list[Mention] = []  # "sources close to the ministry"
        for (label, _span), (a, b) in zip(self.regions, self.region_tok, strict=True):
            self._label = label
            self._find_mentions(label, a, b)
        self._acronyms_in_lists()
        self._agency_names()
        self.mention_at: dict[int, Mention] = {m.chunk_tok_start: m for m in self.mentions}
        self.mention_ending: dict[int, Mention] = {m.tok_end - 1: m for m in self.mentions}
        for m in self._described_groups:
            # "a source close to the ministry said": the sources end where the ministry
            # does, and speak; the ministry only says whose sources they are.
            self.mention_ending[m.tok_end - 1] = m
        self.entities: list[Entity] = []
        self._resolve()
        for m in self.mentions:
            full = self._generational.get(m.span.start)
            if full is not None and m.entity is not None and m.entity.name == m.text:
                m.entity.name = full

    # -- finding mentions ---------------------------------------------------------------

    def _find_mentions(self, label: str, a: int, b: int) -> None:
        toks = self.tokens
        lex = lexicon()
        text = self.article.text
        i = a
        while i < b:
            t = toks[i]
            if label == "agency_note" and t.lower in ("agencies", "agency", "wires"):
                self._add(Mention(Span(t.start, t.end), Span(t.start, t.end), "media", t.text,
                                  i, i + 1, i, affiliation="news media", role="news agencies"))
                i += 1
                continue
            if t.lower in _DOC_NOUNS and not t.possessive and i > a:
                self._document(i, a)
            if t.lower in lex.pronouns and t.lower in ("he", "she", "they"):
                if not t.in_quote:
                    self._add(Mention(Span(t.start, t.end), Span(t.start, t.end), "pronoun",
                                      t.text, i, i + 1, i, in_quote=False))
                i += 1
                continue
            if not t.text[:1].isupper() and t.lower not in lex._lower and \
                    t.text not in lex._exact and t.text not in self.aliases and \
                    not _PARTICLE_NAME.match(t.text) and not (
                        t.lower.endswith(_ROLE_ENDINGS) and self._role_shaped(i, b)):
                if t.lower.endswith(_PEOPLE_ENDINGS) and self._people_noun_speaks(i, a, b):
                    # "The monitors said", "according to humanitarian monitors": a plural
                    # noun for people (by its ending) that speaks is a group of sources.
                    self._descriptor_only(label, i, [(i, i + 1, Entry("group", t.lower,
                                                                      cls="other"))])
                i += 1  # an ordinary lower-case word: no title, no name starts here
                continue
            descs: list[tuple[int, int, Entry]] = []
            j = i
            while j < b:
                if j > i and (not toks[j].joined or toks[j - 1].possessive):
                    break
                tj = toks[j]
                m = lex.match(toks, j, b) if (tj.text in lex._exact or
                                              tj.lower in lex._lower) else None
                if m is None and j == i and tj.lower.endswith(_ROLE_ENDINGS) and \
                        self._role_shaped(i, b):
                    m = (1, Entry("role", tj.lower, cls="other"))
                if m is None and tj.text in self.aliases and j + 1 < b and \
                        toks[j + 1].joined and \
                        (after := lex.match(toks, j + 1, b)) is not None and \
                        after[1].kind == "role":
                    # "an HNU spokesperson": an acronym the article spelled out before.
                    m = (1, Entry("org", self.aliases[tj.text]))
                if m is None:
                    break
                n, entry = m
                if entry.kind == "group" and entry.name in _INSTITUTIONS and \
                        tj.text[:1].isupper():
                    break  # "the Department for Education": a name, not "the department"
                if tj.text[:1].isupper() and self._opens_body_name(j, n, entry, b):
                    # "Kelbrook Nurses and Midwives Union": a name, not "nurses"; "the
                    # Justice and Development Party", "the General Confederation of Labor":
                    # a party or union, not a justice or a general.
                    break
                if entry.kind in ("place", "role") and n == 1 and \
                        toks[j].text in self._surnames:
                    break  # "Florence" the person, not the city; "Dancer" after Barry Dancer
                if entry.kind == "place" and descs:
                    break
                descs.append((j, j + n, entry))
                j += n
                if entry.kind == "group" and j < b and toks[j].joined and \
                        not toks[j - 1].possessive:
                    nxt = lex.match(toks, j, b)
                    if nxt is not None and nxt[1].kind in ("group", "role"):
                        continue  # "government officials"
                if entry.kind in ("place", "group") or toks[j - 1].possessive:
                    break
            if descs and descs[-1][2].kind == "place":
                i = j
                continue
            if len(descs) == 1 and descs[0][2].kind == "country" and toks[j - 1].possessive \
                    and j < b and toks[j].joined and (toks[j].lower in _STATE_BODIES or (
                        # "Guinea's security ministry", "Kenya's education ministry"
                        toks[j].text.isalpha() and j + 1 < b and toks[j + 1].joined and
                        toks[j + 1].lower == "ministry")):
                # "Israel's military", "Iran's foreign ministry"
                e = descs[0][2]
                end_tok = j + 1
                if toks[j].lower not in _STATE_BODIES or toks[j].lower in (
                        "foreign", "defence", "defense", "health", "interior"):
                    if not (j + 1 < b and toks[j + 1].lower == "ministry"):
                        i = j  # "Iran's Foreign Minister": a title, read on
                        continue
                    end_tok = j + 2
                body = toks[end_tok - 1].lower
                aff = (e.affiliation or "").replace("government", "military") if body in (
                    "military", "army", "forces", "troops") else e.affiliation
                span = Span(toks[i].start, toks[end_tok - 1].end)
                written = text[span.start:span.end]
                self._add(Mention(span, span, "org", written, i, end_tok, i,
                                  in_quote=toks[i].in_quote, affiliation=aff))
                i = end_tok
                continue
            if len(descs) == 1 and descs[0][2].kind == "country" and toks[j - 1].possessive \
                    and j < b and toks[j].joined:
                end_tok = self._generic_org_end(j, b)
                if end_tok > j:
                    # "Ukraine's Air Force said": an organisation every state has is named
                    # with the state ("Russia's Wagner Group" is a name of its own).
                    span = Span(toks[i].start, toks[end_tok - 1].end)
                    written = text[span.start:span.end]
                    self._add(Mention(span, span, "org", written, i, end_tok, i,
                                      in_quote=toks[i].in_quote,
                                      affiliation=descs[0][2].affiliation))
                    i = end_tok
                    continue
            # Name words after the titles.
            k = j
            name_end = j
            title: Mention | None = None  # "Commissioner" of "Commissioner of Police X"
            org_head = False
            skip_title = False
            particles = 0
            while k < b and k - j < 9:
                tk = toks[k]
                if k > i and (not tk.joined or toks[k - 1].possessive) and not (
                        k > j and self._plural_possessive(k) and self._org_run(k, b)):
                    break
                if k > j and k + 1 < b and toks[k + 1].joined and \
                        toks[k + 1].text[:1].isupper() and (
                            tk.lower in _PARTICLES or (org_head and tk.lower in _ORG_LINKS and
                                                       toks[k + 1].text not in _DATE_WORDS) or
                            (tk.lower == "and" and _org_ahead(toks, k + 1, b))):
                    particles += tk.lower in _PARTICLES
                    k += 1
                    continue
                if k > j and "&" in text[toks[k - 1].end:tk.start]:
                    org_head = True  # "Marks & Spencer": only a firm or a paper has an "&"
                if not (tk.text[:1].isupper() or _PARTICLE_NAME.match(tk.text)) or \
                        tk.text.isdigit() or _PARTY_TAG.match(tk.text):
                    break
                if k > j and not org_head and tk.text in POST_NOMINALS:
                    break  # "Ruth Hanlon SC": the letters after the name are not the name
                if k > j + 1 and tk.text in ("Said", "Says", "Added", "Told") and \
                        (k + 1 >= b or not toks[k + 1].joined):
                    break  # '"…," Lal Singh Said.': the verb, printed with a capital
                if k == j and j > 1 and not descs and toks[j - 1].lower in ("of", "for") \
                        and tk.lower in _PORTFOLIO_WORDS and self._office_ends(j - 1) and \
                        (q := self._after_portfolio(k, b)) > k:
                    # "Commissioner of Police Ealan Powell", "Minister of Foreign Affairs
                    # Margus Tsahkna", "Minister for Information and Broadcasting Shibli
                    # Faraz": the portfolio ends the office (not a body "Police …"); the
                    # name follows it
                    title = self.mentions[-1] if self.mentions and \
                        self.mentions[-1].kind == "role" and \
                        self.mentions[-1].tok_end == j - 1 else None
                    j = name_end = k = q
                    continue
                if org_head and toks[k - 1].text in _ORG_HEADS and tk.text[:1].isupper():
                    # "chair of the House Intelligence Committee Rosa Pike": a given name
                    # and a surname after the body's head word are the person who holds
                    # the post, not more of the body's name; an unknown word before them
                    # is a title (misspelt: "Committee Represenative Rosa Pike").
                    gn = self._given_name_at(k, b)
                    if gn:
                        break
                    if k + 1 < b and toks[k + 1].joined and toks[k + 1].text[:1].isupper() \
                            and tk.text.isalpha() and tk.text not in _ORG_HEADS and \
                            toks[k + 1].text not in _ORG_HEADS and \
                            (k + 2 >= b or not toks[k + 2].joined or
                             not toks[k + 2].text[:1].isupper()) and \
                            lex.match(toks, k, k + 1) is None and \
                            lex.match(toks, k + 1, k + 2) is None and \
                            (k + 2 >= b or toks[k + 2].lower in lex.verbs or
                             toks[k + 2].lower in ("on", "has", "had", "was", "is", "who")):
                        # "… in National Assembly Shahbaz Sharif said": two capitalised
                        # words after the body's head word, then a verb, are the person
                        break
                    if self._given_name_at(k + 1, b) and toks[k + 1].joined and \
                            lex.match(toks, k, b) is None and tk.text.isalpha() and \
                            tk.text not in lex.given_names and tk.text not in _ORG_HEADS:
                        skip_title = True
                        break
                if k > j and tk.text in _DATE_WORDS and k + 1 < b and toks[k + 1].joined and \
                        toks[k + 1].text[:1].isdigit():
                    break  # "Kelbrook April 18": a date follows the name, not part of it
                if k > j and tk.text == "A" and k + 1 < b and toks[k + 1].joined and \
                        toks[k + 1].text[:1].islower():
                    break  # "… Council Budget Hearing A woman was": the article opens a sentence
                if k > j + 1 and not org_head and not descs and \
                        toks[k - 1].lower.endswith(_ROLE_ENDINGS) and \
                        not toks[k - 1].possessive and self._given_name_at(k, b) and \
                        not (k + 2 < b and toks[k + 2].joined and
                             toks[k + 2].text[:1].isupper()):
                    # "NASA Deputy Administrator Ada Quill": capitalised words ending in a
                    # noun for a person (a title the lists lack), then a given name and a
                    # surname that close the run: the name starts at the given name.
                    j = k
                    particles = 0
                if k == j and "-" in tk.text and k + 1 < b and toks[k + 1].joined and \
                        toks[k + 1].text[:1].isupper() and \
                        (tk.lower.split("-")[0] in lex.role_class or
                         tk.lower.split("-")[-1] in ("chief", "large", "general", "gen") or
                         lex.match_word(tk.lower.split("-")[0]) == "role"):
                    # "Councilman-at-Large Louis Quintana", "Editor-in-Chief Jane Doe": an
                    # office written with hyphens, before the name
                    j += 1
                    k += 1
                    continue
                if k == j and tk.text == "Deputy" and k + 1 < b and toks[k + 1].joined and \
                        toks[k + 1].text[:1].isupper() and lex.match(toks, k + 1, b) is None \
                        and toks[k + 1].text not in _ORG_HEADS:
                    j += 1  # "Deputy Collins said" (a member of parliament): a title
                    k += 1
                    continue
                if k == j and tk.text == "Independent" and k + 2 < b and \
                        toks[k + 1].joined and toks[k + 1].text in lex.given_names and \
                        toks[k + 2].joined and toks[k + 2].text[:1].isupper():
                    j += 1  # "Independent Shane P. O’Reilly": how he stands, not his name
                    k += 1
                    continue
                if tk.lower.endswith("-old") or tk.lower.endswith("-year"):
                    if k == j:
                        j += 1  # "Fourteen-year-old Molly Brandt"
                        k += 1
                        continue
                    break
                hit = lex.match(toks, k, b) if (tk.text in lex._exact or
                                                tk.lower in lex._lower) else None
                if hit is not None and hit[0] == 1 and hit[1].kind == "role" and \
                        tk.text[:1].isupper() and not org_head and (
                            tk.text in self._surnames or (
                                k == j + 1 and toks[j].text in lex.given_names and
                                (k + 1 >= b or not toks[k + 1].joined or
                                 not toks[k + 1].text[:1].isupper()))):
                    # "Barry Dancer": a surname after a given name, and "Dancer" later
                    hit = None
                if hit is not None and hit[1].kind == "group" and tk.text in _ORG_HEADS and (
                        k > j or hit[1].name in _INSTITUTIONS):
                    hit = None  # "Popular Mobilization Forces", "Department for Education"
                if hit is not None and self._opens_body_name(k, hit[0], hit[1], b):
                    hit = None  # "Kelbrook Residents' Committee", "Nurses and Midwives Union",
                    # "Justice and Development Party"
                if hit is not None and org_head and hit[1].kind == "role" and \
                        toks[k - 1].lower in ("of", "for"):
                    hit = None  # "Department of Justice", "Ministry of Defence"
                if hit is not None and org_head and toks[k - 1].lower == "in" and \
                        hit[1].kind in ("country", "place") and tk.text not in _DATE_WORDS and \
                        any(toks[x].text in _POSTED_BODIES for x in range(j, k)):
                    hit = None  # "the United States Embassy in Iraq": which embassy it is
                if hit is not None and not (org_head and hit[1].kind not in (
                        "role", "honorific", "nation", "country")) and not (
                        k > j and hit[0] == 1 and hit[1].kind == "place"):
                    break
                if tk.text in _ORG_HEADS:
                    org_head = True
                elif k - j - particles >= 4 and not org_head:
                    break
                k += 1
                name_end = k
            if descs and descs[-1][2].kind == "group":
                name_end = j
            if name_end == j + 1 and not org_head and descs and \
                    descs[-1][2].kind in ("role", "honorific") and name_end < b and \
                    toks[name_end].joined and not toks[j].possessive and \
                    toks[j].text.isalpha() and toks[j].lower.endswith(_ADJECTIVE_ENDINGS) and \
                    toks[j].text not in lex.given_names and \
                    toks[name_end].text[:1].isupper() and \
                    (hit := lex.match(toks, name_end, b)) is not None and \
                    hit[1].kind == "role":
                # "Chief Returning Officer Tomas Varga", "Chief Financial Officer Jane Doe":
                # an adjective between two capitalised title words belongs to the title;
                # the name comes after it.
                self._title_from[name_end] = self._title_from.get(i, i)
                i = name_end
                continue
            if name_end > j and not org_head and not descs and j > 0 and \
                    toks[j - 1].lower in ("a", "an", "the") and toks[j].joined and \
                    name_end < b and toks[name_end].joined and \
                    toks[name_end].lower in _STAFF_NOUNS and \
                    text[toks[j].start:toks[name_end - 1].end] not in lex.people:
                org_head = True  # "a Southern Water spokesman": the name is an organisation
            emb = name_end if name_end > j else j
            if (name_end == j + 1 or (name_end == j and descs and all(
                    d[2].kind in ("nation", "country") for d in descs))) and emb < b and \
                    toks[emb].joined and toks[emb].lower in _POSTED_BODIES_LOWER and \
                    not toks[emb - 1].possessive:
                # "the Chilean embassy confirmed", "the French consulate": the state's
                # mission, named by its adjective (known to the word list or not).
                start = descs[0][0] if name_end == j else j
                span = Span(toks[start].start, toks[emb].end)
                nations = [d[2] for d in descs if d[2].kind in ("nation", "country")]
                self._add(Mention(span, span, "org", text[span.start:span.end], start,
                                  emb + 1, start, in_quote=toks[start].in_quote,
                                  affiliation=nations[-1].affiliation if nations else None))
                i = emb + 1
                continue
            if name_end > j and (org_head or toks[j].text in self.aliases):
                self._org_name(i, descs, j, name_end)
                i = name_end + skip_title
                continue
            portfolio_and = self._portfolio_and(j)
            if name_end - j >= 3 and not org_head and (
                    (descs and descs[-1][2].kind in ("role", "honorific")) or
                    (j > 0 and toks[j - 1].lower in ("of", "for") and toks[j].joined) or
                    portfolio_and):
                # "Secretary of Transport Jane Doe", "Chancellor of the Duchy of Lancaster
                # Tom Aldous": the office runs on in capitals; the name starts at the
                # given name. An office of two portfolios joined by "and" runs on too:
                # "State Secretary for Housing and Planning Anna van Dijk" is Anna van
                # Dijk (a lower-case particle inside her name is hers).
                names = lex.given_names
                after_office = bool(descs) and descs[-1][2].kind in ("role", "honorific") \
                    and descs[-1][1] == j
                if j > 0 and toks[j - 1].lower in ("of", "for", "and"):
                    after_office = True
                    # "Minister for Information and Broadcasting Pushpa Kamal Dahal": the
                    # portfolio's words first, then the name
                    q = j
                    while q < name_end - 2 and (toks[q].lower in _PORTFOLIO_WORDS or
                                                toks[q].text == "and"):
                        q += 1
                    if q > j and toks[q - 1].text != "and":
                        j = q
                for q in range(j + 1, name_end - 1 if name_end - j > 3 else name_end):
                    if toks[q].text in names and toks[q - 1].text not in names and \
                            toks[q - 1].lower not in _PARTICLES and \
                            toks[q].lower not in _PARTICLES and not any(
                                toks[x].lower in _PARTICLES and not (
                                    portfolio_and and toks[x].text.islower())
                                for x in range(q, name_end)):
                        if q == j + 1 and after_office and name_end - j <= 3 and \
                                toks[j].lower not in _PORTFOLIO_WORDS and \
                                toks[j].text not in _ORG_HEADS and \
                                lex.match(toks, j, j + 1) is None:
                            break  # "Chairman Pushpa Kamal Dahal": an unknown first name
                        j = q
                        break
                else:
                    if name_end - j >= 4 and toks[j - 1].lower in ("of", "for") and not any(
                            toks[x].lower in _PARTICLES for x in range(j, name_end)):
                        j = name_end - 2  # "Minister for Digital Services Sara
                        # Qadir": four capitalised words after the office, the name last
                    elif toks[j - 1].lower in ("of", "for", "and"):
                        # "Minister for Information and Broadcasting Shibli Faraz",
                        # "Commissioner of Police Ealan Powell": the portfolio's words
                        # belong to the office, the name comes after them
                        q = j
                        while q < name_end - 2 and toks[q].lower in _PORTFOLIO_WORDS:
                            q += 1
                        j = q
            if name_end > j:
                post = name_end
                while post < b and toks[post].joined and toks[post].text in POST_NOMINALS \
                        and not toks[post - 1].possessive:
                    post += 1
                if post == name_end + 1 and toks[name_end].text in _SEAT_HOLDERS and j > 0 \
                        and toks[j - 1].lower in ("the", "a", "an") and toks[j].joined and \
                        not descs and toks[j].text not in lex.given_names:
                    # "The South Belfast MLA said": the member for a seat, a role (a
                    # person's name never takes "the")
                    span = Span(toks[j - 1].start, toks[name_end].end)
                    self._add(Mention(span, span, "role", text[span.start:span.end], j - 1,
                                      post, j - 1, in_quote=toks[j].in_quote,
                                      role=toks[name_end].lower, role_class="gov",
                                      group_class="definite" if toks[j - 1].lower == "the"
                                      else "indefinite"))
                    i = post
                    continue
                self._person_or_name(label, i, descs, j, name_end, post)
                named = self.mentions[-1] if title is not None and self.mentions else None
                if title is not None and named is not None and named.tok_start == j and \
                        title.role and named.kind in ("name", "person"):
                    named.kind = "person"
                    named.role, named.role_class = title.role, title.role_class
                    self._apposed[id(title)] = named
                i = post
                continue
            if descs:
                self._descriptor_only(label, i, descs)
                i = j
                continue
            i += 1

    def _agency_names(self) -> None:
        """``Xinhua news agency reported``, ``news agency ANP says``, ``the newspaper El
        Sur``: a news outlet named with its noun is the outlet of that name (not an unnamed
        "news agency" or "newspaper")."""
        toks = self.tokens
        by_start = {m.chunk_tok_start: m for m in self.mentions}
        by_end = {m.tok_end: m for m in self.mentions}
        drop: set[int] = set()
        added: list[Mention] = []
        for i in range(len(toks) - 1):
            if toks[i].lower in _OUTLET_NOUNS and toks[i + 1].joined and \
                    toks[i + 1].text[:1].isupper() and not toks[i].in_quote and \
                    not toks[i].possessive:
                # "the newspaper El Sur", "broadcaster RTÉ": the outlet of that name
                named = by_start.get(i + 1)
                if named is not None and named.kind in ("name", "initial", "brand", "org",
                                                        "media", "person") and \
                        named.tok_end - named.tok_start <= 4 and named.tok_start == i + 1:
                    noun = by_start.get(i) or by_start.get(i - 1)
                    named.kind, named.affiliation, named.role = "media", "news media", \
                        toks[i].lower
                    start = noun.chunk_tok_start if noun is not None else i
                    named.chunk = Span(toks[start].start, named.chunk.end)
                    named.chunk_tok_start = start
                    if noun is not None and noun is not named:
                        drop.add(id(noun))
                continue
            if toks[i].lower != "news" or toks[i + 1].lower != "agency" or \
                    not toks[i + 1].joined or toks[i].in_quote:
                continue
            noun = by_start.get(i) or by_start.get(i - 1)
            name = by_end.get(i)
            if name is not None and name.kind in ("name", "initial", "brand", "org", "media") and \
                    toks[i].joined and name.tok_end - name.tok_start <= 3:
                # "Xinhua news agency": the name, up to the noun
                name.kind, name.affiliation, name.role = "media", "news media", "news agency"
                name.tok_end = i + 2
                name.chunk = Span(name.chunk.start, toks[i + 1].end)
                if noun is not None:
                    drop.add(id(noun))
                continue
            k = i + 2
            after = by_start.get(k)
            if after is not None and after.kind in ("org", "name", "initial") and \
                    after.tok_end == k + 1 and toks[k].joined and not toks[k - 1].possessive:
                # "news agency ANP says" where the acronym was already read as a body
                after.kind, after.affiliation, after.role = "media", "news media", \
                    "news agency"
                start = noun.chunk_tok_start if noun is not None else i
                while start > 0 and toks[start].joined and \
                        toks[start - 1].lower in _AGENCY_MODIFIERS:
                    start -= 1
                after.chunk = Span(toks[start].start, after.chunk.end)
                after.chunk_tok_start = start
                if noun is not None:
                    drop.add(id(noun))
                continue
            if k < len(toks) and toks[k].joined and toks[k].text[:1].isupper() and \
                    toks[k].text.isalpha() and toks[k].lower not in lexicon().verbs and \
                    not toks[k - 1].possessive and k not in by_start:
                # "news agency ANP": the name after the noun
                start = noun.chunk_tok_start if noun is not None else i
                while start > 0 and toks[start].joined and \
                        toks[start - 1].lower in _AGENCY_MODIFIERS:
                    start -= 1  # "the state news agency SANA", "a semi-official news agency"
                span = Span(toks[k].start, toks[k].end)
                added.append(Mention(span, Span(toks[start].start, span.end), "media",
                                     toks[k].text, k, k + 1, start, in_quote=toks[k].in_quote,
                                     affiliation="news media", role="news agency"))
                if noun is not None:
                    drop.add(id(noun))
        if drop or added:
            self.mentions = [m for m in self.mentions if id(m) not in drop] + added
            self.mentions.sort(key=lambda x: x.span.start)

    def _acronyms_in_lists(self) -> None:
        """``Public broadcasters RTN, KTV and Nordradio``: acronyms listed with a
        one-word name are bodies' names like it (an acronym alone, ``EEZ``, is no name)."""
        toks = self.tokens
        text = self.article.text
        added: list[Mention] = []
        for m in self.mentions:
            c = m.chunk_tok_start
            if m.kind not in ("name", "org") or m.in_quote or m.tok_end - m.tok_start != 1 or \
                    c < 2 or toks[c - 1].lower != "and" or not toks[c].joined:
                continue
            items: list[int] = []
            k = c - 2  # the word before "and"
            sep = text[toks[k].end:toks[k + 1].start].strip()
            while k >= 0 and sep in ("", ",") and _ACRONYM_WORD.fullmatch(toks[k].text) and \
                    not toks[k].in_quote and not toks[k].possessive:
                items.append(k)
                if k == 0:
                    break
                sep = text[toks[k - 1].end:toks[k].start].strip()
                if sep != ",":
                    break
                k -= 1
            if not items:
                continue
            if m.kind == "name":
                m.kind = "org"  # "Nordradio", listed with RTN and KTV
            for k in items:
                span = Span(toks[k].start, toks[k].end)
                added.append(Mention(span, span, "org", toks[k].text, k, k + 1, k,
                                     part=m.part))
        if added:
            self.mentions.extend(added)
            self.mentions.sort(key=lambda x: x.span.start)

    def _dateline(self, a: int, b: int) -> bool:
        """Whether tokens ``[a, b)`` are the place of a dateline: the first words of a
        paragraph, then a colon, a dash, an agency in brackets or a date (``ISLAMABAD:``,
        ``SEOUL, Dec. 25 (Yonhap) --``, ``Tehran, May 23``), or a paragraph of their own."""
        region_end = self._region_end.get(a)
        if region_end is None:
            return False
        toks = self.tokens
        if b >= region_end:
            return True  # "ANKARA" on a line of its own
        after = self.article.text[toks[b - 1].end:toks[b].start]
        if any(ch in after for ch in ":(—–") or "--" in after or after.strip() == "-":
            return True
        nxt = toks[b].text.rstrip(".")
        return "," in after and (nxt in _DATE_WORDS or nxt in _MONTH_ABBREVIATIONS or
                                 nxt[:1].isdigit())

    def _generic_org_end(self, j: int, b: int) -> int:
        """The end of a generic organisation name from token ``j`` (``Air Force``,
        ``Supreme Court``, ``Foreign Ministry``), or ``j`` when there is none."""
        toks = self.tokens
        k = j
        end = j
        while k < b and k - j < 4 and (k == j or (toks[k].joined and
                                                  not toks[k - 1].possessive)):
            w = toks[k].text
            if w in _ORG_HEADS:
                end = k + 1
            elif w not in _GENERIC_ORG_WORDS:
                break
            k += 1
        return end

    def _given_name_at(self, k: int, b: int) -> bool:
        """Whether token ``k`` is a given name followed by a capitalised surname."""
        toks = self.tokens
        return k + 1 < b and toks[k].text in lexicon().given_names and \
            not toks[k].possessive and toks[k + 1].joined and \
            toks[k + 1].text[:1].isupper() and toks[k + 1].text not in _ORG_HEADS and \
            not toks[k + 1].text.isupper()

    def _plural_possessive(self, k: int) -> bool:
        """Whether token ``k`` follows a plural possessive (``Residents' Committee``)."""
        prev = self.tokens[k - 1]
        gap = self.article.text[prev.end:self.tokens[k].start]
        return prev.text.endswith("s") and gap in ("' ", "’ ")

    def _org_run(self, k: int, b: int) -> bool:
        """Whether the capitalised words from token ``k`` run on to an organisation word,
        through ``and``/``of``/``for`` and plural possessives: ``Residents' Committee``,
        ``Nurses and Midwives Union``, ``Teachers' Union``."""
        toks = self.tokens
        j = k
        while j < b and j - k < 7:
            t = toks[j]
            if j > k and not (t.joined and not toks[j - 1].possessive) and \
                    not self._plural_possessive(j):
                return False
            if t.lower in ("and", "of", "for") and j > k:
                j += 1
                continue
            if not t.text[:1].isupper():
                return False
            if t.text in _ORG_HEADS:
                return True
            j += 1
        return False

    def _opens_body_name(self, k: int, n: int, entry: Entry, b: int) -> bool:
        """Whether the group or role word(s) ``[k, k + n)`` in capitals open a body's name
        (``Kelbrook Nurses and Midwives Union``, ``the Justice and Development Party``); an
        acronym never does."""
        if self.tokens[k].text.isupper():
            return False
        if entry.kind == "group":
            return self._org_run(k, b)
        return entry.kind == "role" and self._role_in_org_name(k, n, b)

    def _role_in_org_name(self, k: int, n: int, b: int) -> bool:
        """Whether the role word(s) ``[k, k + n)`` open the name of a body: ``Justice and
        Development Party``, ``General Confederation of Labor`` (not ``Assistant Chief
        Constable of Devon and Cornwall Police``, a role of a body, nor ``Chief Cabinet
        Secretary``, a title)."""
        toks = self.tokens
        if n != 1 or k + n >= b or toks[k + n].lower in ("of", "for") or \
                any(toks[x].text in _ORG_HEADS for x in range(k, k + n)) or \
                not self._org_run(k, b):
            return False
        h = k + n
        while h < b and toks[h].text not in _ORG_HEADS:
            if lexicon().is_role_word(toks[h].lower):
                return False  # "Justice Minister Ines Marlow Ministry": a title first
            h += 1
        nxt = h + 1
        return not (nxt < b and toks[nxt].joined and toks[nxt].text[:1].isupper() and
                    lexicon().is_role_word(toks[nxt].lower))

    def _org_name(self, i: int, descs: list[tuple[int, int, Entry]], j: int, k: int) -> None:
        """An organisation not in the word list: ``Joint Chiefs of Staff``, ``Iranian
        Revolutionary Guard Corps``. ``(JCS)`` right after it makes an alias."""
        toks = self.tokens
        text = self.article.text
        start = j
        aff = None
        nations = [d for d in descs if d[2].kind in ("nation", "country")]
        if nations and nations[-1][1] == j and all(d[2].kind in ("nation", "country")
                                                   for d in descs):
            start = descs[0][0]
            aff = nations[-1][2].affiliation
        elif descs and descs[-1][1] == j and descs[-1][2].kind == "org" and len(descs) == 1:
            # "United Nations" + "Relief and Works Agency …": one name.
            start = descs[0][0]
            aff = descs[-1][2].affiliation
            self._drop_org_mention_at(start)
        span = Span(toks[start].start, toks[k - 1].end)
        name = text[span.start:span.end]
        if k - j == 1 and toks[j].text in self.aliases:
            name = self.aliases[toks[j].text]
        else:
            m = _ACRONYM.match(text, span.end)
            if m:
                self.aliases[m.group(1)] = name
        self._add(Mention(span, span, "org", name, start, k, start,
                          in_quote=toks[start].in_quote, affiliation=aff))

    def _document(self, i: int, a: int) -> None:
        """``the report``, ``WHO guidelines``, ``a state media report``: a document that may
        be quoted. It counts as a source only if the article attributes words to it."""
        toks = self.tokens
        start = i
        while start > a and i - start < 4 and toks[start].joined and \
                toks[start - 1].lower not in _DOC_DETERMINERS and (
                toks[start - 1].lower in _DOC_MODIFIERS or toks[start - 1].text.isupper() or
                (toks[start - 1].text[:1].isupper() and not toks[start - 1].possessive)):
            start -= 1
        if start == i and start > a and toks[start - 1].possessive and toks[start].joined:
            # "the hotel's website", "the United Nations' agency's report": the owner's name
            # (an organisation named in full, or one word) is part of the document's.
            # "Jane Doe's affidavit": a person's document is named with the full name.
            owner = next((m for m in reversed(self.mentions[-3:]) if m.tok_end == start and
                          m.kind in ("org", "media", "country", "brand") or (
                              m.tok_end == start and m.kind in ("person", "name") and
                              toks[i].lower in _PERSONAL_DOCS)), None)
            start = owner.tok_start if owner is not None else start - 1
        if start > a and toks[start - 1].lower not in _DOC_DETERMINERS and start == i:
            return
        span = Span(toks[start].start, toks[i].end)
        text = self.article.text[span.start:span.end]
        chunk = start - 1 if start > a and toks[start - 1].lower in _DOC_DETERMINERS else start
        self._add(Mention(span, Span(toks[chunk].start, span.end), "document", text, start,
                          i + 1, chunk, in_quote=toks[i].in_quote))

    def _document_owner_end(self, m: Mention) -> int | None:
        """``a statement from Israeli Prime Minister Benjamin Netanyahu's office``: the token
        after the source a document comes from (``from`` + a named body or person, and the
        office after a possessive), or ``None``."""
        toks = self.tokens
        t = m.tok_end
        if t + 1 >= len(toks) or toks[t].lower != "from" or not toks[t].joined or \
                not toks[t + 1].joined or toks[t].in_quote:
            return None
        owner = self.mention_at.get(t + 1)
        if owner is None and toks[t + 1].lower == "the":
            owner = self.mention_at.get(t + 2)
        if owner is None or owner.in_quote or owner.kind not in (
                "person", "name", "org", "country", "media", "brand", "group"):
            return None
        if owner.kind == "group" and not owner.text[:1].isupper():
            return None  # "a report from local officials": people, not a body's name
        end = owner.tok_end
        if toks[end - 1].possessive and end < len(toks) and toks[end].joined and \
                toks[end].lower in _PERSONAL_BODIES:
            end += 1  # "… Netanyahu's office"
        return end

    def _drop_org_mention_at(self, tok: int) -> None:
        if self.mentions and self.mentions[-1].tok_start == tok and \
                self.mentions[-1].kind == "org":
            self.mentions.pop()

    def _person_or_name(self, label: str, i: int, descs: list[tuple[int, int, Entry]],
                        j: int, k: int, post: int = 0) -> None:
        toks = self.tokens
        given = lexicon().given_names
        if k - j == 3 and not descs and post == k and toks[j].text not in given and \
                toks[j + 1].text in given and toks[j].text.isalpha() and \
                toks[j].text[1:].islower() and not toks[j].possessive and not any(
                    toks[x].lower in _PARTICLES for x in range(j, k)) and \
                self.article.text[toks[j].start:toks[k - 1].end] not in self._long_names and \
                (toks[j].lower in _PORTFOLIO_WORDS or toks[j].lower.endswith(_ROLE_ENDINGS) or
                 not any(v in toks[j].lower for v in "aeiouy") or
                 self._used_alone(toks[j].text, toks[j + 1].text)):
            # "Taoiseach Sean Dolan", "Tánaiste Aoife Brennan": a capitalised word that is
            # no given name before a given name and a surname is an office the role list
            # lacks; the person is "Sean Dolan" (later "Mr Dolan"), when the article uses
            # the word without that name too ("the Taoiseach said") or it reads as an office
            # ("Interior", "Realtor") or as the short form of one ("Clr", "Supt": no vowel).
            # Not a name named so in
            # full before ("Chairman Pushpa Kamal Dahal", then "Pushpa Kamal Dahal") nor
            # one whose first word appears only in it ("Pushpa Kamal Dahal said").
            j += 1
        span = Span(toks[j].start, toks[k - 1].end)
        name = self.article.text[span.start:span.end]
        if toks[k - 1].text in _STREET_WORDS and not toks[k - 1].possessive:
            return  # "Brook Street", "Queen Street", "Ashgrove Terrace": streets, not people
        if not toks[k - 1].possessive and k < len(toks) and toks[k].joined and \
                toks[k].text.islower() and toks[k].text.title() in _PLACE_OR_AREA_WORDS:
            return  # "East Kelawi regency", "Kiambu county": a place named, not a person
        if k - j == 1 and "-" in name and all(
                part in lexicon().nationality_adjectives for part in name.split("-")):
            return  # "the Austrian-Slovak border", "West African": adjectives, not a name
        role = role_class = org = nation = aff = None
        has_title = post > k  # "Jane Smith MP", "Sammy Davis Jr": letters only a person has
        for p in range(k, post):
            hit = lexicon().match(toks, p, p + 1)
            if hit is not None and hit[1].kind == "role" and role is None:
                role, role_class = hit[1].name, hit[1].cls
        for a, b, e in descs:
            if e.kind in ("role", "honorific"):
                has_title = True
                if e.kind == "role":
                    role, role_class = e.name, e.cls
            elif e.kind in ("org", "media"):
                org, aff = e.name, e.affiliation
                a0 = _nation_prefix(descs, a) if e.kind == "org" else a
                self._add(Mention(Span(toks[a0].start, toks[b - 1].end),
                                  Span(toks[a0].start, toks[b - 1].end), e.kind, e.name, a0, b,
                                  a0, in_quote=toks[a].in_quote, affiliation=e.affiliation))
            elif e.kind in ("nation", "country"):
                nation = e.affiliation
        if aff is None and nation and (role_class in _GOV_ROLE_CLASSES):
            aff = nation
        if k - j == 1 and not descs and (name.isupper() or any(c.isdigit() for c in name)):
            if name.isupper() and name.isalpha() and 2 <= len(name) <= 6 and k < len(toks) \
                    and toks[k].joined and not self._after_link(j) and (
                        lexicon().verbs.get(toks[k].lower) in ("say", "tell") or (
                            (hit := lexicon().match(toks, k, len(toks))) is not None and
                            hit[1].kind in ("role", "group"))):
                # "ND said it submitted the video", "The BNP leader said": an acronym that
                # speaks, or whose officer speaks, is a body's name
                self._add(Mention(span, span, "org", name, j, k, j,
                                  in_quote=toks[j].in_quote))
            return  # "EEZ", "H1N1": not a person's name
        if not descs and name.isupper() and self._dateline(j, k):
            return  # "NEW YORK - The season is in jeopardy": a dateline, not a person
        if not descs and post == k and k < len(toks) and \
                self.article.text[toks[k - 1].end:toks[k].start].strip() == "/" and \
                "(" in self.article.text[max(0, toks[j].start - 2):toks[j].start]:
            # "(SETH WENIG / Associated Press)": a photo credit, the photographer and the
            # agency; a media credit, not a person in the story
            self._add(Mention(span, span, "media", name, j, k, j, in_quote=toks[j].in_quote,
                              affiliation="news media", role="photographer"))
            return
        if k - j >= 2:
            self._surnames.add(_family_name(name))
        if label == "agency_note" and not descs:
            credit = re.search(r"(\w+)\s+by\s*$", self.article.text[
                max(0, toks[j].start - 40):toks[j].start])
            role = {"reporting": "reporter", "writing": "writer", "editing": "editor",
                    "compiled": "compiler"}.get(credit.group(1).lower(), "credit") \
                if credit else "credit"
            self._add(Mention(span, span, "media", name, j, k, j, affiliation="news media",
                              role=role))
            return
        if k - j == 1 and _WEB_ADDRESS.fullmatch(name):
            # "Korvo.net reported": a web address is a news site, not a person.
            self._add(Mention(span, span, "media", name, j, k, j, in_quote=toks[j].in_quote,
                              affiliation="news media", role="website"))
            return
        if k - j == 1 and not descs and post == k and _CAMEL_CASE.match(name):
            # "QueueCount", "YouTube", "PayPal": one word with a capital inside (not
            # after a name prefix, as in "McCain" or "DeSantis") names a product, a service
            # or a firm, never a person; it is a source only if words are given to it.
            self._add(Mention(span, span, "brand", name, j, k, j, in_quote=toks[j].in_quote))
            return
        kind = "person" if has_title or name in lexicon().people else "name"
        if kind == "name" and not descs and k - j == 1 and self._sentence_initial(j) and \
                "." not in name:
            kind = "initial"  # "People said ...": a capital only because it starts a sentence
        # "according to Indonesia's disaster agency", "talks with Estonia": a country
        # named as a noun is a government, never a person; like a brand it counts as a
        # source only if words are given to it ("Indonesia said").
        country = kind == "name" and not descs and k - j == 1 and post == k and \
            name in lexicon().countries
        if kind == "name" and descs and k - j >= 2:
            kind = "person"
        if kind == "name" and not descs and k - j >= 2 and j > 0 and toks[j].joined and \
                toks[j - 1].lower == "the" and not toks[k - 1].possessive and \
                toks[j].text not in lexicon().given_names:  # "the Peter Hale affair"
            # "articles of the Criminal Code", "the Harbour First Precinct": a name after
            # "the" names a thing or a body, never a person; it counts only if it speaks.
            self._add(Mention(span, Span(toks[j - 1].start, span.end), "brand", name, j, k,
                              j - 1, in_quote=toks[j].in_quote))
            return
        chunk_start = i = self._title_from.get(i, i)
        if i > 0 and toks[i - 1].lower in ("the",) and toks[i].joined and descs:
            chunk_start = i - 1
        if k - j >= 2 and post > k and toks[k].text in _GENERATIONS:
            # "Comelec chair Ramon Aldana Jr": "Jr" / "III" is part of the person's name
            # (honours and offices after it, "MP", "QC", are not); later "Aldana".
            self._generational[span.start] = f"{name} {toks[k].text}"
        self._add(Mention(span, Span(toks[chunk_start].start, span.end),
                          "brand" if country else kind, name, j, k,
                          chunk_start, in_quote=toks[j].in_quote, role=role,
                          role_class=role_class, organisation=org, nation=nation,
                          affiliation=lexicon().countries[name] if country else aff))
        if (kind in ("name", "initial") and not country) or (
                kind == "person" and (role is None or role_class in ("military", "honorific"))
                and post == k):
            # "Pol Maj Gen Somsak Rattana, deputy chief of the Harbour Police Bureau,", "Dr
            # Sarah Khan, the chief surgeon,": a rank or courtesy title says who the person
            # is; the role after the comma says what they do, and "the deputy chief" or "the
            # surgeon" later is them.
            self._appositive(self.mentions[-1], k)
        person = self.mentions[-1]
        if kind in ("name", "person") and not country:
            self._role_before(person, chunk_start, k)
            age = _AGE_AFTER.match(self.article.text, toks[k - 1].end)
            if age is not None:
                self._ages.setdefault(age.group(1), []).append((span.start, person))
        if not toks[k - 1].possessive and k < len(toks) and toks[k].joined and \
                toks[k].lower in _NAMED_BODIES:
            # "the Trump administration said": the administration speaks.
            body = Span(span.start, toks[k].end)
            self._add(Mention(body, body, "org", self.article.text[body.start:body.end], j,
                              k + 1, j, in_quote=toks[j].in_quote,
                              affiliation=person.affiliation or lexicon().people.get(name)))
        if toks[k - 1].possessive and k + 1 < len(toks) and toks[k].joined and \
                toks[k + 1].joined and toks[k + 1].lower == "ministry" and \
                toks[k].text.isalpha() and toks[k].text.islower() and \
                name in lexicon().countries:
            # "Kenya's education ministry said": the state's ministry speaks
            body = Span(span.start, toks[k + 1].end)
            self._add(Mention(body, body, "org", self.article.text[body.start:body.end], j,
                              k + 2, j, in_quote=toks[j].in_quote,
                              affiliation=lexicon().countries[name]))
        if toks[k - 1].possessive and k < len(toks) and toks[k].joined and \
                toks[k].lower in _PERSONAL_BODIES:
            # "Benjamin Netanyahu's office said": the office speaks, not the man himself.
            body = Span(span.start, toks[k].end)
            written = self.article.text[body.start:body.end]
            gov = lexicon().countries.get(name) if toks[k].lower == "government" else None
            if gov is not None and gov.endswith(" government"):
                # "Kenya's government" is the Kenyan government, named like "the Kenyan
                # government" or "the government of Kenya" elsewhere.
                written = gov
            self._add(Mention(body, body, "org", written, j,
                              k + 1, j, in_quote=toks[j].in_quote,
                              affiliation=gov or person.affiliation or
                              lexicon().people.get(name)))

    def _role_before(self, person: Mention, j: int, k: int) -> None:
        """``The company's chief executive, John Smith, said``, ``Estonia's foreign minister,
        Jane Doe, met …``: a role, a comma, then a name set off by a second comma (or
        followed by its verb) says who holds the role; "the chief executive" later is them."""
        toks = self.tokens
        text = self.article.text
        if j < 1 or len(self.mentions) < 2 or text[toks[j - 1].end:toks[j].start].strip() != ",":
            return
        role = self.mentions[-2]
        if role.kind != "role" and len(self.mentions) >= 3 and \
                self.mentions[-3].kind == "role" and role.tok_end == j:
            # "A spokeswoman for the ministry, Maria Lopez, said": the body the role
            # belongs to comes between
            body_at = self.mentions[-3].tok_end
            if j - body_at <= 7 and toks[body_at].lower in ("for", "of", "at", "with") and \
                    "," not in text[toks[body_at].start:toks[j - 1].end]:
                role = self.mentions[-3]
                j = role.tok_end
        if role.kind != "role" or role.tok_end != j or not role.role or role.in_quote:
            return
        after = text[toks[k - 1].end:toks[k].start].strip() if k < len(toks) else "."
        lex = lexicon()
        if not (after in (",", ".") or (after == "" and k < len(toks) and (
                toks[k].lower in lex.verbs or toks[k].lower in FINITE_AUX))):
            return
        if person.role is None:
            person.kind = "person"
            person.role, person.role_class = role.role, role.role_class
            person.organisation = person.organisation or role.organisation
            if person.affiliation is None and role.nation and \
                    role.role_class in _GOV_ROLE_CLASSES:
                person.affiliation = role.nation
        self._apposed[id(role)] = person

    def _office_ends(self, p: int) -> bool:
        """Whether an office ("Commissioner", "Assistant Commissioner") ends just before
        token ``p`` ("of" in "Commissioner of Police")."""
        toks = self.tokens
        return any((hit := lexicon().match(toks, x, p)) is not None and x + hit[0] == p and
                   hit[1].kind == "role" for x in range(p - 1, max(-1, p - 4), -1))

    def _after_portfolio(self, k: int, b: int) -> int:
        """Where a name starts after the portfolio words from token ``k`` ("Information and
        Broadcasting Shibli Faraz"), or ``k`` when no capitalised name follows them."""
        toks = self.tokens
        q = k
        while q < b and (q == k or toks[q].joined) and (
                toks[q].lower in _PORTFOLIO_WORDS or toks[q].text == "and"):
            q += 1
        if q >= b or q == k or toks[q - 1].text == "and" or not toks[q].joined or \
                not toks[q].text[:1].isupper() or toks[q].lower in lexicon().verbs:
            return k
        return q

    def _after_link(self, j: int) -> bool:
        """Whether token ``j`` follows "of", "for", "at" … (maybe with "the"): it names
        whose or which something is ("the general secretary of the NEU said")."""
        toks = self.tokens
        k = j - 1
        if k >= 0 and toks[k].lower == "the" and toks[j].joined:
            k -= 1
        return k >= 0 and toks[k + 1].joined and toks[k].lower in _LINK_WORDS

    def _used_alone(self, word: str, then: str) -> bool:
        """Whether the article uses ``word`` other than right before ``then`` (counted once
        for the whole article, so that asking stays linear)."""
        if self._word_counts is None:
            toks = self.tokens
            self._word_counts = (
                Counter(t.lower for t in toks),
                Counter((toks[x].lower, toks[x + 1].lower) for x in range(len(toks) - 1)
                        if toks[x + 1].joined))
        words, pairs = self._word_counts
        return words[word.lower()] > pairs[(word.lower(), then.lower())]

    def _portfolio_and(self, j: int) -> bool:
        """``Minister for Housing and Urban Affairs Jane Kelly``: the capitalised run at
        ``j`` follows "and" that joins two portfolios of an office named with "for"/"of"."""
        toks = self.tokens
        if j < 3 or toks[j - 1].lower != "and" or not toks[j].joined or not toks[j - 1].joined:
            return False
        for p in range(j - 2, max(0, j - 6), -1):
            if toks[p].lower in ("for", "of"):
                # the office before "for"/"of" ("Secretary", "Secretary of State")
                return p < j - 2 and any(
                    (hit := lexicon().match(toks, x, p)) is not None and x + hit[0] == p and
                    hit[1].kind == "role" for x in range(p - 1, max(-1, p - 5), -1))
            if not toks[p].text[:1].isupper() or not toks[p + 1].joined:
                return False
        return False

    def _sentence_initial(self, j: int) -> bool:
        toks = self.tokens
        if j == 0:
            return True
        gap = self.article.text[toks[j - 1].end:toks[j].start]
        return any(c in gap for c in ".!?\n") or gap.strip(" \u00a0") in ('"', "“", "'", "‘")

    def _appositive(self, mention: Mention, k: int) -> None:
        """``Jane Doe, a nurse at the hospital,``: the role after a comma makes a person."""
        toks = self.tokens
        text = self.article.text
        if k >= len(toks) or text[toks[k - 1].end:toks[k].start].strip() != ",":
            return
        j = k
        if toks[j].lower in _DETERMINERS:
            j += 1
        lex = lexicon()
        org = nation = role = None
        role_class = None
        while j < len(toks) and j - k < 6:
            m = lex.match(toks, j, len(toks))
            if m is None:
                if toks[j].lower in ("senior", "former", "top", "deputy", "acting", "chief",
                                     "leading", "local") or (toks[j].text[:1].isupper() and
                                                             j - k < 4 and toks[j].joined):
                    j += 1
                    continue
                break
            n, e = m
            if e.kind == "role":
                role, role_class = e.name, e.cls
            elif e.kind in ("org", "media"):
                org = e.name
                mention.affiliation = e.affiliation
            elif e.kind in ("nation", "country"):
                nation = e.affiliation
            elif e.kind == "group" and e.name in ("official", "spokesman", "spokeswoman",
                                                  "spokesperson", "resident", "witness"):
                role, role_class = e.name, "org"
            j += n
        if role and j < len(toks) and toks[j].joined and (
                toks[j].lower in lex.verbs or toks[j].lower in FINITE_AUX):
            # "… the HNU's QueueCount, an HNU spokesperson said": a role followed at once
            # by its verb is the subject of a new clause, not a description of the name.
            return
        if mention.kind == "initial" and (
                j >= len(toks) or text[toks[j - 1].end:toks[j].start].strip() != ","):
            # "Smith, the finance minister, disagreed": a lone word that opens a sentence
            # is a name when a role set off by commas describes it (not "Later, the
            # minister said").
            return
        if role:
            mention.kind = "person"
            mention.role, mention.role_class = role, role_class
            mention.organisation = mention.organisation or org
            if mention.affiliation is None and nation and role_class in _GOV_ROLE_CLASSES:
                mention.affiliation = nation

    def _descriptor_only(self, label: str, i: int, descs: list[tuple[int, int, Entry]]) -> None:
        toks = self.tokens
        last_a, last_b, last = descs[-1]
        first_a = descs[0][0]
        prev = toks[i - 1] if i > 0 and toks[i].joined else None
        det = prev.lower if prev is not None else None
        if prev is not None and prev.possessive and (
                prev.text[:1].isupper() or (i > 1 and toks[i - 1].joined and
                                            toks[i - 2].lower == "the")):
            det = "the"  # "Ostria's governor", "the port's chief executive"
        elif det in ("its", "his", "her", "their"):
            det = "the"  # "its chief executive"
        det_at = i - 1
        if det not in (None, "the", "a", "an", "one") and prev is not None and \
                prev.text.isalpha() and prev.text.islower() and i > 1 and toks[i - 1].joined \
                and toks[i - 2].lower in ("the", "a", "an") and \
                prev.lower not in lexicon().verbs and prev.lower not in _NOT_MODIFIERS:
            det, det_at = toks[i - 2].lower, i - 2  # "the environment secretary"
        body = None
        if det not in ("the", "a", "an", "one") and len(descs) == 1 and last.kind == "role" \
                and prev is not None and not prev.possessive and prev.text[:1].isupper():
            body = self._body_before(i)
            if body is not None:
                # "An Opposition spokesman said", "A Scottish Government spokesperson", "a
                # Film at Lincoln Center spokesperson": an article, a body's name, then a
                # role: the one who speaks is the role holder of that body, not the body.
                det_at = body.chunk_tok_start - 1
                det = toks[det_at].lower
        if label == "headline" and det not in ("the", "a", "an", "one") and descs[-1][2].kind \
                == "role" and i > 0 and toks[i - 1].lower in lexicon().verbs:
            det, det_at = "a", i  # headlines drop "a": "…, says official"
        elif label == "headline" and det not in ("the", "a", "an", "one") and prev is not None \
                and "-" in prev.text and i > 1 and toks[i - 2].lower in lexicon().verbs:
            det, det_at = "a", i - 1  # "…, says pro-army official"
        if last.kind == "role" and any(e.kind == "group" for _, _, e in descs):
            last = Entry("group", last.name, cls="official")  # "administration official"
        if len(descs) == 1 and last.kind == "nation" and det_at >= 0 and \
                toks[det_at].lower == "the" and not toks[i].in_quote \
                and last_b == first_a + 1 and toks[first_a].text[1:].islower() \
                and (last_b >= len(toks) or not toks[last_b].joined or
                     toks[last_b].lower in lexicon().verbs or
                     toks[last_b].lower in FINITE_AUX):
            # "said the Portuguese", "The German told the BBC": a person by nationality.
            span = Span(toks[det_at].start, toks[last_b - 1].end)
            self._add(Mention(span, span, "role", self.article.text[span.start:span.end],
                              det_at, last_b, det_at, role=last.cls, role_class="nationality",
                              group_class="definite"))
            return
        if last.kind == "group" and prev is not None and prev.possessive and \
                prev.text[:1].isupper() and last.name in _PERSONAL_BODIES:
            return  # "Benjamin Netanyahu's office": named with its owner already
        if last.kind == "group" and any(
                m.kind == "org" and m.tok_start < first_a and m.tok_end >= last_b
                for m in self.mentions[-3:]):
            return  # "Kenya's education ministry": named already, with its state
        if last.kind == "group":
            start = first_a
            while start > 0 and toks[start].joined and toks[start - 1].lower in _GROUP_MODIFIERS:
                start -= 1
            if start > 0 and toks[start].joined and start < first_a + 1:
                before = lexicon().match(toks, start - 1, start)
                if before is not None and before[1].kind == "nation" and \
                        not any(e.kind in ("nation", "country", "org") for _, _, e in descs):
                    start -= 1  # "Palestinian health officials"
                    descs = [(start, start + 1, before[1]), *descs]
            start = self._group_words_before(start)
            while start < first_a and toks[start].lower in _QUANTIFIERS:
                start += 1
            prefix = [e for _, _, e in descs[:-1] if e.kind in ("nation", "country", "org")]
            aff = None
            if prefix:
                p = prefix[-1]
                if p.kind == "org":
                    aff = p.affiliation
                elif last.cls == "military":
                    aff = f"{p.cls or p.name} military" if p.kind == "nation" else \
                        (p.affiliation or "").replace("government", "military")
                elif last.cls == "official":
                    aff = p.affiliation
                else:
                    aff = p.cls if p.kind == "nation" else p.name
            chunk = start - 1 if start > 0 and toks[start].joined and \
                toks[start - 1].lower in _DETERMINERS else start
            if chunk < start and toks[chunk].lower in ("a", "an", "one", "another"):
                start = chunk
            end_b = last_b
            if last_b + 1 < len(toks) and start == last_a and \
                    toks[last_b].lower in ("in", "from") and \
                    toks[last_b].joined and toks[last_b + 1].joined and \
                    toks[last_b + 1].text[:1].isupper() and not toks[last_b - 1].possessive:
                end_b = last_b + 2  # "officials in Teheran"
                while end_b < len(toks) and end_b - last_b < 4 and toks[end_b].joined and \
                        toks[end_b].text[:1].isupper():
                    end_b += 1
            elif last.name in _ONE_PERSON_NOUNS and toks[chunk].lower in ("a", "an") and \
                    (org_end := self._org_after(last_b)) > last_b:
                # "an official from the Danish Embassy in Lisbon", "a spokeswoman for
                # the Kelbrook Teachers' Association": the body says which official it is.
                end_b = org_end
            elif last_b + 1 < len(toks) and start == last_a and last.name in _LOWER_ONLY_GROUPS \
                    and toks[last_b].lower == "of" and toks[last_b].joined and \
                    toks[last_b + 1].joined and not toks[last_b - 1].possessive:
                whose = lexicon().match(toks, last_b + 1, len(toks))
                if whose is not None and whose[1].kind == "country":
                    # "the government of Samoa": the state says whose government it is.
                    end_b = last_b + 1 + whose[0]
                    aff = whose[1].affiliation
                elif toks[last_b + 1].text in lexicon().countries:
                    end_b = last_b + 2
                    aff = lexicon().countries[toks[last_b + 1].text]
            if end_b == last_b:
                # "a source close to the ministry", "people familiar with the talks": the
                # phrase says which unnamed people speak, and is part of their name.
                end_b = self._close_to_end(last_b)
            span = Span(toks[start].start, toks[end_b - 1].end)
            self._add(Mention(span, Span(toks[chunk].start, span.end), "group",
                              self.article.text[span.start:span.end], start, end_b, chunk,
                              in_quote=toks[start].in_quote, affiliation=aff,
                              group_class=last.cls, role=last.name))
            if end_b > last_b and toks[last_b].lower in ("close", "familiar"):
                self._described_groups.append(self.mentions[-1])
            return
        roles = [(a, b, e) for a, b, e in descs if e.kind == "role"]
        for a, b, e in descs:
            if e.kind in ("org", "media"):
                a0 = _nation_prefix(descs, a) if e.kind == "org" else a
                self._add(Mention(Span(toks[a0].start, toks[b - 1].end),
                                  Span(toks[a0].start, toks[b - 1].end), e.kind, e.name, a0, b,
                                  a0, in_quote=toks[a].in_quote, affiliation=e.affiliation))
            elif e.kind == "country" and len(descs) == 1:
                written = self.article.text[toks[a].start:toks[b - 1].end]
                if written != e.name and not written.replace(".", "").isupper() and \
                        a > 0 and toks[a - 1].lower in _LOCATIVE:
                    continue  # "met in Cairo": the city, not Egypt's government
                if written != e.name and self._dateline(a, b):
                    continue  # "Tehran, May 9 Iran's …", "ISLAMABAD:": where it was filed
                self._add(Mention(Span(toks[a].start, toks[b - 1].end),
                                  Span(toks[a].start, toks[b - 1].end), "country", e.name, a, b,
                                  a, in_quote=toks[a].in_quote, affiliation=e.affiliation))
        if roles and roles[-1][2].cls != "honorific" and descs[-1][2].kind == "role" \
                and det in ("the", "a", "an", "one"):
            a, b, e = roles[-1]
            orgs = [x for x in descs if x[2].kind in ("org", "media")]
            nations = [x for x in descs if x[2].kind in ("nation", "country")]
            if body is not None:
                orgs = [(body.tok_start, body.tok_end, Entry("org", body.text,
                                                             affiliation=body.affiliation))]
            start = det_at
            ext = b
            if b + 1 < len(toks) and toks[b].lower in ("of", "for", "at") and toks[b].joined \
                    and toks[b + 1].joined and toks[b + 1].text[:1].isupper():
                # "the prime minister of Samoa": the name says whose prime minister.
                k = b + 1
                while k < len(toks) and k - b < 9 and toks[k].joined and (
                        toks[k].text[:1].isupper() or (toks[k].lower in ("of", "and", "the")
                                                       and k + 1 < len(toks) and
                                                       toks[k + 1].text[:1].isupper())):
                    k += 1
                    ext = k
                    if toks[k - 1].possessive and not (k < len(toks) and
                                                       toks[k].text[:1].isupper()):
                        break
            if ext == b and det in ("a", "an"):
                # "an official from the Danish Embassy in Lisbon", "a spokeswoman for
                # the Kelbrook Teachers' Association": the body says which one it is.
                ext = self._org_after(b)
            chunk = start
            owner = self._owner_before(i) if start == i - 1 and prev is not None and \
                prev.possessive else None
            if owner is not None:
                # "the Food and Agriculture Organization's chief veterinary officer": the
                # whole name of the owner, whose own owners ("the United Nations'") the
                # chunk takes in too.
                start = chunk = owner.tok_start
                while (o := self._owner_before(chunk)) is not None:
                    chunk = o.tok_start
                if owner.kind in ("org", "media"):
                    orgs = [(owner.tok_start, owner.tok_end, Entry(
                        owner.kind, owner.text, affiliation=owner.affiliation))]
            span = Span(toks[start].start, toks[ext - 1].end)
            self._add(Mention(span, Span(toks[chunk].start, span.end), "role",
                              self.article.text[span.start:span.end],
                              start, b, chunk, in_quote=toks[a].in_quote, role=e.name,
                              role_class=e.cls,
                              organisation=orgs[-1][2].name if orgs else None,
                              nation=nations[-1][2].affiliation if nations else None,
                              affiliation=(orgs[-1][2].affiliation if orgs else
                                           nations[-1][2].affiliation if nations else None),
                              group_class="definite" if det == "the" else "indefinite"))

    def _body_before(self, i: int) -> Mention | None:
        """The body named between ``a``/``an`` and the role word at token ``i``: ``an
        Opposition spokesman``, ``a Film at Lincoln Center spokesperson`` (names joined by
        ``at``/``of``/``for`` become one organisation), or ``None``."""
        toks = self.tokens
        chain: list[Mention] = []
        n = len(self.mentions)
        k = i
        while n > 0 and len(chain) < 3:
            m = self.mentions[n - 1]
            if m.tok_end != k or m.chunk_tok_start != m.tok_start or \
                    m.kind not in ("org", "name") or not toks[k].joined:
                break
            chain.append(m)
            n -= 1
            k = m.tok_start
            if k > 1 and toks[k - 1].lower in ("at", "of", "for") and toks[k].joined and \
                    toks[k - 1].joined and n > 0 and self.mentions[n - 1].tok_end == k - 1:
                k -= 1
                continue
            break
        if not chain or k < 1 or chain[-1].tok_start != k or not toks[k].joined or \
                toks[k - 1].lower not in ("a", "an"):
            return None  # "the Transport secretary": a definite role points back to someone named
        if len(chain) == 1:
            return chain[0]
        del self.mentions[n:]
        span = Span(toks[k].start, toks[i - 1].end)
        body = Mention(span, span, "org", self.article.text[span.start:span.end], k, i, k,
                       in_quote=toks[k].in_quote)
        self._add(body)
        return body

    def _role_shaped(self, i: int, b: int) -> bool:
        """Whether lower-case token ``i`` is a title the word lists lack, by its shape: a
        noun for a person (``ombudsman``, ``curator``, ``historian``) after ``the`` or an
        owner and before a name of two capitalised words (``Moldova's ombudsman Petru
        Lazar``, ``the curator Ana Ruiz``)."""
        toks = self.tokens
        t = toks[i]
        w = t.lower
        if t.text[:1].isupper():
            # "Ombudsman Petru Lazar": capitalised, only the "-man" words are surely
            # posts ("Victor", "Christian" are names).
            if not (w.endswith(("sman", "swoman", "sperson")) and t.text[1:].islower() and
                    t.text not in lexicon().given_names):
                return False
        elif not (i > 0 and t.joined and (toks[i - 1].lower == "the" or toks[i - 1].possessive)
                  and w.endswith(_ROLE_ENDINGS)):
            return False
        if not (i + 2 < b and toks[i + 1].joined and toks[i + 2].joined and len(w) >= 6 and
                w.isalpha() and w not in lexicon().verbs and
                toks[i + 1].text[:1].isupper() and toks[i + 2].text[:1].isupper() and
                toks[i + 1].text.isalpha() and not toks[i + 1].text.isupper()):
            return False
        return not t.possessive and lexicon().match(toks, i + 1, b) is None

    def _people_noun_speaks(self, i: int, a: int, b: int) -> bool:
        """Whether token ``i`` is a plural noun for people (``monitors``, ``observers``,
        ``economists``, ``residents``, ``civilians``) that is said to speak: followed by a
        speech verb (``monitors said``), or after ``according to`` or an inverted ``said``
        with only modifiers between (``according to the monitors``, ``said local
        observers``)."""
        toks = self.tokens
        t = toks[i]
        w = t.lower
        if len(w) < 6 or not w.isalpha() or not w.endswith(_PEOPLE_ENDINGS) or \
                w.endswith("ments") or w in _NOT_PEOPLE or t.possessive:
            return False
        verbs = lexicon().verbs
        if w in verbs:
            return False
        if i + 1 < b and toks[i + 1].joined and verbs.get(toks[i + 1].lower) in ("say", "tell"):
            return True
        k = i
        while k > a and i - k < 4 and toks[k].joined and toks[k - 1].text.isalpha() and \
                toks[k - 1].lower not in verbs and toks[k - 1].lower != "to":
            k -= 1
        if k <= a or not toks[k].joined:
            return False
        prev = toks[k - 1].lower
        return (prev == "to" and k - 1 > a and toks[k - 2].lower == "according") or \
            verbs.get(prev) == "say"

    def _group_words_before(self, start: int) -> int:
        """Where a group's name starts when the words before its noun say which group it
        is: nouns and adjectives (``disaster management agency``, ``ruling party
        officials``), one possessive owner (``the country's …``, ``Indonesia's …``), an
        acronym (``NASA officials``) or a capitalised adjective opening the sentence
        (``Humanitarian monitors``). News names such groups as written, and so does the
        name given to them."""
        toks = self.tokens
        lex = lexicon()
        k = start
        while k > 0 and start - k < 4 and toks[k].joined:
            w = toks[k - 1]
            before = toks[k - 2].lower if k > 1 and w.joined else ""
            if w.possessive:
                # "the country's disaster agency": a common noun owner is part of the name
                # ("Indonesia's disaster agency": a named owner is a source of its own).
                if w.text.islower() and w.text.isalpha() and before == "the" and not (
                        k > 2 and toks[k - 2].joined and toks[k - 3].lower in _PREPOSITIONS):
                    k -= 1  # but not "the head of the police's internal investigators"
                break
            infinitive = (before == "to" and not (k > 2 and toks[k - 3].lower == "according")) \
                or before == "not" or before in FINITE_AUX or before.endswith(("n't", "n’t"))
            if not w.text.replace("-", "").isalpha() or w.lower in _NOT_GROUP_WORDS or \
                    w.lower in lex.verbs or \
                    w.lower in lex.pronouns or (infinitive and w.text.islower()):
                break  # "to stop people", "would release hostages": a verb, not a name word
            if w.text[:1].isupper():
                if not (w.text.isupper() and len(w.text) > 1) and not (
                        w.lower.endswith(_ADJECTIVE_ENDINGS) and (not w.joined or not any(
                            m.tok_start <= k - 1 < m.tok_end for m in self.mentions[-3:]))):
                    break  # "Pentagon officials", "Xinhua news agency": left to the name rules
                k -= 1
                break  # "NASA officials", "Humanitarian monitors": nothing before it
            if w.lower.endswith("ly") or (w.lower.endswith("ed") and w.lower not in
                                          _GROUP_MODIFIERS) or (
                    w.lower.endswith("ing") and not w.joined and
                    w.lower not in _GROUP_MODIFIERS):
                # "officials reportedly", "sacked officials", "…, forcing municipal
                # authorities to …": no name word
                break
            k -= 1
        return k

    def _close_to_end(self, b: int) -> int:
        """The end of ``close to X`` / ``familiar with X`` after token ``b`` (X: a short noun
        phrase up to the verb, ``sources close to the ministry said``), or ``b``."""
        toks = self.tokens
        n = len(toks)
        if b + 2 >= n or (toks[b].lower, toks[b + 1].lower) not in _CLOSE_TO or \
                not (toks[b].joined and toks[b + 1].joined and toks[b + 2].joined) or \
                toks[b].in_quote:
            return b
        k = b + 2
        if toks[k].lower in _DOC_DETERMINERS or toks[k].possessive:
            k += 1
        verbs = lexicon().verbs
        end = b
        while k < n and k - b < 8 and toks[k].joined and not toks[k].in_quote and \
                toks[k].lower not in verbs and toks[k].lower not in FINITE_AUX and \
                toks[k].lower not in _CLOSE_TO_STOP:
            k += 1
            end = k
        return end

    def _org_after(self, b: int) -> int:
        """The end of ``from/for/at (the) <organisation name> (in <Place>)`` after token
        ``b``, or ``b`` when no organisation is named there."""
        toks = self.tokens
        n = len(toks)
        if b >= n or toks[b].lower not in ("from", "for", "at") or not toks[b].joined:
            return b
        k = b + 1
        if k < n and toks[k].lower == "the" and toks[k].joined:
            k += 1
        end = b
        has_head = False
        while k < n and k - b < 10:
            if not (toks[k].joined and not toks[k - 1].possessive) and \
                    not self._plural_possessive(k):
                break  # "Kelbrook Teachers’ Association" runs on over the plural possessive
            t = toks[k]
            if t.text[:1].isupper():
                has_head = has_head or t.text in _ORG_HEADS
                k += 1
                end = k
            elif t.lower in ("of", "and", "in") and k + 1 < n and toks[k + 1].joined and \
                    toks[k + 1].text[:1].isupper() and end == k:
                k += 1
            else:
                break
        return end if has_head else b

    def _owner_before(self, k: int) -> Mention | None:
        """The organisation or place named in possessive just before token ``k``
        (``the WHO's``, ``the United Nations'``), if any."""
        if k <= 0 or not self.mentions:
            return None
        toks = self.tokens
        if not (toks[k - 1].possessive or (self._plural_possessive(k) and toks[k].joined is False
                                            and toks[k - 1].text[:1].isupper())):
            return None
        for m in reversed(self.mentions[-4:]):
            if m.tok_end == k and m.kind in ("org", "media", "country") and m.tok_start < k:
                return m
        return None

    def _add(self, m: Mention) -> None:
        m.part = self._label
        self.mentions.append(m)
        if m.kind == "person" and m.text.count(" ") >= 2:
            self._long_names.add(m.text)

    # -- resolving mentions to entities -------------------------------------------------

    def _resolve(self) -> None:
        persons: dict[str, Entity] = {}
        by_last: dict[str, list[Entity]] = defaultdict(list)
        lex = lexicon()
        # 1. People named with a title, a role or a well-known name.
        for m in self.mentions:
            if m.kind == "person" and len(m.text.split()) >= 2 and m.text not in persons:
                e = Entity(m.text, "person", m.role, m.organisation,
                           m.affiliation or lex.people.get(m.text))
                persons[m.text] = e
                by_last[_family_name(m.text)].append(e)
        for m in self.mentions:
            if m.kind == "person" and m.text in persons:
                e = persons[m.text]
                e.role = e.role or m.role
                e.organisation = e.organisation or m.organisation
                e.affiliation = e.affiliation or m.affiliation
        others: dict[str, Entity] = _EntityTable()
        # Plain two-word names ("Sam Okafor, said"): a later "Mr Okafor" is the same person.
        weak_last: dict[str, list[str]] = defaultdict(list)
        for m in self.mentions:
            if m.kind == "name" and len(m.text.split()) >= 2 and m.text not in persons:
                last = _family_name(m.text)
                if m.text not in weak_last[last]:
                    weak_last[last].append(m.text)
        # First words of full names, in text order: "Harun Setiadi … said Harun" (the
        # usual second mention in Malay and Indonesian naming, and of first names in
        # features: "Sarah Jones … Sarah said").
        by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for m in self.mentions:
            if m.kind in ("person", "name") and len(m.text.split()) >= 2 and not m.in_quote:
                by_first[m.text.split()[0]].append((m.span.start, m.text))
        last_org: Entity | None = None
        org_heads: dict[str, Entity] = {}  # "ministry": the last Ministry named
        last_site: Entity | None = None
        last_media: Entity | None = None  # the news outlet named last ("the newspaper")
        groups_seen: deque[Entity] = deque(maxlen=20)  # recent groups, for "those officials"
        last_doc: dict[str, Entity] = {}  # "statement": the last statement named
        for m in self.mentions:
            if m.kind == "initial":
                e = persons.get(m.text) or self._last_named_of_surname(m, by_last, weak_last,
                                                                        others)
                cands = by_last.get(m.text, [])
                if e is None and len(cands) == 1:
                    e = cands[0]
                if e is None and len(weak_last.get(m.text, ())) == 1:
                    full = weak_last[m.text][0]
                    e = others.get(full)
                    if e is None:
                        e = others[full] = Entity(full, "person", None, None,
                                                  lex.people.get(full), needs_speech=True)
                if e is None and len(m.text) >= 5:
                    # "Vagra told reporters" after "Tomas Varga": a misprint that swaps two
                    # letters of a surname named before is that person, not a new source.
                    typo = [c for v in _swaps(m.text)
                            for c in _people_of_surname(v, by_last, weak_last, others)]
                    if len({id(c) for c in typo}) == 1:
                        e = typo[0]
                if e is None:
                    e = self._first_named(m, by_first, persons, others)
                if e is None and self._speaks_next(m):
                    # "Nasa said it welcomed the study": a one-word organisation.
                    m.kind = "org"
                    e = others.get(_org_key(m.text)) or _company_named_before(
                        others, _org_key(m.text))
                    if e is None:
                        e = others[_org_key(m.text)] = Entity(m.text, "organisation")
                    m.entity = e
                    e.mentions.append(m)
                    if not m.in_quote:
                        last_org = e  # ("Greenpeace said …", later "the group")
                    continue
                if e is None:
                    continue
                m.kind = "name"
                m.entity = e
                e.mentions.append(m)
                continue
            if m.kind in ("person", "name"):
                e = persons.get(m.text)
                words = m.text.split()
                if e is None and len(words) >= 3 and not m.in_quote:
                    # "Kojo Oppong Nkrumah …", later "Mr Oppong Nkrumah": the titled
                    # shorter name is the person named in full, who keeps the full name.
                    for cut in range(1, len(words) - 1):
                        e = persons.get(" ".join(words[cut:]))
                        if e is not None:
                            if len(e.name.split()) < len(words):
                                e.name = m.text
                            break
                if e is None and len(words) == 1:
                    e = self._last_named_of_surname(m, by_last, weak_last, others)
                if e is None:
                    cands = by_last.get(words[-1], [])
                    if len(cands) == 1 and (len(words) == 1 or m.kind == "person" or (
                            len(words) == 2 and words[0].lower() in _PARTICLES)):
                        e = cands[0]  # "Al Harbi" for Faisal bin Nasser Al Harbi
                if e is None and len(words) == 1 and self.article.text[
                        m.chunk.start:m.span.start].strip().lower() in _FIRST_NAME_TITLES:
                    recent_people = [*itertools.islice(reversed(persons.values()), 200),
                                     *itertools.islice(reversed(others.values()), 200)]
                    firsts = list({id(p): p for p in recent_people
                                   if p.type == "person" and len(p.name.split()) >= 2 and
                                   p.name.split()[0] == words[0]}.values())
                    if len(firsts) == 1:
                        e = firsts[0]  # "Sheikh Faisal": the sheikh named in full before
                if e is None and len(words) == 1 and len(weak_last.get(words[0], ())) == 1:
                    full = weak_last[words[0]][0]
                    e = others.get(full)
                    if e is None:
                        e = others[full] = Entity(full, "person", None, None,
                                                  lex.people.get(full), needs_speech=True)
                    if m.kind == "person":
                        e.needs_speech = False
                if e is None and len(words) == 1:
                    # (also with a title: "UMNO leader Zahid" after "Zahid Hamidi")
                    e = self._first_named(m, by_first, persons, others)
                    if e is not None and m.kind == "person":
                        e.needs_speech = False
                if e is None and m.kind == "person":
                    e = persons.setdefault(m.text, Entity(
                        m.text, "person", m.role, m.organisation,
                        m.affiliation or lex.people.get(m.text)))
                    by_last[_family_name(m.text)].append(e)
                if e is None:
                    e = others.get(m.text)
                    if e is None:
                        e = others[m.text] = Entity(m.text, "person", None, None,
                                                    lex.people.get(m.text), needs_speech=True)
                m.entity = e
                e.mentions.append(m)
                if m.kind == "person" and e.role is None:
                    e.role, e.organisation = m.role, e.organisation
                    e.affiliation = e.affiliation or m.affiliation
            elif m.kind in ("org", "country", "media", "brand"):
                written = self.article.text[m.span.start:m.span.end]
                key = _org_key(self.aliases.get(written, m.text))
                e = others.get(key)
                if e is None and m.kind == "org":
                    e = _company_named_before(others, key)
                if e is None:
                    typ = "media" if m.kind == "media" else "organisation"
                    e = others[key] = Entity(m.text, typ, None, None, m.affiliation,
                                             needs_speech=m.kind == "brand")
                    e.country = m.kind == "country"
                    if m.kind == "media":
                        e.role = m.role or _MEDIA_ROLES.get(m.part)
                m.entity = e
                e.mentions.append(m)
                if m.kind == "org" and not m.in_quote:
                    last_org = e
                    for w in m.text.split():
                        if w[:1].isupper() and w.lower() in _INSTITUTIONS:
                            org_heads[w.lower()] = e
                if m.kind == "media" and m.role == "website":
                    last_site = e
                if m.kind == "media" and not m.in_quote and m.part == "paragraph":
                    last_media = e
            elif m.kind == "document":
                if m.text in ("website", "site") and \
                        self.tokens[m.chunk_tok_start].lower == "the" and last_site is not None:
                    m.entity = last_site  # "Korvo.net reported …", then "The website reported"
                    last_site.mentions.append(m)
                    continue
                key = re.sub(r"^(?:the|a|an)\s+", "", m.text, flags=re.IGNORECASE)
                owner_end = self._document_owner_end(m)
                if owner_end is not None:
                    # "a statement from the Ministry of Foreign Affairs said": the document
                    # is named with the body it came from.
                    key = key + self.article.text[m.span.end:self.tokens[owner_end - 1].end]
                head = m.text.split()[-1].lower()
                if owner_end is None and key.lower() == head and \
                        self.tokens[m.chunk_tok_start].lower in ("the", "this", "that") and \
                        head in last_doc:
                    # "… a statement from the ministry said …", then "The statement said":
                    # the statement named before.
                    e = last_doc[head]
                    m.entity = e
                    e.mentions.append(m)
                    continue
                e = others.get("doc:" + key.lower())
                if e is None:
                    e = others["doc:" + key.lower()] = Entity(key, "document", None, None, None,
                                                              needs_speech=True)
                m.entity = e
                e.mentions.append(m)
                if owner_end is not None:
                    last_doc[head] = e
            elif m.kind == "group":
                key = m.text
                if last_media is not None and m.role in _OUTLET_NOUNS and \
                        m.text.lower() == m.role and not m.in_quote and \
                        self.tokens[m.chunk_tok_start].lower == "the":
                    # "The Sunday Times reported …", then "The newspaper said": that paper
                    m.entity = last_media
                    last_media.mentions.append(m)
                    continue
                if last_org is not None and self.tokens[m.chunk_tok_start].lower == "the" and (
                        m.role in _SAME_BODY_NOUNS or
                        last_org.name.split()[-1].lower() == m.role) and (
                        m.text.lower() == m.role or (
                            # "Greenpeace …", then "the environment advocacy group said",
                            # "the Hong Kong-based group said": a description of it
                            m.role in ("group", "company", "firm") and
                            m.text.lower().endswith(" " + m.role) and
                            all(w.islower() or w.endswith("-based")
                                for w in m.text.split()[:-1]))):
                    # ("the Tanzanian government" says whose government it is)
                    # "the company": the company named before; "Hezbollah …, with the group
                    # saying": the group named before.
                    m.entity = last_org
                    last_org.mentions.append(m)
                    continue
                if m.role in org_heads and m.text.lower() == m.role and \
                        self.tokens[m.chunk_tok_start].lower == "the":
                    # "the Ministry of Health and Welfare …", later "The ministry warned":
                    # the last body named with that word.
                    m.entity = org_heads[m.role]
                    m.entity.mentions.append(m)
                    continue
                if m.role == "group" and m.tok_end < len(self.tokens) and \
                        self.tokens[m.tok_end].lower == "of":
                    continue  # "a group of residents": the residents are the source
                if m.text == m.role and m.role in _LOWER_ONLY_GROUPS and \
                        self.tokens[m.chunk_tok_start].lower == "the":
                    # "the government said": the government named before ("the government
                    # of Samoa", "the Samoan government").
                    for prior in reversed(groups_seen):
                        words = prior.name.lower().split()
                        if m.role in words and words[0] not in _DETERMINERS:
                            key = prior.name
                            break
                elif m.tok_start > 0 and self.tokens[m.tok_start - 1].lower in (
                        "those", "these", "its", "their") and self.tokens[m.tok_start].joined:
                    # "those officials": the officials named before; "Korvo.net claimed an
                    # anonymous source said …", then "its anonymous source": the same one.
                    head = m.text.split()[-1].lower()
                    for prior in reversed(groups_seen):
                        if prior.name.split()[-1].lower() == head:
                            key = prior.name
                            break
                e = others.get(key)
                if e is None:
                    e = others[key] = Entity(key, "anonymous", m.role, None, m.affiliation,
                                             needs_speech=m.affiliation is None)
                m.entity = e
                e.mentions.append(m)
                if not groups_seen or groups_seen[-1] is not e:
                    groups_seen.append(e)
        # 2. Role nouns ("the secretary") for exactly one known person with that role,
        # else for the person named just before with a role of the same kind.
        self.entities_so_far = [*persons.values(), *others.values()]
        self._guess_genders()
        people = list(persons.values())
        named = sorted(((pm.span.start, pm.entity) for pm in self.mentions
                        if pm.kind in ("person", "name") and pm.entity is not None
                        and not pm.in_quote and pm.entity.type == "person"
                        and len(pm.entity.name.split()) >= 2), key=lambda x: x[0])
        named_starts = [x[0] for x in named]
        paras = self.article.paragraphs
        lede_end = paras[0].end if paras else 0
        body_roles: dict[str, Mention] = {}
        for bm in self.mentions:
            if bm.kind == "role" and bm.part != "headline" and bm.role and \
                    bm.group_class == "indefinite":
                body_roles.setdefault(bm.role.split()[-1], bm)
        for m in self.mentions:
            if m.kind != "role":
                continue
            held = self._apposed.get(id(m))
            if held is None and m.chunk_tok_start > 0:
                # "Jane Doe, a spokeswoman for the ministry,": the role the name was given
                # (see _appositive) is that person, not an unnamed spokeswoman
                before = self.mention_ending.get(m.chunk_tok_start - 1)
                if before is not None and before.kind == "person" and before.role == m.role \
                        and self.article.text[self.tokens[before.tok_end - 1].end:
                                              self.tokens[m.chunk_tok_start].start].strip() == ",":
                    held = before
            if held is not None and held.entity is not None:
                m.entity = held.entity  # "the chief executive, John Smith,"
                held.entity.mentions.append(m)
                continue
            if m.group_class == "definite":
                cands = [p for p in people if p.role and _role_matches(m.role or "", p.role)
                         and (m.organisation is None or p.organisation == m.organisation)]
                if len(cands) > 1 and m.nation:
                    # "the Moldovan president" after Presidents Lazar and Hale
                    cands = [p for p in cands if p.affiliation == m.nation] or cands
                if len(cands) > 1:
                    # "the minister" in a story about Mobility Minister Smet that also names
                    # two prime ministers: the one whose office is just that
                    exact = [p for p in cands if p.role == m.role]
                    if len(exact) == 1:
                        cands = exact
                if len(cands) == 1:
                    m.entity = cands[0]
                    cands[0].mentions.append(m)
                    continue
                # "the victim's mother said", "Varga's father said": a relative named by
                # whose relative they are is someone else than that person, never the one
                # named last (the role named before, "Lisa Marsh, the child's mother",
                # is matched above).
                kin = (m.role or "") in _KIN_NOUNS and ("'s " in m.text or "’s " in m.text)
                recent = None if kin else self._recent_person(m, named, named_starts,
                                                               not cands)
                if recent is None and not cands and not kin:
                    recent = self._holder_named_next(m, named, named_starts)
                if recent is not None:
                    m.entity = recent
                    recent.mentions.append(m)
                    continue
            if m.group_class == "indefinite" and m.part == "paragraph" and \
                    m.span.start < lede_end and not m.in_quote and \
                    not (m.role or "").endswith("official") and \
                    self._speaks_after_aux(m):  # officials stay unnamed
                holder = self._holder_named_soon(m, m.role_class, named, named_starts)
                if holder is not None:
                    # "…, a Cabinet minister has said." then "Leader of the Commons Jane
                    # Doe told MPs …": the lede's minister, named next (past someone the
                    # lede names as what the words are about: "… put pressure on Sue Gray").
                    m.entity = holder
                    holder.mentions.append(m)
                    continue
            key = m.text
            if m.part == "headline" and m.group_class == "indefinite":
                # "…, says pro-army official": the official the report names.
                head = (m.role or "").split()[-1:] or [""]
                body = body_roles.get(head[0])
                if body is not None:
                    key = body.text
            if m.group_class == "definite" and " of " not in m.text:
                # "the official": the official named just before ("an Israeli official").
                head = (m.role or "").split()[-1] if m.role else ""
                for prior in reversed(groups_seen):
                    if prior.mentions and prior.mentions[0].span.start < m.span.start and \
                            (prior.name.lower().rstrip("s").endswith(head) or
                             (prior.role or "").lower().rstrip("s").endswith(head)):
                        key = prior.name
                        break
            e = others.get(key)
            if e is None:
                e = others[key] = Entity(key, "anonymous", m.role, m.organisation,
                                         m.affiliation, needs_speech=True)
            m.entity = e
            e.mentions.append(m)
            if m.group_class == "indefinite" or "'s " in m.text or "’s " in m.text:
                # (also "Jane Doe's lawyer", whom "the lawyer" later means)
                groups_seen.append(e)
        # "A government minister has told Sky News …" then "Brandon Lewis, the Northern
        # Ireland Secretary, told …": as for a role noun above.
        for m in self.mentions:
            if m.kind == "group" and m.entity is not None and m.entity.type == "anonymous" \
                    and m.part == "paragraph" and m.span.start < lede_end and \
                    not m.in_quote and m.text.split()[0].lower() in ("a", "an") and \
                    lexicon().role_class.get(m.role or "") == "gov" and \
                    self._speaks_after_aux(m):
                holder = self._holder_named_soon(m, "gov", named, named_starts)
                if holder is not None:
                    m.entity.mentions.remove(m)
                    m.entity = holder
                    holder.mentions.append(m)
        # Organisations are named as the article writes them ("World Health Organisation").
        for e in others.values():
            if e.type in ("organisation", "media"):
                written = [self.article.text[m.span.start:m.span.end] for m in e.mentions]
                full = list(dict.fromkeys(w for w in written if not w.isupper() and
                                          w[:1].isupper()))
                canonical = e.mentions[0].text
                if canonical in lexicon().government_labels:
                    continue  # "Kenya's government": the Kenyan government
                acronyms = [w.removeprefix("the ") for w in written]
                if not full and acronyms and all(a.isupper() for a in acronyms):
                    # "the IDF said": a body the article names only by its acronym keeps
                    # that acronym, not a name the article never writes.
                    e.name = Counter(acronyms).most_common(1)[0][0]
                    continue
                if e.country and len(full) > 1 and \
                        not any(w.lower() == canonical.lower() for w in full):
                    # "Türkiye's Foreign Ministry …", "Ankara warned …", "Türkiye called
                    # on …": a country the article never writes by the list's name
                    # ("Turkey") keeps the name it writes most, also inside the names
                    # of its bodies (the first on a tie).
                    text = self.article.text
                    e.name = max(full, key=lambda w: len(re.findall(
                        r"\b" + re.escape(w) + r"\b", text)))
                    continue
                if any(w.lower() == canonical.lower() for w in full) or len(full) != 1:
                    if full or canonical in lexicon().org_names:
                        e.name = canonical if canonical in lexicon().org_names else \
                            max(full, key=len)
                        longer = [w for w in full if w.endswith(" " + e.name)]
                        if longer:
                            # "the US State Department said … the State Department": the
                            # fuller form the article writes.
                            e.name = max(longer, key=len)
                else:
                    e.name = full[0]
        # A plain two- or three-word name ("Nikos Varelas") is a person unless it looks
        # like a place ("Yellow Sea").
        for e in others.values():
            words = e.name.split()
            if e.type == "person" and e.needs_speech and 2 <= len(words) <= 4 and \
                    words[-1] not in _PLACE_WORDS and all(w[:1].isupper() for w in words) \
                    and not any(c.isdigit() for c in e.name):
                e.needs_speech = False
        # "Govt accuses party leader …" over "The Turkish government accused …": a headline's
        # bare "Govt"/"Ministry" is the body of that kind the article names first.
        for m in self.mentions:
            if m.part != "headline" or m.kind != "group" or m.entity is None or \
                    m.text.lower() != (m.role or "") or \
                    _GOVT.get(m.role or "", m.role) not in _LOWER_ONLY_GROUPS or \
                    any(x.part != "headline" for x in m.entity.mentions):
                continue
            head = _GOVT.get(m.role or "", m.role)
            body = next((x.entity for x in self.mentions if x.part == "paragraph" and
                         x.entity is not None and x.kind in ("group", "org") and
                         not x.in_quote and x.entity.name.lower().split()[-1:] == [head] and
                         x.entity.name.lower() != head), None)
            if body is not None:
                m.entity.mentions.remove(m)
                m.entity = body
                body.mentions.insert(0, m)
        # "Police said …" in a story that names one police force ("the Detroit Police
        # Department"): that force, before or after the article names it.
        forces = {id(x.entity): x.entity for x in self.mentions
                  if x.kind == "org" and x.entity is not None and not x.in_quote and
                  "police" in x.entity.name.lower().split() and x.entity.name.count(" ") and
                  x.entity.name.lower().split()[-1] in _FORCE_WORDS}
        if len(forces) == 1:
            force = next(iter(forces.values()))
            moved = False
            for m in self.mentions:
                if m.entity is not None and m.entity is not force and not m.in_quote and \
                        m.text.lower() in ("police", "the police"):
                    m.entity.mentions.remove(m)
                    m.entity = force
                    force.mentions.append(m)
                    moved = True
            if moved:
                force.mentions.sort(key=lambda x: x.span.start)
        # 3. He/she: the person the sentence (or the one before) is about, of that gender.
        self.entities_so_far = [*persons.values(), *others.values()]
        self._guess_genders()
        self._resolve_pronouns()
        seen: set[int] = set()
        for e in [*persons.values(), *others.values()]:
            if id(e) not in seen and e.mentions:
                seen.add(id(e))
                self.entities.append(e)

    @staticmethod
    def _last_named_of_surname(m: Mention, by_last: dict[str, list[Entity]],
                               weak_last: dict[str, list[str]],
                               others: dict[str, Entity]) -> Entity | None:
        """The person named last, when two people named before share the surname ``m``.

        "Daniel Hollis, the manager, … Ross Hollis, his father, said … Hollis
        said": a bare surname shared by two people goes to the one named most recently.
        None when fewer than two people with that surname have been named so far.
        """
        word = m.text
        shared = {id(c): c for c in _people_of_surname(word, by_last, weak_last, others)}
        if len(shared) < 2:
            return None
        best: tuple[int, Entity] | None = None
        named = 0
        for c in shared.values():
            # Mentions are added in text order: the last full name is near the end (the
            # look-back is bounded, so a long text stays linear).
            last = next((x.span.start for x in itertools.islice(reversed(c.mentions), 200)
                         if len(x.text.split()) >= 2 and x.span.start < m.span.start), -1)
            if last < 0 and c.mentions and c.mentions[0].span.start < m.span.start:
                last = 0
            if last >= 0:
                named += 1
                if best is None or last > best[0]:
                    best = (last, c)
        return best[1] if best is not None and named >= 2 else None

    @staticmethod
    def _first_named(m: Mention, by_first: dict[str, list[tuple[int, str]]],
                     persons: dict[str, Entity], others: dict[str, Entity]) -> Entity | None:
        """The one person named before in full whose first word is ``m``, if no surname is.

        "BPBD head Harun Setiadi said … 'We are ready,' said Harun": a Malay or
        Indonesian name (and a first name in a feature) is shortened to its first word.
        None when no one, or two different people, named before start with that word.
        """
        fulls = {full for start, full in itertools.islice(by_first.get(m.text, ()), 50)
                 if start < m.span.start or m.part == "headline"}  # (a headline's name
        # comes before the body names the person in full)
        if len(fulls) != 1:
            return None
        full = fulls.pop()
        e = persons.get(full) or others.get(full)
        if e is None:
            e = others[full] = Entity(full, "person", None, None, lexicon().people.get(full),
                                      needs_speech=True)
        return e

    def _speaks_next(self, m: Mention) -> bool:
        """Whether a speech verb that reports words (``said``, ``told``) follows at once."""
        k = m.tok_end
        toks = self.tokens
        if k >= len(toks) or not toks[k].joined or m.text in _NOT_SPEAKERS or m.in_quote:
            return False
        return lexicon().verbs.get(toks[k].lower) in ("say", "tell")

    def _speaks_after_aux(self, m: Mention) -> bool:
        """``a Cabinet minister has said``: a speech verb follows, maybe after has/had."""
        toks = self.tokens
        k = m.tok_end
        while k < len(toks) and toks[k].joined and toks[k].lower in ("has", "have", "had"):
            k += 1
        return k < len(toks) and toks[k].joined and toks[k].lower in lexicon().verbs

    def _recent_person(self, m: Mention, named: Sequence[tuple[int, Entity]],
                       starts: Sequence[int], look_back: bool) -> Entity | None:
        """The person named last before a role noun (``the minister``), within two sentences.

        Only a person whose own role is of the same kind (a minister for ``the minister``,
        a coach for ``the boss``) qualifies.
        """
        if m.in_quote or m.role_class in (None, "honorific"):
            return None
        if m.role == "person of that age":
            # "Jane Doe, 52, lost her home …" then "the 52-year-old said": the person
            # given that age, however many people are named in between
            given = self._ages.get(m.text.split()[-1].split("-")[0], [])
            x = bisect.bisect_left(given, m.span.start, key=lambda g: g[0])
            while x > 0:
                x -= 1
                if given[x][1].entity is not None:
                    return given[x][1].entity
        k = bisect.bisect_left(starts, m.span.end)
        if k < len(named) and _APPOSED.fullmatch(self.article.text[m.span.end:named[k][0]]):
            person = named[k][1]  # "Norvik's president of the Americas, Lena Hart, said"
            if person.role is None:
                person.role, person.organisation = m.role, m.organisation
            return person
        if " of " in m.text or not look_back or \
                self.tokens[m.tok_start].lower in ("his", "her", "its", "their"):
            return None  # "his spokesman" is someone else
        k = bisect.bisect_left(starts, m.span.start) - 1
        if k < 0:
            return None
        at, person = named[k]
        s_starts = self._sentence_starts
        if bisect.bisect_right(s_starts, m.span.start) - bisect.bisect_right(s_starts, at) > 2:
            return None
        if m.role_class == "person":
            # "the mother-of-two": the person named last whom the noun can describe.
            g = next((word_gender(w) for w in (m.role or "").split() if word_gender(w)), None)
            here = bisect.bisect_right(s_starts, m.span.start)
            for x in range(k, -1, -1):  # walk back, at most two sentences
                at, cand = named[x]
                if here - bisect.bisect_right(s_starts, at) > 2:
                    break
                if g is None or cand.gender in (None, g):
                    return cand
            return None
        if m.role_class == "nationality":
            return person
        if person.role is None:
            # "Marta Kessel has been accused …", then "The prime minister said": the leader
            # the lede names first, without a title, is the office-holder a bare role noun
            # names next, when no one in the article holds that office.
            if look_back and m.role_class == "gov" and person is named[0][1] and \
                    named[0][0] < (self.article.paragraphs[0].end
                                   if self.article.paragraphs else 0) and \
                    self._bare_office(m) and \
                    person.affiliation in (None, self._office_state(m)) and \
                    not any(p.role and _role_matches(m.role or "", p.role)
                            for p in self.entities_so_far if p.type == "person"):
                return person
            return None
        cls = lexicon().role_class.get(person.role)
        return person if cls == m.role_class or _role_matches(m.role or "", person.role) \
            else None

    @staticmethod
    def _holder_named_soon(m: Mention, cls: str | None, named: Sequence[tuple[int, Entity]],
                           starts: Sequence[int]) -> Entity | None:
        """The first of the next three people named within 400 characters after ``m`` whose
        role is of class ``cls``."""
        k = bisect.bisect_left(starts, m.span.end)
        for x in range(k, min(k + 3, len(named))):
            if named[x][0] - m.span.end >= 400:
                break
            if cls is not None and lexicon().role_class.get(named[x][1].role or "") == cls:
                return named[x][1]
        return None

    def _holder_named_next(self, m: Mention, named: Sequence[tuple[int, Entity]],
                           starts: Sequence[int]) -> Entity | None:
        """``Jordan's foreign minister offered blistering criticism …`` then, in the next
        paragraph, ``Omar Haddad's assessment …``: a lede that names an office before the
        person is naming the person the article names next, in a later sentence of the same
        or the next paragraph, when that person has no title of their own and no one in the
        article holds the office."""
        if m.in_quote or m.role_class != "gov" or not self._bare_office(m) or \
                m.text.lower() == "the " + (m.role or "").lower():
            return None  # a bare "the environment secretary" stays unnamed: only the state
            # ("Jordan's", "the Polish") makes the office one person
        k = bisect.bisect_left(starts, m.span.end)
        while k < len(named) and named[k][1].name.isupper():
            k += 1  # "[Photo by MAZEN MAHDI/AFP]": a credit, not a person in the story
        if k >= len(named):
            return None
        at, person = named[k]
        if person.role is not None or \
                person.affiliation not in (None, self._office_state(m)) or any(
                pm.span.start < m.span.start for pm in person.mentions):
            return None
        here = self.article.paragraph_index(m.span.start)
        there = self.article.paragraph_index(at)
        if here is None or there is None or there - here not in (0, 1):
            return None
        s_starts = self._sentence_starts
        x = bisect.bisect_right(s_starts, at)
        if x <= bisect.bisect_right(s_starts, m.span.start) or s_starts[x - 1] != at:
            return None  # "The foreign minister met John Smith": the one met is someone
            # else; the holder opens a later sentence ("Omar Haddad's assessment …")
        return person

    def _office_state(self, m: Mention) -> str | None:
        """The government an office serves: ``the Polish …`` or ``Jordan's …``."""
        if m.nation is not None:
            return m.nation
        lead = m.text.split()[0]
        if lead.endswith(("'s", "’s")):
            return lexicon().countries.get(lead[:-2])
        return None

    def _bare_office(self, m: Mention) -> bool:
        """``the prime minister``, ``the Polish justice minister``, ``Jordan's foreign
        minister``: an office named by its role alone, or with the state it serves."""
        text = m.text.lower()
        role = (m.role or "").lower()
        if not role or not text.endswith(role):
            return False
        lead = text[:len(text) - len(role)].split()
        if lead == ["the"]:
            return True
        if len(lead) == 2 and lead[0] == "the":
            return m.nation is not None and lead[1].title() in lexicon().nationality_adjectives
        return len(lead) == 1 and lead[0].endswith(("'s", "’s")) and \
            lead[0][:-2].title() in lexicon().countries

    @property
    def _sentence_starts(self) -> list[int]:
        starts = getattr(self, "_sent_starts_cache", None)
        if starts is None:
            starts = [s.start for s in self.article.sentences]
            self._sent_starts_cache = starts
        return starts

    def _guess_genders(self) -> None:
        """Mark people whose titles, roles or given names show ``he`` or ``she``."""
        text = self.article.text
        names = lexicon().given_names
        for e in self.entities_so_far:
            if e.type != "person" or e.gender is not None:
                continue
            votes: list[str] = []
            for m in e.mentions:
                if m.in_quote or m.kind == "pronoun":
                    continue
                for w in _WORD_RE.findall(text[m.chunk.start:m.span.end]):
                    g = word_gender(w)
                    if g is not None:
                        votes.append(g)
                for w in (m.role or "").split():
                    g = word_gender(w)
                    if g is not None:
                        votes.append(g)
            first = e.name.split()[0] if len(e.name.split()) >= 2 and \
                _family_name(e.name) != e.name.split()[0] else ""
            if first in names:
                votes.append(names[first])
            if votes and all(v == votes[0] for v in votes):
                e.gender = votes[0]

    def _resolve_pronouns(self) -> None:
        sentences = self.article.sentences
        starts = [s.start for s in sentences]
        last_subject: Entity | None = None
        last_group: Entity | None = None
        last_plural: Entity | None = None
        last_plural_at = -10
        current = -1
        first_in_sentence: Entity | None = None
        owner_in_sentence: Entity | None = None  # "condemning Fox's remarks, in which he …"
        recent: list[tuple[int, Entity]] = []  # (sentence, person), latest last
        given = lexicon().given_names
        for m in sorted(self.mentions, key=lambda m: m.span.start):
            s_idx = bisect.bisect_right(starts, m.span.start) - 1
            if s_idx != current:
                if first_in_sentence is not None:
                    last_subject = first_in_sentence
                first_in_sentence = owner_in_sentence = None
                current = s_idx
            if m.in_quote:
                continue
            if m.kind == "pronoun":
                if m.text.lower() == "they":
                    target = last_plural if last_plural is not None and \
                        s_idx - last_plural_at <= 3 else last_group
                else:
                    g = word_gender(m.text)
                    # (a person named only as an owner earlier in the sentence comes before
                    # the subject of the sentence before: "The ministry condemned Liam
                    # Fox's remarks, in which he stated …")
                    target = first_in_sentence or owner_in_sentence or last_subject
                    if g is not None and target is not None and target.gender not in (None, g):
                        # "she" cannot be Mr Smith: the latest person she can be.
                        target = None
                        for at, p in reversed(recent):
                            if s_idx - at > 3:
                                break  # only the last three sentences (and never quadratic)
                            if p.gender == g:
                                target = p
                                break
                if target is not None:
                    m.entity = target
                    target.mentions.append(m)
                    if first_in_sentence is None and m.text.lower() != "they" and \
                            target.type == "person":
                        # "She began her speech by praising … Justice Ruth Calder.": the
                        # sentence is about her, whom a later "she" means too.
                        first_in_sentence = target
                continue
            e = m.entity
            if e is None:
                continue
            if e.type == "anonymous" and self._one_unnamed_person(m):
                # "A man was escorted out after he accused the board …", "the arm of a
                # ministry official, who … he had told them": one unnamed person is who
                # "he" or "she" means, like a named one.
                if e.gender is None:
                    e.gender = next((word_gender(w) for w in (m.role or "").split()
                                     if word_gender(w)), None)
                recent.append((s_idx, e))
                if first_in_sentence is None and not self._after_preposition(m):
                    first_in_sentence = e
                continue
            if e.type == "person" and (not e.needs_speech or len(e.name.split()) >= 2) and \
                    not (e.needs_speech and e.name.split()[-1] in _PLACE_WORDS and
                         e.name.split()[0] not in given):  # "the Malvinas Islands"
                recent.append((s_idx, e))
                if first_in_sentence is None and not self.tokens[m.tok_end - 1].possessive \
                        and not self._after_preposition(m) and not self._modifies_next(m):
                    first_in_sentence = e
                elif first_in_sentence is None and self.tokens[m.tok_end - 1].possessive:
                    owner_in_sentence = e
            elif e.type in ("organisation", "anonymous") and not e.country and \
                    m.kind != "brand":  # "the NorthLink pipeline": not who "they" are
                last_group = e
                if e.type == "anonymous" and m.text.endswith("s"):
                    last_plural, last_plural_at = e, s_idx

    def _modifies_next(self, m: Mention) -> bool:
        """``Ilocos Norte police director Col. Julius Suriben said``: a name right before
        another source's words (a place or body that says which one) is not the sentence's
        subject; the person after it is."""
        toks = self.tokens
        if m.kind != "name" or len(m.text.split()) < 2:
            return False
        verbs = lexicon().verbs
        for k in range(m.tok_end, min(len(toks), m.tok_end + 4)):
            if not toks[k].joined or toks[k].lower in verbs or toks[k].lower in _LINK_WORDS:
                return False  # (not "Alan Graham and his family")
            nxt = self.mention_at.get(k)
            if nxt is not None:
                return nxt.kind in ("person", "role", "group")
            if not toks[k].text.islower():
                return False
        return False

    def _one_unnamed_person(self, m: Mention) -> bool:
        """Whether a mention is one unnamed person: ``a man``, ``an official``, ``a ministry
        official`` (not ``officials``, ``the police`` or ``a group``)."""
        if m.kind not in ("group", "role") or m.in_quote or not m.role:
            return False
        if self.tokens[m.chunk_tok_start].lower not in ("a", "an", "one"):
            return False
        head = m.role.split()[-1].lower()
        return lexicon().role_class.get(m.role) is not None or head in _ONE_PERSON_NOUNS

    def _after_preposition(self, m: Mention) -> bool:
        """Whether a preposition comes just before the mention: "Speaking after a call with
        Foreign Minister Lazar, Brody said …" — Lazar is the object, Brody the subject
        that a later "he" means ("according to X" names a speaker, so it does not count)."""
        c = m.chunk_tok_start
        toks = self.tokens
        if c == 0 or not toks[c].joined:
            return False
        w = toks[c - 1].lower
        if w == "to" and c > 1 and toks[c - 2].lower == "according":
            return False
        if w == "with" and m.tok_end < len(toks) and toks[m.tok_end].joined and \
                toks[m.tok_end].lower.endswith("ing") and toks[m.tok_end].text.islower():
            return False  # "…, with Petrov describing the threat": Petrov acts
        return w in _OBJECT_PREPOSITIONS

    def first_of_list(self, m: Mention, a: int) -> Mention:
        """The first of a list of sources that ends in ``m`` (``The Investigative Committee
        and the FSB said``, ``RTN Chairwoman Ada Quill, KTV Director-General
        Tomas Varga and Nordradio Director-General Lena Moreau said``): words said
        jointly are given to the first named. ``m`` itself when no list ends in it; ``a`` is
        the first token of the sentence."""
        toks = self.tokens
        text = self.article.text
        kind = m.entity.type if m.entity is not None else None
        first = m
        cur = m
        seen_and = False
        if m.kind not in _LIST_KINDS:
            return m
        c = m.chunk_tok_start
        if c - 1 > a and "(" in text[toks[c - 1].end:toks[c].start]:
            full = self.mention_ending.get(c - 1)
            if full is not None and full.entity is m.entity:
                cur = full  # "the Federal Security Service (FSB)"
        for _ in range(6):
            k = self._list_item_start(cur, a)
            if k - 1 <= a or self._portfolio_and(k):
                break  # "Secretary for Energy and Net Zero Ed Miliband": one office, no list
            if not seen_and and kind == "person" and toks[k - 1].lower != "and":
                # "Carl Benning and incoming chair of the House Intelligence Committee Rosa
                # Pike": a description of the last item before its name.
                x = k - 1
                while x > a and k - x < 9 and toks[x + 1].joined and \
                        toks[x].lower != "and" and not toks[x].in_quote and \
                        toks[x].lower not in lexicon().verbs and toks[x].lower not in FINITE_AUX:
                    x -= 1
                if toks[x].lower == "and" and toks[x + 1].joined and x > a:
                    k = x + 1
            gap = attribution._gap(text, toks, k - 1)
            if toks[k - 1].lower == "and" and not seen_and and toks[k].joined:
                seen_and = True
                j = k - 1  # "…, KTV Director-General Tomas Varga and …"
                if gap.strip() not in ("", ","):
                    break
            elif seen_and and text[toks[k - 1].end:toks[k].start].strip() == ",":
                j = k
            else:
                break
            p = self.mention_ending.get(j - 1)
            if p is None or p.in_quote or p.entity is None or p.entity.type != kind or \
                    p.entity is cur.entity or _LIST_KINDS.get(p.kind) != _LIST_KINDS.get(m.kind) \
                    or (kind == "person" and len(p.entity.name.split()) < 2):
                break  # "Health and Welfare Minister Seo Ji-hoon": one title
            first = cur = p
        if first is m:
            return m
        k = self._list_item_start(first, a)
        if k > 0 and toks[k - 1].lower in _LOCATIVE and toks[k].joined:
            return m  # "Officials in South Korea and Japan said": places, not speakers
        return first

    def _list_item_start(self, m: Mention, a: int) -> int:
        """Where a list item that ends in ``m`` starts: its chunk, with the organisation
        before a title (``KTV Director-General Tomas Varga``) and a ``the``."""
        toks = self.tokens
        k = m.chunk_tok_start
        for _ in range(3):
            if k - 1 <= a or not toks[k].joined or toks[k - 1].possessive:
                break
            prev = toks[k - 1]
            if prev.lower == "the" or (prev.text[:1].isupper() and m.kind in ("person", "role")):
                k -= 1
                continue
            break
        return k

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the tokens that lie inside ``[start, end)``."""
        a = bisect.bisect_left(self.tok_starts, start)
        b = bisect.bisect_left(self.tok_starts, end)
        return a, b


#: Mentions that can make a list of joint speakers, by the sort of name they are.
_LIST_KINDS = {"person": "person", "name": "person", "org": "org", "country": "org",
               "media": "org", "group": "group"}
_NOT_MODIFIERS = frozenset(
    "of for to in on at by with from and or but as than that which who".split()
)
#: Group nouns for one person ("a man", "an official"): "he" or "she" may mean them.
_ONE_PERSON_NOUNS = frozenset(
    """official source diplomat spokesman spokeswoman spokesperson soldier fighter militant
    prisoner hostage resident witness eyewitness bystander onlooker neighbour neighbor
    mother parent man woman boy girl teenager farmer driver shopkeeper passenger patient
    father critic campaigner supporter investigator prosecutor insider fan docker customer
    aide trader""".split()
)
#: Prepositions whose object is not the subject of the sentence ("a call with X").
_OBJECT_PREPOSITIONS = frozenset(
    "with to against from for about by toward towards between among than like".split()
)
#: "sources close to the ministry", "people familiar with the matter".
_CLOSE_TO = frozenset({("close", "to"), ("familiar", "with")})
_CLOSE_TO_STOP = frozenset("who that which and but or as when on in at".split())
#: Auxiliaries that make a finite verb ("was", "has", "would" …); attribution reads clauses
#: with them too.
FINITE_AUX = frozenset(
    "was were is are has have had did does do would will could should can may might must".split()
)
#: Words that end the walk back over a group's name ("to stop people", "the …").
_NOT_GROUP_WORDS = _GROUP_STOP | FINITE_AUX | _NOT_MODIFIERS | _PREPOSITIONS | _DETERMINERS
_SUBORDINATE = frozenset("deputy vice assistant under lieutenant associate".split())
_STAFF_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials executive executives staff
    employees workers lawyer lawyers engineers""".split()
)
_INSTITUTIONS = frozenset(
    "council committee commission agency department board office union company firm ministry"
    .split()
)
_NOT_SPEAKERS = frozenset(
    """All Both Each Everyone Everybody Nobody Someone Somebody Many Few Some Others They It
    This That These Those Which Who What Most One Neither Either Anyone""".split()
)
_APPOSED = re.compile(r"(?:\s+(?:of|for|at)(?:\s+[\w.’'-]+){1,5})?\s*[,—–]\s*")
_US_PREFIX = re.compile(r"^(?:the\s+)?(?:U\.S\.|US|U\.S)\s+", re.IGNORECASE)


_COMPANY_WORDS = frozenset(
    "company co co. corporation corp corp. inc inc. ltd ltd. plc group holdings motor motors "
    "llc limited".split()
)


class _EntityTable(dict):  # type: ignore[type-arg]
    """Sources by key, also indexed by the short forms of company names (``ford`` for
    ``ford motor company``) so that finding the company named before takes one lookup."""

    def __init__(self) -> None:
        super().__init__()
        self.short_forms: dict[str, str] = {}

    def __setitem__(self, key: str, value: Entity) -> None:
        super().__setitem__(key, value)
        words = key.split()
        for n in range(len(words) - 1, 0, -1):
            if words[n] not in _COMPANY_WORDS:
                break
            self.short_forms.setdefault(" ".join(words[:n]), key)


def _company_named_before(others: _EntityTable, key: str) -> Entity | None:
    """``Norvik`` after ``Norvik Motor Company``: the company named in full before."""
    full = others.short_forms.get(key)
    e = others.get(full) if full is not None else None
    return e if e is not None and e.type == "organisation" else None


def _people_of_surname(word: str, by_last: dict[str, list[Entity]],
                       weak_last: dict[str, list[str]], others: _EntityTable) -> list[Entity]:
    """The people named so far whose surname is ``word``: full names, then weaker ones."""
    return [*by_last.get(word, ()), *(others[f] for f in weak_last.get(word, ()) if f in others)]


def _swaps(word: str) -> Iterator[str]:
    """The word with two neighbouring letters after the first swapped (``Vagra`` gives
    ``Varga`` among others)."""
    for x in range(1, len(word) - 1):
        if word[x] != word[x + 1]:
            yield word[:x] + word[x + 1] + word[x] + word[x + 2:]


_BRACKETED = re.compile(r"[(\[][^()\[\]\n]{1,200}[)\]]")
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _family_name(name: str) -> str:
    """The word a person is called by on second mention: the last (``Blinken``), or the
    first in a Korean or Chinese name written family name first, with a hyphenated given
    name (``Seo Ji-hoon`` is later ``Seo``, ``Lin Wei-ming`` ``Lin``)."""
    words = name.split()
    if len(words) == 2 and _HYPHENATED_GIVEN_NAME.fullmatch(words[1]):
        return words[0]
    return words[-1]


def _org_key(name: str) -> str:
    """``U.S. Geological Survey`` and ``United States Geological Survey`` are one body."""
    return _US_PREFIX.sub("United States ", name).lower()


def _org_ahead(toks: Sequence[Token], k: int, b: int) -> bool:
    """Whether the capitalised words from ``k`` end in an organisation word."""
    j = k
    while j < b and j - k < 5 and toks[j].text[:1].isupper() and (j == k or toks[j].joined):
        if toks[j].text in _ORG_HEADS:
            return True
        j += 1
    return False


def _nation_prefix(descs: Sequence[tuple[int, int, Entry]], a: int) -> int:
    """Where an organisation's name starts: ``United States`` + ``Department of Defense``."""
    for x, y, e in descs:
        if y == a and e.kind in ("nation", "country"):
            return x
    return a


#: An age set off after a name: "Jane Doe, 52, said".
_AGE_AFTER = re.compile(r",\s*(\d{1,3})\s*,")


def _role_matches(short: str, full: str) -> bool:
    """``secretary`` names the ``secretary of state``; ``minister`` a ``foreign minister``."""
    s, f = short.split(), full.split()
    if s == f or s == f[: len(s)]:
        return True
    # "governor" is not the "deputy governor"
    return s == f[-len(s):] and not _SUBORDINATE.intersection(f[: -len(s)])


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are made.

    The analysis makes no reference cycles that need collecting, and without the pause
    the collector's repeated scans make time grow faster than the text.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def text_index(article: Article) -> TextIndex:
    """The token, quotation and mention index of ``article``, made once and kept on the
    article itself (so it goes when the article goes: a table keyed by the article would
    keep every article alive through the index's own reference to it)."""
    idx: TextIndex | None = article.__dict__.get(_INDEX_KEY)
    if idx is None:
        with gc_paused():
            idx = TextIndex(article)
        article.__dict__[_INDEX_KEY] = idx
    return idx


_INDEX_KEY = "_medialit_text_index"


def find_mentions(article: Article) -> list[Mention]:
    """Every mention of a possible source, in text order."""
    return sorted(text_index(article).mentions, key=lambda m: m.span.start)


# --------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------

_MEDIA_ROLES = {"credit": "photo credit", "agency_note": "news agencies"}
_TYPE_ORDER = {"person": 0, "organisation": 1, "anonymous": 2, "document": 3, "media": 4}


def find_sources(article: Article, quotes: Sequence[Quote]) -> list[Source]:
    """Every source of ``article``, with all its mentions and how the article uses it.

    ``use`` is ``quoted`` when a direct or partial quote is attributed to the source,
    ``paraphrased`` when only reported speech is, and ``mentioned`` otherwise. Unnamed
    groups without an affiliation (``officials``) and capitalised names with no other
    sign of being a person count only when they are quoted.
    """
    idx = text_index(article)
    uses: dict[int, str] = {}
    by_span: dict[tuple[int, int], Entity] = {}
    for e in idx.entities:
        for m in e.mentions:
            by_span[(m.span.start, m.span.end)] = e
    named: dict[str, Entity] = {e.name: e for e in idx.entities}
    for q in quotes:
        if q.speaker is None:
            continue
        e = None
        if q.speaker_span is not None:
            e = by_span.get((q.speaker_span.start, q.speaker_span.end))
        if e is None:
            e = named.get(q.speaker)
        if e is None:
            continue
        use = "quoted" if q.kind in ("direct", "partial") else "paraphrased"
        if uses.get(id(e)) != "quoted":
            uses[id(e)] = use
    out: list[Source] = []
    for e in idx.entities:
        use = uses.get(id(e), "mentioned")
        if e.needs_speech and use == "mentioned":
            continue
        mentions = tuple(sorted({m.span for m in e.mentions}))
        out.append(Source(name=e.name, type=e.type, use=use, mentions=mentions, role=e.role,
                          organisation=e.organisation, affiliation=e.affiliation))
    out.sort(key=lambda s: (_TYPE_ORDER.get(s.type, 9), s.mentions[0].start if s.mentions else 0))
    return out


# --------------------------------------------------------------------------------------
# Aggregates for charts
# --------------------------------------------------------------------------------------

_COUNT_WORD = re.compile(r"\w+(?:['’]\w+)*")


def voices_heard(sources: Iterable[Source]) -> dict[str, list[str]]:
    """Names of sources whose own words are heard (quoted or paraphrased) and those only
    mentioned: ``{"heard": [...], "mentioned": [...]}``."""
    out: dict[str, list[str]] = {"heard": [], "mentioned": []}
    for s in sources:
        out["heard" if s.use in ("quoted", "paraphrased") else "mentioned"].append(s.name)
    return out


def quoted_words_by_source(article: Article, quotes: Iterable[Quote]) -> dict[str, int]:
    """Words inside direct and partial quotes, per speaker (``None`` speakers skipped)."""
    counts: Counter[str] = Counter()
    for q in quotes:
        if q.kind in ("direct", "partial") and q.speaker:
            counts[q.speaker] += len(_COUNT_WORD.findall(article[q.span]))
    return dict(counts)


def quoted_words_by_affiliation(article: Article, quotes: Iterable[Quote],
                                sources: Iterable[Source]) -> dict[str, int]:
    """Words inside direct and partial quotes, per affiliation of the speaker."""
    aff = {s.name: s.affiliation or "affiliation not stated" for s in sources}
    counts: Counter[str] = Counter()
    for name, n in quoted_words_by_source(article, quotes).items():
        counts[aff.get(name, "affiliation not stated")] += n
    return dict(counts)
