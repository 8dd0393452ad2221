import argparse
import json
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.stats.weightstats import DescrStatsW

from phare.catalogue import Catalogue, load_catalogue
from phare.commands import estimate as command
from phare.estimates import (
    ALL_CELLS_COLUMNS,
    CELL_COLUMNS,
    estimate_all_cells,
    estimate_cells,
    prepare,
    segment_against_rest,
)
from phare.microdata_format import (
    BINARY_COLUMNS,
    SEGMENT_FIELDS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    microdata_columns,
)
from phare.weighted import (
    Estimate,
    cell_status,
    difference_p_value,
    holm_significant,
    kish_effective_n,
    weighted_mean,
    weighted_share,
)

Z = 1.96
REGIONS = ("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def random_microdata(catalogue, size: int, seed: int) -> pd.DataFrame:
    """Respondents in the import format; lognormal weights (coefficient of variation ~0.9)."""
    rng = np.random.default_rng(seed)
    actor = np.asarray(SURVEYED_ACTORS)[rng.integers(0, 4, size)]
    frame = pd.DataFrame(
        {"actor": actor, "region_code": np.asarray(REGIONS)[rng.integers(0, 13, size)]}
    )
    for actor_id, field in SEGMENT_FIELDS.items():
        ids = np.asarray([s.id for s in catalogue.segments.values() if s.field == field])
        frame[field] = np.where(actor == actor_id, ids[rng.integers(0, ids.size, size)], None)
    frame["weight"] = rng.lognormal(0.0, 0.8, size)
    for fragility in catalogue.fragilities:
        score = rng.integers(1, 11, size).astype(float)
        frame[f"score_{fragility}"] = np.where(rng.random(size) < 0.1, np.nan, score)
    for name in BINARY_COLUMNS:
        frame[name] = np.where(rng.random(size) < 0.1, np.nan, rng.integers(0, 2, size))
    fragilities = np.asarray(list(catalogue.fragilities))
    order = np.argsort(rng.random((size, fragilities.size)), axis=1)
    for position, name in enumerate(TOP3_COLUMNS):
        blank = rng.random(size) < 0.05 * (position + 1)  # fewer third priorities
        frame[name] = np.where(blank, None, fragilities[order[:, position]])
    text = ["actor", "region_code", *SEGMENT_FIELDS.values(), *TOP3_COLUMNS]
    return frame.astype(dict.fromkeys(text, "str"))


@pytest.fixture(scope="module")
def microdata(catalogue):
    return random_microdata(catalogue, 6000, seed=7)


@pytest.fixture(scope="module")
def all_cells(microdata, catalogue):
    return estimate_all_cells(microdata, catalogue)


def test_fixture_weights_vary_enough(microdata):
    weights = microdata["weight"]
    assert weights.std() / weights.mean() >= 0.5


# -- primitives -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([1, 1, 1, 1], 4.0),
        ([1, 2, 3], 36 / 14),  # (1+2+3)² / (1+4+9)
        ([1, 3, 1], 25 / 11),
        ([5.0], 1.0),
        ([], 0.0),
    ],
)
def test_kish_effective_n(weights, expected):
    assert kish_effective_n(weights) == pytest.approx(expected, rel=1e-15)


def test_weighted_mean_by_hand():
    # answered: y = 2, 4, 9 with w = 1, 3, 1 (CV 0.57); the blank row (weight 5) is ignored.
    # Σw = 5, Σwy = 2 + 12 + 9 = 23, ȳ = 4.6
    # Σw²(y-ȳ)² = 1·2.6² + 9·0.6² + 1·4.4² = 6.76 + 3.24 + 19.36 = 29.36
    # var = 3/2 · 29.36 / 5² = 1.7616; n_eff = 5² / (1 + 9 + 1) = 25/11
    estimate = weighted_mean([2, 4, 9, np.nan], [1, 3, 1, 5])
    se = math.sqrt(1.7616)
    assert estimate.value == 4.6
    assert estimate.se == pytest.approx(se, rel=1e-12)
    assert estimate.ci_low == pytest.approx(4.6 - Z * se, rel=1e-12)
    assert estimate.ci_high == pytest.approx(4.6 + Z * se, rel=1e-12)
    assert (estimate.n, estimate.n_eff) == (3, pytest.approx(25 / 11, rel=1e-15))


