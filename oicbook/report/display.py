"""How chapters show claims: the Kazakh sentence quoted with its id, and the
claim with its stated value and verdict. Every word comes from ``locale/``."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..core.periods import Period
from .labels import t, t_form
from .markup import Md, bold, kk, label, markdown, role, target, translation
from .quantities import Figure, Judged
from .numbers import date_range, date_text, fixed, integer, language, listing, ordinal_form, significant


def number(n: int) -> str:
    """A count in running text: words from one to nine, digits above ('four', '12')."""
    return t(f"count_word.{n}") if 1 <= n <= 9 else integer(n)


def ordinal(n: int) -> str:
    """'37th', '37-ші': the suffix by CLDR's ordinal category of the number."""
    return t_form("ordinal", ordinal_form(n), n=integer(n))


def year_text(year: int) -> str:
    """A year as the language writes one, in CLDR's pattern: '2009', never '2,009'."""
    return date_text(date(int(year), 1, 1), "y")


def listed(parts, style: str = "standard") -> Md:
    """Markdown parts (links, data text) joined as the language lists them:
    'S009 and S010', 'S009 және S010'. CLDR's list words hold no markup."""
    return Md(listing([markdown(p) for p in parts], style))


def mark(status: str) -> str:
    """The verdict as its word ('inconsistent'), never as a colour or a sign alone."""
    return t(f"verdict.{status}")


_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million")]


def when(start: str, end=None) -> str:
    """A date or a span as people write them, in CLDR's patterns for the
    edition's language: '2012', 'June 2011', '28 June 2011', '18 – 20 May 2010',
    '29 September – 1 October 2011'."""
    period = Period.parse(start, end if end is not None and not pd.isna(end) else None)
    skeleton = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}[period.precision]
    return date_range(period.first, period.last, skeleton)


def event_target(event_id: str) -> str:
    return f"event-{event_id.lower()}"


def sentence_ref(sentence_id: str) -> Md:
    """A link to the sentence in the source-text appendix."""
    return role("ref", sentence_id.lower(), sentence_id)


def stated(claim: pd.Series) -> str:
    """The claim's value as a reader reads it: '3.7 trillion USD', '12.03 %', '2/3', 'June 2011'."""
    if claim["kind"] == "date":
        start, end = claim["period_start"], claim["period_end"]
        return when(start, None if start == end else end)
    value, unit = float(claim["value"]), claim["unit"]
    if claim["kind"] == "ordinal":
        return t("stated.ordinal", ordinal=ordinal(int(value)), unit=t(f"unit.{unit}"))
    if claim["kind"] == "rank":
        return t("stated.rank", rank=integer(int(value)))
    if unit == "fraction":
        return claim["figure"]  # a common fraction as the article writes it, never '66.67 %'
    if unit == "USD":
        return amount(value)
    return f"{significant(value, 4)} {t(f'unit.{unit}')}"


def scaled(value: float) -> str:
    """'6.87 trillion', '500,000': three significant figures and a scale word from a million up."""
    for size, scale in _SCALES:
        if abs(value) >= size:
            return f"{significant(value / size, 3)} {t(f'unit.{scale}')}"
    return integer(round(value))


def amount(value: float, unit: str = "USD") -> Figure:
    """'6.87 trillion USD', which keeps its number for a table's download."""
    return Figure(f"{scaled(value)} {t(f'unit.{unit}')}", value, unit)


def percent(value: float, digits: int = 2) -> Figure:
    """'12.03 %', '5 %': a share with ``digits`` decimals and the percent sign."""
    return Figure(f"{fixed(value, digits)} {t('unit.percent')}", value, "percent")


def judged(figure: Figure, status: str) -> Judged:
    """A table cell: the figure, then the verdict on it as its word, set apart ('7.43 trillion … (close)')."""
    return Judged(Md(t("part.figure_verdict")).format(figure=figure, verdict=Md(mark(status))), figure, status)


def with_english() -> bool:
    """Whether a quote gives the book's English beside the Kazakh: not in the
    Kazakh edition, whose reader reads the article itself."""
    return language() != "kk"


