#!/usr/bin/env python3
"""Conformance vectors for Recall's FSRS-6 scheduler, computed with py-fsrs 6.3.2.

Writes a gzip-compressed JSONL fixture (default:
Tests/RecallCoreTests/Scheduling/Fixtures/fsrs-py-6.3.2.jsonl.gz). Every line is one record:

  {"kind": "meta", ...}                 versions, seed and counts
  {"kind": "history", "name", "input", "expected"}
      "input" is a `recall fsrs replay` input line, as a string (parameters, desired_retention,
      learning_steps, relearning_steps, maximum_interval, reviews), fields left out
      mean py-fsrs defaults; "expected" is the replay output py-fsrs implies:
      {"states": [{"state", "step", "stability", "difficulty", "due", "retrievability"}]}
  {"kind": "fuzz_history", "name", "input", "fuzz_seeds", "expected"}
      as above but with fuzz on: py-fsrs' random() is replaced, for review i, by
      SplitMix64(fuzz_seeds[i]) -> top 53 bits / 2**53, the number Recall derives from a seed
  {"kind": "error", "name", "input"}    input py-fsrs rejects (bad parameters or rating)
  {"kind": "fn", "fn": ...}             pure-function vectors of reference/fsrs.md section 2.1

The first records reproduce the shared scenarios of reference/fsrs.md section 2 (start
2024-01-01T12:00:00Z, default scheduler); then come random histories: random ratings, reviews on
time, early, late, several on the same day and exactly on 24-hour boundaries, random valid
parameters, desired retention 0.7-0.97, custom and empty steps, varied maximum intervals, times
with UTC offsets and (for some histories) microseconds.

Deterministic: fixed random seed, sorted JSON keys, gzip mtime 0. Needs `pip install fsrs==6.3.2`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

import fsrs.scheduler as fs
from fsrs import Card, Rating, Scheduler, State

FSRS_VERSION = "6.3.2"
SEED = 20240101
RANDOM_HISTORIES = 10_000
FUZZ_HISTORIES = 2_000
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parents[2]
    / "Tests/RecallCoreTests/Scheduling/Fixtures/fsrs-py-6.3.2.jsonl.gz"
)

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
UTC = timezone.utc
MASK64 = (1 << 64) - 1
# Histories whose times carry microseconds stop before this year: beyond 2069 a Swift `Date`
# (a Double of seconds since 2001) cannot hold microseconds exactly, and py-fsrs' whole-day
# counting would then be compared at a resolution Date does not have.
FRACTIONAL_YEAR_LIMIT = 2060
YEAR_LIMIT = 3000


def splitmix_unit(seed: int) -> float:
    """The uniform number in [0, 1) Recall's FuzzSeed.unitInterval derives from a seed."""
    z = (seed + 0x9E3779B97F4A7C15) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    z ^= z >> 31
    return (z >> 11) * 2.0**-53


def iso_utc(moment: datetime) -> str:
    """UTC ISO-8601 with 'Z', microseconds only when non-zero (Recall's replay format)."""
    text = moment.astimezone(UTC).replace(tzinfo=None).isoformat()
    return text + "Z"


def iso_with_offset(moment: datetime, offset_minutes: int, zulu: bool) -> str:
    if offset_minutes == 0 and zulu:
        return iso_utc(moment)
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes))).isoformat()


def input_line(inp: dict) -> str:
    """The replay input exactly as `recall fsrs replay` reads it (stored as a string so that the
    Swift tests can pass it on byte for byte)."""
    return json.dumps(inp, separators=(",", ":"))


def scheduler_for(inp: dict, fuzz: bool) -> Scheduler:
    return Scheduler(
        parameters=inp.get("parameters", fs.DEFAULT_PARAMETERS),
        desired_retention=inp.get("desired_retention", 0.9),
        learning_steps=[timedelta(seconds=s) for s in inp.get("learning_steps", [60, 600])],
        relearning_steps=[timedelta(seconds=s) for s in inp.get("relearning_steps", [600])],
        maximum_interval=inp.get("maximum_interval", 36500),
        enable_fuzzing=fuzz,
    )


def state_record(card: Card, retrievability: float) -> dict:
    return {
        "state": STATE_NAMES[card.state],
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": iso_utc(card.due),
        "retrievability": retrievability,
    }


