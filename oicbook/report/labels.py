"""The words code puts on a page, kept in ``locale/<lang>.yml`` for translation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .numbers import language

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@lru_cache(maxsize=None)
def _table(lang: str) -> dict:
    with open(LOCALE_DIR / f"{lang}.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def _node(key: str, lang: str):
    node = _table(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"no label '{key}' in locale/{lang}.yml")
        node = node[part]
    return node


def t(key: str, lang: str | None = None, **values) -> str:
    """The label at dotted ``key`` (``"verdict.close"``), formatted with ``values``."""
    node = _node(key, lang or language())
    return node.format(**values) if values else node


def t_form(key: str, category: str, **values) -> str:
    """The form at ``key.<category>`` for a CLDR plural or ordinal category
    (``numbers.plural_form``, ``numbers.ordinal_form``), or at ``key.other``
    where the language's file gives that category no form of its own: CLDR's
    ``other`` takes every number the language's other categories do not."""
    forms = _node(key, language())
    return t(f"{key}.{category if category in forms else 'other'}", **values)
