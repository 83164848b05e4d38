import Foundation
import RecallCore

/// The schema-11 collection (`collection.anki21`) that every Anki since 2.1 reads: its tables, and the JSON its
/// `col` row carries for note types, decks, deck options and settings, in the shape Anki itself writes.
enum AnkiSchema11 {
  static let tables = """
    CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
      ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
      models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
      usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
      flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
      mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
      ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
      left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
      data text NOT NULL);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
      ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
      type integer NOT NULL);
    CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
    CREATE INDEX ix_notes_usn ON notes (usn);
    CREATE INDEX ix_cards_usn ON cards (usn);
    CREATE INDEX ix_revlog_usn ON revlog (usn);
    CREATE INDEX ix_cards_nid ON cards (nid);
    CREATE INDEX ix_cards_sched ON cards (did, queue, due);
    CREATE INDEX ix_revlog_cid ON revlog (cid);
    CREATE INDEX ix_notes_csum ON notes (csum);
    """

  /// Fixed ids, so a second export of the same collection maps onto the note types Anki already made from the
  /// first.
  static let basicID: Int64 = 1_700_000_000_001
  static let clozeID: Int64 = 1_700_000_000_002
  static let defaultDeckID: Int64 = 1

  private static let css = """
    .card {
        font-family: arial;
        font-size: 20px;
        line-height: 1.5;
        text-align: center;
        color: black;
        background-color: white;
    }
    .cloze {
        font-weight: bold;
        color: blue;
    }
    .nightMode .cloze {
        color: lightblue;
    }

    """
  private static let latexPre = """
    \\documentclass[12pt]{article}
    \\special{papersize=3in,5in}
    \\usepackage[utf8]{inputenc}
    \\usepackage{amssymb,amsmath}
    \\pagestyle{empty}
    \\setlength{\\parindent}{0in}
    \\begin{document}

    """

  private static func field(_ name: String, _ ord: Int) -> [String: Any] {
    [
      "name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "description": "",
      "plainText": false, "collapsed": false, "excludeFromSearch": false, "media": [String](),
    ]
  }

  private static func template(_ name: String, question: String, answer: String) -> [String: Any] {
    [
      "name": name, "ord": 0, "qfmt": question, "afmt": answer, "bqfmt": "", "bafmt": "", "did": NSNull(),
      "bfont": "", "bsize": 0,
    ]
  }

  private static func noteType(
    id: Int64, name: String, type: Int, stockKind: Int, fields: [String], template: [String: Any], modified: Int64
  ) -> [String: Any] {
    [
      "id": id, "name": name, "type": type, "mod": modified, "usn": -1, "sortf": 0, "did": NSNull(),
      "tmpls": [template], "flds": fields.enumerated().map { field($1, $0) }, "css": css, "latexPre": latexPre,
      "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]], "tags": [String](),
      "vers": [Int](), "originalStockKind": stockKind,
    ]
  }

  /// Anki's stock Basic and Cloze note types.
  static func models(modified: Int64) -> [String: Any] {
    [
      String(basicID): noteType(
        id: basicID, name: "Basic", type: 0, stockKind: 1, fields: ["Front", "Back"],
        template: template("Card 1", question: "{{Front}}", answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"),
        modified: modified),
      String(clozeID): noteType(
        id: clozeID, name: "Cloze", type: 1, stockKind: 5, fields: ["Text", "Back Extra"],
        template: template("Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>\n{{Back Extra}}"),
        modified: modified),
    ]
  }

  /// One deck's JSON; `conf` is its deck-options id.
  static func deck(id: Int64, name: String, conf: Int64, modified: Int64) -> [String: Any] {
    [
      "id": id, "name": name, "mod": modified, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
      "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0,
      "conf": conf, "extendNew": 0, "extendRev": 0,
    ]
  }

  /// Recall's deck options as an Anki options group: limits, steps (Anki counts them in minutes), maximum
  /// interval, leech rule, desired retention and the FSRS parameters.
  static func deckOptions(id: Int64, name: String, _ options: DeckOptions, modified: Int64) -> [String: Any] {
    [
      "id": id, "mod": modified, "name": name, "usn": -1, "maxTaken": 60, "autoplay": true, "timer": 0,
      "replayq": true, "dyn": false,
      "new": [
        "bury": false, "delays": options.learningSteps.map { $0 / 60 }, "initialFactor": 2500, "ints": [1, 4, 0],
        "order": 1, "perDay": options.newCardsPerDay,
      ],
      "rev": [
        "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": options.maximumInterval,
        "perDay": options.reviewsPerDay, "hardFactor": 1.2,
      ],
      "lapse": [
        "delays": options.relearningSteps.map { $0 / 60 }, "leechAction": options.leechAction == .suspend ? 0 : 1,
        "leechFails": options.leechThreshold, "minInt": 1, "mult": 0.0,
      ],
      "newMix": 0, "newPerDayMinimum": 0, "interdayLearningMix": 0, "reviewOrder": 0, "newSortOrder": 0,
      "newGatherPriority": 0, "buryInterdayLearning": false, "fsrsWeights": [Double](), "fsrsParams5": [Double](),
      "fsrsParams6": options.parameters, "desiredRetention": options.desiredRetention, "sm2Retention": 0.9,
      "ignoreRevlogsBeforeDate": "", "weightSearch": "",
    ]
  }

  /// The collection settings: the v3 scheduler, the day's start hour.
  static func configuration(currentDeck: Int64, dayStartHour: Int) -> [String: Any] {
    [
      "activeDecks": [currentDeck], "curDeck": currentDeck, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
      "estTimes": true, "dueCounts": true, "curModel": basicID, "nextPos": 1, "sortType": "noteFld",
      "sortBackwards": false, "addToCur": true, "dayLearnFirst": false, "schedVer": 2, "sched2021": true,
      "rollover": dayStartHour,
    ]
  }

  static func json(_ object: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }
}