class Replayer:
    """Reviews one card with py-fsrs, recording input and expected output as it goes."""

    def __init__(self, inp: dict, fuzz_seeds: list[int] | None = None):
        self.inp = dict(inp)
        self.inp["reviews"] = []
        self.sched = scheduler_for(inp, fuzz=fuzz_seeds is not None)
        self.fuzz_seeds = fuzz_seeds
        self.card: Card | None = None
        self.states: list[dict] = []

    def review(self, rating: int, moment: datetime, text: str) -> None:
        """Review at `moment` (UTC), written as `text` in the input. May raise OverflowError."""
        card = self.card if self.card is not None else Card(card_id=1, due=moment)
        retrievability = self.sched.get_card_retrievability(card, moment)
        if self.fuzz_seeds is not None:
            unit = splitmix_unit(self.fuzz_seeds[len(self.states)])
            fs.random = lambda: unit
        new_card, _ = self.sched.review_card(card, Rating(rating), review_datetime=moment)
        for value in (new_card.stability, new_card.difficulty, retrievability):
            if not math.isfinite(value):
                raise OverflowError("non-finite value")
        self.card = new_card
        self.inp["reviews"].append({"rating": rating, "time": text})
        self.states.append(state_record(new_card, retrievability))

    def record(self, kind: str, name: str) -> dict:
        out = {"kind": kind, "name": name, "input": input_line(self.inp),
               "expected": {"states": self.states}}
        if self.fuzz_seeds is not None:
            out["fuzz_seeds"] = self.fuzz_seeds[: len(self.states)]
        return out


# --- reference/fsrs.md section 2.1 -----------------------------------------------------------

T0 = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
A, H, G, E = Rating.Again, Rating.Hard, Rating.Good, Rating.Easy


def shared_scenarios() -> list[dict]:
    def run(name: str, inp: dict, steps: list) -> dict:
        rep = Replayer(inp)
        now = T0
        for i, (rating, when) in enumerate(steps):
            if i > 0:
                now = rep.card.due if when == "due" else rep.card.last_review + when
            rep.review(int(rating), now, iso_utc(now))
        return rep.record("history", name)

    d = "due"
    default: dict = {}
    return [
        run("good_x13_at_due", default, [(G, d)] * 13),
        run("py_fsrs_test_review_card", default,
            [(r, d) for r in (G, G, G, G, G, G, A, A, G, G, G, G, G)]),
        run("again_then_good", default, [(A, d)] + [(G, d)] * 8),
        run("hard_x8", default, [(H, d)] * 8),
        run("easy_x6", default, [(E, d)] * 6),
        run("mixed", default, [(G, d), (G, d), (H, d), (G, d), (A, d), (G, d), (E, d), (G, d),
                               (A, d), (A, d), (G, d), (G, d)]),
        run("late_and_early", default,
            [(G, d), (G, d), (G, timedelta(days=10)), (G, timedelta(days=1)),
             (G, timedelta(hours=5)), (E, timedelta(days=100)), (A, timedelta(days=400)),
             (G, d), (G, d)]),
        run("py_fsrs_test_memo_state", default,
            [(A, timedelta(0)), (G, timedelta(0)), (G, timedelta(days=1)),
             (G, timedelta(days=3)), (G, timedelta(days=8)), (G, timedelta(days=21))]),
        run("no_learning_steps", {"learning_steps": [], "relearning_steps": []},
            [(G, d), (G, d), (A, d), (G, d), (H, d), (E, d)]),
        run("dr_0.8_max_365", {"desired_retention": 0.8, "maximum_interval": 365}, [(E, d)] * 8),
    ]


