"""The dump and the union, written together one readout at a time.

``readouts.nq`` holds each published readout's named graph in source order, then the
registry graph, the ``entities`` graph (:mod:`kg.graph.entities`) and the statistics graph.
``union.ttl`` holds, after its prefixes:

1. for each published readout, in the same order, the Turtle of the triples that name one
   of the IRIs minted under the readout's own IRI (the readout itself, its extraction,
   evidence, participations, role holdings and endorsements) as subject or object;
2. then every other triple, sorted and without repeats: the registry and entities graphs,
   the statistics, and what the readout graphs say of the encounters they may share.

So a readout's part of each file depends only on that readout, and a rebuild copies the
parts of unchanged readouts from the last build's files (:class:`OutputWriter` takes byte
ranges of them, which the kernel copies) instead of making them again. Part 2 is copied
too when the readouts bring the same shared triples as last time (editing a readout's text
changes its IRI, hence part 1, but rarely part 2), and is otherwise made again from the
N-Triples each readout left in the cache. :func:`write_union` makes the same union from
any N-Quads dump, byte for byte what a build writes.
"""

from __future__ import annotations

import hashlib
import os
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from kg.namespaces import BINDINGS

__all__ = ["Block", "OutputWriter", "make_block", "split_quad", "union_header", "turtle_body", "write_union"]

_PREFIXES = {name: str(namespace) for name, namespace in sorted(BINDINGS.items())}


def union_header() -> bytes:
    """The prefix lines of the union, in a fixed order."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in _PREFIXES.items()).encode("utf-8")


def turtle_body(ntriples: bytes) -> bytes:
    """N-Triples (one subject's triples together) as Turtle statements, without prefix lines."""
    if not ntriples:
        return b""
    import pyoxigraph as ox

    text = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=_PREFIXES)
    start = 0  # pyoxigraph writes the prefixes first, in no fixed order: drop them
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:]


def _is_local(line: str, graph: str) -> bool:
    """Whether a triple names one of the graph's own IRIs as subject or object."""
    own, fragment = f"<{graph}>", f"<{graph}#"
    if line.startswith(own) or line.startswith(fragment):
        return True
    obj = line.split(" ", 2)[2]  # subjects and predicates hold no spaces
    return obj == own or obj.startswith(fragment)


@dataclass
class Block:
    """What one readout's graph adds to the outputs: ``quads`` lines of N-Quads, the Turtle of
    the triples that name its own IRIs, and its other triples as N-Triples (``shared``);
    and what it brings to the registry and entities graphs (``entities``, see
    :func:`kg.graph.entities.mentions_blob`). A new block carries the bytes (``nq``, ``ttl``); a
    cached one says where they are in the last outputs."""

    quads: int
    shared: bytes
    entities: bytes = b""
    nq: bytes | None = None
    ttl: bytes | None = None
    nq_at: tuple[int, int] | None = None
    ttl_at: tuple[int, int] | None = None


def make_block(lines: list[str], graph: str, entities: bytes = b"") -> Block:
    """The block of a graph whose triples are ``lines`` (N-Triples without the final " .")
    and that brings ``entities`` to the registry and entities graphs."""
    tail = f" <{graph}> .\n"
    local, shared = [], []
    for line in lines:  # each line judged once
        (local if _is_local(line, graph) else shared).append(line)
    return Block(
        quads=len(lines),
        shared="".join(line + " .\n" for line in shared).encode("utf-8"),
        entities=entities,
        nq="".join(line + tail for line in lines).encode("utf-8"),
        ttl=turtle_body("".join(line + " .\n" for line in local).encode("utf-8")),
    )


class _Stream:
    """A file written front to back that knows its length and can append byte ranges of
    another file; adjoining ranges are merged and copied by the kernel where it can."""

    def __init__(self, handle: IO[bytes], source: Path | None) -> None:
        self.handle = handle
        self.offset = 0
        self.source = os.open(source, os.O_RDONLY) if source is not None else None
        self._closer = weakref.finalize(self, os.close, self.source) if self.source is not None else None
        self._pending: list[int] | None = None  # [source offset, length]

    def write(self, data: bytes) -> tuple[int, int]:
        self._flush_pending()
        start = self.offset
        self.handle.write(data)
        self.offset += len(data)
        return start, len(data)

    def copy(self, at: tuple[int, int]) -> tuple[int, int]:
        offset, length = at
        start = self.offset
        if self._pending is not None and self._pending[0] + self._pending[1] == offset:
            self._pending[1] += length
        else:
            self._flush_pending()
            self._pending = [offset, length]
        self.offset += length
        return start, length

    def _flush_pending(self) -> None:
        if self._pending is None:
            return
        offset, length = self._pending
        self._pending = None
        self.handle.flush()
        target = self.handle.fileno()
        copied = 0
        try:
            while copied < length:
                n = os.copy_file_range(self.source, target, length - copied, offset + copied)
                if n == 0:
                    raise OSError("source file ended early")
                copied += n
        except (AttributeError, OSError):  # no copy_file_range here: through user space
            while copied < length:
                chunk = os.pread(self.source, min(1 << 22, length - copied), offset + copied)
                if not chunk:
                    raise OSError(f"{self.source}: shorter than the cache says") from None
                self.handle.write(chunk)
                self.handle.flush()
                copied += len(chunk)

    def identity(self) -> str:
        """Device, inode, size and modification time of the file written: what it is
        known by once renamed (a rename changes none of them)."""
        self.handle.flush()
        stat = os.fstat(self.handle.fileno())
        return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"

    def close(self) -> None:
        self._flush_pending()
        if self._closer is not None:
            self._closer()  # closes the source once, here or when the stream is dropped
            self.source = None


