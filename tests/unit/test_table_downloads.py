"""A table's download for a spreadsheet: figures as numbers with their unit in
the heading, verdicts in a column of their own, text as the page shows it."""

import json

from oicbook.report.display import amount, judged, percent
from oicbook.report.quantities import column_spec, table_specs
from oicbook.sphinx.downloads import glued_tables, spreadsheet_rows


def test_a_column_says_what_it_holds():
    assert column_spec(["a", "b"]) == {"kind": "text"}
    assert column_spec([percent(7.18355), "—", percent(10.6)]) == {"kind": "number", "unit": "percent", "values": [7.18355, None, 10.6]}
    mixed = column_spec([judged(amount(1.5e12), "close"), judged(amount(3.8e12, "intl_dollar"), "inconsistent")])
    assert mixed == {"kind": "judged", "values": [1.5e12, 3.8e12], "units": ["USD", "intl_dollar"], "verdicts": ["close", "inconsistent"]}
    assert column_spec([percent(1.0), "about a third"]) == {"kind": "text"}  # a figure among words stays words


def test_the_spreadsheet_gets_numbers_units_and_verdicts_apart():
    cells = {"Measure": ["PPP", "US$"], "2009": [judged(amount(7.43e12, "intl_dollar"), "close"), judged(amount(4.11e12), "inconsistent")],
             "Share": [percent(10.6516), percent(7.1842)]}
    shown = [list(cells), *([str(c[i]) for c in cells.values()] for i in range(2))]
    rows = spreadsheet_rows(shown, json.loads(table_specs(cells)))
    assert rows[0] == ["Measure", "2009: value", "2009: unit", "2009: verdict", "Share (%)"]
    assert rows[1] == ["PPP", "7430000000000", "international dollars", "close", "10.6516"]
    assert rows[2] == ["US$", "4110000000000", "USD", "inconsistent", "7.1842"]


def test_a_page_source_names_the_glued_table_of_each_table_directive():
    source = ":::{table} A caption\n:name: tbl-gdp\n:widths: 30 70\n\n```{glue:md} gdp_table\n:format: myst\n```\n:::\n\n" \
             "::::{table} Another\n:name: tbl-oil\n\n{glue:md}`oil_table:myst`\n::::\n\n:::{table} Unglued\n:name: tbl-x\n\n| a |\n|---|\n| 1 |\n:::\n"
    assert glued_tables(source) == {"tbl-gdp": "gdp_table", "tbl-oil": "oil_table"}
