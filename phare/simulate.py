"""Simulated respondent files (microdata) calibrated on the published PHARE figures.

The real PHARE answers were never released, so the dashboard's microdata views run on a file
drawn here: one row per respondent in the import format of :mod:`phare.microdata_format`,
reproducible from a seed, whose weighted national (and the few published regional) figures land
on the published ones. Every figure computed from it must be labelled :data:`SIMULATED_NOTE`;
:func:`write_microdata` writes a ``<file>.json`` sidecar saying so.

How the numbers are made: each answer is a latent continuous value (a respondent-level component
plus noise); one shift per cell (actor × region, or actor × segment) is found by bisection so that
the weighted mean of the rounded answers hits the cell's target. Regional targets are the national
value plus regional effects that keep the weighted national value on target, so calibration is
exact for the drawn sample rather than a matter of luck.

Cells with no published PHARE figure get the documented :data:`INVENTED_MEANS` and
:data:`INVENTED_SHARES`: they are plausible, not calibrated. Citizens were not asked whether
their organisation takes part in partnerships, so their ``partnership`` and
``intend_partnership`` stay blank.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from phare.catalogue import Catalogue
from phare.microdata_format import (
    BINARY_COLUMNS,
    SEGMENT_FIELDS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    microdata_columns,
    score_column,
)
from phare.simulation_targets import (
    Target,
    calibration_targets,
)

GENERATOR_VERSION = "1"
SIMULATED_NOTE = "données simulées"
FLOAT_FORMAT = "%.4f"

# Share of respondents per actor (a chosen design, not a published figure).
ACTOR_SHARES = {"citoyens": 0.40, "associations": 0.20, "entreprises": 0.25, "maires": 0.15}
# Population each actor's weights sum to. Associations and firms are derived from the published
# figures (engaged organisations ÷ partnership rate: 267,000 ÷ 38 %, 89,000 ÷ 37 %); adults are
# the approximate metropolitan population aged 18+ (INSEE 2016); mayors, the approximate number
# of metropolitan communes on 1 January 2016.
ACTOR_POPULATIONS = {
    "citoyens": 51_900_000,
    "associations": 703_000,
    "entreprises": 240_000,
    "maires": 35_800,
}
# Segment shares, used both to draw respondents and to post-stratify the weights. Employer
# associations: 1/6 is the share implied by the published rates (38 = 53 s + 35 (1 - s)). Firms
# and communes: approximate INSEE size distributions.
SEGMENT_SHARES = {
    "entreprises": {"10_49": 0.82, "50_249": 0.15, "250_plus": 0.03},
    "associations": {"employeuses": 1 / 6, "benevoles": 5 / 6},
    "maires": {"moins_500": 0.54, "500_1999": 0.31, "2000_9999": 0.125, "10000_plus": 0.025},
}
# Approximate INSEE 2016 populations of the 13 metropolitan regions, in thousands: respondents
# are drawn in these proportions for every actor.
REGION_POPULATIONS = {
    "11": 12_117,
    "24": 2_578,
    "27": 2_820,
    "28": 3_330,
    "32": 6_006,
    "44": 5_555,
    "52": 3_738,
    "53": 3_294,
    "75": 5_935,
    "76": 5_774,
    "84": 7_877,
    "93": 5_022,
    "94": 330,
}

WEIGHT_SIGMA = 0.47  # lognormal sigma: coefficient of variation sqrt(exp(σ²) - 1) ≈ 0.50
PERSON_SD, ITEM_SD = 0.9, 1.8  # latent score = respondent's general concern + item noise
OPENNESS_LOADING = 0.8  # shared component of innovation / partnership / intention answers
MISSING_SCORE_RATE = 0.03
MISSING_BINARY_RATE = 0.02
NO_PRIORITY_RATE = 0.02
SCORE_REGIONAL_SD = (0.15, 0.28)  # SD of the regional means, drawn per actor × fragility
SHARE_REGIONAL_SD = (2.0, 4.0)  # same for shares, in points


def split_counts(total: int, shares: list[float]) -> list[int]:
    """Whole counts in proportion to ``shares`` summing to ``total`` (largest remainder)."""
    exact = np.asarray(shares, dtype=float) / sum(shares) * total
    counts = np.floor(exact).astype(int)
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts.tolist()


def regional_effects(
    rng: np.random.Generator, shares: np.ndarray, fixed: dict[int, float], sd: float
) -> np.ndarray:
    """Deviation of each region from the national value.

    Regions in ``fixed`` keep their effect (a published regional value minus the national one);
    the others are random, re-centred so that ``shares @ effects == 0`` (the national value stays
    on target) and scaled so that the 13 effects have standard deviation ``sd`` where the fixed
    ones allow it.
    """
    is_fixed = np.zeros(len(shares), dtype=bool)
    is_fixed[list(fixed)] = True
    given = np.zeros(len(shares))
    given[list(fixed)] = list(fixed.values())
    noise = rng.standard_normal(len(shares))
    free_share = shares[~is_fixed].sum()
    if free_share <= 0:  # every respondent is in a fixed region: nothing to re-centre
        return given
    base = np.where(is_fixed, given, -(shares @ given) / free_share)
    slope = np.where(is_fixed, 0.0, noise - (shares[~is_fixed] @ noise[~is_fixed]) / free_share)
    return base + _scale_for_sd(base, slope, sd) * slope


def _scale_for_sd(base: np.ndarray, slope: np.ndarray, sd: float) -> float:
    """Largest a >= 0 with std(base + a slope) == sd, or the a closest to it."""
    centred_base, centred_slope = base - base.mean(), slope - slope.mean()
    a2 = centred_slope @ centred_slope / len(base)
    if a2 == 0:
        return 0.0
    b = 2 * (centred_base @ centred_slope) / len(base)
    c = centred_base @ centred_base / len(base) - sd**2
    discriminant = b * b - 4 * a2 * c
    if discriminant < 0:
        return max(-b / (2 * a2), 0.0)
    return max((-b + np.sqrt(discriminant)) / (2 * a2), 0.0)


def calibrate_shift(
    latent: np.ndarray,
    groups: np.ndarray,
    weight: np.ndarray,
    targets: np.ndarray,
    transform: Callable[[np.ndarray], np.ndarray],
    bounds: tuple[float, float],
    iterations: int = 60,
) -> np.ndarray:
    """Per-group shift s so that the weighted mean of ``transform(latent + s)`` is closest to
    its group's target; ``transform`` must be non-decreasing (rounding, thresholding)."""
    size = len(targets)
    total = np.maximum(np.bincount(groups, weights=weight, minlength=size), 1e-300)

    def means(shift: np.ndarray) -> np.ndarray:
        values = transform(latent + shift[groups])
        return np.bincount(groups, weights=weight * values, minlength=size) / total

    low, high = np.full(size, bounds[0]), np.full(size, bounds[1])
    for _ in range(iterations):
        middle = (low + high) / 2
        below = means(middle) < targets
        low, high = np.where(below, middle, low), np.where(below, high, middle)
    closer_low = np.abs(means(low) - targets) <= np.abs(means(high) - targets)
    return np.where(closer_low, low, high)


