"""Hostile text: strings a data file might hold that markup would act on.

``{outside}`` stands for the path of a file outside the book, and
``{relative}`` for the same file named from the chapters' folder; the build
test fills both in with a file of its own, and asserts that nothing of it
reaches the published site.
"""

from __future__ import annotations

HOSTILE_TEMPLATES = [
    # MyST roles and directives, some naming a file outside the book
    "{download}`x <{outside}>`",
    "{download}`y <{relative}>`",
    "{ref}`a link <intro>` and {cite:p}`karymsakov_source`",
    "{eval-rst}`:download:`{outside}``",
    "```{literalinclude} {outside}\n```",
    "```{image} {outside}\n```",
    ":::{note}\nA note from data\n:::",
    "(fake-target)=",
    "% a MyST comment",
    # Markdown links, images, emphasis, footnotes, headings, lists
    "[click](javascript:alert(1))",
    "[file](file://{outside})",
    "![img]({outside})",
    "![rel]({relative})",
    "<http://example.org/autolink>",
    "*emphasis* **strong** _under_ ~~strike~~",
    "[^1] and [^1]: a footnote",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    # table delimiters and code
    "a | b | c",
    "\\| escaped pipe \\\\| and backslashes \\",
    "`code` and ``double `code` ``",
    # math and LaTeX
    "$x^2$ and $$\\frac{a}{b}$$",
    "\\textbf{bold} \\input{/etc/passwd} \\def\\x{y} { } # & % ~ ^ _",
    # HTML tags and entities (the loader's own check is switched off for these)
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt;b&gt; &#60;i&#62; &nbsp;",
    # spreadsheet formulas
    "=HYPERLINK(\"http://example.org\",\"x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    # direction and width
    "\u202eright-to-left override\u202c and \u2067isolate\u2069",
    "zero\u200bwidth\u200djoiner\u2060",
    # Kazakh with markup, and a very long string
    "Қазақстан *ИЫҰ* [төраға](x) `ә`",
    "long " * 200,
]


def hostile(outside: str, relative: str) -> list[str]:
    return [h.replace("{outside}", outside).replace("{relative}", relative) for h in HOSTILE_TEMPLATES]


HOSTILE = hostile("/etc/hostname", "../../../../etc/hostname")
