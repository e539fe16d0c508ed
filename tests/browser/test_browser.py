"""The built book in a real browser: Debian's headless Chromium, driven by
Playwright (no browser download), with the book served over HTTP from one
local origin. Every page is visited once; the tests read what that visit saw:
console errors, requests leaving the book, failed requests, and axe-core's
accessibility violations."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import shutil
import threading
import zipfile
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from oicbook.core.editions import LANGUAGES, folder
from conftest import REPO, chapter_sources, visible_text

SERIOUS = {"serious", "critical"}
DOWNLOAD_SUFFIXES = (".pdf", ".zip", ".ipynb", ".md", ".csv")


def toc_pages() -> list[str]:
    """The book's pages, from _toc.yml, plus the pages Sphinx adds."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [chapter["file"] for chapter in part["chapters"]]
    return pages + ["genindex", "search"]


# Every page of both editions: "chapters/intro", "kk/chapters/intro", ...
PAGES = [folder(lang) + page for lang in LANGUAGES for page in toc_pages()]
ENGLISH = toc_pages()


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is missing: make test installs it (.ci/install-system-packages)"
    return path


@pytest.fixture(scope="module")
def site(built_book):
    """The built HTML on a local HTTP server: the only origin a page may reach."""
    handler = functools.partial(QuietHandler, directory=str(built_book.html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    fetched: dict[str, int] = field(default_factory=dict)  # url -> bytes, uncompressed


def open_context(browser, site, visit_of, **options):
    """A browser context that lets requests to the book through, aborts and
    records any other, and records failures against the page being visited."""
    context = browser.new_context(**options)

    def route(route):
        if route.request.url.startswith(site):
            route.continue_()
        else:
            visit_of().outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context


@pytest.fixture(scope="module")
def visits(browser, site) -> dict[str, Visit]:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    seen: dict[str, Visit] = {}
    current = {"visit": Visit()}
    context = open_context(browser, site, lambda: current["visit"])
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and current["visit"].console_errors.append(m.text))
    page.on("pageerror", lambda e: current["visit"].console_errors.append(str(e)))
    page.on("requestfailed", lambda r: r.url.startswith(site) and current["visit"].failed_requests.append(r.url))
    page.on("response", lambda r: r.status >= 400 and current["visit"].failed_requests.append(f"{r.status} {r.url}"))
    # routing is on, so Playwright keeps no HTTP cache: each page fetches all it needs
    page.on("response", lambda r: r.url.startswith(site) and current["visit"].fetched.setdefault(r.url, int(r.headers.get("content-length", 0))))
    for name in PAGES:
        current["visit"] = seen[name] = Visit()
        page.goto(urljoin(site, f"{name}.html"), wait_until="networkidle")
        # no preload: axe would fetch the stylesheets itself, and resolves the
        # theme's relative @import against the site root (a 404 of its own making)
        seen[name].violations = axe.run(page, options={"resultTypes": ["violations"], "preload": False}).response["violations"]
        seen[name].links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    context.close()
    return seen


def test_every_built_page_is_visited(built_book):
    built = {p.relative_to(built_book.html).with_suffix("").as_posix() for p in built_book.html.rglob("*.html") if "_static" not in p.parts}
    # the site's root offers both editions; the Kazakh edition's root only redirects to its first page
    redirects = {"index", *(folder(lang) + "index" for lang in LANGUAGES if folder(lang))}
    assert built - redirects == set(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors(visits, name):
    assert visits[name].failed_requests == []
    assert visits[name].console_errors == []


PAGE_BUDGET = 1_000_000  # bytes a page may fetch, itself included, uncompressed
# A Kazakh page and its edition's search index say the same in Cyrillic, two
# bytes a letter in UTF-8: the economy chapter, the widest, fetches 1,135,204 bytes (13.5 % over the English budget).
PAGE_BUDGET_KAZAKH = 1_150_000


@pytest.mark.parametrize("name", PAGES)
def test_page_weighs_at_most_its_budget(visits, name):
    budget = PAGE_BUDGET_KAZAKH if name.startswith(folder("kk")) else PAGE_BUDGET
    fetched = visits[name].fetched
    assert fetched and all(size > 0 for size in fetched.values()), fetched
    heaviest = sorted(fetched.items(), key=lambda item: -item[1])[:3]
    assert sum(fetched.values()) <= budget, (sum(fetched.values()), heaviest)
    assert not any("fontawesome" in url for url in fetched), heaviest


@pytest.mark.parametrize("name", PAGES)
def test_page_makes_no_request_outside_the_book(visits, name):
    assert visits[name].outside_requests == []


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_or_critical_violation(visits, name):
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in visits[name].violations if v["impact"] in SERIOUS]
    assert serious == []


def test_the_accessibility_check_can_fail(browser, site):
    """axe-core, run the same way, reports a critical violation on an image without alt text."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()
    page = context.new_page()
    page.goto(urljoin(site, "search.html"), wait_until="networkidle")
    page.evaluate("() => { const i = document.createElement('img'); i.src = '_static/file.png'; document.querySelector('main').append(i); }")
    violations = Axe().run(page, options={"resultTypes": ["violations"], "preload": False}).response["violations"]
    context.close()
    assert ("image-alt", "critical") in {(v["id"], v["impact"]) for v in violations}


def test_the_offline_check_can_fail(browser, site):
    """The same context, on a page that asks for a CDN script, records it."""
    visit = Visit()
    context = open_context(browser, site, lambda: visit)
    page = context.new_page()
    page.goto(urljoin(site, "search.html"), wait_until="networkidle")
    page.evaluate("() => new Promise(done => { const s = document.createElement('script');"
                  " s.src = 'https://cdn.example.org/x.js'; s.onerror = done; s.onload = done; document.head.append(s); })")
    context.close()
    assert visit.outside_requests == ["https://cdn.example.org/x.js"]


def search(browser, site, query: str, lang: str = "en") -> list[str]:
    """The pages an edition's own search lists for a query, as the reader sees them."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(urljoin(site, folder(lang) + "search.html") + "?q=" + query)
    page.wait_for_function("() => { const s = document.querySelector('#search-results .search-summary');"
                           " return s && s.textContent.trim().length > 0; }", timeout=30_000)
    hrefs = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))")
    context.close()
    return sorted({folder(lang) + urlparse(h).path.removesuffix(".html") for h in hrefs})


