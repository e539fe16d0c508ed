"""Data text is shown literally, for any text: ``oicbook.report.markup`` fuzzed with
hypothesis, each case parsed by MyST itself (the helpers and the fixed cases
are in ``tests/unit/test_markup.py``)."""

from __future__ import annotations

from docutils import nodes
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile import HOSTILE
from oicbook.report.markup import Md, fold, kk, role, table
from mystparse import TEXT_NODES, assert_inert, data_spans, doctree


# Text a contributor might type: every ASCII character, Kazakh, the Latin schwa,
# right-to-left and zero-width marks, and white space of every kind.
ALPHABET = st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from(
    list("`*_[](){}<>|\\$#!&;:~=+-@'\"%^\n\r\t ") + ["\u200b", "\u200d", "\u202e", "\u2066", "ә", "ə", "Қ"]
)
TEXTS = st.text(ALPHABET, min_size=1, max_size=80) | st.sampled_from(HOSTILE)
FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@FUZZ
@given(TEXTS)
@example("{download}`/etc/hostname`")
@example("a | b")
@example("\\|")
@example("&amp; &#60;script&#62;")
def test_literal_in_a_paragraph_is_text(text):
    tree = doctree(Md("Before {} after.\n").format(text))
    spans = data_spans(tree)
    if not fold(text):
        assert spans == []
        return
    assert len(spans) == 1
    assert_inert(spans[0], text)
    assert all(isinstance(n, TEXT_NODES) for n in tree.findall()), tree.pformat()


@FUZZ
@given(st.lists(TEXTS, min_size=3, max_size=3))
def test_table_keeps_its_columns_and_cells(cells):
    columns = {"A": [cells[0], "x"], "B": [cells[1], 1], "C": [kk(cells[2]), Md("**y**")]}
    tree = doctree(table(columns))
    rows = list(tree.findall(nodes.row))
    assert len(rows) == 3
    for row in rows:
        assert len(list(row.findall(nodes.entry))) == 3
    first = list(rows[1].findall(nodes.entry))
    for entry, text in zip(first, cells):
        assert entry.astext().strip() == fold(text).strip()
        for span in data_spans(entry):
            assert_inert(span, text)


@FUZZ
@given(TEXTS, TEXTS)
def test_list_items_quotes_and_definitions_hold(item, text):
    # the shapes the chapters build: list items, block quotes, definition lists
    for markdown in (
        Md("- {}: {}\n").format(item, kk(text)),
        Md("> {} ({})\n").format(kk(text), role("ref", "s001", "S001")),
        Md("{}\n: {}\n").format(item, text),
    ):
        tree = doctree(markdown)
        for span in data_spans(tree):
            assert span.astext() in (fold(item), fold(text))
            assert all(isinstance(n, nodes.Text) for n in span.findall(include_self=False))
        assert not list(tree.findall(nodes.reference)) and not list(tree.findall(nodes.raw))