def test_weighted_share_by_hand():
    # answered: y = 1, 0, 1 with w = 1, 3, 1: p = 2/5 = 0.4, n_eff = 25/11
    # se: 3/2 · (1·0.6² + 9·0.4² + 1·0.6²) / 25 = 3/2 · 2.16 / 25 = 0.1296 → 0.36 → 36 points
    # Wilson, z²/n = 3.8416·11/25 = 1.690304:
    #   centre = (0.4 + 0.845152) / 2.690304 = 0.4628297…
    #   half = 1.96·√(0.24·11/25 + 1.690304·11/100) / 2.690304 = 1.96·√0.29153344 / 2.690304
    #        = 0.3933681…  → [6.946159…, 85.619736…] %
    estimate = weighted_share([1, 0, 1, np.nan], [1, 3, 1, 2])
    assert estimate.value == 40.0
    assert estimate.se == pytest.approx(36.0, rel=1e-12)
    assert estimate.ci_low == pytest.approx(6.946159280434888, rel=1e-12)
    assert estimate.ci_high == pytest.approx(85.61973661831857, rel=1e-12)
    assert estimate.n == 3


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # n_eff = 10² / (1+9+1+1+16) = 100/28; at p = 0 the Wilson upper bound is
        # (z²/n) / (1 + z²/n) = 1.075648 / 2.075648 = 0.5182227…
        (0, Estimate(0.0, 0.0, 51.82227429699062, 5, 100 / 28, 0.0)),
        (1, Estimate(100.0, 48.17772570300938, 100.0, 5, 100 / 28, 0.0)),
    ],
)
def test_shares_of_0_and_100_percent_have_a_proper_interval(answer, expected):
    estimate = weighted_share([answer] * 5, [1, 3, 1, 1, 4])
    assert estimate == pytest.approx(expected)
    assert 0 <= estimate.ci_low < estimate.ci_high <= 100


def test_an_empty_cell_is_nan_never_zero():
    for function in (weighted_mean, weighted_share):
        estimate = function([np.nan, np.nan], [1.0, 2.0])
        assert math.isnan(estimate.value) and math.isnan(estimate.ci_high)
        assert (estimate.n, estimate.n_eff) == (0, 0.0)


def test_weighted_mean_agrees_with_statsmodels():
    """DescrStatsW gives the weighted mean; its ``var`` is the variance of y in the population
    (Σw(y-ȳ)²/Σw), not that of the mean, so the linearised variance n/(n-1)·Σw²(y-ȳ)²/(Σw)² is
    checked against the robust (HC1) variance of the intercept of a WLS fit, which is that very
    estimator; with equal weights it reduces to DescrStatsW's var(ddof=1) / n."""
    rng = np.random.default_rng(3)
    y = np.where(rng.random(800) < 0.1, np.nan, rng.integers(1, 11, 800)).astype(float)
    w = rng.lognormal(0.0, 0.8, 800)
    answered = ~np.isnan(y)
    assert w.std() / w.mean() >= 0.5
    estimate = weighted_mean(y, w)
    reference = DescrStatsW(y[answered], weights=w[answered])
    assert estimate.value == pytest.approx(reference.mean, rel=1e-13)
    fit = sm.WLS(y[answered], np.ones(answered.sum()), weights=w[answered]).fit(cov_type="HC1")
    assert estimate.se == pytest.approx(fit.bse[0], rel=1e-10)
    equal = weighted_mean(y, np.ones_like(y))
    plain = DescrStatsW(y[answered], ddof=1)
    assert equal.se**2 == pytest.approx(plain.var / answered.sum(), rel=1e-12)