def to_score(latent: np.ndarray) -> np.ndarray:
    return np.clip(np.floor(latent + 0.5), 1, 10)


def to_binary(latent: np.ndarray) -> np.ndarray:
    return (latent > 0).astype(float)


@dataclass(frozen=True)
class _Sample:
    actor: np.ndarray
    region: np.ndarray  # index into the catalogue's regions
    segment: np.ndarray  # segment id, "" for citizens
    weight: np.ndarray
    regions: list[str]


def simulate(
    catalogue: Catalogue, published: pd.DataFrame, *, seed: int, respondents: int
) -> pd.DataFrame:
    """A calibrated, simulated respondent file in the microdata format (see module docstring).

    ``frame.attrs["simulation"]`` holds the metadata :func:`write_microdata` writes beside it.
    """
    if respondents < 1:
        raise ValueError(f"respondents must be at least 1, got {respondents}")
    regions = list(catalogue.regions)
    if sorted(regions) != sorted(REGION_POPULATIONS):
        raise ValueError("REGION_POPULATIONS must list exactly the catalogue's regions")
    fragilities = list(catalogue.fragilities)
    rng = np.random.Generator(np.random.PCG64(seed))
    targets = calibration_targets(catalogue, published)
    sample = _draw_sample(rng, respondents, regions)
    scores = _draw_scores(rng, sample, fragilities, targets)
    binaries = _draw_binaries(rng, sample, targets)
    top3 = _top3(rng, scores)
    frame = _assemble(sample, fragilities, scores, binaries, top3)
    frame.attrs["simulation"] = simulation_metadata(seed, respondents)
    return frame


