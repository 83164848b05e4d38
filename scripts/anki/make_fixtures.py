#!/usr/bin/env python3
"""Builds the Anki packages that Recall's Anki import tests read, with Anki's own library (PyPI `anki`).

The collection holds every stock note type (Basic, reversed, optional reversed, type-in, Cloze) and one custom
type, HTML fields, an image, tags, a deck hierarchy, suspended, buried and flagged cards, a leech, cards in
learning and relearning, and a few hundred reviews. Anki exports it three ways:

  Tests/RecallAnkiTests/Fixtures/legacy2.apkg   Anki's "support older versions" export (collection.anki21)
  Tests/RecallAnkiTests/Fixtures/latest.apkg    Anki's default export (zstd collection.anki21b, protobuf meta)
  Tests/RecallAnkiTests/Fixtures/legacy1.apkg   the legacy-2 package repacked the way Anki 2.0 wrote it
                                                (collection.anki2 only, no meta): Anki no longer writes these
  Tests/RecallAnkiTests/Fixtures/expected.json  what Anki says is in the collection, card by card

Reviews are written as revlog rows with the card state they lead to (SM-2 style intervals), as a user's
history would be after months of study; the review times are fixed, so only ids and the collection's creation
day change between runs.

Usage: .venv/bin/python scripts/anki/make_fixtures.py [OUT_DIR]
"""

import json
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile

# Anki's day boundaries (4:00 local time) decide how many days lie between reviews: fix the zone so the fixtures,
# and the memory states Anki computes for them, are the same wherever they are made. The tests import with UTC.
os.environ["TZ"] = "UTC"
time.tzset()

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.generic_pb2 import Empty
from anki.import_export_pb2 import ExportLimit

# A 1×1 PNG: the smallest real image.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f1"
    "c2f40000000049454e44ae426082"
)

DAY = 86_400


def add(col, notetype, deck, fields, tags=()):
    note = col.new_note(col.models.by_name(notetype))
    for name, value in fields.items():
        note[name] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def build(col):
    french = "Languages::French"
    verbs = "Languages::French::Verbs"
    biology = "Science::Biology"
    science = "Science"
    notes = []
    words = [
        ("le chat", "the cat"), ("le chien", "the dog"), ("la maison", "the house"), ("l'eau", "water"),
        ("le pain", "bread"), ("la pomme", "the apple"), ("le livre", "the book"), ("la voiture", "the car"),
        ("le jardin", "the garden"), ("la mer", "the sea"), ("le soleil", "the sun"), ("la lune", "the moon"),
    ]
    for front, back in words:
        notes.append(add(col, "Basic", french, {"Front": front, "Back": back}, ["vocab", "fr::nouns"]))
    notes.append(add(col, "Basic", french, {"Front": "<b>bonjour</b>", "Back": "hello<br>good day"}, ["vocab"]))
    notes.append(add(col, "Basic", french, {
        "Front": "Articles &amp; genders",
        "Back": "<ul><li>le: masculine</li><li>la: feminine</li></ul>"}, ["grammar"]))
    notes.append(add(col, "Basic", french, {
        "Front": "<div>Tricky</div><div>&lt;tag&gt; &nbsp;entities</div>",
        "Back": "ok<script>alert(1)</script><style>b{}</style>"}, ["grammar", "marked"]))
    verbs_list = [("être", "to be"), ("avoir", "to have"), ("aller", "to go"), ("faire", "to do"),
                  ("venir", "to come"), ("pouvoir", "can"), ("vouloir", "to want"), ("savoir", "to know")]
    for front, back in verbs_list:
        notes.append(add(col, "Basic (and reversed card)", verbs, {"Front": front, "Back": back}, ["verbs"]))
    notes.append(add(col, "Basic (optional reversed card)", verbs,
                     {"Front": "dire", "Back": "to say", "Add Reverse": "y"}, ["verbs"]))
    notes.append(add(col, "Basic (optional reversed card)", verbs, {"Front": "voir", "Back": "to see"}, ["verbs"]))
    for front, back in [("Capital of France?", "Paris"), ("2 + 2 =", "4"), ("Water's formula", "H2O")]:
        notes.append(add(col, "Basic (type in the answer)", science, {"Front": front, "Back": back}, ["typing"]))
    notes.append(add(col, "Basic", biology, {
        "Front": 'What does this show?<br><img src="cell.png">', "Back": "A cell"}, ["bio::cell", "image"]))
    notes.append(add(col, "Cloze", biology, {
        "Text": "The {{c1::mitochondria}} is the powerhouse of the {{c2::cell}}", "Back Extra": "Biology 101"},
        ["bio::cell"]))
    notes.append(add(col, "Cloze", biology, {
        "Text": "{{c1::DNA::molecule}} is copied by {{c1::polymerase}}", "Back Extra": ""}, ["bio::genetics"]))
    notes.append(add(col, "Cloze", biology, {
        "Text": "Plants make {{c1::glucose}} by {{c2::photosynthesis}} in {{c3::chloroplasts}}", "Back Extra": ""},
        ["bio::plants"]))
    # A note type of the user's own: Recall takes its first two fields and says so.
    vocab = col.models.new("Vocabulary (3 fields)")
    for name in ["Word", "Meaning", "Example"]:
        col.models.add_field(vocab, col.models.new_field(name))
    template = col.models.new_template("Recognition")
    template["qfmt"] = "{{Word}}"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"
    col.models.add_template(vocab, template)
    col.models.add(vocab)
    for word, meaning, example in [("Haus", "house", "Das Haus ist groß"), ("Baum", "tree", "Ein alter Baum")]:
        notes.append(add(col, "Vocabulary (3 fields)", "Languages::German",
                         {"Word": word, "Meaning": meaning, "Example": example}, ["de"]))
    col.media.write_data("cell.png", PNG)
    return notes


