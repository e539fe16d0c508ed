"""A PDF is kept only while what it is made from is unchanged (tools.build.pdf_inputs)."""

from __future__ import annotations

import pytest

from tools import build

pytestmark = pytest.mark.unit


@pytest.fixture
def book(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000")
    files = {
        "chapters/intro.md": "# Intro", "data/events.csv": "id\nE01\n", "locales/kk/LC_MESSAGES/chapters/intro.po": "msgid",
        "oicbook/report/locale/kk.yml": "a: b", "_build/staging-kk/_build/.doctrees/chapters/intro.doctree": "tree",
        "_build/editions/kk/_config.yml": "title: x",
        # not inputs: what the build publishes, compiled catalogues, the tests, the environment
        "_build/html/index.html": "<p>", "locales/kk/LC_MESSAGES/chapters/intro.mo": "mo", "tests/test_x.py": "x", ".venv/lib/x.py": "x",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["chapters/intro.md", "data/events.csv", "locales/kk/LC_MESSAGES/chapters/intro.po",
                                  "oicbook/report/locale/kk.yml", "_build/staging-kk/_build/.doctrees/chapters/intro.doctree",
                                  "_build/editions/kk/_config.yml"])
def test_an_edited_input_makes_the_pdf_stale(book, name):
    before = build.pdf_inputs(book, "kk")
    (book / name).write_text("edited", encoding="utf-8")
    assert build.pdf_inputs(book, "kk") != before


@pytest.mark.parametrize("name", ["_build/html/index.html", "locales/kk/LC_MESSAGES/chapters/intro.mo", "tests/test_x.py", ".venv/lib/x.py"])
def test_what_the_pdf_is_not_made_from_leaves_it_current(book, name):
    before = build.pdf_inputs(book, "kk")
    (book / name).write_text("edited", encoding="utf-8")
    assert build.pdf_inputs(book, "kk") == before


def test_a_new_file_another_build_date_or_another_edition_makes_another_digest(book, monkeypatch):
    before = build.pdf_inputs(book, "kk")
    assert build.pdf_inputs(book, "en") != before  # its own doctrees and configuration
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000")
    assert build.pdf_inputs(book, "kk") != before
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000")
    (book / "data" / "new.csv").write_text("id\n", encoding="utf-8")
    assert build.pdf_inputs(book, "kk") != before