def pages_containing(built_book, word: str, lang: str = "en") -> set[str]:
    found = set()
    for page in ENGLISH:
        name = folder(lang) + page
        text = visible_text((built_book.html / f"{name}.html").read_text(encoding="utf-8"))
        if word.casefold() in text.casefold() and page not in {"genindex", "search"}:
            found.add(name)
    return found


# a place as each edition writes it, and a name as the article writes it
@pytest.mark.parametrize("lang, word", [("en", "Djibouti"), ("kk", "Джибути"), ("en", "Саудабаев"), ("kk", "Саудабаев")])
def test_each_edition_s_search_finds_the_word_in_that_edition(browser, site, built_book, word, lang):
    results = search(browser, site, word, lang)
    assert results, f"the {lang} search finds no page for {word}"
    assert set(results) <= pages_containing(built_book, word, lang)


def test_search_finds_a_sentence_by_its_english(browser, site, built_book):
    # a word of the book's translation that no page but the source text shows
    import re

    from conftest import rows

    words = [w for r in rows("translations.csv") for w in re.findall(r"[A-Za-z]{9,}", r["english"])]
    only_there = next(w for w in words if pages_containing(built_book, w) == {"chapters/source_text"})
    assert "chapters/source_text" in search(browser, site, only_there), only_there


def test_search_folds_the_latin_schwa_into_the_kazakh_letter(browser, site, built_book):
    cyrillic, latin = "әлемдік", "əлемдік"  # U+04D9 and U+0259
    index = (built_book.html / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    assert cyrillic in terms and latin not in terms  # only the query's folding can make the Latin form match
    found = search(browser, site, cyrillic)
    assert found and search(browser, site, latin) == found


def download_links(visits) -> set[str]:
    return {link.split("#")[0] for visit in visits.values() for link in visit.links if urlparse(link).path.endswith(DOWNLOAD_SUFFIXES)}


def test_every_download_link_resolves(browser, visits, site):
    links = download_links(visits)
    kinds = {urlparse(link).path.rsplit(".", 1)[1] for link in links}
    assert kinds == {"pdf", "zip", "ipynb", "md", "csv"}
    context = browser.new_context()
    for link in sorted(links):
        assert link.startswith(site), link
        response = context.request.get(link)
        assert response.status == 200, link
        body = response.body()
        kind = urlparse(link).path.rsplit(".", 1)[1]
        if kind == "pdf":
            assert body.startswith(b"%PDF-"), link
        elif kind == "zip":
            assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None, link
        elif kind == "ipynb":
            assert json.loads(body)["nbformat"] == 4, link
        elif kind == "csv":
            assert len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) >= 2, link
        else:
            assert body.decode("utf-8").startswith("---\njupytext:"), link
    context.close()


@pytest.mark.parametrize("name", [p for p in PAGES if "chapters/" in p])
def test_each_chapter_offers_its_notebook_and_source(visits, site, name):
    links = {link.split("#")[0] for link in visits[name].links}
    edition, page = name.split("chapters/", 1)
    assert urljoin(site, f"{edition}_sources/chapters/{page}.ipynb") in links
    assert urljoin(site, f"{edition}_sources/chapters/{page}.md") in links


def test_figures_stay_opaque_in_dark_mode(browser, site):
    """With the reader's system in dark mode, the theme turns dark and each
    figure keeps its own light background (the theme dims images a little), so
    its dark ink stays legible instead of vanishing into the dark page."""
    import re

    from PIL import Image

    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    checked = 0
    for name in [p for p in PAGES if p.startswith("chapters/")]:
        page.goto(urljoin(site, f"{name}.html"), wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert max(int(v) for v in re.findall(r"\d+", background)[:3]) < 60, background
        for image in page.query_selector_all("figure img"):
            image.scroll_into_view_if_needed()
            shot = Image.open(io.BytesIO(image.screenshot())).convert("RGB")
            corners = [shot.getpixel((x, y)) for x in (2, shot.width - 3) for y in (2, shot.height - 3)]
            assert all(min(c) >= 200 for c in corners), (name, corners)
            checked += 1
    context.close()
    assert checked >= sum(source.count("```{glue:figure}") for source in chapter_sources().values())
