#!/usr/bin/env python3
"""fsrs-rs (Anki's optimizer, through PyPI fsrs-rs-python) on a time split of a review log.

Reads a CSV log with the columns card_id,review_rating,review_time,review_duration (ISO-8601 times
with an offset, or milliseconds since 1970), splits it by time at the 80th-percentile review
timestamp, and builds fsrs-rs items the way fsrs-rs-python's examples/train_csv.py does: one item
per review at least one study day after the card's previous review, holding the card's whole
earlier history (same-day reviews included, with delta_t 0). Study days start at --day-start-hour
o'clock UTC. Training items are those whose target review is before the cutoff, test items those at
or after it, with the card's full history (memory is carried through the earlier reviews).

`FSRS([]).compute_parameters(train_items)` runs with its defaults (5 epochs, batch 512, seed 2023,
no card ids); only that call is timed (median of --repeats runs, the same parameters every time).
Default and fitted parameters are then scored on the test items with srs-benchmark's unweighted
metrics: log loss, RMSE(bins) over (elapsed days, review count, lapse count) bins, and AUC.

Prints one JSON object. recall-bench optimizer runs this script and scores the parameters again
with Recall's own evaluator, so both rows of its table use the same metric code.

    .venv/bin/python bench/optimizer_vs_fsrs_rs.py [--revlog FILE] [--day-start-hour 10] [--repeats 5]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LOG = ROOT / "examples" / "review_log_josh.csv"


def parse_time(text: str) -> datetime:
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, tz=timezone.utc)
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def load(path: Path) -> dict[str, list[tuple[datetime, int]]]:
    cards: dict[str, list[tuple[datetime, int, int]]] = {}
    with path.open(newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle)):
            cards.setdefault(row["card_id"], []).append(
                (parse_time(row["review_time"]), int(row["review_rating"]), line))
    # Chronological per card; equal times keep file order.
    return {card: [(t, r) for t, r, _ in sorted(reviews, key=lambda x: (x[0], x[2]))]
            for card, reviews in cards.items()}


def build_items(cards, day_start_hour: int):
    """[(target time, card id, reviews)] sorted by (time, card id, length), where reviews is the
    card's [(rating, delta_t)] list up to and including the target (a slice, so cards with long
    histories do not make the item list quadratic in memory)."""
    shift = timedelta(hours=day_start_hour)
    items = []
    for card, history in cards.items():
        reviews = []
        previous = None
        for moment, rating in history:
            day = (moment - shift).date().toordinal()
            reviews.append((rating, 0 if previous is None else day - previous))
            previous = day
        for index in range(1, len(reviews)):
            if reviews[index][1] > 0:
                items.append((history[index][0], card, reviews, index + 1))
    items.sort(key=lambda item: (item[0], item[1], item[3]))
    return [(moment, card, reviews[:length]) for moment, card, reviews, length in items]


def to_fsrs_items(items) -> list[FSRSItem]:
    # One FSRSReview object per review of a card, shared by all of the card's items.
    objects: dict[tuple[str, int], FSRSReview] = {}
    result = []
    for _, card, reviews in items:
        result.append(FSRSItem([
            objects.setdefault((card, k), FSRSReview(rating, delta)) for k, (rating, delta) in enumerate(reviews)
        ]))
    return result


def bin_of(reviews) -> tuple[int, int, int]:
    """fsrs-rs FSRSItem::r_matrix_index (srs-benchmark's rmse_matrix bins)."""
    delta_t = reviews[-1][1]
    delta_bin = round(2.48 * 3.62 ** math.floor(math.log(delta_t) / math.log(3.62)) * 100)
    length = sum(1 for _, d in reviews if d > 0) + 1
    length_bin = round(1.99 * 1.89 ** math.floor(math.log(length) / math.log(1.89)))
    lapses = sum(1 for r, d in reviews[:-1] if r == 1 and d > 0)
    lapse_bin = 0 if lapses == 0 else round(1.65 * 1.73 ** math.floor(math.log(lapses) / math.log(1.73)))
    return delta_bin, length_bin, lapse_bin


def predictions(parameters, items) -> list[float]:
    model = FSRS(parameters)
    histories = [FSRSItem([FSRSReview(r, d) for r, d in item[2][:-1]]) for item in items]
    states = model.memory_state_batch(histories)
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return [(1 + factor * item[2][-1][1] / state.stability) ** decay for item, state in zip(items, states)]


def metrics(parameters, items) -> dict:
    p = [min(max(x, 1e-7), 1 - 1e-7) for x in predictions(parameters, items)]
    y = [1 if item[2][-1][0] > 1 else 0 for item in items]
    log_loss = -sum(math.log(pi) if yi else math.log(1 - pi) for pi, yi in zip(p, y)) / len(y)
    bins: dict = {}
    for item, pi, yi in zip(items, p, y):
        entry = bins.setdefault(bin_of(item[2]), [0.0, 0.0, 0])
        entry[0] += pi
        entry[1] += yi
        entry[2] += 1
    squared = sum((s_p / n - s_y / n) ** 2 * n for s_p, s_y, n in bins.values())
    rmse_bins = math.sqrt(squared / len(y))
    # AUC by Mann-Whitney U with average ranks for ties.
    order = sorted(range(len(p)), key=lambda i: p[i])
    rank_sum = 0.0
    positives = 0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and p[order[end + 1]] == p[order[start]]:
            end += 1
        rank = (start + end) / 2 + 1
        for k in range(start, end + 1):
            if y[order[k]]:
                positives += 1
                rank_sum += rank
        start = end + 1
    negatives = len(y) - positives
    auc = (rank_sum - positives * (positives + 1) / 2) / (positives * negatives) if positives and negatives else None
    return {"log_loss": log_loss, "rmse_bins": rmse_bins, "auc": auc, "count": len(y)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--revlog", type=Path, default=DEFAULT_LOG)
    parser.add_argument("--day-start-hour", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    cards = load(args.revlog)
    times = sorted(t for history in cards.values() for t, _ in history)
    cutoff = times[int(0.8 * len(times))]
    items = build_items(cards, args.day_start_hour)
    train = [item for item in items if item[0] < cutoff]
    test = [item for item in items if item[0] >= cutoff]
    train_fsrs = to_fsrs_items(train)

    durations = []
    parameters = None
    for _ in range(args.repeats):
        start = time.perf_counter()
        fitted = FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(train_fsrs)
        durations.append(time.perf_counter() - start)
        if parameters is not None and fitted != parameters:
            print("compute_parameters is not deterministic", file=sys.stderr)
            return 1
        parameters = fitted

    result = {
        "fsrs_rs_python": version("fsrs-rs-python"),
        "revlog": str(args.revlog),
        "reviews": len(times),
        "cutoff": cutoff.isoformat(),
        "train_items": len(train),
        "test_items": len(test),
        "parameters": parameters,
        "fit_seconds": statistics.median(durations),
        "fit_seconds_all": durations,
        "test": {
            "default": metrics(list(DEFAULT_PARAMETERS), test),
            "fsrs_rs": metrics(parameters, test),
        },
    }
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
