"""What is known, at a glance: the published figures counted by territory and actor.

One row per territory (France, then the 13 regions in catalogue order), one column per actor
with a figure in the programme; each cell counts the figures of the published table (as the
loader keeps them: excluded rows out, a figure published for two regions together counted in
each), names their families of indicator, gives the latest source date and a *target*: the
state of a view that shows one of those figures (the Carte on that region, or the France page).
Everything is computed from the data; nothing is typed in.

One programme at a time, the one the state shows: the Carte, its views and the permalinks are
keyed by programme, a cell's target must be one view and so one programme, and a count must
never add the PHARE surveys of 2015 to IMPACT's of 2019, which asked other questions of other
samples. What the other programmes publish for the regions is counted beside the table
(:attr:`Coverage.elsewhere`), so that nothing known is hidden.

Microdata (simulated or imported) are not published figures: :func:`published_coverage` gives
``None`` for them, and the screens leave the table out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import PUBLISHED_DATASET, DataContext
from dashboard.core.state import FRANCE, AppState, state_query
from dashboard.core.values import territory_name
from dashboard.text.i18n import t
from dashboard.text.numbers import format_source_date
from phare.published import CONFIDENCE_LEVELS
from phare.selection import OK, date_order

CACHED_COVERAGES = 16  # (programme, language) pairs: 3 programmes × 2 languages, with room
CARTE_PATH = "/"


@dataclass(frozen=True)
class Target:
    """A view that shows one of a cell's figures: its page and its state."""

    path: str  # "/" (the Carte, on the region) or "/region/FR" (the France page)
    state: AppState
    territory: str  # the territory whose value the view shows

    @property
    def href(self) -> str:
        return self.path + state_query(self.state)


@dataclass(frozen=True)
class CoverageCell:
    actor: str
    count: int  # published figures for this territory and actor, 0 for none
    shared: int  # of which published for several regions together (counted in each)
    families: tuple[str, ...]  # family ids present, in the catalogue's order
    latest: str | None  # the latest source date, as the data writes it
    latest_label: str  # the same, as readers read it ("févr. 2016"), "" without figure
    target: Target | None  # None for an empty cell


@dataclass(frozen=True)
class CoverageRow:
    code: str  # "FR" or a region's code
    name: str
    cells: tuple[CoverageCell, ...]  # one per actor of Coverage.actors
    page: str  # href of the territory's page (a region's profile, the France page)

    @property
    def count(self) -> int:
        return sum(cell.count for cell in self.cells)


@dataclass(frozen=True)
class Coverage:
    programme: str
    lang: str
    actors: tuple[str, ...]  # the actors with a figure in the programme, catalogue order
    rows: tuple[CoverageRow, ...]  # France, then the regions in catalogue order
    elsewhere: tuple[tuple[str, int], ...]  # other programmes: (id, regional figures) when any

    @property
    def national(self) -> int:
        return self.rows[0].count

    @property
    def regional(self) -> int:
        return sum(row.count for row in self.rows[1:])

    @property
    def regions_with_figures(self) -> int:
        return sum(row.count > 0 for row in self.rows[1:])

    @property
    def surveyed(self) -> int:
        return len(self.rows) - 1

    def row(self, code: str) -> CoverageRow:
        return next(row for row in self.rows if row.code == code)


def published_coverage(context: DataContext, state: AppState) -> Coverage | None:
    """The coverage of ``state``'s programme, or None when the state shows microdata."""
    if context.dataset(state.dataset).kind != "published":
        return None
    return context.memo(_coverage, CACHED_COVERAGES)(context, state.study, state.lang)


def _coverage(context: DataContext, programme: str, lang: str) -> Coverage:
    catalogue = context.catalogue
    figures = _programme_figures(context, programme)
    actors = tuple(actor for actor in catalogue.actors if (figures["actor"] == actor).any())
    base = AppState(lang=lang, study=programme)
    rows = tuple(
        CoverageRow(
            code=code,
            name=territory_name(context, code),
            cells=tuple(_cell(context, figures, code, actor, base) for actor in actors),
            page=f"/region/{code}" + state_query(base),
        )
        for code in (FRANCE, *catalogue.regions)
    )
    elsewhere = tuple(
        (other, count)
        for other in catalogue.programmes
        if other != programme and (count := _regional_count(_programme_figures(context, other))) > 0
    )
    return Coverage(programme, lang, actors, rows, elsewhere)


