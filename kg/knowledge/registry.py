"""The registry: states, organisations, topics, officials and language words, read from
``kg/data`` once per process and compiled into one phrase matcher per language."""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from kg.knowledge.cldr import DATA_VERSION as CLDR_VERSION, state_names
from kg.errors import RegistryError
from kg.knowledge.matcher import Gazetteer
from kg.knowledge.morphology import Morphology
from kg.knowledge.toml_cache import load_toml
from kg.text import simplified
from kg.model import ROLE_CODES

__all__ = ["Registry", "State", "Organization", "Topic", "Person", "load_registry", "LANGUAGES"]

LANGUAGES = ("en", "fr", "zh", "es")


@dataclass
class State:
    code: str
    qid: str | None
    names: dict[str, list[str]]  # every name to match: the label, CLDR's, then states.toml's
    adjectives: dict[str, list[str]]
    prefixes: dict[str, list[str]]
    short: list[str]
    family_name_first: bool

    def label(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names.get("en") or [self.code])[0]


@dataclass
class Organization:
    code: str
    qid: str | None
    names: dict[str, list[str]]
    party_of: str | None = None  # a state's ruling party (CPC -> CHN)

    def label(self, lang: str = "en") -> str:
        names = self.names.get(lang) or self.names.get("en") or [self.code]
        longest = [n for n in names if not n.isupper()]
        return (longest or names)[0]


@dataclass
class Topic:
    label: str
    owner: str | None  # the party whose position the topic is ("Taiwan" -> CHN)
    fallback: bool  # a general topic dropped when a clause names a more specific one
    phrases: dict[str, list[str]]
    against: dict[str, list[str]]  # naming the opposite ("Taiwan independence"): opposing it supports the topic
    absorbs: str | None = None  # a state whose mention in a stance is this topic, not a target (PSE: Palestine)
    question_of: str | None = None  # a state a stance on which, with no other topic, is on this topic (PRK: Korean Peninsula)
    occasion: bool = False  # a person's or state's occasion (an election): what a readout's congratulations are on
    # its "against" phrases name a conduct ("unilateral sanctions", "hegemony"): a state named right
    # after one, by a genitive ("the sanctions of the US", "санкции США"), is the one who commits it
    conduct: bool = False


@dataclass
class Person:
    name: str
    country: str
    family: str
    qid: str | None
    variants: list[str] = field(default_factory=list)
    # dated holdings (offices.toml): (role code, first day, day left or None while held)
    offices: list[tuple[str, dt.date, dt.date | None]] = field(default_factory=list)
    # spans when they acted for another state or body than ``country`` (offices.toml [states]):
    # (code, first day, day left or None), e.g. Borrell for Spain before he served the EU
    states: list[tuple[str, dt.date, dt.date | None]] = field(default_factory=list)

    def country_on(self, day: dt.date | None) -> str:
        """The state or body they acted for on ``day`` (``country`` when no span covers it):
        a readout of Borrell as Spain's foreign minister is Spain's, not the EU's."""
        if day is not None:
            for code, start, end in self.states:
                if start <= day and (end is None or day < end):
                    return code
        return self.country

    def held_on(self, day: dt.date, role: str | None = None) -> bool | None:
        """Whether they held ``role`` (any office when None) on ``day``; None when the
        registry knows no dates for them."""
        if not self.offices:
            return None
        return any((role is None or held == role) and start <= day and (end is None or day < end)
                   for held, start, end in self.offices)


