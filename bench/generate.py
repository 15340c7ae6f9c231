"""Synthetic readouts for benchmarks: realistic in form, deterministic from a seed.

Each readout is composed from the sentence templates of ``bench/templates.toml`` (one
table per language, modelled on the readouts in ``tests/gold/``) with states, officials,
organisations and topics drawn from the registry in ``kg/data``. Readout ``i`` depends only
on ``(seed, i)``, so a corpus of 1,000 is the first 1,000 files of a corpus of 10,000, and
one file can be regenerated alone.

The mix: English, Chinese, French and Spanish; phone calls, video calls, meetings, talks,
visits and message exchanges (plus about 1% spokesperson statements that report no
encounter, and about 1% re-posted duplicates); Chinese hosts mostly, other ministries for
part of the English readouts; endorsements in most readouts; two to a dozen paragraphs.
The facts are invented: titles are assigned at random to real names.

    python bench/generate.py /tmp/corpus --count 10000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.knowledge.registry import Person, Registry, load_registry

__all__ = ["Corpus", "generate", "readout_text", "readout_name"]

TEMPLATES = Path(__file__).with_name("templates.toml")
LANGUAGES = {"en": 0.35, "zh": 0.30, "fr": 0.20, "es": 0.15}
EVENTS = {"phone_call": 0.26, "meeting": 0.26, "talks": 0.18, "video_call": 0.12, "message": 0.09, "visit": 0.09}
HOST_ROLES = [("state_councilor", "foreign_minister"), ("foreign_minister",), ("foreign_minister",), ("head_of_state",),
              ("head_of_government",), ("deputy_head_of_government",), ("party_leader", "foreign_minister"),
              ("vice_foreign_minister",), ("legislature_leader",)]
GUEST_ROLES = [("foreign_minister",)] * 4 + [("head_of_state",), ("head_of_government",), ("deputy_head_of_government",),
               ("deputy_head_of_government", "foreign_minister"), ("vice_foreign_minister",), ("ambassador",),
               ("minister",), ("legislature_leader",), ("security_adviser",)]
STATEMENTS = 0.01
DUPLICATES = 0.01
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SLOT = re.compile(r"\{([a-z_]+)\}")
_CONTRACTIONS = {  # what slot filling can leave behind: "le Ambassadeur", "de el Presidente"
    "fr": [(re.compile(r"\b([Ll])e ([AEIOUÉaeioué])"), r"\1'\2"), (re.compile(r"\bde le\b"), "du")],
    "es": [(re.compile(r"\bde el\b"), "del"), (re.compile(r"\ba el\b"), "al")],
}


@dataclass
class Official:
    person: Person
    roles: tuple[str, ...]


class Corpus:
    """The templates and the registry, prepared once: pools of hosts and guests per language."""

    def __init__(self, registry: Registry | None = None, templates: Path = TEMPLATES) -> None:
        self.registry = registry or load_registry()
        with templates.open("rb") as handle:
            self.words = tomllib.load(handle)
        for lang, words in self.words.items():  # every title must be one the extractor knows
            known = self.registry.lang(lang)["titles"]
            for table in ("titles", "cn_titles"):
                unknown = sorted(t for t in words[table].values() if t not in known)
                if unknown:
                    raise ValueError(f"{templates}: [{lang}] {table} not in kg/data/lang/{lang}.toml: {unknown}")

    @cached_property
    def people(self) -> dict[str, list[Person]]:
        """Officials usable as guests per language (their state has the names that language needs)."""
        states = self.registry.states
        pools: dict[str, list[Person]] = {lang: [] for lang in LANGUAGES}
        for person in self.registry.people:
            state = states.get(person.country)
            if state is None or person.country == "CHN":
                continue
            if not state.adjectives.get("en") or not state.names.get("es") or not state.adjectives.get("es"):
                continue
            pools["en"].append(person)
            pools["es"].append(person)
            if self._formal_fr(person.country) and len(state.adjectives.get("fr", [])) >= 2:
                pools["fr"].append(person)
            if state.short and self._cjk_name(person):
                pools["zh"].append(person)
        return pools

    @cached_property
    def hosts(self) -> list[Person]:
        return [p for p in self.registry.people if p.country == "CHN" and self._cjk_name(p)]

    @staticmethod
    def _cjk_name(person: Person) -> str | None:
        return next((v for v in person.variants if _CJK.search(v) and "·" not in v), None)

    def _formal_fr(self, code: str) -> str | None:
        return next((n for n in self.registry.states[code].names.get("fr", []) if n.startswith("République ")), None)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _fill(template: str, slots: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + conjunction + items[-1]


def readout_name(index: int, lang: str, kind: str) -> str:
    return f"{index:06d}_{lang}_{kind}.txt"


def readout_text(corpus: Corpus, index: int, seed: int = 0) -> tuple[str, str]:
    """File name and text of readout ``index``: a function of ``(seed, index)`` only."""
    rng = random.Random(f"readout-kg:{seed}:{index}")
    if index > 20 and rng.random() < DUPLICATES:  # the same text posted again under another name
        name, text = readout_text(corpus, rng.randrange(index), seed)
        return f"{index:06d}_dup_{name[7:]}", text
    lang = _pick(rng, LANGUAGES)
    kind = "statement" if rng.random() < STATEMENTS else _pick(rng, EVENTS)
    return readout_name(index, lang, kind), _compose(corpus, rng, lang, kind)


def _official_slots(corpus: Corpus, official: Official, lang: str, host_titles: bool, guest: bool,
                    rng: random.Random) -> dict[str, str]:
    words = corpus.words[lang]
    person = official.person
    state = corpus.registry.states[person.country]
    table = words["cn_titles"] if host_titles else words["titles"]
    titles = words["title_join"].join(table[r] for r in official.roles)
    name = corpus._cjk_name(person) if lang == "zh" else person.name
    adjectives = state.adjectives.get(lang) or [""]
    slots = {"titles": titles, "name": name, "state": state.label(lang), "adj": adjectives[0],
             "adj_f": adjectives[1] if len(adjectives) > 1 else adjectives[0],
             "state_formal": (corpus._formal_fr(person.country) or "")[0:1].upper() + (corpus._formal_fr(person.country) or "")[1:]
             if lang == "fr" else state.label(lang)}
    if guest:
        full = _fill(rng.choice(words["guest_full"]), slots)
        head = _fill(rng.choice(words.get("guest_head", words["guest_full"])), slots)
    else:
        full = head = _fill(words["full"], slots)
    short = name if (lang == "zh" or person.country == "CHN") else person.family
    return {"full": full, "head": head, "short": short,
            "last": person.family, "state": state.label(lang), "adj": slots["adj"], "adj_f": slots["adj_f"]}


def _compose(corpus: Corpus, rng: random.Random, lang: str, kind: str) -> str:
    words = corpus.words[lang]
    body = words["body"]
    foreign_host = lang == "en" and rng.random() < 0.3
    guest_person = rng.choice(corpus.people[lang])
    if foreign_host:
        host_person = rng.choice([p for p in corpus.people[lang][:400] if p.country != guest_person.country])
        if rng.random() < 0.5:
            guest_person = rng.choice(corpus.hosts)
    else:
        host_person = rng.choice(corpus.hosts)
    host = Official(host_person, rng.choice(HOST_ROLES) if host_person.country == "CHN" else rng.choice(GUEST_ROLES))
    guest = Official(guest_person, rng.choice(GUEST_ROLES) if guest_person.country != "CHN" else rng.choice(HOST_ROLES))
    host = Official(host.person, tuple(r for r in host.roles if r in (words["cn_titles"] if host.person.country == "CHN" else words["titles"])) or ("foreign_minister",))
    guest = Official(guest.person, tuple(r for r in guest.roles if r in (words["cn_titles"] if guest.person.country == "CHN" else words["titles"])) or ("foreign_minister",))
    a = _official_slots(corpus, host, lang, host.person.country == "CHN", False, rng)
    b = _official_slots(corpus, guest, lang, guest.person.country == "CHN", True, rng)
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3800))
    day = published - dt.timedelta(days=rng.choice((0, 0, 1)))
    registry = corpus.registry
    b_state = registry.states[guest.person.country]
    side = _fill(words["side"], {"adj": b["adj"], "adj_f": b["adj_f"], "short": (b_state.short or ["?"])[0]})
    if guest.person.country == "CHN":
        side = words["cn_side"]
    city_pool = body["cities"]["CHN" if host.person.country == "CHN" else "other"]
    slots = {
        "a": a["short"], "b": b["short"], "a_full": a["full"], "b_full": b["full"], "b_head": b["head"],
        "a_last": a["last"], "b_last": b["last"], "a_state": a["state"], "b_state": b["state"],
        "a_state_formal": registry.states[host.person.country].label(lang) if not foreign_host else
        (registry.states[host.person.country].names.get(lang, [a["state"]])[-1]),
        "b_side": side, "b_side_cap": side[:1].upper() + side[1:], "b_short": (b_state.short or [""])[0],
        "place": rng.choice(city_pool), "n": str(rng.randrange(10, 76)), "city": rng.choice(city_pool),
        "date": _date(words, day, rng, lang), "topics": _join(rng.sample(body["topics"], rng.randint(1, 3)), words["and"]),
        "initiative": rng.choice(body["initiative"]), "issue": rng.choice(body["issue"]),
        "org": rng.choice(body["org"]), "field": rng.choice(body["field"]),
    } | _date_parts(words, published)
    cn = host.person.country == "CHN"
    header = _fill(rng.choice(words["cn_header" if cn else "other_header"]), slots)
    stamp = _fill(rng.choice(words["cn_published" if cn else "other_published"]), slots)
    footer = _fill(rng.choice(words["cn_footer" if cn else "other_footer"]), slots)
    headline = _fill(rng.choice(words["headline"][kind]), slots)
    lead = _fill(rng.choice(words["lead"][kind]), slots)
    if lang == "es" and not lead.endswith("."):
        lead = lead.rstrip(",") + "."
    paragraphs = [lead]
    if kind == "statement":
        paragraphs += [_fill(s, slots) for s in rng.sample(body["statement"], len(body["statement"]))]
    else:
        paragraphs += _body(rng, body, slots, lang, cn)
    parts = [p for p in (header, headline, stamp) if p] + paragraphs + ([footer] if footer else [])
    text = "\n\n".join(parts) + "\n"
    for pattern, replacement in _CONTRACTIONS.get(lang, ()):
        text = pattern.sub(replacement, text)
    return text


def _body(rng: random.Random, body: dict, slots: dict[str, str], lang: str, cn: bool) -> list[str]:
    sep = "" if lang == "zh" else " "
    out: list[str] = []
    used: set[str] = set()

    def draw(pool: list[str], count: int) -> list[str]:
        fresh = [s for s in pool if s not in used]
        chosen = rng.sample(fresh, min(len(fresh), count))
        used.update(chosen)
        return [_fill(s, slots) for s in chosen]

    for _ in range(rng.randint(1, 3)):  # the host's paragraphs
        clause = _fill(rng.choice(body["host_said"]), slots) + (" " if lang != "zh" else "") + _fill(rng.choice(body["host_clause"]), slots)
        sentences = [clause + ("。" if lang == "zh" else ".")]
        pool = body["cooperation"] + body["host_stance"] * (1 if rng.random() < 0.7 else 0)
        sentences += draw(pool, rng.randint(1, 4))
        out.append(sep.join(sentences))
    for _ in range(rng.randint(1, 2)):  # the guest's
        clause = _fill(rng.choice(body["guest_said"]), slots) + (" " if lang != "zh" else "") + _fill(rng.choice(body["guest_clause"]), slots)
        sentences = [clause + ("。" if lang == "zh" else ".")]
        pool = body["guest_stance"] + (body["guest_stance_cn"] if cn else [])
        sentences += draw(pool, rng.randint(0, 3))
        out.append(sep.join(sentences))
    out += draw(body["joint"], rng.randint(0, 2))
    return out


def _date(words: dict, day: dt.date, rng: random.Random, lang: str) -> str:
    if lang != "zh" and rng.random() < 0.1:
        return words["weekdays"][day.weekday()]
    return _fill(words["date"], _date_parts(words, day))


def _date_parts(words: dict, day: dt.date) -> dict[str, str]:
    months = words.get("months") or [str(m) for m in range(1, 13)]
    hh, mm = (day.toordinal() * 7) % 24, (day.toordinal() * 13) % 60
    return {"year": str(day.year), "month": months[day.month - 1], "day": str(day.day), "mo_n": str(day.month),
            "mo": f"{day.month:02d}", "dd": f"{day.day:02d}", "iso": day.isoformat(), "hh": f"{hh:02d}", "mm": f"{mm:02d}"}


def generate(out: Path, count: int, seed: int = 0, start: int = 0, corpus: Corpus | None = None) -> list[Path]:
    """Write readouts ``start`` .. ``start + count - 1`` into ``out``; returns their paths."""
    corpus = corpus or Corpus()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        name, text = readout_text(corpus, index, seed)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the .txt readouts into")
    parser.add_argument("--count", type=int, default=1000, help="number of readouts (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--start", type=int, default=0, help="index of the first readout (default 0)")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed, args.start)
    print(f"{len(paths)} readouts written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
