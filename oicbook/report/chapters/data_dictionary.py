"""The data dictionary: every resource of the data package, its fields, units
and sources, from ``data/datapackage.json``. All of it is data text, shown literally."""

from __future__ import annotations

from ..labels import t
from ..markup import Md, literal, table, target


def _allowed(field: dict) -> Md:
    rules = field.get("constraints") or {}
    parts = []
    if rules.get("required"):
        parts.append(Md(t("dictionary.required")))
    if rules.get("unique"):
        parts.append(Md(t("dictionary.unique")))
    if "enum" in rules:
        parts.append(Md("{}: {}").format(Md(t("dictionary.one_of")), ", ".join(map(str, rules["enum"]))))
    if "pattern" in rules:
        parts.append(Md("{}: {}").format(Md(t("dictionary.pattern")), rules["pattern"]))
    for bound in ("minimum", "maximum"):
        if bound in rules:
            parts.append(Md("{}: {}").format(Md(t(f"dictionary.{bound}")), rules[bound]))
    return Md("; ").join(parts) if parts else Md("—")


def _sources(resource: dict) -> Md:
    items = [Md("{} ({})").format(s["title"], s["path"]) if s.get("path") and s["path"] not in s["title"] else literal(s["title"])
             for s in resource.get("sources", [])]
    items += [Md("{}: {}").format(Md(t("dictionary.licence")), lic.get("title") or lic["name"]) for lic in resource.get("licenses", [])]
    return Md("\n").join(Md("- {}").format(item) for item in items)


def resource_section(resource: dict) -> Md:
    """One resource: its title as a heading, what it holds, where it is, its fields, its sources."""
    parts = [Md("### {}\n").format(resource.get("title") or resource["name"]),
             Md("{}\n").format(resource.get("description", "")),
             Md("{}: {}; {}: {}\n").format(Md(t("dictionary.file")), f"data/{resource['path']}", Md(t("dictionary.resource")), resource["name"])]
    fields = (resource.get("schema") or {}).get("fields")
    if fields:
        # online only: the print edition leaves the schema out and says where it is
        parts.append(Md("::::{only} html\n"))
        parts.append(target(f"fields-{resource['name']}"))  # the table's name, and its download's: data-fields-<resource>.csv
        parts.append(table({
            t("dictionary.field"): [f["name"] for f in fields],
            t("dictionary.type"): [f["type"] for f in fields],
            t("dictionary.meaning"): [f.get("description", "") for f in fields],
            t("dictionary.allowed"): [_allowed(f) for f in fields],
        }) + Md("\n"))
        parts.append(Md("::::\n"))
    else:
        digest = resource.get("hash", "")
        parts.append(Md("{}\n").format(t("dictionary.raw", hash=digest)))
    parts.append(_sources(resource) + Md("\n"))
    return Md("\n").join(parts)


def dictionary(descriptor: dict) -> Md:
    return Md("\n").join(resource_section(r) for r in descriptor["resources"])


def overview(descriptor: dict) -> Md:
    """The resources in one table, each with what it holds: the page's summary, in print the whole
    of it. A resource's name is what the loader takes (its file's name can be too long for a column)."""
    resources = descriptor["resources"]
    return table({
        t("dictionary.meaning"): [r.get("title") or r["name"] for r in resources],
        t("dictionary.resource_name"): [r["name"] for r in resources],
    })
