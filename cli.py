"""The `kg` command: a thin layer that parses arguments, calls the kg library and
formats its results. Exit codes: 0 ok, 1 some readouts rejected (or violations),
2 usage or environment error, 70 internal error (a bug: please report it)."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from kg.errors import KGError
from kg.namespaces import DEFAULT_BASE

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("build")
BUILD_LINES = 20  # kg build: lines shown of each kind of message (report.txt lists them all)


INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h): a bug in kg, whatever the input was
_CLICK_FLOW = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)


def _one_line(text: object, limit: int = 400) -> str:
    """A message folded onto one line (a library's message may span several), cut at ``limit``."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


class _WarningLines(logging.Handler):
    """Libraries' log warnings as one line each on stderr, without the traceback rdflib attaches
    to every ill-typed literal; after 20, the rest are dropped."""

    LIMIT = 20

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.shown = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.shown += 1
        if self.shown <= self.LIMIT:
            click.echo(f"kg: warning: {record.name}: {_one_line(record.getMessage(), 300)}", err=True)
        elif self.shown == self.LIMIT + 1:
            click.echo("kg: warning: further warnings not shown", err=True)


def _debug() -> bool:
    return os.environ.get("KG_DEBUG", "") not in ("", "0")


class KGGroup(click.Group):
    """Turns library errors into one line on stderr and exit code 2, and anything unexpected
    into one line and exit code 70 (KG_DEBUG=1 shows the traceback instead): never a traceback."""

    def invoke(self, ctx: click.Context):
        root = logging.getLogger()
        handler = None
        if not _debug():
            handler = _WarningLines()
            root.addHandler(handler)
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"kg: error: {_one_line(exc)}", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            # `kg query ... | head`: the reader has all it wanted; say nothing, as Unix tools do
            try:
                sys.stdout = open(os.devnull, "w")  # no second error while Python flushes stdout
            except OSError:
                pass
            ctx.exit(0)
        except ValueError as exc:
            click.echo(f"kg: error: {_one_line(exc)}", err=True)
            ctx.exit(2)
        except OSError as exc:  # a folder that cannot be written, a full disk: the environment
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"kg: error: {where}{_one_line(exc.strerror or exc)}", err=True)
            ctx.exit(2)
        except _CLICK_FLOW:
            raise
        except Exception as exc:
            if _debug():
                raise
            click.echo(f"kg: internal error: {type(exc).__name__}: {_one_line(exc, 300)} (please report; "
                       f"KG_DEBUG=1 shows where)", err=True)
            ctx.exit(INTERNAL_ERROR)
        finally:
            if handler is not None:
                root.removeHandler(handler)


@click.group(cls=KGGroup)
@click.version_option(package_name="readout-kg", prog_name="kg")
def main() -> None:
    """Build a knowledge graph from diplomatic readouts, validate it, query it.

    \b
    Typical session:
      kg build                      # sources/ -> build/ (dump, Turtle union, report)
      kg extract sources/000_a35c0205b5cb6fd1.txt --format json
      kg eval tests/gold            # score the extractor against gold files
    """


