"""The two editions: their addresses, their links to each other, their
configuration and the site's root page, computed, never built."""

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from oicbook.core import editions
from oicbook.report import citation
from oicbook.report.labels import t

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("page", ["chapters/intro", "genindex", "chapters/deep/page"])
def test_a_switch_link_leads_from_a_page_to_the_same_page_of_the_other_edition(page):
    from posixpath import dirname, join, normpath

    for here in editions.LANGUAGES:
        for other in editions.LANGUAGES:
            link = editions.from_page(here, page, other)
            landed = normpath(join(dirname(editions.page_path(here, page)), link))
            assert landed == editions.page_path(other, page)


def test_english_keeps_the_site_root_and_every_pdf_is_named_with_its_language():
    assert editions.folder(editions.SOURCE) == ""
    for lang in editions.LANGUAGES:
        assert re.search(rf"-{lang}\.pdf$", editions.pdf_name(lang))
        if lang != editions.SOURCE:
            assert editions.folder(lang) == f"{lang}/"
    with pytest.raises(ValueError, match="'xx'"):
        editions.folder("xx")


def test_the_english_config_names_the_english_pdf():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["latex"]["latex_documents"]["targetname"] == editions.pdf_name("en").replace(".pdf", ".tex")
    assert config["sphinx"]["config"]["language"] == editions.SOURCE


def test_the_english_titles_in_the_locale_file_are_citation_cff_s_and_the_config_s():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert t("edition.title", "en") == cff["title"]
    assert t("edition.abstract", "en") == " ".join(cff["abstract"].split())
    assert t("edition.short_title", "en") == config["title"]


def test_the_kazakh_config_sets_its_language_pdf_captions_and_latex_language(tmp_path):
    import shutil

    from tools.build import edition_config

    for name in ("_config.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    config = yaml.safe_load(edition_config(tmp_path, "kk").read_text(encoding="utf-8"))
    sphinx = config["sphinx"]["config"]
    assert sphinx["language"] == "kk" and config["title"] == t("edition.short_title", "kk")
    assert config["latex"]["latex_documents"]["targetname"] == editions.pdf_name("kk").replace(".pdf", ".tex")
    assert sphinx["numfig_format"]["table"] == t("latex.numfig.table", "kk") + " %s"
    babel = sphinx["latex_elements"]["babel"]
    assert "\\babelprovide[import,main]{kazakh}" in babel and sphinx["latex_elements"]["polyglossia"] == ""
    assert f"\\setlocalecaption{{kazakh}}{{contents}}{{{t('latex.caption.contents', 'kk')}}}" in babel
    # nothing else of the book's configuration differs
    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert {k for k in english if english[k] != config[k]} == {"title", "latex", "sphinx"}


def test_each_edition_is_cited_at_its_own_address(monkeypatch):
    cff = {"url": "https://owner.github.io/book"}
    monkeypatch.setenv("OICBOOK_LANG", "en")
    assert citation.page_url(cff, "chapters/halal") == "https://owner.github.io/book/chapters/halal.html"
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    assert citation.page_url(cff, "chapters/halal") == "https://owner.github.io/book/kk/chapters/halal.html"
    assert citation.page_url({}, "chapters/halal") == ""


def test_the_kazakh_edition_is_titled_in_kazakh(monkeypatch):
    monkeypatch.setenv("OICBOOK_LANG", "kk")
    assert citation.book_metadata(ROOT)["title"] == t("edition.title", "kk")
    assert re.search("[әіңғүұқөһ]", t("edition.title", "kk"))


def test_the_site_root_offers_every_edition_in_its_own_language():
    from oicbook.sphinx.editions import root_page

    page = BeautifulSoup(root_page("chapters/index", ROOT), "html.parser")
    sections = page.find_all("section")
    assert [s["lang"] for s in sections] == list(editions.LANGUAGES)
    for section in sections:
        lang = section["lang"]
        hrefs = [a["href"] for a in section.find_all("a")]
        assert hrefs == [editions.page_path(lang, "chapters/index"), editions.folder(lang) + editions.pdf_name(lang)]
        assert section.h2.get_text() == (citation.book_metadata(ROOT)["title"] if lang == "en" else t("edition.title", lang))
    assert {l["hreflang"] for l in page.find_all("link", rel="alternate")} == set(editions.LANGUAGES)


def test_the_kazakh_table_of_contents_differs_from_the_english_in_its_captions_alone(tmp_path):
    import shutil

    from tools.build import edition_toc

    shutil.copy(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    english = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    kazakh = yaml.safe_load(edition_toc(tmp_path, "kk").read_text(encoding="utf-8"))
    for en, kk in zip(english["parts"], kazakh["parts"]):
        assert kk["chapters"] == en["chapters"]
        assert kk["caption"] == t(f"toc_caption.{en['caption']}", "kk") != en["caption"]


def test_every_edition_has_cldr_rules_for_its_numbers():
    from oicbook.report import numbers

    assert set(numbers.CLDR_LOCALES) == set(editions.LANGUAGES)
