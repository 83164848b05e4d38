#!/usr/bin/env python3
"""Lets Anki itself (PyPI `anki`) judge what Recall exports.

  anki_check.py import FILE WORKDIR
      Imports FILE (.apkg, .colpkg or Anki-headed .tsv) into a fresh Anki collection in WORKDIR, the way the
      Anki app does with default options, and prints as JSON what Anki then holds: every card with its deck,
      note type, fields, tags, flags, scheduling columns and revlog, plus the collection's day numbering.

  anki_check.py reexport FILE WORKDIR OUT [--legacy]
      Imports FILE as above, then exports the whole collection again as an .apkg (latest layout unless
      --legacy), with scheduling and media: the Recall -> Anki -> Recall round trip.

Recall's tests run this with the virtualenv that .ci/run creates.
"""

import json
import os
import sys

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)
from anki.generic_pb2 import Empty
from anki.import_export_pb2 import ExportLimit


def open_with(path, workdir):
    os.makedirs(workdir, exist_ok=True)
    collection_path = os.path.join(workdir, "collection.anki2")
    if path.endswith(".colpkg"):
        # Anki replaces the whole collection with a .colpkg; the collection must be closed while it does.
        col = Collection(collection_path)
        media_folder, media_db = col.media.dir(), col.media.dir() + ".db2"
        col.close(downgrade=False)
        col._backend.import_collection_package(
            col_path=collection_path, backup_path=path, media_folder=media_folder, media_db=media_db)
        return Collection(collection_path), {}
    col = Collection(collection_path)
    if path.endswith(".tsv") or path.endswith(".txt"):
        metadata = col.get_csv_metadata(path=path, delimiter=None)
        result = col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
    else:
        options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
        result = col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options))
    log = result.log
    return col, {"new": len(log.new), "updated": len(log.updated), "duplicate": len(log.duplicate),
                 "conflicting": len(log.conflicting), "missing_notetype": len(log.missing_notetype)}


def describe(col, log):
    decks = {d["id"]: d["name"] for d in col.decks.all()}
    cards = []
    for cid in col.db.list("select id from cards order by id"):
        card = col.get_card(cid)
        note = card.note()
        revlog = col.db.all(
            "select id, ease, ivl, lastIvl, factor, time, type from revlog where cid=? order by id", cid)
        cards.append({
            "deck": decks.get(card.did, "?"), "notetype": note.note_type()["name"], "fields": note.fields,
            "ord": card.ord, "type": card.type, "queue": card.queue, "due": card.due, "ivl": card.ivl,
            "factor": card.factor, "reps": card.reps, "lapses": card.lapses, "flags": card.flags,
            "tags": note.tags, "data": card.custom_data if hasattr(card, "custom_data") else "",
            "revlog": [{"id": r[0], "ease": r[1], "ivl": r[2], "lastIvl": r[3], "factor": r[4], "time": r[5],
                        "type": r[6]} for r in revlog],
            "media": [name for name in col.media.files_in_str(note.mid, note.joined_fields())],
        })
    media = sorted(os.listdir(col.media.dir())) if os.path.isdir(col.media.dir()) else []
    return {"crt": col.crt, "today": col.sched.today, "log": log, "cards": cards, "mediaFiles": media}


def main():
    command, path, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
    col, log = open_with(path, workdir)
    try:
        if command == "import":
            json.dump(describe(col, log), sys.stdout, ensure_ascii=False)
        elif command == "reexport":
            out = sys.argv[4]
            legacy = "--legacy" in sys.argv[5:]
            col.export_anki_package(
                out_path=out,
                options=ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=legacy),
                limit=ExportLimit(whole_collection=Empty()))
            json.dump(describe(col, log), sys.stdout, ensure_ascii=False)
        else:
            sys.exit(f"unknown command {command}")
    finally:
        col.close()


if __name__ == "__main__":
    main()