def simulate_reviews(col, rng):
    """Writes a review history for most cards and the state it leads to, straight into the tables."""
    today = col.sched.today
    crt = col.crt
    now = crt + today * DAY + 12 * 3600
    cards = col.db.list("select id from cards order by id")
    card_ids = cards[: int(len(cards) * 0.8)]
    revlog_id = (now - 200 * DAY) * 1000
    rows = []
    for index, cid in enumerate(card_ids):
        # Learning: first answer today-minus-N days, then growing intervals.
        start_day = today - rng.randint(40, 150)
        t = crt + start_day * DAY + rng.randint(8, 20) * 3600
        ivl, factor, reps, lapses, last_ivl = 0, 2500, 0, 0, 0
        ease = rng.choice([1, 3, 3, 3, 4])
        rows.append((cid, t, ease, -600 if ease == 1 else 1, 0, 0, 0))
        reps += 1
        if ease == 1:
            t += 600
            rows.append((cid, t, 3, 1, -600, 0, 0))
            reps += 1
        ivl = 1 if ease != 4 else 4
        day = (t - crt) // DAY
        while day + ivl < today:
            day += ivl
            t = crt + day * DAY + rng.randint(8, 20) * 3600
            ease = rng.choices([1, 2, 3, 4], weights=[10, 10, 70, 10])[0]
            if ease == 1:
                lapses += 1
                factor = max(1300, factor - 200)
                rows.append((cid, t, 1, -600, ivl, factor, 1))
                rows.append((cid, t + 600, 3, 1, -600, factor, 2))
                reps += 2
                last_ivl, ivl = ivl, 1
            else:
                multiplier = {2: 1.2, 3: factor / 1000, 4: factor / 1000 * 1.3}[ease]
                factor += {2: -150, 3: 0, 4: 150}[ease]
                last_ivl, ivl = ivl, max(ivl + 1, round(ivl * multiplier))
                rows.append((cid, t, ease, ivl, last_ivl, factor, 1))
                reps += 1
        due = day + ivl
        col.db.execute(
            "update cards set type=2, queue=2, due=?, ivl=?, factor=?, reps=?, lapses=? where id=?",
            due, ivl, factor, reps, lapses, cid)
        if index == 3:
            # A manual reschedule (set due date) and a filtered-deck cram answer: neither is a review FSRS learns from.
            rows.append((cid, t + 60, 0, ivl, ivl, factor, 4))
            rows.append((cid, t + 120, 3, ivl, ivl, 0, 3))
    for cid, t, ease, ivl, last_ivl, factor, kind in rows:
        revlog_id += 1
        rid = t * 1000 + (revlog_id % 1000)
        col.db.execute(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
            rid, cid, -1, ease, ivl, last_ivl, factor, rng.randint(2000, 15000), kind)
    return card_ids


