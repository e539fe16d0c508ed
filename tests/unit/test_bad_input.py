"""Bad input stops validation, the build's first step, with the file, the row and
the field named; nothing in seeds/ or data/ changes.

Each corruption is made in a temporary copy of the book and checked with the
build's first step, validation, which is where bad input is meant to stop: fast.
``tests/book/test_bad_input_build.py`` runs the whole build on a few of them.
"""

import re

import pytest

from bad_cases import CASES, inputs


def validate(root) -> str | None:
    """The build's first step (what `python -m oicbook.core.data` runs), in this
    process: the error message, or None. The whole-build tests run the command."""
    from oicbook.core.data import DataError, validate_all

    try:
        validate_all(root)
    except DataError as exc:
        return str(exc)
    return None


def test_there_are_at_least_twenty_distinct_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_validation_names_file_row_and_field(book_copy, case):
    corrupt, file, where, field = CASES[case]
    corrupt(book_copy)
    before = inputs(book_copy)
    message = validate(book_copy)
    assert message is not None, "validation passed"
    pattern = rf"{re.escape(file)}: {re.escape(where)}(?!\w)[^\n]*" + (f"field '{field}'" if field else "")
    assert re.search(pattern, message), message
    assert inputs(book_copy) == before, "validation must not write into seeds/ or data/"
