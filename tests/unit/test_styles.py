"""The stylesheets cut to what the pages use: a rule goes only when a class, an
id or an element it names occurs nowhere in the site; order, at-rules and the
rules still in use stay as written."""

from oicbook.sphinx.styles import applies, cut, selector_list

import tinycss2


def cut_text(css: str, used: set[str]) -> str:
    return cut(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used)


def test_a_selector_applies_only_when_every_name_it_uses_occurs():
    used = {"div", "a", "nav", "show", "bd-sidebar", "main"}
    assert applies(".bd-sidebar a:hover", used) and applies("nav.show > a::before", used)
    assert applies(":root", used) and applies('[data-theme="dark"] .show', used)
    assert not applies(".carousel-item", used) and not applies("table.show", used) and not applies("#nowhere", used)


def test_selector_lists_split_at_top_level_commas_only():
    assert selector_list(".a, .b:is(.c, .d) > e, f") == [".a", ".b:is(.c, .d) > e", "f"]


def test_unused_rules_go_and_the_rest_stay_in_order():
    css = ".x{color:red}.y,.z{margin:0}@media (min-width:1px){.y{top:0}.w{top:1px}}@media print{.w{top:2px}}@font-face{font-family:f;src:url(f.woff)}.z{left:0}"
    out = cut_text(css, {"z"})
    assert out == ".z{margin:0}@font-face{font-family:f;src:url(f.woff)}.z{left:0}"
    assert cut_text(css, {"x", "y", "z", "w"}) == css.replace(".y,.z", ".y,.z")  # nothing used is lost
