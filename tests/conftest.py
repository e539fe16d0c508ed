"""Shared fixtures. The book is built once per session, in a clean copy, with
the same entry point as ``make book``; every build test reads that one build."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

# As in oicbook.core.data: jsonschema (under frictionless, and under nbformat,
# which the upstream-limit tests import) builds rfc3987_syntax's grammar on
# import, about 7 s, only for an "iri" format check nothing here uses.
sys.modules.setdefault("rfc3987_syntax", None)

REPO = Path(__file__).resolve().parents[1]


def _marks() -> dict[str, str]:
    """Each verdict as pages show it, read from the locale file: its word."""
    import yaml

    labels = yaml.safe_load((REPO / "oicbook" / "report" / "locale" / "en.yml").read_text(encoding="utf-8"))
    return dict(labels["verdict"])


MARK = _marks()


def ledger_marks(ledger: str) -> dict[str, list[str]]:
    """Each claim's verdicts as its ledger entry gives them, as marks: its verdict, a
    word in bold ('<strong>close</strong>: <reason>'), then, for a figure also judged
    against today's data, that verdict ('Against today's data: <strong>inconsistent</strong>: ...')."""
    words = "|".join(map(re.escape, sorted(MARK.values(), key=len, reverse=True)))
    marks = {}
    for anchor, entry in re.findall(r'<dl[^>]*id="(c\d{3})"(.*?)</dl>', ledger, re.S):
        given = re.findall(rf"<dd><p>(?:[^<:]*: )?<strong>({words})</strong>:", entry)
        assert 1 <= len(given) <= 2, (anchor, given)
        marks[anchor] = given
    return marks


def ledger_entries(ledger: str) -> dict[str, str]:
    """Each claim's ledger entry as a reader reads it, by claim id: "Kazakhstan's allocation for Syrian refugees · sentence 68 · ... implausible: ..."."""
    import html

    return {anchor.upper(): re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", entry))).strip()
            for anchor, entry in re.findall(r'<dl[^>]*id="(c\d{3})"[^>]*>(.*?)</dl>', ledger, re.S)}


def chapter_claims(chapter: str) -> list[str]:
    """A chapter's claim ids in the order the ledger lists them: the article's order."""
    return [c["id"] for c in sorted((c for c in rows("claims.csv") if c["chapter"] == chapter), key=lambda c: (c["sentence_id"], c["id"]))]


def ledger_part(ledger: str, chapter: str) -> list[str]:
    """The claim ids the ledger lists under a chapter, in order."""
    start = ledger.index(f'id="ledger-{chapter}"')
    following = [ledger.find(f'id="ledger-{c}"') for c in ("political", "economy", "halal", "humanitarian")]
    end = min([i for i in following if i > start] or [len(ledger)])
    return [a.upper() for a in re.findall(r'<dl[^>]*id="(c\d{3})"', ledger[start:end])]


def chapter_sources() -> dict[str, str]:
    """Each chapter's MyST source, by file stem: what a test counts its tables and figures from."""
    return {p.stem: p.read_text(encoding="utf-8") for p in (REPO / "chapters").glob("*.md")}


# Each test sits in the folder of its tier, and is marked with it: `pytest -m unit`
# runs in seconds; `make test` runs all four.
TIERS = ("unit", "fuzz", "book", "browser")
IGNORED = shutil.ignore_patterns("_build", ".venv", ".git", "__pycache__", ".pytest_cache", "*.egg-info")


def pytest_ignore_collect(collection_path, config):
    """With ``-m <tier>`` alone, the other tiers' folders are not even imported,
    so ``pytest -m unit`` does not pay for Playwright, Hypothesis or the build fixtures."""
    tier = (config.option.markexpr or "").strip()
    if tier in TIERS and collection_path.is_dir() and collection_path.parent == Path(__file__).parent:
        return collection_path.name in TIERS and collection_path.name != tier
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        tier = item.path.parent.name
        if tier not in TIERS:
            raise pytest.UsageError(f"{item.path}: a test belongs in one of tests/{{{','.join(TIERS)}}}/")
        item.add_marker(getattr(pytest.mark, tier))


