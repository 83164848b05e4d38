#!/usr/bin/env python3
"""Import speed: a generated 100,000-card file (~10 MB), pasted-notes format and TSV, into a new collection.

Prints wall time and peak memory (max RSS) of `recall import` (release build) beside Anki's own importer
(PyPI `anki`, `Collection.import_csv`) on the same TSV, measured in the same run, each in a fresh process.

    swift build -c release --product recall && .venv/bin/python bench/import_speed.py
"""
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
RECALL = os.path.join(ROOT, ".build", "release", "recall")
CARDS = 100_000
WORDS = ("cell membrane protein energy river treaty war economy market law contract king policy reform speech "
         "party state growth rate enzyme reaction acid base force mass charge field wave light").split()

ANKI_IMPORT = """
import os, sys, tempfile
from anki.collection import Collection, ImportCsvRequest
col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
metadata = col.get_csv_metadata(path=sys.argv[1], delimiter=None)
col.import_csv(ImportCsvRequest(path=sys.argv[1], metadata=metadata))
assert col.card_count() == int(sys.argv[2]), col.card_count()
col.close()
"""


def generate():
    """Deterministic decks: a question, then a one-line answer, bullets, or a line and bullets."""
    random.seed(7)
    phrase = lambda n: " ".join(random.choice(WORDS) for _ in range(n))
    paste, tsv = ["Generated benchmark flashcards"], []
    for i in range(CARDS):
        question = f"What is the {phrase(random.randint(1, 4))} of item {i}?"
        kind = random.random()
        if kind < 0.5:
            back = [phrase(random.randint(4, 9)).capitalize() + "."]
        elif kind < 0.8:
            back = ["- " + phrase(random.randint(2, 5)) for _ in range(random.randint(2, 3))]
        else:
            back = [phrase(random.randint(3, 6)).capitalize() + ":", "- " + phrase(3), "- " + phrase(3)]
        paste += [question] + back
        tsv.append(question + "\t" + "<br>".join(back))
    os.makedirs(OUT, exist_ok=True)
    paths = {"paste": os.path.join(OUT, "paste-100k.txt"), "tsv": os.path.join(OUT, "tsv-100k.tsv")}
    with open(paths["paste"], "w") as f:
        f.write("\n".join(paste) + "\n")
    with open(paths["tsv"], "w") as f:
        f.write("\n".join(tsv) + "\n")
    return paths


def measure(argv):
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{argv[0]} failed: {child.stderr.read().decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    if not os.path.exists(RECALL):
        sys.exit("build first: swift build -c release --product recall")
    paths = generate()
    rows = []
    for kind in ("paste", "tsv"):
        with tempfile.TemporaryDirectory() as folder:
            collection = os.path.join(folder, "collection.sqlite")
            rows.append((kind, os.path.getsize(paths[kind]), *measure([RECALL, "import", "--collection", collection, paths[kind]])))
    try:
        import anki  # noqa: F401
        anki_wall, anki_cpu, anki_rss = measure([sys.executable, "-c", ANKI_IMPORT, paths["tsv"], str(CARDS)])
    except ImportError:
        anki_wall = anki_cpu = anki_rss = None
    print(f"{'import 100,000 cards':24} {'MB':>5} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}"
          f" {'Anki wall':>9} {'Anki CPU':>8} {'Anki MB':>8} {'wall ×':>7} {'CPU ×':>6} {'mem ×':>6}")
    for kind, size, wall, cpu, rss in rows:
        reference = (f"{anki_wall:9.2f} {anki_cpu:8.2f} {anki_rss:8.0f} {wall / anki_wall:7.2f} {cpu / anki_cpu:6.2f} {rss / anki_rss:6.2f}"
                     if anki_wall else "  (pip install anki for the reference)")
        print(f"{'recall import (' + kind + ')':24} {size / 1e6:5.1f} {wall:7.2f} {cpu:6.2f} {rss:8.0f} {reference}")
    print("Anki: Collection.import_csv on the TSV file (Anki cannot read the pasted-notes file); × = Recall / Anki")


if __name__ == "__main__":
    main()