def function_vectors() -> list[dict]:
    s = Scheduler(enable_fuzzing=False)
    out: list[dict] = []

    def emit(**kw):
        out.append({"kind": "fn", **kw})

    for r in (A, H, G, E):
        emit(fn="init", rating=int(r), s0=s._initial_stability(rating=r),
             d0=s._initial_difficulty(rating=r, clamp=True),
             d0_unclamped=s._initial_difficulty(rating=r, clamp=False))
    for st in (0.001, 0.1, 0.5, 1.0, 2.3065, 3.0, 10.0, 100.0, 1000.0, 1e5):
        emit(fn="next_interval", stability=st, days=s._next_interval(stability=st))
    for t, st in ((0, 1.0), (1, 1.0), (5, 2.0), (10, 10.0), (30, 10.0), (365, 50.0)):
        c = Card(card_id=2, state=State.Review, stability=st, difficulty=5.0, due=T0,
                 last_review=T0)
        emit(fn="retrievability", elapsed_days=t, stability=st,
             r=s.get_card_retrievability(c, T0 + timedelta(days=t)))
    for dd in (1.0, 5.0, 10.0):
        for r in (A, H, G, E):
            emit(fn="next_difficulty", d=dd, rating=int(r),
                 next=s._next_difficulty(difficulty=dd, rating=r))
    for dd, st, rr in ((5.0, 10.0, 0.9), (8.0, 3.0, 0.7), (2.0, 100.0, 0.95)):
        for r in (A, H, G, E):
            emit(fn="next_stability", d=dd, s=st, r=rr, rating=int(r),
                 next=s._next_stability(difficulty=dd, stability=st, retrievability=rr,
                                        rating=r))
    for st in (0.5, 2.3065, 20.0):
        for r in (A, H, G, E):
            emit(fn="short_term_stability", s=st, rating=int(r),
                 next=s._short_term_stability(stability=st, rating=r))
    for ivl in (1, 2, 3, 5, 7, 10, 20, 30, 50, 100, 365, 1000):
        res = {}
        for tag, val in (("u0", 0.0), ("u1", 0.999999)):
            fs.random = lambda v=val: v
            res[tag] = Scheduler()._get_fuzzed_interval(interval=timedelta(days=ivl)).days
        emit(fn="fuzz", ivl=ivl, maximum_interval=36500, u0=0.0, u1=0.999999,
             fuzzed_at_u0=res["u0"], fuzzed_at_u1=res["u1"])
    # Fuzz near a small maximum interval, where the bounds collapse.
    for ivl, max_ivl in ((3, 3), (5, 4), (10, 10), (30, 31)):
        for val in (0.0, 0.5, 0.999999):
            fs.random = lambda v=val: v
            days = Scheduler(maximum_interval=max_ivl)._get_fuzzed_interval(
                interval=timedelta(days=ivl)).days
            emit(fn="fuzz_at", ivl=ivl, maximum_interval=max_ivl, u=val, fuzzed=days)
    return out


# --- random histories ------------------------------------------------------------------------

STEP_POOL = [1, 5, 30, 60, 90, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400, 129600,
             172800]


def random_parameters(rng: random.Random) -> list[float] | None:
    if rng.random() < 0.25:
        return None
    weights = []
    for i, default in enumerate(fs.DEFAULT_PARAMETERS):
        lo, hi = fs.LOWER_BOUNDS_PARAMETERS[i], fs.UPPER_BOUNDS_PARAMETERS[i]
        pick = rng.random()
        if pick < 0.08:
            value = rng.uniform(lo, hi)
        elif pick < 0.12:
            value = rng.choice((lo, hi))
        elif pick < 0.2:
            value = default
        else:
            value = default * math.exp(rng.gauss(0.0, 0.3))
        if rng.random() < 0.9:
            value = round(value, 4)
        weights.append(min(max(value, lo), hi))
    return weights


def random_steps(rng: random.Random, most: int) -> list[float] | None:
    pick = rng.random()
    if pick < 0.3:
        return None
    if pick < 0.45:
        return []
    count = rng.randint(1, most)
    if rng.random() < 0.8:
        steps = sorted(rng.sample(STEP_POOL, count))
    else:
        steps = [rng.randint(1, 200_000) for _ in range(count)]
    return steps


def random_input(rng: random.Random) -> dict:
    inp: dict = {}
    params = random_parameters(rng)
    if params is not None:
        inp["parameters"] = params
    if rng.random() < 0.7:
        inp["desired_retention"] = round(rng.uniform(0.7, 0.97), rng.choice((2, 3, 6)))
    learning = random_steps(rng, 4)
    if learning is not None:
        inp["learning_steps"] = learning
    relearning = random_steps(rng, 3)
    if relearning is not None:
        inp["relearning_steps"] = relearning
    if rng.random() < 0.6:
        inp["maximum_interval"] = rng.choice(
            (1, 2, 3, 7, 30, 100, 365, 1000, 3650, 36500, rng.randint(1, 5000)))
    return inp


