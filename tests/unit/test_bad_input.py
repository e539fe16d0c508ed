"""Bad input stops validation, the build's first step, with the file, the row and
the field named; nothing in seeds/ or data/ changes.

Each corruption is made in a temporary copy of the book and checked with the
build's first step, validation, which is where bad input is meant to stop: fast.
``tests/book/test_bad_input_build.py`` runs the whole build on a few of them.
"""

import re

import pytest

from bad_cases import CASES, inputs


def validate(root, file: str) -> str | None:
    """The build's first step (what `python -m oicbook.core.data` runs), in this
    process, on the resource the corrupted file belongs to (the seed belongs to
    the sentences; a broken descriptor to all): the error message, or None.
    The whole-build tests run the command on the whole package."""
    from oicbook.core.data import DataError, validate, validate_all

    try:
        name = resource_of(root, file)
        validate(name, root) if name else validate_all(root)
    except DataError as exc:
        return str(exc)
    return None


def resource_of(root, file: str) -> str | None:
    import json

    if file.startswith("seeds/"):
        return "sentences"
    try:
        resources = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    except ValueError:
        return None
    return next((r["name"] for r in resources if isinstance(r, dict) and f"data/{r.get('path')}" == file), None)


def test_there_are_at_least_twenty_distinct_cases():
    assert len(CASES) >= 20


@pytest.fixture
def data_copy(tmp_path):
    """What validation reads, copied: the data, the seed, the bibliography."""
    import shutil

    from conftest import REPO

    for folder in ("data", "seeds"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for name in ("references.bib", "CITATION.cff"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("case", CASES)
def test_validation_names_file_row_and_field(data_copy, case):
    book_copy = data_copy
    corrupt, file, where, field = CASES[case]
    corrupt(book_copy)
    before = inputs(book_copy)
    message = validate(book_copy, file)
    assert message is not None, "validation passed"
    pattern = rf"{re.escape(file)}: {re.escape(where)}(?!\w)[^\n]*" + (f"field '{field}'" if field else "")
    assert re.search(pattern, message), message
    assert inputs(book_copy) == before, "validation must not write into seeds/ or data/"


def test_a_file_outside_the_book_is_refused_unread(data_copy):
    """A data file that links outside data/ is named, and nothing of it is shown."""
    from bad_cases import SECRET, link_outside

    link_outside(data_copy, "data/trade_goods.csv")
    for message in (validate(data_copy, "data/trade_goods.csv"), validate(data_copy, "data/datapackage.json-as-a-whole")):
        assert message is not None and "data/trade_goods.csv" in message, message
        assert SECRET not in message and "outside" in message


def test_a_linked_folder_outside_the_book_is_refused(data_copy, tmp_path_factory):
    """Any file the build reads from the book's folders, not only data/: here the seeds."""
    import shutil

    from oicbook.core.data import DataError, validate_all

    elsewhere = tmp_path_factory.mktemp("elsewhere") / "seeds"
    shutil.move(data_copy / "seeds", elsewhere)
    (data_copy / "seeds").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(DataError, match=r"seeds: file, \(whole file\): outside-book"):
        validate_all(data_copy)
