"""The political chapter's sections."""

from __future__ import annotations

import pandas as pd

from ...core.themes import theme_matrix
from ..display import claim_verdict, listed, number, percent, sentence_ref, span, stated, when
from ..figures import theme_bars, timeline, titled
from ..labels import t, t_form
from ..markup import Md, kk, markdown, role
from ..numbers import integer, listing, plural_form
from . import Section

ORIGINS = ["initiative", "inherited", "domestic"]
POLITICAL_THEMES = ["chairmanship and diplomacy", "politics and security"]


def arc(checked: pd.DataFrame, events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The three Councils of Foreign Ministers the article names by number: its dates against the record's."""
    session_claims = checked[(checked["kind"] == "ordinal") & (checked["chapter"] == "political")]
    sessions = events[events["event"].isin(session_claims["event"])].sort_values("date_start")
    rename = events[events["event"].str.contains("renamed")]
    arc_events = pd.concat([sessions, rename]).sort_values("date_start", kind="stable")
    rows = []
    for _, session in sessions.iterrows():
        linked = checked[checked["event"] == session["event"]]
        ordinal_claim = linked[linked["kind"] == "ordinal"].iloc[0]
        dates = linked[linked["kind"] == "date"]
        rows.append({
            t("column.session"): Md("{} ({})").format(stated(ordinal_claim), session["place"]),
            t("column.article"): Md("; ").join(Md("{} ({})").format(kk(c["words"]), sentence_ref(c["sentence_id"])) for _, c in linked.iterrows()),
            t("column.article_date"): Md("; ").join(stated(c) for _, c in dates.iterrows()) or Md("—"),
            t("column.date"): Md("{} {}").format(span(session["date_start"], session["date_end"]), role("cite:p", cite_key[session["source_url"]])),
            t("column.verdict"): Md("; ").join(claim_verdict(c) for _, c in dates.iterrows()) or Md("—"),
        })
    session_dates = checked[checked["event"].isin(sessions["event"]) & (checked["kind"] == "date")]
    # One sentence per verdict, naming the sessions whose dates earned it.
    session_of = {c["event"]: stated(c) for _, c in session_claims.iterrows()}
    findings = []
    for verdict, group in session_dates.groupby("verdict", sort=False):
        named = listed(Md(t("finding.the_session", session=markdown(session_of[e]))) for e in group["event"])
        where = Md(", ").join(Md(t("finding.dated_in", date=markdown(stated(c)), sentence=sentence_ref(c["sentence_id"]))) for _, c in group.iterrows())
        findings.append(Md("{} ({}).").format(Md(t(f"finding.session_date.{verdict}", sessions=named)), where))
    early = session_dates[session_dates["verdict"] == "inconsistent"]
    years_off = [int(events.set_index("event").loc[c["event"], "date_start"][:4]) - int(c["period_start"][:4]) for _, c in early.iterrows()]
    first = sessions.iloc[0]
    return Section(
        arc_table={key: [r[key] for r in rows] for key in rows[0]},
        n_sessions=len(sessions),
        arc_timeline=titled(timeline(arc_events, session_dates), arc_title(session_dates)),
        first_place=first["place"].split(",")[0],
        first_date=when(first["date_start"], first["date_end"]),
        arc_findings=Md(" ").join(findings),
        years_off=listing(_years_off(y) for y in years_off) or t("finding.none_off"),
    )


def _years_off(years: int) -> str:
    """'2 years early' (the record's year is later than the article's), '1 year late'."""
    n = abs(years)
    return t_form(f"finding.{'early' if years > 0 else 'late'}", plural_form(n), n=integer(n))


def initiatives(agenda: pd.DataFrame) -> Section:
    """Kazakhstan's own initiatives on the political agenda."""
    own = agenda[agenda["origin"] == "initiative"]
    return Section(
        n_initiatives=len(own),
        initiative_list=Md("\n").join(Md("- {}: {} ({})").format(r["item"], kk(r["words"]), sentence_ref(r["sentence_id"])) for _, r in own.iterrows()),
    )


def lost_lists(sentences: pd.DataFrame) -> Section:
    """The sentences that announce a list and end on its colon: the lists were lost in extraction."""
    body = sentences[sentences["kind"] == "sentence"]
    lost = body[body["text"].str.rstrip().str.endswith(":")]
    return Section(n_lost=len(lost), lost_refs=listed(sentence_ref(i) for i in lost["id"]), lost_ids=list(lost["id"]))


def agenda_coded(agenda: pd.DataFrame) -> Section:
    """The agenda the article names, coded by domain and origin."""
    by_domain = (
        agenda.pivot_table(index="domain", columns="origin", values="id", aggfunc="count", fill_value=0)
        .reindex(columns=ORIGINS, fill_value=0)
    )
    by_domain[t("column.total")] = by_domain.sum(axis=1)
    by_domain = by_domain.sort_values([t("column.total"), "inherited"], ascending=False)
    domain_table = by_domain.rename(columns={o: t(f"column.{o}") for o in ORIGINS}).reset_index()
    domain_table = domain_table.rename(columns={"domain": t("column.domain")})
    counts = agenda["origin"].value_counts()
    top = by_domain.index[0]
    initiative_domains = sorted(agenda.loc[agenda["origin"] == "initiative", "domain"].unique())
    inherited_domains = set(agenda.loc[agenda["origin"] == "inherited", "domain"])
    return Section(
        domain_table={name: domain_table[name].tolist() for name in domain_table.columns},
        items_table={
            t("column.item"): [Md("{}: {}").format(r["id"], r["item"]) for _, r in agenda.iterrows()],
            t("column.words"): [Md("{} ({})").format(kk(r["words"]), sentence_ref(r["sentence_id"])) for _, r in agenda.iterrows()],
            t("column.domain"): agenda["domain"],
            t("column.actor"): agenda["actor"],
            t("column.origin"): [t(f"column.{o}") for o in agenda["origin"]],
        },
        n_items=len(agenda),
        n_domains=agenda["domain"].nunique(),
        n_inherited=int(counts.get("inherited", 0)),
        n_domestic=int(counts.get("domestic", 0)),
        top_domain=top,
        top_domain_n=int(by_domain.loc[top, t("column.total")]),
        initiative_domains=listing(initiative_domains),
        n_domains_without_initiative=len(inherited_domains - set(initiative_domains)),
    )


def arc_title(session_dates: pd.DataFrame, what: str = "councils") -> str:
    """A timeline's finding: how many of the article's dates for its events agree with the record."""
    agree, n = int((session_dates["verdict"] == "consistent").sum()), len(session_dates)
    if agree == n:
        return t("figure.arc_title_all", n=number(n), what=t(f"figure.dated_{what}"))
    return t("figure.arc_title", agree=number(agree), n=number(n), what=t(f"figure.dated_{what}"))


def text_measure(sentences: pd.DataFrame, stems: pd.DataFrame) -> Section:
    """How many of the article's sentences each theme takes, by Kazakh stems."""
    body = sentences[sentences["kind"] == "sentence"].reset_index(drop=True)
    matrix = theme_matrix(body, stems)
    theme_counts = matrix.sum().sort_values(ascending=False)
    kenes = body[body["text"].str.contains("кеңесіп")]
    return Section(
        themes_table={
            t("column.theme"): theme_counts.index.tolist(),
            t("column.sentences"): theme_counts.tolist(),
            t("column.share"): [percent(100 * n / len(body), 0) for n in theme_counts.values],
        },
        n_body=len(body),
        n_themes=matrix.shape[1],
        top_theme=theme_counts.index[0],
        top_theme_n=int(theme_counts.iloc[0]),
        top_two_themes=listing(t_form("finding.theme_sentences", plural_form(int(n)), theme=th, n=integer(int(n))) for th, n in theme_counts.iloc[:2].items()),
        n_unthemed=int((~matrix.any(axis=1)).sum()),
        n_multi=int((matrix.sum(axis=1) > 1).sum()),
        n_political_sentences=int(matrix[POLITICAL_THEMES].any(axis=1).sum()),
        theme_bars=titled(theme_bars(theme_counts, len(body)), t("figure.themes_title", top=theme_counts.index[0], n=int(theme_counts.iloc[0]), total=len(body))),
        kenes_sentence=listed(sentence_ref(s) for s in kenes["id"]),
    )


def proposals(proposals: pd.DataFrame, events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """The President's proposals as chair, what became of each in the record, and
    which of them the article credits: the chapter's spine."""
    by_id = events.set_index("id")
    credited = proposals[proposals["sentence_id"].notna()]
    outcome = lambda e: (Md("{} ({}) {}").format(by_id.loc[e, "event"], when(by_id.loc[e, "date_start"]), role("cite:p", cite_key[by_id.loc[e, "source_url"]]))
                         if pd.notna(e) else Md(t("finding.no_outcome")))
    return Section(
        proposals_table={
            t("column.proposal"): [Md("{} {}").format(p, role("cite:p", k)) for p, k in zip(proposals["proposal"], proposals["bib_key"])],
            t("column.outcome"): [outcome(e) for e in proposals["outcome_event"]],
            t("column.in_article"): [sentence_ref(s) if pd.notna(s) else Md("—") for s in proposals["sentence_id"]],
        },
        n_proposals=number(len(proposals)),
        n_credited=number(len(credited)),
        credited_proposals=listing(p[0].lower() + p[1:] for p in credited["proposal"]),
        n_carried=int(credited["outcome_event"].notna().sum()),
        # the address opened the Council at which Kazakhstan took the chair
        address_date=when(events[events["event"].str.contains("elected Chair")].iloc[0]["date_start"]),
    )


def dushanbe_context(events: pd.DataFrame, cite_key: dict[str, str]) -> Section:
    """What stood behind the Dushanbe sentences: Kazakhstan's own OSCE year and CICA,
    and the UN's list of least developed countries."""
    row = lambda start: events[events["event"].str.startswith(start)].iloc[0]
    osce, cica, ldc = row("Kazakhstan chairs the OSCE"), row("Nazarbayev proposes"), row("The UN's list of least developed")
    cite = lambda r: role("cite:p", cite_key[r["source_url"]])
    return Section(
        osce_year=when(osce["date_start"]), osce_source=cite(osce),
        cica_date=when(cica["date_start"]), cica_source=cite(cica),
        ldc_year=when(ldc["date_start"]), ldc_source=cite(ldc),
    )