def simulation_metadata(seed: int, respondents: int) -> dict[str, object]:
    return {
        "simulated": True,
        "label": SIMULATED_NOTE,
        "seed": seed,
        "respondents": respondents,
        "generator_version": GENERATOR_VERSION,
    }


def _draw_sample(rng: np.random.Generator, respondents: int, regions: list[str]) -> _Sample:
    counts = split_counts(respondents, list(ACTOR_SHARES.values()))
    actor = np.repeat(np.array(list(ACTOR_SHARES)), counts)
    population = np.array([REGION_POPULATIONS[code] for code in regions], dtype=float)
    region = rng.choice(len(regions), size=respondents, p=population / population.sum())
    segment = np.full(respondents, "", dtype=object)
    for name, shares in SEGMENT_SHARES.items():
        rows = actor == name
        segment[rows] = rng.choice(list(shares), size=rows.sum(), p=list(shares.values()))
    weight = rng.lognormal(0.0, WEIGHT_SIGMA, respondents)
    for name, total in ACTOR_POPULATIONS.items():
        for key, share in SEGMENT_SHARES.get(name, {"": 1.0}).items():
            rows = (actor == name) & (segment == key)
            if rows.any():
                weight[rows] *= total * share / weight[rows].sum()
    return _Sample(actor, region, segment, np.round(weight, 4), regions)


def _region_shares(sample: _Sample, rows: np.ndarray) -> np.ndarray:
    totals = np.bincount(sample.region[rows], sample.weight[rows], minlength=len(sample.regions))
    return totals / totals.sum()


def _regional_targets(
    rng: np.random.Generator, sample: _Sample, rows: np.ndarray, target: Target, sd: float
) -> np.ndarray:
    fixed = {
        sample.regions.index(code): value - target.national
        for code, value in target.regional.items()
    }
    return target.national + regional_effects(rng, _region_shares(sample, rows), fixed, sd)


def _draw_scores(
    rng: np.random.Generator,
    sample: _Sample,
    fragilities: list[str],
    targets: dict[tuple[str, str], Target],
) -> np.ndarray:
    """Scores (float, NaN = blank), respondents × fragilities, calibrated per actor × region."""
    size = (len(sample.actor), len(fragilities))
    latent = rng.normal(0, PERSON_SD, (size[0], 1)) + rng.normal(0, ITEM_SD, size)
    answered = rng.random(size) >= MISSING_SCORE_RATE
    scores = np.full(size, np.nan)
    for actor in SURVEYED_ACTORS:
        for j, fragility in enumerate(fragilities):
            rows = (sample.actor == actor) & answered[:, j]
            target = targets.get((actor, score_column(fragility)))
            if target is None or not rows.any():
                continue
            cell = _regional_targets(rng, sample, rows, target, rng.uniform(*SCORE_REGIONAL_SD))
            region = sample.region[rows]
            shift = calibrate_shift(
                latent[rows, j], region, sample.weight[rows], cell, to_score, (-5.0, 15.0)
            )
            scores[rows, j] = to_score(latent[rows, j] + shift[region])
    return scores


def _draw_binaries(
    rng: np.random.Generator, sample: _Sample, targets: dict[tuple[str, str], Target]
) -> dict[str, np.ndarray]:
    """innovation, partnership, intend_partnership as 0/1 floats, NaN = blank."""
    size = len(sample.actor)
    openness = OPENNESS_LOADING * rng.standard_normal(size)
    answers = {}
    for column in BINARY_COLUMNS:
        latent = openness + rng.logistic(size=size)
        answered = rng.random(size) >= MISSING_BINARY_RATE
        if column == "intend_partnership":
            answered &= answers["partnership"] == 0
        answers[column] = np.full(size, np.nan)
        for actor in SURVEYED_ACTORS:
            rows = (sample.actor == actor) & answered
            target = targets.get((actor, column))
            if target is not None and rows.any():
                answers[column][rows] = _calibrated_binary(rng, sample, rows, latent, target)
    return answers


