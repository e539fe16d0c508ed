"""Compare two built books as a reader sees them: ``python -m tools.compare_pages OLD NEW``.

OLD and NEW are ``_build/html`` folders. For every page, the visible text of
its main content (scripts and styles left out, white space folded) must be the
same, and every table's CSV must hold the same cells. Prints each difference
and exits 1 if there is any: a redesign that keeps behaviour keeps both.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def visible_text(page: Path) -> list[str]:
    """The page's main text, one sentence a line, white space folded."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for hidden in main(["script", "style"]):
        hidden.decompose()
    text = re.sub(r"\s+", " ", main.get_text(" "))
    text = re.sub(r" ([,.;:)])", r"\1", text).replace("( ", "(")
    return re.split(r"(?<=[.;]) ", text.strip())


def differences(old: Path, new: Path) -> list[str]:
    found = []
    old_files = {p.relative_to(old).as_posix() for p in old.rglob("*") if p.suffix in {".html", ".csv"}}
    new_files = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.suffix in {".html", ".csv"}}
    for name in sorted(old_files ^ new_files):
        found.append(f"{name}: only in {'OLD' if name in old_files else 'NEW'}")
    for name in sorted(old_files & new_files):
        if name.endswith(".csv"):
            if (old / name).read_bytes() != (new / name).read_bytes():
                found.append(f"{name}: the cells differ")
            continue
        a, b = visible_text(old / name), visible_text(new / name)
        if a != b:
            diff = list(difflib.unified_diff(a, b, "OLD", "NEW", lineterm="", n=0))[2:12]
            found.append(f"{name}: the text differs\n  " + "\n  ".join(line[:240] for line in diff))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    found = differences(args.old, args.new)
    for line in found:
        print(line)
    print(f"{len(found)} difference(s)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