class OutputWriter:
    """Writes the dump and the union (binary handles, from :func:`kg.files.atomic_writer`).

    ``previous`` names the last build's dump and union, from which cached blocks are copied.
    """

    def __init__(self, dump: IO[bytes], union: IO[bytes], previous: tuple[Path, Path] | None = None) -> None:
        self.dump = _Stream(dump, previous[0] if previous else None)
        self.union = _Stream(union, previous[1] if previous else None)
        self.union.write(union_header())
        self._shared: list[bytes] = []
        self._digest = hashlib.sha256()
        self.entities: list[bytes] = []  # what the blocks bring to the registry and entities graphs
        self._entities_digest = hashlib.sha256()
        self.quads = 0
        self.identity: tuple[str, str] | None = None  # of the dump and the union, once finished

    def add(self, block: Block) -> tuple[tuple[int, int], tuple[int, int]]:
        """Append a block; returns where its N-Quads and its Turtle now are."""
        nq_at = self.dump.write(block.nq) if block.nq is not None else self.dump.copy(block.nq_at)
        ttl_at = self.union.write(block.ttl) if block.ttl is not None else self.union.copy(block.ttl_at)
        self._shared.append(block.shared)
        self._digest.update(len(block.shared).to_bytes(8, "big") + block.shared)
        if block.entities:
            self.entities.append(block.entities)
            self._entities_digest.update(len(block.entities).to_bytes(8, "big") + block.entities)
        self.quads += block.quads
        return nq_at, ttl_at

    def entities_digest(self) -> str:
        """A hash of what the blocks added so far bring to the registry and entities graphs."""
        return self._entities_digest.hexdigest()

    def finish(self, previous: tuple[str, tuple[int, int]] | None = None) -> tuple[str, tuple[int, int]]:
        """Write the shared part of the union and close the copy sources. ``previous`` is the
        digest of the shared triples of the last build and where its shared part sits in the
        last union: when the blocks bring the same shared triples, that part is copied.
        Returns the digest and the place of the shared part written now."""
        self.dump.close()
        digest = self._digest.hexdigest()
        if previous is not None and previous[0] == digest and self.union.source is not None:
            at = self.union.copy(previous[1])
        else:
            at = self.union.write(_shared_section(self._shared))
        self.union.close()
        self.identity = (self.dump.identity(), self.union.identity())
        return digest, at


def _shared_lines(chunks: Iterable[bytes]) -> list[bytes]:
    lines = set(b"".join(chunks).split(b"\n"))
    lines.discard(b"")
    return sorted(lines)


def _shared_section(chunks: Iterable[bytes]) -> bytes:
    return turtle_body(b"".join(line + b"\n" for line in _shared_lines(chunks)))


def write_union(nquads: Path, target: Path) -> int:
    """The union of the dump ``nquads`` written to ``target`` as a build writes it; returns
    the number of triples in it."""
    from kg.files import atomic_writer

    graphs: dict[str, list[str]] = {}
    count = 0
    with nquads.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            head, graph = split_quad(line)
            graphs.setdefault(graph, []).append(head)
    shared: list[bytes] = []
    with atomic_writer(target, binary=True) as out:
        out.write(union_header())
        for graph, lines in graphs.items():
            if graph:
                block = make_block(sorted(set(lines)), graph)
                out.write(block.ttl)
                shared.append(block.shared)
                count += sum(1 for line in set(lines) if _is_local(line, graph))
            else:  # triples in the default graph belong to no readout
                shared.append("".join(line + " .\n" for line in lines).encode("utf-8"))
        lines = _shared_lines(shared)
        out.write(turtle_body(b"".join(line + b"\n" for line in lines)))
    return count + len(lines)


def split_quad(line: str) -> tuple[str, str]:
    """``s p o <g> .`` -> (``s p o``, ``g``); a triple (default graph) gives an empty graph."""
    body = line.rstrip()
    if body.endswith("."):
        body = body[:-1].rstrip()
    if body.endswith(">"):
        start = body.rfind(" <")
        candidate = body[start + 2:-1] if start >= 0 else ""
        head = body[:start] if start >= 0 else body
        # the last term is a graph name only when the line has four terms; an IRI object
        # of a triple in the default graph also ends the line with ">"
        if candidate and _terms(head) == 3:
            return head, candidate
    return body, ""


def _terms(head: str) -> int:
    """How many RDF terms a line holds (3 for a triple): IRIs, blank nodes and literals."""
    count, i, n = 0, 0, len(head)
    while i < n:
        c = head[i]
        if c == " ":
            i += 1
            continue
        count += 1
        if c == "<":
            i = head.index(">", i) + 1
        elif c == '"':
            i += 1
            while head[i] != '"':
                i += 2 if head[i] == "\\" else 1
            i += 1
            while i < n and head[i] != " ":
                i += 1
        else:
            while i < n and head[i] != " ":
                i += 1
    return count
