#!/usr/bin/env python3
"""Anki import speed: a package of 100,000 notes with 1,000,000 review-log rows, imported into a new collection.

Anki's library (PyPI `anki`) makes the collection (rows written in bulk with SQL for speed, then exported by Anki as
a latest-format .apkg with scheduling), so the package is exactly what a user's Anki would hand over. Prints wall
time, CPU time and peak memory (max RSS) of `recall import` (release build) beside Anki's own .apkg import of the
same package, each in a fresh process, measured in the same run.

    swift build -c release --product recall && .venv/bin/python bench/anki_import.py [--notes N] [--reviews N]
"""
import argparse
import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
RECALL = os.path.join(ROOT, ".build", "release", "recall")
DAY = 86_400

ANKI_IMPORT = """
import os, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions
col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1], options=options))
assert col.card_count() == int(sys.argv[2]), col.card_count()
col.close()
"""


def generate(notes, reviews, path):
    """A collection of `notes` Basic notes in 10 decks, each card reviewed reviews/notes times over a year."""
    from anki.collection import Collection, ExportAnkiPackageOptions
    from anki.generic_pb2 import Empty
    from anki.import_export_pb2 import ExportLimit

    rng = random.Random(7)
    work = tempfile.mkdtemp()
    collection = os.path.join(work, "collection.anki2")
    col = Collection(collection)
    basic = col.models.by_name("Basic")["id"]
    decks = [col.decks.id(f"Bench::Deck {i}") for i in range(10)]
    crt, today = col.crt, col.sched.today
    col.close()

    db = sqlite3.connect(collection)
    now = crt + today * DAY
    per_card = reviews // notes
    base = (now - 400 * DAY) * 1000
    note_rows, card_rows, revlog_rows = [], [], []
    revlog_id = base
    for i in range(notes):
        front, back = f"Question {i}: what is item {rng.randint(0, 10**6)}?", f"Answer {i}"
        csum = int(hashlib.sha1(front.encode()).hexdigest()[:8], 16)
        note_rows.append((base + i, f"g{i:09d}", basic, now, -1, " bench ", front + "\x1f" + back, front, csum, 0, ""))
        day = today - 365 + rng.randint(0, 30)
        ivl, factor, lapses = 1, 2500, 0
        for r in range(per_card):
            ease = 3 if r == 0 else rng.choices([1, 2, 3, 4], weights=[8, 10, 72, 10])[0]
            kind = 0 if r == 0 else 1
            if ease == 1 and r > 0:
                lapses += 1
                ivl = 1
            elif r > 0:
                ivl = max(ivl + 1, round(ivl * {2: 1.2, 3: 2.5, 4: 3.2}[ease]))
            revlog_id = max(revlog_id + 1, (crt + day * DAY + 9 * 3600) * 1000 + i % 1000)
            revlog_rows.append((revlog_id, base + i, -1, ease, ivl, 0, factor, rng.randint(2000, 20000), kind))
            day = min(day + ivl, today - 1) if r < per_card - 1 else day
        card_rows.append((base + i, base + i, decks[i % 10], 0, now, -1, 2, 2, day + ivl, ivl, factor,
                          per_card, lapses, 0, 0, 0, 0, "{}"))
    db.executemany("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
    db.executemany("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
    revlog_rows.sort()
    db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", revlog_rows)
    db.commit()
    db.close()

    col = Collection(collection)
    col.export_anki_package(
        out_path=path, options=ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=False),
        limit=ExportLimit(whole_collection=Empty()))
    col.close()


def measure(argv):
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    output = child.stdout.read().decode()
    if status != 0:
        sys.exit(f"{argv[0]} failed: {child.stderr.read().decode()[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--recall", default=RECALL, help="the recall binary (default: .build/release/recall)")
    parser.add_argument("--generate-only", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_only:
        return generate(args.notes, args.reviews, args.generate_only)
    if not os.path.exists(args.recall):
        sys.exit("build first: swift build -c release --product recall")
    os.makedirs(OUT, exist_ok=True)
    package = os.path.join(OUT, f"anki-{args.notes}-{args.reviews}.apkg")
    if not os.path.exists(package):
        start = time.perf_counter()
        # In a child process: a forked child starts with its parent's peak memory on Linux, so a parent grown by
        # generating the collection would inflate every figure measured after it.
        subprocess.run([sys.executable, __file__, "--notes", str(args.notes), "--reviews", str(args.reviews),
                        "--generate-only", package], check=True)
        print(f"generated {package} ({os.path.getsize(package) / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        collection = os.path.join(folder, "collection.sqlite")
        wall, cpu, rss, output = measure([args.recall, "import", "--collection", collection, package])
        check = sqlite3.connect(collection)
        cards, reviews = check.execute("select (select count() from card), (select count() from review)").fetchone()
        check.close()
    if cards != args.notes or reviews != args.reviews:
        sys.exit(f"recall imported {cards} cards and {reviews} reviews:\n{output}")
    anki_wall, anki_cpu, anki_rss, _ = measure([sys.executable, "-c", ANKI_IMPORT, package, str(args.notes)])
    title = f"import {args.notes:,} notes, {args.reviews:,} reviews"
    print(f"{title:44} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}")
    print(f"{'recall import (release)':44} {wall:7.2f} {cpu:6.2f} {rss:8.0f}")
    print(f"{'Anki import_anki_package (PyPI anki)':44} {anki_wall:7.2f} {anki_cpu:6.2f} {anki_rss:8.0f}")
    print(f"{'Recall / Anki':44} {wall / anki_wall:7.2f} {cpu / anki_cpu:6.2f} {rss / anki_rss:8.2f}")
    print(f"package: {os.path.getsize(package) / 1e6:.1f} MB, latest layout (zstd); both keep every review;"
          " Recall also rebuilds each card's FSRS memory state from its history")


if __name__ == "__main__":
    main()
