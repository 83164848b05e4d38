import Foundation
import GRDB
import RecallCore
import RecallStore

/// Writes Recall cards as a schema-11 Anki collection: one note per card (Basic, or Cloze for a card with one
/// `[...]` gap), its scheduling state, and its review history as revlog rows.
struct AnkiCollectionWriter {
  let decks: [DeckRecord]
  let cards: [StoredCard]
  let now: Date
  /// The collection's day 0; review due numbers count from it.
  private let creationDay: Int
  private let day: SchedulingDay

  init(decks: [DeckRecord], cards: [StoredCard], now: Date) {
    self.decks = decks
    self.cards = cards
    self.now = now
    let options = decks.first?.options ?? DeckOptions()
    day = options.day
    var earliest = day.number(of: now)
    for card in cards {
      earliest = min(earliest, day.number(of: card.record.createdAt), day.number(of: card.record.schedule.due))
      if let first = card.reviews.first { earliest = min(earliest, day.number(of: first.reviewedAt)) }
    }
    creationDay = earliest
  }

  /// Writes the collection to a new SQLite file at `path`.
  func write(to path: String) throws {
    let database = try DatabaseQueue(path: path)
    try database.write { db in
      try db.execute(sql: AnkiSchema11.tables)
      let deckIDs = try writeCollectionRow(db)
      var nextID = Int64((now.timeIntervalSince1970 * 1000).rounded()) - Int64(cards.count) - 1
      var cardIDs: [Int64: Int64] = [:]
      let note = try db.makeStatement(
        sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
      let card = try db.makeStatement(
        sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")
      for (position, stored) in cards.enumerated() {
        // Note and card ids are creation times in milliseconds, as in Anki, made unique.
        nextID = max(nextID + 1, Int64((stored.record.createdAt.timeIntervalSince1970 * 1000).rounded()))
        let id = nextID
        cardIDs[stored.id] = id
        let content = Self.noteContent(stored.record)
        let sortField = AnkiFieldText.plainText(fromHTML: content.fields[0])
        let modified = Int64(stored.record.modifiedAt.timeIntervalSince1970)
        try note.execute(arguments: [
          id, Self.guid(stored), content.isCloze ? AnkiSchema11.clozeID : AnkiSchema11.basicID, modified,
          Self.tagText(stored.record.tags), content.fields.joined(separator: "\u{1F}"), sortField,
          Self.checksum(sortField),
        ])
        let state = scheduling(stored, position: position + 1)
        try card.execute(arguments: [
          id, id, deckIDs[stored.record.deck] ?? AnkiSchema11.defaultDeckID, 0, modified, state.type, state.queue,
          state.due, state.interval, state.factor, stored.record.schedule.reps, stored.record.schedule.lapses,
          state.left, Self.flags(stored.record.tags), state.data,
        ])
      }
      try writeRevlog(db, cardIDs: cardIDs)
    }
    try database.close()
  }

  // MARK: The col row

  private func writeCollectionRow(_ db: Database) throws -> [String: Int64] {
    let modified = Int64(now.timeIntervalSince1970)
    var deckJSON: [String: Any] = [
      String(AnkiSchema11.defaultDeckID): AnkiSchema11.deck(
        id: AnkiSchema11.defaultDeckID, name: "Default", conf: 1, modified: modified)
    ]
    var optionsJSON: [String: Any] = [:]
    var optionIDs: [DeckOptions: Int64] = [:]
    var deckIDs: [String: Int64] = [:]
    let base = Int64(1_700_000_100_000)
    // Every level of every name: Anki expects a deck's parents to exist.
    var names: [String] = []
    for deck in decks {
      var parts: [String] = []
      for part in deck.name.components(separatedBy: "::") {
        parts.append(part)
        let name = parts.joined(separator: "::")
        if !names.contains(name) { names.append(name) }
      }
    }
    let optionsByName = Dictionary(decks.map { ($0.name, $0.options) }, uniquingKeysWith: { first, _ in first })
    for (index, name) in names.enumerated() {
      let options = optionsByName[name] ?? DeckOptions()
      let conf: Int64
      if let known = optionIDs[options] {
        conf = known
      } else {
        conf = Int64(optionIDs.count + 1)
        optionIDs[options] = conf
        optionsJSON[String(conf)] = AnkiSchema11.deckOptions(
          id: conf, name: conf == 1 ? "Default" : name, options, modified: modified)
      }
      let id = base + Int64(index)
      deckIDs[name] = id
      deckJSON[String(id)] = AnkiSchema11.deck(id: id, name: name, conf: conf, modified: modified)
    }
    if optionsJSON["1"] == nil {
      optionsJSON["1"] = AnkiSchema11.deckOptions(id: 1, name: "Default", DeckOptions(), modified: modified)
    }
    let current = decks.first.flatMap { deckIDs[$0.name] } ?? AnkiSchema11.defaultDeckID
    try db.execute(
      sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
      arguments: [
        Int64(day.start(ofDay: creationDay).timeIntervalSince1970), modified * 1000, modified * 1000,
        try AnkiSchema11.json(
          AnkiSchema11.configuration(currentDeck: current, dayStartHour: decks.first?.options.dayStartHour ?? 4)),
        try AnkiSchema11.json(AnkiSchema11.models(modified: modified)), try AnkiSchema11.json(deckJSON),
        try AnkiSchema11.json(optionsJSON),
      ])
    return deckIDs
  }

  // MARK: Notes

  /// A card's note: Cloze when its front has exactly one `[...]` gap (the back's first line is the answer, the
  /// rest its extra), else Basic.
  static func noteContent(_ record: CardRecord) -> (isCloze: Bool, fields: [String]) {
    let gap = "[...]"
    let lines = record.back.split(separator: "\n", omittingEmptySubsequences: false)
    if let range = record.front.range(of: gap),
      record.front.range(of: gap, range: range.upperBound..<record.front.endIndex) == nil,
      let answer = lines.first, !answer.isEmpty, !answer.contains("::"), !answer.contains("}}"),
      !record.front.contains("{{c")
    {
      let text = record.front.replacingCharacters(in: range, with: "{{c1::\(answer)}}")
      return (
        true,
        [
          AnkiFieldText.html(fromPlainText: text),
          AnkiFieldText.html(fromPlainText: lines.dropFirst().joined(separator: "\n")),
        ]
      )
    }
    return (false, [AnkiFieldText.html(fromPlainText: record.front), AnkiFieldText.html(fromPlainText: record.back)])
  }

  /// Anki's note tags: space-separated with a space at each end; flag tags become card flags instead.
  static func tagText(_ tags: [String]) -> String {
    let kept = tags.filter { AnkiFlag.number(tag: $0) == nil }
    return kept.isEmpty ? "" : " " + kept.joined(separator: " ") + " "
  }

  static func flags(_ tags: [String]) -> Int {
    tags.lazy.compactMap(AnkiFlag.number(tag:)).first ?? 0
  }

  /// The first 32 bits of the SHA-1 of the sort field: Anki finds duplicates by it.
  static func checksum(_ text: String) -> Int64 {
    Int64(SHA1.digest(Data(text.utf8)).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
  }

  /// A note id that stays the same across exports of the same card, so importing a newer export into Anki
  /// updates the notes the older one made instead of duplicating them.
  static func guid(_ card: StoredCard) -> String {
    let digest = SHA1.digest(Data("recall:\(card.id):\(card.record.createdAt.timeIntervalSince1970)".utf8))
    return "r" + Data(digest.prefix(9)).base64EncodedString()
  }

  // MARK: Scheduling

  private struct Scheduling {
    var type = 0
    var queue = 0
    var due: Int64 = 0
    var interval = 0
    var factor = 0
    var left = 0
    var data = "{}"
  }

  /// Anki's columns for a card's schedule: new cards by position, learning cards by epoch seconds, review cards
  /// by day number; the memory state goes in `data`, where Anki's FSRS reads it.
  private func scheduling(_ stored: StoredCard, position: Int) -> Scheduling {
    let record = stored.record
    let schedule = record.schedule
    var result = Scheduling()
    let options = decks.first { $0.name == record.deck }?.options ?? DeckOptions()
    if let stability = schedule.stability, let difficulty = schedule.difficulty {
      var data: [String: Any] = ["s": rounded(stability), "d": rounded(difficulty), "dr": options.desiredRetention]
      if let last = schedule.lastReview { data["lrt"] = Int64(last.timeIntervalSince1970) }
      result.data = (try? AnkiSchema11.json(data)) ?? "{}"
      result.factor = Self.ease(stability: stability, difficulty: difficulty)
    }
    switch schedule.phase {
    case .new:
      result.due = Int64(position)
      result.factor = 0
    case .learning, .relearning:
      let steps = schedule.phase == .learning ? options.learningSteps : options.relearningSteps
      let remaining = max(1, steps.count - (schedule.step ?? 0))
      result.type = schedule.phase == .learning ? 1 : 3
      result.queue = 1
      result.due = Int64(schedule.due.timeIntervalSince1970)
      result.left = remaining * 1000 + remaining
      result.interval = schedule.phase == .relearning ? max(1, schedule.scheduledDays ?? 1) : 0
      if result.factor == 0 { result.factor = 2500 }
    case .review:
      result.type = 2
      result.queue = 2
      result.due = Int64(day.number(of: schedule.due) - creationDay)
      let fallback = schedule.lastReview.map { max(1, Int((schedule.due.timeIntervalSince($0) / 86_400).rounded())) }
      result.interval = schedule.scheduledDays ?? fallback ?? 1
      if result.factor == 0 { result.factor = 2500 }
    }
    if record.suspended {
      result.queue = -1
    } else if let buried = record.buriedUntil, buried > now {
      result.queue = -3
    }
    return result
  }

  /// The SM-2 ease (×1000) that Anki's own conversion would turn back into this memory state (the inverse of
  /// fsrs-rs `memory_state_from_sm2` at 90 %), so a user going back to SM-2 keeps each card's difficulty.
  static func ease(stability: Double, difficulty: Double) -> Int {
    let w = FSRSParameters.default.weights
    let ease = 1 + (11 - difficulty) * exp(w[8]) * pow(max(stability, 0.001), -w[9]) * expm1(0.1 * w[10])
    guard ease.isFinite else { return 2500 }
    return Int((min(max(ease, 1.3), 5) * 1000).rounded())
  }

  private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  // MARK: Review history

  /// Every review as a revlog row, in time order; ids are the answers' times in milliseconds, made unique.
  private func writeRevlog(_ db: Database, cardIDs: [Int64: Int64]) throws {
    var rows: [(time: Date, card: Int64, review: ReviewEntry, lastInterval: Int)] = []
    for stored in cards {
      guard let id = cardIDs[stored.id] else { continue }
      var lastInterval = 0
      for review in stored.reviews {
        rows.append((review.reviewedAt, id, review, lastInterval))
        lastInterval = Self.revlogInterval(review.intervalDays)
      }
    }
    rows.sort { $0.time < $1.time }
    let statement = try db.makeStatement(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
    var lastID: Int64 = 0
    for row in rows {
      let id = max(lastID + 1, Int64((row.time.timeIntervalSince1970 * 1000).rounded()))
      lastID = id
      let review = row.review
      let kind: Int
      switch (review.mode, review.before.schedule.phase) {
      case (.cram, _): kind = 3
      case (_, .new), (_, .learning): kind = 0
      case (_, .review): kind = 1
      case (_, .relearning): kind = 2
      }
      let factor =
        review.mode == .cram
        ? 0
        : review.after.schedule.stability.map {
          Self.ease(stability: $0, difficulty: review.after.schedule.difficulty ?? 5)
        } ?? 2500
      try statement.execute(arguments: [
        id, row.card, review.rating.rawValue, Self.revlogInterval(review.intervalDays), row.lastInterval, factor,
        min(max(review.durationMs ?? 0, 0), 3_600_000), kind,
      ])
    }
  }

  /// Anki's revlog interval: whole days when a day or more, else negative seconds.
  static func revlogInterval(_ days: Double) -> Int {
    days >= 1 ? Int(days.rounded()) : -Int((days * 86_400).rounded())
  }
}
