#!/usr/bin/env python3
"""Reference numbers from fsrs-rs (Anki's optimizer) via fsrs-rs-python 0.9.3 for Recall's optimizer tests.

Writes one JSON file with:
  revlog_csv       a synthetic review log (600 cards, America/New_York times with offsets, across the
                   2024 daylight-saving change) in the card_id,review_rating,review_time,review_duration
                   layout Recall's ReviewLogCSV reads;
  time_zone, day_start_hour
                   the study-day boundary (04:00 local);
  items            the FSRS items fsrs-rs-python's examples/train_csv.py recipe builds from the log: one
                   per review at least one study day after the card's previous one, with the card's whole
                   earlier history as [rating, delta_t] pairs; ordered by (target time, card id, length);
  evaluations      FSRS(parameters).evaluate(items) for two parameter vectors: fsrs-rs' log loss and
                   RMSE(bins), both weighted by recency (0.25 + 0.75 (i / (n - 1))^3 in item order),
                   rounded to 6 decimals;
  initial_stability
                   compute_parameters on the items with exactly one long-term review: the training set
                   then equals the initialization set, so fsrs-rs returns its pre-trained w0..w3 (after its
                   outlier filter and smooth_and_fill) followed by the default w4..w20.

Deterministic (fixed seed, sorted keys). Run:
    .venv/bin/python scripts/optimizer/generate_optimizer_fixture.py \
        --output Tests/RecallCoreTests/Optimization/Fixtures/fsrs-rs-0.9.3-optimizer.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

FSRS_RS_PYTHON_VERSION = "0.9.3"
SEED = 8
CARDS = 600
ZONE = "America/New_York"
DAY_START_HOUR = 4
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parents[2]
    / "Tests/RecallCoreTests/Optimization/Fixtures/fsrs-rs-0.9.3-optimizer.json"
)
OTHER_PARAMETERS = [
    0.5, 2.0, 5.0, 15.0, 6.0, 0.6, 2.5, 0.05, 1.5, 0.2, 1.0, 1.8, 0.1, 0.3, 1.2, 0.5, 2.5, 0.4, 0.3, 0.2, 0.3,
]


def synthetic_log(rng: random.Random) -> list[tuple[str, int, datetime]]:
    zone = ZoneInfo(ZONE)
    start = datetime(2024, 2, 1, 6, 0, tzinfo=zone)
    reviews = []
    for card in range(CARDS):
        card_id = str(1_700_000_000_000 + card * 7919)
        moment = start + timedelta(days=rng.randrange(60), minutes=rng.randrange(18 * 60))
        rating = rng.choices([1, 2, 3, 4], weights=[0.25, 0.1, 0.5, 0.15])[0]
        reviews.append((card_id, rating, moment))
        # A few same-day steps after a first Again, a few minutes apart (may cross the 04:00 boundary).
        if rating == 1:
            moment += timedelta(minutes=rng.choice([1, 10, 30, 300]))
            reviews.append((card_id, 3, moment))
        # First gaps from a small set so that fsrs-rs' pre-training groups are large enough.
        first_gap = rng.choice([1, 1, 2, 3, 4]) if rating < 4 else rng.choice([3, 4, 7])
        gap = first_gap
        for _ in range(rng.randrange(1, 9)):
            moment += timedelta(days=gap, minutes=rng.randrange(-180, 180))
            recalled = rng.random() < 0.85
            rating = rng.choices([2, 3, 4], weights=[0.15, 0.75, 0.1])[0] if recalled else 1
            reviews.append((card_id, rating, moment))
            if rating == 1:
                moment += timedelta(minutes=10)
                reviews.append((card_id, 3, moment))
                gap = rng.choice([1, 2])
            else:
                gap = max(1, round(gap * rng.uniform(1.5, 3.5)))
    rng.shuffle(reviews)  # a log need not be sorted; the reader must sort each card
    return reviews


def study_day(moment: datetime) -> int:
    # The local wall time minus the day-start hour, as naive arithmetic: hour < 4 is yesterday.
    local = moment.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)
    return (local - timedelta(hours=DAY_START_HOUR)).date().toordinal()


def build_items(reviews):
    cards: dict[str, list[tuple[datetime, int]]] = {}
    for card_id, rating, moment in reviews:
        cards.setdefault(card_id, []).append((moment, rating))
    items = []
    for card_id, history in cards.items():
        history.sort(key=lambda x: x[0])
        pairs = []
        previous = None
        for index, (moment, rating) in enumerate(history):
            day = study_day(moment)
            delta = 0 if previous is None else day - previous
            previous = day
            pairs.append([rating, delta])
            if index > 0 and delta > 0:
                items.append((moment, card_id, [list(p) for p in pairs]))
    items.sort(key=lambda item: (item[0], item[1], len(item[2])))
    return items


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if version("fsrs-rs-python") != FSRS_RS_PYTHON_VERSION:
        print(f"needs fsrs-rs-python=={FSRS_RS_PYTHON_VERSION}", file=sys.stderr)
        return 1

    rng = random.Random(SEED)
    reviews = synthetic_log(rng)
    lines = ["card_id,review_rating,review_time,review_duration"]
    for card_id, rating, moment in reviews:
        lines.append(f"{card_id},{rating},{moment.isoformat()},{rng.randrange(2000, 30000)}")
    items = build_items(reviews)
    fsrs_items = [FSRSItem([FSRSReview(r, d) for r, d in item[2]]) for item in items]

    evaluations = []
    for parameters in (list(DEFAULT_PARAMETERS), OTHER_PARAMETERS):
        result = FSRS(parameters).evaluate(fsrs_items)
        # fsrs-rs sums its bins in f32 in HashMap order, which varies from run to run in the last
        # digits; six decimals keep the fixture byte-stable (the tests allow 2e-5).
        evaluations.append({
            "parameters": parameters,
            "log_loss": round(result.log_loss, 6),
            "rmse_bins": round(result.rmse_bins, 6),
        })

    singles = [item for item in fsrs_items if item.long_term_review_cnt() == 1]
    initial = FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(singles)

    fixture = {
        "generator": f"scripts/optimizer/generate_optimizer_fixture.py, fsrs-rs-python {FSRS_RS_PYTHON_VERSION}",
        "revlog_csv": "\n".join(lines) + "\n",
        "time_zone": ZONE,
        "day_start_hour": DAY_START_HOUR,
        "items": [{"card_id": card_id, "reviews": pairs} for _, card_id, pairs in items],
        "evaluations": evaluations,
        "initial_stability": {"single_long_term_items": len(singles), "parameters": initial},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(fixture, sort_keys=True, indent=0) + "\n")
    print(f"{len(items)} items, {len(singles)} with one long-term review -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
