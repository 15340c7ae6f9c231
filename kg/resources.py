"""Where ontology.ttl and shapes.ttl are: at the repo root in a checkout, inside the
package (kg/schema/) once installed from a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.errors import KGError

__all__ = ["schema_path", "ONTOLOGY", "SHAPES"]

ONTOLOGY = "ontology.ttl"
SHAPES = "shapes.ttl"


def schema_path(name: str) -> Path:
    packaged = Path(str(resources.files("kg") / "schema" / name))
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_file():
        return checkout
    raise KGError(f"{name} not found (looked in {packaged} and {checkout})")
