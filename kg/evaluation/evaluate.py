"""`kg eval`: scores predictions against gold files (ANNOTATION.md §6), per language and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.text import names_match

__all__ = ["Counts", "Scores", "EvalReport", "ERROR_KINDS", "compare_document", "score_document",
           "format_table", "run_eval"]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    events: Counts = field(default_factory=Counts)
    participants: Counts = field(default_factory=Counts)
    roles: Counts = field(default_factory=Counts)
    endorsements: Counts = field(default_factory=Counts)
    documents: int = 0
    # a stance read the wrong way round (support where the gold says oppose, or the reverse):
    # the worst error an analyst can get, so counted on its own
    sign_flips: int = 0

    def add(self, other: "Scores") -> None:
        for name in ("events", "participants", "roles", "endorsements"):
            getattr(self, name).add(getattr(other, name))
        self.documents += other.documents
        self.sign_flips += other.sign_flips

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "sign_flips": self.sign_flips, **{
            name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                   "tp": c.tp, "fp": c.fp, "fn": c.fn}
            for name, c in (("events", self.events), ("participants", self.participants),
                            ("roles", self.roles), ("endorsements", self.endorsements))}}


def _event_key(event: dict[str, Any]) -> tuple:
    return (event.get("type"), event.get("date"), frozenset(p.get("country") for p in event.get("participants", [])))


def _overlap(predicted: dict[str, Any], gold: dict[str, Any]) -> int:
    return sum(1 for gp in gold.get("participants", []) for pp in predicted.get("participants", [])
               if pp.get("country") == gp.get("country") and names_match(pp.get("name", ""), gp.get("name", "")))


def _event_label(event: dict[str, Any]) -> str:
    return str((event.get("type"), event.get("date"),
                tuple(sorted({p.get("country") or "" for p in event.get("participants", [])}))))


def _person_label(participant: dict[str, Any]) -> str:
    return f"{participant.get('country')}:{participant.get('name')}"


def _endorsements(doc: dict[str, Any]) -> set[tuple]:
    return {(e.get("endorser"), e.get("stance"), e.get("target"), e.get("topic")) for e in doc.get("endorsements", [])}


ERROR_KINDS = ("missing_events", "extra_events", "missing_participants", "extra_participants",
               "missing_roles", "extra_roles", "missing_endorsements", "extra_endorsements", "sign_flips")


def compare_document(predicted: dict[str, Any], gold: dict[str, Any]) -> tuple[Scores, dict[str, list[str]]]:
    """Score one document and name every false negative and false positive behind the counts.

    The errors use exactly the pairing of the scores: participants and roles are compared
    over matched events only, and a missed participant's gold roles are missed roles too,
    so each list's length is the matching fn or fp count.
    """
    scores = Scores(documents=1)
    errors: dict[str, list[str]] = {kind: [] for kind in ERROR_KINDS}
    unmatched = list(predicted.get("events", []))
    pairs = []
    for gold_event in gold.get("events", []):
        candidates = [p for p in unmatched if _event_key(p) == _event_key(gold_event)]
        # two encounters of the same type, day and states: pair by shared participants
        hit = max(candidates, key=lambda p: _overlap(p, gold_event), default=None)
        if hit is None:
            scores.events.fn += 1
            errors["missing_events"].append(_event_label(gold_event))
            continue
        unmatched.remove(hit)
        scores.events.tp += 1
        pairs.append((hit, gold_event))
    scores.events.fp += len(unmatched)
    errors["extra_events"] += [_event_label(e) for e in unmatched]
    for pred_event, gold_event in pairs:
        remaining = list(pred_event.get("participants", []))
        for gp in gold_event.get("participants", []):
            match = next((pp for pp in remaining if pp.get("country") == gp.get("country")
                          and names_match(pp.get("name", ""), gp.get("name", ""))), None)
            gold_roles = set(gp.get("roles", []))
            if match is None:
                scores.participants.fn += 1
                scores.roles.fn += len(gold_roles)
                errors["missing_participants"].append(_person_label(gp))
                errors["missing_roles"] += [f"{_person_label(gp)}:-{r}" for r in sorted(gold_roles)]
                continue
            remaining.remove(match)
            scores.participants.tp += 1
            pred_roles = set(match.get("roles", []))
            scores.roles.tp += len(pred_roles & gold_roles)
            scores.roles.fp += len(pred_roles - gold_roles)
            scores.roles.fn += len(gold_roles - pred_roles)
            errors["missing_roles"] += [f"{_person_label(gp)}:-{r}" for r in sorted(gold_roles - pred_roles)]
            errors["extra_roles"] += [f"{_person_label(gp)}:+{r}" for r in sorted(pred_roles - gold_roles)]
        scores.participants.fp += len(remaining)
        errors["extra_participants"] += [_person_label(pp) for pp in remaining]
    pred_e, gold_e = _endorsements(predicted), _endorsements(gold)
    scores.endorsements.tp += len(pred_e & gold_e)
    scores.endorsements.fp += len(pred_e - gold_e)
    scores.endorsements.fn += len(gold_e - pred_e)
    errors["missing_endorsements"] = sorted(map(str, gold_e - pred_e))
    errors["extra_endorsements"] = sorted(map(str, pred_e - gold_e))
    opposite = {"support": "oppose", "oppose": "support"}
    flips = sorted(e for e in pred_e - gold_e if e[1] in opposite and (e[0], opposite[e[1]], e[2], e[3]) in gold_e)
    scores.sign_flips += len(flips)
    errors["sign_flips"] = [str(e) for e in flips]
    return scores, {kind: sorted(items) for kind, items in errors.items()}


def score_document(predicted: dict[str, Any], gold: dict[str, Any]) -> Scores:
    return compare_document(predicted, gold)[0]


def format_table(by_lang: dict[str, Scores], overall: Scores, by_group: dict[str, Scores] | None = None,
                 group_name: str = "group") -> str:
    width = max([8, *(len(name) + 1 for name in by_group or {})])
    header = f"{'lang':<{width}}{'docs':>5}  {'events':>8}{'particip.':>11}{'roles':>8}{'endorse.':>10}"
    rows = [header, "-" * len(header)]

    def row(name: str, s: Scores) -> str:
        return (f"{name:<{width}}{s.documents:>5}  {s.events.f1:>8.2f}{s.participants.f1:>11.2f}{s.roles.f1:>8.2f}"
                f"{s.endorsements.f1:>10.2f}")

    rows += [row(name, s) for name, s in [*sorted(by_lang.items()), ("overall", overall)]]
    if by_group:
        rows += ["", f"{group_name:<{width}}", "-" * len(header)]
        rows += [row(name, s) for name, s in sorted(by_group.items())]
    rows.append(f"sign flips (support read as oppose or the reverse): {overall.sign_flips}")
    rows.append("(F1; roles over matched participants, participants over matched events — ANNOTATION.md §6)")
    return "\n".join(rows)


@dataclass
class EvalReport:
    by_lang: dict[str, Scores]
    overall: Scores
    details: list[dict[str, Any]]
    by_group: dict[str, Scores] = field(default_factory=dict)  # e.g. by publisher kind (kg eval --group-by)
    group_name: str = "group"

    def table(self) -> str:
        return format_table(self.by_lang, self.overall, self.by_group, self.group_name)

    def as_dict(self) -> dict[str, Any]:
        out = {"overall": self.overall.as_dict(), "by_lang": {k: v.as_dict() for k, v in sorted(self.by_lang.items())},
               "documents": self.details}
        if self.by_group:
            out["by_" + self.group_name] = {k: v.as_dict() for k, v in sorted(self.by_group.items())}
        return out

    def error_listing(self) -> str:
        lines = []
        for d in self.details:
            for kind in (*ERROR_KINDS, "error"):
                for item in d.get(kind) or []:
                    lines.append(f"{d['source']}\t{kind}\t{item}")
        return "\n".join(lines)


def run_eval(gold_dir, sources_dir, groups: dict[str, str] | None = None, group_name: str = "group") -> EvalReport:
    """Extract every readout a gold file names and score it; predictions come from the graph.
    The sources folder's manifest.csv, if any, gives each readout's metadata, as in a build.
    ``groups`` (source file name -> group) adds scores per group."""
    from pathlib import Path

    from kg.sources.manifest import read_manifest

    from rdflib import URIRef

    from kg.evaluation.gold import graph_to_gold, load_gold
    from kg.build.pipeline import process_path
    from kg.graph.rdf import to_graph
    from kg.knowledge.registry import load_registry

    registry = load_registry()
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        from kg.errors import GoldFormatError

        raise GoldFormatError(f"no gold *.json files in {gold_dir}")
    manifest = read_manifest(Path(sources_dir), registry.language_codes)

    def scored():
        for gold_path in gold_files:
            gold = load_gold(gold_path)
            source = Path(sources_dir) / gold["source"]
            outcome = process_path(source, Path(sources_dir), registry, metadata=manifest.entries.get(gold["source"]))
            if outcome.triples:
                predicted = graph_to_gold(to_graph(outcome.triples), URIRef(outcome.graph_iri))
            else:
                predicted = {"events": [], "endorsements": []}
            yield gold["source"], predicted, gold, {"error": [outcome.error] if outcome.error else [],
                                                    "violations": [v.line() for v in outcome.violations]}

    return _report(scored(), groups, group_name)


def _report(scored, groups: dict[str, str] | None = None, group_name: str = "group") -> EvalReport:
    """Scores of (source, predicted, gold, detail) items, per language, per group and overall."""
    by_lang: dict[str, Scores] = {}
    by_group: dict[str, Scores] = {}
    overall = Scores()
    details = []
    for source, predicted, gold, detail in scored:
        scores, errors = compare_document(predicted, gold)
        lang = gold.get("lang") or predicted.get("lang") or "?"
        by_lang.setdefault(lang, Scores()).add(scores)
        overall.add(scores)
        if groups is not None:
            by_group.setdefault(groups.get(source, "?"), Scores()).add(scores)
        details.append({"source": source, "lang": lang, **detail, **errors})
    return EvalReport(by_lang, overall, details, by_group, group_name)


def read_groups(spec: str) -> tuple[dict[str, str], str]:
    """``CSV:COLUMN`` -> (readout file name -> that row's COLUMN, COLUMN). Rows name their
    readout in a ``file`` column, or in an ``id`` column (the file name without ``.txt``)."""
    import csv

    from kg.errors import GoldFormatError

    path, _, column = spec.rpartition(":")
    if not path or not column:
        raise GoldFormatError(f"--group-by takes CSV:COLUMN, not {spec!r}")
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not rows or column not in rows[0] or not ({"file", "id"} & set(rows[0])):
        raise GoldFormatError(f"{path}: needs a 'file' or 'id' column and a {column!r} column")
    return {(row.get("file") or f"{row['id']}.txt"): row[column] for row in rows}, column


def agreement(first_dir, second_dir) -> EvalReport:
    """Inter-annotator agreement: the gold files of ``second_dir`` scored against those of
    ``first_dir`` for the same readouts, with the measure of :func:`run_eval` (F1 is
    symmetric, so which set is "gold" does not matter). It bounds what an extractor can score."""
    from pathlib import Path

    from kg.errors import GoldFormatError
    from kg.evaluation.gold import load_gold

    second = sorted(Path(second_dir).glob("*.json"))
    if not second:
        raise GoldFormatError(f"no gold *.json files in {second_dir}")

    def scored():
        for path in second:
            other = Path(first_dir) / path.name
            if not other.exists():
                raise GoldFormatError(f"{other}: no first annotation of {path.name}")
            yield path.name, load_gold(path), load_gold(other), {"error": [], "violations": []}

    return _report(scored())