def _calibrated_binary(
    rng: np.random.Generator, sample: _Sample, rows: np.ndarray, latent: np.ndarray, target: Target
) -> np.ndarray:
    """Calibrated per segment when segments are published, else per region."""
    if target.segments:
        keys = list(SEGMENT_SHARES[str(sample.actor[rows][0])])
        groups = np.array([keys.index(key) for key in sample.segment[rows]])
        cell = np.array([target.segments.get(key, target.national) for key in keys])
    else:
        groups = sample.region[rows]
        cell = _regional_targets(rng, sample, rows, target, rng.uniform(*SHARE_REGIONAL_SD))
        free = ~np.isin(sample.regions, list(target.regional))
        cell = np.where(free, np.clip(cell, 1.0, 99.0), cell)
    shift = calibrate_shift(
        latent[rows], groups, sample.weight[rows], cell / 100, to_binary, (-40.0, 40.0)
    )
    return to_binary(latent[rows] + shift[groups])


def _top3(rng: np.random.Generator, scores: np.ndarray) -> np.ndarray:
    """Indices of each respondent's three highest scores, ties broken at random; -1 = blank."""
    key = np.where(np.isnan(scores), -np.inf, scores + 0.5 * rng.random(scores.shape))
    order = np.argsort(-key, axis=1, kind="stable")[:, :3]
    order[np.isinf(np.take_along_axis(key, order, axis=1))] = -1
    order[rng.random(len(scores)) < NO_PRIORITY_RATE] = -1
    return order


def _text(values: np.ndarray) -> pd.Series:
    return pd.Series([value or None for value in values], dtype="str")


def _assemble(
    sample: _Sample,
    fragilities: list[str],
    scores: np.ndarray,
    binaries: dict[str, np.ndarray],
    top3: np.ndarray,
) -> pd.DataFrame:
    size = len(sample.actor)
    columns: dict[str, pd.Series] = {
        "respondent_id": _text(np.array([f"SIM{i:07d}" for i in range(1, size + 1)])),
        "actor": _text(sample.actor),
        "region_code": _text(np.array(sample.regions)[sample.region]),
        "commune_code": _text(np.full(size, "")),
    }
    for actor, column in SEGMENT_FIELDS.items():
        columns[column] = _text(np.where(sample.actor == actor, sample.segment, ""))
    columns["weight"] = pd.Series(sample.weight)
    for j, fragility in enumerate(fragilities):
        columns[score_column(fragility)] = pd.Series(scores[:, j]).astype("Int64")
    for column in BINARY_COLUMNS:
        columns[column] = pd.Series(binaries[column]).astype("Int64")
    ids = np.array([*fragilities, ""])  # index -1 reads the blank
    for k, column in enumerate(TOP3_COLUMNS):
        columns[column] = _text(ids[top3[:, k]])
    return pd.DataFrame(columns)[microdata_columns(fragilities)]


def write_microdata(frame: pd.DataFrame, path: Path | str) -> None:
    """Write ``frame`` as UTF-8 CSV in the format's column order, with a fixed float format.

    When the frame was simulated, its metadata goes to ``<path>.json`` so that anything computed
    from the file can be labelled :data:`SIMULATED_NOTE`.
    """
    path = Path(path)
    fragilities = [
        column.removeprefix("score_") for column in frame.columns if column.startswith("score_")
    ]
    expected = microdata_columns(fragilities)
    if list(frame.columns) != expected:
        raise ValueError(f"columns must be, in order: {', '.join(expected)}")
    frame.to_csv(
        path, index=False, encoding="utf-8", float_format=FLOAT_FORMAT, lineterminator="\n"
    )
    metadata = frame.attrs.get("simulation")
    if metadata is not None:
        sidecar = Path(f"{path}.json")
        text = json.dumps(metadata, ensure_ascii=False, indent=2, sort_keys=True)
        sidecar.write_text(text + "\n", encoding="utf-8")
