"""Numbers in each edition's language, by CLDR's rules (through Babel)."""

import pytest

from oicbook.report.display import ordinal, percent, scaled
from oicbook.report.numbers import fixed, integer, language, listing, ordinal_form, significant

pytestmark = pytest.mark.unit

NBSP = "\u00a0"


def test_english_groups_with_commas_and_writes_a_decimal_point():
    assert (integer(1504), fixed(3.214, 2), significant(6.873, 3), significant(500000, 3)) == ("1,504", "3.21", "6.87", "500,000")
    assert scaled(6.87e12) == "6.87 trillion"
    assert percent(12.031) == "12.03 %"
    assert listing(["2009", "2011"]) == "2009 and 2011"


def test_kazakh_groups_with_a_no_break_space_and_writes_a_decimal_comma(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    assert integer(1234567) == f"1{NBSP}234{NBSP}567"
    assert fixed(1234567.5, 1) == f"1{NBSP}234{NBSP}567,5"
    assert significant(6.873, 3) == "6,87"
    assert listing(["2009", "2011"]) == "2009 және 2011"


def test_english_ordinals_follow_cldr_s_categories():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 37, 112)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "37th", "112th"]


def test_kazakh_ordinal_categories_pick_the_back_vowel_suffix_after_six_nine_and_tens(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    # 6-шы (алтыншы), 9-шы (тоғызыншы), 10-шы (оныншы); 7-ші (жетінші), 37-ші, 38-ші
    assert {n: ordinal_form(n) for n in (6, 9, 10, 7, 37, 38)} == {6: "many", 9: "many", 10: "many", 7: "other", 37: "other", 38: "other"}


def test_an_unknown_edition_language_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "xx")
    with pytest.raises(ValueError, match="OICBOOK_LANG='xx'"):
        language()
