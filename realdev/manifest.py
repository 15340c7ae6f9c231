"""Write realdev/texts/manifest.csv (file, url, publisher) from realdev/index.csv, so that
`kg eval realdev/gold realdev/texts` reads each text with the metadata a user's manifest
would give: where it was published and by whom (not its language, which is detected).

    python3 realdev/manifest.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    with (HERE / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    target = HERE / "texts" / "manifest.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "url", "publisher"])
        for row in rows:
            if (HERE / "texts" / f"{row['id']}.txt").exists():
                writer.writerow([f"{row['id']}.txt", row["url"], row["publisher"]])
    print(target)


if __name__ == "__main__":
    main()
