"""Every word code puts on a page comes from the locale file, and exists there."""

import re

import pytest

from oicbook.report.labels import t
from oicbook.core.verdicts import STATUSES
from conftest import REPO

LITERAL_KEY = re.compile(r"""\b(?:t|phrase)\(\s*["']([a-z_.\-]+)["']\s*[,)]""")
LABEL = re.compile(r"""\bLabel\(\s*["']([a-z_]+)["']\s*,\s*["']([a-z_]+)["']\s*\)""")


def used_keys():
    """Every key code names literally: in t() and phrase() calls, and as Label(group, code)."""
    for path in [*(REPO / "oicbook").rglob("*.py"), *(REPO / "chapters").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        for key in LITERAL_KEY.findall(text):
            yield path.name, key
        for group, code in LABEL.findall(text):
            yield path.name, f"{group}.{code}"


@pytest.mark.parametrize("where,key", sorted(set(used_keys())))
def test_literal_keys_exist(where, key):
    assert t(key), f"{where}: {key}"


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_has_a_word_and_a_meaning(status):
    for group in ("verdict", "verdict_plain"):
        assert t(f"{group}.{status}")


def test_a_missing_key_is_an_error():
    with pytest.raises(KeyError):
        t("verdict.no_such_status")


def test_every_code_a_phrase_can_name_has_a_word():
    from oicbook.core.economy import MEASURES
    from oicbook.core.periods import PRECISIONS

    for measure in MEASURES:
        assert t(f"measure.{measure.key}")
    for precision in PRECISIONS:
        assert t(f"precision.{precision}")
