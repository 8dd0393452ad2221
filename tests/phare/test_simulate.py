import argparse
import json

import numpy as np
import pandas as pd
import pytest

from phare.catalogue import load_catalogue
from phare.commands import simulate as command
from phare.microdata_format import SEGMENT_FIELDS, SURVEYED_ACTORS, microdata_columns
from phare.published import load_published
from phare.simulate import (
    ACTOR_POPULATIONS,
    GENERATOR_VERSION,
    SIMULATED_NOTE,
    calibrate_shift,
    regional_effects,
    simulate,
    split_counts,
    to_binary,
    to_score,
    write_microdata,
)

RESPONDENTS = 20_000
SHARE_COLUMNS = {
    "partnership_innovation_share": "innovation",
    "partnership_rate": "partnership",
    "intend_partnership_share": "intend_partnership",
}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def published(catalogue):
    return load_published(catalogue)


@pytest.fixture(scope="module", params=[1, 2, 3], ids=lambda seed: f"seed{seed}")
def frame(request, catalogue, published):
    return simulate(catalogue, published, seed=request.param, respondents=RESPONDENTS)


@pytest.fixture(scope="module")
def targets(published):
    """Published PHARE figures the file must reproduce, read here independently of the code."""
    rows = published[
        published["study"].str.startswith("PHARE-")
        & published["indicator"].isin(["fragility_mean_score", *SHARE_COLUMNS])
        & published["actor"].isin(SURVEYED_ACTORS)
        & published["segment"].isin(["all", "10+ salariés", "employeuses", "benevoles"])
    ].copy()
    rows["rank"] = rows["confidence"].map({"high": 0, "medium": 1, "low": 2})
    rows = rows.sort_values("rank", kind="stable")
    keys = ["actor", "segment", "region_code", "indicator", "fragility"]
    return rows.drop_duplicates(keys)


def weighted(rows: pd.DataFrame, column: str) -> float:
    answered = rows[column].notna().to_numpy()
    values = rows[column].to_numpy(dtype=float, na_value=np.nan)[answered]
    weights = rows["weight"].to_numpy()[answered]
    return float(np.sum(values * weights) / np.sum(weights))


def cell_rows(frame: pd.DataFrame, row) -> pd.DataFrame:
    rows = frame[frame["actor"] == row.actor]
    if row.segment in ("employeuses", "benevoles"):
        rows = rows[rows["association_type"] == row.segment]
    if row.region_code != "FR":
        rows = rows[rows["region_code"] == row.region_code]
    return rows


def estimate(frame: pd.DataFrame, row) -> float:
    if row.indicator == "fragility_mean_score":
        return weighted(cell_rows(frame, row), f"score_{row.fragility}")
    return 100 * weighted(cell_rows(frame, row), SHARE_COLUMNS[row.indicator])


@pytest.mark.parametrize(
    ("total", "shares", "expected"),
    [
        (10, [0.4, 0.2, 0.25, 0.15], [4, 2, 3, 1]),
        (7, [0.4, 0.2, 0.25, 0.15], [3, 1, 2, 1]),
        (1, [0.4, 0.2, 0.25, 0.15], [1, 0, 0, 0]),
        (20_000, [0.4, 0.2, 0.25, 0.15], [8000, 4000, 5000, 3000]),
    ],
)
def test_split_counts_gives_whole_counts_summing_to_the_total(total, shares, expected):
    assert split_counts(total, shares) == expected


def test_regional_effects_keep_fixed_regions_and_the_national_value():
    shares = np.array([0.5, 0.3, 0.1, 0.1])
    effects = regional_effects(np.random.default_rng(0), shares, {2: -0.4}, 0.3)
    assert effects[2] == -0.4
    assert shares @ effects == pytest.approx(0.0, abs=1e-12)
    assert effects.std() == pytest.approx(0.3, abs=1e-12)
    # a fixed effect too large for the requested SD: the smallest reachable SD is used
    effects = regional_effects(np.random.default_rng(0), shares, {2: -2.0}, 0.3)
    assert effects[2] == -2.0
    assert shares @ effects == pytest.approx(0.0, abs=1e-12)
    assert effects.std() > 0.3


