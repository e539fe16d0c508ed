"""The Kazakh edition's prose catalogues: complete, current, and faithful to
the English in everything that is not words (roles, glue, links, emphasis)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locales").glob("*/LC_MESSAGES/**/*.po"))
PAGES = {p.stem for p in (ROOT / "chapters").glob("*.md")}

# {role}`content`: the glue, references, citations and terms a message carries.
ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
# A titled reference keeps its target and may translate its title: `title <target>`.
TITLED = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def roles(text: str) -> Counter:
    found = Counter()
    for name, content in ROLE.findall(text):
        titled = TITLED.match(content) if name in {"ref", "doc", "numref", "term"} else None
        found[(name, titled.group(2) if titled else content)] += 1
    return found


def messages(path: Path):
    with open(path, "rb") as f:
        catalogue = read_po(f)
    return [m for m in catalogue if m.id]


def where(path: Path, message) -> str:
    return f"{path.relative_to(ROOT)}: msgid {message.id[:90]!r}"


def test_every_page_has_a_kazakh_catalogue():
    kazakh = {p.stem for p in CATALOGUES if p.parts[-4] == "kk"}
    assert PAGES <= kazakh, sorted(PAGES - kazakh)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT / "locales")))
def test_no_message_is_untranslated_or_fuzzy(path):
    bad = [f"{where(path, m)} is {'fuzzy' if m.fuzzy else 'untranslated'}" for m in messages(path) if m.fuzzy or not m.string]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT / "locales")))
def test_each_translation_keeps_its_source_s_roles_glue_and_links(path):
    bad = []
    for m in messages(path):
        if not m.string:
            continue
        if roles(m.id) != roles(m.string):
            bad.append(f"{where(path, m)}: roles {sorted((roles(m.id) - roles(m.string)).elements())} lost, "
                       f"{sorted((roles(m.string) - roles(m.id)).elements())} added")
        if Counter(LINK.findall(m.id)) != Counter(LINK.findall(m.string)):
            bad.append(f"{where(path, m)}: links differ")
        if m.id.count("**") != m.string.count("**"):
            bad.append(f"{where(path, m)}: bold differs")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT / "locales")))
def test_no_translation_types_a_figure_its_source_leaves_to_glue(path):
    bad = []
    for m in messages(path):
        source_digits = Counter(re.findall(r"\d+", ROLE.sub("", m.id)))
        translated_digits = Counter(re.findall(r"\d+", ROLE.sub("", m.string)))
        if translated_digits - source_digits:
            bad.append(f"{where(path, m)}: numbers {sorted((translated_digits - source_digits).elements())} are not in the English")
    assert not bad, "\n".join(bad)


def test_the_role_check_catches_a_dropped_glue_and_allows_a_translated_title():
    assert roles("{glue:text}`n` of {ref}`the ledger <ledger>`") == roles("{ref}`тізілім <ledger>` {glue:text}`n`")
    assert roles("{glue:text}`n` and {glue:text}`m`") != roles("{glue:text}`n`")