def _progress_bar(total_hint: bool):
    """A one-line progress bar on a terminal (count, rate, time left), redrawn at most ten
    times a second; silent when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    import time

    start = time.perf_counter()
    shown = [0.0]

    def show(done: int, total: int, source: str) -> None:
        now = time.perf_counter()
        if done < total and now - shown[0] < 0.1:
            return
        shown[0] = now
        rate = done / max(now - start, 1e-9)
        filled = 24 * done // max(total, 1)
        left = f"{(total - done) / rate:,.0f} s left" if done < total and rate > 0 else "done"
        click.echo(f"\r  [{'#' * filled}{'.' * (24 - filled)}] {done:,}/{total:,} readouts  {rate:,.0f}/s  {left}   ",
                   err=True, nl=done == total)

    return show


@main.command()
@click.argument("sources", type=click.Path(path_type=Path), default=DEFAULT_SOURCES, required=False)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True, help="Build folder.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Namespace of minted IRIs (must end in / or #).")
@click.option("--lang", default=None, help="Force the language of every readout (ar, de, en, es, fr, pt, ru, zh); detected by default.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, help="Worker processes (default: all cores).")
@click.option("--strict", is_flag=True, help="Reject flagged readouts (truncated) too, and fail the build, keeping the "
              "previous dump, on any rejected readout or SHACL violation.")
@click.option("--clean", is_flag=True, help="Ignore the build cache (OUT/.cache) and redo every readout.")
@click.option("--full-registry", is_flag=True, help="Publish the whole registry graph, not only the states, "
              "organisations, people and topics some readout mentions.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only: no summary, no flagged, skipped or duplicate "
              "readouts, no notices.")
def build(sources: Path, out: Path, base: str, lang: str | None, jobs: int | None, strict: bool, clean: bool,
          full_registry: bool, quiet: bool) -> None:
    """Extract, validate and dump every readout of SOURCES (default: sources/).

    Writes OUT/readouts.nq (one named graph per readout, then the registry graph, the
    entities graph and the statistics graph), OUT/union.ttl (all graphs merged),
    OUT/report.json and OUT/report.txt. Each state, organisation, person and topic is
    described once: in the registry graph (only those some readout mentions, unless
    --full-registry), or, for a person the registry does not know, in the entities graph;
    readout graphs only refer to them. A readout that
    cannot be read (empty, binary, undecodable, over 5 MiB), reports no encounter, is in a
    language the extractor does not read, or fails SHACL is listed and left out; the others
    are still published. A readout that looks cut off is published with what it says and
    flagged (kg:truncated true, a FLAGGED line in the report); --strict rejects it.
    SOURCES/manifest.csv, if there, gives per-readout metadata (columns file, url,
    publisher, lang, published, licence); a row it cannot use is listed and skipped. A
    text that reports no encounter (a press statement) or is in a language the extractor
    does not read is listed as skipped. Exit code 0 when every readout was published or
    skipped, 1 when one was rejected (unreadable, invalid, failing SHACL) or a manifest row
    could not be used. Of each kind of message (error, flagged, skipped...) the first 20
    are shown, then a count; report.txt lists them all. -q shows errors only. Readouts unchanged since the
    last build into OUT come from its cache, OUT/.cache (--clean ignores it); the outputs
    are the same bytes either way.

    \b
    Examples:
      kg build sources --out build
      kg build sources --out build --clean     # redo every readout
    """
    from kg.build.builder import build as run_build

    from kg.errors import BuildFailed

    try:
        result = run_build(sources, out, base=base, lang=lang, jobs=jobs, strict=strict, clean=clean,
                           full_registry=full_registry, progress=None if quiet else _progress_bar(True),
                           notify=None if quiet else lambda line: click.echo(f"kg: {line}", err=True))
    except BuildFailed as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(1)
    lines: dict[str, list[str]] = {}  # kind -> its lines, errors (rejected readouts, manifest rows) first
    for doc in result.documents:
        kind = "flagged" if doc.status == "published" else doc.status
        if not quiet or kind in ("error", "rejected"):
            lines.setdefault(kind, []).extend(doc.reasons)
    lines["manifest"] = result.problems
    for kind, reasons in sorted(lines.items(), key=lambda item: item[0] not in ("error", "rejected", "manifest")):
        for reason in reasons[:BUILD_LINES]:
            click.echo(f"kg: {kind}: {reason}", err=True)
        if len(reasons) > BUILD_LINES:
            click.echo(f"kg: {kind}: ... and {len(reasons) - BUILD_LINES:,} more (see {out / 'report.txt'})", err=True)
    s = result.summary()
    if not quiet:
        click.echo(
            f"{s['documents']} readouts: {s['published']} published ({s['flagged']} flagged), {s['rejected']} rejected, "
            f"{s['skipped']} skipped, {s['duplicates']} duplicates\n"
            f"{s['encounters']} encounter{'' if s['encounters'] == 1 else 's'} ({s['events']} "
            f"report{'' if s['events'] == 1 else 's'}), {s['actors']} actors, {s['endorsements']} endorsements, {s['violations']} violations, "
            f"{s['quads']} quads in {s['seconds']:.2f} s\n"
            f"dump: {out / 'readouts.nq'}  union: {out / 'union.ttl'}  report: {out / 'report.json'}"
        )
    if s["documents"] == 0:
        raise click.ClickException(f"no readouts (.txt, .html) found in {sources}")
    if result.rejected or result.problems:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "turtle"]), default="json", show_default=True)
@click.option("--lang", default=None, help="Force the language (ar, de, en, es, fr, pt, ru, zh).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Namespace of minted IRIs.")
def extract(files: tuple[Path, ...], fmt: str, lang: str | None, base: str) -> None:
    """Extract one or more readouts and print the result.

    `json` prints the gold format of ANNOTATION.md §5, read back from the validated graph;
    `turtle` prints the readout's graph. A manifest.csv beside the file (or in a folder
    above it) with a row for it gives its url, publisher, lang and publication date, as in
    `kg build`. A readout that looks cut off is extracted all the same, with a warning.

    \b
    Example:
      kg extract sources/000_a35c0205b5cb6fd1.txt --format json
    """
    from kg.evaluation.gold import graph_to_gold
    from kg.sources.manifest import manifest_for
    from kg.build.pipeline import process_path
    from kg.graph.rdf import to_graph
    from kg.knowledge.registry import load_registry
    from rdflib import URIRef

    failed = False
    outputs = []
    registry = load_registry()
    for path in files:
        metadata, problems = manifest_for(path, registry.language_codes)
        for problem in problems:
            click.echo(f"kg: manifest: {problem}", err=True)
        outcome = process_path(path, registry=registry, lang=lang, base=base, metadata=metadata)
        for flag in outcome.flags:
            click.echo(f"kg: flagged: {flag}", err=True)
        if not outcome.error and outcome.extraction is not None:
            for note in outcome.extraction.notes:
                click.echo(f"kg: check: {path.name}: {note}", err=True)
        if outcome.error:
            click.echo(f"kg: error: {outcome.error}", err=True)
            failed = True
            if fmt == "json":
                # still one record per file: what was read, and that nothing was found
                extraction = outcome.extraction
                outputs.append({"source": outcome.source,
                                "lang": extraction.lang if extraction else None,
                                "published": extraction.published if extraction else None,
                                "events": [], "endorsements": []})
            continue
        for v in outcome.violations:
            click.echo(f"kg: violation: {path}: {v.line()}", err=True)
        failed |= bool(outcome.violations)
        graph = to_graph(outcome.triples)
        if fmt == "turtle":
            outputs.append(graph.serialize(format="turtle"))
        else:
            outputs.append(graph_to_gold(graph, URIRef(outcome.graph_iri)))
    if fmt == "json":
        click.echo(json.dumps(outputs[0] if len(outputs) == 1 else outputs, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(outputs))
    if failed:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("sources", type=click.Path(exists=True, file_okay=False, path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores.")
@click.option("--errors", is_flag=True, help="List every false positive and false negative.")
@click.option("--group-by", "group_by", metavar="CSV:COLUMN", default=None,
              help="Also score per value of COLUMN of CSV, whose 'file' (or 'id', the file name without "
                   ".txt) column names each readout: e.g. realdev/index.csv:kind.")
def evaluate(gold_dir: Path, sources: Path | None, as_json: bool, errors: bool, group_by: str | None) -> None:
    """Score the extractor against gold JSON files (ANNOTATION.md §6).

    Each GOLD_DIR/*.json names its readout in "source"; the readout is looked up in
    SOURCES (default: GOLD_DIR itself), with SOURCES/manifest.csv if there. Prints F1 for
    events, participants, roles and endorsements per language and overall.

    \b
    Examples:
      kg eval tests/gold
      kg eval realdev/gold realdev/texts --group-by realdev/index.csv:kind
    """
    from kg.evaluation.evaluate import read_groups, run_eval

    groups, column = read_groups(group_by) if group_by else (None, "group")
    report = run_eval(gold_dir, sources or gold_dir, groups, column)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.table())
        if errors:
            click.echo(report.error_listing())


@main.command()
@click.argument("first", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("second", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="List every disagreement.")
def agree(first: Path, second: Path, errors: bool) -> None:
    """Agreement of two annotations of the same readouts (ANNOTATION.md §6 F1).

    Each SECOND/*.json is compared with the file of the same name in FIRST. Agreement
    bounds what any extractor can score on that gold.

    \b
    Example:
      kg agree realdev/gold realdev/gold2
    """
    from kg.evaluation.evaluate import agreement

    report = agreement(first, second)
    click.echo(report.table())
    if errors:
        click.echo(report.error_listing())


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Validate any RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) against shapes.ttl.

    Exit code 0 conforms, 1 violations, 2 not parseable. Refused before parsing (exit 2):
    XML that declares entities (<!ENTITY ...>) or nests elements over 1,000 deep, JSON-LD
    whose @context is a URL (never fetched), and anything but a regular file.

    \b
    Example:
      kg validate build/union.ttl
    """
    from kg.errors import RDFParseError
    from kg.graph.validate import validate_file

    try:
        violations = validate_file(file)
    except RDFParseError as exc:  # every parser's error, and a file refused before parsing
        raise KGError(f"{file}: not parseable RDF ({exc})") from exc
    for v in violations:
        click.echo(v.line())
    click.echo(f"{file}: {'conforms' if not violations else f'{len(violations)} violations'}")
    sys.exit(1 if violations else 0)


_DUMP_OPTION = click.option(
    "--dump", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Build or publish folder to read (default: build/, rebuilt from --sources when missing or stale).")
_SOURCES_OPTION = click.option(
    "--sources", type=click.Path(path_type=Path), default=DEFAULT_SOURCES, show_default=True,
    help="Readouts to build build/ from when no --dump is given.")


def _store(dump: Path | None, sources: Path):
    """The query store of --dump, or of build/ (built first when missing or stale)."""
    from kg.sparql.query import open_store

    def note(src: Path, out: Path) -> None:
        click.echo(f"kg: {out}/ is missing or older than {src}/; building it first", err=True)

    return open_store(dump, sources, DEFAULT_OUT, on_build=note)


@main.command()
@click.argument("query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False)
@click.option("--name", "-n", default=None, help="Run the ready query queries/NAME.rq (see --list).")
@click.option("--expr", "-e", "expression", default=None, help="A SPARQL query given inline.")
@click.option("--list", "list_only", is_flag=True, help="List the ready queries and what each answers.")
@_DUMP_OPTION
@_SOURCES_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ntriples", "turtle", "jsonld"]),
              default="table", show_default=True,
              help="table for people; csv, tsv, json, xml are the W3C SPARQL results formats; "
                   "CONSTRUCT/DESCRIBE answer as sorted N-Triples, or turtle or jsonld.")
@click.option("--width", type=click.IntRange(8), default=60, show_default=True, help="Longest cell of a table.")
@click.option("--max-rows", type=click.IntRange(1), default=None,
              help="Stop after this many rows with an error (exit 2); rows are written as the engine finds them.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the ready query (see --list): any name, alias or code; repeatable.")
def query(query_file: Path | None, name: str | None, expression: str | None, list_only: bool, dump: Path | None,
          sources: Path, fmt: str, width: int, max_rows: int | None, params: tuple[str, ...]) -> None:
    """Run a SPARQL query (a file, a ready query or -e TEXT) over the knowledge graph.

    The default graph is the union of every readout's named graph and the registry;
    GRAPH ?g { ... } reaches each one. The prefixes kg:, id:, rdfs:, skos:, org:, oa:,
    prov:, dcterms:, xsd: ... may be used without declaring them. A query longer than
    100,000 characters or nested deeper than 64 brackets is refused (exit 2), as are updates.

    \b
    Examples:
      kg query --list
      kg query --name who-met-whom
      kg query -n endorsers-of-state --param state=China --param topic=taiwan
      kg query queries/counterparts.rq --dump dist --format csv
      kg query -e 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format json
    """
    from kg.sparql.query import describe_query, list_queries, read_query, read_query_file, write_query
    from kg.sparql.results import table

    if list_only:
        from kg.sparql.params import query_params

        rows = []
        for n, p in list_queries().items():
            text = p.read_text(encoding="utf-8")
            declared = "; ".join(f"{x.name}={x.default_shown} ({x.kind})" for x in query_params(text))
            rows.append((n, describe_query(text), declared or "-"))
        click.echo(table(["name", "answers", "--param"], rows, limit=90), nl=False)
        return
    given = [x for x in (query_file, name, expression) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY_FILE, --name NAME or -e 'SPARQL' (or --list)")
    if query_file is not None:
        text = read_query_file(query_file)
    elif name is not None:
        text = read_query(name)
    else:
        text = expression
    if params:  # kg.sparql.params and the registry only when asked for: they take a tenth of a second to import
        from kg.sparql.params import bind_params
        from kg.knowledge.registry import load_registry

        given = {}
        for item in params:
            key, sep, value = item.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise click.UsageError(f"--param {item!r}: expected NAME=VALUE")
            given[key.strip()] = value.strip()
        text = bind_params(text, given, load_registry())
    write_query(_store(dump, sources), text, lambda chunk: click.echo(chunk, nl=False), fmt, width, max_rows)


@main.command()
@click.argument("sources", type=click.Path(path_type=Path), default=DEFAULT_SOURCES, required=False)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              help="Folder to write.")
@click.option("--build", "build_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Build folder; rebuilt from SOURCES first when missing or stale.")
@click.option("--license", "license_iri", default=None,
              help="IRI of the data licence for void.ttl (default: a placeholder, see README).")
@click.option("--base-url", default=None, help="Where the folder will be online (IRIs of the files in void.ttl).")
@click.option("--to", "to_url", default=None, metavar="URL",
              help="Instead of writing OUT, load the named graphs into this SPARQL 1.1 Graph Store endpoint.")
@click.option("--user", default=None, envvar="KG_SPARQL_USER",
              help="User for --to (or KG_SPARQL_USER); the password is read from KG_SPARQL_PASSWORD.")
@click.option("--union/--no-union", "with_union", default=True, show_default=True,
              help="With --to, also store the union of all graphs as the graph <base>graph/union.")
@click.option("--timeout", "timeout_s", default=60.0, show_default=True,
              type=click.FloatRange(min=0, min_open=True, max=1e7),
              help="With --to, seconds the server may keep one request waiting before the push fails.")
@click.option("--deadline", "deadline_s", default=3600.0, show_default=True,
              type=click.FloatRange(min=0, min_open=True, max=1e7), help="With --to, seconds the whole push may take.")
def publish(sources: Path, out: Path, build_dir: Path, license_iri: str | None, base_url: str | None,
            to_url: str | None, user: str | None, with_union: bool, timeout_s: float, deadline_s: float) -> None:
    """Write a folder to put online from the build of SOURCES (default: sources/).

    OUT gets readouts.nq.gz, union.ttl, ontology.ttl, shapes.ttl, void.ttl (VoID + DCAT:
    counts per class, licence, date, the ready queries as SPARQL examples) and SHA256SUMS.
    Nothing depends on the clock: publishing the same build twice gives identical bytes.

    With --to URL, the build's named graphs go to a SPARQL server instead, through the
    SPARQL 1.1 Graph Store HTTP Protocol: one PUT per graph, which replaces it, so running
    it again is safe. Query the server with default-graph-uri=<base>graph/union to get the
    answers of `kg query`. A server that keeps a request waiting over --timeout seconds,
    or a push that takes over --deadline seconds, fails the push (exit code 2).

    \b
    Examples:
      kg publish sources --out dist --license https://creativecommons.org/licenses/by/4.0/
      cd dist && sha256sum -c SHA256SUMS
      KG_SPARQL_PASSWORD=dba kg publish --to http://localhost:8890/sparql-graph-crud-auth --user dba
    """
    from kg.publish.folder import DEFAULT_BASE_URL, DEFAULT_LICENSE, publish as run_publish
    from kg.sparql.query import ensure_dump

    def note(src: Path, folder: Path) -> None:
        click.echo(f"kg: {folder}/ is missing or stale; building it from {src}/ first", err=True)

    ensure_dump(None, sources, build_dir, on_build=note)
    if to_url:
        _push(build_dir, to_url, user, with_union, timeout_s, deadline_s)
        return
    if (license_iri or DEFAULT_LICENSE) == DEFAULT_LICENSE:
        click.echo(f"kg: warning: no --license: void.ttl names the placeholder licence <{DEFAULT_LICENSE}>; "
                   f"give the data's licence IRI before putting {out}/ online", err=True)
    result = run_publish(build_dir, out, license_iri or DEFAULT_LICENSE, base_url or DEFAULT_BASE_URL)
    for name, digest in result.files.items():
        click.echo(f"{digest[:16]}  {out / name}")
    click.echo(f"{result.triples} triples, latest readout {result.created or 'undated'}; checksums in {out / 'SHA256SUMS'}")


def _push(build_dir: Path, url: str, user: str | None, with_union: bool, timeout_s: float, deadline_s: float) -> None:
    import os

    from kg.publish.remote import push, union_graph_iri
    from kg.build.store import DUMP_NQ, DUMP_TTL

    import time

    dump = build_dir / DUMP_NQ
    union = build_dir / DUMP_TTL if with_union and (build_dir / DUMP_TTL).is_file() else None
    shown = [0.0, time.perf_counter()]

    def show(done: int, graph: str) -> None:  # on a terminal: a count and a rate, ten times a second
        now = time.perf_counter()
        if now - shown[0] >= 0.1:
            shown[0] = now
            click.echo(f"\r  {done:,} graphs sent  {done / max(now - shown[1], 1e-9):,.0f}/s   ", err=True, nl=False)

    result = push(dump, url, user, os.environ.get("KG_SPARQL_PASSWORD"), union=union,
                  union_graph=union_graph_iri(dump) if union else None,
                  progress=show if sys.stderr.isatty() else None, timeout=timeout_s, deadline=deadline_s)
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"{result.graphs} graphs, {result.triples} triples sent to {url} in {result.requests} requests, "
               f"{result.seconds:.1f} s" + (f"; union in <{result.union_graph}>" if result.union_graph else ""))


def _view_options(command):
    """The options every graph view command shares: data, filters, labels, ego network."""
    options = [
        _DUMP_OPTION, _SOURCES_OPTION,
        click.option("--from", "start", default=None, help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "end", default=None, help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--topic", "topics", multiple=True, help="Endorsements on this topic (slug, label or org code); repeatable."),
        click.option("--stance", "stances", multiple=True, help="support, oppose or congratulate; repeatable."),
        click.option("--state", "states", multiple=True, help="Only what involves this ISO3 or organisation code; repeatable."),
        click.option("--lang", default="en", show_default=True, type=click.Choice(["en", "fr", "zh", "es"]),
                     help="Language of the labels."),
        click.option("--level", default="person", show_default=True, type=click.Choice(["person", "state"]),
                     help="interactions: link people, or the states and organisations they represent."),
        click.option("--aggregate", is_flag=True, help="endorsements: one edge per endorser and target, with counts."),
        click.option("--ego", "center", default=None, help="Keep the ego network of this node (id, code or label)."),
        click.option("--radius", default=1, show_default=True, type=click.IntRange(0), help="Radius of --ego."),
        click.option("--count", default="encounters", show_default=True, type=click.Choice(["encounters", "reports"]),
                     help="What weights count: distinct encounters (the readouts of one encounter, and a stance "
                          "they both report, count once; `reports` says how many back each), or every readout's report."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius,
                count="encounters"):
    from kg.views.snapshot import load_snapshot
    from kg.views.graphs import build_view, make_filters

    from kg.knowledge.registry import load_registry

    registry = load_registry() if states or topics or center else None  # names to look up: a third of a second
    filters = make_filters(start, end, topics, stances, states, registry)
    return build_view(name, load_snapshot(_store(dump, sources)), filters, lang, level, aggregate, center, radius,
                      registry, count)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations", "counterparts",
                                           "comparison"]))
@_view_options
@click.option("--top", default=3, show_default=True, type=click.IntRange(1), help="counterparts: how many per state and year.")
@click.option("--limit", default=25, show_default=True, type=click.IntRange(0), help="Rows per table (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Nodes, edges and metrics as JSON, for scripts.")
@click.option("--csv", "what_csv", type=click.Choice(["edges", "nodes"]), default=None,
              help="The edges (or the nodes, with their metrics) as CSV, for spreadsheets and pandas.")
def view(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
         stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
         center: str | None, radius: int, count: str, top: int, limit: int, as_json: bool, what_csv: str | None) -> None:
    """Show a graph view: its nodes, edges and metrics (degree, betweenness, communities).

    NAME is interactions (people linked by shared encounters), endorsements (endorser ->
    target), affiliations (person - post - state), counterparts (each state's most
    frequent counterparts per year) or comparison (for each encounter two or more readouts
    report, what one says and another leaves out, with the sentence). Weights count
    encounters: the readouts of one encounter count once (--count reports counts each).

    \b
    Examples:
      kg view interactions --level state --from 2021 --to 2022
      kg view endorsements --topic xinjiang --aggregate --lang fr
      kg view interactions --ego "Wang Yi" --radius 2 --json
      kg view counterparts --state CHN --top 5
      kg view endorsements --aggregate --csv edges > endorsements.csv
      kg view comparison --csv edges > differences.csv
    """
    from kg.sparql.results import table
    from kg.views.graphs import counterparts, describe, make_filters, to_dict

    if name == "comparison":
        from kg.views.compare import compare
        from kg.views.graphs import comparison

        columns = ["date", "type", "sides", "readouts", "only_in", "claim", "value", "sentence", "encounter"]
        rows = comparison(compare(_store(dump, sources)))
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        elif what_csv:
            import csv as csvlib

            writer = csvlib.writer(click.get_text_stream("stdout"), lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([r[k] for k in columns] for r in rows)
        else:
            click.echo(table(columns, [[str(r[k]) for k in columns] for r in rows[:limit or None]]), nl=False)
        return

    if name == "counterparts":
        from kg.views.snapshot import load_snapshot

        from kg.knowledge.registry import load_registry

        rows = counterparts(load_snapshot(_store(dump, sources)),
                            make_filters(start, end, topics, stances, states, load_registry()), lang, top, count)
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        elif what_csv:
            import csv as csvlib

            writer = csvlib.writer(click.get_text_stream("stdout"), lineterminator="\n")
            writer.writerow(["state", "year", "counterpart", "label", "encounters"])
            writer.writerows([r[k] for k in ("state", "year", "counterpart", "label", "encounters")] for r in rows)
        else:
            click.echo(table(["state", "year", "counterpart", "label", "encounters"],
                             [[str(r[k]) for k in ("state", "year", "counterpart", "label", "encounters")] for r in rows]),
                       nl=False)
        return
    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius,
                        count)
    if as_json:
        click.echo(json.dumps(to_dict(graph), ensure_ascii=False, indent=2))
    elif what_csv:
        from kg.views.export import generate_csv

        nodes, edges = generate_csv(graph)
        click.echo(edges if what_csv == "edges" else nodes, nl=False)
    else:
        click.echo(describe(graph, limit), nl=False)


def _export_events(dump, sources, start, end, topics, stances, states, fmt, output) -> None:
    """`kg export events`: the graph's events as coded event-data rows."""
    from kg.views.eventdata import event_rows, filter_rows, write_rows
    from kg.files import atomic_writer

    if fmt not in ("csv", "plover", "cameo"):
        raise click.UsageError(f"events export as csv, plover or cameo, not {fmt}")
    from kg.knowledge.registry import load_registry

    rows = filter_rows(event_rows(_store(dump, sources)), start, end, topics, stances, states, load_registry())
    if output is None or str(output) == "-":
        count = write_rows(rows, fmt, click.get_text_stream("stdout"))
    else:
        with atomic_writer(output) as handle:
            count = write_rows(rows, fmt, handle)
        click.echo(str(output))
    click.echo(f"events: {count} rows ({fmt})", err=True)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations", "events"]))
@_view_options
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "csv", "plover", "cameo"]), default=None,
              help="Output format (default: from the suffix of -o; csv when it has none). "
                   "events: csv, plover (JSON lines) or cameo (tab-separated).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (gexf, graphml) or, for csv, a folder that gets nodes.csv and edges.csv; "
                   "events: a file, standard output when left out.")
def export(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
           stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
           center: str | None, radius: int, count: str, fmt: str | None, output: Path | None) -> None:
    """Export a graph view for Gephi or other tools (GEXF 1.3, GraphML, CSV), or the events
    as event data (PLOVER, CAMEO, CSV).

    GEXF carries labels in --lang, kind, state, region, subregion and role attributes,
    colours by kind (nodes) and stance (endorsement edges), sizes by degree and, when edges
    are dated, a dynamic graph for Gephi's timeline: one spell per encounter day, and a
    weight that at any date is the count of encounters up to that date (endorsements also
    a signed count: support +1, oppose -1; congratulations apart). CSV writes
    OUTPUT/nodes.csv and OUTPUT/edges.csv in Gephi's spreadsheet layout.

    NAME events writes one row per encounter (per pair of sides, per readout) and per
    endorsement, coded in PLOVER and CAMEO (kg/data/eventcodes.toml), each with its
    sentence, offsets, readout file, URL and publisher: --format plover is JSON lines with
    PLOVER/POLECAT field names, cameo is tab-separated with ICEWS column names, csv has every
    field. --from/--to/--state/--stance/--topic filter the rows.

    \b
    Examples:
      kg export interactions --level state -o interactions.gexf
      kg export endorsements --topic xinjiang --aggregate --lang zh -o xinjiang.graphml
      kg export affiliations --state CHN --format csv -o affiliations/
      kg export events --format plover -o events.jsonl
      kg export events --format cameo --state CHN --from 2021 > china.tsv
    """
    if name == "events":
        _export_events(dump, sources, start, end, topics, stances, states, fmt or "csv", output)
        return
    if fmt in ("plover", "cameo"):
        raise click.UsageError(f"--format {fmt} is for `kg export events`; views export as gexf, graphml or csv")
    if output is None:
        raise click.UsageError("a view needs --output/-o (a .gexf or .graphml file, or a folder for csv)")
    from kg.views.export import export as write

    if fmt is None:
        fmt = {".gexf": "gexf", ".graphml": "graphml", "": "csv"}.get(output.suffix.lower())
        if fmt is None:
            raise click.UsageError(f"cannot tell the format from {output.name!r}; give --format gexf|graphml|csv")
    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius,
                        count)
    for path in write(graph, fmt, output):
        click.echo(f"{path}")
    click.echo(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations", "encounters-per-year",
                                           "stances-per-year", "counterparts"]))
@_view_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Image to write: FILE.png, FILE.svg or FILE.pdf.")
@click.option("--labels", "label_limit", default=40, show_default=True, type=click.IntRange(0),
              help="Views of more than 40 nodes: label only this many of the most connected (0: all).")
@click.option("--color", "color_by", default="auto", show_default=True, type=click.Choice(["auto", "kind", "region"]),
              help="Colour nodes by kind or UN region (auto: region unless the view has posts).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="counterparts: how many rows.")
@click.option("--title", default=None, help="Title above the drawing (default: what it shows).")
def plot(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
         stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
         center: str | None, radius: int, count: str, output: Path, label_limit: int, color_by: str, top: int,
         title: str | None) -> None:
    """Draw a graph view, or a chart, to a PNG, SVG or PDF image.

    A view (interactions, endorsements, affiliations) is drawn with nodes coloured by kind
    or region and sized by degree, endorsement edges coloured by stance, edge widths by
    weight, a legend, and labels on the most connected nodes. The charts:
    encounters-per-year (by type), stances-per-year (support, oppose, congratulate) and
    counterparts (a heat map of one --state's top counterparts per year; the busiest state
    when --state is left out). Chinese labels need a CJK font: one installed is found, else
    a warning names one to install (e.g. Debian's fonts-noto-cjk).

    \b
    Examples:
      kg plot interactions --level state -o interactions.png
      kg plot endorsements --topic taiwan --aggregate --lang fr -o taiwan.svg
      kg plot affiliations --state CHN -o affiliations.pdf
      kg plot encounters-per-year --state CHN -o per-year.png
      kg plot counterparts --state CHN --top 8 -o counterparts.png
    """
    from kg.views.plot import check_format

    check_format(output)
    if name in ("encounters-per-year", "stances-per-year", "counterparts"):
        if count != "encounters":
            raise click.UsageError("the charts count encounters; --count reports is for the views")
        from kg.views.charts import draw_chart
        from kg.views.snapshot import load_snapshot
        from kg.views.graphs import make_filters

        from kg.knowledge.registry import load_registry

        filters = make_filters(start, end, topics, stances, states, load_registry())
        click.echo(draw_chart(name, load_snapshot(_store(dump, sources)), filters, output, lang, top, title))
        return
    from kg.views.plot import plot_graph

    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius,
                        count)
    click.echo(plot_graph(graph, output, title, label_limit, color_by))


@main.command()
@_DUMP_OPTION
@_SOURCES_OPTION
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port on 127.0.0.1 (0: any free one).")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds a query may run: then its process is stopped and the answer is 503.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Larger answers are refused (413) as soon as the row past it is read: page with LIMIT and OFFSET.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
def serve(dump: Path | None, sources: Path, port: int, timeout_s: float, max_rows: int, quiet: bool) -> None:
    """Serve the knowledge graph as a read-only SPARQL 1.1 endpoint on 127.0.0.1.

    GET or POST /sparql (query=..., or a body of type application/sparql-query); results
    in SPARQL JSON, XML, CSV or TSV after the Accept header; updates and SERVICE are
    refused (403); queries over 100,000 characters or 64 nested brackets, or malformed,
    400; answers over --max-rows are refused (413); PUT, DELETE, PATCH 405; nothing else
    but the page below is served (404). Each query runs in its own process, stopped at
    --timeout (503).
    CORS is open. Ctrl-C stops it. A browser opening http://127.0.0.1:PORT/ gets a page:
    a SPARQL editor with the ready queries and their parameters, results as a table, and
    the graph views as a network with a time slider (its libraries are made by
    `python3 dev.py build`).

    \b
    Example:
      kg serve --dump dist --port 7878
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \\
           --data-urlencode 'query=SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }'
    """
    from kg.serve.server import make_server

    server = make_server(_store(dump, sources), port, timeout_s, max_rows=max_rows,
                         log=None if quiet else lambda m: click.echo(m, err=True), page=True)
    host, bound = server.server_address[:2]
    click.echo(f"SPARQL endpoint: http://{host}:{bound}/sparql (read-only; Ctrl-C stops)", err=True)
    click.echo(f"page: http://{host}:{bound}/ (SPARQL editor, ready queries, network view)", err=True)
    if not server.page.ready:
        from kg.web import BUILD_HINT

        click.echo(f"kg: serve: {BUILD_HINT}", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@_DUMP_OPTION
@_SOURCES_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table: the differences; csv: one row per claim; json: everything.")
@click.option("--all", "every", is_flag=True, help="Every encounter, also those only one readout reports.")
def compare(dump: Path | None, sources: Path, fmt: str, every: bool) -> None:
    """Line up the readouts of each encounter that two or more readouts report.

    Readouts of one encounter (the same sides, the same medium, officials in common, within
    a day) are grouped; for each group the claims of each readout are compared: stances
    one readout reports and another leaves out, differing types, dates and participants,
    each with the sentence that states it. `kg explain ENCOUNTER` says why readouts were
    joined.

    \b
    Examples:
      kg compare --dump build
      kg compare --format csv > claims.csv
    """
    from kg.views.compare import compare as run, format_comparisons

    comparisons = run(_store(dump, sources), only_shared=not every)
    click.echo(format_comparisons(comparisons, fmt), nl=False)
    click.echo(f"compare: {len(comparisons)} encounters", err=True)


@main.command(name="eval-pairs")
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("realdev/texts"),
              show_default=True, help="Folder of the readouts whose source column is `realdev`.")
@click.option("--us-state", "us_state", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/corpus/us-state-2021-2022"), show_default=True,
              help="Folder of the readouts whose source column is `us-state`.")
@click.option("--errors", is_flag=True, help="List the false merges and the missed pairs.")
def eval_pairs(pairs: Path, texts: Path, us_state: Path, errors: bool) -> None:
    """Pairing precision and recall of encounter resolution on real pairs.

    PAIRS is a CSV with the columns encounter,readout,source,note (realdev/pairs.csv): rows
    with the same encounter label are readouts of one encounter. Each readout is extracted
    (with its folder's manifest when there is one) and resolved as `kg compare` does.

    \b
    Example:
      kg eval-pairs realdev/pairs.csv --errors
    """
    from kg.sources.manifest import manifest_for
    from kg.build.pipeline import process_path
    from kg.knowledge.registry import load_registry
    from kg.build.resolve import read_pairs, reports_of, score_pairing

    registry = load_registry()
    truth, reports = {}, []
    for row in read_pairs(pairs):
        readout, source = row["readout"], row["source"]
        path = (us_state / readout.split(":", 1)[1]) if source == "us-state" else texts / f"{readout}.txt"
        if not path.is_file():
            raise click.UsageError(f"{pairs.name}: {readout}: no file {path}")
        metadata, _ = manifest_for(path, registry.language_codes)
        outcome = process_path(path, path.parent, registry, metadata=metadata)
        truth[readout] = row["encounter"]
        reports += reports_of(readout, outcome.extraction) if outcome.extraction else []
    score = score_pairing(truth, reports)
    labels = len(set(truth.values()))
    click.echo(f"{len(truth)} readouts of {labels} encounters: {score['pairs_expected']} pairs to find")
    click.echo(f"pairing precision {score['precision']:.2f} ({score['pairs_found']}/{score['pairs_predicted']}), "
               f"recall {score['recall']:.2f} ({score['pairs_found']}/{score['pairs_expected']})")
    if errors:
        for a, b in score["false_merges"]:
            click.echo(f"false merge\t{a} ({truth[a]})\t{b} ({truth[b]})")
        for a, b in score["missed"]:
            click.echo(f"missed\t{truth[a]}\t{a}\t{b}")


@main.command()
@click.argument("encounter")
@_DUMP_OPTION
@_SOURCES_OPTION
def explain(encounter: str, dump: Path | None, sources: Path) -> None:
    """Say which readouts report ENCOUNTER and why they were joined into one.

    ENCOUNTER is an encounter IRI (a readout's, or the shared one `kg compare` prints),
    part of one, or a readout's file name.

    \b
    Examples:
      kg explain 2022-03-15/phone_call
      kg explain cn_wang_tleuberdi.txt
    """
    from kg.views.compare import explain as run, format_comparisons

    found = run(_store(dump, sources), encounter)
    click.echo(format_comparisons([found], "table"), nl=False)
    for readout in found.readouts:
        click.echo(f"  {readout['file']} reports it as <{readout['encounter']}>")
    for reason in found.reasons:
        click.echo(f"  why: {reason}")


@main.group()
def registry() -> None:
    """Grow the registry of officials from Wikidata.

    \b
    Example:
      kg registry import wikidata-offices.json
    """


@registry.command(name="import")
@click.argument("results", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML file to write (default: imported/wikidata.toml in the registry's data folder, "
                   "which every later run reads).")
def registry_import(results: Path, into: Path | None) -> None:
    """Import officials and their dated offices from a Wikidata Query Service result.

    RESULTS is the JSON a user downloads after running the README's query at
    https://query.wikidata.org (SPARQL JSON results with ?person ?role ?start ?end
    ?country ?name ?label). People already in the registry (same Wikidata ID, or same
    name and state) gain spellings and dated offices; others are added. An extracted
    role that disagrees with the office held on the encounter's day is then reported by
    `kg extract` ("kg: check: ..."), never silently corrected.

    \b
    Example:
      kg registry import wikidata-offices.json
    """
    from kg.knowledge.registry import load_registry
    from kg.knowledge.wikidata import IMPORT_FILE, import_results, write_import

    known = load_registry()
    codes = set(known.states) | set(known.organizations)
    people, skipped = import_results(results, codes)
    target = into or known.data_dir / IMPORT_FILE
    write_import(people, target)
    by_qid = {p.qid for p in known.people if p.qid}
    by_name = {(p.name, p.country) for p in known.people}
    fresh = sum(1 for p in people if p.qid not in by_qid and (p.name, p.country) not in by_name)
    offices = sum(len(p.offices) for p in people)
    for line in skipped[:10]:
        click.echo(f"kg: skipped: {line}", err=True)
    if len(skipped) > 10:
        click.echo(f"kg: skipped: ... and {len(skipped) - 10} more rows", err=True)
    click.echo(str(target))
    click.echo(f"imported {len(people)} officials ({fresh} new to the registry, {len(people) - fresh} known) "
               f"with {offices} dated offices; {len(skipped)} rows skipped", err=True)


if __name__ == "__main__":
    main()
