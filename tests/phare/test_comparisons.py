import math

import numpy as np
import pandas as pd
import pytest

from phare.comparisons import column_differences, rank_label, rank_ranges

NAN = math.nan


def table(rows: list[tuple[float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["value", "ci_low", "ci_high"])


def test_overlapping_intervals_give_rank_ranges():
    ranks = rank_ranges(
        table([(8.0, 7.5, 8.5), (7.0, 6.0, 8.0), (6.9, 6.5, 7.3), (3.0, 2.5, 3.5), (NAN, NAN, NAN)])
    )
    assert ranks["best_rank"].tolist()[:4] == [1, 1, 2, 4]
    assert ranks["worst_rank"].tolist()[:4] == [2, 3, 3, 4]
    assert np.isnan(ranks["best_rank"].iloc[4])


def test_published_values_without_intervals_have_exact_ranks_with_ties():
    ranks = rank_ranges(table([(77, NAN, NAN), (100, NAN, NAN), (77, NAN, NAN)]))
    assert ranks["best_rank"].tolist() == [2, 1, 2]
    assert ranks["worst_rank"].tolist() == [3, 1, 3]


def test_ascending_ranks_put_the_lowest_first():
    ranks = rank_ranges(table([(1.0, NAN, NAN), (2.0, NAN, NAN)]), descending=False)
    assert ranks["best_rank"].tolist() == [1, 2]


@pytest.mark.parametrize(
    ("best", "worst", "lang", "expected"),
    [
        (3, 7, "fr", "3e–7e"),
        (1, 1, "fr", "1er"),
        (1, 2, "en", "1st–2nd"),
        (11, 13, "en", "11th–13th"),
        (NAN, NAN, "fr", ""),
    ],
)
def test_rank_labels(best, worst, lang, expected):
    assert rank_label(best, worst, lang) == expected


def test_column_differences_are_holm_corrected_and_none_when_missing():
    # se = half-width / 1.96: first row differs by 10 with se 1 and 1 -> z = 7.07, clear;
    # second row differs by 1 -> not significant; third row has a suppressed cell.
    first = table([(50.0, 50 - 1.96, 50 + 1.96), (50.0, 48.04, 51.96), (NAN, NAN, NAN)])
    second = table([(60.0, 60 - 1.96, 60 + 1.96), (51.0, 49.04, 52.96), (40.0, 38.0, 42.0)])
    assert column_differences(first, second).tolist() == [True, False, None]


def test_ranks_come_from_pairwise_tests_not_from_overlapping_intervals():
    # The intervals overlap (9 to 9,5) yet the difference is significant: z = 1,5 / 0,72 = 2,08.
    ranks = rank_ranges(table([(10.0, 9.0, 11.0), (8.5, 7.5, 9.5)]))
    assert ranks["best_rank"].tolist() == [1, 2]
    assert ranks["worst_rank"].tolist() == [1, 2]


def test_rank_tests_are_holm_corrected_over_every_pair():
    # Same two values (p = 0,037) among four: with six pairs, Holm asks p < 0,05 / 2 of the
    # fifth smallest p, so 10 and 8,5 can no longer be told apart.
    rows = [(10.0, 9.0, 11.0), (8.5, 7.5, 9.5), (0.0, -1.0, 1.0), (0.1, -0.9, 1.1)]
    ranks = rank_ranges(table(rows))
    assert ranks["best_rank"].tolist() == [1, 1, 3, 3]
    assert ranks["worst_rank"].tolist() == [2, 2, 4, 4]
