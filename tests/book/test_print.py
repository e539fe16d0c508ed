"""The PDFs as a print edition: where every glyph falls on every page of both
editions, measured with pdfplumber, and the LaTeX logs' overfull lines.

The text block is Sphinx's (one inch each side on A4); the running footer is
the one line below it that every page shares. A page within a chapter that is
mostly empty is a page a table or figure left behind.
"""

import collections
import re

import pdfplumber
import pytest

from oicbook.core.editions import LANGUAGES

INCH = 72.0
TOLERANCE = 1.5  # points a glyph's box may pass the block's edge (italic overhang)
MAX_NEAR_EMPTY = 2
MAX_OVERFULL = 5
OVERFULL_LIMIT = 10.0  # points
NEAR_EMPTY = 0.25  # a page filled to less than this share of the block's height
CAPTION = re.compile(r"^(Fig\.|Сурет) ?\d+:")  # a figure's caption, as each edition numbers it
ALONE = 8  # lines of text: a page with a figure and no more than this holds the figure alone


def measure(pdf_path):
    """Glyphs past the side margins, off the page or in the footer zone (below
    the block, off the footer's line), footer glyphs that overlap, pages
    within a chapter filled to less than a quarter, and pages that hold a
    figure with almost no text beside it."""
    found = collections.defaultdict(list)
    with pdfplumber.open(pdf_path) as pdf:
        width, height = float(pdf.pages[0].width), float(pdf.pages[0].height)
        left, right, top, bottom = INCH, width - INCH, INCH, height - INCH
        below = collections.Counter(round(c["bottom"]) for p in pdf.pages for c in p.chars if c["top"] > bottom + TOLERANCE)
        footer_line = below.most_common(1)[0][0]
        footers, fill = [], []
        for number, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if c["text"].strip()]
            footer = sorted((c for c in chars if c["top"] > bottom + TOLERANCE and abs(round(c["bottom"]) - footer_line) <= TOLERANCE), key=lambda c: c["x0"])
            for c in chars:
                if c["x0"] < left - TOLERANCE or c["x1"] > right + TOLERANCE:
                    found["past the side margins"].append(number)
                if c["x0"] < 0 or c["x1"] > width or c["top"] < 0 or c["bottom"] > height:
                    found["off the page"].append(number)
                if c["top"] > bottom + TOLERANCE and c not in footer:
                    found["in the footer zone"].append(number)
            found["footer collisions"] += [number for a, b in zip(footer, footer[1:]) if b["x0"] < a["x1"] - 0.5]
            # the footer's words before the page number name the chapter
            footers.append(re.sub(r"\s*\d+$", "", "".join(c["text"] for c in footer)))
            body = [c for c in chars if top - 30 <= c["top"] <= bottom + TOLERANCE]
            lines = collections.defaultdict(list)
            for c in sorted(body, key=lambda c: c["x0"]):
                lines[round(c["top"])].append(c["text"])
            if any(CAPTION.match("".join(t)) for t in lines.values()) and len(lines) <= ALONE:
                found["a figure alone"].append(number)
            fill.append((max((c["bottom"] for c in body), default=top) - top) / (bottom - top))
        for i in range(1, len(fill) - 1):
            within_chapter = footers[i - 1] == footers[i] == footers[i + 1]
            if within_chapter and fill[i] < NEAR_EMPTY:
                found["near-empty pages"].append(i + 1)
    return found


def overfull(log):
    return [float(w) for w in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log) if float(w) > OVERFULL_LIMIT]


