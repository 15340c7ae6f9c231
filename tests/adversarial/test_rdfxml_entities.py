"""Entity expansion in XML given to `kg validate`: a 1 KB "billion laughs" RDF/XML file used
to hang it (> 120 s, gigabytes). Every entity declaration is now refused before expansion,
in one line with exit code 2, in well under a second of work; text split into many chunks
by character references no longer makes rdflib quadratic."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import RDFParseError
from kg.graph.rdfinput import MAX_XML_DEPTH, check_xml

ROOT = Path(__file__).resolve().parents[2]
RDF_OPEN = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
            '<rdf:Description rdf:about="http://example.org/x"><ex:p>')
RDF_CLOSE = "</ex:p></rdf:Description></rdf:RDF>"


def laughs(levels: int = 9, root: str = "rdf:RDF") -> str:
    """The classic: each entity is ten of the one before; the last one is 10^levels long."""
    names = [chr(ord("a") + i) for i in range(levels)]
    lines = [f'<!ENTITY {names[0]} "aaaaaaaaaa">'] + [
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in zip(names, names[1:])]
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{chr(10).join(lines)}\n]>\n'


CASES = {
    "billion-laughs.rdf": laughs() + RDF_OPEN + "&i;" + RDF_CLOSE,
    # one big entity used many times: quadratic blow-up without nesting
    "quadratic.rdf": (f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY x "{"y" * 5000}">]>'
                      + RDF_OPEN + "&x;" * 5000 + RDF_CLOSE),
    "parameter-entity.rdf": ('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY % p "<!ENTITY q \'z\'>"> %p;]>'
                             + RDF_OPEN + "&q;" + RDF_CLOSE),
    "external-entity.rdf": ('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                            + RDF_OPEN + "&e;" + RDF_CLOSE),
    "billion-laughs.trix": laughs(root="TriX") + (
        '<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><triple><uri>http://x/a</uri>'
        '<uri>http://x/p</uri><plainLiteral>&i;</plainLiteral></triple></graph></TriX>'),
}


def kg(*args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    """`kg ARGS` in a fresh process: a hang fails the test at ``timeout`` instead of blocking it."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", "from cli import main; main()", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout)
    return result, time.monotonic() - started


@pytest.mark.parametrize("name", sorted(CASES))
def test_entity_declarations_are_refused_fast_in_one_line(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(CASES[name], encoding="utf-8")
    assert path.stat().st_size < 30_000
    result, seconds = kg("validate", str(path), timeout=30)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and name in lines[0], lines
    assert "entit" in lines[0]
    assert seconds < 15  # a process start and a refusal; the expansion took minutes


def test_the_check_stops_at_the_declaration_before_any_expansion():
    started = time.perf_counter()
    with pytest.raises(RDFParseError, match="entity 'a'"):
        check_xml(laughs(levels=12).encode() + (RDF_OPEN + "&l;" + RDF_CLOSE).encode())  # 10^12 bytes if expanded
    assert time.perf_counter() - started < 1


def test_plain_xml_with_a_doctype_and_no_entities_still_parses():
    check_xml(b'<?xml version="1.0"?><!DOCTYPE rdf:RDF><r>&amp;&lt;&#65;</r>')


def test_nesting_deeper_than_the_limit_is_refused():
    deep = "<a>" * (MAX_XML_DEPTH + 1) + "</a>" * (MAX_XML_DEPTH + 1)
    with pytest.raises(RDFParseError, match="nested"):
        check_xml(deep.encode())
    check_xml(("<a>" * MAX_XML_DEPTH + "</a>" * MAX_XML_DEPTH).encode())


def test_text_split_by_references_is_linear(tmp_path: Path):
    # 6 MB of "a&amp;": expat hands it over in 2,000,000 pieces; rdflib joined them one by one
    # (quadratic: about 26 s here before), now in one join
    path = tmp_path / "amp.rdf"
    path.write_text('<?xml version="1.0"?>' + RDF_OPEN + "a&amp;" * 1_000_000 + RDF_CLOSE, encoding="utf-8")
    result, seconds = kg("validate", str(path), timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert "conforms" in result.stdout
    assert seconds < 8
