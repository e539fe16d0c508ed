"""Derive ``data/countries.csv`` (ISO 3166-1 alpha-3) from pycountry:
``python -m tools.countries``. The two statistical aggregates used by the
reference files are added by hand here, with their kind."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

from oicbook.core import paths

AGGREGATES = [
    ("WLD", "World (World Bank aggregate)", "aggregate"),
    ("WORLD_SUM", "Sum over all IMF WEO economies", "aggregate"),
    ("WEO_WORLD", "World (IMF WEO country group, October 2009)", "aggregate"),
]


def rows() -> list[tuple[str, str, str]]:
    countries = sorted((c.alpha_3, c.name, "country") for c in pycountry.countries)
    return countries + AGGREGATES


def write(out: Path) -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["iso3", "name", "kind"])
        writer.writerows(rows())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.data_dir() / "countries.csv"
    write(target)
    print(f"wrote {len(rows())} codes to {target}")
