#!/usr/bin/env bash
# Remake the example pictures of the README (docs/*.png) from the seed readout (sources/)
# and a generated corpus of 3,000 readouts (bench/generate.py, seed 1). Run from the repo
# root: bash docs/plots.sh. Takes about two minutes; the PNGs are reduced to 256 colours so
# each stays under 200 KB.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kg() { .venv/bin/kg "$@"; }
kg build sources --out "$work/seed" -q
.venv/bin/python bench/generate.py "$work/corpus" --count 3000 --seed 1 >/dev/null
kg build "$work/corpus" --out "$work/gen" -q
kg plot endorsements --dump "$work/seed" -o docs/plot-seed-endorsements.png
kg plot affiliations --dump "$work/seed" -o docs/plot-seed-affiliations.png
kg plot interactions --level state --dump "$work/gen" -o docs/plot-interactions.png
kg plot endorsements --dump "$work/gen" -o docs/plot-endorsements.png
kg plot affiliations --dump "$work/gen" -o docs/plot-affiliations.png
kg plot encounters-per-year --dump "$work/gen" -o docs/chart-encounters-per-year.png
kg plot stances-per-year --dump "$work/gen" -o docs/chart-stances-per-year.png
kg plot counterparts --state CHN --dump "$work/gen" -o docs/chart-counterparts.png
.venv/bin/python - <<'PY'
from pathlib import Path
from PIL import Image

for path in sorted(Path("docs").glob("*.png")):
    image = Image.open(path).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)
    print(f"{path}: {path.stat().st_size // 1024} KB")
PY
