"""The France page's numbers: every national figure from the data, ranked within its actor."""

import pandas as pd

from dashboard.core.state import AppState
from dashboard.views.france import (
    fragility_order,
    france_figures,
    lowest_actor,
    national_rows,
)
from phare.published import NATIONAL


def published(context, actor: str, indicator: str, fragility: str | None = None) -> float:
    """The value the data file gives for France (highest confidence first): the expectation
    is read from the data, never typed in beside it."""
    frame = context.published
    rows = frame[
        (frame["region_code"] == NATIONAL)
        & (frame["actor"] == actor)
        & (frame["indicator"] == indicator)
        & (frame["segment"] == "all")
        & (frame["fragility"] == fragility if fragility else frame["fragility"].isna())
        & frame["study"].str.startswith("PHARE")
    ]
    order = rows["confidence"].map({"high": 0, "medium": 1, "low": 2})
    return float(rows.assign(_o=order).sort_values("_o")["value"].iloc[0])


def test_emploi_is_scored_7_1_by_citizens_and_5_6_by_companies(context):
    scores = france_figures(context, AppState()).scores.set_index(["fragility", "actor"])
    emploi = scores.loc["emploi"]
    assert (
        emploi.loc["citoyens", "value"]
        == published(context, "citoyens", "fragility_mean_score", "emploi")
        == 7.1
    )
    assert (
        emploi.loc["entreprises", "value"]
        == published(context, "entreprises", "fragility_mean_score", "emploi")
        == 5.6
    )
    # companies with 10 or more employees: the population PHARE-Entreprises surveyed
    assert emploi.loc["entreprises", "study"] == "PHARE-Entreprises"
    assert emploi.loc["citoyens", "n"] == 2024 and emploi.loc["citoyens", "source_date"]


def test_ranks_hold_within_each_actor_and_ties_share_the_better_rank(context):
    scores = france_figures(context, AppState()).scores
    for actor, rows in scores.groupby("actor"):
        expected = rows["value"].rank(ascending=False, method="min").astype(int)
        assert rows["rank"].tolist() == expected.tolist(), actor
        assert (rows["ranked"] == rows["value"].notna().sum()).all()
    citizens = scores[scores["actor"] == "citoyens"].set_index("fragility")
    assert citizens.loc["emploi", "rank"] == 1


def test_sorting_by_an_actor_orders_the_fragilities_by_its_score(context):
    figures = france_figures(context, AppState())
    by_groups = fragility_order(context, figures.scores, None)
    by_companies = fragility_order(context, figures.scores, "entreprises")
    assert by_groups == list(context.catalogue.fragilities)
    assert by_companies != by_groups and sorted(by_companies) == sorted(by_groups)
    companies = figures.scores[figures.scores["actor"] == "entreprises"].set_index("fragility")
    values = companies.loc[by_companies, "value"].tolist()
    assert values == sorted(values, reverse=True)
    # an actor that scored nothing leaves the groups' order
    assert fragility_order(context, figures.scores, "maires") == by_groups


def test_mayors_gave_no_score_and_the_page_says_so(context):
    figures = france_figures(context, AppState())
    assert figures.score_actors == ("citoyens", "associations", "entreprises")
    assert figures.unscored_actors == ("maires",)


def test_companies_score_lowest_on_most_fragilities_all_scored(context):
    scores = france_figures(context, AppState()).scores
    lowest = lowest_actor(scores)
    wide = scores.pivot(index="fragility", columns="actor", values="value").dropna()
    assert lowest.actor == "entreprises" and lowest.shared == len(wide)
    assert lowest.count == int((wide.idxmin(axis=1) == "entreprises").sum())


def test_every_low_confidence_row_is_drawn_as_uncertain_or_outranked(context):
    """Each `low` row of the data is either the figure shown for its view (and marked low) or
    a reading the loader set aside for a surer one of the same view."""
    frame = context.published
    programme = {s.id: s.programme for s in context.catalogue.studies.values()}
    low = frame[(frame["confidence"] == "low") & (frame["region_code"] == NATIONAL)]
    assert len(low) >= 8
    drawn = 0
    for row in low.itertuples():
        rows = national_rows(context, AppState(study=programme[row.study]))
        same = rows[
            (rows["actor"] == row.actor)
            & (rows["indicator"] == row.indicator)
            & (
                rows["fragility"].fillna("")
                == (row.fragility if isinstance(row.fragility, str) else "")
            )
        ]
        if row.segment != "all":
            continue
        assert len(same) == 1, row
        shown = same.iloc[0]
        if shown["value"] == row.value and shown["confidence"] == "low":
            drawn += 1
        else:
            assert shown["confidence"] in ("high", "medium"), row
    assert drawn >= 8  # the citizens' scores read from damaged OCR, at least


def test_shares_are_ranked_within_their_family_and_counts_kept_apart(context):
    figures = france_figures(context, AppState())
    assert set(figures.shares["unit"]) == {"pct"}
    for _, rows in figures.shares.groupby("family", sort=False):
        assert rows["value"].tolist() == sorted(rows["value"], reverse=True)
    innovation = figures.shares[figures.shares["indicator"] == "partnership_innovation_share"]
    assert set(innovation["actor"]) == {"citoyens", "associations", "entreprises", "maires"}
    assert not figures.key_figures.empty and "pct" not in set(figures.key_figures["unit"])


def test_the_impact_programme_has_its_own_figures(context):
    impact = france_figures(context, AppState(study="impact"))
    assert impact.score_actors == ("citoyens",)
    assert set(impact.scores["study"]) == {"IMPACT"}
    assert isinstance(impact.shares, pd.DataFrame)
