"""Bad input stops the whole build, which leaves seeds/, data/ and the published
book alone; a notebook run outside the build stops on it too (the cases are
those of ``tests/unit/test_bad_input.py``)."""

import re

import pytest

from conftest import build, run, tree_digest
from bad_cases import CASES, inputs, line_of, replace_in_line
from tools.build import STRICT, jupyter_book


@pytest.fixture(scope="module")
def published(built_book, tmp_path_factory):
    """A copy of the built book, with its published output and its caches."""
    import shutil

    root = tmp_path_factory.mktemp("published") / "book"
    shutil.copytree(built_book.root, root)
    return root


def test_the_build_stops_on_bad_input_and_keeps_the_published_book(published):
    html_before = tree_digest(published / "_build" / "html")
    CASES["wrong type"][0](published)
    before = inputs(published)
    result = build(published, "html")
    assert result.returncode != 0
    assert "data/gdp_wdi_oic_world_1990_2023.csv: line 40" in result.stderr and "field 'year'" in result.stderr
    assert inputs(published) == before
    assert tree_digest(published / "_build" / "html") == html_before


def test_a_failing_notebook_never_replaces_the_published_book(published, tmp_path):
    # restore good data, then break a chapter's code: validation passes, the build fails late
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "data", published / "data", dirs_exist_ok=True)
    html_before = tree_digest(published / "_build" / "html")
    chapter = published / "chapters" / "halal.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('steps = load("halal_milestones")', 'steps = load("no_such_resource")'), encoding="utf-8")
    result = build(published, "html")
    assert result.returncode != 0
    assert "no resource named 'no_such_resource'" in re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)
    assert tree_digest(published / "_build" / "html") == html_before


def test_a_notebook_run_directly_stops_on_bad_input(book_copy):
    """Without the validation step (as from Jupyter), the loader itself stops the notebook."""
    replace_in_line(book_copy / "data/events_timeline.csv", 12, "2010-05-18", "2010-05-1x")
    result = run([jupyter_book(), "build", ".", "--builder", "html", *STRICT], cwd=book_copy)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "data/events_timeline.csv: line 12" in log and "field 'date_start'" in log, log[-3000:]


def test_a_javascript_address_in_the_bibliography_stops_the_build_and_links_nowhere(published):
    """The bibliography's addresses become links in both editions: one that is not
    a web address stops the build before any notebook runs, with the entry named."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "data", published / "data", dirs_exist_ok=True)
    shutil.copy(REPO / "chapters" / "halal.md", published / "chapters" / "halal.md")
    CASES["javascript: address in references.bib"][0](published)
    try:
        result = build(published, "html")
        assert result.returncode != 0
        line = line_of("references.bib", "@article{karymsakov_source")
        assert f"references.bib: line {line} (entry 'karymsakov_source'), field 'url': unsafe-address" in result.stderr, result.stderr[-2000:]
        assert result.stderr.startswith("build stopped:") and "HTML:" not in result.stdout  # at validation, before any notebook
        pages = [p for p in (published / "_build" / "html").rglob("*.html")]
        assert pages and not [p for p in pages if 'href="javascript:' in p.read_text(encoding="utf-8")]
    finally:
        shutil.copy(REPO / "references.bib", published / "references.bib")
