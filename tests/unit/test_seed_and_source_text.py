"""The seed is kept byte for byte; the sentence table is derived from it by code."""

import hashlib
import re

import pytest

from oicbook.core import sources
from oicbook.core.data import load, seed_text
from conftest import REPO

SEED_SHA256 = "846163151beafc56e0b9fbdd0d862e4f30fe0688557fcc23845b05e8481a8a21"


@pytest.fixture(scope="module")
def sentences():
    return load("sentences", REPO).set_index("id")


def text_of(sentences, sid):
    return sentences.loc[sid, "text"]


def test_seed_checksum():
    assert hashlib.sha256((REPO / "seeds" / "000_6d19eb848c4ad410.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_sentences_csv_is_regenerated_identically(tmp_path):
    out = tmp_path / "sentences.csv"
    sources.write_sentences(sources.build_sentences(REPO), out)
    assert out.read_bytes() == (REPO / "data" / "sentences.csv").read_bytes()


def test_no_latin_schwa_nbsp_or_double_space(sentences):
    for sid, text in sentences["text"].items():
        assert not re.search("[\u0259\u018f\u00a0]|  ", text), sid


def test_split_word_rejoined(sentences):
    assert "ИКҰ-ның әлемдік экономикадағы" in text_of(sentences, "S025")


def test_initial_stays_with_surname(sentences):
    assert "атқарған Қ. Саудабаев ИКҰ" in text_of(sentences, "S002")
    assert text_of(sentences, "S002").endswith("бастамасын ұсынды.")


def test_trillion_and_million_do_not_end_a_sentence(sentences):
    s023 = text_of(sentences, "S023")
    assert "3,7 трлн. АҚШ долларын құраса" in s023 and "7,5 трлн.ға жеткен." in s023
    s068 = text_of(sentences, "S068")
    assert "350 млн. АҚШ долларын" in s068 and s068.endswith("200 млн. доллар бөлді [5].")


def test_reference_markers_stay_attached(sentences):
    assert text_of(sentences, "S004").endswith("ықпал етті [4].")
    assert text_of(sentences, "S030") == "Қазақстан 12-ші орында тұр [3]."


def test_glued_paragraphs_split(sentences):
    assert text_of(sentences, "S003").endswith("шақырды.")
    assert text_of(sentences, "S004").startswith("Қазақстандық сарапшылар")
    assert sentences.loc["S004", "paragraph"] == sentences.loc["S003", "paragraph"] + 1
    assert text_of(sentences, "S072") == "Әдебиеттер." and sentences.loc["S072", "kind"] == "heading"


def test_glued_stop_before_number(sentences):
    assert "банктер тарапынан 29 исламдық" in text_of(sentences, "S050")


def test_compounds_decided(sentences):
    assert "ИКҰ-ға мүше-мемлекеттер ұйым" in text_of(sentences, "S062")
    assert "қарым-қатынасы" in text_of(sentences, "S020")
    assert "ұзақ мерзімді" in text_of(sentences, "S003")
    assert "VII-ші" in text_of(sentences, "S059")


def test_spans_point_into_the_raw_seed(sentences):
    raw = seed_text(REPO)
    previous_end = 0
    for sid, row in sentences.iterrows():
        start, end = int(row["raw_start"]), int(row["raw_end"])
        assert previous_end <= start < end <= len(raw), sid
        previous_end = end
        written = raw[start:end].replace("\u0259", "\u04d9").replace("\u018f", "\u04d8")
        first_word = re.match(r"\S+", row["text"]).group()
        assert written.startswith(first_word[:4]), sid
    assert "Қ.\nСаудабаев" in raw[int(sentences.loc["S002", "raw_start"]) : int(sentences.loc["S002", "raw_end"])]


def test_changes_are_recorded(sentences):
    assert "split-word:1" in sentences.loc["S025", "changes"]
    assert "line-break:1" in sentences.loc["S002", "changes"]
    assert "compound:1" in sentences.loc["S059", "changes"]
    assert "glued-stop:1" in sentences.loc["S050", "changes"]
    assert "paragraph-join:1" in sentences.loc["S003", "changes"]
    glued_joins = len(re.findall(r"[.:]\.+(?=\S)", seed_text(REPO)))
    assert sentences["changes"].str.contains("paragraph-join").sum() == glued_joins
