#!/usr/bin/env python3
"""Scheduling speed, reference side: Anki's own library (PyPI `anki`, FSRS on) on a generated collection.

Measures what `recall-bench scheduling` measures (bench/Sources/SchedulingBenchmark.swift), on a collection of
the same size, and prints one JSON object on stdout (progress goes to stderr):

    .venv/bin/python bench/anki_scheduling.py --cards 100000 --due 5000 [--answers 1000] [--seed 1]
    .venv/bin/python bench/anki_scheduling.py --cards 1000000 --due 50000

The collection: one deck, Basic notes (one card each). `--due` review cards are due today (0-10 days
overdue), `--new-fraction` of the cards (5%) are new, the rest are reviews due 1-300 days ahead. Every review
card has an FSRS memory state (stability 1-200 days, difficulty 1-10) and a last review one interval before
its due day. Contents are deterministic given --seed; Anki's card ids (creation timestamps) are not. New cards
are shown after reviews, so every answered card is a review; the Swift bench's collection has no new cards at
all (--new-fraction 0 matches it exactly).

Options as Anki users get them, FSRS on (default parameters, desired retention 0.9), including Anki's load
balancer, which is on by default and about doubles the queue build time here; --no-load-balancer
measures without it. Limits: v3 counts new cards against the review limit too, so the review limit is
due + 20 (new limit 20). Anki silently replaces a preset's review limit above 9999 with 200, so it is set as the
deck's own override ("This deck" in the deck options screen), which takes any value.

Figures:
  queue_ms        median time to build today's queue from the database (get_queued_cards, fetch_limit=1:
                  what the reviewer asks for; it builds the whole queue and returns the first card and counts).
  answer_*_ms     per answered card: fetch the next card with its FSRS states, answer it Good, committed.
  next_states_us  one `get_scheduling_states(card_id)`: the four next states Anki shows on the answer buttons.
  setup_s         generating the collection; not part of the comparison.

Queue rebuilds. The backend caches the built queue (Collection.state.card_queues in rslib) and only drops it
on a day rollover, a change of current deck, an operation that requires a rebuild, or any non-SELECT statement
sent through the DB proxy (rslib backend/dbproxy.rs: update_state_after_modification ->
discard_undo_and_study_queues). `col.sched.reset()` is a deprecated no-op. Before each timed build we send a
no-op UPDATE through `col.db`, outside the timing; `queue_cached_ms` (a second call without it) shows the
difference between a cache hit and a rebuild.

Durability. `col.save()`/`autosave()` are deprecated no-ops: every backend operation runs in rslib's
transact(), a `savepoint rust` ... `release rust` pair. With no outer transaction open (we never call
`col.db.transact` during measurements), releasing that savepoint commits, so each answer_card is its own
committed transaction. Anki opens the file in WAL mode and leaves `synchronous` at SQLite's default FULL, so
each commit syncs the WAL, as Recall does (WAL, synchronous = FULL); under strace that is one fsync per answer.
The script checks both pragmas and forces FULL if a build ever differs (reported under "sqlite").
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

import anki.buildinfo
from anki import notes_pb2
from anki.collection import Collection, Config
from anki.deck_config_pb2 import DeckConfig, UpdateDeckConfigsMode
from anki.decks import UpdateDeckConfigs
from anki.scheduler_pb2 import CardAnswer, QueuedCards

DECK = "Bench"
NEW_PER_DAY = 20
DESIRED_RETENTION = 0.9
# Decay of FSRS-6's default parameters (w[20] = 0.1542), which Anki itself writes into a card's data when it
# answers a card under default parameters.
FSRS_DECAY = 0.1542
# Move the collection's creation date back so "today" is a large day number and every last review
# (up to ~210 days before today) falls on a non-negative day.
BACKDATE_DAYS = 3650
NOTE_BATCH = 20_000
SQL_CHUNK = 100_000
QUEUE_RUNS = 7
NEXT_STATES_CARDS = 1_000
NEXT_STATES_ROUNDS = 5
SQLITE_SYNCHRONOUS_FULL = 2


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=5_000)
    parser.add_argument("--answers", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--new-fraction", type=float, default=0.05, help="share of cards left new (default 0.05)")
    parser.add_argument("--no-load-balancer", action="store_true",
                        help="turn off Anki's load balancer (on by default in Anki, as for its users)")
    arguments = parser.parse_args()
    new_cards = round(arguments.cards * arguments.new_fraction)
    if arguments.due + new_cards > arguments.cards:
        parser.error(f"--due {arguments.due} plus {new_cards} new cards exceeds --cards {arguments.cards}")
    if not 1 <= arguments.answers <= arguments.due:
        parser.error("--answers must be between 1 and --due: only due review cards are answered")
    return arguments, new_cards


def add_notes(col, deck_id, count):
    """Basic notes through the backend's batch AddNotes (the same call `col.add_notes` makes), skipping the
    per-note Python `Note` objects, which each cost a backend round trip."""
    template = col._backend.new_note(col.models.by_name("Basic")["id"])
    for start in range(0, count, NOTE_BATCH):
        requests = []
        for index in range(start, min(count, start + NOTE_BATCH)):
            note = notes_pb2.Note()
            note.CopyFrom(template)
            note.fields[:] = [f"Question {index}", f"Answer {index}"]
            requests.append(notes_pb2.AddNoteRequest(note=note, deck_id=deck_id))
        col._backend.add_notes(requests=requests)
        if (start // NOTE_BATCH) % 10 == 9:
            log(f"  added {start + len(requests):,} notes")


def configure(col, deck_id, due, load_balancer):
    """Deck options the way the deck options screen saves them (update_deck_configs), before any card
    exists, so turning FSRS on has no memory states to recompute from review logs."""
    current = col.decks.get_deck_configs_for_update(deck_id)
    preset = next(c.config for c in current.all_config if c.config.id == current.current_deck.config_id)
    preset.config.new_per_day = NEW_PER_DAY
    # In the v3 scheduler new cards also count against the review limit (new_cards_ignore_review_limit is off
    # by default), so the limit must hold every due review plus the day's new cards for both to be queued.
    # Anki rejects preset limits above 9999 (the value silently falls back to 200), so the limit goes in the
    # deck's own override ("This deck" in the options screen), which has no such cap; the preset gets what it
    # accepts.
    preset.config.reviews_per_day = min(9999, due + NEW_PER_DAY)
    limits = current.current_deck.limits
    limits.review = due + NEW_PER_DAY
    preset.config.desired_retention = DESIRED_RETENTION
    # New cards after reviews, so the answered cards are all reviews, like the Swift bench's.
    preset.config.new_mix = DeckConfig.Config.REVIEW_MIX_AFTER_REVIEWS
    col.decks.update_deck_configs(UpdateDeckConfigs(
        target_deck_id=deck_id, configs=[preset], mode=UpdateDeckConfigsMode.UPDATE_DECK_CONFIGS_MODE_NORMAL,
        limits=limits, new_cards_ignore_review_limit=current.new_cards_ignore_review_limit,
        apply_all_parent_limits=current.apply_all_parent_limits, fsrs=True))
    assert col.get_config("fsrs") is True
    col.set_config_bool(Config.Bool.LOAD_BALANCER_ENABLED, load_balancer)
    col.decks.select(deck_id)


def write_schedules(col, deck_id, due, new_cards, seed):
    """Review states for every card but `new_cards`, in one transaction of bulk SQL. Returns the ids of
    review cards, due ones first."""
    rng = random.Random(seed)
    today = col.sched.today
    now = int(time.time())
    ids = col.db.list("select id from cards where did = ? order by id", deck_id)
    rng.shuffle(ids)
    due_ids, future_ids = ids[:due], ids[due + new_cards:]
    rows = []
    for index, card_id in enumerate(due_ids + future_ids):
        stability = rng.uniform(1, 200)
        difficulty = rng.uniform(1, 10)
        due_day = today - rng.randint(0, 10) if index < due else today + rng.randint(1, 300)
        interval = max(1, round(stability))
        last_review = now - (today - (due_day - interval)) * 86_400
        # The card data JSON Anki 26 reads and writes: s/d memory state, dr desired retention, decay, and lrt
        # the last review time in seconds (so no review log is needed to know the elapsed days).
        data = json.dumps({"s": round(stability, 3), "d": round(difficulty, 3), "dr": DESIRED_RETENTION,
                           "decay": FSRS_DECAY, "lrt": last_review}, separators=(",", ":"))
        rows.append((due_day, interval, now, data, card_id))
    sql = ("update cards set type = 2, queue = 2, due = ?, ivl = ?, factor = 2500, reps = 5, lapses = 0, left = 0,"
           " mod = ?, usn = -1, data = ? where id = ?")
    # One transaction (outside it every statement would be its own synced commit), sent in chunks so the
    # JSON the DB proxy serializes stays small.
    def write():
        for start in range(0, len(rows), SQL_CHUNK):
            col.db.executemany(sql, rows[start:start + SQL_CHUNK])

    col.db.transact(write)
    return due_ids + future_ids


def build_collection(path, arguments, new_cards):
    col = Collection(path)
    col.crt = col.crt - BACKDATE_DAYS * 86_400
    deck_id = col.decks.id(DECK)
    configure(col, deck_id, arguments.due, not arguments.no_load_balancer)
    add_notes(col, deck_id, arguments.cards)
    log("  notes added; writing review states")
    review_ids = write_schedules(col, deck_id, arguments.due, new_cards, arguments.seed)
    # Reopen so the measurements start like a freshly opened collection, without the add-notes undo data.
    col.close()
    return Collection(path), review_ids


def sqlite_settings(col):
    journal_mode = col.db.scalar("pragma journal_mode")
    synchronous = col.db.scalar("pragma synchronous")
    forced = synchronous != SQLITE_SYNCHRONOUS_FULL
    if forced:
        col.db.execute("pragma synchronous = full")
    if journal_mode != "wal":
        log(f"warning: journal_mode is {journal_mode}, not wal")
    return {"journal_mode": journal_mode, "synchronous": synchronous, "synchronous_forced_full": forced}


def drop_cached_queue(col):
    # Any non-SELECT statement through the DB proxy makes the backend discard its study queues (see the
    # module docstring); this one changes nothing on disk.
    col.db.execute("update col set mod = mod where 0")


def measure_queue(col, due, expected_new):
    runs = []
    for _ in range(QUEUE_RUNS):
        drop_cached_queue(col)
        start = time.perf_counter()
        queued = col.sched.get_queued_cards(fetch_limit=1)
        runs.append((time.perf_counter() - start) * 1000)
    assert queued.review_count == due, f"queue holds {queued.review_count} reviews, not {due}"
    assert queued.new_count == expected_new, f"queue holds {queued.new_count} new cards, not {expected_new}"
    start = time.perf_counter()
    col.sched.get_queued_cards(fetch_limit=1)
    cached = (time.perf_counter() - start) * 1000
    counts = {"new": queued.new_count, "learning": queued.learning_count, "review": queued.review_count}
    return statistics.median(runs), runs, cached, counts


def measure_next_states(col, card_ids):
    calls = [card_id for _ in range(NEXT_STATES_ROUNDS) for card_id in card_ids]
    for card_id in card_ids[:100]:
        col._backend.get_scheduling_states(card_id)
    start = time.perf_counter()
    for card_id in calls:
        col._backend.get_scheduling_states(card_id)
    return (time.perf_counter() - start) / len(calls) * 1e6


def measure_answers(col, answers):
    """Each answer: the next queued card with its FSRS states (where Anki computes them), then answer_card
    with the Good state, which commits. The split shows how much of it is answer_card alone."""
    fetch_cpu = fetch_wall = answer_cpu = answer_wall = 0.0
    for _ in range(answers):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
        cpu1, wall1 = time.process_time(), time.perf_counter()
        assert queued.queue == QueuedCards.REVIEW, "expected a review card at the top of the queue"
        states = queued.states
        col.sched.answer_card(CardAnswer(
            card_id=queued.card.id, current_state=states.current, new_state=states.good, rating=CardAnswer.GOOD,
            answered_at_millis=int(time.time() * 1000), milliseconds_taken=6_000))
        cpu2, wall2 = time.process_time(), time.perf_counter()
        fetch_cpu += cpu1 - cpu0
        fetch_wall += wall1 - wall0
        answer_cpu += cpu2 - cpu1
        answer_wall += wall2 - wall1
    per_card = lambda seconds: seconds / answers * 1000
    return {
        "answer_cpu_ms": per_card(fetch_cpu + answer_cpu),
        "answer_wall_ms": per_card(fetch_wall + answer_wall),
        "answer_card_only_cpu_ms": per_card(answer_cpu),
        "answer_card_only_wall_ms": per_card(answer_wall),
    }


def main():
    arguments, new_cards = parse_arguments()
    queued_new = min(NEW_PER_DAY, new_cards)
    with tempfile.TemporaryDirectory(prefix="anki-scheduling-") as folder:
        log(f"generating {arguments.cards:,} cards ({arguments.due:,} due, {new_cards:,} new) with anki "
            f"{anki.buildinfo.version}")
        start = time.perf_counter()
        col, review_ids = build_collection(os.path.join(folder, "collection.anki2"), arguments, new_cards)
        setup_s = time.perf_counter() - start
        log(f"generated in {setup_s:.1f} s")
        try:
            sqlite = sqlite_settings(col)
            queue_ms, queue_runs, queue_cached_ms, counts = measure_queue(col, arguments.due, queued_new)
            log(f"queue: {queue_ms:.1f} ms median of {QUEUE_RUNS}, cached {queue_cached_ms:.2f} ms, {counts}")
            sample = random.Random(arguments.seed).sample(review_ids, min(NEXT_STATES_CARDS, len(review_ids)))
            next_states_us = measure_next_states(col, sample)
            log(f"next states: {next_states_us:.1f} µs")
            answered = measure_answers(col, arguments.answers)
            log(f"answers: {answered['answer_wall_ms']:.3f} ms wall, {answered['answer_cpu_ms']:.3f} ms CPU per card")
            assert col.db.scalar("select count() from revlog") == arguments.answers
        finally:
            col.close()
    print(json.dumps({
        "anki_version": anki.buildinfo.version,
        "cards": arguments.cards,
        "due": arguments.due,
        "new_cards": new_cards,
        "answers": arguments.answers,
        "seed": arguments.seed,
        "setup_s": round(setup_s, 2),
        "queue_ms": round(queue_ms, 3),
        "queue_runs_ms": [round(run, 3) for run in queue_runs],
        "queue_cached_ms": round(queue_cached_ms, 3),
        "queue_counts": counts,
        **{key: round(value, 4) for key, value in answered.items()},
        "next_states_us": round(next_states_us, 2),
        "fsrs": True,
        "desired_retention": DESIRED_RETENTION,
        "load_balancer": not arguments.no_load_balancer,
        "sqlite": sqlite,
    }))


if __name__ == "__main__":
    main()