@pytest.mark.parametrize(
    ("n_eff", "expected"),
    [(0.0, "supprime"), (29.99, "supprime"), (30.0, "prudence"), (99.9, "prudence"), (100, "ok")],
)
def test_cell_status(n_eff, expected):
    assert cell_status(n_eff, min_base=30, caution_base=100) == expected


@pytest.mark.parametrize(
    ("p_values", "expected"),
    [
        # sorted 0.01·3 = 0.03 ≤ 0.05 rejects; 0.03·2 = 0.06 > 0.05 stops (raw p: all three < 0.05)
        ([0.01, 0.04, 0.03], [True, False, False]),
        ([0.01, np.nan, 0.02], [True, None, True]),  # a family of two: 0.02, then 0.02
        ([0.2], [False]),
        ([np.nan, np.nan], [None, None]),
    ],
)
def test_holm_significant(p_values, expected):
    assert holm_significant(np.array(p_values)) == expected


def test_difference_p_value():
    # z = (6 - 5) / √(0.3² + 0.4²) = 2; p = 2·(1 - Φ(2))
    first = Estimate(6.0, 0, 0, 100, 100.0, 0.3)
    other = Estimate(5.0, 0, 0, 100, 100.0, 0.4)
    assert difference_p_value(first, other) == pytest.approx(0.04550026389635842, rel=1e-12)


# -- one view ---------------------------------------------------------------------------------


