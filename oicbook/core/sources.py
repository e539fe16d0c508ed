"""Derive ``data/sentences.csv`` from the seed: ``python -m oicbook.core.sources``.

The output is committed. A test regenerates it into a temporary folder and
compares, so the committed file can never drift from the code.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
from pathlib import Path

from . import paths
from .text import Sentence, normalise, segment

SENTENCE_FIELDS = [f.name for f in dataclasses.fields(Sentence)]


def read_compounds(root: Path) -> list[tuple[str, str]]:
    with open(paths.data_dir(root) / "normalisation_compounds.csv", encoding="utf-8", newline="") as f:
        return [(row["written"], row["normalised"]) for row in csv.DictReader(f)]


def build_sentences(root: Path) -> list[Sentence]:
    raw = paths.seed_path(root).read_text(encoding="utf-8")
    return segment(normalise(raw, read_compounds(root)))


def write_sentences(sentences: list[Sentence], out: Path) -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=SENTENCE_FIELDS, lineterminator="\n")
        writer.writeheader()
        for s in sentences:
            writer.writerow(dataclasses.asdict(s))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=None, help="the book's folder")
    parser.add_argument("--out", type=Path, default=None, help="default: data/sentences.csv")
    args = parser.parse_args(argv)
    root = args.root or paths.book_root()
    out = args.out or paths.data_dir(root) / "sentences.csv"
    sentences = build_sentences(root)
    write_sentences(sentences, out)
    print(f"wrote {len(sentences)} sentences to {out}")


if __name__ == "__main__":
    main()