def rows(name: str) -> list[dict[str, str]]:
    """A data file's rows as plain strings, read without the book's loader."""
    import csv

    with open(REPO / "data" / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def claims() -> dict[str, dict[str, str]]:
    """The ledger's rows by claim id, read without the book's loader."""
    return {c["id"]: c for c in rows("claims.csv")}


def copy_book(target: Path) -> Path:
    """A copy of the book's files, without build output or environments."""
    shutil.copytree(REPO, target, ignore=IGNORED)
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(cmd: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OICBOOK_ROOT"}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, **kwargs)


def build(root: Path, *targets: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "tools.build", *targets], cwd=root)


@dataclass
class Built:
    root: Path
    result: subprocess.CompletedProcess
    inputs_before: dict[str, str]
    inputs_after: dict[str, str]

    @property
    def html(self) -> Path:
        return self.root / "_build" / "html"

    @property
    def pdf(self) -> Path:
        return self.edition_pdf("en")

    def edition_html(self, lang: str) -> Path:
        """An edition's HTML: the site's root for English, its folder for another language."""
        from oicbook.core.editions import folder

        return self.html / folder(lang)

    def edition_pdf(self, lang: str) -> Path:
        from oicbook.core.editions import pdf_name

        return self.root / "_build" / "latex" / pdf_name(lang)


class Background:
    """A clean build of a prepared copy, run beside the session's own build and
    the tests that read it, so the two cores share the session's clean builds."""

    def __init__(self, root: Path, env: dict[str, str] | None = None, **facts):
        self.root, self.facts = root, facts
        env = env or {k: v for k, v in os.environ.items() if k != "OICBOOK_ROOT"}
        self.output = root.parent / f"{root.name}-build"
        self.output.mkdir()
        self.args = [sys.executable, "-m", "tools.build"]
        with open(self.output / "stdout", "w") as out, open(self.output / "stderr", "w") as err:
            self.proc = subprocess.Popen(self.args, cwd=root, env=env, stdout=out, stderr=err, text=True)

    def wait(self) -> subprocess.CompletedProcess:
        self.proc.wait()
        read = lambda name: (self.output / name).read_text(encoding="utf-8", errors="replace")
        return subprocess.CompletedProcess(self.args, self.proc.returncode, read("stdout"), read("stderr"))


# Test modules name the clean builds of their own copies here, each with the
# function that prepares its copy in a folder and starts its build.
BACKGROUND_BUILDS: dict[str, Callable[[Path], Background]] = {}


def background_build(prepare):
    """Register ``prepare(folder) -> Background`` for the module that defines it."""
    BACKGROUND_BUILDS[prepare.__module__] = prepare
    return prepare


@pytest.fixture(scope="session")
def background_builds(request, tmp_path_factory) -> dict[str, Background]:
    """The registered builds of the modules this session runs, started at once."""
    wanted = {item.module.__name__ for item in request.session.items}
    started = {name: prepare(tmp_path_factory.mktemp(name.rsplit(".", 1)[-1])) for name, prepare in BACKGROUND_BUILDS.items() if name in wanted}
    yield started
    for build in started.values():
        if build.proc.poll() is None:
            build.proc.kill()
            build.proc.wait()


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, background_builds) -> Built:
    root = copy_book(tmp_path_factory.mktemp("book") / "book")
    before = {**tree_digest(root / "seeds"), **tree_digest(root / "data")}
    result = build(root)
    after = {**tree_digest(root / "seeds"), **tree_digest(root / "data")}
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(root, result, before, after)


@pytest.fixture
def book_copy(tmp_path) -> Path:
    """A fresh copy of the book's sources, for tests that break or edit them."""
    return copy_book(tmp_path / "book")


def html_table(page: str, table_id: str) -> list[list[str]]:
    """The visible text of each cell of the table with this id, row by row."""
    import html
    import re

    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S)
    assert table, f"no table {table_id}"
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", c))).strip() for c in cells])
    return rows


def folded(text: str) -> str:
    """Text with its runs of white space (thin and no-break spaces too) as one space, as the helpers below show it."""
    import re

    return re.sub(r"\s+", " ", text)


def visible_text(page: str) -> str:
    """A page's text as a reader sees it: tags dropped, spaces folded, none before punctuation."""
    import html
    import re

    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\s+", " ", text))


def spreadsheet_formula(cell: str) -> bool:
    """Whether a spreadsheet reads the cell as a formula: it starts with "=", or
    with "+", "-" or "@" and is not a number, or with a tab or carriage return.
    A leading apostrophe marks text."""
    import re

    if cell[:1] == "=" or cell[:1] in ("\t", "\r"):
        return True
    return cell[:1] in ("+", "-", "@") and not re.fullmatch(r"[+-]?[\d,]*\.?\d+([eE][+-]?\d+)?", cell)


def shown_as_text(cell: str) -> str:
    """A CSV cell as the page shows it: without the apostrophe that keeps a formula text."""
    return cell[1:] if cell.startswith("'") and spreadsheet_formula(cell[1:]) else cell


def table_csv_link(page: str, table_id: str) -> str:
    """The address of the CSV download linked under the table with this id."""
    import re

    found = re.search(rf'<table[^>]*id="{table_id}".*?</table>.*?<p class="oicbook-csv"><a href="([^"]+)" download>', page, re.S)
    assert found, f"no CSV linked under table {table_id}"
    return found.group(1)


def table_csv_rows(path) -> list[list[str]]:
    """A downloaded table's rows; the file must start with UTF-8's byte-order mark."""
    import csv

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), path
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def csv_against_table(downloaded: list[list[str]], shown: list[list[str]]) -> list[str]:
    """How a table's CSV departs from the table as shown: a column of text must
    hold the cells shown; a column of figures (its heading the shown one and its
    unit, or ': value', ': unit', ': verdict') numbers, units or verdict words."""
    fold = lambda c: " ".join(shown_as_text(c).split())
    header, body = [fold(c) for c in downloaded[0]], [[fold(c) for c in row] for row in downloaded[1:]]
    problems = [] if len(body) == len(shown) - 1 else [f"{len(body)} rows, shown {len(shown) - 1}"]
    at = 0
    for index, title in enumerate(shown[0]):
        title = " ".join(title.split())
        derived = [i for i in range(at, len(header)) if header[i].startswith(title)]
        if at < len(header) and header[at] == title:
            problems += [f"column {title!r}, row {r}: {row[at]!r} shown as {shown[r + 1][index]!r}" for r, row in enumerate(body)
                         if row[at] != " ".join(shown[r + 1][index].split())]
            at += 1
            continue
        if not derived or derived[0] != at:
            return problems + [f"column {title!r}: not in the CSV's header {header}"]
        while at < len(header) and header[at].startswith(title) and header[at] != title:
            if not header[at].endswith((": unit", ": verdict", ": өлшем бірлігі", ": баға")):
                for r, row in enumerate(body):
                    try:
                        row[at] == "" or float(row[at])
                    except ValueError:
                        problems.append(f"column {header[at]!r}, row {r}: {row[at]!r} is not a number")
            at += 1
    return problems + ([f"columns left over: {header[at:]}"] if at != len(header) else [])


def csv_cells(path) -> list[str]:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]