@pytest.fixture(scope="module")
def measured(built_book):
    return {lang: measure(built_book.edition_pdf(lang)) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_glyph_leaves_the_text_block(measured, lang):
    found = measured[lang]
    for fault in ("past the side margins", "off the page", "in the footer zone", "footer collisions"):
        assert not found[fault], f"{lang}: {fault} on pages {sorted(set(found[fault]))}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_few_near_empty_pages_and_overfull_lines(built_book, measured, lang):
    assert len(measured[lang]["near-empty pages"]) <= MAX_NEAR_EMPTY, measured[lang]["near-empty pages"]
    assert not measured[lang]["a figure alone"], measured[lang]["a figure alone"]
    log = built_book.edition_pdf(lang).with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert len(overfull(log)) <= MAX_OVERFULL, overfull(log)


def test_the_measure_finds_a_glyph_past_the_margin(tmp_path):
    """A PDF with a line run into the margin, as an unbreakable identifier would, fails the measure."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    import matplotlib.pyplot as plt

    path = tmp_path / "bad.pdf"
    with PdfPages(path) as pdf:
        for _ in range(3):
            fig = plt.figure(figsize=(595.28 / 72, 841.89 / 72))
            fig.text(72 / 595.28, 0.5, "x" * 120, fontsize=10)  # from the left margin far past the right one
            fig.text(0.5, 40 / 841.89, "footer", fontsize=8)
            pdf.savefig(fig)
            plt.close(fig)
    found = measure(path)
    assert found["past the side margins"]


def test_the_longest_tables_read_complete_in_print(built_book):
    """Every row of the organs table, the ledger's credit table and the source text's rules and compounds is in each PDF."""
    import subprocess

    from conftest import rows
    from oicbook.core.text import NORMALISATION_RULES

    letters = lambda text: re.sub(r"[\s\-\u00ad]", "", text)  # line breaks and the hyphens they add
    for lang in LANGUAGES:
        text = letters(subprocess.run(["pdftotext", str(built_book.edition_pdf(lang)), "-"], capture_output=True, text=True, check=True).stdout)
        for body in rows("oic_bodies.csv"):
            assert letters(body["name"]) in text, (lang, body["name"])
        for credit in rows("credit_claims.csv"):
            assert letters(credit["words"]) in text, (lang, credit["id"])
        # a narrow column clips its longest word: the rules' names and the glued compounds read whole
        for rule in {name for name, *_ in NORMALISATION_RULES}:
            assert letters(rule) in text, (lang, rule)
        for compound in rows("normalisation_compounds.csv"):
            assert letters(compound["written"]) in text, (lang, compound["written"])


def test_arabic_in_a_data_cell_is_set_in_both_pdfs(built_book):
    """The Organisation's Arabic name, in a glossary note, in Amiri, right to left, in both editions."""
    import subprocess

    from conftest import rows
    from oicbook.sphinx.pdf import ARABIC_FONT, ARABIC_RUN

    arabic = next(m.group() for r in rows("glossary.csv") for m in [ARABIC_RUN.search(r["note"])] if m)
    for lang in LANGUAGES:
        pdf = str(built_book.edition_pdf(lang))
        assert ARABIC_FONT in subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout, lang
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        assert arabic in re.sub("[\u200e\u200f\u202a-\u202e]", "", text), lang
        assert arabic in (built_book.edition_html(lang) / "chapters" / "glossary.html").read_text(encoding="utf-8"), lang


def test_what_print_leaves_out_is_online_and_no_print_link_points_to_it(built_book):
    """The ledger's numerals that state no claim and its claims' entries are on its page and not in the PDF,
    and the words that linked to them stay in print as text, with no dangling target."""
    import subprocess

    from conftest import rows
    from oicbook.core.editions import pdf_name
    from oicbook.sphinx.pdf import ONLINE_ONLY

    numeral = rows("numeral_exclusions.csv")[0]
    judged = next(c for c in rows("claims.csv") if c["judgement"] == "unverifiable")  # its reason stands in its entry alone
    for lang in LANGUAGES:
        page = (built_book.edition_html(lang) / "chapters" / "ledger.html").read_text(encoding="utf-8")
        assert numeral["reason"] in page and f'id="{ONLINE_ONLY}' in page, lang
        text = " ".join(subprocess.run(["pdftotext", str(built_book.edition_pdf(lang)), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert numeral["reason"] not in text, lang
        # the claims' entries, one by one, are online only too
        assert f'id="{judged["id"].lower()}"' in page and " ".join(judged["judgement_reason"].split()) not in text, lang
        tex = (built_book.root / "_build" / "latex" / pdf_name(lang).replace(".pdf", ".tex")).read_text(encoding="utf-8")
        assert ONLINE_ONLY not in tex, lang
