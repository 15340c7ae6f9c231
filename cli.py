"""The `kg` command: a thin layer that parses arguments, calls the kg library and
formats its results. Exit codes: 0 ok, 1 some readouts rejected (or violations),
2 usage or environment error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.errors import KGError
from kg.namespaces import DEFAULT_BASE

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("build")


class KGGroup(click.Group):
    """Turns library errors into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(2)
        except ValueError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(2)
        except OSError as exc:  # a folder that cannot be written, a full disk: the environment
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(2)


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
@click.option("--lang", default=None, help="Force the language of every readout (en, fr, zh, es); detected by default.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, help="Worker processes (default: all cores).")
@click.option("--strict", is_flag=True, help="Reject flagged readouts (truncated) too, and fail the build, keeping the "
              "previous dump, on any rejected readout or SHACL violation.")
@click.option("--clean", is_flag=True, help="Ignore the build cache (OUT/.cache) and redo every readout.")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def build(sources: Path, out: Path, base: str, lang: str | None, jobs: int | None, strict: bool, clean: bool,
          quiet: bool) -> None:
    """Extract, validate and dump every readout of SOURCES (default: sources/).

    Writes OUT/readouts.nq (one named graph per readout plus the registry graph),
    OUT/union.ttl (all graphs merged), OUT/report.json and OUT/report.txt. A readout that
    cannot be read (empty, binary, undecodable, over 5 MiB), reports no encounter, is in a
    language the extractor does not read, or fails SHACL is listed and left out; the others
    are still published. A readout that looks cut off is published with what it says and
    flagged (kg:truncated true, a FLAGGED line in the report); --strict rejects it.
    SOURCES/manifest.csv, if there, gives per-readout metadata (columns file, url,
    publisher, lang, published, licence); a row it cannot use is listed and skipped. Exit
    code 0 when everything was published, 1 when anything was rejected or skipped. Readouts unchanged since the last build into OUT come from its
    cache, OUT/.cache (--clean ignores it); the outputs are the same bytes either way.

    \b
    Examples:
      kg build sources --out build
      kg build sources --out build --clean     # redo every readout
    """
    from kg.build import build as run_build

    from kg.errors import BuildFailed

    try:
        result = run_build(sources, out, base=base, lang=lang, jobs=jobs, strict=strict, clean=clean,
                           progress=None if quiet else _progress_bar(True),
                           notify=lambda line: click.echo(f"kg: {line}", err=True))
    except BuildFailed as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(1)
    for doc in result.documents:
        for reason in doc.reasons:
            click.echo(f"kg: {'flagged' if doc.status == 'published' else doc.status}: {reason}", err=True)
    for problem in result.problems:
        click.echo(f"kg: manifest: {problem}", err=True)
    s = result.summary()
    if not quiet:
        click.echo(
            f"{s['documents']} readouts: {s['published']} published ({s['flagged']} flagged), {s['rejected']} rejected, "
            f"{s['duplicates']} duplicates\n"
            f"{s['events']} events, {s['actors']} actors, {s['endorsements']} endorsements, {s['violations']} violations, "
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
@click.option("--lang", default=None, help="Force the language (en, fr, zh, es).")
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
    from kg.gold import graph_to_gold
    from kg.manifest import manifest_for
    from kg.pipeline import process_path
    from kg.rdf import to_graph
    from kg.registry import load_registry
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
    from kg.evaluate import read_groups, run_eval

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
    from kg.evaluate import agreement

    report = agreement(first, second)
    click.echo(report.table())
    if errors:
        click.echo(report.error_listing())


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Validate any RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) against shapes.ttl.

    \b
    Example:
      kg validate build/union.ttl
    """
    from kg.validate import validate_file

    try:
        violations = validate_file(file)
    except (SyntaxError, ValueError) as exc:
        raise KGError(f"{file}: not parseable RDF ({exc})") from exc
    except Exception as exc:  # rdflib raises parser-specific errors
        raise KGError(f"{file}: not parseable RDF ({type(exc).__name__}: {exc})") from exc
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
    from kg.query import open_store

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
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True, help="table for people; csv, tsv, json, xml are the W3C SPARQL results formats.")
@click.option("--width", type=click.IntRange(8), default=60, show_default=True, help="Longest cell of a table.")
def query(query_file: Path | None, name: str | None, expression: str | None, list_only: bool, dump: Path | None,
          sources: Path, fmt: str, width: int) -> None:
    """Run a SPARQL query (a file, a ready query or -e TEXT) over the knowledge graph.

    The default graph is the union of every readout's named graph and the registry;
    GRAPH ?g { ... } reaches each one. The prefixes kg:, id:, rdfs:, skos:, org:, oa:,
    prov:, dcterms:, xsd: ... may be used without declaring them.

    \b
    Examples:
      kg query --list
      kg query --name who-met-whom
      kg query queries/counterparts.rq --dump dist --format csv
      kg query -e 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format json
    """
    from kg.query import describe_query, list_queries, read_query, run_query
    from kg.results import serialize, table

    if list_only:
        rows = [(n, describe_query(p.read_text(encoding="utf-8"))) for n, p in list_queries().items()]
        click.echo(table(["name", "answers"], rows, limit=120), nl=False)
        return
    given = [x for x in (query_file, name, expression) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY_FILE, --name NAME or -e 'SPARQL' (or --list)")
    if query_file is not None:
        text = query_file.read_text(encoding="utf-8")
    elif name is not None:
        text = read_query(name)
    else:
        text = expression
    result = run_query(_store(dump, sources), text)
    click.echo(serialize(result, fmt, limit=width), nl=False)


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
def publish(sources: Path, out: Path, build_dir: Path, license_iri: str | None, base_url: str | None,
            to_url: str | None, user: str | None, with_union: bool) -> None:
    """Write a folder to put online from the build of SOURCES (default: sources/).

    OUT gets readouts.nq.gz, union.ttl, ontology.ttl, shapes.ttl, void.ttl (VoID + DCAT:
    counts per class, licence, date, the ready queries as SPARQL examples) and SHA256SUMS.
    Nothing depends on the clock: publishing the same build twice gives identical bytes.

    With --to URL, the build's named graphs go to a SPARQL server instead, through the
    SPARQL 1.1 Graph Store HTTP Protocol: one PUT per graph, which replaces it, so running
    it again is safe. Query the server with default-graph-uri=<base>graph/union to get the
    answers of `kg query`.

    \b
    Examples:
      kg publish sources --out dist --license https://creativecommons.org/licenses/by/4.0/
      cd dist && sha256sum -c SHA256SUMS
      KG_SPARQL_PASSWORD=dba kg publish --to http://localhost:8890/sparql-graph-crud-auth --user dba
    """
    from kg.publish import DEFAULT_BASE_URL, DEFAULT_LICENSE, publish as run_publish
    from kg.query import ensure_dump

    def note(src: Path, folder: Path) -> None:
        click.echo(f"kg: {folder}/ is missing or stale; building it from {src}/ first", err=True)

    ensure_dump(None, sources, build_dir, on_build=note)
    if to_url:
        _push(build_dir, to_url, user, with_union)
        return
    result = run_publish(build_dir, out, license_iri or DEFAULT_LICENSE, base_url or DEFAULT_BASE_URL)
    for name, digest in result.files.items():
        click.echo(f"{digest[:16]}  {out / name}")
    click.echo(f"{result.triples} triples, latest readout {result.created or 'undated'}; checksums in {out / 'SHA256SUMS'}")


def _push(build_dir: Path, url: str, user: str | None, with_union: bool) -> None:
    import os

    from kg.remote import push, union_graph_iri
    from kg.store import DUMP_NQ, DUMP_TTL

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
                  progress=show if sys.stderr.isatty() else None)
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
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius):
    from kg.snapshot import load_snapshot
    from kg.views import build_view, make_filters

    filters = make_filters(start, end, topics, stances, states)
    return build_view(name, load_snapshot(_store(dump, sources)), filters, lang, level, aggregate, center, radius)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations", "counterparts"]))
@_view_options
@click.option("--top", default=3, show_default=True, type=click.IntRange(1), help="counterparts: how many per state and year.")
@click.option("--limit", default=25, show_default=True, type=click.IntRange(0), help="Rows per table (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Nodes, edges and metrics as JSON, for scripts.")
def view(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
         stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
         center: str | None, radius: int, top: int, limit: int, as_json: bool) -> None:
    """Show a graph view: its nodes, edges and metrics (degree, betweenness, communities).

    NAME is interactions (people linked by shared encounters), endorsements (endorser ->
    target), affiliations (person - post - state) or counterparts (each state's most
    frequent counterparts per year).

    \b
    Examples:
      kg view interactions --level state --from 2021 --to 2022
      kg view endorsements --topic xinjiang --aggregate --lang fr
      kg view interactions --ego "Wang Yi" --radius 2 --json
      kg view counterparts --state CHN --top 5
    """
    from kg.results import table
    from kg.views import counterparts, describe, make_filters, to_dict

    if name == "counterparts":
        from kg.snapshot import load_snapshot

        rows = counterparts(load_snapshot(_store(dump, sources)), make_filters(start, end, topics, stances, states),
                            lang, top)
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            click.echo(table(["state", "year", "counterpart", "label", "encounters"],
                             [[str(r[k]) for k in ("state", "year", "counterpart", "label", "encounters")] for r in rows]),
                       nl=False)
        return
    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius)
    if as_json:
        click.echo(json.dumps(to_dict(graph), ensure_ascii=False, indent=2))
    else:
        click.echo(describe(graph, limit), nl=False)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations"]))
@_view_options
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "csv"]), default=None,
              help="Output format (default: from the suffix of -o; csv when it has none).")
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True,
              help="File to write (gexf, graphml) or, for csv, a folder that gets nodes.csv and edges.csv.")
def export(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
           stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
           center: str | None, radius: int, fmt: str | None, output: Path) -> None:
    """Export a graph view for Gephi or other tools: GEXF 1.3, GraphML or CSV.

    GEXF carries labels in --lang, kind and state attributes, colours by kind, sizes by
    degree, edge weights and, when edges are dated, each edge's first and last encounter
    (a dynamic graph for Gephi's timeline). CSV writes OUTPUT/nodes.csv and
    OUTPUT/edges.csv in Gephi's spreadsheet layout.

    \b
    Examples:
      kg export interactions --level state -o interactions.gexf
      kg export endorsements --topic xinjiang --aggregate --lang zh -o xinjiang.graphml
      kg export affiliations --state CHN --format csv -o affiliations/
    """
    from kg.export import export as write

    if fmt is None:
        fmt = {".gexf": "gexf", ".graphml": "graphml", "": "csv"}.get(output.suffix.lower())
        if fmt is None:
            raise click.UsageError(f"cannot tell the format from {output.name!r}; give --format gexf|graphml|csv")
    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius)
    for path in write(graph, fmt, output):
        click.echo(f"{path}")
    click.echo(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)


@main.command()
@click.argument("name", type=click.Choice(["interactions", "endorsements", "affiliations"]))
@_view_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Image to write: FILE.png or FILE.svg.")
@click.option("--labels", "label_limit", default=40, show_default=True, type=click.IntRange(0),
              help="Label only this many of the busiest nodes (0: all).")
@click.option("--title", default=None, help="Title above the drawing (default: view and size).")
def plot(name: str, dump: Path | None, sources: Path, start: str | None, end: str | None, topics: tuple[str, ...],
         stances: tuple[str, ...], states: tuple[str, ...], lang: str, level: str, aggregate: bool,
         center: str | None, radius: int, output: Path, label_limit: int, title: str | None) -> None:
    """Draw a graph view to a PNG or SVG image (colours by kind, sizes by degree).

    Chinese labels need a CJK font on the machine (e.g. Debian's fonts-noto-cjk).

    \b
    Examples:
      kg plot interactions --level state -o interactions.png
      kg plot endorsements --topic taiwan --aggregate --lang fr -o taiwan.svg
    """
    from kg.plot import plot_graph

    graph = _view_graph(name, dump, sources, start, end, topics, stances, states, lang, level, aggregate, center, radius)
    click.echo(plot_graph(graph, output, title, label_limit))


@main.command()
@_DUMP_OPTION
@_SOURCES_OPTION
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port on 127.0.0.1 (0: any free one).")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds a query may run before the answer is 503.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Larger answers are refused (413): page with LIMIT and OFFSET.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
def serve(dump: Path | None, sources: Path, port: int, timeout_s: float, max_rows: int, quiet: bool) -> None:
    """Serve the knowledge graph as a read-only SPARQL 1.1 endpoint on 127.0.0.1.

    GET or POST /sparql (query=..., or a body of type application/sparql-query); results
    in SPARQL JSON, XML, CSV or TSV after the Accept header; updates, SERVICE and LOAD are
    refused (403); answers over --max-rows are refused (413); nothing else is served (404).
    CORS is open. Ctrl-C stops it.

    \b
    Example:
      kg serve --dump dist --port 7878
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \\
           --data-urlencode 'query=SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }'
    """
    from kg.serve import make_server

    server = make_server(_store(dump, sources), port, timeout_s, max_rows=max_rows,
                         log=None if quiet else lambda m: click.echo(m, err=True))
    host, bound = server.server_address[:2]
    click.echo(f"SPARQL endpoint: http://{host}:{bound}/sparql (read-only; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
