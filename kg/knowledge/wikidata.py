"""Officials and their dated offices from Wikidata, instead of by hand.

A user runs the query in the README at the Wikidata Query Service and saves the result as
JSON (the SPARQL 1.1 Query Results JSON format); :func:`import_results` reads it, and
:func:`write_import` writes ``imported/wikidata.toml`` in the registry's data folder, which
the registry reads after ``people.toml`` and ``offices.toml``: a person already known (same
Wikidata ID, or same name and state) gains the spellings and dated offices, anyone else is
added. Nothing is fetched at build or test time."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import RegistryError
from kg.model import ROLE_CODES

__all__ = ["ImportedPerson", "import_results", "write_import", "IMPORT_FILE", "REQUIRED_VARIABLES"]

IMPORT_FILE = Path("imported") / "wikidata.toml"
REQUIRED_VARIABLES = ("person", "role", "start", "country")
_QID = re.compile(r"(Q\d+)$")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class ImportedPerson:
    qid: str
    country: str
    name: str = ""
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang -> labels and aliases
    offices: set[tuple[str, dt.date, dt.date | None]] = field(default_factory=set)


def _value(binding: dict[str, Any], name: str) -> str | None:
    cell = binding.get(name)
    return cell.get("value") if isinstance(cell, dict) else None


def _day(text: str | None, what: str) -> dt.date | None:
    """The day of an xsd:dateTime ("2009-01-20T00:00:00Z"); None when absent."""
    if not text:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise RegistryError(f"Wikidata result: {what} {text!r} is not a date")
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError as exc:  # Wikidata writes a year known to the year only as YYYY-01-01; 00 days are invalid
        raise RegistryError(f"Wikidata result: {what} {text!r} is not a calendar date") from exc


def import_results(path: Path, known_codes: set[str]) -> tuple[list[ImportedPerson], list[str]]:
    """People and their offices from a Query Service JSON result, and the rows left out (why)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise RegistryError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from exc
    variables = data.get("head", {}).get("vars") if isinstance(data, dict) else None
    bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) else None
    if not isinstance(variables, list) or not isinstance(bindings, list):
        raise RegistryError(f"{path}: not a SPARQL JSON result (no head.vars / results.bindings)")
    missing = [v for v in REQUIRED_VARIABLES if v not in variables]
    if missing:
        raise RegistryError(f"{path}: the query must select ?{', ?'.join(missing)} (see the README's query)")
    people: dict[str, ImportedPerson] = {}
    skipped: list[str] = []
    for number, binding in enumerate(bindings, 1):
        iri, role, country = _value(binding, "person"), _value(binding, "role"), _value(binding, "country")
        qid = _QID.search(iri or "")
        if not qid:
            skipped.append(f"row {number}: ?person {iri!r} is not a Wikidata item")
            continue
        if role not in ROLE_CODES:
            skipped.append(f"row {number}: ?role {role!r} is not a role code of ANNOTATION.md")
            continue
        if country not in known_codes:
            skipped.append(f"row {number}: ?country {country!r} is not a state or organisation code of the registry")
            continue
        start = _day(_value(binding, "start"), "start")
        end = _day(_value(binding, "end"), "end")
        if start is None or (end is not None and end < start):
            skipped.append(f"row {number}: {qid.group(1)}: a term must start, and not end before it starts")
            continue
        person = people.setdefault(qid.group(1), ImportedPerson(qid.group(1), country))
        person.offices.add((role, start, end))
        name, label, lang = _value(binding, "name"), _value(binding, "label"), (binding.get("label") or {}).get("xml:lang")
        if name and not person.name:
            person.name = " ".join(name.split())
        if label:
            person.labels.setdefault(lang or "", [])
            if label not in person.labels[lang or ""]:
                person.labels[lang or ""].append(" ".join(label.split()))
    out = []
    for person in sorted(people.values(), key=lambda p: p.qid):
        if not person.name:
            latin = [x for x in person.labels.get("en", []) if not _CJK.search(x)]
            person.name = latin[0] if latin else ""
        if not person.name:
            skipped.append(f"{person.qid}: no English name (?name) to file them under")
            continue
        out.append(person)
    return out, skipped


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_import(people: list[ImportedPerson], target: Path) -> None:
    """``target`` (TOML, the layout of people.toml plus ``offices``), written atomically,
    the same bytes for the same result."""
    from kg.files import atomic_writer

    lines = ["# Officials and dated offices imported from a Wikidata Query Service result by",
             "# `kg registry import`. The registry reads it after people.toml and offices.toml.", ""]
    for person in people:
        variants = sorted({label for lang, labels in person.labels.items() for label in labels} - {person.name})
        offices = ", ".join(f"[{_toml_string(role)}, {start.isoformat()}" + (f", {end.isoformat()}]" if end else "]")
                            for role, start, end in sorted(person.offices, key=lambda o: (o[1], o[0])))
        lines += ["[[person]]", f"name = {_toml_string(person.name)}", f"country = {_toml_string(person.country)}",
                  f"qid = {_toml_string(person.qid)}",
                  f"variants = [{', '.join(_toml_string(v) for v in variants)}]",
                  f"offices = [{offices}]", ""]
    with atomic_writer(target) as handle:
        handle.write("\n".join(lines))