# Languages whose state names the registry holds: those the extractor reads and the UN
# languages it is learning; CLDR gives each of them for free.
def _state_names(code: str, table: dict[str, Any], name_languages: Iterable[str]) -> dict[str, list[str]]:
    """Names of a state per language: the label (``label`` in states.toml where CLDR's common
    name reads badly in running text, e.g. "Congo - Kinshasa"; else CLDR's), CLDR's names,
    then the hand-written names CLDR lacks (official long forms, historical names). A state
    with ``named_in`` is named only in those languages: elsewhere its name is read as a topic
    (Taiwan in the one-China formulas), never as a party."""
    langs = sorted({lang for lang in table if isinstance(table[lang], dict)} | set(name_languages))
    if "named_in" in table:
        langs = [lang for lang in langs if lang in table["named_in"]]
    out = {}
    for lang in langs:
        own = table.get(lang, {}) if isinstance(table.get(lang), dict) else {}
        label = [own["label"]] if "label" in own else []
        names = list(dict.fromkeys(label + state_names(code, lang) + list(own.get("names", []))))
        if names:
            out[lang] = names
    return out


def _simplified_words(value: Any) -> Any:
    """A lang file's words read through the simplified-Chinese conversion its text goes
    through (``read_as_simplified``: Japanese 会談 and 會談 are both 会谈), keys included."""
    if isinstance(value, str):
        return simplified(value)
    if isinstance(value, list):
        return list(dict.fromkeys(_simplified_words(v) for v in value)) if all(isinstance(v, str) for v in value) \
            else [_simplified_words(v) for v in value]
    if isinstance(value, dict):
        return {(simplified(k) if isinstance(k, str) else k): _simplified_words(v) for k, v in value.items()}
    return value


