"""``python -m phare simulate``: write a calibrated, simulated respondent file and its sidecar."""

from __future__ import annotations

import argparse
from pathlib import Path

from phare.catalogue import load_catalogue
from phare.published import load_published
from phare.simulate import SIMULATED_NOTE, simulate, write_microdata

DEFAULT_RESPONDENTS = 20_000


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def add_parser(subparsers: argparse._SubParsersAction) -> str:
    parser = subparsers.add_parser(
        "simulate",
        help="write a simulated respondent file calibrated on the published PHARE figures",
        description=(
            "Draw a respondent file in the microdata import format, reproducible from the seed, "
            f"and a <FILE>.json sidecar marking it as « {SIMULATED_NOTE} »."
        ),
    )
    parser.add_argument(
        "--seed", type=int, required=True, help="random seed (same seed → same file)"
    )
    parser.add_argument(
        "--respondents",
        type=positive_int,
        default=DEFAULT_RESPONDENTS,
        help=f"number of respondents (default {DEFAULT_RESPONDENTS})",
    )
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    return "simulate"


def run(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    frame = simulate(
        catalogue, load_published(catalogue), seed=args.seed, respondents=args.respondents
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_microdata(frame, args.out)
    print(f"{args.out}: {len(frame)} respondents, seed {args.seed} ({SIMULATED_NOTE})")
    return 0
