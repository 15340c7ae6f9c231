"""The library's exceptions; only the CLI turns them into messages and exit codes."""

__all__ = [
    "KGError",
    "SourceError",
    "RegistryError",
    "ValidationFailed",
    "GoldFormatError",
    "DumpNotFound",
    "QueryError",
    "ViewError",
    "RDFParseError",
]


class KGError(Exception):
    """Base class of every error this project raises on purpose."""


class SourceError(KGError):
    """A readout could not be read or decoded, or holds no readout."""


class RegistryError(KGError):
    """A registry data file is missing or malformed."""


class ValidationFailed(KGError):
    """A graph does not conform to shapes.ttl."""


class GoldFormatError(KGError):
    """A gold JSON file does not follow ANNOTATION.md section 5."""


class DumpNotFound(KGError):
    """No built or published dump was found where one was expected."""


class QueryError(KGError):
    """A SPARQL query is missing, unreadable or malformed, or failed while running."""


class ViewError(KGError):
    """A graph view, filter or export was asked for with a bad name or value."""


class RDFParseError(KGError, ValueError):
    """A file given as RDF could not be parsed; the message is one line."""


class BuildFailed(KGError):
    """A --strict build met a rejected readout; nothing was published."""


class RemoteError(KGError):
    """A SPARQL server refused a request, or could not be reached."""
