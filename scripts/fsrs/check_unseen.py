#!/usr/bin/env python3
"""Checks `recall fsrs replay` against py-fsrs on random histories never seen before.

The committed fixture pins one seed; this draws a fresh one each run (printed, so a failure can be replayed with
--seed), generates histories the same way as generate_vectors.py, replays them through the recall binary and
compares every state: phase and step exactly, stability, difficulty and retrievability to 1e-9 relative, due to
the millisecond.

    .venv/bin/python scripts/fsrs/check_unseen.py --recall .build/debug/recall [--seed N] [--histories 2000]
"""
import argparse
import json
import random
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import generate_vectors as reference  # noqa: E402


def seconds(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recall", required=True)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--histories", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = [reference.random_history(rng, f"unseen_{i}", fuzz=False) for i in range(args.histories)]
    lines = "\n".join(r["input"] for r in records) + "\n"
    replay = subprocess.run([args.recall, "fsrs", "replay"], input=lines, capture_output=True, text=True, check=True)
    answers = replay.stdout.splitlines()
    if len(answers) != len(records):
        print(f"seed {args.seed}: {len(answers)} answers for {len(records)} histories", file=sys.stderr)
        return 1
    failures = 0
    reviews = 0
    for record, answer in zip(records, answers):
        got = json.loads(answer).get("states")
        want = record["expected"]["states"]
        if got is None or len(got) != len(want):
            failures += 1
            print(f"seed {args.seed} {record['name']}: {answer[:200]}", file=sys.stderr)
            continue
        for index, (g, w) in enumerate(zip(got, want)):
            reviews += 1
            same = (
                g["state"] == w["state"] and g["step"] == w["step"]
                and close(g["stability"], w["stability"]) and close(g["difficulty"], w["difficulty"])
                and close(g["retrievability"], w["retrievability"])
                and abs(seconds(g["due"]) - seconds(w["due"])) < 0.001
            )
            if not same:
                failures += 1
                print(f"seed {args.seed} {record['name']} review {index}: got {g}, py-fsrs {w}", file=sys.stderr)
                break
    print(f"unseen histories (seed {args.seed}): {len(records)} histories, {reviews} reviews, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
