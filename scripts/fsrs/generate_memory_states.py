#!/usr/bin/env python3
"""Memory-state vectors from fsrs-rs (Anki's engine) via fsrs-rs-python 0.9.3.

fsrs-rs works in f32 and in whole days: each review is (rating, delta_t) where delta_t is the
number of days since the previous review (0 for the first review and for same-day reviews).
For every history this records the (stability, difficulty) fsrs-rs reports after each review
(`FSRS.historical_memory_states`). Recall's FSRSModel.nextState(_:rating:elapsedDays:) must
agree to about 1e-5 relative (f32 against f64).

fsrs-rs clamps stability to 36500 days and py-fsrs/Recall do not, so a history is cut just
before the first review whose fsrs-rs stability reaches that cap.

Writes Tests/RecallCoreTests/Scheduling/Fixtures/fsrs-rs-0.9.3-memory-states.jsonl.gz
(deterministic: fixed seed, sorted keys, gzip mtime 0). Needs `pip install fsrs-rs-python==0.9.3`.
Each line: {"parameters": [21 numbers], "reviews": [[rating, delta_t], ...],
            "states": [[stability, difficulty], ...]}
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
from importlib.metadata import version
from pathlib import Path

from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

FSRS_RS_PYTHON_VERSION = "0.9.3"
SEED = 662
HISTORIES = 400
STABILITY_CAP = 36500.0
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parents[2]
    / "Tests/RecallCoreTests/Scheduling/Fixtures/fsrs-rs-0.9.3-memory-states.jsonl.gz"
)

# py-fsrs 6.3.2 defaults and bounds, so the parameters are valid for Recall too.
DEFAULTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
LOWER = [0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001,
         0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1]
UPPER = [100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0,
         1.0, 6.0, 2.0, 2.0, 0.8, 0.8]


def random_parameters(rng: random.Random) -> list[float]:
    if rng.random() < 0.2:
        return list(DEFAULTS)
    weights = []
    for default, lo, hi in zip(DEFAULTS, LOWER, UPPER):
        value = default * math.exp(rng.gauss(0.0, 0.25)) if rng.random() < 0.8 else default
        weights.append(min(max(round(value, 4), lo), hi))
    return weights


def random_history(rng: random.Random, model: FSRS) -> list[tuple[int, int]]:
    weights = [rng.random() + 0.05 for _ in range(4)]
    reviews = [(rng.choices((1, 2, 3, 4), weights=weights)[0], 0)]
    state = None
    for _ in range(rng.randint(0, 24)):
        item = FSRSItem([FSRSReview(r, t) for r, t in reviews])
        state = model.memory_state(item)
        pick = rng.random()
        if pick < 0.2:
            delta = 0  # same day
        elif pick < 0.35:
            delta = rng.randint(1, 5)
        else:
            # around the interval fsrs-rs would schedule at 90 % retention
            ivl = max(1.0, model.next_interval(state.stability, 0.9, 3))
            delta = max(1, round(ivl * rng.uniform(0.3, 2.5)))
        rating = rng.choices((1, 2, 3, 4), weights=weights)[0]
        reviews.append((rating, min(delta, 100_000)))
    return reviews


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if version("fsrs-rs-python") != FSRS_RS_PYTHON_VERSION:
        raise SystemExit(f"needs fsrs-rs-python=={FSRS_RS_PYTHON_VERSION}, "
                         f"found {version('fsrs-rs-python')}")
    rng = random.Random(SEED)
    lines = []
    compared = 0
    while len(lines) < HISTORIES:
        params = random_parameters(rng)
        model = FSRS(params)
        reviews = random_history(rng, model)
        states = model.historical_memory_states(
            FSRSItem([FSRSReview(r, t) for r, t in reviews]))
        pairs = [[s.stability, s.difficulty] for s in states]
        keep = next((i for i, (s, _) in enumerate(pairs) if s >= STABILITY_CAP), len(pairs))
        if keep == 0:
            continue
        compared += keep
        lines.append(json.dumps(
            {"parameters": params, "reviews": [list(r) for r in reviews[:keep]],
             "states": pairs[:keep]},
            sort_keys=True, separators=(",", ":")))
    data = ("\n".join(lines) + "\n").encode()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print(f"wrote {args.output}: {len(lines)} histories, {compared} states", file=sys.stderr)


if __name__ == "__main__":
    main()
