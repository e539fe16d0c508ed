"""Derive the book's GDP tables of the time from the raw vintage files:
``python -m tools.vintage``.

- ``data/vintage/WEOOct2009all.tsv`` and ``WEOOct2009alla.tsv`` (the IMF's World
  Economic Outlook database of October 2009, by country and by group, tab-separated
  Latin-1 text as the IMF published it) give ``gdp_imf_weo_oct2009_oic_world.csv``:
  NGDPD (current US dollars, billions) and PPPGDP (current international dollars,
  billions) for the OIC's states and the group "World", with whether the value was
  still an IMF estimate (a year after the row's "Estimates Start After");
- ``data/vintage/wb_gdp_current_usd_okfn_2012-09-20.csv`` (World Bank
  NY.GDP.MKTP.CD as retrieved in September 2012) gives
  ``gdp_wdi_2012_09_oic_world.csv``.

Only the OIC's states (members and observers, as ``oic_members.csv`` lists them)
and the world are kept, for 1990 onwards. A test regenerates both files and
compares them with the committed ones.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

from oicbook.core import paths

FIRST_YEAR = 1990
WEO_SUBJECTS = {"NGDPD": "gdp_current_usd_bn", "PPPGDP": "gdp_ppp_current_intl_bn"}
WEO_WORLD = "WEO_WORLD"  # the IMF's country group "World", as countries.csv codes it
WB_WORLD = "WLD"
WEO_FILE, WEO_GROUPS_FILE, WB_FILE = "WEOOct2009all.tsv", "WEOOct2009alla.tsv", "wb_gdp_current_usd_okfn_2012-09-20.csv"
WEO_OUT, WB_OUT = "gdp_imf_weo_oct2009_oic_world.csv", "gdp_wdi_2012_09_oic_world.csv"


def _oic_states(data: Path) -> dict[str, str]:
    with open(data / "oic_members.csv", encoding="utf-8", newline="") as f:
        return {r["iso3"]: r["name_en"] for r in csv.DictReader(f) if r["iso3"]}


def _weo_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("latin-1")
    return [r for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r.get("WEO Subject Code")]


def _number(cell: str) -> str:
    """A WEO cell as the book writes numbers: '15,841.673' -> '15841.673', 'n/a' -> ''."""
    cell = (cell or "").strip().replace(",", "")
    return "" if cell in ("", "n/a", "--") else cell


def weo_table(data: Path) -> list[list[str]]:
    states = _oic_states(data)
    vintage = data / "vintage"
    series: dict[tuple[str, str], dict[str, tuple[str, bool]]] = {}
    names = {}
    for row in _weo_rows(vintage / WEO_FILE):
        code, subject = row["ISO"], row["WEO Subject Code"]
        if code in states and subject in WEO_SUBJECTS:
            names[code] = states[code]
            series[(code, subject)] = {y: (_number(row[y]), _estimate(row, y)) for y in _years(row)}
    # The group rows give no "Estimates Start After": they take the year most
    # countries' estimates start after, from the country rows themselves.
    starts = Counter(r["Estimates Start After"] for r in _weo_rows(vintage / WEO_FILE) if r["WEO Subject Code"] in WEO_SUBJECTS)
    common_start = starts.most_common(1)[0][0]
    for row in _weo_rows(vintage / WEO_GROUPS_FILE):
        if row["Country Group Name"] == "World" and row["WEO Subject Code"] in WEO_SUBJECTS:
            names[WEO_WORLD] = "World (IMF WEO country group)"
            row = {**row, "Estimates Start After": row.get("Estimates Start After") or common_start}
            series[(WEO_WORLD, row["WEO Subject Code"])] = {y: (_number(row[y]), _estimate(row, y)) for y in _years(row)}
    header = ["iso3", "country", "year", *WEO_SUBJECTS.values(), "estimate"]
    body = []
    for code in sorted(names):
        usd, ppp = series.get((code, "NGDPD"), {}), series.get((code, "PPPGDP"), {})
        for year in sorted(set(usd) | set(ppp)):
            values = [usd.get(year, ("", False)), ppp.get(year, ("", False))]
            if not any(v for v, _ in values):
                continue
            estimate = any(e for v, e in values if v)
            body.append([code, names[code], year, values[0][0], values[1][0], "True" if estimate else "False"])
    return [header, *body]


def _years(row: dict[str, str]) -> list[str]:
    return [k for k in row if k and k.isdigit() and int(k) >= FIRST_YEAR]


def _estimate(row: dict[str, str], year: str) -> bool:
    """Whether the IMF still estimated (or projected) the year: later than the row's last actual data."""
    start = (row.get("Estimates Start After") or "").strip()
    return start.isdigit() and int(year) > int(start)


def wb_table(data: Path) -> list[list[str]]:
    states = _oic_states(data)
    keep = set(states) | {WB_WORLD}
    with open(data / "vintage" / WB_FILE, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Country Code"] in keep and int(r["Year"]) >= FIRST_YEAR]
    names = {**{WB_WORLD: "World (World Bank aggregate)"}, **states}
    body = sorted([[r["Country Code"], names[r["Country Code"]], r["Year"], r["Value"]] for r in rows], key=lambda r: (r[0], int(r[2])))
    return [["iso3", "country", "year", "gdp_current_usd"], *body]


def render(table: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


def tables(data: Path) -> dict[str, str]:
    """Each derived file's name and its text."""
    return {WEO_OUT: render(weo_table(data)), WB_OUT: render(wb_table(data))}


if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.data_dir()
    for name, text in tables(data).items():
        (data / name).write_text(text, encoding="utf-8")
        print(f"wrote {text.count(chr(10)) - 1} rows to {data / name}")
