"""Data text is shown literally: ``oicbook.report.markup`` parsed by MyST itself.

Every case parses the Markdown that ``markup`` writes with MyST's own docutils
parser, set up with the book's extensions, and checks the document tree: data
text comes out as text, exactly (white space folded), and nothing else comes
out of it: no role, link, image, emphasis, raw HTML, footnote, target or extra
table column.
"""

from __future__ import annotations

import pytest
from docutils import nodes

from mystparse import data_spans, doctree
from oicbook.report import markup
from oicbook.report.markup import Md, code_block, fold, kk, literal, role, table

def test_kazakh_span_is_marked_and_literal():
    tree = doctree(kk("Саудабаев `{ref}` *ә* | [x](y)"))
    (span,) = data_spans(tree)
    assert span["classes"] == [markup.KAZAKH_CLASS, markup.DATA_CLASS]
    assert span.astext() == "Саудабаев `{ref}` *ә* | [x](y)"


def test_whitespace_folds_and_control_characters_are_replaced():
    assert fold("a\n\tb\r\n c") == "a b c"
    assert fold("a\x00b\x1bc") == "a\ufffdb\ufffdc"
    assert literal("") == "" and literal(None) == "" and kk(float("nan")) == ""


def test_md_format_escapes_everything_but_md_and_numbers():
    made = Md("{} {} {:.1f} {}").format("*x*", Md("*y*"), 2.25, 3)
    assert made == "[\\*x\\*]{.oicbook-data} *y* 2.2 3"
    assert isinstance(made, Md)
    assert Md(", ").join(["a_b", Md("_c_")]) == "[a\\_b]{.oicbook-data}, _c_"
    assert isinstance(Md("a") + "`b`", Md) and (Md("a") + "`b`") == "a[\\`b\\`]{.oicbook-data}"


@pytest.mark.parametrize("bad", ["s001`", "s 001", "x<y>", "a\nb", "", "{ref}"])
def test_role_refuses_what_could_close_it(bad):
    with pytest.raises(ValueError):
        role("ref", bad)
    with pytest.raises(ValueError):
        role(bad or "x y", "s001")


def test_role_label_may_hold_words_but_not_delimiters():
    assert role("ref", "c001", "= consistent") == "{ref}`= consistent <c001>`"
    for bad in ("a`b", "a <b>", " lead", "trail "):
        with pytest.raises(ValueError):
            role("ref", "c001", bad)


@pytest.mark.parametrize("text", ["@book{x,\n  title = {```}\n}", "````", "plain"])
def test_code_block_cannot_be_closed_by_its_text(text):
    tree = doctree(code_block(text, "bibtex"))
    (block,) = tree.findall(nodes.literal_block)
    assert block.astext() == text
    assert len(tree.children) == 1


def test_table_refuses_a_line_break_in_markup_and_ragged_columns():
    with pytest.raises(ValueError):
        table({"A": [Md("a\nb")]})
    with pytest.raises(ValueError):
        table({"A": [1, 2], "B": [1]})


def test_numeric_columns_are_right_aligned():
    tree = doctree(table({"n": [1, 2.5], "s": ["1,234.50", "2"], "t": ["1", "x"], "m": [Md("1"), 2]}))
    header = list(next(iter(tree.findall(nodes.row))).findall(nodes.entry))
    assert [("text-right" in e["classes"]) for e in header] == [True, True, False, False]


@pytest.mark.parametrize(
    "cell, shown",
    [("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("-5", "-5"), ("+1.5", "+1.5"), ("-1,234.5", "-1,234.5"), ("2011", "2011"), ("a=b", "a=b"), ("", "")],
)
def test_csv_cells_that_a_spreadsheet_reads_as_formulas_are_neutralised(cell, shown):
    from oicbook.sphinx.archive import spreadsheet_safe, table_csv

    assert spreadsheet_safe(cell) == shown
    written = table_csv([[cell]])
    assert written.startswith("\ufeff")  # UTF-8's byte-order mark, which spreadsheets read as the file's encoding
    assert written[1:].rstrip("\r\n").strip('"') == shown
