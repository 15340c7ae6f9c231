"""kg.publish.folder and `kg publish`: the folder to put online, deterministic and readable by other tools."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from minidata import mini  # noqa: F401  (fixture)
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, VOID

import kg.publish.folder as publishing
from cli import main
from kg.errors import DumpNotFound, KGError
from kg.publish.folder import DEFAULT_LICENSE, PUBLISHED_FILES, publish
from kg.sparql.query import list_queries

KG = Namespace("https://w3id.org/readout-kg/ontology#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest pokes at module globals
DATASET = URIRef("https://w3id.org/readout-kg/dist/void.ttl#dataset")


@pytest.fixture(scope="module")
def dist(mini: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish(mini, tmp_path_factory.mktemp("dist") / "dist").out


def test_files(dist: Path):
    assert sorted(p.name for p in dist.iterdir()) == sorted(PUBLISHED_FILES)


def test_two_publishes_are_byte_identical(mini: Path, dist: Path, tmp_path: Path):
    again = publish(mini, tmp_path / "again").out
    for name in PUBLISHED_FILES:
        assert (dist / name).read_bytes() == (again / name).read_bytes(), name


def test_checksums_match(dist: Path):
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(PUBLISHED_FILES) - 1
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_gzip_dump_is_the_build_dump_with_no_timestamp(mini: Path, dist: Path):
    raw = (dist / "readouts.nq.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0" and raw[3] & 0x08 == 0  # mtime 0, no file name
    assert gzip.decompress(raw) == (mini / "readouts.nq").read_bytes()


def _rapper(syntax: str, data: bytes) -> subprocess.CompletedProcess:
    rapper = shutil.which("rapper")
    assert rapper, "rapper (raptor2-utils) is missing: run `bash .ci/system-deps.sh`"
    return subprocess.run([rapper, "-q", "-f", "strict", "-f", "noNet", "-i", syntax, "-c", "-",
                           "https://w3id.org/readout-kg/base/"], input=data, capture_output=True, timeout=60)


@pytest.mark.needs("rapper")
@pytest.mark.parametrize("name,syntax", [("readouts.nq.gz", "nquads"), ("union.ttl", "turtle"),
                                         ("void.ttl", "turtle"), ("ontology.ttl", "turtle"),
                                         ("shapes.ttl", "turtle")])
def test_every_file_parses_in_rapper_strict(dist: Path, name: str, syntax: str):
    data = (dist / name).read_bytes()
    result = _rapper(syntax, gzip.decompress(data) if name.endswith(".gz") else data)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr.decode()


def test_void_describes_the_dataset(dist: Path, mini: Path):
    void = Graph().parse(dist / "void.ttl", format="turtle")
    union = Graph().parse(mini / "union.ttl", format="turtle")
    assert void.value(DATASET, VOID.triples) == Literal(len(union), datatype=XSD.integer)
    assert void.value(DATASET, DCTERMS.license) == URIRef(DEFAULT_LICENSE)
    assert void.value(DATASET, DCTERMS.created) == Literal("2023-09-21", datatype=XSD.date)  # latest r5 issue
    partitions = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities))
                  for p in void.objects(DATASET, VOID.classPartition)}
    assert partitions[KG.Person] == 6 and partitions[KG.Endorsement] == 9 and partitions[KG.Readout] == 5
    examples = {str(void.value(q, SH.select)) for q in void.subjects(RDF.type, SH.SPARQLSelectExecutable)}
    assert examples == {p.read_text(encoding="utf-8") for p in list_queries().values()}
    assert len(set(void.objects(DATASET, VOID.dataDump))) == 2


def test_license_and_base_url_are_settable(mini: Path, tmp_path: Path):
    out = publish(mini, tmp_path / "d", "https://creativecommons.org/licenses/by/4.0/", "https://example.org/kg/").out
    void = Graph().parse(out / "void.ttl", format="turtle")
    dataset = URIRef("https://example.org/kg/void.ttl#dataset")
    assert void.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    with pytest.raises(KGError, match="license"):
        publish(mini, tmp_path / "e", "not an iri")
    with pytest.raises(KGError, match="base-url"):
        publish(mini, tmp_path / "e", DEFAULT_LICENSE, "ftp://x")


def test_failed_publish_leaves_no_partial_file(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(publishing, "generate_void", broken)
    with pytest.raises(RuntimeError):
        publish(mini, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "void.ttl" not in names and "SHA256SUMS" not in names and not [n for n in names if n.endswith(".tmp")]


def test_no_build_no_publish(tmp_path: Path):
    with pytest.raises(DumpNotFound):
        publish(tmp_path, tmp_path / "dist")


def test_cli_builds_then_publishes(tmp_path: Path, seed_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources)
    args = ["publish", str(sources), "--build", str(tmp_path / "build"), "--out", str(tmp_path / "dist")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "building it" in result.stderr and "triples" in result.stdout
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == sorted(PUBLISHED_FILES)
    assert "kg publish sources --out dist" in CliRunner().invoke(main, ["publish", "--help"]).output


def test_query_a_published_folder(dist: Path, mini: Path):
    """`kg query --dump dist` reads the gzip dump and answers as over the build."""
    runner = CliRunner()
    args = ["query", "--name", "endorsers-of-state", "--format", "csv", "--dump"]
    published = runner.invoke(main, [*args, str(dist)])
    assert published.exit_code == 0, published.output
    assert published.output == runner.invoke(main, [*args, str(mini)]).output
    assert "2023,FRA,oppose,1" in published.output


@pytest.mark.parametrize("licence", [None, DEFAULT_LICENSE])
def test_placeholder_licence_is_one_warning_line(mini: Path, tmp_path: Path, licence: str | None):
    args = ["publish", str(tmp_path / "no-sources"), "--build", str(mini), "--out", str(tmp_path / "dist")]
    result = CliRunner().invoke(main, args + (["--license", licence] if licence else []))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "licence" in line]
    assert len(warnings) == 1 and warnings[0].startswith("kg: warning: ") and DEFAULT_LICENSE in warnings[0]


def test_a_real_licence_gives_no_warning(mini: Path, tmp_path: Path):
    args = ["publish", str(tmp_path / "no-sources"), "--build", str(mini), "--out", str(tmp_path / "dist"),
            "--license", "https://creativecommons.org/licenses/by/4.0/"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
