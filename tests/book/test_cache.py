"""Execution is cached and data-aware: a notebook re-executes when a data
file it reads changes, and only then."""

import re
import shutil
import time

import pytest
from jupyter_cache import get_cache

from tools.build import cache_dir
from conftest import build


def executed_since(root, moment):
    cache = get_cache(cache_dir(root))
    return {r.uri.split("/")[-1] for r in cache.list_cache_records() if r.created.timestamp() >= moment}


@pytest.fixture
def rebuilt_copy(built_book, tmp_path):
    root = tmp_path / "book"
    shutil.copytree(built_book.root, root)
    return root


def rebuild_after(root, edit):
    edit()
    moment = time.time()
    result = build(root, "html")
    assert result.returncode == 0, result.stderr
    return executed_since(root, moment)


def chapters_loading(root, *resources):
    """Chapters that call load() on any of these resources, or describe(), which reads them all."""
    pattern = re.compile(r"""\bload\(["'](%s)["']\)|\bdescribe\(\)""" % "|".join(resources))
    return {p.name for p in (root / "chapters").glob("*.md") if pattern.search(p.read_text(encoding="utf-8"))}


def pointing_to(root, resource):
    """The resources whose foreign keys reach ``resource``, directly or through others."""
    import json

    described = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    refs = {r["name"]: {k["reference"]["resource"] for k in r.get("schema", {}).get("foreignKeys", [])} for r in described}
    found, grew = {resource}, True
    while grew:
        more = {name for name, targets in refs.items() if targets & found} - found
        found, grew = found | more, bool(more)
    return found


def test_editing_events_reexecutes_only_its_readers(rebuilt_copy):
    # the claims ledger, the mentions and the terms of office point into the
    # events by foreign key, so their readers read events too
    readers = chapters_loading(rebuilt_copy, *pointing_to(rebuilt_copy, "events"))
    assert "intro.md" in readers and "source_text.md" not in readers
    path = rebuilt_copy / "data" / "events_timeline.csv"
    edit = lambda: path.write_text(path.read_text(encoding="utf-8").replace("SESRIC event page", "SESRIC event page (edited)"), encoding="utf-8")
    assert rebuild_after(rebuilt_copy, edit) == readers


def test_editing_stems_and_compounds_reexecutes_only_their_readers(rebuilt_copy):
    # two files with one chapter reading each, edited together: one rebuild shows
    # both re-execute their readers and nothing else
    assert chapters_loading(rebuilt_copy, "theme_stems") == {"political.md", "data.md"}
    assert chapters_loading(rebuilt_copy, "normalisation_compounds") == {"source_text.md", "data.md"}
    stems = rebuilt_copy / "data" / "theme_stems.csv"
    compounds = rebuilt_copy / "data" / "normalisation_compounds.csv"

    def edit():
        stems.write_text(stems.read_text(encoding="utf-8").replace("chair, chairmanship", "chair"), encoding="utf-8")
        compounds.write_text(compounds.read_text(encoding="utf-8").replace("extraction slip", "slip of the extraction"), encoding="utf-8")

    # the data dictionary reads every resource's description, so it runs again too
    assert rebuild_after(rebuilt_copy, edit) == {"political.md", "source_text.md", "data.md"}


def test_editing_a_file_no_notebook_reads_executes_nothing(rebuilt_copy):
    # this also covers a rebuild with no change at all: no notebook's input changed
    path = rebuilt_copy / "data" / "README.md"
    edit = lambda: path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    assert rebuild_after(rebuilt_copy, edit) == set()


def rebuild_own_code_after(root, edit):
    """As rebuild_after, but the copy's own oicbook runs (in the build and its kernels)."""
    import os
    import subprocess
    import sys

    edit()
    moment = time.time()
    env = {k: v for k, v in os.environ.items() if k != "OICBOOK_ROOT"}
    env["PYTHONPATH"] = str(root)
    result = subprocess.run([sys.executable, "-m", "tools.build", "html"], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return executed_since(root, moment)


def append(path, text):
    return lambda: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_editing_the_extension_tools_or_tests_executes_nothing_and_the_rules_everything(rebuilt_copy):
    notebooks = {p.name for p in (rebuilt_copy / "chapters").glob("*.md") if "```{code-cell}" in p.read_text(encoding="utf-8")}
    edits = [append(rebuilt_copy / p, "\n# edited\n") for p in ("oicbook/sphinx/theme.py", "tools/build.py", "tests/conftest.py")]
    assert rebuild_own_code_after(rebuilt_copy, lambda: [e() for e in edits]) == set()
    assert rebuild_own_code_after(rebuilt_copy, append(rebuilt_copy / "oicbook/core/verdicts.py", "\n# edited\n")) == notebooks
