"""The two locale files: the Kazakh edition's words have the same keys and
placeholders as the English, every one is translated, the plural and ordinal
forms cover each language's CLDR categories, and the Kazakh edition quotes the
article in Kazakh alone."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest
import yaml
from babel import Locale

from conftest import REPO, rows
from oicbook.report.labels import LOCALE_DIR, t, t_form
from oicbook.report.numbers import CLDR_LOCALES

pytestmark = pytest.mark.unit

LANGUAGES = sorted(CLDR_LOCALES)
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}  # CLDR's plural and ordinal categories


def table(lang: str) -> dict:
    return yaml.safe_load((LOCALE_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


def leaves(node, prefix: str = "") -> dict[str, str]:
    """Every value of a locale file by its dotted key."""
    out = {}
    for key, value in node.items():
        if isinstance(value, dict):
            out.update(leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def tree(node):
    """A locale file's keys, nested as in the file, without its values."""
    return {key: tree(value) if isinstance(value, dict) else None for key, value in node.items()}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def without_placeholders(text: str) -> str:
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(text))


EN, KK = leaves(table("en")), leaves(table("kk"))


def test_every_edition_has_a_locale_file():
    assert sorted(p.stem for p in LOCALE_DIR.glob("*.yml")) == LANGUAGES


def test_the_kazakh_file_has_the_english_files_keys():
    assert tree(table("kk")) == tree(table("en"))
    assert set(KK) == set(EN), {"only in en.yml": sorted(set(EN) - set(KK)), "only in kk.yml": sorted(set(KK) - set(EN))}


def test_each_value_is_text_with_the_english_placeholders():
    assert [k for k in EN if not (isinstance(EN[k], str) and isinstance(KK.get(k), str))] == []
    differ = {k: (sorted(placeholders(EN[k])), sorted(placeholders(KK[k]))) for k in EN if placeholders(KK[k]) != placeholders(EN[k])}
    assert differ == {}, differ


def test_each_value_is_translated():
    assert [k for k in EN if not KK[k].strip()] == [], "empty in kk.yml"
    # only a mark made of signs and placeholders ('=', '{n} {what}') may stay as the English has it
    repeated = {k: KK[k] for k in EN if KK[k] == EN[k] and LETTER.search(without_placeholders(KK[k]))}
    assert repeated == {}, repeated


def test_the_kazakh_values_are_written_in_cyrillic():
    words = [k for k, v in KK.items() if LETTER.search(without_placeholders(v))]
    assert words and [k for k in words if not CYRILLIC.search(KK[k])] == []


def test_the_locale_files_check_catches_a_missing_key_and_a_lost_placeholder():
    english = {"a": {"b": "x {n}"}, "c": "y"}
    assert tree({"a": {"b": "z {n}"}}) != tree(english)
    assert placeholders("{n} жыл") != placeholders(english["a"]["b"] + " {m}")


def groups_of_forms(node, prefix: str = ""):
    """The groups whose keys are all CLDR categories: a word's forms by the number before it."""
    for key, value in node.items():
        if isinstance(value, dict):
            if set(value) <= CATEGORIES:
                yield f"{prefix}{key}", value
            else:
                yield from groups_of_forms(value, f"{prefix}{key}.")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_ordinal_suffixes_cover_the_languages_cldr_categories(lang):
    categories = set(Locale.parse(CLDR_LOCALES[lang]).ordinal_form.tags) | {"other"}
    assert categories <= set(table(lang)["ordinal"]), (lang, categories)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_group_of_forms_has_the_form_for_any_other_number(lang):
    groups = dict(groups_of_forms(table(lang)))
    assert "ordinal" in groups and "finding.early" in groups
    assert [key for key, forms in groups.items() if "other" not in forms] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_ordinal_takes_the_form_of_its_cldr_category(monkeypatch, lang):
    from oicbook.report.display import ordinal
    from oicbook.report.numbers import integer

    monkeypatch.setenv("OICBOOK_LANG", lang)
    rule = Locale.parse(CLDR_LOCALES[lang]).ordinal_form
    forms = table(lang)["ordinal"]
    for n in range(1, 113):
        assert ordinal(n) == forms[rule(n)].format(n=integer(n)), (lang, n)


def test_a_category_the_file_does_not_name_takes_the_other_form(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    forms = table("kk")["finding"]["early"]
    missing = next(c for c in ("zero", "two", "few", "many") if c not in forms)
    assert t_form("finding.early", missing, n="3") == forms["other"].format(n="3")


def test_t_reads_the_kazakh_file_in_the_kazakh_edition(monkeypatch):
    key = "verdict.consistent"
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    assert t(key) == KK[key] != EN[key]
    assert re.search(r"[\u0400-\u04ff]", t(key))
    monkeypatch.setenv("OICBOOK_LANG", "en")
    assert t(key) == EN[key]


def test_t_fills_the_kazakh_placeholders(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    filled = t("finding.dated_in", date="DATE", sentence="SENTENCE")
    assert filled == KK["finding.dated_in"].format(date="DATE", sentence="SENTENCE") and "DATE" in filled and "SENTENCE" in filled


SENTENCE = pd.Series(rows("sentences.csv")[0])
ENGLISH = next(r["english"] for r in rows("translations.csv") if r["sentence_id"] == SENTENCE["id"])


def quoted(lang: str, monkeypatch) -> str:
    from oicbook.report.display import quote

    monkeypatch.setenv("OICBOOK_LANG", lang)
    return str(quote(SENTENCE, ENGLISH))


def test_a_quote_gives_the_kazakh_and_the_english_in_the_english_edition(monkeypatch):
    from oicbook.report.markup import ENGLISH_CLASS, escape

    shown = quoted("en", monkeypatch)
    assert ENGLISH_CLASS in shown and escape(ENGLISH) in shown and escape(EN["quote.english"]) in shown


def test_a_quote_gives_the_kazakh_alone_in_the_kazakh_edition(monkeypatch):
    from oicbook.report.display import sentence_ref
    from oicbook.report.markup import ENGLISH_CLASS, escape, kk

    shown = quoted("kk", monkeypatch)
    assert str(kk(SENTENCE["text"])) in shown  # the Kazakh, marked lang="kk"
    assert str(sentence_ref(SENTENCE["id"])) in shown  # linked to the sentence in the source text
    assert ENGLISH_CLASS not in shown and escape(ENGLISH) not in shown
    assert escape(EN["quote.english"]) not in shown and escape(KK["quote.english"]) not in shown


def test_the_chapters_quoter_shows_no_english_in_the_kazakh_edition(monkeypatch):
    from oicbook.report.markup import ENGLISH_CLASS, escape
    from oicbook.report.preamble import quoter

    monkeypatch.chdir(REPO)
    sentences = pd.DataFrame(rows("sentences.csv"))
    english = {r["sentence_id"]: r["english"] for r in rows("translations.csv")}
    ids = list(sentences["id"][:3])
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    shown = quoter(sentences)(*ids).data
    assert ENGLISH_CLASS not in shown and not any(escape(english[i]) in shown for i in ids)
    assert all(f"<{i.lower()}>" in shown for i in ids)
    monkeypatch.setenv("OICBOOK_LANG", "en")
    assert all(escape(english[i]) in quoter(sentences)(*ids).data for i in ids)
