"""readout-kg: official diplomatic readouts turned into a validated RDF knowledge graph."""

__version__ = "0.1.0"
__all__ = ["__version__"]
