"""Check, before the book is published, that its address is the one
CITATION.cff gives (the one place it is set): ``python -m tools.public_url
SITE_URL REPOSITORY_URL``. The publishing workflow passes the GitHub Pages
site's address and the repository's; a missing or different ``url`` or
``repository-code`` stops it with the two lines to put in CITATION.cff."""

from __future__ import annotations

import sys

from oicbook.report.citation import book_metadata


def problems(site: str, repository: str, book: dict) -> list[str]:
    site = site if site.endswith("/") else site + "/"
    wrong = []
    if book["url"] != site:
        wrong.append(f"CITATION.cff: url is {book['url'] or 'not set'!s}, the site is {site}")
    if book["repository"].rstrip("/") != repository.rstrip("/"):
        wrong.append(f"CITATION.cff: repository-code is {book['repository'] or 'not set'!s}, the repository is {repository}")
    if wrong:
        wrong.append(f'Set them once, in CITATION.cff:\nurl: "{site}"\nrepository-code: "{repository}"')
    return wrong


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tools.public_url SITE_URL REPOSITORY_URL", file=sys.stderr)
        return 2
    wrong = problems(argv[0], argv[1], book_metadata())
    for line in wrong:
        print(line, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
