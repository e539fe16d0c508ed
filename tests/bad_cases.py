"""Corruptions of a copy of the book, as contributors make them, with the file,
row and field the error must name: shared by the validation tests and the
whole-build tests."""

import csv

from conftest import REPO, tree_digest

SEED = "seeds/000_6d19eb848c4ad410.txt"


def line_of(file, text):
    """The first line of the book's file that holds ``text``: the cases find their rows in the data."""
    lines = (REPO / file).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def last_line(file):
    return len((REPO / file).read_text(encoding="utf-8").rstrip("\n").split("\n"))


CLAIMS, EVENTS = "data/claims.csv", "data/events_timeline.csv"
IMF = "data/gdp_imf_weo_apr2024_oic_world_1990_2023.csv"


def replace_in_line(path, line_no, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line_no - 1], (old, lines[line_no - 1])
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def edit_rows(path, change):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows = change(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def drop_column(path, name):
    def change(rows):
        i = rows[0].index(name)
        return [r[:i] + r[i + 1 :] for r in rows]

    edit_rows(path, change)


def add_column(path, name):
    edit_rows(path, lambda rows: [rows[0] + [name]] + [r + ["x"] for r in rows[1:]])


def truncate_last_line(path):
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text[: text.rfind(",", 0, len(text) - 40)] + "\n", encoding="utf-8")


def latin1_byte(path, line_no, old):
    raw = path.read_bytes().split(b"\n")
    raw[line_no - 1] = raw[line_no - 1].replace(old.encode(), old.encode("latin-1", "replace")[:-1] + b"\xe9", 1)
    path.write_bytes(b"\n".join(raw))


def change_seed_byte(root):
    path = root / SEED
    raw = bytearray(path.read_bytes())
    at = raw.index(b"2011 \xd0\xb6\xd1\x8b\xd0\xbb\xd1\x8b 28-30")  # "2011 жылы 28-30", in S058
    raw[at + 3] = ord("2")  # 2011 -> 2012: one byte
    path.write_bytes(bytes(raw))


