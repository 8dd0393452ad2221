"""``python -m phare estimate``: one view's estimates, from any dataset, as CSV or JSON.

``--data`` is ``published`` (the built-in published figures), the id of an imported release,
or the path of a respondent file. Example::

    python -m phare estimate --data respondents.csv --actor maires \\
        --indicator fragility_mean_score --fragility pauvrete --format csv
"""

from __future__ import annotations

import argparse
import sys

from phare.catalogue import load_catalogue
from phare.datasets import VIEW_COLUMNS, estimate_view, open_dataset
from phare.estimates import ALL
from phare.settings import load_settings

NAME = "estimate"


def add_parser(subparsers: argparse._SubParsersAction) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="estimates of one view (published figures, a release or a respondent file)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data",
        required=True,
        metavar="FILE_OR_RELEASE",
        help="'published', a release id, or a CSV / Parquet / XLSX respondent file",
    )
    parser.add_argument("--actor", required=True)
    parser.add_argument("--indicator", required=True)
    parser.add_argument("--fragility", default=None)
    parser.add_argument("--segment", default=ALL)
    parser.add_argument(
        "--by",
        choices=("region", "department"),
        default="region",
        help="department: from the respondents' commune codes (microdata only)",
    )
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    return NAME


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    catalogue = load_catalogue()
    dataset = open_dataset(args.data, catalogue, settings.data_dir)
    try:
        table = estimate_view(
            dataset,
            catalogue,
            actor=args.actor,
            indicator=args.indicator,
            fragility=args.fragility,
            segment=args.segment,
            by=args.by,
            min_base=settings.min_base,
            caution_base=settings.caution_base,
        )
    except ValueError as error:
        print(f"phare estimate: {error}", file=sys.stderr)
        return 2
    table = table.loc[:, list(VIEW_COLUMNS)]
    if args.format == "json":
        sys.stdout.write(
            table.to_json(orient="records", force_ascii=False, indent=2, double_precision=15) + "\n"
        )
    else:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0
