"""Generated prose reads as English: every page's running text (paragraphs and
list items outside tables, quotes, figures and the bibliography) is scanned for
the defects that sentences built from data tend to have."""

import re

from bs4 import BeautifulSoup


CHECKS = {
    "doubled word": re.compile(r"\b([^\W\d_]+) \1\b", re.IGNORECASE),
    "template field": re.compile(r"\{[a-z_]+\}|\{glue"),
    "one with a plural": re.compile(r"\b1 (years|days|places|months|claims|events|sentences)\b"),
    "ISO date": re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b"),
}
NOT_RUNNING_TEXT = ["table", "dl", "figure", "figcaption", "blockquote", "pre", "nav"]


def running_text(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup
    out = []
    for element in article.find_all(["p", "li"]):
        if element.find_parent(NOT_RUNNING_TEXT) or element.find_parent(class_=["oicbook-parallel", "citation", "bibliography"]):
            continue
        out.append(" ".join(element.get_text(" ").split()))
    return out


def test_running_text_has_no_generated_prose_defects(built_book):
    found = []
    for page in sorted((built_book.html / "chapters").glob("*.html")):
        if page.stem in ("bibliography", "data"):  # references and the data package's own descriptions, shown as written
            continue
        for text in running_text(page.read_text(encoding="utf-8")):
            found += [(page.name, name, m.group(0), text[:120]) for name, pattern in CHECKS.items() for m in pattern.finditer(text)]
    assert not found, found


def test_the_scan_finds_each_defect():
    # each check fires on the defect it names, and not on clean text
    bad = "<article><p>in the The ledger; {value}; 1 years; on 2011-06-28.</p></article>"
    text = running_text(bad)[0]
    assert all(pattern.search(text) for pattern in CHECKS.values())
    clean = running_text("<article><p>The article dates the 38th Council as the record does (inconsistent elsewhere), on 28 June 2011.</p></article>")[0]
    assert not any(pattern.search(clean) for pattern in CHECKS.values())