def _data_dir() -> Path:
    return Path(str(resources.files("kg") / "data"))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return load_toml(path)
    except FileNotFoundError as exc:
        raise RegistryError(f"registry file missing: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RegistryError(f"registry file {path} is not valid TOML: {exc}") from exc


class Registry:
    """All knowledge the extractor uses. Build it with :func:`load_registry`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.states: dict[str, State] = {}
        self.organizations: dict[str, Organization] = {}
        self.topics: dict[str, Topic] = {}
        self.people: list[Person] = []
        self.languages: dict[str, dict[str, Any]] = {}
        self.publishers: dict[str, dict] = {}
        self._gazetteers: dict[str, Gazetteer] = {}
        self.offices_known_until: dt.date | None = None
        # the year each pair of states established relations (relations.toml), by sorted pair
        self.relations_established: dict[tuple[str, str], int] = {}
        self._load()

    # ---- loading -----------------------------------------------------------------
    def _load(self) -> None:
        d = self.data_dir
        # every language with a lang/<code>.toml gets CLDR's names of the states: adding a
        # language is adding its file
        name_languages = [path.stem for path in sorted((d / "lang").glob("*.toml"))]
        for code, table in sorted(_read_toml(d / "states.toml").items()):
            self.states[code] = State(
                code=code,
                qid=table.get("qid"),
                names=_state_names(code, table, name_languages),
                adjectives={lang: table[lang].get("adjectives", []) for lang in table if isinstance(table[lang], dict)},
                prefixes={lang: table[lang].get("prefixes", []) for lang in table if isinstance(table[lang], dict)},
                short=table.get("zh", {}).get("short", []),
                family_name_first=bool(table.get("family_name_first", False)),
            )
        for code, table in sorted(_read_toml(d / "organizations.toml").items()):
            names = {k: v for k, v in table.items() if isinstance(v, list)}
            self.organizations[code] = Organization(code, table.get("qid"), names, table.get("party_of"))
        for label, table in _read_toml(d / "topics.toml").items():
            self.topics[label] = Topic(
                label=label,
                owner=table.get("owner"),
                fallback=bool(table.get("fallback", False)),
                phrases={k: v for k, v in table.items() if isinstance(v, list)},
                against=dict(table.get("against", {})),
                absorbs=table.get("absorbs"),
                question_of=table.get("question_of"),
                occasion=bool(table.get("occasion", False)),
                conduct=bool(table.get("conduct", False)),
            )
        for row in _read_toml(d / "people.toml").get("person", []):
            try:
                self.people.append(
                    Person(row["name"], row["country"], row.get("family") or row["name"].split()[-1],
                           row.get("qid"), list(row.get("variants", [])))
                )
            except KeyError as exc:
                raise RegistryError(f"people.toml: a person lacks {exc}") from exc
        self._load_offices(d / "offices.toml")
        for pair, year in _read_toml(d / "relations.toml").get("established", {}).items() if (d / "relations.toml").exists() else []:
            codes = tuple(sorted(pair.split("-")))
            if len(codes) != 2 or not all(c in self.states for c in codes) or not isinstance(year, int):
                raise RegistryError(f"relations.toml: {pair!r} = {year!r} is not two known state codes and a year")
            self.relations_established[codes] = year  # type: ignore[index]
        for path in sorted((d / "imported").glob("*.toml")) if (d / "imported").is_dir() else []:
            self._load_imported(path)
        for path in sorted((d / "lang").glob("*.toml")):
            table = _read_toml(path)
            if table.get("read_as_simplified"):
                table = _simplified_words(table)
            self.languages[table.get("code", path.stem)] = table
        self._load_spellings()
        self._drop_titled_variants()
        self._load_state_words()
        self.publishers = _read_toml(d / "publishers.toml")
        # recurring multilateral meetings and their editions, read by kg.extract.meetings
        self.meetings: dict[str, Any] = _read_toml(d / "meetings.toml") if (d / "meetings.toml").exists() else {}
        self.unsupported = _read_toml(d / "languages.toml") if (d / "languages.toml").exists() else {}

    def _load_state_words(self) -> None:
        """A language's words for states (``[states.KAZ]`` in its lang file: ``label``,
        ``names``, ``adjectives``, ``prefixes``) join states.toml's and CLDR's, so adding a
        language is adding one file."""
        for code, table in sorted(self.languages.items()):
            for state_code, words in table.get("states", {}).items():
                state = self.states.get(state_code)
                if state is None:
                    raise RegistryError(f"lang/{code}.toml: [states.{state_code}] is not a state of states.toml")
                names = ([words["label"]] if "label" in words else []) + state.names.get(code, []) + list(words.get("names", []))
                state.names[code] = list(dict.fromkeys(names))
                for field_name in ("adjectives", "prefixes"):
                    known = getattr(state, field_name).setdefault(code, [])
                    known.extend(w for w in words.get(field_name, []) if w not in known)

    def _load_spellings(self) -> None:
        """A language's spellings of known officials (``[spellings]`` in its lang file:
        "Sergey Lavrov" = ["Сергей Лавров", "Лавров"]) join the person's variants, so adding a
        language never edits people.toml."""
        by_name = {person.name: person for person in self.people}
        for code, table in sorted(self.languages.items()):
            for name, spellings in table.get("spellings", {}).items():
                person = by_name.get(name)
                if person is None:
                    raise RegistryError(f"lang/{code}.toml: [spellings] names {name!r}, who is not in people.toml")
                person.variants.extend(s for s in spellings if s not in person.variants)

    def _drop_titled_variants(self) -> None:
        """A variant that is a title and the person's name ("King Mohammed VI", "roi Mohammed
        VI") matches nothing the name alone does not, and would swallow the title, whose role
        is what the readout gives: it goes. A title before a shorter form ("King Salman":
        "Salman" alone names many) or a name that only looks like one ("أمير عبد اللهيان",
        Amir-Abdollahian) stays."""
        titles = {" ".join(t.lower().split()) for table in self.languages.values() for t in table.get("titles", {})}
        for person in self.people:
            names = {person.name.lower()}
            kept = []
            for variant in person.variants:
                words = variant.lower().split()
                if not any(" ".join(words[:k]) in titles and " ".join(words[k:]) in names for k in range(1, len(words))):
                    kept.append(variant)
            person.variants = kept

    def _load_offices(self, path: Path) -> None:
        if not path.exists():
            return
        by_name = {person.name: person for person in self.people}
        table = _read_toml(path)
        self.offices_known_until = table.get("known_until")
        # [offices]: the posts each official held; [states]: the spans when they acted for another
        # state or body than people.toml's; both rows of [code, first day, day left (optional)]
        sections = (("offices", "", lambda code: code in ROLE_CODES, "is not a role code of ANNOTATION.md"),
                    ("states", "[states] ", lambda code: code in self.states or code in self.organizations,
                     "is no state or organisation code"))
        for section, label, known, unknown in sections:
            for name, rows in table.get(section, {}).items():
                person = by_name.get(name)
                if person is None:
                    raise RegistryError(f"offices.toml: {label}{name!r} is not in people.toml")
                for code, start, *end in rows:
                    if not known(code):
                        raise RegistryError(f"offices.toml: {label}{name!r}: {code!r} {unknown}")
                    if not isinstance(start, dt.date) or (end and not isinstance(end[0], dt.date)):
                        raise RegistryError(f"offices.toml: {label}{name!r}: dates must be TOML dates (YYYY-MM-DD)")
                    getattr(person, section).append((code, start, end[0] if end else None))

    def _load_imported(self, path: Path) -> None:
        """People imported from Wikidata (``kg registry import``): one already known (same
        QID, or same name and state) gains their spellings and dated offices; anyone else
        joins the registry."""
        by_qid = {person.qid: person for person in self.people if person.qid}
        by_name = {(person.name, person.country): person for person in self.people}
        for row in _read_toml(path).get("person", []):
            try:
                name, country = row["name"], row["country"]
            except KeyError as exc:
                raise RegistryError(f"{path.name}: a person lacks {exc}") from exc
            person = by_qid.get(row.get("qid")) or by_name.get((name, country))
            if person is None:
                state = self.states.get(country)
                tokens = name.split()
                family = tokens[0] if state and state.family_name_first else tokens[-1]
                person = Person(name, country, family, row.get("qid"))
                self.people.append(person)
                by_name[(name, country)] = person
            person.variants.extend(v for v in row.get("variants", []) if v not in person.variants and v != person.name)
            for role, start, *end in row.get("offices", []):
                if role not in ROLE_CODES:
                    raise RegistryError(f"{path.name}: {name!r}: {role!r} is not a role code of ANNOTATION.md")
                holding = (role, start, end[0] if end else None)
                if holding not in person.offices:
                    person.offices.append(holding)

    def person_named(self, name: str, country: str) -> Person | None:
        """The registry's official of that name and state, if any."""
        if not hasattr(self, "_by_name"):
            self._by_name = {(person.name, person.country): person for person in self.people}
        return self._by_name.get((name, country))

    def holders(self, country: str, role: str, day: dt.date) -> list[int]:
        """Registry indexes of the officials of ``country`` who held ``role`` on ``day``."""
        return [index for index, person in enumerate(self.people)
                if person.country_on(day) == country and person.held_on(day, role)]

    @cached_property
    def language_codes(self) -> set[str]:
        """Every language a readout may be in: those the extractor reads and those it only
        recognises (languages.toml), so a manifest may name either."""
        codes = set(self.languages)
        for script in self.unsupported.get("script", {}).values():
            codes.add(script["lang"])
            codes.update(script.get("letters", {}))
        return codes | set(self.unsupported.get("words", {}))

    @cached_property
    def fingerprint(self) -> str:
        """Hash of every data file and of the CLDR release the state names come from: part
        of the build cache key."""
        digest = hashlib.sha256(CLDR_VERSION.encode())
        for path in sorted(self.data_dir.rglob("*.toml")):
            digest.update(path.relative_to(self.data_dir).as_posix().encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def lang(self, code: str) -> dict[str, Any]:
        try:
            return self.languages[code]
        except KeyError as exc:
            raise RegistryError(f"no language data for {code!r} (have: {', '.join(sorted(self.languages))})") from exc

    def is_cjk(self, code: str) -> bool:
        return self.lang(code).get("script") == "cjk"

    def code_kind(self, code: str) -> str:
        return "state" if code in self.states else "organization" if code in self.organizations else "unknown"

    # ---- the compiled matcher ------------------------------------------------------
    def gazetteer(self, lang: str) -> Gazetteer:
        if lang not in self._gazetteers:
            self._gazetteers[lang] = self._compile(lang)
        return self._gazetteers[lang]

    def _compile(self, lang: str) -> Gazetteer:
        words = self.lang(lang)
        morphology = Morphology(words.get("morphology"))
        # names and titles inflect (Лавров/Лаврова, بالرئيس); cue words are listed form by form
        # Japanese is matched on its text read through the simplified-Chinese rules (会談/會談)
        normalise = simplified if words.get("read_as_simplified") else None
        g = Gazetteer(morphology.forms, ("state", "adj", "side", "org", "person", "title", "topic", "topic_against"),
                      normalise) if morphology.enabled else Gazetteer(normalise=normalise)
        # Later additions share the bucket with earlier ones; the grammar picks by kind.
        for state in self.states.values():
            names = state.names.get(lang, [])
            adjectives = state.adjectives.get(lang, [])
            g.add_all(names, "state", state.code)
            g.add_all(adjectives, "adj", state.code)
            for prefix in state.prefixes.get(lang, []):
                g.add(prefix.rstrip("-") + "-", "prefix", state.code)
            for template in words.get("actors", {}).get("side_templates", []):
                if "{adj}" in template:
                    for adjective in adjectives:
                        g.add(template.replace("{adj}", adjective), "side", state.code)
                if "{name}" in template:
                    for name in names:
                        g.add(template.replace("{name}", name), "side", state.code)
            if lang == "zh":
                for short in state.short:
                    g.add(short + "方", "side", state.code)
        for org in self.organizations.values():
            g.add_all(org.names.get(lang, []), "org", org.code)
        for topic in self.topics.values():
            g.add_all(_expand_numbers(topic.phrases.get(lang, [])), "topic", topic.label)
            g.add_all(_expand_numbers(topic.against.get(lang, [])), "topic_against", topic.label)
        for index, person in enumerate(self.people):
            g.add(person.name, "person", str(index))
            g.add_all(person.variants, "person", str(index))
        for title, role in words.get("titles", {}).items():
            g.add(title, "title", role)
        cue = morphology.cue_forms  # "وأكد": a joined conjunction (Arabic) on cue words
        for event_type, cues in words.get("events", {}).items():
            g.add_all(cue(cues), f"event.{event_type}")
        for kind, cues in words.get("stance", {}).items():
            g.add_all(cue(cues), f"stance.{kind}")
        g.add_all(cue(words.get("speech", {}).get("verbs", [])), "speech")
        actors = words.get("actors", {})
        g.add_all(cue(actors.get("both_sides", [])), "both")
        g.add_all(cue(actors.get("self", [])), "self")
        g.add_all(words.get("names", {}).get("pronouns", []), "pronoun")
        g.add_all(words.get("names", {}).get("honorifics", []), "honorific")
        # names holding an actor's name that are no actor ("the UN Charter"): matched whole,
        # so the actor inside is not read as a party
        g.add_all(actors.get("not_actors", []), "not_actor")
        return g


_CN_NUMERALS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    tens, units = divmod(n, 10)
    if n < 10:
        return _CN_NUMERALS[n]
    return (_CN_NUMERALS[tens] if tens > 1 else "") + "十" + (_CN_NUMERALS[units] if units else "")


def _expand_numbers(phrases: list[str]) -> list[str]:
    """A phrase with ``{n}`` stands for every count 1-120, in digits and Chinese numerals
    ("独立{n}周年" -> 独立30周年, 独立三十周年)."""
    out: list[str] = []
    for phrase in phrases:
        if "{n}" not in phrase:
            out.append(phrase)
            continue
        for n in range(1, 121):
            out.append(phrase.replace("{n}", str(n)))
            if n < 100:
                out.append(phrase.replace("{n}", _chinese_number(n)))
    return out


_CACHE: dict[Path, Registry] = {}


def load_registry(data_dir: Path | None = None) -> Registry:
    """The registry, loaded once per process (workers each load their own)."""
    path = (data_dir or _data_dir()).resolve()
    if path not in _CACHE:
        _CACHE[path] = Registry(path)
    return _CACHE[path]