def test_calibrate_shift_hits_each_group_target_exactly():
    latent = np.array([0.1, 0.2, 0.3, 0.4, 0.0, 0.0])
    groups = np.array([0, 0, 0, 0, 1, 1])
    weight = np.array([1.0, 1.0, 1.0, 1.0, 3.0, 1.0])
    shift = calibrate_shift(latent, groups, weight, np.array([0.5, 0.0]), to_binary, (-5, 5))
    assert to_binary(latent + shift[groups]).tolist() == [0, 0, 1, 1, 0, 0]
    shift = calibrate_shift(latent[:4], groups[:4], weight[:4], np.array([7.0]), to_score, (0, 9))
    assert to_score(latent[:4] + shift[0]).tolist() == [7, 7, 7, 7]


def test_the_same_seed_writes_the_same_bytes_and_a_sidecar(catalogue, published, tmp_path):
    paths = [tmp_path / "a.csv", tmp_path / "b.csv"]
    for path in paths:
        write_microdata(simulate(catalogue, published, seed=5, respondents=2000), path)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    sidecar = json.loads((tmp_path / "a.csv.json").read_text(encoding="utf-8"))
    assert sidecar == {
        "generator_version": GENERATOR_VERSION,
        "label": "données simulées",
        "respondents": 2000,
        "seed": 5,
        "simulated": True,
    }
    assert SIMULATED_NOTE == "données simulées"


def test_different_seeds_give_different_files(catalogue, published, tmp_path):
    for seed in (5, 6):
        frame = simulate(catalogue, published, seed=seed, respondents=500)
        write_microdata(frame, tmp_path / f"{seed}.csv")
    assert (tmp_path / "5.csv").read_bytes() != (tmp_path / "6.csv").read_bytes()


def test_the_file_reads_back_with_the_format_columns_and_text_codes(catalogue, published, tmp_path):
    frame = simulate(catalogue, published, seed=9, respondents=300)
    write_microdata(frame, tmp_path / "m.csv")
    back = pd.read_csv(tmp_path / "m.csv", dtype=str, keep_default_na=False)
    assert list(back.columns) == microdata_columns(list(catalogue.fragilities))
    assert set(back["score_emploi"]) <= {"", *map(str, range(1, 11))}
    assert set(back["innovation"]) <= {"", "0", "1"}
    assert back["weight"].str.fullmatch(r"\d+\.\d{4}").all()


def test_write_microdata_refuses_columns_out_of_order(catalogue, published, tmp_path):
    frame = simulate(catalogue, published, seed=9, respondents=10)
    with pytest.raises(ValueError, match="columns must be"):
        write_microdata(frame[frame.columns[::-1]], tmp_path / "m.csv")


def test_columns_codes_and_ranges(frame, catalogue):
    fragilities = list(catalogue.fragilities)
    assert list(frame.columns) == microdata_columns(fragilities)
    assert frame["respondent_id"].is_unique
    assert set(frame["actor"]) == set(SURVEYED_ACTORS)
    assert set(frame["region_code"]) == set(catalogue.regions)
    assert frame["commune_code"].isna().all()
    assert (frame["weight"] > 0).all()
    scores = frame[[f"score_{fragility}" for fragility in fragilities]].stack().dropna()
    assert set(scores) == set(range(1, 11))
    for column in ("innovation", "partnership", "intend_partnership"):
        assert set(frame[column].dropna()) == {0, 1}
    for top in ("top3_1", "top3_2", "top3_3"):
        assert set(frame[top].dropna()) <= set(fragilities)


def test_each_segment_field_is_filled_for_its_actor_only(frame, catalogue):
    for actor, column in SEGMENT_FIELDS.items():
        own = frame["actor"] == actor
        valid = {id for id, segment in catalogue.segments.items() if segment.field == column}
        assert set(frame.loc[own, column]) == valid
        assert frame.loc[~own, column].isna().all()


def test_top3_are_the_highest_scores_and_distinct(frame, catalogue):
    sample = frame.head(2000)
    for row in sample.itertuples(index=False):
        record = row._asdict()
        chosen = [record[top] for top in ("top3_1", "top3_2", "top3_3") if pd.notna(record[top])]
        assert len(chosen) == len(set(chosen))
        scores = {f: record[f"score_{f}"] for f in catalogue.fragilities}
        ranked = [scores[f] for f in chosen]
        assert ranked == sorted(ranked, reverse=True)
        others = [s for f, s in scores.items() if f not in chosen and pd.notna(s)]
        assert not chosen or not others or min(ranked) >= max(others)
    assert sample["top3_1"].notna().mean() > 0.95


