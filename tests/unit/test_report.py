"""The report layer's formatters and the words of phrases: the numbers as a
reader reads them, with the words taken from the locale, not typed."""

from __future__ import annotations

from datetime import date

import pandas as pd

from oicbook.core.phrases import Amount, Label, Listing, Ordinal, Percent, Ratio, Span, listing, phrase, series
from oicbook.report.display import amount, mark, percent, stated
from oicbook.report.labels import t
from oicbook.report.words import words


def test_amounts_keep_three_figures_and_a_scale_word():
    usd = t("unit.USD")
    assert amount(6.874e12) == f"6.87 {t('unit.trillion')} {usd}"
    assert amount(538e6) == f"538 {t('unit.million')} {usd}"
    assert amount(1.25e9, "intl_dollar") == f"1.25 {t('unit.billion')} {t('unit.intl_dollar')}"
    assert amount(749_000) == f"749,000 {usd}"


def test_percent_and_marks():
    assert percent(71.156) == f"71.16 {t('unit.percent')}"
    assert percent(12.0) == f"12.00 {t('unit.percent')}"
    assert mark("close") == t("verdict.close") and mark("close_at_ppp") == t("verdict.close_at_ppp")  # the word, no sign


def test_stated_values_read_as_written():
    base = {"period_start": None, "period_end": None, "unit": None, "value": None}
    assert stated(pd.Series({**base, "kind": "date", "period_start": "2011-06", "period_end": "2011-06"})) == "June 2011"
    assert stated(pd.Series({**base, "kind": "date", "period_start": "2011-06-28", "period_end": "2011-06-30"})) == "28\u2009–\u200930 June 2011"
    assert stated(pd.Series({**base, "kind": "ordinal", "value": 38.0, "unit": "session"})) == f"38th {t('unit.session')}"
    assert stated(pd.Series({**base, "kind": "rank", "value": 12.0, "unit": "rank"})) == f"{t('unit.rank')} 12"
    assert stated(pd.Series({**base, "kind": "share", "value": 2 / 3, "unit": "fraction", "figure": "2/3"})) == "2/3"  # as the article writes it
    assert stated(pd.Series({**base, "kind": "amount", "value": 3.7e12, "unit": "USD"})) == amount(3.7e12)


def test_every_kind_of_phrase_value_has_words():
    assert words(Amount(2e9)) == amount(2e9)
    assert words(Percent(40)) == percent(40)
    assert words(Ratio(500.0)) == "500" and words(Ratio(1234.5)) == "1,234"
    assert words(Label("measure", "wdi_usd")) == t("measure.wdi_usd")
    assert words(Ordinal(37)) == "37th"
    assert words(Span(11, 13)) == "11–13"
    assert words(Listing(("a", "b"), ", ")) == "a, b"
    # a list read as a sentence joins its last two items with the locale's 'and'
    assert words(series(["a", "b", "c"])) == f"a, b {t('part.and')} c" and words(series(["a"])) == "a"
    assert words(7) == "7" and words("—") == "—"
    assert words(date(2012, 6, 28)) == "28 June 2012"  # as people write a date, not 2012-06-28


def test_a_phrase_fills_its_template_with_the_words_of_its_values():
    said = phrase("reason.best_measure", measure=Label("measure", "imf_ppp"), value=Amount(7.5e12), year=2009,
                  all=listing([phrase("part.measure_value", measure=Label("measure", "wdi_usd"), value=Amount(6e12))]))
    expected = t("reason.best_measure", measure=t("measure.imf_ppp"), value=amount(7.5e12), year=2009,
                 all=t("part.measure_value", measure=t("measure.wdi_usd"), value=amount(6e12)))
    assert words(said) == expected
    nested = phrase("reason.judged", rule=phrase("reason.no_source"), verdict=Label("verdict", "close"), why="x")
    assert words(nested) == t("reason.judged", rule=t("reason.no_source"), verdict=t("verdict.close"), why="x")


def test_the_figures_weighed_are_grouped_by_the_verdict_each_gives_the_best_first():
    from oicbook.core.checks import Case, _by_verdict

    given = [Percent(77.2, 1), Percent(70.0, 1), Percent(81.3, 1)]
    cases = [Case(None, None, 77.2, "inconsistent"), Case(None, None, 70.0, "consistent"), Case(None, None, 81.3, "inconsistent")]
    group = lambda verdict, *shown: t("part.verdict_with", verdict=t(f"verdict.{verdict}"), given=f" {t('part.and')} ".join(shown))
    assert words(_by_verdict("reason.statements", cases, given)) == t(
        "reason.statements", all="; ".join([group("consistent", percent(70.0, 1)), group("inconsistent", percent(77.2, 1), percent(81.3, 1))]))


def test_small_counts_read_as_words_and_larger_ones_as_digits():
    from oicbook.report.display import number

    assert [number(n) for n in (1, 4, 9, 10, 18)] == ["one", "four", "nine", "10", "18"]