def random_history(rng: random.Random, name: str, fuzz: bool) -> dict:
    inp = random_input(rng)
    fractional = rng.random() < 0.2
    seeds = None
    if fuzz:
        base = rng.randrange(1 << 48)
        seeds = [base + i for i in range(64)]
    rep = Replayer(inp, seeds)

    offset = 0 if rng.random() < 0.6 else rng.randrange(-12 * 60, 14 * 60 + 1, 15)
    zulu = rng.random() < 0.7
    weights = [rng.random() ** 2 + 0.02 for _ in range(4)]
    count = min(40, 1 + int(rng.expovariate(1 / 6)))

    start = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(30 * 365 * 86400))
    if fractional:
        start += timedelta(microseconds=rng.randrange(1, 1_000_000))
    moment = start
    for i in range(count):
        if i > 0:
            last, due = rep.card.last_review, rep.card.due
            gap = due - last
            pick = rng.random()
            if pick < 0.35:
                moment = due
            elif pick < 0.5:
                moment = last + timedelta(seconds=int(gap.total_seconds() * rng.random()))
            elif pick < 0.68:
                late = max(1, int(gap.total_seconds() * rng.uniform(0.0, 2.0)))
                moment = due + timedelta(seconds=rng.randint(1, late))
            elif pick < 0.8:
                moment = last + timedelta(seconds=rng.randint(0, 86_399))
            elif pick < 0.92:
                moment = last + timedelta(days=rng.randint(1, 5),
                                          seconds=rng.choice((-1, 0, 0, 0, 1)))
            else:
                moment = last + timedelta(seconds=rng.randint(0, 600))
            if fractional and rng.random() < 0.3:
                moment += timedelta(microseconds=rng.randrange(1_000_000))
            moment = max(moment, last)
        limit = FRACTIONAL_YEAR_LIMIT if fractional else YEAR_LIMIT
        if moment.year >= limit:
            break
        rating = rng.choices((1, 2, 3, 4), weights=weights)[0]
        try:
            rep.review(rating, moment, iso_with_offset(moment, offset, zulu))
        except OverflowError:
            break  # extreme parameters overflowed in Python; keep the history up to here
    return rep.record("fuzz_history" if fuzz else "history", name)


def error_cases() -> list[dict]:
    """Inputs py-fsrs rejects; Recall must answer them with {"error": ...}."""
    review = [{"rating": 3, "time": "2024-01-01T12:00:00Z"}]
    bad_bound = list(fs.DEFAULT_PARAMETERS)
    bad_bound[4] = 0.5
    bad_decay = list(fs.DEFAULT_PARAMETERS)
    bad_decay[20] = 0.9
    cases = [
        ("parameter_below_bound", {"parameters": bad_bound, "reviews": review}),
        ("decay_above_bound", {"parameters": bad_decay, "reviews": review}),
        ("twenty_parameters", {"parameters": list(fs.DEFAULT_PARAMETERS[:20]), "reviews": review}),
        ("rating_5", {"reviews": [{"rating": 5, "time": "2024-01-01T12:00:00Z"}]}),
        ("rating_0", {"reviews": [{"rating": 0, "time": "2024-01-01T12:00:00Z"}]}),
    ]
    out = []
    for name, inp in cases:
        try:
            rep = Replayer(inp)
            for rv in inp["reviews"]:
                moment = datetime.fromisoformat(rv["time"].replace("Z", "+00:00"))
                rep.review(rv["rating"], moment, rv["time"])
        except ValueError:
            out.append({"kind": "error", "name": name, "input": input_line(inp)})
            continue
        raise SystemExit(f"py-fsrs accepted the error case {name}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if version("fsrs") != FSRS_VERSION:
        raise SystemExit(f"needs fsrs=={FSRS_VERSION}, found {version('fsrs')}")

    rng = random.Random(SEED)
    records = shared_scenarios() + function_vectors() + error_cases()
    records += [random_history(rng, f"random_{i:05d}", fuzz=False)
                for i in range(RANDOM_HISTORIES)]
    records += [random_history(rng, f"fuzz_{i:05d}", fuzz=True) for i in range(FUZZ_HISTORIES)]
    histories = [r for r in records if r["kind"] in ("history", "fuzz_history")]
    assert all(r["expected"]["states"] for r in histories), "empty history"
    meta = {
        "kind": "meta",
        "generator": "scripts/fsrs/generate_vectors.py",
        "fsrs": FSRS_VERSION,
        "seed": SEED,
        "histories": sum(r["kind"] == "history" for r in records),
        "fuzz_histories": sum(r["kind"] == "fuzz_history" for r in records),
        "reviews": sum(len(r["expected"]["states"]) for r in histories),
    }
    lines = [json.dumps(r, sort_keys=True, separators=(",", ":")) for r in [meta] + records]
    data = ("\n".join(lines) + "\n").encode()

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print(f"wrote {args.output}: {meta['histories']} histories, {meta['fuzz_histories']} fuzz "
          f"histories, {meta['reviews']} reviews, {len(data)} bytes uncompressed",
          file=sys.stderr)


if __name__ == "__main__":
    main()