def test_intention_is_asked_of_non_partners_only(frame):
    intends = frame["intend_partnership"].notna()
    assert (frame.loc[intends, "partnership"] == 0).all()
    citizens = frame["actor"] == "citoyens"
    assert frame.loc[citizens, ["partnership", "intend_partnership"]].isna().all().all()


def test_a_few_percent_of_scores_are_blank(frame):
    blank = frame.filter(like="score_").isna().to_numpy().mean()
    assert 0.02 < blank < 0.04


def test_national_mean_scores_are_within_a_tenth_of_the_published_ones(frame, targets):
    cells = targets[
        (targets["indicator"] == "fragility_mean_score") & (targets["region_code"] == "FR")
    ]
    assert len(cells) == 41  # 14 citizens + 11 associations + 16 firms
    errors = {
        (row.actor, row.fragility): estimate(frame, row) - row.value for row in cells.itertuples()
    }
    assert max(map(abs, errors.values())) < 0.1, errors


def test_national_shares_are_within_a_point_of_the_published_ones(frame, targets):
    cells = targets[
        (targets["indicator"] != "fragility_mean_score") & (targets["region_code"] == "FR")
    ]
    assert len(cells) == 9  # innovation ×4, partnership rate ×2 + 2 association types, intention
    errors = {
        (row.actor, row.indicator, row.segment): estimate(frame, row) - row.value
        for row in cells.itertuples()
    }
    assert max(map(abs, errors.values())) < 1.0, errors


def test_published_regional_values_are_within_two_points(frame, targets):
    cells = targets[targets["region_code"] != "FR"]
    assert len(cells) == 10  # 6 innovation shares, 4 Nouvelle-Aquitaine firm scores
    errors = {
        (row.actor, row.region_code, row.indicator, row.fragility): estimate(frame, row) - row.value
        for row in cells.itertuples()
    }
    assert max(map(abs, errors.values())) < 2.0, errors


def test_regional_means_vary_plausibly(frame, catalogue):
    for actor in SURVEYED_ACTORS:
        rows = frame[frame["actor"] == actor]
        for fragility in catalogue.fragilities:
            column = f"score_{fragility}"
            means = [weighted(part, column) for _, part in rows.groupby("region_code")]
            assert len(means) == 13
            assert 0.1 <= np.std(means, ddof=1) <= 0.4, (actor, fragility)


def test_weights_vary_moderately_and_sum_to_each_population(frame):
    for actor, population in ACTOR_POPULATIONS.items():
        weights = frame.loc[frame["actor"] == actor, "weight"].to_numpy()
        assert 0.3 <= weights.std() / weights.mean() <= 0.8
        assert weights.sum() == pytest.approx(population, abs=1)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command", required=True)
    assert command.add_parser(subparsers) == "simulate"
    return parser.parse_args(argv)


def test_the_command_writes_the_file_and_its_sidecar(tmp_path, capsys):
    out = tmp_path / "out" / "simulated.csv"
    args = parse(["simulate", "--seed", "4", "--respondents", "120", "--out", str(out)])
    assert command.run(args) == 0
    assert len(pd.read_csv(out)) == 120
    assert json.loads(out.with_name("simulated.csv.json").read_text())["seed"] == 4
    assert "données simulées" in capsys.readouterr().out


@pytest.mark.parametrize("respondents", ["0", "-3", "many"])
def test_the_command_refuses_a_bad_respondent_count(respondents, tmp_path):
    with pytest.raises(SystemExit):
        parse(["simulate", "--seed", "1", "--respondents", respondents, "--out", "x.csv"])


def test_python_m_phare_simulate_reaches_the_command(tmp_path, monkeypatch):
    import phare.__main__ as entry

    monkeypatch.setattr(entry, "COMMANDS", ("simulate",))  # the other commands live elsewhere
    out = tmp_path / "s.csv"
    assert entry.main(["simulate", "--seed", "2", "--respondents", "50", "--out", str(out)]) == 0
    assert out.exists()