def _programme_figures(context: DataContext, programme: str) -> pd.DataFrame:
    studies = [s.id for s in context.catalogue.studies.values() if s.programme == programme]
    frame = context.dataset(PUBLISHED_DATASET).frame
    return frame[frame["study"].isin(studies)]


def _regional_count(figures: pd.DataFrame, code: str | None = None) -> int:
    regional = figures["region_code"] != FRANCE
    if code is not None:
        regional &= figures["region_code"] == code
    return int(regional.sum())


def _cell(
    context: DataContext, figures: pd.DataFrame, code: str, actor: str, base: AppState
) -> CoverageCell:
    rows = figures[(figures["region_code"] == code) & (figures["actor"] == actor)]
    if rows.empty:
        return CoverageCell(actor, 0, 0, (), None, "", None)
    indicators = context.catalogue.indicators
    present = {indicators[indicator].family for indicator in rows["indicator"]}
    latest = max(rows["source_date"], key=date_order)
    return CoverageCell(
        actor=actor,
        count=len(rows),
        shared=int(rows["joint_with"].notna().sum()),
        families=tuple(family for family in context.catalogue.families if family in present),
        latest=latest,
        latest_label=format_source_date(latest, base.lang),
        target=_target(context, rows, code, base),
    )


def _target(context: DataContext, rows: pd.DataFrame, code: str, base: AppState) -> Target:
    """The view of one of ``rows`` (figures of one territory and actor): the most certain
    figure first, then the one whose view has a value for the most regions (a fuller map),
    then the file's order."""
    confidence = {level: rank for rank, level in enumerate(CONFIDENCE_LEVELS)}
    views = [context.published_views[_view_key(base.study, row)] for _, row in rows.iterrows()]
    ranked = rows.assign(
        _confidence=rows["confidence"].map(confidence),
        _valued=[-int(((v["status"] == OK) & (v["region_code"] != FRANCE)).sum()) for v in views],
        _order=range(len(rows)),
    ).sort_values(["_confidence", "_valued", "_order"])
    chosen = ranked.iloc[0]
    changes = {
        "actor": chosen["actor"],
        "segment": chosen["segment"],
        "indicator": chosen["indicator"],
        "fragility": _fragility(chosen),
    }
    if code == FRANCE:
        return Target(f"/region/{FRANCE}", base.model_copy(update=changes), code)
    return Target(CARTE_PATH, base.model_copy(update={**changes, "territory": code}), code)


def _fragility(figure: pd.Series) -> str | None:
    return None if pd.isna(figure["fragility"]) else figure["fragility"]


def _view_key(programme: str, figure: pd.Series) -> tuple:
    return (programme, figure["actor"], figure["segment"], figure["indicator"], _fragility(figure))


@dataclass(frozen=True)
class CoverageSentence:
    """What is published for one region, in one sentence; ``link`` (its words and where it
    goes) stands at ``{link}`` in ``text``, or nowhere."""

    text: str
    link_text: str = ""
    href: str = ""

    @property
    def parts(self) -> tuple[str, str]:
        """The text before the link and the text after it."""
        before, _, after = self.text.partition("{link}")
        return before, after


def coverage_sentence_text(
    context: DataContext, state: AppState, region_code: str
) -> CoverageSentence | None:
    """« 5 chiffres régionaux publiés pour la Bourgogne-Franche-Comté : citoyens, associations,
    entreprises. », or, for a region with none, « Aucun chiffre régional publié pour la
    Bretagne ; voici {link}. » with the link to the France page. None for microdata."""
    coverage = published_coverage(context, state)
    if coverage is None or region_code not in context.catalogue.regions:
        return None
    lang = state.lang
    region = context.catalogue.regions[region_code].named(lang)
    row = coverage.row(region_code)
    if row.count:
        actors = [
            _lowered(context.catalogue.actors[cell.actor].label(lang))
            for cell in row.cells
            if cell.count
        ]
        key = "known_some_one" if row.count == 1 else "known_some_many"
        return CoverageSentence(t(key, lang, n=row.count, region=region, actors=", ".join(actors)))
    anywhere = sum(
        _regional_count(_programme_figures(context, programme), region_code)
        for programme in context.catalogue.programmes
    )
    key = "known_none_here" if anywhere else "known_none"
    return CoverageSentence(
        t(key, lang, region=region, link="{link}"),
        link_text=t("known_national_link", lang),
        href=f"/region/{FRANCE}" + state_query(state, territory=FRANCE),
    )


def _lowered(label: str) -> str:
    """An actor's label inside a sentence: « Citoyens » → « citoyens »."""
    return label[:1].lower() + label[1:]