def special_states(col, card_ids):
    """Suspends, buries and flags a few cards; one card is in learning and one in relearning."""
    ids = col.db.list("select id from cards order by id")
    today = col.sched.today
    now = col.crt + today * DAY + 12 * 3600
    col.db.execute("update cards set queue=-1 where id in (?, ?)", ids[0], ids[20])
    col.db.execute("update cards set queue=-3 where id=?", ids[1])
    col.db.execute("update cards set flags=1 where id=?", ids[2])
    col.db.execute("update cards set flags=4 where id=?", ids[5])
    learning, relearning = ids[-1], card_ids[10]
    col.db.execute(
        "update cards set type=1, queue=1, due=?, ivl=0, reps=1, left=1001 where id=?", now + 600, learning)
    col.db.execute(
        "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
        (now - 60) * 1000, learning, -1, 1, -600, 0, 0, 5000, 0)
    col.db.execute("update cards set type=3, queue=1, due=?, left=1001 where id=?", now + 300, relearning)
    # The leech: many lapses and the tag Anki adds.
    leech = card_ids[4]
    nid = col.db.scalar("select nid from cards where id=?", leech)
    note = col.get_note(nid)
    note.tags.append("leech")
    col.update_note(note)
    col.db.execute("update cards set lapses=8 where id=?", leech)


def expected(col):
    """Everything a test compares, as Anki reports it."""
    decks = {d["id"]: d["name"] for d in col.decks.all()}
    result = {"crt": col.crt, "today": col.sched.today, "cards": []}
    for cid in col.db.list("select id from cards order by id"):
        card = col.get_card(cid)
        note = card.note()
        notetype = note.note_type()
        # Answers: rows with a button (cram answers too); manual rescheduling and resets are not answers.
        answers = col.db.scalar("select count() from revlog where cid=? and ease between 1 and 4 and type < 4", cid)
        memory = col.compute_memory_state(cid) if card.type != 0 else None
        result["cards"].append({
            "id": cid, "noteId": note.id, "deck": decks[card.did], "notetype": notetype["name"],
            "fields": dict(note.items()), "ord": card.ord, "type": card.type, "queue": card.queue,
            "due": card.due, "ivl": card.ivl, "reps": card.reps, "lapses": card.lapses, "flags": card.flags,
            "tags": note.tags, "reviews": answers,
            # Anki's own FSRS memory state from the same history, with its default parameters.
            "stability": memory.stability if memory else None, "difficulty": memory.difficulty if memory else None,
            "revlog": col.db.scalar("select count() from revlog where cid=?", cid),
        })
    return result


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "Tests", "RecallAnkiTests", "Fixtures")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    work = tempfile.mkdtemp()
    try:
        col = Collection(os.path.join(work, "collection.anki2"))
        build(col)
        reviewed = simulate_reviews(col, rng)
        special_states(col, reviewed)
        limit = ExportLimit(whole_collection=Empty())
        for name, legacy in [("latest.apkg", False), ("legacy2.apkg", True)]:
            col.export_anki_package(
                out_path=os.path.join(out, name),
                options=ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=legacy), limit=limit)
        with open(os.path.join(out, "expected.json"), "w") as file:
            json.dump(expected(col), file, indent=1, ensure_ascii=False, sort_keys=True)
            file.write("\n")
        col.close()
        # Anki 2.0's layout: the schema-11 collection as collection.anki2, no meta.
        with zipfile.ZipFile(os.path.join(out, "legacy2.apkg")) as source, zipfile.ZipFile(
                os.path.join(out, "legacy1.apkg"), "w") as target:
            for info in source.infolist():
                if info.filename in ("meta", "collection.anki2"):
                    continue
                name = "collection.anki2" if info.filename == "collection.anki21" else info.filename
                method = zipfile.ZIP_DEFLATED if name.startswith("collection") else zipfile.ZIP_STORED
                target.writestr(name, source.read(info.filename), compress_type=method)
    finally:
        shutil.rmtree(work)
    for name in sorted(os.listdir(out)):
        print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")


if __name__ == "__main__":
    main()
