"""``make audit``: Lighthouse and the Nu HTML checker on the built book, as
readers get it. Prints the four Lighthouse category scores per page, for both
editions, on the mobile and the desktop presets, the audits that kept a score
below 100, and the Nu checker's errors by message. It prints; it does not fail
a build (the page budget and the console errors are the tests' to enforce).

What is audited is what the site will serve: the book is rebuilt in a copy
with its address set (CITATION.cff's ``url``, or, while the book has none, the
local server's own), so that canonical links and ``hreflang`` are absolute as
on the published site; and it is served compressed, as GitHub Pages serves it.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

from oicbook.core import editions, paths

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")
NODE_PACKAGES = Path(__file__).resolve().parent / "audit" / "node_modules"
LIGHTHOUSE = NODE_PACKAGES / "lighthouse" / "cli" / "index.js"
VNU = NODE_PACKAGES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
# as this machine's Chromium must start: no sandbox as root, and no calls home on a closed network
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
# What GitHub Pages compresses: text, not images or fonts already compressed.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def content_pages(html: Path) -> list[str]:
    """Every page Sphinx wrote for a document in each edition, then each edition's index and search page."""
    pages = []
    for lang in editions.LANGUAGES:
        folder = html / editions.folder(lang)
        pages += [f"{editions.folder(lang)}{p.relative_to(folder).as_posix()}" for p in sorted((folder / "chapters").glob("*.html"))]
        pages += [f"{editions.folder(lang)}{name}" for name in ("genindex.html", "search.html")]
    return pages


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed to a client that accepts it, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(COMPRESSED_TYPES):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(html: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(CompressingHandler, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def addressed_build(root: Path, work: Path, local: str) -> tuple[Path, str]:
    """The book rebuilt in a copy (with the build's caches) with its address
    set: CITATION.cff's own, else ``local``. Returns the site and its address."""
    copy = work / "book"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "html", "latex", "*.pdf"))
    cff_path = copy / "CITATION.cff"
    text = cff_path.read_text(encoding="utf-8")
    address = yaml.safe_load(text).get("url")
    if not address:
        address = local
        cff_path.write_text(text.replace("\ndate-released:", f'\nurl: "{address}"\ndate-released:', 1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "OICBOOK_ROOT"}
    done = subprocess.run([sys.executable, "-m", "tools.build", "html"], cwd=copy, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"audit: the build with an address failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return copy / "_build" / "html", address


def lighthouse(url: str, preset: str) -> dict:
    chosen = ["--preset=desktop"] if preset == "desktop" else []  # Lighthouse's default is the mobile preset
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, *chosen, "--output=json", "--output-path=stdout", "--quiet",
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", help="only these pages (as listed, e.g. chapters/economy.html kk/chapters/economy.html)")
    parser.add_argument("--preset", choices=PRESETS, action="append", help="only this preset (default: both)")
    args = parser.parse_args(argv)
    root = paths.book_root()
    for needed, how in ((root / "_build" / "html" / "index.html", "make book"), (LIGHTHOUSE, "make audit (npm ci in tools/audit)"), (VNU, "make audit")):
        if not needed.exists():
            print(f"audit: {needed} is missing; run {how} first", file=sys.stderr)
            return 1
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="oicbook-audit-") as work:
        html, address = addressed_build(root, Path(work), f"http://127.0.0.1:{port}/")
        pages = args.pages or content_pages(html)
        server = serve(html, port)
        notes = {}
        try:
            version = json.loads((NODE_PACKAGES / "lighthouse" / "package.json").read_text())["version"]
            print(f"Lighthouse {version}, {CHROMIUM}; the site built for {address}, served gzip-compressed")
            for preset in args.preset or PRESETS:
                print(f"\n{preset}\n{'page':<34}" + "".join(f"{c:>16}" for c in CATEGORIES))
                for page in pages:
                    report = lighthouse(f"http://127.0.0.1:{port}/{page}", preset)
                    scores = [round(100 * report["categories"][c]["score"]) for c in CATEGORIES]
                    print(f"{page:<34}" + "".join(f"{s:>16}" for s in scores), flush=True)
                    notes[(preset, page)] = shortfalls(report)
        finally:
            server.shutdown()
        for (preset, page), found in notes.items():
            for line in found:
                print(f"  {preset} {page}: {line}")
        errors = nu_errors(html, ["index.html", *pages])
    print(f"\nNu HTML checker: {len(errors)} errors on {len(pages) + 1} pages")
    by_message = collections.Counter(m["message"] for m in errors)
    for message, count in by_message.most_common():
        where = sorted({Path(m["url"]).name for m in errors if m["message"] == message})
        print(f"  {count:>4} × {message} ({', '.join(where[:4])}{' …' if len(where) > 4 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
