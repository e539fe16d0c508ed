"""Bad input stops the build with the file, the row and the field named, and
nothing in seeds/ or data/ changes."""

import re
import sys

import pytest

from oicbook.build import STRICT, jupyter_book
from conftest import build, run, tree_digest


def corrupt(path, line_no, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line_no - 1], (old, lines[line_no - 1])
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def drop_column(path, name):
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    index = rows[0].index(name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([r[:index] + r[index + 1 :] for r in rows])


def validate(root):
    """The build's first step, as `make book` runs it."""
    return run([sys.executable, "-m", "oicbook.data"], cwd=root)


CASES = {
    # name: (edit, file, where, field)
    "missing column": (lambda d: drop_column(d / "opec_members_2011.csv", "opec_joined"),
                       "data/opec_members_2011.csv", "header row", "opec_joined"),
    "wrong type": (lambda d: corrupt(d / "gdp_wdi_oic_world_1990_2023.csv", 40, ",1994,", ",1994.5,"),
                   "data/gdp_wdi_oic_world_1990_2023.csv", "line 40", "year"),
    "duplicate key": (lambda d: corrupt(d / "claims.csv", 4, "C003,", "C002,"),
                      "data/claims.csv", "line 4", "id"),
    "broken foreign key": (lambda d: corrupt(d / "claims.csv", 6, ",S023,", ",S999,"),
                           "data/claims.csv", "line 6", "sentence_id"),
    "unknown ISO3 code": (lambda d: corrupt(d / "oic_members.csv", 3, "ALB,", "ALX,"),
                          "data/oic_members.csv", "line 3", "iso3"),
    "broken bibliography reference": (lambda d: corrupt(d / "halal_milestones.csv", 10, ",iofs_legal_status,", ",no_such_key,"),
                                      "data/halal_milestones.csv", "line 10", "bib_key"),
}


@pytest.mark.parametrize("case", CASES)
def test_validation_names_file_row_and_field(book_copy, case):
    edit, file, where, field = CASES[case]
    edit(book_copy / "data")
    before = tree_digest(book_copy / "data")
    result = validate(book_copy)
    assert result.returncode != 0
    message = result.stderr
    assert re.search(rf"{re.escape(file)}: {re.escape(where)}\b[^\n]*field '{field}'", message), message
    assert tree_digest(book_copy / "data") == before


def test_the_build_stops_on_bad_input_and_leaves_inputs_alone(book_copy):
    CASES["wrong type"][0](book_copy / "data")
    before = {**tree_digest(book_copy / "seeds"), **tree_digest(book_copy / "data")}
    result = build(book_copy, "html")
    assert result.returncode != 0
    assert "data/gdp_wdi_oic_world_1990_2023.csv: line 40" in result.stderr and "field 'year'" in result.stderr
    assert not (book_copy / "_build" / "html").exists(), "no notebook should run on bad input"
    assert {**tree_digest(book_copy / "seeds"), **tree_digest(book_copy / "data")} == before


def test_a_notebook_run_directly_stops_on_bad_input(book_copy):
    """Without the validation step (as from Jupyter), the loader itself stops the notebook."""
    corrupt(book_copy / "data" / "events_timeline.csv", 5, "2010-05-18", "2010-05-1x")
    result = run([jupyter_book(), "build", ".", "--builder", "html", *STRICT], cwd=book_copy)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "data/events_timeline.csv: line 5" in log and "field 'date_start'" in log, log[-3000:]
