"""Every word code puts on a page comes from the locale file, and exists there."""

import re

import pytest

from oicbook.report.labels import t
from oicbook.core.verdicts import STATUSES
from conftest import REPO

LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_.\-]+)["']\s*[,)]""")


def used_keys():
    for path in [*(REPO / "oicbook").glob("*.py"), *(REPO / "chapters").glob("*.md")]:
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8")):
            yield path.name, key


@pytest.mark.parametrize("where,key", sorted(set(used_keys())))
def test_literal_keys_exist(where, key):
    assert t(key), f"{where}: {key}"


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_has_a_word_a_mark_and_a_rule(status):
    for group in ("verdict", "verdict_mark", "verdict_rule"):
        assert t(f"{group}.{status}")


def test_a_missing_key_is_an_error():
    with pytest.raises(KeyError):
        t("verdict.no_such_status")
