"""Execution is cached and data-aware: a notebook re-executes when a data
file it reads changes, and only then."""

import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from jupyter_cache import get_cache

from tools.build import cache_dir


def executed_since(root, moment):
    cache = get_cache(cache_dir(root))
    return {r.uri.split("/")[-1] for r in cache.list_cache_records() if r.created.timestamp() >= moment}


def rebuild_after(root, *edits):
    """After each edit, a rebuild of the HTML with the copy's own oicbook (in the
    build and its kernels); the notebooks each rebuild executed."""
    env = {k: v for k, v in os.environ.items() if k != "OICBOOK_ROOT"}
    env["PYTHONPATH"] = str(root)
    executed = []
    for edit in edits:
        edit(root)
        moment = time.time()
        result = subprocess.run([sys.executable, "-m", "tools.build", "html"], cwd=root, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        executed.append(executed_since(root, moment))
    return executed


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


def replace_in(name, old, new):
    def edit(root):
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def append(*names, text="\n# edited\n"):
    def edit(root):
        for name in names:
            path = root / name
            path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


# Each case: a copy of the built book, edited and rebuilt once per edit.
CASES = {
    "events": [replace_in("data/events_timeline.csv", "SESRIC event page", "SESRIC event page (edited)")],
    # two files with one chapter reading each, edited together: one rebuild shows
    # both re-execute their readers and nothing else
    "proposals and compounds": [
        lambda root: [
            replace_in("data/chair_proposals.csv", "an internet resource", "an internet portal")(root),
            replace_in("data/normalisation_compounds.csv", "extraction slip", "slip of the extraction")(root),
        ]
    ],
    # this also covers a rebuild with no change at all: no notebook's input changed
    "a file no notebook reads": [append("data/README.md", text="\nEdited.\n")],
    "code": [append("oicbook/sphinx/theme.py", "tools/build.py", "tests/conftest.py"), append("oicbook/core/verdicts.py")],
}


@pytest.fixture(scope="module")
def rebuilt(built_book, tmp_path_factory):
    """Every case's copy and what each of its rebuilds executed; the cases build
    side by side, two at a time, as the machine has two cores."""
    copies = {name: tmp_path_factory.mktemp("cache") / "book" for name in CASES}
    for root in copies.values():
        shutil.copytree(built_book.root, root)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(rebuild_after, root, *CASES[name]) for name, root in copies.items()}
        return {name: (copies[name], future.result()) for name, future in futures.items()}


def test_editing_events_reexecutes_only_its_readers(rebuilt):
    root, (executed,) = rebuilt["events"]
    # the claims ledger, the mentions and the terms of office point into the
    # events by foreign key, so their readers read events too
    readers = chapters_loading(root, *pointing_to(root, "events"))
    assert {"intro.md", "source_text.md"} <= readers  # the article's dating, in the source text, reads the events too
    assert executed == readers


def test_editing_proposals_and_compounds_reexecutes_only_their_readers(rebuilt):
    root, (executed,) = rebuilt["proposals and compounds"]
    assert chapters_loading(root, "chair_proposals") == {"political.md", "data.md"}
    assert chapters_loading(root, "normalisation_compounds") == {"source_text.md", "data.md"}
    # the data dictionary reads every resource's description, so it runs again too
    assert executed == {"political.md", "source_text.md", "data.md"}


def test_editing_a_file_no_notebook_reads_executes_nothing(rebuilt):
    root, (executed,) = rebuilt["a file no notebook reads"]
    assert executed == set()


def test_editing_the_extension_tools_or_tests_executes_nothing_and_the_rules_everything(rebuilt):
    root, (after_tools, after_rules) = rebuilt["code"]
    notebooks = {p.name for p in (root / "chapters").glob("*.md") if "```{code-cell}" in p.read_text(encoding="utf-8")}
    assert after_tools == set()
    assert after_rules == notebooks
