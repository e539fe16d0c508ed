"""``make audit``: Lighthouse (desktop preset) and the Nu HTML checker on the
built book, ``_build/html``. Prints the four Lighthouse category scores per
page, the audits that kept a score below 100, and the Nu checker's errors by
message. It prints; it does not fail a build (the page budget and the console
errors are the tests' to enforce)."""

from __future__ import annotations

import collections
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from oicbook.core import paths

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
NODE_PACKAGES = Path(__file__).resolve().parent / "audit" / "node_modules"
LIGHTHOUSE = NODE_PACKAGES / "lighthouse" / "cli" / "index.js"
VNU = NODE_PACKAGES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
# as this machine's Chromium must start: no sandbox as root, and no calls home on a closed network
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def content_pages(html: Path) -> list[str]:
    """Every page Sphinx wrote for a document, then the index and the search page."""
    return sorted(p.relative_to(html).as_posix() for p in (html / "chapters").glob("*.html")) + ["genindex.html", "search.html"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(html: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(url: str) -> dict:
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--preset=desktop", "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"audit: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def shortfalls(report: dict) -> list[str]:
    """The audits that cost a category points, by title."""
    audits = report["audits"]
    found = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{name}: {audit['title']} ({audit.get('displayValue', audit['score'])})")
    return found


def nu_errors(html: Path, pages: list[str]) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *(str(html / p) for p in pages)],
                            capture_output=True, text=True, timeout=600)
    return [m for m in json.loads(result.stderr or "{}").get("messages", []) if m.get("type") == "error"]


def main() -> int:
    html = paths.book_root() / "_build" / "html"
    for needed, how in ((html / "index.html", "make book"), (LIGHTHOUSE, "make audit (npm ci in tools/audit)"), (VNU, "make audit")):
        if not needed.exists():
            print(f"audit: {needed} is missing; run {how} first", file=sys.stderr)
            return 1
    pages = content_pages(html)
    server, base = serve(html)
    try:
        print(f"Lighthouse {json.loads((NODE_PACKAGES / 'lighthouse' / 'package.json').read_text())['version']}, desktop preset, {CHROMIUM}")
        print(f"{'page':<34}" + "".join(f"{c:>16}" for c in CATEGORIES))
        notes = {}
        for page in pages:
            report = lighthouse(base + page)
            scores = [round(100 * report["categories"][c]["score"]) for c in CATEGORIES]
            print(f"{page:<34}" + "".join(f"{s:>16}" for s in scores), flush=True)
            notes[page] = shortfalls(report)
    finally:
        server.shutdown()
    for page, found in notes.items():
        for line in found:
            print(f"  {page}: {line}")
    errors = nu_errors(html, ["index.html", *pages])
    print(f"\nNu HTML checker: {len(errors)} errors on {len(pages) + 1} pages")
    by_message = collections.Counter(m["message"] for m in errors)
    for message, count in by_message.most_common():
        where = sorted({Path(m["url"]).name for m in errors if m["message"] == message})
        print(f"  {count:>4} × {message} ({', '.join(where[:4])}{' …' if len(where) > 4 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