# case: (corruption of a book copy, the file, where, the field) as the error must name them
CASES = {
    "missing column": (lambda r: drop_column(r / "data/opec_members_2011.csv", "opec_joined"),
                       "data/opec_members_2011.csv", "header row", "opec_joined"),
    "extra column": (lambda r: add_column(r / "data/oic_members.csv", "comment"),
                     "data/oic_members.csv", "header row", "comment"),
    "wrong type": (lambda r: replace_in_line(r / "data/gdp_wdi_oic_world_1990_2023.csv", 40, ",1994,", ",1994.5,"),
                   "data/gdp_wdi_oic_world_1990_2023.csv", "line 40", "year"),
    "boolean not true or false": (lambda r: replace_in_line(r / "data/gdp_wdi_oic_world_1990_2023.csv", 2, ",True,", ",yes,"),
                                  "data/gdp_wdi_oic_world_1990_2023.csv", "line 2", "is_oic_member"),
    "empty file": (lambda r: (r / "data/events_timeline.csv").write_text("", encoding="utf-8"),
                   "data/events_timeline.csv", "file", None),
    "truncated line": (lambda r: truncate_last_line(r / CLAIMS),
                       CLAIMS, f"line {last_line(CLAIMS)}", "note"),
    "wrong encoding": (lambda r: latin1_byte(r / EVENTS, line_of(EVENTS, "Dushanbe, Tajikistan"), "Dushanbe"),
                       EVENTS, f"line {line_of(EVENTS, 'Dushanbe, Tajikistan')}", "place"),
    "byte order mark": (lambda r: (r / "data/countries.csv").write_bytes(b"\xef\xbb\xbf" + (r / "data/countries.csv").read_bytes()),
                        "data/countries.csv", "row 1", "iso3"),
    "duplicate primary key": (lambda r: replace_in_line(r / CLAIMS, line_of(CLAIMS, "C003,"), "C003,", "C002,"),
                              CLAIMS, f"line {line_of(CLAIMS, 'C003,')}", "id"),
    "broken foreign key": (lambda r: replace_in_line(r / CLAIMS, line_of(CLAIMS, "C004,"), ",S024,", ",S999,"),
                           CLAIMS, f"line {line_of(CLAIMS, 'C004,')}", "sentence_id"),
    "unknown ISO3 code": (lambda r: replace_in_line(r / "data/oic_members.csv", 3, "ALB,", "ALX,"),
                          "data/oic_members.csv", "line 3", "iso3"),
    "date out of range": (lambda r: replace_in_line(r / EVENTS, line_of(EVENTS, "2005-12-07"), "2005-12-07", "2099-12-07"),
                          EVENTS, f"line {line_of(EVENTS, '2005-12-07')}", "date_start"),
    "impossible date": (lambda r: replace_in_line(r / "data/halal_milestones.csv", line_of("data/halal_milestones.csv", "M21,"), "2011-06-28", "2011-06-31"),
                        "data/halal_milestones.csv", f"line {line_of('data/halal_milestones.csv', 'M21,')}", "date_start"),
    "negative amount": (lambda r: replace_in_line(r / CLAIMS, line_of(CLAIMS, ",350000000,"), ",350000000,", ",-350000000,"),
                        CLAIMS, f"line {line_of(CLAIMS, ',350000000,')}", "value"),
    "script tag in a text cell": (lambda r: replace_in_line(r / EVENTS, line_of(EVENTS, '"Dushanbe, Tajikistan"'), '"Dushanbe, Tajikistan"', "<script>alert(1)</script>"),
                                  EVENTS, f"line {line_of(EVENTS, 'Dushanbe, Tajikistan')}", "place"),
    "unknown enum value": (lambda r: replace_in_line(r / "data/claims.csv", 2, ",political,", ",sports,"),
                           "data/claims.csv", "line 2", "chapter"),
    "pattern violation": (lambda r: replace_in_line(r / "data/agenda_items.csv", 2, "A01,", "X01,"),
                          "data/agenda_items.csv", "line 2", "id"),
    "missing required value": (lambda r: replace_in_line(r / "data/trade_goods.csv", 2, ",бидай,", ",,"),
                               "data/trade_goods.csv", "line 2", "words"),
    "unknown check name": (lambda r: replace_in_line(r / CLAIMS, line_of(CLAIMS, ",oic_gdp,"), ",oic_gdp,", ",guess,"),
                           CLAIMS, f"line {line_of(CLAIMS, ',oic_gdp,')}", "check"),
    "broken bibliography reference": (lambda r: replace_in_line(r / "data/halal_milestones.csv", line_of("data/halal_milestones.csv", "M10,"), ",iofs_legal_status,", ",no_such_key,"),
                                      "data/halal_milestones.csv", f"line {line_of('data/halal_milestones.csv', 'M10,')}", "bib_key"),
    "milestone without its source": (lambda r: replace_in_line(r / "data/halal_milestones.csv", line_of("data/halal_milestones.csv", "M11,"), ",iofs_legal_status,", ",,"),
                                     "data/halal_milestones.csv", f"line {line_of('data/halal_milestones.csv', 'M11,')}", "bib_key"),
    "credit words not in their sentence": (lambda r: replace_in_line(r / "data/credit_claims.csv", line_of("data/credit_claims.csv", "K05,"), "су концепциясының", "су стратегиясының"),
                                           "data/credit_claims.csv", f"line {line_of('data/credit_claims.csv', 'K05,')}", "words"),
    "credit without a source": (lambda r: replace_in_line(r / "data/credit_claims.csv", line_of("data/credit_claims.csv", "K05,"), ",E25,", ",,"),
                                "data/credit_claims.csv", f"line {line_of('data/credit_claims.csv', 'K05,')}", "event_id"),
    "credit with an unknown verdict": (lambda r: replace_in_line(r / "data/credit_claims.csv", line_of("data/credit_claims.csv", "K05,"), ",not_shown,", ",plausible,"),
                                       "data/credit_claims.csv", f"line {line_of('data/credit_claims.csv', 'K05,')}", "verdict"),
    "missing data file": (lambda r: (r / "data/trade_goods.csv").unlink(),
                          "data/trade_goods.csv", "file", None),
    "malformed descriptor": (lambda r: (r / "data/datapackage.json").write_text('{"name": "x",\n  "resources": [\n', encoding="utf-8"),
                             "data/datapackage.json", "line 3", None),
    "seed changed by one byte": (change_seed_byte, SEED, "line 41", "text"),
    "resource path leaves data/": (lambda r: set_resource_path(r, "trade_goods", "../seeds/000_6d19eb848c4ad410.txt"),
                                   "data/datapackage.json", "resource 'trade_goods'", "path"),
    "absolute resource path": (lambda r: set_resource_path(r, "glossary", "/etc/hostname"),
                               "data/datapackage.json", "resource 'glossary'", "path"),
    "sentence without a translation": (lambda r: edit_rows(r / "data/translations.csv", lambda rows: [x for x in rows if x[0] != "S030"]),
                                       "data/translations.csv", "line 73", "sentence_id"),
    "translation changes a number": (lambda r: replace_in_line(r / "data/translations.csv", 27, "9 of the 12 members", "9 of the 13 members"),
                                     "data/translations.csv", "line 27", "english"),
    "translation drops an abbreviation": (lambda r: replace_in_line(r / "data/translations.csv", 27, "members of OPEC", "members of the cartel"),
                                          "data/translations.csv", "line 27", "english"),
    "note quotes words not in the sentence": (lambda r: replace_in_line(r / "data/translations.csv", 5, "«Қазақстандық сарапшылар күткендей»", "«сарапшылар ойынша»"),
                                              "data/translations.csv", "line 5", "notes"),
    "claim's English changes its figure": (lambda r: replace_in_line(r / CLAIMS, line_of(CLAIMS, "3.7 trillion"), "3.7 trillion", "3.8 trillion"),
                                           CLAIMS, f"line {line_of(CLAIMS, '3.7 trillion')}", "words_english"),
    "mention in words its sentence lacks": (lambda r: replace_in_line(r / "data/mentions.csv", 8, ",осы комитет", ",бұл комитет"),
                                            "data/mentions.csv", "line 8", "words"),
    "term that starts twice": (lambda r: replace_in_line(r / "data/office_holders.csv", 5, "Kazakhstan,KAZ,,E15,", "Kazakhstan,KAZ,2011-06,E15,"),
                               "data/office_holders.csv", "line 5", "start"),
    "event source not in the bibliography": (lambda r: replace_in_line(r / EVENTS, line_of(EVENTS, "https://undocs.org/A/65/545"), "https://undocs.org/A/65/545", "https://undocs.org/A/65/999"),
                                             EVENTS, f"line {line_of(EVENTS, 'https://undocs.org/A/65/545')}", "source_url"),
    "raw file of the time changed": (lambda r: (r / "data/vintage/WEOOct2009alla.tsv").write_bytes((r / "data/vintage/WEOOct2009alla.tsv").read_bytes() + b"\n"),
                                     "data/vintage/WEOOct2009alla.tsv", "file", "hash"),
    # once an IndexError while the message was written: short rows reach the primary-key check
    "blank lines above the header": (lambda r: (r / "data/agenda_items.csv").write_bytes(b"\n\n\n" + (r / "data/agenda_items.csv").read_bytes()),
                                     "data/agenda_items.csv", "line", None),
    # once a KeyError: the seed was compared with a sentences file whose header was not yet checked
    "sentences header shifted": (lambda r: (r / "data/sentences.csv").write_bytes(b"\n\n\n" + (r / "data/sentences.csv").read_bytes()),
                                 "data/sentences.csv", "line", None),
    "symbolic link out of data/": (lambda r: link_outside(r, "data/trade_goods.csv"),
                                   "data/trade_goods.csv", "file", None),
    "number that is not finite": (lambda r: replace_in_line(r / IMF, 2, ",19.663,", ",1e309,"),
                                  IMF, "line 2", "gdp_ppp_current_intl_bn"),
    "range that ends before it starts": (lambda r: replace_in_line(r / EVENTS, 3, "E02,2003,2009,", "E02,2003,2001,"),
                                         EVENTS, "line 3", "date_end"),
    "control character in a text cell": (lambda r: replace_in_line(r / EVENTS, line_of(EVENTS, "Dushanbe, Tajikistan"), "Dushanbe, Tajikistan", "Dushanbe,\x00 Tajikistan"),
                                         EVENTS, f"line {line_of(EVENTS, 'Dushanbe, Tajikistan')}", "place"),
    "javascript: address in a data file": (lambda r: replace_in_line(r / EVENTS, line_of(EVENTS, "https://undocs.org/A/65/545"), "https://undocs.org/A/65/545", "javascript:alert(1)"),
                                           EVENTS, f"line {line_of(EVENTS, 'https://undocs.org/A/65/545')}", "source_url"),
    "javascript: address in references.bib": (lambda r: replace_in_line(r / "references.bib", line_of("references.bib", "url     = {https://bulletin-ir-law"), "https://bulletin-ir-law.kaznu.kz/index.php/1-mo/article/view/328", "javascript:alert(document.cookie)"),
                                              "references.bib", f"line {line_of('references.bib', '@article{karymsakov_source')}", "url"),
    "file: address in CITATION.cff": (lambda r: replace_in_line(r / "CITATION.cff", line_of("CITATION.cff", "url: \"https://bulletin-ir-law"), "https://bulletin-ir-law.kaznu.kz/index.php/1-mo/article/view/328", "file:///etc/passwd"),
                                      "CITATION.cff", "references[1]", "url"),
}

SECRET = "a line of a file outside the book"


def link_outside(root, file):
    """Replace a data file by a symbolic link to a file outside the book, holding ``SECRET``."""
    outside = root.parent / f"{root.name}-outside.csv"
    outside.write_text(SECRET + "\n", encoding="utf-8")
    (root / file).unlink()
    (root / file).symlink_to(outside)


def set_resource_path(root, name, path):
    import json

    descriptor = root / "data/datapackage.json"
    parsed = json.loads(descriptor.read_text(encoding="utf-8"))
    next(r for r in parsed["resources"] if r["name"] == name)["path"] = path
    descriptor.write_text(json.dumps(parsed, ensure_ascii=False, indent=2), encoding="utf-8")


def inputs(root):
    return {**tree_digest(root / "seeds"), **tree_digest(root / "data")}