def entreprises_frame(rows_per_region: int, large_in_11: int) -> pd.DataFrame:
    """Companies in every region but Corse (94); in 11, ``large_in_11`` of them have 250+."""
    regions = [code for code in REGIONS if code != "94"]
    frame = pd.DataFrame(
        {
            "actor": "entreprises",
            "region_code": np.repeat(regions, rows_per_region),
            "company_size": "10_49",
            "weight": np.tile([1.0, 3.0], len(regions) * rows_per_region // 2),
            "score_pauvrete": np.tile([4.0, 8.0], len(regions) * rows_per_region // 2),
        }
    )
    frame.loc[: large_in_11 - 1, "company_size"] = "250_plus"
    return frame.astype({"actor": "str", "region_code": "str", "company_size": "str"})


def test_a_crossed_cell_under_the_base_is_suppressed(catalogue):
    frame = entreprises_frame(400, large_in_11=20)
    view = {"actor": "entreprises", "indicator": "fragility_mean_score", "fragility": "pauvrete"}
    total = estimate_cells(frame, catalogue, **view).set_index("territory_code")
    large = estimate_cells(frame, catalogue, segment="250_plus", **view).set_index("territory_code")
    assert total.loc["11", "status"] == "ok"
    assert total.loc["11", "n_eff"] == 320.0  # 800² / (200·1 + 200·9)
    # 20 rows, 10 of weight 1 and 10 of weight 3: n_eff = 40² / 100 = 16 < 30
    assert large.loc["11", ["n", "n_eff", "status"]].tolist() == [20, 16.0, "supprime"]
    assert large.loc["11", ["value", "ci_low", "ci_high"]].isna().all()
    assert large.loc["11", "significant"] is None


def test_a_region_without_respondents_is_suppressed_never_zero(catalogue):
    frame = entreprises_frame(400, large_in_11=20)
    table = estimate_cells(
        frame,
        catalogue,
        actor="entreprises",
        indicator="fragility_share_7_10",
        fragility="pauvrete",
    )
    corse = table.set_index("territory_code").loc["94"]
    assert (corse["n"], corse["n_eff"], corse["status"]) == (0, 0.0, "supprime")
    assert math.isnan(corse["value"]) and corse["significant"] is None
    france = table.iloc[-1]
    # 12 regions × 400 rows; half answer 8 (weight 3): 7-10 share = 3/4 of the weight
    assert (france["territory_code"], france["value"], france["n"]) == ("FR", 75.0, 4800)


def test_only_the_region_that_differs_is_significant(catalogue):
    # every region: 300 citizens, weights 1 and 3 alternating, scores 3 4 5 6 7 8 (mean 5.5 and
    # alike everywhere) except Bretagne (53), whose scores are 2 points higher
    scores = np.tile([3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 13 * 50)
    region = np.repeat(REGIONS, 300)
    frame = pd.DataFrame(
        {
            "actor": "citoyens",
            "region_code": region,
            "weight": np.tile([1.0, 3.0], 13 * 150),
            "score_emploi": scores + 2 * (region == "53"),
        }
    ).astype({"actor": "str", "region_code": "str"})
    table = estimate_cells(
        frame, catalogue, actor="citoyens", indicator="fragility_mean_score", fragility="emploi"
    )
    expected = [code == "53" for code in REGIONS] + [None]
    assert table["significant"].tolist() == expected
    assert table["status"].tolist() == ["ok"] * 14  # n_eff 240 per region


def test_columns_and_rows_of_one_view(microdata, catalogue):
    table = estimate_cells(
        microdata, catalogue, actor="maires", indicator="partnership_rate", segment="moins_500"
    )
    assert tuple(table.columns) == CELL_COLUMNS
    assert table["territory_code"].tolist() == [*REGIONS, "FR"]
    assert table["territory_name"].iloc[[0, -1]].tolist() == ["Île-de-France", "France"]


@pytest.mark.parametrize(
    ("view", "message"),
    [
        ({"indicator": "fragility_share_high"}, "not computable from microdata; valid: "),
        ({"indicator": "fragility_mean_score"}, "needs a fragility among: emploi, "),
        ({"indicator": "partnership_rate", "segment": "250_plus"}, "valid: all, moins_500"),
        ({"indicator": "partnership_rate", "by": "commune"}, "by 'region' or 'department'"),
        ({"indicator": "partnership_rate", "fragility": "emploi"}, "give no fragility"),
    ],
)
def test_views_that_cannot_be_computed_name_the_valid_ids(microdata, catalogue, view, message):
    with pytest.raises(ValueError, match=message):
        estimate_cells(microdata, catalogue, actor="maires", **view)


@pytest.mark.parametrize(
    ("view", "reference"),
    [
        (("associations", "benevoles", "fragility_mean_score", "sante"), "mean"),
        (("citoyens", "all", "fragility_top3_share", "emploi"), "top3"),
        (("maires", "all", "intend_partnership_share", None), "binary"),
    ],
)
def test_one_view_matches_the_primitives(microdata, catalogue, view, reference):
    actor, segment, indicator, fragility = view
    table = estimate_cells(
        microdata, catalogue, actor=actor, indicator=indicator, fragility=fragility, segment=segment
    )
    rows = microdata["actor"] == actor
    if segment != "all":
        rows &= microdata[SEGMENT_FIELDS[actor]] == segment
    for position, code in enumerate(REGIONS):
        part = microdata[rows & (microdata["region_code"] == code)]
        if reference == "mean":
            expected = weighted_mean(part[f"score_{fragility}"], part["weight"])
        elif reference == "top3":
            answered = part[list(TOP3_COLUMNS)].notna().any(axis=1)
            cited = part[list(TOP3_COLUMNS)].eq(fragility).any(axis=1).astype(float)
            expected = weighted_share(cited.where(answered), part["weight"])
        else:
            expected = weighted_share(part[indicator.replace("_share", "")], part["weight"])
        row = table.iloc[position]
        assert row["n"] == expected.n
        assert row["n_eff"] == pytest.approx(expected.n_eff, rel=1e-12)
        for column in ("value", "ci_low", "ci_high"):
            value = getattr(expected, column) if row["status"] != "supprime" else np.nan
            assert row[column] == pytest.approx(value, rel=1e-9, nan_ok=True)


# -- every view -------------------------------------------------------------------------------


def test_all_cells_shape(all_cells):
    assert tuple(all_cells.columns) == ALL_CELLS_COLUMNS
    # pairs: citoyens 1 + associations 3 + entreprises 4 + maires 5 = 13;
    # views: 3 indicators × 16 fragilities + 3 = 51; territories: 13 + France
    assert len(all_cells) == 13 * 51 * 14
    assert (
        all_cells.duplicated(["actor", "segment", "territory_code", "indicator", "fragility"]).sum()
        == 0
    )


@pytest.mark.parametrize(
    "view",
    [
        ("citoyens", "all", "fragility_mean_score", "emploi"),
        ("citoyens", "all", "partnership_innovation_share", None),
        ("entreprises", "250_plus", "fragility_share_7_10", "transition_energetique"),
        ("entreprises", "all", "fragility_top3_share", "pauvrete"),
        ("associations", "employeuses", "partnership_rate", None),
        ("maires", "10000_plus", "fragility_mean_score", "mobilite"),
        ("maires", "all", "fragility_top3_share", "acces_numerique"),
        ("maires", "500_1999", "intend_partnership_share", None),
    ],
)
def test_all_cells_equal_one_view_at_a_time(microdata, catalogue, all_cells, view):
    actor, segment, indicator, fragility = view
    one = estimate_cells(
        microdata, catalogue, actor=actor, indicator=indicator, fragility=fragility, segment=segment
    )
    chosen = (
        (all_cells["actor"] == actor)
        & (all_cells["segment"] == segment)
        & (all_cells["indicator"] == indicator)
        & (
            all_cells["fragility"].isna()
            if fragility is None
            else all_cells["fragility"] == fragility
        )
    )
    many = all_cells[chosen].reset_index(drop=True)
    assert many["territory_code"].tolist() == one["territory_code"].tolist()
    for column in ("value", "ci_low", "ci_high", "n_eff"):
        np.testing.assert_allclose(many[column], one[column], rtol=1e-9, atol=1e-9)
    for column in ("n", "status", "significant"):
        assert many[column].tolist() == one[column].tolist()


def test_all_cells_hold_every_status(all_cells):
    assert set(all_cells["status"]) == {"ok", "prudence", "supprime"}
    assert all_cells.loc[all_cells["status"] == "supprime", "value"].isna().all()


# -- prepared microdata ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prepared(microdata, catalogue):
    return prepare(microdata, catalogue)


def test_prepared_microdata_gives_the_same_cells(prepared, catalogue, all_cells):
    pd.testing.assert_frame_equal(
        estimate_all_cells(prepared, catalogue), all_cells, rtol=1e-9, atol=1e-9
    )


def test_category_columns_give_the_same_cells(microdata, catalogue, all_cells):
    text = ["actor", "region_code", *SEGMENT_FIELDS.values(), *TOP3_COLUMNS]
    categorical = microdata.astype(dict.fromkeys(text, "category"))
    pd.testing.assert_frame_equal(
        estimate_all_cells(categorical, catalogue), all_cells, rtol=1e-9, atol=1e-9
    )


@pytest.mark.parametrize(
    "view",
    [
        ("citoyens", "all", "fragility_mean_score", "emploi"),
        ("associations", "employeuses", "fragility_share_7_10", "sante"),
        ("entreprises", "all", "fragility_share_7_10", "mobilite"),
        ("entreprises", "250_plus", "fragility_top3_share", "pauvrete"),
        ("maires", "all", "fragility_top3_share", "acces_numerique"),
        ("maires", "moins_500", "partnership_rate", None),
        ("citoyens", "all", "partnership_innovation_share", None),
        ("associations", "benevoles", "intend_partnership_share", None),
    ],
)
def test_prepared_microdata_gives_the_same_view(microdata, prepared, catalogue, view):
    actor, segment, indicator, fragility = view
    chosen = {"actor": actor, "indicator": indicator, "fragility": fragility, "segment": segment}
    pd.testing.assert_frame_equal(
        estimate_cells(prepared, catalogue, **chosen),
        estimate_cells(microdata, catalogue, **chosen),
        rtol=1e-9,
        atol=1e-9,
    )


def test_a_repeated_priority_is_cited_once(microdata, catalogue):
    frame = microdata.copy()
    frame.loc[::3, "top3_2"] = frame.loc[::3, "top3_1"]
    frame.loc[::5, "top3_3"] = "inconnue"  # an unknown id: an answer citing no fragility
    cells = estimate_all_cells(prepare(frame, catalogue), catalogue)
    chosen = cells[
        (cells["actor"] == "citoyens")
        & (cells["segment"] == "all")
        & (cells["indicator"] == "fragility_top3_share")
        & (cells["fragility"] == "emploi")
    ]
    priorities = frame[list(TOP3_COLUMNS)]
    cited = priorities.eq("emploi").any(axis=1).astype(float).where(priorities.notna().any(axis=1))
    for code, row in zip(REGIONS, chosen.itertuples(), strict=False):
        part = (frame["actor"] == "citoyens") & (frame["region_code"] == code)
        expected = weighted_share(cited[part], frame.loc[part, "weight"])
        assert (row.territory_code, row.n) == (code, expected.n)
        assert row.value == pytest.approx(expected.value, rel=1e-9)


def test_prepare_rejects_a_region_outside_the_13(microdata, catalogue):
    frame = microdata.copy()
    frame.loc[5, "region_code"] = "01"
    with pytest.raises(ValueError, match=r"region_code not among the regions \(11, .*\): 01"):
        prepare(frame, catalogue)


def test_rows_of_other_actors_are_left_out_wherever_they_live(microdata, catalogue, all_cells):
    other = microdata.iloc[:3].assign(actor="autre", region_code=["01", "", None])
    frame = pd.concat([microdata, other], ignore_index=True)
    pd.testing.assert_frame_equal(
        estimate_all_cells(prepare(frame, catalogue), catalogue), all_cells, rtol=1e-9, atol=1e-9
    )


def test_prepared_microdata_refuses_another_catalogue(prepared, catalogue):
    files = catalogue.files
    shuffled = Catalogue(files.model_copy(update={"fragilities": files.fragilities[::-1]}))
    with pytest.raises(ValueError, match="prepared with another catalogue"):
        estimate_all_cells(prepared, shuffled)
    with pytest.raises(ValueError, match="prepared with another catalogue"):
        estimate_cells(prepared, shuffled, actor="maires", indicator="partnership_rate")


def test_answers_left_out_of_a_preparation_cannot_be_estimated(microdata, catalogue):
    part = prepare(microdata, catalogue, columns=["score_emploi"])
    view = {"actor": "citoyens", "indicator": "fragility_mean_score", "fragility": "emploi"}
    assert estimate_cells(part, catalogue, **view)["n"].iloc[-1] > 0
    with pytest.raises(ValueError, match="score_sante was not prepared"):
        estimate_cells(part, catalogue, **{**view, "fragility": "sante"})
    with pytest.raises(ValueError, match="top3_1, top3_2, top3_3 were not prepared"):
        estimate_cells(part, catalogue, **{**view, "indicator": "fragility_top3_share"})


# -- command line -----------------------------------------------------------------------------


def run_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command", required=True)
    command.add_parser(subparsers)
    return command.run(parser.parse_args(argv))


def mayors_file(tmp_path, simulated: bool = False) -> str:
    """60 mayors in 3 regions, in the full import format; weight 1 → score 4, weight 3 → score 8."""
    catalogue = load_catalogue()
    frame = pd.DataFrame(
        {column: "" for column in microdata_columns(list(catalogue.fragilities))},
        index=range(60),
    )
    frame["respondent_id"] = [f"r{index}" for index in range(60)]
    frame["actor"] = "maires"
    frame["region_code"] = np.repeat(["11", "24", "27"], 20)
    frame["commune_size_class"] = "moins_500"
    frame["weight"] = np.tile(["1", "3"], 30)
    frame["score_pauvrete"] = np.tile(["4", "8"], 30)
    frame["top3_1"] = "pauvrete"
    frame["top3_2"] = np.tile(["emploi", ""], 30)
    path = tmp_path / "microdata.csv"
    frame.to_csv(path, index=False)
    if simulated:
        (tmp_path / "microdata.csv.json").write_text('{"simulated": true}', encoding="utf-8")
    return str(path)


def test_the_built_in_published_figures_are_a_dataset_too(capsys):
    argv = ["estimate", "--data", "published", "--actor", "maires"]
    argv += ["--indicator", "partnership_innovation_share"]
    assert run_command(argv) == 0
    rows = {line.split(",")[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows["76"].startswith("76,Occitanie,100.0,,,,,ok,,")
    assert rows["11"].startswith("11,Île-de-France,,,,,,non_publie,,")
    assert rows["FR"].startswith("FR,France,87.0,,,,,ok,,")


def test_the_command_prints_the_view_as_csv(tmp_path, capsys):
    argv = ["estimate", "--data", mayors_file(tmp_path), "--actor", "maires"]
    argv += ["--indicator", "fragility_mean_score", "--fragility", "pauvrete"]
    assert run_command(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "territory_code,territory_name,value,ci_low,ci_high,n,n_eff,status,significant,source"
    )
    assert len(lines) == 15
    # Σw = 120, Σwy = 30·4 + 90·8 = 840 → 7.0; n_eff = 120² / (30·1 + 30·9) = 48 (prudence)
    # se² = 60/59 · (30·1·3² + 30·9·1²) / 120² = 2.25 / 59
    code, name, value, low, high, n, n_eff, status, significant, source = lines[-1].split(",")
    se = math.sqrt(2.25 / 59)
    assert (code, name, value, n, n_eff, status) == (
        "FR",
        "France",
        "7.0",
        "60",
        "48.0",
        "prudence",
    )
    assert float(low) == pytest.approx(7 - Z * se, rel=1e-12)
    assert float(high) == pytest.approx(7 + Z * se, rel=1e-12)
    assert (significant, source) == ("", "microdata.csv")
    assert lines[1].startswith("11,Île-de-France,,,,20,16.0,supprime,,")


def test_the_command_labels_simulated_data_and_speaks_json(tmp_path, capsys):
    argv = ["estimate", "--data", mayors_file(tmp_path, simulated=True), "--actor", "maires"]
    argv += ["--indicator", "fragility_top3_share", "--fragility", "pauvrete", "--format", "json"]
    assert run_command(argv) == 0
    france = json.loads(capsys.readouterr().out)[-1]
    # every mayor cites pauvrete; n_eff = 48: Wilson low = 48 / (48 + 1.96²) = 92.5897…%
    assert france == {
        "territory_code": "FR",
        "territory_name": "France",
        "value": 100.0,
        "ci_low": pytest.approx(100 * 48 / (48 + Z * Z), rel=1e-13),
        "ci_high": 100.0,
        "n": 60,
        "n_eff": 48.0,
        "status": "prudence",
        "significant": None,
        "source": "données simulées",
    }


def test_the_command_estimates_by_department_from_commune_codes(tmp_path, capsys):
    path = mayors_file(tmp_path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    # the 20 mayors of Île-de-France in Paris (75), the others without a commune code
    frame.loc[frame["region_code"] == "11", "commune_code"] = "75056"
    frame.to_csv(path, index=False)
    argv = ["estimate", "--data", path, "--actor", "maires", "--by", "department"]
    argv += ["--indicator", "fragility_mean_score", "--fragility", "pauvrete"]
    assert run_command(argv) == 0
    rows = {line.split(",")[0]: line.split(",") for line in capsys.readouterr().out.splitlines()}
    assert len(rows) == 1 + 96 + 1  # header, departments, France
    # Paris: 10 × (w 1, score 4) and 10 × (w 3, score 8) → 7.0; n_eff = 40² / 100 = 16
    assert rows["75"][1:3] == ["Paris", ""] and rows["75"][5:8] == ["20", "16.0", "supprime"]
    assert rows["01"][5] == "0"
    assert rows["FR"][5] == "20"  # only respondents with a commune code count


def test_published_figures_exist_by_region_only(capsys):
    argv = ["estimate", "--data", "published", "--actor", "maires", "--by", "department"]
    argv += ["--indicator", "partnership_innovation_share"]
    assert run_command(argv) == 2
    assert "published figures exist by region" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("actor", "segment", "indicator", "fragility"),
    [
        ("entreprises", "250_plus", "fragility_mean_score", "emploi"),
        ("maires", "moins_500", "partnership_rate", None),
        ("associations", "benevoles", "fragility_top3_share", "sante"),
    ],
)
def test_a_segment_is_compared_with_the_rest_of_its_actor(
    catalogue, actor, segment, indicator, fragility
):
    frame = random_microdata(catalogue, 30_000, seed=11)
    rest = segment_against_rest(
        prepare(frame, catalogue),
        catalogue,
        actor=actor,
        segment=segment,
        indicator=indicator,
        fragility=fragility,
    ).set_index("territory_code")
    inside = estimate_cells(
        frame, catalogue, actor=actor, segment=segment, indicator=indicator, fragility=fragility
    ).set_index("territory_code")
    others = frame[(frame["actor"] == actor) & (frame[SEGMENT_FIELDS[actor]] != segment)]
    share = indicator != "fragility_mean_score"
    for territory in ("11", "53", "FR"):
        rows = others if territory == "FR" else others[others["region_code"] == territory]
        expected = reference_estimate(rows, indicator, fragility, share)
        got = rest.loc[territory]
        assert got["value"] == pytest.approx(expected.value)
        assert (got["ci_low"], got["ci_high"]) == pytest.approx((expected.ci_low, expected.ci_high))
        assert got["n"] == expected.n
        part = inside.loc[territory]
        part_se = (part["ci_high"] - part["ci_low"]) / (2 * Z) if not share else None
        if part_se is not None:  # a mean: its se is the interval's half-width / 1.96
            own = Estimate(part["value"], 0, 0, int(part["n"]), part["n_eff"], part_se)
            assert got["p_value"] == pytest.approx(difference_p_value(own, expected))
        assert 0 <= got["p_value"] <= 1


def reference_estimate(rows: pd.DataFrame, indicator: str, fragility: str | None, share: bool):
    """The rest's estimate from the respondents themselves, by the primitive formulas."""
    if indicator == "fragility_top3_share":
        answered = rows[list(TOP3_COLUMNS)].notna().any(axis=1)
        cited = (rows[list(TOP3_COLUMNS)] == fragility).any(axis=1).astype(float)
        return weighted_share(cited.where(answered), rows["weight"].to_numpy())
    column = f"score_{fragility}" if fragility else {"partnership_rate": "partnership"}[indicator]
    values = rows[column].to_numpy(dtype=float)
    if share and column.startswith("score_"):
        values = np.where(np.isnan(values), np.nan, (values >= 7).astype(float))
    estimate = weighted_share if share else weighted_mean
    return estimate(values, rows["weight"].to_numpy())


def test_all_has_no_rest(catalogue):
    with pytest.raises(ValueError, match="'all' has no rest"):
        segment_against_rest(
            prepare(random_microdata(catalogue, 500, seed=2), catalogue),
            catalogue,
            actor="maires",
            segment="all",
            indicator="partnership_rate",
        )
