"""The theme's stylesheets, cut to what the edition uses: a reader on a phone
waits for every stylesheet before the first paint, and the theme's own is
397 kB, most of it Bootstrap rules no page of the book uses.

After the HTML build, each stylesheet of the edition's ``_static`` loses the
rules whose selectors name a class, id or element found nowhere in the
edition: not in any page, and not in any script (which may add a class at run
time: dropdowns, the search, the colour mode). A selector is judged by its
names alone, as PurgeCSS judges one: kept when every class, id and element it
names occurs somewhere as a word, so a rule is dropped only when it cannot
apply. At-rules keep their order; ``@media`` and ``@supports`` blocks are cut
the same way, and go when nothing is left in them.
"""

from __future__ import annotations

import re
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9_-]+")
NAMES = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
ELEMENTS = re.compile(r"(?:^|[\s>+~(,])([a-z][a-z0-9]*)")
PSEUDO = re.compile(r"::?[\w-]+(\([^()]*\))?")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
NESTED = ("media", "supports", "layer", "container")


def words(site: Path) -> set[str]:
    """Every word of every page and script of the site: the names a selector may use."""
    found: set[str] = set()
    for path in [*site.rglob("*.html"), *site.rglob("*.js")]:
        found |= set(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def selector_list(text: str) -> list[str]:
    """A rule's selectors: its prelude split at the commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    return [*parts, text[start:].strip()]


def applies(selector: str, used: set[str]) -> bool:
    bare = ATTRIBUTE.sub("", PSEUDO.sub("", selector))
    return all(name in used for name in NAMES.findall(bare)) and all(tag in used for tag in ELEMENTS.findall(bare))


def cut(rules, used: set[str]) -> str:
    import tinycss2

    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = selector_list(tinycss2.serialize(rule.prelude))
            live = [s for s in selectors if applies(s, used)]
            if live:
                kept.append(",".join(live) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED and rule.content is not None:
            inner = cut(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def cut_stylesheet(path: Path, used: set[str]) -> None:
    import tinycss2

    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True)
    path.write_text(cut(rules, used), encoding="utf-8")


# The book's own stylesheet is small and written for it: it stays whole.
KEPT_WHOLE = ("oicbook.css",)


def cut_unused_rules(app, exception):
    """After a good HTML build: every stylesheet of the edition, cut to the rules that can apply."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    used = words(site)
    for stylesheet in sorted((site / "_static").rglob("*.css")):
        if stylesheet.name not in KEPT_WHOLE:
            cut_stylesheet(stylesheet, used)


def setup(app):
    # after the pages and the downloads are written (priority 500 is the default)
    app.connect("build-finished", cut_unused_rules, priority=900)
