"""The printed book's rules: Kazakh words break at their syllables, and a
character the PDF's fonts lack stops the build, naming its file, row and field,
before any notebook runs."""

import csv
import shutil

import pytest

from conftest import REPO, rows, tree_digest
from oicbook.core.data import DataError, check_glyphs
from oicbook.core.syllables import hyphenated
from oicbook.sphinx.pdf import ARABIC_RUN
from tools import fonts

# Words whose syllables the rule must find, as a Kazakh dictionary divides them.
SYLLABLES = {
    "орналасқан": "ор-на-лас-қан",
    "сәйкестендірілген": "сәй-кес-тен-ді-ріл-ген",
    "тұжырымдар": "тұ-жы-рым-дар",
    "ынтымақтастық": "ын-ты-мақ-тас-тық",
    "мемлекеттердің": "мем-ле-кет-тер-дің",
    "айтпайды": "айт-пай-ды",
    "министрлер": "ми-нистр-лер",  # a Russian cluster stays whole
    "ұйымның": "ұйым-ның",  # no single letter is left at a line's end
    "жол": "жол",
}


@pytest.mark.parametrize("word", SYLLABLES)
def test_kazakh_words_break_at_their_syllables(word):
    assert hyphenated(word) == SYLLABLES[word]


def _copy(tmp_path):
    for folder in ("data", "seeds"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for name in ("references.bib", "CITATION.cff"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def _put_in_note(root, event_id, text):
    path = root / "data" / "events_timeline.csv"
    with open(path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    line = next(i for i, row in enumerate(table, start=1) if row[0] == event_id)
    column = table[0].index("source_note")
    table[line - 1][column] += text
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(table)
    return line


def test_an_emoji_in_a_note_is_named_with_its_file_row_and_field(tmp_path):
    root = _copy(tmp_path)
    line = _put_in_note(root, "E19", " \U0001F642")
    before = tree_digest(root / "data")
    with pytest.raises(DataError) as error:
        check_glyphs(root, fonts.has_glyph, fonts.FONTS)
    assert f"data/events_timeline.csv: line {line} (data row {line - 1}), field 'source_note': no-glyph: U+1F642" in str(error.value)
    assert tree_digest(root / "data") == before


def test_the_build_checks_the_glyphs_before_any_notebook_runs(tmp_path, monkeypatch, capsys):
    import tools.build as build

    root = _copy(tmp_path)
    line = _put_in_note(root, "E19", " \U0001F642")
    monkeypatch.setenv("OICBOOK_ROOT", str(root))
    monkeypatch.setattr(build, "build_html", lambda root: pytest.fail("a notebook ran before the glyphs were checked"))
    monkeypatch.setattr(build, "build_pdf", lambda root: pytest.fail("a notebook ran before the glyphs were checked"))
    with pytest.raises(SystemExit) as stopped:
        build.main(["html", "pdf"])
    assert stopped.value.code == 1
    assert f"data/events_timeline.csv: line {line}" in capsys.readouterr().err


def test_arabic_has_its_font_and_the_book_s_own_data_pass():
    arabic = [c for r in rows("glossary.csv") for run in ARABIC_RUN.findall(r["note"]) for c in run]
    assert arabic and all(fonts.has_glyph(c) for c in arabic)  # the Organisation's Arabic name, in Amiri
    assert not fonts.has_glyph("\u4e2d")  # a CJK character: in neither font
    check_glyphs(REPO, fonts.has_glyph, fonts.FONTS)