def quote(sentence: pd.Series, english: str | None = None) -> Md:
    """A Markdown block quote of one sentence with its id: the Kazakh, and under
    it the book's English translation, each labelled; in the Kazakh edition,
    the Kazakh alone."""
    if not with_english():
        return Md("> {} ({})\n").format(kk(sentence["text"]), sentence_ref(sentence["id"]))
    return Md("> {} {} ({})\n>\n> {} {}\n").format(
        label(t("quote.kazakh")), kk(sentence["text"]), sentence_ref(sentence["id"]), label(t("quote.english")), translation(english)
    )


def claim_ref(claim_id: str) -> Md:
    """A link to the claim's row in the claims ledger."""
    return role("ref", claim_id.lower(), claim_id)


def claim_word(claim: pd.Series, today: bool = False) -> Md:
    """For running text: the claim's verdict as a word, no sign, linked to its ledger entry."""
    verdict = claim["verdict_today"] if today else claim["verdict"]
    return role("ref", claim["id"].lower(), t(f"verdict.{verdict}"))


def said(sentence_id: str, words: str) -> Md:
    """For running text: ``words`` linked to the sentence of the article they
    describe, in the source-text appendix (no code on the page)."""
    return role("ref", sentence_id.lower(), words)


def sentence_link(sentence_id: str) -> Md:
    """'sentence 58', linked to that sentence of the article: a position a reader
    can follow, where the code would be apparatus."""
    return role("ref", sentence_id.lower(), t("mention.sentence", n=integer(int(sentence_id.lstrip("S")))))


def subject(claim: pd.Series) -> str:
    """What a claim is about, in plain words (its ``subject``), with the claim's
    year or period put in where the words hold {year} or {period}."""
    text = claim["subject"]
    if "{year}" in text:
        text = text.replace("{year}", year_text(int(str(claim["period_start"])[:4])))
    if "{period}" in text:
        text = text.replace("{period}", when(str(claim["period_start"]), str(claim["period_end"])))
    return text


def stated_link(claim: pd.Series) -> Md:
    """For running text, the claim's stated figure as a link to its ledger entry."""
    return role("ref", claim["id"].lower(), stated(claim))


PARALLEL_CLASS = "oicbook-parallel"
ORIGINAL_CLASS = "oicbook-original"  # the Kazakh edition: the id and the Kazakh only


def parallel_text(sentences: pd.DataFrame, translations: pd.DataFrame) -> Md:
    """The article paragraph by paragraph, each sentence a block with its id (a
    link target), the Kazakh and the book's English, and the translator's notes;
    in the Kazakh edition, the normalised Kazakh alone, with the edition's notes
    (what normalisation changed)."""
    english = translations.set_index("sentence_id")
    classes = PARALLEL_CLASS if with_english() else f"{PARALLEL_CLASS} {ORIGINAL_CLASS}"
    blocks = []
    for paragraph, group in sentences.groupby("paragraph", sort=True):
        blocks.append(bold(Md(t("source_text.paragraph", n=integer(int(paragraph))))) + Md("\n"))
        for _, s in group.iterrows():
            meta = Md("{}").format(s["id"])
            if pd.notna(s["changes"]):
                meta += Md(" · *{}: {}*").format(Md(t("source_text.changed")), s["changes"])
            if s["kind"] == "heading":
                meta += Md(" · *{}*").format(Md(t("source_text.heading")))
            if not with_english():
                parts = [meta, kk(s["text"])]
            else:
                row = english.loc[s["id"]]
                parts = [meta, Md("{} {}").format(label(t("quote.kazakh")), kk(s["text"])), Md("{} {}").format(label(t("quote.english")), translation(row["english"]))]
                if pd.notna(row["notes"]):
                    parts.append(Md("{} {}").format(label(t("quote.notes")), row["notes"]))
            blocks.append(target(s["id"].lower()) + Md(f":::{{container}} {classes}\n") + Md("\n\n").join(parts) + Md("\n:::\n"))
    return Md("\n").join(blocks)
